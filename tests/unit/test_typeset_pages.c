/* test_typeset_pages.c - pagination: header rows repeated on every page a
 * table runs over, "Sida N av M", headings kept with what follows and
 * never in the last 15 %, widows and orphans, page references. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ts_testutil.h"

#define HEADFOOT \
    "<footer><right>Sida <page-number/> av <page-count/></right></footer>"

static void table_header_repeats(void **state)
{
    (void)state;
    sb b = {0};
    sb_add(&b, "<document " NS ">" HEADFOOT "<body><table widths=\"1 1\">"
           "<thead><row><cell>Namn</cell><cell>Huvudman</cell></row></thead>"
           "<tbody>");
    char row[128];
    for (int i = 0; i < 120; i++) {
        snprintf(row, sizeof row, "<row><cell>Person %d</cell><cell>Region"
                 "</cell></row>", i + 1);
        sb_add(&b, row);
    }
    sb_add(&b, "</tbody></table></body></document>");
    tres t = typeset_str(b.p);
    free(b.p);
    assert_non_null(t.r);
    assert_true(t.r->npages >= 3);
    for (int p = 0; p < t.r->npages; p++) {
        assert_true(page_has(t.r, p, "Namn"));
        char want[64];
        snprintf(want, sizeof want, "Sida %d av %d", p + 1, t.r->npages);
        assert_true(page_has(t.r, p, want));
        /* the header is the topmost text of the body */
        double top_namn = 0, top_other = 0;
        for (const ts_op *o = t.r->pages[p].ops; o; o = o->next) {
            if (o->kind != OP_TEXT)
                continue;
            if (strcmp(o->text, "Namn") == 0)
                top_namn = o->y;
            else if (strncmp(o->text, "Person", 6) == 0 && o->y > top_other)
                top_other = o->y;
        }
        assert_true(top_namn > top_other);
    }
    /* each person exactly once */
    for (int i = 0; i < 120; i++) {
        char want[32];
        snprintf(want, sizeof want, "Person %d", i + 1);
        int n = 0;
        for (int p = 0; p < t.r->npages; p++)
            for (const ts_op *o = t.r->pages[p].ops; o; o = o->next)
                n += o->kind == OP_TEXT && strcmp(o->text, want) == 0;
        assert_int_equal(n, 1);
    }
    tres_free(&t);
}

/* Body text ops of a page sorted by position: returns the lowest one. */
static const ts_op *lowest_body_text(const ts_result *r, int p)
{
    const ts_op *low = NULL;
    for (const ts_op *o = r->pages[p].ops; o; o = o->next)
        if (o->kind == OP_TEXT && o->size > 9 && (!low || o->y < low->y))
            low = o;
    return low;
}

static void headings_never_last(void **state)
{
    (void)state;
    sb b = {0};
    sb_add(&b, "<document " NS "><body>");
    for (int i = 0; i < 60; i++) {
        char h[128];
        snprintf(h, sizeof h, "<heading level=\"%d\">Rubrik %d</heading>",
                 i % 2 + 1, i);
        sb_add(&b, h);
        for (int k = 0; k < 1 + i % 4; k++)
            sb_add(&b, "<p>Samverkan mellan skola, socialtjänst och hälso- "
                   "och sjukvård är grunden för Västbus och för barnets "
                   "bästa i varje samverkansmöte under hela året.</p>");
    }
    sb_add(&b, "</body></document>");
    tres t = typeset_str(b.p);
    free(b.p);
    assert_non_null(t.r);
    assert_true(t.r->npages >= 3);
    double body_h = 841.89 - (20 + 22) * 72 / 25.4;
    double top = 841.89 - 20 * 72 / 25.4;
    for (int p = 0; p < t.r->npages; p++) {
        const ts_op *low = lowest_body_text(t.r, p);
        assert_non_null(low);
        assert_true(strncmp(low->text, "Rubrik", 6) != 0);
        for (const ts_op *o = t.r->pages[p].ops; o; o = o->next)
            if (o->kind == OP_TEXT && strncmp(o->text, "Rubrik", 6) == 0)
                /* the heading's top is not in the last 15 % */
                assert_true(top - (o->y + o->size) <= 0.85 * body_h + 1);
    }
    tres_free(&t);
}

static void no_widows_or_orphans(void **state)
{
    (void)state;
    /* one paragraph of many lines after filler: a page break inside it
     * leaves at least two lines on each side */
    sb b = {0};
    sb_add(&b, "<document " NS "><body>");
    for (int i = 0; i < 34; i++)
        sb_add(&b, "<p>Fyllnad.</p>");
    sb_add(&b, "<p>");
    /* long enough that the second page is well filled: a short last page
     * would make the paginator break earlier (ts_page.c, balance_last) */
    for (int i = 0; i < 450; i++)
        sb_add(&b, "Ordet ");
    sb_add(&b, "slut</p></body></document>");
    tres t = typeset_str(b.p);
    free(b.p);
    assert_non_null(t.r);
    assert_int_equal(t.r->npages, 2);
    int first = 0, second = 0;
    for (const ts_op *o = t.r->pages[0].ops; o; o = o->next)
        first += o->kind == OP_TEXT && strncmp(o->text, "Ordet", 5) == 0;
    for (const ts_op *o = t.r->pages[1].ops; o; o = o->next)
        second += o->kind == OP_TEXT &&
                  (strncmp(o->text, "Ordet", 5) == 0 || strstr(o->text, "slut"));
    /* 34 fillers leave room for three lines: the paragraph is split */
    assert_true(first >= 2);
    assert_true(second >= 2);
    tres_free(&t);
}

static void page_refs_resolve(void **state)
{
    (void)state;
    tres t = typeset_str(
        "<document " NS "><body>"
        "<toc-entry ref=\"b\">Kapitel B</toc-entry>"
        "<p>Se sidan <page-ref ref=\"c\"/>.</p>"
        "<page-break/><p>A</p><page-break/>"
        "<heading level=\"1\" id=\"b\">B</heading><page-break/>"
        "<heading level=\"1\" id=\"c\">C</heading>"
        "</body></document>");
    assert_non_null(t.r);
    assert_int_equal(t.r->npages, 4);
    assert_true(page_has(t.r, 0, "Se sidan 4."));
    const ts_anchor *a = ts_result_anchor(t.r, "b");
    assert_non_null(a);
    assert_int_equal(a->page, 2);
    /* the TOC's number, right-aligned, is "3" */
    int found = 0;
    for (const ts_op *o = t.r->pages[0].ops; o; o = o->next)
        found |= o->kind == OP_TEXT && strcmp(o->text, "3") == 0;
    assert_true(found);
    /* the whole TOC line links to b */
    found = 0;
    for (const ts_op *o = t.r->pages[0].ops; o; o = o->next)
        found |= o->kind == OP_LINK && strcmp(o->dest, "b") == 0;
    assert_true(found);
    assert_int_equal(t.r->noutline, 2);
    tres_free(&t);
}

static void layout_errors_have_lines(void **state)
{
    (void)state;
    tres t = typeset_str("<document " NS "><body>\n<p>a</p>\n<q/></body>"
                         "</document>");
    assert_null(t.r);
    assert_non_null(t.err);
    assert_int_equal(t.errline, 3);
    assert_non_null(strstr(t.err, "okänt element <q>"));
    tres_free(&t);
}

static void page_labels(void **state)
{
    (void)state;
    /* cover without a number, roman front matter, chapters from 1, then
     * "B-10": ranges start on the page the label lands on, and page-ref
     * and page-number print the label */
    tres t = typeset_str(
        "<document " NS "><footer><right>Sida <page-number/></right></footer>"
        "<body><page-label style=\"none\" prefix=\"Omslag\"/><p>Omslag</p>"
        "<page-break/><page-label style=\"roman\"/><p>Se sidan "
        "<page-ref ref=\"k2\"/>.</p><page-break/><p>ii</p><page-break/>"
        "<page-label style=\"decimal\"/><p>ett</p><page-break/>"
        "<page-label style=\"decimal\" start=\"10\" prefix=\"B-\"/>"
        "<heading level=\"1\" id=\"k2\">K2</heading></body></document>");
    assert_non_null(t.r);
    assert_int_equal(t.r->npages, 5);
    assert_int_equal(t.r->nlabels, 4);
    char buf[64];
    assert_string_equal(ts_page_label(t.r, 0, buf, sizeof buf), "Omslag");
    assert_string_equal(ts_page_label(t.r, 1, buf, sizeof buf), "i");
    assert_string_equal(ts_page_label(t.r, 2, buf, sizeof buf), "ii");
    assert_string_equal(ts_page_label(t.r, 3, buf, sizeof buf), "1");
    assert_string_equal(ts_page_label(t.r, 4, buf, sizeof buf), "B-10");
    assert_true(page_has(t.r, 1, "Se sidan B-10."));
    assert_true(page_has(t.r, 2, "Sida ii"));
    assert_true(page_has(t.r, 4, "Sida B-10"));
    tres_free(&t);
    /* a label later than page 1: page 1 gets an implicit decimal range */
    t = typeset_str("<document " NS "><body><p>a</p><page-break/>"
                    "<page-label style=\"roman\" start=\"4\"/><p>b</p>"
                    "</body></document>");
    assert_non_null(t.r);
    assert_int_equal(t.r->nlabels, 2);
    assert_int_equal(t.r->labels[0].page, 0);
    assert_string_equal(ts_page_label(t.r, 1, buf, sizeof buf), "iv");
    tres_free(&t);
    /* a bad style is refused with its line */
    t = typeset_str("<document " NS "><body><page-label style=\"alpha\"/>"
                    "</body></document>");
    assert_null(t.r);
    assert_non_null(t.err);
    assert_int_equal(t.errline, 1);
    tres_free(&t);
}

static void running_text_shortened(void **state)
{
    (void)state;
    /* a footer too wide for the line ends in "…" and stays clear of the
     * page number on the right */
    sb b = {0};
    sb_add(&b, "<document " NS "><footer><left>");
    for (int i = 0; i < 30; i++)
        sb_add(&b, "Lokala Västbusgruppen ");
    sb_add(&b, "</left><right>Sida <page-number/> av <page-count/></right>"
               "</footer><body><p>x</p></body></document>");
    tres t = typeset_str(b.p);
    free(b.p);
    assert_non_null(t.r);
    const ts_op *left = NULL, *right = NULL;
    for (const ts_op *o = t.r->pages[0].ops; o; o = o->next)
        if (o->kind == OP_TEXT && strstr(o->text, "Lokala"))
            left = o;
        else if (o->kind == OP_TEXT && strstr(o->text, "Sida 1 av 1"))
            right = o;
    assert_non_null(left);
    assert_non_null(right);
    size_t n = strlen(left->text);
    assert_true(n > 3 && strcmp(left->text + n - 3, "\xE2\x80\xA6") == 0);
    assert_true(left->x < right->x);   /* no overlap: pdf_labels.sh */
    tres_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_header_repeats),
        cmocka_unit_test(headings_never_last),
        cmocka_unit_test(no_widows_or_orphans),
        cmocka_unit_test(page_refs_resolve),
        cmocka_unit_test(layout_errors_have_lines),
        cmocka_unit_test(page_labels),
        cmocka_unit_test(running_text_shortened),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
