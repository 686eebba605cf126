/* test_typeset_hyph.c - Swedish hyphenation of the compounds measured in
 * NOTES-libs.md, capitals included (libhyphen wants Latin-1 lower case). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/typeset/ts.h"

/* Hyphenates a UTF-8 word and returns it with '-' at the break points. */
static void hyphenate(const char *word, char *out)
{
    ts_ctx *c = calloc(1, sizeof *c);
    assert_non_null(c);
    if (setjmp(c->jb)) {
        fail_msg("ts_fail: %s", c->err ? c->err : "?");
    }
    uint32_t cps[256];
    int n = 0;
    size_t i = 0, len = strlen(word);
    uint32_t cp;
    while (n < 256 && vb_utf8_decode(word, len, &i, &cp))
        cps[n++] = cp;
    unsigned char br[256];
    ts_hyphenate(c, cps, n, br);
    size_t o = 0;
    for (int k = 0; k < n; k++) {
        o += vb_utf8_encode(cps[k], out + o);
        if (br[k])
            out[o++] = '-';
    }
    out[o] = 0;
    ts_release();   /* the patterns are kept per process */
    free(c->err);
    free(c);
}

static void check(const char *word, const char *want)
{
    char got[1024];
    hyphenate(word, got);
    assert_string_equal(got, want);
}

static void compounds(void **state)
{
    (void)state;
    check("ungdomspsykiatrin", "ung-doms-psy-ki-a-trin");
    check("utbildningsinsatser", "ut-bild-nings-in-sat-ser");
    check("samverkansmöte", "sam-ver-kans-mö-te");
    check("socialförvaltningen", "so-ci-al-för-valt-ning-en");
    check("elevhälsochef", "elev-häl-so-chef");
    check("barnkonventionen", "barn-kon-ven-tio-nen");
    check("överenskommelse", "över-ens-kom-mel-se");
}

static void capitals(void **state)
{
    (void)state;
    check("Västbusgruppen", "Väst-bus-grup-pen");
    check("Överenskommelse", "Över-ens-kom-mel-se");
    check("ÖVERENSKOMMELSE", "ÖVER-ENS-KOM-MEL-SE");
    char got[256];
    hyphenate("Ärende", got);
    assert_true(strncmp(got, "Ä-", 3) != 0);   /* never one letter alone */
}

static void minimums_and_foreign(void **state)
{
    (void)state;
    check("olika", "oli-ka");          /* LEFTHYPHENMIN 1 would give o-li-ka */
    check("ovanför", "ovan-för");
    check("Łódź", "Łódź");             /* outside Latin-1: no breaks */
    check("ab", "ab");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compounds),
        cmocka_unit_test(capitals),
        cmocka_unit_test(minimums_and_foreign),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
