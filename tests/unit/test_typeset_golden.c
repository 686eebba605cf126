/* test_typeset_golden.c - golden layout dumps: a few fixture layouts are
 * typeset and their pages written as text (ts_dump: every text run, rule
 * and box with its position and its structure node, anchors, bookmarks
 * and the structure nodes), then compared with the dumps kept in
 * tests/golden/. A change in line breaking, hyphenation, kerning,
 * pagination or the logical structure (tagged PDF) shows as a diff there. After an intended change,
 * `make regen` rewrites the dumps (VB_REGEN=1); review them with git diff
 * before committing. Run from the top of the tree, as `make unit` does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ts_testutil.h"
#include "../../src/page/page.h"

static const char *const fixtures[] = {
    "rapport-ale",     /* a single report: title block, tables, lists */
    "langt-ord",       /* a word longer than the line, emergency breaks */
    "smala-celler",    /* narrow table cells: hyphenation, header rows */
    "tabell-60",       /* a table over several pages, repeated header */
    "sidflode",        /* page flow: charts, short and long tables, a
                          chapter's last page, cover, running heads */
};

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    sb b = {0};
    char buf[4096];
    size_t n;
    sb_add(&b, "");
    while ((n = fread(buf, 1, sizeof buf - 1, f)) > 0) {
        buf[n] = 0;
        sb_add(&b, buf);
    }
    fclose(f);
    return b.p;
}

/* The first line where a and b differ, for the failure message. */
static void first_diff(const char *a, const char *b)
{
    int line = 1;
    const char *la = a, *lb = b;
    while (*a && *a == *b) {
        if (*a == '\n') {
            line++;
            la = a + 1;
            lb = b + 1;
        }
        a++;
        b++;
    }
    print_error("  line %d\n  kept: %.*s\n  now:  %.*s\n", line,
                (int)strcspn(la, "\n"), la, (int)strcspn(lb, "\n"), lb);
}

static void golden(void **state)
{
    (void)state;
    bool regen = getenv("VB_REGEN") && strcmp(getenv("VB_REGEN"), "1") == 0;
    int bad = 0;
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        char in[256], out[256];
        snprintf(in, sizeof in, "tests/layout/%s.xml", fixtures[i]);
        snprintf(out, sizeof out, "tests/golden/%s.dump", fixtures[i]);
        char *xml = slurp(in);
        assert_non_null(xml);
        tres t = typeset_str(xml);
        free(xml);
        if (!t.r)
            print_error("%s: %s\n", in, t.err ? t.err : "?");
        assert_non_null(t.r);
        char *dump = ts_dump(t.r);
        assert_non_null(dump);
        if (regen) {
            FILE *f = fopen(out, "wb");
            assert_non_null(f);
            fputs(dump, f);
            assert_int_equal(fclose(f), 0);
        } else {
            char *kept = slurp(out);
            if (!kept) {
                print_error("%s is missing: make regen\n", out);
                bad++;
            } else if (strcmp(kept, dump) != 0) {
                print_error("%s differs from the typesetter's pages of %s "
                            "(intended? make regen, then git diff):\n",
                            out, in);
                first_diff(kept, dump);
                bad++;
            }
            free(kept);
        }
        free(dump);
        tres_free(&t);
    }
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
