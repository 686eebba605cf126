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
    centry *tab[1 << CACHE_BITS];
};

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

static struct ts_compound *dict(ts_ctx *c)
{
    if (!g_compound) {
        struct ts_compound *d = calloc(1, sizeof *d);
        if (!d)
            ts_fail(c, "slut på minne");
        for (int i = 0; aff_paths[i] && !d->h; i++) {
            char dic[256];
            size_t l = strlen(aff_paths[i]);
            memcpy(dic, aff_paths[i], l - 3);
            memcpy(dic + l - 3, "dic", 4);
            FILE *f = fopen(aff_paths[i], "r");
            if (!f)
                continue;
            fclose(f);
            d->h = Hunspell_create(aff_paths[i], dic);
        }
        d->absent = !d->h;
        for (int i = 0; d->h && extra_words[i][0]; i++)
            Hunspell_add_with_affix(d->h, extra_words[i][0],
                                    extra_words[i][1]);
        g_compound = d;
    }
    return g_compound;
}

static bool spell(Hunhandle *h, const char *s)
{
    return Hunspell_spell(h, s) != 0;
}

static bool is_vowel_byte(const char *s, size_t n)
{
    /* the last character of s[0..n): a, e, o, u (ASCII only) */
    return n > 0 && strchr("aeou", s[n - 1]) != NULL;
}

/* How a (len bytes) can be a compound's first part: 3 when it is a word
 * ("social"), 2 with a linking s or a dropped or changed last vowel
 * ("utbildnings", "familje", "grundskole"), 1 with a vowel added
 * ("skol" from "skola", "läkar" from "läkare"), 0 when it cannot. */
static int first_part(Hunhandle *h, const char *a, size_t len)
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
    if (!is_vowel_byte(a, len)) {
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
    bool known = spell(d->h, w);
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
            int form = first_part(d->h, w, off[i]);
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
        bool drop[120] = {false};
        for (int x = 0; x < nc; x++)
            for (int y = 0; y < nc; y++) {
                if (x == y || drop[y] || cd[y].i - cd[x].i > 2 ||
                    cd[x].i - cd[y].i > 2)
                    continue;
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
    free(d);
    g_compound = NULL;
}
