/* ts_compound.c - where a Swedish compound's parts meet, from the sv_SE
 * Hunspell dictionary (hunspell-sv) and its compounding rules.
 *
 * libhyphen's patterns know syllables, not compounds: they give
 * "grundsko-leförvaltningen" as readily as "grundskole-förvaltningen".
 * Hunspell knows which words exist and how they combine, so a split of a
 * word into A|B is a joint when B is a word (or a compound) on its own
 * and A is a word, or a word's compound form: with a linking s
 * ("utbildnings"), or with its last vowel changed or dropped
 * ("grundskole" from "grundskola", "familje" from "familj", "skol" from
 * "skola"). Derivational
 * endings that are also words ("verksam|het", "ung|dom") are not joints.
 * The dictionary is loaded on first use and kept, with the answers cached
 * per word, for the whole process: the typesetter sees the same words on
 * every pass and in every report of a batch, and loading the dictionary
 * (2.3 MB) costs more than setting a 3-page report. ts_release() frees
 * it. */
#define _POSIX_C_SOURCE 200809L
#include "ts.h"
#include "../util/grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hunspell.h>

#define CACHE_BITS 12

typedef struct centry {
    char *word;               /* lower case UTF-8, malloc'd */
    unsigned char *joints;    /* one per character, malloc'd */
    struct centry *next;
} centry;

struct ts_compound {
    Hunhandle *h;
    bool absent;              /* no dictionary installed: no joints */
    bool full;                /* h holds the whole dictionary */
    bool indexed;             /* the .dic's index is there and fresh */
    int builds;               /* filtered loads so far */
    char aff[256], dic[256];
    ts_sset *covered;         /* words the filtered h answers for */
    ts_sset *pending;         /* words expected, not yet covered */
    centry *tab[1 << CACHE_BITS];
};

/* Filtered loads before the whole dictionary is loaded instead: each
 * filtered load costs a tenth of a whole one or less, and a run that keeps
 * meeting new words (a batch of reports) is better off with the whole. */
#define MAX_FILTERED 2
/* Words up to which filtering pays, measured (callgrind, the filter and
 * Hunspell_create of what it kept, random words of the samples): 400
 * words 173 + 40 M instructions, 600 201 + 42 M, 800 238 + 44 M, 1 000
 * 262 + 46 M; the whole load costs 320 M, and a yearbook's 1 200 words
 * would cost more filtered. */
#define MAX_FILTER_WORDS 800
/* The same with the index of the .dic (ts_spellidx.c), which spares the
 * reading of every line: the 49-group bench book's 1 178 words 59 + 37 M,
 * a report's 150 words 19 + 26 M; dictionary words, every other one two
 * joined (longer than a report's words), 1 000 164 M, 2 000 277 M, 4 000
 * 493 M, against 345 M for the whole load. */
#define MAX_FILTER_WORDS_INDEXED 2000

static const char *const aff_paths[] = {
    "/usr/share/hunspell/sv_SE.aff", "/usr/share/myspell/sv_SE.aff", NULL};

/* Endings that Hunspell knows as words but that make derivations, not
 * compounds. */
static const char *const not_parts[] = {
    "het", "heten", "heter", "hetens", "heterna", "dom", "domen", "domar",
    "domens", "skap", "skapet", "skapen", "skaper", "else", "elsen",
    "elser", "ning", "ningen", "ande", "ende", "are", "aren", "arna",
    "lig", "liga", "ligt", "bar", "bara", "sam", "samma", "samt", "isk",
    "iska", "tion", "ion", "ist", "ism", "ens", "ell", "era", NULL};

/* Words of the reports the dictionary lacks, each with a dictionary word
 * that inflects and compounds the same way. Only names belong here: a
 * common word the dictionary lacks should go to hunspell-sv upstream. */
static const char *const extra_words[][2] = {
    {"västbus", "buss"},      /* Västbus|gruppen, Västbus|samordnare */
    {NULL, NULL}};

static struct ts_compound *g_compound;

/* the index of the .dic (ts_spellidx.c), or "": set once per process by
 * ts_set_datadir(), and kept by ts_release() (the data folder stays) */
static char g_index[1024];

void ts_set_datadir(const char *dir)
{
    int n = snprintf(g_index, sizeof g_index, "%s/data/sv_SE.spellidx",
                     dir ? dir : "");
    if (!dir || n < 0 || (size_t)n >= sizeof g_index)
        g_index[0] = 0;       /* too long: read the .dic line by line */
}

static struct ts_compound *dict(ts_ctx *c)
{
    if (!g_compound) {
        struct ts_compound *d = calloc(1, sizeof *d);
        if (!d)
            ts_fail(c, "slut på minne");
        d->absent = true;
        for (int i = 0; aff_paths[i] && d->absent; i++) {
            size_t l = strlen(aff_paths[i]);
            FILE *f = fopen(aff_paths[i], "r");
            if (!f)
                continue;
            fclose(f);
            memcpy(d->aff, aff_paths[i], l + 1);
            memcpy(d->dic, aff_paths[i], l - 3);
            memcpy(d->dic + l - 3, "dic", 4);
            d->absent = false;
        }
        d->indexed = !d->absent && ts_spellidx_usable(g_index, d->aff, d->dic);
        g_compound = d;
    }
    return g_compound;
}

static void take_pending(void *arg, const char *w, size_t n)
{
    struct ts_compound *d = arg;
    if (!ts_sset_add(d->covered, w, n))
        d->builds = MAX_FILTERED;     /* no memory to filter: the whole */
}

/* (Re)loads the dictionary so that it answers for the covered and the
 * pending words: filtered to what they can reach (ts_spell.c), or whole. */
static void load(ts_ctx *c, struct ts_compound *d)
{
    /* automatic, not static: a static initializer must be a constant
     * expression (clang refuses extra_words[0][1]; gcc took it) */
    const char *const keep[] = {extra_words[0][1], NULL};
    Hunhandle *h = NULL;
    bool full = true;
    if (!d->covered)
        d->covered = ts_sset_new();
    if (d->covered &&
        ts_sset_count(d->covered) + ts_sset_count(d->pending) >
            (d->indexed ? MAX_FILTER_WORDS_INDEXED : MAX_FILTER_WORDS))
        d->builds = MAX_FILTERED;
    if (d->covered && d->builds < MAX_FILTERED) {
        ts_sset_each(d->pending, take_pending, d);
        FILE *t = d->builds < MAX_FILTERED ? tmpfile() : NULL;
        char path[64];
        if (t &&
            ts_spell_filter_ix(d->aff, d->dic, g_index, d->covered, keep,
                               t) &&
            snprintf(path, sizeof path, "/proc/self/fd/%d", fileno(t)) > 0) {
            FILE *probe = fopen(path, "r");
            if (probe) {
                fclose(probe);
                h = Hunspell_create(d->aff, path);
                /* the kept word must be there: the load read the file */
                if (h && !Hunspell_spell(h, keep[0])) {
                    Hunspell_destroy(h);
                    h = NULL;
                }
                full = false;
            }
        }
        if (t)
            fclose(t);
        d->builds++;
    }
    if (!h) {
        h = Hunspell_create(d->aff, d->dic);
        full = true;
    }
    if (!h)
        ts_fail(c, "slut på minne");
    for (int i = 0; extra_words[i][0]; i++)
        Hunspell_add_with_affix(h, extra_words[i][0], extra_words[i][1]);
    if (d->h)
        Hunspell_destroy(d->h);
    d->h = h;
    d->full = full;
    ts_sset_free(d->pending);
    d->pending = NULL;
    if (full) {
        ts_sset_free(d->covered);
        d->covered = NULL;
    }
}

/* Makes d->h answer for w (lower case UTF-8). */
static void need(ts_ctx *c, struct ts_compound *d, const char *w, size_t n)
{
    if (d->h && (d->full || ts_sset_has(d->covered, w, n)))
        return;
    if (!d->pending)
        d->pending = ts_sset_new();
    if (!d->pending || !ts_sset_add(d->pending, w, n))
        d->builds = MAX_FILTERED;
    load(c, d);
}

/* Hunspell's answers, remembered for the run: the same pieces come back
 * in word after word ("förvaltningen" in every "...förvaltningen"), and a
 * look-up costs far less than Hunspell's analysis. The answers do not
 * depend on which load (filtered or whole) gave them. */
static ts_sset *g_yes, *g_no;

static bool spell(Hunhandle *h, const char *s)
{
    size_t n = strlen(s);
    if (ts_sset_has(g_yes, s, n))
        return true;
    if (ts_sset_has(g_no, s, n))
        return false;
    bool ok = Hunspell_spell(h, s) != 0;
    ts_sset **set = ok ? &g_yes : &g_no;
    if (!*set)
        *set = ts_sset_new();
    if (*set)
        ts_sset_add(*set, s, n);  /* out of memory: not remembered */
    return ok;
}

static bool is_vowel_byte(const char *s, size_t n)
{
    /* the last character of s[0..n): a, e, o, u (ASCII only) */
    return n > 0 && strchr("aeou", s[n - 1]) != NULL;
}

/* How a (len bytes) can be a compound's first part: 3 when it is a word
 * ("social"), 2 with a linking s or a dropped or changed last vowel
 * ("utbildnings", "familje", "grundskole"), 1 with a vowel added
 * ("skol" from "skola", "läkar" from "läkare"), 0 when it cannot. Without
 * want1 the caller has no use for 1, and 0 comes instead (two questions
 * fewer to Hunspell). */
static int first_part(Hunhandle *h, const char *a, size_t len, bool want1)
{
    char buf[512];
    if (len + 2 > sizeof buf)
        return 0;
    memcpy(buf, a, len);
    buf[len] = 0;
    if (spell(h, buf))
        return 3;
    if (len >= 4 && a[len - 1] == 's' &&
        !strchr("sxz", a[len - 2])) {             /* utbildning-s */
        /* no linking s after s, x or z: "resurs|skolorna", never
         * "resurss|kolorna" */
        buf[len - 1] = 0;
        if (spell(h, buf))
            return 2;
        buf[len - 1] = 's';
    }
    if (len >= 4 && is_vowel_byte(a, len)) {      /* familj-e, skol-e */
        buf[len - 1] = 0;
        if (spell(h, buf))
            return 2;
        buf[len - 1] = 'a';                       /* skole -> skola */
        if (spell(h, buf))
            return 2;
        buf[len - 1] = a[len - 1];
    }
    if (want1 && !is_vowel_byte(a, len)) {
        buf[len + 1] = 0;
        buf[len] = 'a';                           /* skol -> skola */
        if (spell(h, buf))
            return 1;
        buf[len] = 'e';                           /* läkar -> läkare */
        if (spell(h, buf))
            return 1;
    }
    return 0;
}

/* Whether a first part a (len bytes) ends in one of the endings that
 * take a linking s in a compound. */
static bool takes_link_s(const char *a, size_t len)
{
    static const char *const ends[] = {"ning", "het", "dom", "skap", "else",
                                       "tion", "itet", "ande", "ende", "an",
                                       NULL};
    for (int i = 0; ends[i]; i++) {
        size_t l = strlen(ends[i]);
        if (len > l + 1 && !memcmp(a + len - l, ends[i], l))
            return true;
    }
    return false;
}

static bool not_part(const char *b)
{
    for (int i = 0; not_parts[i]; i++)
        if (!strcmp(b, not_parts[i]))
            return true;
    return false;
}

static unsigned hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h >> (32 - CACHE_BITS);
}

static int lower(uint32_t cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
        return (int)cp + 32;
    return (int)cp;
}

void ts_joints(ts_ctx *c, const uint32_t *cps, int n, unsigned char *joints)
{
    memset(joints, 0, (size_t)n);
    if (n < 6 || n > 120)
        return;
    struct ts_compound *d = dict(c);
    if (d->absent)
        return;
    char w[512];
    size_t off[121], len = 0;
    for (int i = 0; i < n; i++) {
        off[i] = len;
        len += vb_utf8_encode((uint32_t)lower(cps[i]), w + len);
    }
    off[n] = len;
    w[len] = 0;
    unsigned hv = hash(w);
    for (centry *e = d->tab[hv]; e; e = e->next)
        if (!strcmp(e->word, w)) {
            memcpy(joints, e->joints, (size_t)n);
            return;
        }
    need(c, d, w, len);
    /* whether the whole word is a word: asked only for a first part
     * with a vowel added (form 1), the rare case that needs it; the
     * whole word is the longest query, and costs Hunspell the most */
    int known = -1;
    {
        /* A|B after character i-1: A at least 3 letters, B at least 4
         * ("-len" in "vårdcentra|len" is a word too, but not a part)
         * unless A ends in a linking s. */
        struct cand { int i, form, score; } cd[120];
        int nc = 0;
        for (int i = 3; i <= n - 3; i++) {
            const char *b = w + off[i];
            /* a part of 3 letters only after a linking s: "utbildnings|dag" */
            if (n - i == 3 && w[off[i] - 1] != 's')
                continue;
            if (not_part(b) || !spell(d->h, b))
                continue;
            /* form 1 counts only before a second part of 5 letters or
             * more, and in a word Hunspell knows */
            int form = first_part(d->h, w, off[i], n - i >= 5 && known != 0);
            if (form == 1 && n - i >= 5 && known < 0)
                known = spell(d->h, w);
            if (!form || (form == 1 && (n - i < 5 || !known)))
                continue;
            int lo = i < n - i ? i : n - i;
            cd[nc++] = (struct cand){i, form, 4 * lo + form};
        }
        /* Two joints less than three letters apart cannot both be true
         * (no part has fewer than three letters): "gen|omförs" and
         * "genom|förs", "häls|ocentral" and "hälso|central",
         * "familjer|ätten" and "familje|rätten": the one that splits the
         * word more evenly, between the better formed parts, stands. */
        /* One letter apart across an s ("för|skolan", "förs|kolan";
         * "ställning|stagande", "ställnings|tagande") the s is a linking
         * s only after the endings that take one (-ning, -het, -dom,
         * -skap, -else, -tion, -itet, -ande, -ende, -an: "ställnings|",
         * "samverkans|"); after another first part it begins the next
         * word ("för|skolan", "hem|skolan"), whatever the evenness says. */
        bool drop[120] = {false};
        for (int x = 0; x < nc; x++)
            for (int y = 0; y < nc; y++) {
                if (x == y || drop[y] || cd[y].i - cd[x].i > 2 ||
                    cd[x].i - cd[y].i > 2)
                    continue;
                int e = cd[x].i < cd[y].i ? x : y, l = e == x ? y : x;
                if (cd[l].i - cd[e].i == 1 && w[off[cd[e].i]] == 's') {
                    bool link = takes_link_s(w, off[cd[e].i]);
                    if ((link && x == e) || (!link && x == l)) {
                        drop[x] = true;
                        break;
                    }
                    continue;
                }
                if (cd[y].score > cd[x].score) {
                    drop[x] = true;
                    break;
                }
            }
        /* The main joint splits the word most evenly, between the best
         * formed parts: "grundskole|förvaltningen", not
         * "grund|skoleförvaltningen". */
        int best = -1, bscore = 0;
        for (int x = 0; x < nc; x++) {
            if (drop[x])
                continue;
            if (cd[x].form >= 2)
                joints[cd[x].i - 1] = 1;
            if (cd[x].score > bscore) {
                bscore = cd[x].score;
                best = cd[x].i - 1;
            }
        }
        if (best >= 0)
            joints[best] = 2;
    }
    centry *e = calloc(1, sizeof *e);
    char *wc = strdup(w);
    unsigned char *jc = malloc((size_t)n);
    if (!e || !wc || !jc) {
        free(e), free(wc), free(jc);
        ts_fail(c, "slut på minne");
    }
    memcpy(jc, joints, (size_t)n);
    e->word = wc;
    e->joints = jc;
    e->next = d->tab[hv];
    d->tab[hv] = e;
}

void ts_compound_release(void)
{
    struct ts_compound *d = g_compound;
    if (!d)
        return;
    for (int i = 0; i < (1 << CACHE_BITS); i++)
        for (centry *e = d->tab[i], *nx; e; e = nx) {
            nx = e->next;
            free(e->word);
            free(e->joints);
            free(e);
        }
    if (d->h)
        Hunspell_destroy(d->h);
    ts_sset_free(d->covered);
    ts_sset_free(d->pending);
    free(d);
    ts_sset_free(g_yes);
    ts_sset_free(g_no);
    g_yes = g_no = NULL;
    g_compound = NULL;
}

/* ---- the words a document will ask about ------------------------------
 * Read from the layout tree before the first pass, so that one filtered
 * load of the dictionary, and one of the hyphenation patterns
 * (ts_hyph_expect), answers for the whole document. A word missed here
 * (one made of generated text) only costs another load. */

typedef struct {
    struct ts_compound *d;
    char *buf;
    size_t n, cap;
    bool oom;
    bool spell, hyph;         /* collect for Hunspell, for libhyphen */
} expect;

/* as ts_para.c's is_letter(): the runs of letters it hyphenates */
static bool letter(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x370 && cp < 0x2000);
}

static void ex_put(expect *e, const char *s)
{
    size_t l = strlen(s);
    if (!vb_grow(&e->buf, &e->cap, e->n + l + 1)) {
        e->oom = true;
        return;
    }
    memcpy(e->buf + e->n, s, l);
    e->n += l;
}

/* the runs of 6 to 120 letters of the collected text, lower case, into
 * pending */
static void ex_flush(expect *e)
{
    struct ts_compound *d = e->d;
    char w[512];
    size_t i = 0, wl = 0;
    int nch = 0;
    while (i <= e->n && !e->oom) {
        uint32_t cp = ' ';
        if (!vb_utf8_decode(e->buf, e->n, &i, &cp))
            i++;              /* the end: the last run ends too */
        if (letter(cp) && wl + 4 < sizeof w) {
            wl += vb_utf8_encode((uint32_t)lower(cp), w + wl);
            nch++;
            continue;
        }
        if (e->hyph && nch >= 4 && nch <= 200)
            ts_hyph_expect(w, wl);
        if (e->spell && nch >= 6 && nch <= 120 &&
            !ts_sset_has(d->covered, w, wl)) {
            if (!d->pending)
                d->pending = ts_sset_new();
            if (!d->pending || !ts_sset_add(d->pending, w, wl))
                e->oom = true;
        }
        wl = 0;
        nch = 0;
    }
    e->n = 0;
}

static void ex_inl(expect *e, const lay_inline *in)
{
    for (; in; in = in->next) {
        if (in->kind == LI_TEXT && in->text)
            ex_put(e, in->text);
        else if (in->child)
            ex_inl(e, in->child);
        else
            ex_put(e, " ");
    }
}

static void ex_str(expect *e, const char *s)
{
    if (s) {
        ex_put(e, s);
        ex_flush(e);
    }
}

static void ex_blocks(expect *e, const lay_block *b)
{
    for (; b && !e->oom; b = b->next) {
        ex_inl(e, b->inl);
        ex_flush(e);
        /* each kind's own strings (they share one place, layout.h) */
        if (b->kind == LB_TABLE) {
            ex_str(e, b->caption);
        } else if (b->kind == LB_CHART) {
            ex_str(e, b->title);
            ex_str(e, b->unit);
            ex_str(e, b->legend_current);
            ex_str(e, b->legend_previous);
        } else if (b->kind == LB_BAR) {
            ex_str(e, b->label);
        } else if (b->kind == LB_PAGELABEL) {
            ex_str(e, b->label_prefix);
        }
        ex_blocks(e, b->child);
    }
}

void ts_compound_expect(ts_ctx *c)
{
    struct ts_compound *d = dict(c);
    expect e = {d, NULL, 0, 0, false, !d->absent && !d->full,
                ts_hyph_expecting()};
    if (!e.spell && !e.hyph)
        return;
    for (int i = 0; i < 3; i++) {
        ex_inl(&e, c->doc->header[i]);
        ex_flush(&e);
        ex_inl(&e, c->doc->footer[i]);
        ex_flush(&e);
    }
    ex_blocks(&e, c->doc->body);
    /* text the typesetter adds: a table continued on the next page */
    ex_str(&e, "forts");
    free(e.buf);
    if (e.oom && e.spell)
        d->builds = MAX_FILTERED;   /* load the whole when asked */
}
