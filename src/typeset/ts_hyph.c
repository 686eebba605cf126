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

/* The letter string of a pattern line (what libhyphen's load_line keys its
 * state by): its characters above ' ' that are not digits. */
static size_t letters(const char *line, size_t ll, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < ll && (unsigned char)line[i] > ' '; i++)
        if (line[i] < '0' || line[i] > '9')
            out[n++] = line[i];
    return n;
}

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

struct sbuild {
    ts_sset *S;
    size_t maxlen;
    bool ok;
};

/* the substrings of ".w." up to maxlen bytes, into S */
static void add_dotted(void *arg, const char *w, size_t n)
{
    struct sbuild *b = arg;
    char d[210];
    d[0] = '.';
    memcpy(d + 1, w, n);
    d[n + 1] = '.';
    for (size_t i = 0; i < n + 2 && b->ok; i++)
        for (size_t j = i + 1; j <= n + 2 && j - i <= b->maxlen && b->ok; j++)
            b->ok = ts_sset_add(b->S, d + i, j - i);
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
    /* the longest letter string, and what the reasoning refuses */
    size_t maxlen = 0;
    for (const char *p = first; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = (size_t)((nl ? nl : end) - p);
        if (ll >= LINE_MAX_FILTER || !strncmp(p, "NEXTLEVEL", 9) ||
            memchr(p, '/', ll))
            return NULL;
        if (p[0] != '%' && !is_param(p)) {
            char let[LINE_MAX_FILTER];
            size_t n = letters(p, ll, let);
            if (n > maxlen)
                maxlen = n;
        }
        p = nl ? nl + 1 : end;
    }
    struct sbuild sb = {ts_sset_new(), maxlen, true};
    ts_sset *P = ts_sset_new();      /* prefixes of the loaded patterns */
    char *out = malloc(size + 1);
    unsigned char *keep = NULL;
    bool ok = sb.S && P && out && ts_sset_add(sb.S, "", 0);
    if (ok) {
        ts_sset_each(W, add_dotted, &sb);
        ok = sb.ok;
    }
    /* pass 1: the patterns in S; pass 2: one for each missing state */
    size_t nlines = 0;
    for (const char *p = first; ok && p < end; nlines++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    /* keep[k]: 1 kept, 2 a pattern whose longest prefix in S is not all
     * of it (pass 2 decides) */
    unsigned char *pm = NULL;   /* pass 1's longest prefix in S */
    if (ok)
        ok = (keep = calloc(nlines + 1, 1)) != NULL &&
             (pm = calloc(nlines + 1, 1)) != NULL;
    char let[LINE_MAX_FILTER];
    size_t k = 0;
    for (const char *p = first; ok && p < end; k++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = (size_t)((nl ? nl : end) - p);
        const char *line = p;
        p = nl ? nl + 1 : end;
        if (line[0] == '%')
            continue;
        if (is_param(line)) {
            keep[k] = 1;
            continue;
        }
        size_t n = letters(line, ll, let);
        size_t m = 0;           /* the longest prefix in S */
        while (m < n && ts_sset_has(sb.S, let, m + 1))
            m++;
        if (m < n) {
            keep[k] = m ? 2 : 0;
            pm[k] = (unsigned char)m;
            continue;
        }
        keep[k] = 1;
        for (size_t i = 1; i <= m && ok; i++)
            ok = ts_sset_add(P, let, i);
    }
    k = 0;
    for (const char *p = first; ok && p < end; k++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = (size_t)((nl ? nl : end) - p);
        const char *line = p;
        p = nl ? nl + 1 : end;
        if (keep[k] != 2)
            continue;
        keep[k] = 0;
        letters(line, ll, let);
        size_t m = pm[k];
        if (ts_sset_has(P, let, m))
            continue;         /* a loaded pattern begins with it */
        keep[k] = 1;
        for (size_t i = 1; i <= m && ok; i++)
            ok = ts_sset_add(P, let, i);
    }
    size_t o = 0;
    if (ok) {
        memcpy(out, data, (size_t)(first - data));
        o = (size_t)(first - data);
        k = 0;
        for (const char *p = first; p < end; k++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *next = nl ? nl + 1 : end;
            if (keep[k]) {
                memcpy(out + o, p, (size_t)(next - p));
                o += (size_t)(next - p);
            }
            p = next;
        }
    }
    free(keep);
    free(pm);
    ts_sset_free(sb.S);
    ts_sset_free(P);
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
