/* ts_hyph.c - Swedish hyphenation with libhyphen and hyphen-sv.
 *
 * The patterns are Latin-1 and lower case (NOTES-libs.md): each word is
 * converted, lower-cased (Å Ä Ö too) and hyphenated with
 * hnj_hyphen_hyphenate3(..., 2, 2, 2, 2) because the file sets
 * LEFTHYPHENMIN 1. Words with characters outside Latin-1 get no breaks. */
#include "ts.h"

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

static HyphenDict *dict(ts_ctx *c)
{
    if (g_hyph)
        return g_hyph;
    for (int i = 0; dict_paths[i] && !g_hyph; i++)
        g_hyph = hnj_hyphen_load(dict_paths[i]);
    if (!g_hyph)
        ts_fail(c, "de svenska avstavningsmönstren (%s) saknas; installera "
                "paketet hyphen-sv", dict_paths[0]);
    return g_hyph;
}

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
    if (hnj_hyphen_hyphenate3(dict(c), word, n, hyph, NULL, &rep, &pos, &cut,
                              2, 2, 2, 2) == 0) {
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
    ts_compound_release();
}
