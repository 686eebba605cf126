/* ts_hyph.c - Swedish hyphenation with libhyphen and hyphen-sv.
 *
 * The patterns are Latin-1 and lower case (NOTES-libs.md): each word is
 * converted, lower-cased (Å Ä Ö too) and hyphenated with
 * hnj_hyphen_hyphenate3(..., 2, 2, 2, 2) because the file sets
 * LEFTHYPHENMIN 1. Words with characters outside Latin-1 get no breaks.
 *
 * Loading all 15 000 patterns costs about 38 M instructions, more than a
 * tenth of setting a 3-page report that uses a few hundred of them. When
 * the document's words are known beforehand (ts_hyph_expect, from
 * ts_compound_expect's walk of the layout tree), only the patterns that
 * can act on them are loaded, and the same breaks come out:
 *
 * libhyphen runs an automaton over ".word." whose states are the
 * prefixes of the patterns' letter strings; after each letter it is in
 * the state of the longest suffix of the text read that is a state, and
 * it applies that state's pattern, if the state is one. Every such
 * suffix is a substring of ".word.". So if the loaded patterns give the
 * same states among the substrings S of the dotted words, and the same
 * patterns for those states, every run is the same. Loaded are: every
 * pattern whose letter string is in S (so its state and pattern), and
 * for each longest prefix in S of any other pattern that no loaded
 * pattern begins with, one pattern that begins with it (so the state
 * exists; the state of its whole string lies outside S and is never
 * reached). Lines that set parameters are kept. A file with what this
 * reasoning does not cover (NEXTLEVEL: a second level run on parts of
 * words; non-standard patterns with '/') is loaded whole, and so it is
 * for any word that was not expected. */
#define _POSIX_C_SOURCE 200809L
#include "ts.h"
#include "../util/grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

static const char *const dict_paths[] = {
    "/usr/share/hyphen/hyph_sv_SE.dic",
    "/usr/share/hyphen/hyph_sv.dic",
    NULL};

/* The patterns, loaded on first use and kept for the whole process: a
 * batch of reports (vastbus pdf -d) typesets each with its own ts_ctx, and
 * loading them again for each cost more than setting the report.
 * ts_release() frees them. */
static HyphenDict *g_hyph;
static bool g_whole;          /* g_hyph holds every pattern */
static ts_sset *g_covered;    /* the words a filtered g_hyph answers for */
static ts_sset *g_expect;     /* words expected (Latin-1, lower case) */
/* Filtered loads before the whole file is loaded instead: a word not
 * expected (text the typesetter makes itself) costs another filtered
 * load, of the words so far and it, a tenth of the whole one or less. */
#define MAX_FILTERED 3
static int g_builds;
/* Words up to which filtering pays: a report expects 200 (filter and load
 * 5 M instructions, not 38 M), a 49-group yearbook 1 500 (filtering cost
 * 10 M more than it saved). */
#define MAX_FILTER_WORDS 1000

static int latin1_lower(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return (int)cp + 32;
    if (cp >= 'a' && cp <= 'z')
        return (int)cp;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return (int)cp + 32;
    if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
        return (int)cp;
    return -1;
}

bool ts_hyph_expecting(void)
{
    return !g_whole && g_builds < MAX_FILTERED;
}

/* Adds a word (Latin-1, lower case) to those expected. */
static void expect_latin1(const char *word, size_t n)
{
    if (!g_expect)
        g_expect = ts_sset_new();
    if (g_expect && !ts_sset_add(g_expect, word, n)) {
        ts_sset_free(g_expect);     /* out of memory: the whole file */
        g_expect = NULL;
        g_builds = MAX_FILTERED;
    }
}

static void take(void *arg, const char *w, size_t n)
{
    (void)arg;
    expect_latin1(w, n);
}

void ts_hyph_expect(const char *w, size_t len)
{
    char word[208];
    size_t i = 0;
    int n = 0;
    if (!ts_hyph_expecting() || len > 400)
        return;
    while (i < len && n < 201) {
        uint32_t cp = (unsigned char)w[i];
        if (cp < 0x80)
            i++;
        else if (!vb_utf8_decode(w, len, &i, &cp))
            return;
        int l = latin1_lower(cp);
        if (l < 0)
            return;           /* no breaks asked of libhyphen */
        word[n++] = (char)l;
    }
    if (n < 4 || n > 200 || i < len ||
        (g_covered && ts_sset_has(g_covered, word, (size_t)n)))
        return;
    expect_latin1(word, (size_t)n);
    if (ts_sset_count(g_expect) > MAX_FILTER_WORDS) {
        /* a book: the whole file pays */
        ts_sset_free(g_expect);
        g_expect = NULL;
        g_builds = MAX_FILTERED;
    }
}

/* ---- the filter ------------------------------------------------------ */

static bool is_param(const char *line)
{
    if (line[0] < 'A' || line[0] > 'Z')
        return false;         /* patterns are lower case */
    static const char *const kw[] = {
        "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN",
        "COMPOUNDRIGHTHYPHENMIN", "NOHYPHEN", NULL};
    for (int i = 0; kw[i]; i++)
        if (!strncmp(line, kw[i], strlen(kw[i])))
            return true;
    return false;
}

#define LINE_MAX_FILTER 90    /* libhyphen skips lines of 100 or more */

/* One line of the file after the first, read once: where it is, what it
 * is, and its letter string (what libhyphen's load_line keys its state
 * by: its characters above ' ' that are not digits) at lets + loff. */
typedef struct {
    uint32_t off, next;       /* its bytes, with its newline: [off, next) */
    uint32_t loff;
    uint8_t n;                /* letters */
    uint8_t kind;             /* 0 comment, 1 parameter, 2 pattern */
    uint8_t keep;             /* 1 kept, 2 pass 2 decides */
    uint8_t m;                /* pass 1's longest prefix in S */
} hline;

/* What can be a substring of a dotted word, tested before a probe of S:
 * its letters and pairs exactly; its triples as a necessary condition
 * (hashed, so a set bit may belong to another triple). */
typedef struct {
    uint8_t one[256];
    uint64_t two[256 * 256 / 64];
    uint64_t three[1 << 10];  /* 2^16 bits */
} subbits;

static unsigned tri_hash(const char *s)
{
    unsigned h = (unsigned char)s[0] * 0x9E37u ^
                 (unsigned char)s[1] * 0x85EBu ^ (unsigned char)s[2];
    return (h ^ (h >> 16)) & 0xFFFFu;
}

static bool has_two(const subbits *b, const char *s)
{
    unsigned k = (unsigned char)s[0] << 8 | (unsigned char)s[1];
    return b->two[k >> 6] >> (k & 63) & 1;
}

static bool has_three(const subbits *b, const char *s)
{
    unsigned k = tri_hash(s);
    return b->three[k >> 6] >> (k & 63) & 1;
}

/* The substrings of 3 bytes or more (up to maxlen) of the dotted words,
 * exactly: an open-addressed table of (FNV-1a hash, length, place in
 * buf), buf holding the dotted words one after another. Built and probed
 * with the hash rolled one byte at a time, so a substring costs one step
 * and, rarely, one compare. */
typedef struct {
    uint32_t h, pos, len;     /* len 0: an empty slot */
} subent;

struct sbuild {
    char *buf;                /* ".w1..w2..." */
    size_t blen, bcap;
    size_t bound;             /* substrings to be added, at most */
    subent *tab;
    size_t mask;
    subbits *bits;            /* those of 1 and 2 bytes, and triples */
    size_t maxlen;
    bool ok;
};

#define FNV0 2166136261u

static uint32_t fnv_step(uint32_t h, char c)
{
    return (h ^ (unsigned char)c) * 16777619u;
}

static bool sub_has(const struct sbuild *b, uint32_t h, const char *s,
                    size_t n)
{
    for (size_t i = h & b->mask;; i = (i + 1) & b->mask) {
        const subent *e = &b->tab[i];
        if (!e->len)
            return false;
        if (e->h == h && e->len == n && !memcmp(b->buf + e->pos, s, n))
            return true;
    }
}

/* buf[pos..pos+n), unless there; the table has room (its bound) */
static void sub_add(struct sbuild *b, uint32_t h, size_t pos, size_t n)
{
    for (size_t i = h & b->mask;; i = (i + 1) & b->mask) {
        subent *e = &b->tab[i];
        if (!e->len) {
            *e = (subent){h, (uint32_t)pos, (uint32_t)n};
            return;
        }
        if (e->h == h && e->len == n &&
            !memcmp(b->buf + e->pos, b->buf + pos, n))
            return;
    }
}

/* ".w." onto buf, its letters, pairs and triples into bits */
static void add_dotted(void *arg, const char *w, size_t n)
{
    struct sbuild *b = arg;
    if (!b->ok)
        return;
    size_t L = n + 2;
    if (!vb_grow(&b->buf, &b->bcap, b->blen + L)) {
        b->ok = false;
        return;
    }
    char *d = b->buf + b->blen;
    d[0] = '.';
    memcpy(d + 1, w, n);
    d[n + 1] = '.';
    b->blen += L;
    for (size_t i = 0; i < L; i++) {
        b->bits->one[(unsigned char)d[i]] = 1;
        if (i + 1 < L) {
            unsigned k = (unsigned char)d[i] << 8 | (unsigned char)d[i + 1];
            b->bits->two[k >> 6] |= (uint64_t)1 << (k & 63);
        }
        if (i + 2 < L) {
            unsigned k = tri_hash(d + i);
            b->bits->three[k >> 6] |= (uint64_t)1 << (k & 63);
        }
        size_t most = L - i < b->maxlen ? L - i : b->maxlen;
        if (most > 2)
            b->bound += most - 2;
    }
}

/* The table of the substrings of the dotted words in buf. Words are
 * letters only, so each dotted word runs from a '.' to the next. */
static bool build_subs(struct sbuild *b)
{
    size_t cap = 64;
    while (cap < b->bound + b->bound / 2 + 1)
        cap *= 2;
    b->tab = calloc(cap, sizeof *b->tab);
    if (!b->tab)
        return false;
    b->mask = cap - 1;
    for (size_t s = 0; s < b->blen;) {
        size_t e = s + 1;
        while (e < b->blen && b->buf[e] != '.')
            e++;
        e++;                  /* past the closing '.' */
        for (size_t i = s; i < e; i++) {
            uint32_t h = FNV0;
            for (size_t j = i; j < e && j - i < b->maxlen; j++) {
                h = fnv_step(h, b->buf[j]);
                if (j - i >= 2)
                    sub_add(b, h, i, j - i + 1);
            }
        }
        s = e;
    }
    return true;
}

/* The longest prefix of let[0..n) that is a substring of a dotted word. */
static size_t prefix_in(const struct sbuild *b, const char *let, size_t n)
{
    const subbits *bits = b->bits;
    if (!n || !bits->one[(unsigned char)let[0]])
        return 0;
    size_t m = 1;
    if (m < n && has_two(bits, let))
        m = 2;
    else
        return m;
    /* every pair and triple of a substring is one too */
    uint32_t h = fnv_step(fnv_step(FNV0, let[0]), let[1]);
    while (m < n && has_two(bits, let + m - 1) &&
           has_three(bits, let + m - 2)) {
        h = fnv_step(h, let[m]);
        if (!sub_has(b, h, let, m + 1))
            break;
        m++;
    }
    return m;
}

/* The prefixes of the loaded patterns: those of 1 and 2 bytes in
 * bitmaps (most of pass 2's questions), longer ones in a set. */
typedef struct {
    uint8_t one[256];
    uint64_t two[256 * 256 / 64];
    ts_sset *longer;
} prefixes;

/* let[0..1), ..., let[0..m) into p; false when memory ran out */
static bool pre_add(prefixes *p, const char *let, size_t m)
{
    if (m >= 1)
        p->one[(unsigned char)let[0]] = 1;
    if (m >= 2) {
        unsigned k = (unsigned char)let[0] << 8 | (unsigned char)let[1];
        p->two[k >> 6] |= (uint64_t)1 << (k & 63);
    }
    for (size_t i = 3; i <= m; i++)
        if (!ts_sset_add(p->longer, let, i))
            return false;
    return true;
}

static bool pre_has(const prefixes *p, const char *let, size_t m)
{
    if (m == 1)
        return p->one[(unsigned char)let[0]];
    if (m == 2) {
        unsigned k = (unsigned char)let[0] << 8 | (unsigned char)let[1];
        return p->two[k >> 6] >> (k & 63) & 1;
    }
    return ts_sset_has(p->longer, let, m);
}

/* Reads the lines after the first into *lines and their letters into
 * *lets; false when the reasoning above does not cover the file (or
 * memory ran out). */
static bool read_lines(const char *first, const char *end, hline **lines,
                       size_t *nlines, char **lets, size_t *maxlen)
{
    size_t cap = 0, n = 0, lo = 0;
    hline *L = NULL;
    char *lt = malloc((size_t)(end - first) + 1);
    bool ok = lt != NULL;
    *maxlen = 0;
    for (const char *p = first; ok && p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = (size_t)((nl ? nl : end) - p);
        const char *next = nl ? nl + 1 : end;
        if (ll >= LINE_MAX_FILTER ||
            (p[0] == 'N' && !strncmp(p, "NEXTLEVEL", 9))) {
            ok = false;
            break;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 16384;
            hline *nlx = realloc(L, cap * sizeof *L);
            if (!nlx) {
                ok = false;
                break;
            }
            L = nlx;
        }
        hline *h = &L[n++];
        *h = (hline){(uint32_t)(p - first), (uint32_t)(next - first),
                     (uint32_t)lo, 0, 0, 0, 0};
        size_t i = 0, k = 0;
        for (; i < ll && (unsigned char)p[i] > ' '; i++) {
            if (p[i] == '/')
                ok = false;
            if (p[i] < '0' || p[i] > '9')
                lt[lo + k++] = p[i];
        }
        if (i < ll && memchr(p + i, '/', ll - i))
            ok = false;
        h->kind = p[0] == '%' ? 0 : is_param(p) ? 1 : 2;
        if (h->kind == 2) {
            h->n = (uint8_t)k;
            lo += k;
            if (k > *maxlen)
                *maxlen = k;
        }
        p = next;
    }
    if (!ok) {
        free(L);
        free(lt);
        return false;
    }
    *lines = L;
    *nlines = n;
    *lets = lt;
    return true;
}

/* The patterns file data[0..size) cut down to what the words of W need
 * (above), into a malloc'd buffer; NULL when it cannot be (the caller
 * loads the whole file). */
static char *filter(const char *data, size_t size, const ts_sset *W,
                    size_t *outlen)
{
    const char *end = data + size;
    const char *first = memchr(data, '\n', size);
    if (!first)
        return NULL;
    first++;
    hline *L = NULL;
    char *lets = NULL;
    size_t nlines = 0, maxlen = 0;
    if (!read_lines(first, end, &L, &nlines, &lets, &maxlen))
        return NULL;
    struct sbuild sb = {.bits = calloc(1, sizeof(subbits)),
                        .maxlen = maxlen, .ok = true};
    prefixes *P = calloc(1, sizeof *P);  /* of the loaded patterns */
    if (P && !(P->longer = ts_sset_new())) {
        free(P);
        P = NULL;
    }
    char *out = malloc(size + 1);
    bool ok = sb.bits && P && out;
    if (ok) {
        ts_sset_each(W, add_dotted, &sb);
        ok = sb.ok && build_subs(&sb);
    }
    /* pass 1: the patterns in S; pass 2: one for each missing state.
     * keep: 1 kept, 2 a pattern whose longest prefix in S is not all of
     * it (pass 2 decides) */
    for (size_t k = 0; ok && k < nlines; k++) {
        hline *h = &L[k];
        if (h->kind != 2) {
            h->keep = h->kind;
            continue;
        }
        const char *let = lets + h->loff;
        size_t n = h->n;
        size_t m = prefix_in(&sb, let, n);
        if (m < n) {
            h->keep = m ? 2 : 0;
            h->m = (uint8_t)m;
            continue;
        }
        h->keep = 1;
        ok = pre_add(P, let, m);
    }
    for (size_t k = 0; ok && k < nlines; k++) {
        hline *h = &L[k];
        if (h->keep != 2)
            continue;
        h->keep = 0;
        const char *let = lets + h->loff;
        size_t m = h->m;
        if (pre_has(P, let, m))
            continue;         /* a loaded pattern begins with it */
        h->keep = 1;
        ok = pre_add(P, let, m);
    }
    size_t o = 0;
    if (ok) {
        memcpy(out, data, (size_t)(first - data));
        o = (size_t)(first - data);
        for (size_t k = 0; k < nlines; k++)
            if (L[k].keep) {
                size_t len = L[k].next - L[k].off;
                memcpy(out + o, first + L[k].off, len);
                o += len;
            }
    }
    free(L);
    free(lets);
    free(sb.bits);
    free(sb.buf);
    free(sb.tab);
    if (P)
        ts_sset_free(P->longer);
    free(P);
    if (!ok) {
        free(out);
        return NULL;
    }
    *outlen = o;
    return out;
}

/* The patterns filtered to the words of W, or NULL. */
static HyphenDict *load_filtered(const char *path, const ts_sset *W)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    long size = 0;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)size))) {
        if (fread(data, 1, (size_t)size, f) != (size_t)size) {
            free(data);
            data = NULL;
        }
    }
    fclose(f);
    if (!data)
        return NULL;
    size_t len = 0;
    char *kept = filter(data, (size_t)size, W, &len);
    free(data);
    HyphenDict *h = NULL;
    FILE *m = kept ? fmemopen(kept, len, "r") : NULL;
    if (m) {
        h = hnj_hyphen_load_file(m);
        fclose(m);
    }
    free(kept);
    return h;
}

/* The patterns that answer for word[0..n). */
static HyphenDict *dict(ts_ctx *c, const char *word, size_t n)
{
    if (g_hyph && (g_whole || ts_sset_has(g_covered, word, n)))
        return g_hyph;
    if (g_hyph)
        hnj_hyphen_free(g_hyph);
    g_hyph = NULL;
    if (g_builds < MAX_FILTERED && (g_expect || g_covered)) {
        /* the words expected, those covered so far, and this one */
        if (g_covered)
            ts_sset_each(g_covered, take, NULL);
        expect_latin1(word, n);
    }
    if (g_builds < MAX_FILTERED && g_expect &&
        ts_sset_count(g_expect) <= MAX_FILTER_WORDS &&
        ts_sset_has(g_expect, word, n)) {
        g_builds++;
        for (int i = 0; dict_paths[i] && !g_hyph; i++)
            g_hyph = load_filtered(dict_paths[i], g_expect);
        if (g_hyph) {
            ts_sset_free(g_covered);
            g_covered = g_expect;
            g_expect = NULL;
            return g_hyph;
        }
    }
    for (int i = 0; dict_paths[i] && !g_hyph; i++)
        g_hyph = hnj_hyphen_load(dict_paths[i]);
    if (!g_hyph)
        ts_fail(c, "de svenska avstavningsmönstren (%s) saknas; installera "
                "paketet hyphen-sv", dict_paths[0]);
    g_whole = true;
    ts_sset_free(g_covered);
    ts_sset_free(g_expect);
    g_covered = g_expect = NULL;
    return g_hyph;
}

void ts_hyphenate(ts_ctx *c, const uint32_t *cps, int n, unsigned char *breaks)
{
    memset(breaks, 0, (size_t)n);
    if (n < 4 || n > 200)
        return;
    char word[208], hyph[208];
    for (int i = 0; i < n; i++) {
        int l = latin1_lower(cps[i]);
        if (l < 0)
            return;
        word[i] = (char)l;
    }
    word[n] = 0;
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    if (hnj_hyphen_hyphenate3(dict(c, word, (size_t)n), word, n, hyph, NULL,
                              &rep, &pos, &cut, 2, 2, 2, 2) == 0) {
        /* Non-standard hyphenation (rep) changes letters; we only use plain
         * break points, which are still marked in hyph[]. */
        for (int i = 0; i < n - 1; i++)
            if (hyph[i] & 1)
                breaks[i] = 1;
    }
    if (rep) {
        for (int i = 0; i < n; i++)
            free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
}

void ts_release(void)
{
    if (g_hyph)
        hnj_hyphen_free(g_hyph);
    g_hyph = NULL;
    g_whole = false;
    g_builds = 0;
    ts_sset_free(g_covered);
    ts_sset_free(g_expect);
    g_covered = g_expect = NULL;
    ts_compound_release();
    ts_font_cache_free();
}
