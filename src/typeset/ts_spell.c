/* ts_spell.c - the sv_SE Hunspell dictionary, loaded with only the entries
 * the expected words can reach.
 *
 * Hunspell_create() on the whole sv_SE.dic (152 000 entries) costs about
 * 320 M instructions, more than setting a 3-page report. But Hunspell
 * answers spell(q) only from the entries whose key it looks up while it
 * analyses q, and with this .aff every key it looks up is derived from q
 * in few ways:
 *   - a substring of q (compound parts, COMPOUNDRULE parts, the word
 *     itself), possibly with one character added at its end
 *     (SIMPLIFIEDTRIPLE: "glas|skål" looks up "glass");
 *   - such a string with one REP replacement (CHECKCOMPOUNDREP looks up
 *     the compound with a typical fault replaced);
 *   - any of those with a suffix's add part replaced by its strip part
 *     (SFX; there are no prefixes and no twofold suffixes).
 * So a key K can be reached only if, for some strip string t that ends K
 * (the empty one, or the strip string of a suffix whose flag K's line
 * has: Hunspell takes a line found through a suffix only when it has that
 * suffix's flag), m = K minus t satisfies: m without its last character is a substring of
 * a query, or m (or m without its last character) is a substring of a
 * query with one REP pattern replaced. Entries with no such split are
 * never looked up, and leaving them out changes no answer: Hunspell runs
 * the same steps and gets the same result from every look-up it makes.
 * An .aff with features this reasoning does not cover (prefixes, twofold
 * suffixes, IGNORE, ICONV, flag aliases, ...) gets the whole dictionary.
 *
 * The queries ts_joints() makes for a word w are substrings of w and
 * substrings of w followed by 'a' or 'e'; the set H of all of those, for
 * every expected word, decides which lines of the .dic are kept. The
 * caller keeps track of which words a filtered dictionary answers for and
 * loads again (or loads the whole one) for any other word. */
#define _POSIX_C_SOURCE 200809L
#include "ts.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a set of byte strings ------------------------------------------- */

typedef struct {              /* 16 bytes: a yearbook's H has 250 000 */
    uint32_t hash;
    uint32_t len;
    uint32_t off;             /* into the set's byte store; len 0: empty */
    uint32_t used;
} sent;

typedef struct ts_sset {
    sent *tab;
    size_t cap, n;
    char *buf;
    size_t blen, bcap;
} ts_sset;

static inline uint32_t fnv(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static inline sent *sset_slot(const ts_sset *s, uint32_t h, const char *p,
                              size_t n)
{
    size_t i = h & (s->cap - 1);
    for (;;) {
        sent *e = &s->tab[i];
        if (!e->used || (e->hash == h && e->len == n &&
                         (n == 0 || memcmp(s->buf + e->off, p, n) == 0)))
            return e;
        i = (i + 1) & (s->cap - 1);
    }
}

static inline bool has_h(const ts_sset *s, uint32_t h, const char *p,
                         size_t n)
{
    return s->cap && sset_slot(s, h, p, n)->used;
}

static inline bool has(const ts_sset *s, const char *p, size_t n)
{
    return s->cap && sset_slot(s, fnv(p, n), p, n)->used;
}

bool ts_sset_has(const ts_sset *s, const char *p, size_t n)
{
    return s && has(s, p, n);
}

/* Adds p[0..n), whose fnv() is h; false when memory ran out. */
static bool add_h(ts_sset *s, uint32_t h, const char *p, size_t n)
{
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        sent *tab = calloc(cap, sizeof *tab);
        if (!tab)
            return false;
        ts_sset o = *s;
        s->tab = tab;
        s->cap = cap;
        for (size_t i = 0; i < o.cap; i++)
            if (o.tab[i].used)
                *sset_slot(s, o.tab[i].hash, o.buf + o.tab[i].off,
                           o.tab[i].len) = o.tab[i];
        free(o.tab);
    }
    sent *e = sset_slot(s, h, p, n);
    if (e->used)
        return true;
    if (s->blen + n > UINT32_MAX)
        return false;
    if (s->blen + n > s->bcap) {
        size_t bc = s->bcap ? s->bcap * 2 : 4096;
        while (bc < s->blen + n)
            bc *= 2;
        char *nb = realloc(s->buf, bc);
        if (!nb)
            return false;
        s->buf = nb;
        s->bcap = bc;
    }
    if (n)          /* the empty key: no bytes, and buf may still be NULL */
        memcpy(s->buf + s->blen, p, n);
    *e = (sent){h, (uint32_t)n, (uint32_t)s->blen, 1};
    s->blen += n;
    s->n++;
    return true;
}

/* Adds p[0..n); false when memory ran out. */
bool ts_sset_add(ts_sset *s, const char *p, size_t n)
{
    return add_h(s, fnv(p, n), p, n);
}

/* Whether the set holds a[0..al) b[0..bl) c[0..cl), whose fnv() is h:
 * a string made of pieces, tested without copying them together. */
static bool has3(const ts_sset *s, uint32_t h, const char *a, size_t al,
                 const char *b, size_t bl, const char *c, size_t cl)
{
    if (!s->cap)
        return false;
    size_t n = al + bl + cl;
    for (size_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        const sent *e = &s->tab[i];
        if (!e->used)
            return false;
        if (e->hash != h || e->len != n)
            continue;
        const char *q = s->buf + e->off;
        if ((!al || !memcmp(q, a, al)) && (!bl || !memcmp(q + al, b, bl)) &&
            (!cl || !memcmp(q + al + bl, c, cl)))
            return true;
    }
}

ts_sset *ts_sset_new(void)
{
    return calloc(1, sizeof(ts_sset));
}

void ts_sset_free(ts_sset *s)
{
    if (!s)
        return;
    free(s->tab);
    free(s->buf);
    free(s);
}

size_t ts_sset_count(const ts_sset *s)
{
    return s ? s->n : 0;
}

/* Calls fn for every string of the set. */
void ts_sset_each(const ts_sset *s, void (*fn)(void *, const char *, size_t),
                  void *arg)
{
    for (size_t i = 0; s && i < s->cap; i++)
        if (s->tab[i].used)
            fn(arg, s->buf + s->tab[i].off, s->tab[i].len);
}

/* ---- what the .aff allows -------------------------------------------- */

#define MAX_REP 256
#define MAX_TAIL 8            /* bytes of a strip string considered */

typedef struct {
    char p[32], r[32];
    size_t pl, rl;
    int pnext;                /* the next whose pattern starts the same */
    int rnext;                /* the next whose replacement starts so */
} rep;

typedef struct {
    ts_sset *tails;           /* strip strings of the suffixes, and "" */
    size_t tail_max;          /* longest, in bytes */
    bool tail_last[256];      /* the last bytes of the non-empty ones */
    char tail[64][MAX_TAIL + 1];   /* the non-empty ones */
    size_t tail_len[64];
    int ntail;
    int tail_first[256];      /* by last byte: a list through tail_next */
    int tail_next[64];
    uint64_t flag_tails[256]; /* by a suffix flag: its strip strings */
    rep reps[MAX_REP];
    int nrep;
    size_t rep_max;           /* the longest replacement, in bytes */
    ts_sset *rsub;            /* the replacements' substrings */
    ts_sset *rpre, *rsuf;     /* their proper prefixes and suffixes */
    bool rsuf_first[256];     /* the first bytes of rsuf's strings */
    bool rpre_last[256];      /* the last bytes of rpre's strings */
    int pfirst[256];          /* by a pattern's first byte: a list */
    int rfirst[256];          /* by a replacement's first byte: a list */
} affinfo;

/* Reads what the filter needs from the .aff; false when the .aff uses
 * anything the filter's reasoning does not cover. */
static bool read_aff(const char *path, affinfo *ai)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    static const char *const refuse[] = {
        "PFX", "IGNORE", "ICONV", "OCONV", "AF", "AM", "COMPLEXPREFIXES",
        "CHECKCOMPOUNDPATTERN", "COMPOUNDSYLLABLE", "CHECKSHARPS",
        "COMPOUNDMORESUFFIXES", "CIRCUMFIX", "SUBSTANDARD", "LEMMA_PRESENT",
        "PSEUDOROOT", "KEEPCASE", "CHECKCOMPOUNDCASE", NULL};
    char line[1024];
    char sfxflags[256] = {0};  /* flags (one byte) that name suffixes */
    char contflags[1024] = "";
    size_t ncont = 0;
    bool ok = true, flag_long = false;
    ai->tails = ts_sset_new();
    if (!ai->tails || !ts_sset_add(ai->tails, "", 0))
        ok = false;
    while (ok && fgets(line, sizeof line, f)) {
        char *fld[6] = {0};
        int nf = 0;
        for (char *t = strtok(line, " \t\r\n"); t && nf < 6;
             t = strtok(NULL, " \t\r\n"))
            fld[nf++] = t;
        if (nf == 0 || fld[0][0] == '#')
            continue;
        for (int i = 0; refuse[i]; i++)
            if (!strcmp(fld[0], refuse[i]))
                ok = false;
        if (!strcmp(fld[0], "FLAG"))
            flag_long = true;
        if (!strcmp(fld[0], "SFX") && nf >= 4) {
            sfxflags[(unsigned char)fld[1][0]] = 1;
            if (nf >= 5) {
                const char *strip = strcmp(fld[2], "0") ? fld[2] : "";
                size_t sl = strlen(strip);
                if (sl > MAX_TAIL)
                    ok = false;
                if (sl > ai->tail_max)
                    ai->tail_max = sl;
                if (sl && !ts_sset_has(ai->tails, strip, sl)) {
                    if (ai->ntail == 64) {
                        ok = false;
                    } else {
                        memcpy(ai->tail[ai->ntail], strip, sl);
                        ai->tail_len[ai->ntail++] = sl;
                    }
                }
                for (int t = 0; sl && t < ai->ntail; t++)
                    if (ai->tail_len[t] == sl && !memcmp(ai->tail[t], strip, sl))
                        ai->flag_tails[(unsigned char)fld[1][0]] |=
                            (uint64_t)1 << t;
                if (sl)
                    ai->tail_last[(unsigned char)strip[sl - 1]] = true;
                if (sl <= MAX_TAIL && !ts_sset_add(ai->tails, strip, sl))
                    ok = false;
                const char *slash = strchr(fld[3], '/');
                if (slash) {
                    size_t cl = strlen(slash + 1);
                    if (ncont + cl >= sizeof contflags)
                        ok = false;
                    else {
                        memcpy(contflags + ncont, slash + 1, cl);
                        ncont += cl;
                    }
                }
            }
        }
        if (!strcmp(fld[0], "REP") && nf >= 3) {
            if (ai->nrep + 2 > MAX_REP) {
                ok = false;
                continue;
            }
            rep r = {0};
            const char *p = fld[1];
            size_t pl = strlen(p);
            /* Hunspell's compound check (cpdrep_check) uses only the
             * patterns that may stand anywhere in a word */
            if (pl && (p[0] == '^' || p[pl - 1] == '$'))
                continue;
            size_t rl = strlen(fld[2]);
            if (pl >= sizeof r.p || rl >= sizeof r.r || rl == 0) {
                ok = false;
                continue;
            }
            memcpy(r.p, p, pl);
            r.pl = pl;
            memcpy(r.r, fld[2], rl);
            r.rl = rl;
            if (memchr(r.r, '_', rl)) {   /* '_' stands for a space */
                for (size_t k = 0; k < rl; k++)
                    if (r.r[k] == '_')
                        r.r[k] = ' ';
            }
            ai->reps[ai->nrep++] = r;
            if (rl > ai->rep_max)
                ai->rep_max = rl;
        }
    }
    fclose(f);
    ai->rsub = ts_sset_new();
    ai->rpre = ts_sset_new();
    ai->rsuf = ts_sset_new();
    if (!ai->rsub || !ai->rpre || !ai->rsuf)
        ok = false;
    for (int i = 0; ok && i < ai->nrep; i++) {
        const rep *r = &ai->reps[i];
        for (size_t a = 0; a < r->rl; a++)
            for (size_t b = a + 1; b <= r->rl; b++)
                ok = ok && ts_sset_add(ai->rsub, r->r + a, b - a);
        for (size_t q = 1; q < r->rl; q++) {
            ok = ok && ts_sset_add(ai->rpre, r->r, q) &&
                 ts_sset_add(ai->rsuf, r->r + q, r->rl - q);
            ai->rsuf_first[(unsigned char)r->r[q]] = true;
            ai->rpre_last[(unsigned char)r->r[q - 1]] = true;
        }
    }
    for (int i = 0; i < 256; i++)
        ai->tail_first[i] = -1;
    /* each list the longest first: the longest strip string that ends a
     * key gives its shortest stem */
    for (size_t len = 1; len <= MAX_TAIL; len++)
        for (int i = ai->ntail - 1; i >= 0; i--) {
            if (ai->tail_len[i] != len)
                continue;
            unsigned char lb =
                (unsigned char)ai->tail[i][ai->tail_len[i] - 1];
            ai->tail_next[i] = ai->tail_first[lb];
            ai->tail_first[lb] = i;
        }
    for (int i = 0; i < 256; i++)
        ai->pfirst[i] = ai->rfirst[i] = -1;
    for (int i = ai->nrep - 1; i >= 0; i--) {
        ai->reps[i].pnext = ai->pfirst[(unsigned char)ai->reps[i].p[0]];
        ai->pfirst[(unsigned char)ai->reps[i].p[0]] = i;
        ai->reps[i].rnext = ai->rfirst[(unsigned char)ai->reps[i].r[0]];
        ai->rfirst[(unsigned char)ai->reps[i].r[0]] = i;
    }
    /* twofold suffixes: a suffix that may take another suffix */
    for (size_t k = 0; k < ncont; k++)
        if (sfxflags[(unsigned char)contflags[k]])
            ok = false;
    if (flag_long)
        ok = false;
    return ok;
}

static void free_aff(affinfo *ai)
{
    ts_sset_free(ai->tails);
    ts_sset_free(ai->rsub);
    ts_sset_free(ai->rpre);
    ts_sset_free(ai->rsuf);
}

/* ---- the filter ------------------------------------------------------ */

/* The length of s[0..n) without its last UTF-8 character. */
static size_t drop_last(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    n--;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* x = y r', r' a replacement's beginning of q bytes ending at x: where y
 * ends. y ends inside a character only in a key that is not UTF-8: then
 * the prefix of H that reaches past y decides, as a prefix of whole
 * characters. reachable() and the index (reach_hashes) must agree. */
static size_t rpre_cut(const char *key, size_t x, size_t q)
{
    size_t y = x - q;
    while (y < x && ((unsigned char)key[y] & 0xC0) == 0x80)
        y++;
    return y;
}

#define KEY_MAX 256

/* The strip strings of the suffixes the line's flags (after the key, at
 * f: '/' and one byte a flag) name, as a set of ai->tail[] indices:
 * Hunspell finds a line through a suffix only when the line has that
 * suffix's flag (SfxEntry::checkword: TESTAFF), so a strip string of
 * another suffix never leads to it. */
static uint64_t line_tails(const affinfo *ai, const char *f, size_t n)
{
    uint64_t m = 0;
    if (n && *f == '/')
        for (size_t i = 1; i < n && !strchr(" \t\r\n", f[i]); i++)
            m |= ai->flag_tails[(unsigned char)f[i]];
    return m;
}

/* The shortest candidate of key[0..n): after the longest strip string
 * that ends it (of those in tails), less its last character. */
static size_t shortest(const affinfo *ai, const char *key, size_t n,
                       uint64_t tails)
{
    size_t x = n;
    for (int i = ai->tail_first[(unsigned char)key[n - 1]]; i >= 0;
         i = ai->tail_next[i]) {
        size_t tl = ai->tail_len[i];
        if (tl > n || !(tails >> i & 1))
            continue;
        const char *t = ai->tail[i], *k = key + n - tl;
        size_t j = 0;
        while (j < tl && k[j] == t[j])
            j++;
        if (j == tl) {
            x = n - tl;
            break;
        }
    }
    return drop_last(key, x);
}

/* Calls fn for every way x[0..n) is A r B with r a REP replacement: with
 * the fnv() of A p B (p its pattern); stops when fn returns true. hk[i]
 * is fnv() of x[0..i). */
static bool each_unreplaced(const affinfo *ai, const char *x, size_t n,
                            const uint32_t *hk,
                            bool (*fn)(void *, uint32_t, const char *, size_t,
                                       const rep *, size_t),
                            void *arg)
{
    for (size_t k = 0; k < n; k++)
        for (int i = ai->rfirst[(unsigned char)x[k]]; i >= 0;
             i = ai->reps[i].rnext) {
            const rep *r = &ai->reps[i];
            if (k + r->rl > n || memcmp(x + k, r->r, r->rl))
                continue;
            uint32_t h = hk[k];
            for (size_t j = 0; j < r->pl; j++)
                h = (h ^ (unsigned char)r->p[j]) * 16777619u;
            for (size_t j = k + r->rl; j < n; j++)
                h = (h ^ (unsigned char)x[j]) * 16777619u;
            if (fn(arg, h, x, n, r, k))
                return true;
        }
    return false;
}

static bool unreplaced_in(void *arg, uint32_t h, const char *x, size_t n,
                          const rep *r, size_t k)
{
    return has3(arg, h, x, k, r->p, r->pl, x + k + r->rl, n - k - r->rl);
}

/* Whether x[0..n) is in H2 (the strings of H with one REP pattern
 * replaced), without H2: whether undoing one replacement in it gives a
 * string of H. */
static bool in_h2(const affinfo *ai, const ts_sset *H, const char *x,
                  size_t n, const uint32_t *hk)
{
    return each_unreplaced(ai, x, n, hk, unreplaced_in, (void *)H);
}

/* Whether Hunspell may look up key[0..n) for one of the queries of H:
 * for some split key = m + t (t a strip string), m or m without its last
 * character is a piece of a query (in H), or a piece of a query with one
 * REP replacement: the whole replacement inside it (A r B, A p B in H),
 * it inside a replacement, a replacement's beginning at its end (the rest
 * in H) or a replacement's end at its beginning (the rest in H).
 *
 * Those pieces make a set closed under prefixes: a prefix of A r B is
 * A r B' (A p B' is in H too), A r' (a replacement's beginning after A)
 * or a prefix of A; a prefix of y r' or of s z is of the same kind or
 * inside a replacement; H is closed under substrings. Every candidate
 * begins the key, so the key can be reached exactly when the shortest
 * candidate x is such a piece: one look-up in H and one in H2 (the
 * A r B), a few for the replacement pieces at x's ends, and no copying:
 * hk[i] is fnv() of key[0..i), made while the line was read. H2 NULL:
 * membership in H2 decided by in_h2(). tails: the line's strip strings
 * (line_tails()). */
static bool reachable(const affinfo *ai, const ts_sset *H, const ts_sset *H2,
                      const char *key, size_t n, const uint32_t *hk,
                      uint64_t tails)
{
    if (n == 0 || n > KEY_MAX)
        return true;
    size_t x = shortest(ai, key, n, tails);
    if (x == 0)
        return true;
    if (has_h(H, hk[x], key, x) || (H2 && has_h(H2, hk[x], key, x)))
        return true;
    size_t rmax = ai->rep_max;
    if (x <= rmax && has(ai->rsub, key, x))
        return true;
    /* x = y r': y in H, r' a replacement's beginning (q bytes) */
    if (ai->rpre_last[(unsigned char)key[x - 1]])
        for (size_t q = 1; q < rmax && q < x; q++) {
            if (!has(ai->rpre, key + x - q, q))
                continue;
            size_t y = rpre_cut(key, x, q);
            if (has_h(H, hk[y], key, y))
                return true;
        }
    /* x = s z: s a replacement's end (sl bytes), z in H */
    if (ai->rsuf_first[(unsigned char)key[0]])
        for (size_t sl = 1; sl < rmax && sl < x; sl++)
            if (has(ai->rsuf, key, sl) && has(H, key + sl, x - sl))
                return true;
    /* the dearest test last */
    return !H2 && in_h2(ai, H, key, x, hk);
}

/* Adds p[0..n) c, whose fnv() is h. */
static bool add3(ts_sset *s, uint32_t h, const char *p, size_t n, char c)
{
    char tmp[600];
    if (has3(s, h, p, n, &c, 1, NULL, 0))
        return true;
    if (n + 1 > sizeof tmp)
        return false;
    memcpy(tmp, p, n);
    tmp[n] = c;
    return add_h(s, h, tmp, n + 1);
}

/* all substrings of w (at character boundaries), each also with 'a' and
 * 'e' after it, into H; false when memory ran out */
static bool add_word(ts_sset *H, const char *w, size_t n)
{
    for (size_t i = 0; i <= n; i++) {
        if (i < n && ((unsigned char)w[i] & 0xC0) == 0x80)
            continue;
        uint32_t h = 2166136261u;   /* fnv() of w[i..j) */
        for (size_t j = i;; j++) {
            if (j == n || ((unsigned char)w[j] & 0xC0) != 0x80) {
                char tmp[2] = {'a', 'e'};
                if (!add_h(H, h, w + i, j - i))
                    return false;
                /* w[i..j) 'a' comes in as w[i..j+1) when w[j] is 'a' */
                for (int t = 0; t < 2; t++)
                    if ((j == n || w[j] != tmp[t]) &&
                        !add3(H, (h ^ (unsigned char)tmp[t]) * 16777619u,
                              w + i, j - i, tmp[t]))
                        return false;
            }
            if (j == n)
                break;
            h = (h ^ (unsigned char)w[j]) * 16777619u;
        }
    }
    return true;
}

struct hbuild {
    ts_sset *H;
    bool ok;
};

struct h2build {
    const affinfo *ai;
    ts_sset *H2;
    bool ok;
};

/* H2: every string of H with one REP pattern in it replaced; H is closed
 * under substrings, so a piece A r B of a query with a replacement is in
 * H2 exactly when A p B is in H */
static void add_variants(void *arg, const char *h, size_t n)
{
    struct h2build *b = arg;
    const affinfo *ai = b->ai;
    uint32_t ha = 2166136261u;      /* fnv() of h[0..k) */
    for (size_t k = 0; k < n && b->ok; k++) {
        for (int i = ai->pfirst[(unsigned char)h[k]]; i >= 0;
             i = ai->reps[i].pnext) {
            const rep *r = &ai->reps[i];
            if (k + r->pl > n)
                continue;
            size_t j = 1;
            while (j < r->pl && h[k + j] == r->p[j])
                j++;
            if (j < r->pl)
                continue;
            const char *bb = h + k + r->pl;
            size_t bl = n - k - r->pl;
            uint32_t hv = ha;
            for (j = 0; j < r->rl; j++)
                hv = (hv ^ (unsigned char)r->r[j]) * 16777619u;
            for (j = 0; j < bl; j++)
                hv = (hv ^ (unsigned char)bb[j]) * 16777619u;
            if (has3(b->H2, hv, h, k, r->r, r->rl, bb, bl))
                continue;
            char buf[700];
            size_t cl = k + r->rl + bl;
            if (cl > sizeof buf) {
                b->ok = false;
                return;
            }
            memcpy(buf, h, k);
            memcpy(buf + k, r->r, r->rl);
            memcpy(buf + k + r->rl, bb, bl);
            if (!add_h(b->H2, hv, buf, cl)) {
                b->ok = false;
                return;
            }
        }
        ha = (ha ^ (unsigned char)h[k]) * 16777619u;
    }
}

static void take_word(void *arg, const char *w, size_t n)
{
    struct hbuild *hb = arg;
    hb->ok = hb->ok && add_word(hb->H, w, n);
}

/* The .dic read whole, with a '\n' after its end (so that every line,
 * the last too, ends in one); NULL when it cannot be read. */
static char *read_dic(const char *dic, size_t *size)
{
    FILE *f = fopen(dic, "rb");
    long n = 0;
    char *data = NULL;
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 &&
        fseek(f, 0, SEEK_SET) == 0) {
        data = malloc((size_t)n + 1);
        if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
            free(data);
            data = NULL;
        }
    }
    if (f)
        fclose(f);
    if (data) {
        data[n] = '\n';
        *size = (size_t)n;
    }
    return data;
}

/* The key of the line at p (up to '/' or the line's end, a '\n'): its
 * length; *plain when it has no space, tab, backslash or CR; hk[i] the
 * fnv() of its first i bytes, i <= KEY_MAX. */
static inline size_t line_key(const char *p, bool *plain, uint32_t *hk)
{
    /* what ends a key, and what makes it other than plain */
    static const unsigned char cls[256] = {
        ['/'] = 2, ['\n'] = 2, [' '] = 1, ['\t'] = 1, ['\\'] = 1, ['\r'] = 1};
    size_t kl = 0;
    uint32_t h = 2166136261u;
    hk[0] = h;
    *plain = true;
    for (;;) {
        unsigned char ch = (unsigned char)p[kl];
        if (cls[ch]) {
            if (cls[ch] == 2)
                break;
            *plain = false;
        }
        h = (h ^ ch) * 16777619u;
        kl++;
        if (kl <= KEY_MAX)
            hk[kl] = h;
    }
    return kl;
}

struct hashes {
    uint32_t *out;
    size_t n, max;
};

static bool put_hash(void *arg, uint32_t h, const char *x, size_t n,
                     const rep *r, size_t k)
{
    (void)x, (void)n, (void)r, (void)k;
    struct hashes *hs = arg;
    if (hs->n == hs->max)
        return true;          /* full: the caller refuses the line */
    hs->out[hs->n++] = h;
    return false;
}

/* The hashes under which the index lists a line of key key[0..n) whose
 * shortest candidate is key[0..x), x > 0: every string that reachable()
 * looks up in H or the replacements' substrings for it (without H2: the
 * strings of H that in_h2() looks up). At most max of them; 0 when there
 * are more. */
#define MAX_REPLEN 32
#define MAX_HASHES 4096
static size_t reach_hashes(const affinfo *ai, const char *key, size_t x,
                           const uint32_t *hk, uint32_t *out)
{
    struct hashes hs = {out, 1, MAX_HASHES - 2 * MAX_REPLEN};
    out[0] = hk[x];
    if (each_unreplaced(ai, key, x, hk, put_hash, &hs))
        return 0;
    size_t k = hs.n, rmax = ai->rep_max;
    if (ai->rpre_last[(unsigned char)key[x - 1]])
        for (size_t q = 1; q < rmax && q < x; q++) {
            if (!has(ai->rpre, key + x - q, q))
                continue;
            out[k++] = hk[rpre_cut(key, x, q)];
        }
    if (ai->rsuf_first[(unsigned char)key[0]])
        for (size_t sl = 1; sl < rmax && sl < x; sl++)
            if (has(ai->rsuf, key, sl))
                out[k++] = fnv(key + sl, x - sl);
    /* the same hash twice is one entry */
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        size_t j = 0;
        while (j < m && out[j] != out[i])
            j++;
        if (j == m)
            out[m++] = out[i];
    }
    return m;
}

/* The lines of the .dic read one by one, each key tested. */
static bool filter_scan(const affinfo *ai, const ts_sset *H,
                        const ts_sset *H2, const char *dic,
                        const char *const *keep, FILE *out)
{
    size_t size = 0;
    char *data = read_dic(dic, &size);
    if (!data)
        return false;
    /* the first line is the count (a size hint); the kept lines are
     * collected first, then the count and the lines written */
    char *p = memchr(data, '\n', size);
    char *end = data + size;
    size_t nkept = 0;
    char *w = data;       /* kept lines are moved down in place */
    size_t keep_len[16];
    int nkeep = 0;
    while (keep && keep[nkeep]) {
        if (nkeep < 16)
            keep_len[nkeep] = strlen(keep[nkeep]);
        nkeep++;
    }
    uint32_t hk[KEY_MAX + 1];
    for (p = p ? p + 1 : end; p < end;) {
        bool plain;
        size_t kl = line_key(p, &plain, hk);
        char *nl = p[kl] == '\n' ? p + kl
                   : memchr(p + kl, '\n', (size_t)(end - p - kl) + 1);
        size_t ll = (size_t)(nl - p);
        bool k = !plain || kl == 0 ||
                 reachable(ai, H, H2, p, kl, hk,
                           line_tails(ai, p + kl, ll - kl));
        for (int i = 0; !k && i < nkeep; i++)
            k = (i < 16 ? keep_len[i] : strlen(keep[i])) == kl &&
                !memcmp(keep[i], p, kl);
        if (k) {
            memmove(w, p, ll);
            w[ll] = '\n';
            w += ll + 1;
            nkept++;
        }
        p = nl + 1;
    }
    bool ok = fprintf(out, "%zu\n", nkept) > 0 &&
              fwrite(data, 1, (size_t)(w - data), out) ==
                  (size_t)(w - data) &&
              fflush(out) == 0;
    free(data);
    return ok;
}

/* ---- the filter with the index ---------------------------------------- */

typedef struct {
    const affinfo *ai;
    const ts_sset *H, *H2;
    const ts_spellidx *ix;
    uint32_t nlines;
    uint64_t *kept, *seen;    /* one bit a line */
} probe;

/* The key of index line i, copied with its '\n' into buf (KEY_MAX + 2
 * bytes): line_key() needs the '\n' that the mapped .dic's last line may
 * lack. Its length, or SIZE_MAX for a line the index does not have. */
static size_t ix_key(const affinfo *ai, const ts_spellidx *ix, uint32_t i,
                     char *buf, bool *plain, uint32_t *hk, uint64_t *tails)
{
    size_t len;
    const char *p = ts_spellidx_line(ix, i, &len);
    if (!p)
        return SIZE_MAX;
    size_t n = len < KEY_MAX + 1 ? len : KEY_MAX + 1;
    memcpy(buf, p, n);
    buf[n] = '\n';
    size_t kl = line_key(buf, plain, hk);
    if (kl <= KEY_MAX)
        *tails = line_tails(ai, p + kl, len - kl);
    return kl;
}

/* Tests each line the index lists under hash h, once. */
static void probe_hash(probe *pr, uint32_t h)
{
    size_t n;
    uint32_t lb, i;
    const uint32_t *e = ts_spellidx_find(pr->ix, h, &n, &lb);
    char buf[KEY_MAX + 2];
    uint32_t hk[KEY_MAX + 1];
    for (size_t j = 0; j < n; j++) {
        if (!ts_spellidx_is(e[j], h, lb, &i) || i >= pr->nlines ||
            (pr->seen[i / 64] >> (i % 64) & 1))
            continue;
        pr->seen[i / 64] |= (uint64_t)1 << (i % 64);
        bool plain;
        uint64_t tails = 0;
        size_t kl = ix_key(pr->ai, pr->ix, i, buf, &plain, hk, &tails);
        if (kl == SIZE_MAX)
            continue;
        /* a key longer than KEY_MAX: reachable() keeps it (the index
         * lists it among the lines always kept) */
        if (!plain || kl == 0 ||
            reachable(pr->ai, pr->H, pr->H2, buf, kl, hk, tails))
            pr->kept[i / 64] |= (uint64_t)1 << (i % 64);
    }
}

static void probe_set(probe *pr, const ts_sset *s)
{
    for (size_t i = 0; s && i < s->cap; i++)
        if (s->tab[i].used)
            probe_hash(pr, s->tab[i].hash);
}

/* The lines of the .dic found through the index: those it always keeps,
 * and those listed under the hash of a string of H, H2 or the
 * replacements' substrings, each tested as filter_scan() tests it. */
static bool filter_index(const affinfo *ai, const ts_sset *H,
                         const ts_sset *H2, const ts_spellidx *ix,
                         const char *const *keep, FILE *out)
{
    uint32_t nl = ts_spellidx_lines(ix);
    size_t nw = nl / 64 + 1;
    probe pr = {ai, H, H2, ix, nl, calloc(nw, 8), calloc(nw, 8)};
    if (!pr.kept || !pr.seen) {
        free(pr.kept);
        free(pr.seen);
        return false;
    }
    size_t na;
    const uint32_t *al = ts_spellidx_always(ix, &na);
    for (size_t i = 0; i < na; i++)
        if (al[i] < nl)
            pr.kept[al[i] / 64] |= (uint64_t)1 << (al[i] % 64);
    probe_set(&pr, H);
    probe_set(&pr, ai->rsub);
    /* a kept key that no word reaches: the index lists its line under
     * its shortest candidate, a prefix of the key that depends on the
     * line's flags (or among the lines always kept): each prefix is
     * tried */
    char buf[KEY_MAX + 2];
    uint32_t hk[KEY_MAX + 1];
    for (int k = 0; keep && keep[k]; k++) {
        size_t kl = strlen(keep[k]);
        if (kl == 0 || kl > KEY_MAX)
            continue;
        hk[0] = 2166136261u;
        for (size_t i = 0; i < kl; i++)
            hk[i + 1] = (hk[i] ^ (unsigned char)keep[k][i]) * 16777619u;
        for (size_t x = 1; x <= kl; x++) {
            size_t n;
            uint32_t lb, i;
            const uint32_t *e = ts_spellidx_find(ix, hk[x], &n, &lb);
            for (size_t j = 0; j < n; j++) {
                bool plain;
                uint32_t lhk[KEY_MAX + 1];
                uint64_t tails;
                if (!ts_spellidx_is(e[j], hk[x], lb, &i) || i >= nl ||
                    ix_key(ai, ix, i, buf, &plain, lhk, &tails) != kl ||
                    memcmp(buf, keep[k], kl))
                    continue;
                pr.kept[i / 64] |= (uint64_t)1 << (i % 64);
            }
        }
    }
    size_t nkept = 0;
    for (size_t i = 0; i < nw; i++)
        nkept += (size_t)__builtin_popcountll(pr.kept[i]);
    bool ok = fprintf(out, "%zu\n", nkept) > 0;
    for (size_t w = 0; ok && w < nw; w++)
        for (uint64_t b = pr.kept[w]; ok && b; b &= b - 1) {
            uint32_t i = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
            size_t len;
            const char *p = ts_spellidx_line(ix, i, &len);
            ok = p && fwrite(p, 1, len, out) == len && putc('\n', out) != EOF;
        }
    ok = ok && fflush(out) == 0;
    free(pr.kept);
    free(pr.seen);
    return ok;
}

/* Writes to out the lines of the .dic (dic) that the words of W (lower
 * case UTF-8, as ts_joints() asks) can reach, and the lines whose key is
 * one of keep[]. Returns false when it cannot filter (the caller loads
 * the whole dictionary then). */
bool ts_spell_filter_ix(const char *aff, const char *dic, const char *ixpath,
                        const ts_sset *W, const char *const *keep, FILE *out)
{
    affinfo ai;
    memset(&ai, 0, sizeof ai);
    bool ok = read_aff(aff, &ai);
    struct hbuild hb = {ts_sset_new(), true};
    struct h2build h2 = {&ai, ts_sset_new(), true};
    ts_spellidx *ix = ok ? ts_spellidx_open(ixpath, aff, dic) : NULL;
    if (ok && hb.H && h2.H2) {
        ts_sset_each(W, take_word, &hb);
        /* H2 only for the scan: with the index, in_h2() answers for the
         * few lines found */
        if (hb.ok && !ix)
            ts_sset_each(hb.H, add_variants, &h2);
        ok = hb.ok && h2.ok;
    } else {
        ok = false;
    }
    if (ok)
        ok = ix ? filter_index(&ai, hb.H, NULL, ix, keep, out)
                : filter_scan(&ai, hb.H, h2.H2, dic, keep, out);
    ts_spellidx_close(ix);
    ts_sset_free(hb.H);
    ts_sset_free(h2.H2);
    free_aff(&ai);
    return ok;
}

bool ts_spell_filter(const char *aff, const char *dic, const ts_sset *W,
                     const char *const *keep, FILE *out)
{
    return ts_spell_filter_ix(aff, dic, NULL, W, keep, out);
}

/* ---- making the index ------------------------------------------------- */

typedef struct {
    void *v;
    size_t n, cap, size;
} vec;

static bool vec_push(vec *a, const void *e)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 4096;
        void *nv = realloc(a->v, cap * a->size);
        if (!nv)
            return false;
        a->v = nv;
        a->cap = cap;
    }
    memcpy((char *)a->v + a->n++ * a->size, e, a->size);
    return true;
}

bool ts_spell_index(const char *aff, const char *dic, FILE *out)
{
    affinfo ai;
    memset(&ai, 0, sizeof ai);
    bool ok = read_aff(aff, &ai) && ai.rep_max < MAX_REPLEN;
    size_t size = 0;
    char *data = ok ? read_dic(dic, &size) : NULL;
    vec off = {.size = 4}, always = {.size = 4}, ents = {.size = sizeof(ts_sxent)};
    ok = ok && data && size < UINT32_MAX;
    if (ok) {
        char *end = data + size;
        char *p = memchr(data, '\n', size);
        uint32_t hk[KEY_MAX + 1], rh[MAX_HASHES];
        for (p = p ? p + 1 : end; ok && p < end;) {
            uint32_t line = (uint32_t)off.n, at = (uint32_t)(p - data);
            bool plain;
            size_t kl = line_key(p, &plain, hk);
            char *nl = memchr(p + kl, '\n', (size_t)(end - p - kl) + 1);
            size_t x = plain && kl > 0 && kl <= KEY_MAX
                           ? shortest(&ai, p, kl,
                                      line_tails(&ai, p + kl,
                                                 (size_t)(nl - p) - kl))
                           : 0;
            ok = vec_push(&off, &at);
            if (x == 0) {
                ok = ok && vec_push(&always, &line);
            } else {
                size_t n = reach_hashes(&ai, p, x, hk, rh);
                if (n == 0)   /* too many to list: kept always */
                    ok = ok && vec_push(&always, &line);
                for (size_t i = 0; ok && i < n; i++) {
                    ts_sxent e = {rh[i], line};
                    ok = vec_push(&ents, &e);
                }
            }
            p = nl + 1;
        }
        uint32_t at = (uint32_t)(p - data);
        ok = ok && vec_push(&off, &at) &&
             ts_spellidx_write(out, aff, dic, off.v, (uint32_t)off.n - 1,
                               always.v, (uint32_t)always.n, ents.v,
                               (uint32_t)ents.n);
    }
    free(data);
    free(off.v);
    free(always.v);
    free(ents.v);
    free_aff(&ai);
    return ok;
}
