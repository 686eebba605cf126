/* ts_wordlist.h - word lists for the unit tests of the filtered loads
 * (test_typeset_spellfilter.c, test_typeset_hyphfilter.c); header only.
 * Each test keeps its own array and bound, and its own choice of
 * dictionary words. */
#ifndef VB_TS_WORDLIST_H
#define VB_TS_WORDLIST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/util/utf8.h"

/* Appends a copy of w to v[0..*n) unless max words are there. */
static inline void wl_add(char **v, int *n, int max, const char *w)
{
    if (*n < max)
        v[(*n)++] = strdup(w);
}

/* The domain compounds of tests/typeset/sammansattningar.txt, joints
 * ('|') removed, each that keep (NULL: every one) accepts. 0, or -1 when
 * the file cannot be read. */
static inline int wl_load_compounds(char **v, int *n, int max,
                                    bool (*keep)(const char *))
{
    FILE *f = fopen("tests/typeset/sammansattningar.txt", "r");
    if (!f)
        return -1;
    char line[512], w[512];
    while (fgets(line, sizeof line, f)) {
        size_t k = 0;
        for (char *p = line; *p && *p != '\n' && *p != ' ' && *p != '\t';
             p++)
            if (*p != '|')
                w[k++] = *p;
        w[k] = 0;
        if (k && line[0] != '#' && (!keep || keep(w)))
            wl_add(v, n, max, w);
    }
    fclose(f);
    return 0;
}

/* The code points of w, at most max. */
static inline int wl_cps(const char *w, uint32_t *cps, int max)
{
    size_t i = 0, n = strlen(w);
    int m = 0;
    uint32_t cp;
    while (m < max && vb_utf8_decode(w, n, &i, &cp))
        cps[m++] = cp;
    return m;
}

#endif
