/* test_typeset_hyphfilter.c - the hyphenation patterns loaded filtered to
 * a document's words (ts_hyph.c) give the same break points as the whole
 * file.
 *
 * Words: the domain compounds of tests/typeset/sammansattningar.txt and
 * every 9th word of the sv_SE Hunspell dictionary (any case, Latin-1
 * letters), 400 at a time as one document's expected words; each is
 * hyphenated after a filtered load of just those and after a load of the
 * whole file. Every break must agree, and the filtered load must have
 * answered for all of them (no fall-back to the whole file). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/typeset/ts.h"
#include "ts_wordlist.h"

#define MAXW 20000
#define CHUNK 400

static char *words[MAXW];
static int nwords;

static void add(const char *w)
{
    wl_add(words, &nwords, MAXW, w);
}

/* letters that ts_hyphenate() hands to libhyphen: a-z, A-Z and the
 * Latin-1 letters (as UTF-8, C3 80 .. C3 BF but × and ÷) */
static bool latin1_word(const char *s)
{
    size_t n = strlen(s), chars = 0;
    for (size_t i = 0; i < n; i++, chars++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
            continue;
        unsigned char nx = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        if (ch == 0xC3 && nx >= 0x80 && nx <= 0xBF && nx != 0x97 &&
            nx != 0xB7) {
            i++;
            continue;
        }
        return false;
    }
    return chars >= 4 && chars <= 60;
}

static void load_words(void)
{
    char line[512];
    assert_int_equal(wl_load_compounds(words, &nwords, MAXW, latin1_word), 0);
    FILE *f = fopen("/usr/share/hunspell/sv_SE.dic", "r");
    if (!f)
        return;
    int k = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "/\n\t ")] = 0;
        if (latin1_word(line) && k++ % 9 == 0)
            add(line);
    }
    fclose(f);
}

static int to_cps(const char *w, uint32_t *cps)
{
    return wl_cps(w, cps, 200);
}

static void filtered_equals_whole(void **state)
{
    (void)state;
    load_words();
    assert_true(nwords > CHUNK);
    ts_ctx *c = calloc(1, sizeof *c);
    assert_non_null(c);
    if (setjmp(c->jb))
        fail_msg("ts_fail: %s", c->err ? c->err : "?");
    unsigned char (*whole)[200] = calloc((size_t)nwords, 200);
    unsigned char (*part)[200] = calloc((size_t)nwords, 200);
    assert_non_null(whole);
    assert_non_null(part);
    uint32_t cps[200];
    ts_release();               /* nothing expected: the whole file */
    for (int i = 0; i < nwords; i++)
        ts_hyphenate(c, cps, to_cps(words[i], cps), whole[i]);
    assert_false(ts_hyph_expecting());
    for (int from = 0; from < nwords; from += CHUNK) {
        int to = from + CHUNK < nwords ? from + CHUNK : nwords;
        ts_release();
        for (int i = from; i < to; i++) {
            /* as ts_compound_expect() passes them: lower case */
            char low[512];
            size_t n = strlen(words[i]);
            for (size_t k = 0; k <= n; k++) {
                unsigned char ch = (unsigned char)words[i][k];
                low[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
                if (k > 0 && (unsigned char)words[i][k - 1] == 0xC3 &&
                    ch >= 0x80 && ch <= 0x9E && ch != 0x97)
                    low[k] = (char)(ch + 32);
            }
            ts_hyph_expect(low, n);
        }
        for (int i = from; i < to; i++)
            ts_hyphenate(c, cps, to_cps(words[i], cps), part[i]);
        assert_true(ts_hyph_expecting());   /* never the whole file */
    }
    int differ = 0, with_breaks = 0;
    for (int i = 0; i < nwords; i++) {
        int n = to_cps(words[i], cps);
        if (memcmp(whole[i], part[i], (size_t)n) && differ++ < 10)
            print_message("differs: %s\n", words[i]);
        for (int k = 0; k < n; k++)
            if (whole[i][k]) {
                with_breaks++;
                break;
            }
    }
    print_message("%d words, %d with breaks, %d differ\n", nwords,
                  with_breaks, differ);
    assert_int_equal(differ, 0);
    assert_true(with_breaks > nwords / 2);
    ts_release();
    free(whole);
    free(part);
    free(c->err);
    free(c);
    for (int i = 0; i < nwords; i++)
        free(words[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(filtered_equals_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
