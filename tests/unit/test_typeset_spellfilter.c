/* test_typeset_spellfilter.c - the sv_SE dictionary loaded filtered to
 * what a document's words can reach (ts_spell.c) gives the same joints
 * as the whole dictionary.
 *
 * Words: the domain compounds of tests/typeset/sammansattningar.txt,
 * every 40th lower-case dictionary word of 6 letters or more, and pairs of
 * dictionary words joined (compounds Hunspell has to analyse, with REP
 * replacements and linking letters on the way). A document holds them
 * 300 at a time (a report's count), so one filtered load answers for
 * each 300; the same words are asked of the whole dictionary. Every
 * joint must agree. */
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

#define MAXW 3000

static char *words[MAXW];
static int nwords;

static void add(const char *w)
{
    wl_add(words, &nwords, MAXW, w);
}

static bool lower_word(const char *s)
{
    /* a-z, å ä ö é, 6 to 40 bytes */
    size_t n = strlen(s);
    if (n < 6 || n > 40)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'a' && ch <= 'z')
            continue;
        if (ch == 0xC3 && i + 1 < n &&
            strchr("\xA5\xA4\xB6\xA9", s[i + 1])) {
            i++;
            continue;
        }
        return false;
    }
    return true;
}

static void load_words(void)
{
    char line[512];
    assert_int_equal(wl_load_compounds(words, &nwords, MAXW, NULL), 0);
    FILE *f = fopen("/usr/share/hunspell/sv_SE.dic", "r");
    if (!f)
        return;               /* no dictionary: no joints either way */
    char *dict[MAXW];
    int nd = 0, k = 0;
    while (fgets(line, sizeof line, f) && nwords < MAXW - 800) {
        line[strcspn(line, "/\n\t ")] = 0;
        if (!lower_word(line) || k++ % 40)
            continue;
        add(line);
        if (nd < MAXW)
            dict[nd++] = words[nwords - 1];
    }
    fclose(f);
    /* pairs: a word and the one 97 places on */
    for (int i = 0; i + 97 < nd && nwords < MAXW; i += 3) {
        char w[128];
        snprintf(w, sizeof w, "%s%s", dict[i], dict[i + 97]);
        add(w);
    }
}

static int to_cps(const char *w, uint32_t *cps)
{
    return wl_cps(w, cps, 120);
}

/* joints of words[from..to) asked after a document of just those words */
static void filtered(ts_ctx *c, int from, int to, unsigned char (*out)[120])
{
    size_t total = 1;
    for (int i = from; i < to; i++)
        total += strlen(words[i]) + 1;
    char *text = malloc(total);
    assert_non_null(text);
    char *t = text;
    for (int i = from; i < to; i++)
        t += sprintf(t, "%s ", words[i]);
    lay_inline in = {0};
    in.kind = LI_TEXT;
    in.text = text;
    lay_block p = {0};
    p.kind = LB_P;
    p.inl = &in;
    lay_doc doc = {0};
    doc.body = &p;
    c->doc = &doc;
    ts_release();
    ts_compound_expect(c);
    uint32_t cps[120];
    for (int i = from; i < to; i++)
        ts_joints(c, cps, to_cps(words[i], cps), out[i]);
    c->doc = NULL;
    free(text);
}

static void filtered_equals_whole(void **state)
{
    (void)state;
    load_words();
    assert_true(nwords > 300);
    ts_ctx *c = calloc(1, sizeof *c);
    assert_non_null(c);
    if (setjmp(c->jb))
        fail_msg("ts_fail: %s", c->err ? c->err : "?");
    unsigned char (*whole)[120] = calloc((size_t)nwords, 120);
    unsigned char (*part)[120] = calloc((size_t)nwords, 120);
    assert_non_null(whole);
    assert_non_null(part);
    /* the whole dictionary: two words use up the filtered loads */
    uint32_t cps[120];
    unsigned char j[120];
    ts_release();
    ts_joints(c, cps, to_cps("qqqqqqa", cps), j);
    ts_joints(c, cps, to_cps("qqqqqqb", cps), j);
    for (int i = 0; i < nwords; i++)
        ts_joints(c, cps, to_cps(words[i], cps), whole[i]);
    /* filtered, a document of 300 words at a time (a report's size:
     * larger documents get the whole dictionary) */
    for (int i = 0; i < nwords; i += 300)
        filtered(c, i, i + 300 < nwords ? i + 300 : nwords, part);
    int differ = 0, with_joints = 0;
    for (int i = 0; i < nwords; i++) {
        int n = to_cps(words[i], cps);
        if (memcmp(whole[i], part[i], (size_t)n) && differ++ < 10)
            print_message("differs: %s\n", words[i]);
        for (int k = 0; k < n; k++)
            if (whole[i][k]) {
                with_joints++;
                break;
            }
    }
    print_message("%d words, %d with joints, %d differ\n", nwords,
                  with_joints, differ);
    assert_int_equal(differ, 0);
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
