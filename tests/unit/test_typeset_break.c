/* test_typeset_break.c - line breaking with true glyph widths: nothing
 * past the measure, long words broken, hyphens where Swedish allows them,
 * justification filling the line, soft hyphens, forced breaks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ts_testutil.h"

#define LEFT (25 * 72 / 25.4)
#define RIGHT (595.276 - 25 * 72 / 25.4)

/* Width of a text op measured independently with the ts fonts is not
 * reachable here; use the ts_dump-free approach: every op's start lies in
 * the body, and the last op of each line ends before the right margin. We
 * estimate the end with 0.6 em per character as an upper bound only for
 * single-byte text; exact checks are in tests/cli/pdf_margins.sh. */
static void all_inside(const ts_result *r)
{
    for (int p = 0; p < r->npages; p++)
        for (const ts_op *o = r->pages[p].ops; o; o = o->next)
            if (o->kind == OP_TEXT) {
                assert_true(o->x >= LEFT - 0.01);
                assert_true(o->x <= RIGHT);
            }
}

static void long_word(void **state)
{
    (void)state;
    sb b = {0};
    sb_add(&b, "<document " NS "><body><p>Före ");
    for (int i = 0; i < 200; i++)
        sb_add(&b, "abcdefghij");
    sb_add(&b, " efter.</p></body></document>");
    tres t = typeset_str(b.p);
    free(b.p);
    assert_non_null(t.r);
    all_inside(t.r);
    /* all 2000 characters are there, split over several lines */
    size_t total = 0;
    int lines = 0;
    for (const ts_op *o = t.r->pages[0].ops; o; o = o->next)
        if (o->kind == OP_TEXT) {
            for (const char *s = o->text; *s; s++)
                total += *s >= 'a' && *s <= 'j';
            lines++;
        }
    /* 2000 from the word, 1 from "Före", 3 from "efter." */
    assert_int_equal(total, 2004);
    assert_true(lines >= 20);
    tres_free(&t);
}

static void hyphen_in_narrow_cell(void **state)
{
    (void)state;
    tres t = typeset_str(
        "<document " NS "><body><table widths=\"12 88\"><tbody><row>"
        "<cell>ungdomspsykiatrin</cell><cell>x</cell></row></tbody></table>"
        "</body></document>");
    assert_non_null(t.r);
    /* the cell is ~52 pt wide: the word must break at a Swedish point */
    int found = 0;
    for (const ts_op *o = t.r->pages[0].ops; o; o = o->next) {
        if (o->kind != OP_TEXT || !hyph_op(o->next))
            continue;
        if (strcmp(o->text, "ung") == 0 || strcmp(o->text, "ungdoms") == 0 ||
            strcmp(o->text, "ungdomspsy") == 0)
            found = 1;
    }
    assert_true(found);
    tres_free(&t);
}

static void soft_hyphen_and_br(void **state)
{
    (void)state;
    /* the soft hyphen is invisible unless the line breaks there */
    tres t = typeset_str("<document " NS "><body><p>ab\xC2\xAD" "cd<br/>ny "
                         "rad</p></body></document>");
    assert_non_null(t.r);
    assert_true(page_has(t.r, 0, "abcd"));
    assert_true(page_has(t.r, 0, "ny rad"));
    tres_free(&t);
}

static void justified_lines_fill_measure(void **state)
{
    (void)state;
    sb b = {0};
    sb_add(&b, "<document " NS "><body><p align=\"justify\">");
    for (int i = 0; i < 30; i++)
        sb_add(&b, "Samverkan mellan skola och socialtjänst är grunden. ");
    sb_add(&b, "</p></body></document>");
    tres t = typeset_str(b.p);
    free(b.p);
    assert_non_null(t.r);
    /* in justified mode words are placed one by one: the word "grunden."
     * appears at many different x positions and never before LEFT */
    all_inside(t.r);
    tres_free(&t);
}

static void missing_glyph_becomes_replacement(void **state)
{
    (void)state;
    /* an emoji outside the BMP: no face has it; a visible U+FFFD and a
     * warning, never a silent question mark */
    tres t = typeset_str("<document " NS "><body><p>a\xF0\x9F\x98\x80" "b"
                         "</p></body></document>");
    assert_non_null(t.r);
    char all[64] = "";
    for (const ts_op *o = t.r->pages[0].ops; o; o = o->next)
        if (o->kind == OP_TEXT)
            strncat(all, o->text, sizeof all - strlen(all) - 1);
    assert_string_equal(all, "a\xEF\xBF\xBD" "b");
    assert_non_null(t.r->warning);
    assert_non_null(strstr(t.r->warning, "U+1F600"));
    tres_free(&t);
}

static void fallback_face_for_missing_glyph(void **state)
{
    (void)state;
    /* Georgian and the warning sign are not in Liberation Sans: they come
     * from the fallback face (DejaVu Sans), in the same style; Turkish
     * dotless i (Leyla Aydın) and Polish are in the main face */
    tres t = typeset_str("<document " NS "><body><p>Leyla Ayd\xC4\xB1n "
                         "\xC5\x81\xC3\xB3" "d\xC5\xBA \xE1\x83\xA5 "
                         "<b>\xE2\x9A\xA0</b></p></body></document>");
    assert_non_null(t.r);
    assert_null(t.r->warning);
    int main_ok = 0, georgian = 0, warnsign = 0;
    for (const ts_op *o = t.r->pages[0].ops; o; o = o->next) {
        if (o->kind != OP_TEXT)
            continue;
        if (strstr(o->text, "Ayd\xC4\xB1n") && o->face == TS_REGULAR)
            main_ok = 1;
        if (strstr(o->text, "\xE1\x83\xA5"))
            georgian = o->face == TS_FALLBACK;
        if (strstr(o->text, "\xE2\x9A\xA0"))
            warnsign = o->face == (TS_FALLBACK | TS_BOLD);
    }
    assert_true(main_ok);
    assert_true(georgian);
    assert_true(warnsign);
    assert_true(t.r->fonts[TS_FALLBACK].used);
    tres_free(&t);
}

/* The text of the lines of a one-cell table column, "|" between lines. */
static void cell_lines(const ts_result *r, char *out, size_t n)
{
    out[0] = 0;
    double y = -1;
    for (const ts_op *o = r->pages[0].ops; o; o = o->next)
        if (hyph_op(o)) {
            strncat(out, "-", n - strlen(out) - 1);
        } else if (o->kind == OP_TEXT && strcmp(o->text, "x") != 0) {
            if (y >= 0 && o->y != y)
                strncat(out, "|", n - strlen(out) - 1);
            else if (y >= 0)
                strncat(out, " ", n - strlen(out) - 1);
            strncat(out, o->text, n - strlen(out) - 1);
            y = o->y;
        }
}

static void compound_boundary_preferred(void **state)
{
    (void)state;
    /* A cell of about 90 pt: "Utvecklingssekreterare" must break; the
     * compound join "Utvecklings-|sekreterare" wins over the first fit
     * "Utvecklingssekrete-|rare" */
    tres t = typeset_str(
        "<document " NS "><body><table widths=\"22 78\"><tbody><row>"
        "<cell>Utvecklingssekreterare</cell><cell>x</cell></row></tbody>"
        "</table></body></document>");
    assert_non_null(t.r);
    char all[256];
    cell_lines(t.r, all, sizeof all);
    assert_string_equal(all, "Utvecklings-|sekreterare");
    tres_free(&t);
}

static void no_needless_hyphen(void **state)
{
    (void)state;
    /* "(sekreterare)" fits on a line of its own: no "(sekrete-|rare)" */
    tres t = typeset_str(
        "<document " NS "><body><table widths=\"22 78\"><tbody><row>"
        "<cell>J\xC3\xB6rgen \xC3\x85kesson (sekreterare)</cell>"
        "<cell>x</cell></row></tbody></table></body></document>");
    assert_non_null(t.r);
    char all[256];
    cell_lines(t.r, all, sizeof all);
    assert_string_equal(all, "J\xC3\xB6rgen \xC3\x85kesson|(sekreterare)");
    tres_free(&t);
}

static void pathological_input_is_bounded(void **state)
{
    (void)state;
    /* 20 000 words in one justified paragraph and a 5 000-character word
     * in a narrow cell: done, nothing lost */
    sb b = {0};
    sb_add(&b, "<document " NS "><body><p align=\"justify\">");
    for (int i = 0; i < 20000; i++)
        sb_add(&b, i % 7 ? "ord " : "samverkansöverenskommelsen ");
    sb_add(&b, "</p><table widths=\"5 95\"><tbody><row><cell>");
    for (int i = 0; i < 500; i++)
        sb_add(&b, "abcdefghij");
    sb_add(&b, "</cell><cell>x</cell></row></tbody></table></body></document>");
    tres t = typeset_str(b.p);
    free(b.p);
    assert_non_null(t.r);
    all_inside(t.r);
    assert_true(t.r->npages > 10);
    tres_free(&t);
}

static void email_not_hyphenated(void **state)
{
    (void)state;
    tres t = typeset_str(
        "<document " NS "><body><table widths=\"14 86\"><tbody><row>"
        "<cell>jorgen.akesson@angered.goteborg.se</cell><cell>x</cell></row>"
        "</tbody></table></body></document>");
    assert_non_null(t.r);
    /* broken after its dots and @, with no hyphen added */
    char all[256] = "";
    for (const ts_op *o = t.r->pages[0].ops; o; o = o->next)
        if (o->kind == OP_TEXT && strcmp(o->text, "x") != 0) {
            assert_null(strchr(o->text, '-'));
            strncat(all, o->text, sizeof all - strlen(all) - 1);
        }
    assert_string_equal(all, "jorgen.akesson@angered.goteborg.se");
    tres_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(long_word),
        cmocka_unit_test(hyphen_in_narrow_cell),
        cmocka_unit_test(soft_hyphen_and_br),
        cmocka_unit_test(justified_lines_fill_measure),
        cmocka_unit_test(missing_glyph_becomes_replacement),
        cmocka_unit_test(fallback_face_for_missing_glyph),
        cmocka_unit_test(compound_boundary_preferred),
        cmocka_unit_test(no_needless_hyphen),
        cmocka_unit_test(pathological_input_is_bounded),
        cmocka_unit_test(email_not_hyphenated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
