/* test_check_robust.c - the rule checks on any tree: not a report, foreign
 * namespaces, missing parts, garbage values, huge lists, deep nesting,
 * long values. No crash, no noise on top of the schema's findings, and
 * every finding that is made carries a line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "check_fixture.h"

static size_t
findings(const char *xml)
{
	struct vb_diags d;
	run_checks(xml, &d);
	size_t n = d.n;
	for (size_t i = 0; i < d.n; i++)
		assert_true(d.v[i].line > 0);
	vb_diags_free(&d);
	return n;
}

static void
not_a_report(void **state)
{
	(void)state;
	assert_int_equal(findings("<a/>"), 0);
	assert_int_equal(findings("<arsberattelse ar=\"2019\"><moten antal=\"9\">"
				  "<mote datum=\"1999-01-01\"/></moten>"
				  "</arsberattelse>"), 0);
	assert_int_equal(findings("<arsberattelse xmlns=\"urn:vastbus:arsbok:1\">"
				  "<stycke>850709-9805</stycke></arsberattelse>"),
			 0);
	/* the whole base report in another namespace */
	char *x = edit(base_report, "urn:vastbus:arsberattelse:1",
		       "urn:vastbus:arsberattelse:2", "2019-02-12",
		       "1999-01-01", NULL);
	assert_int_equal(findings(x), 0);
	free(x);
}

static void
null_and_empty(void **state)
{
	(void)state;
	struct vb_diags d;
	vb_diags_init(&d, "x");
	vb_check_report(NULL, fixture_geo, &d);
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	vb_check_report(doc, fixture_geo, &d);
	vb_check_report(doc, fixture_geo, NULL);
	xmlFreeDoc(doc);
	assert_int_equal(d.n, 0);
	vb_diags_free(&d);
	assert_int_equal(findings("<arsberattelse xmlns=\"" VB_REPORT_NS "\"/>"),
			 0);
	assert_int_equal(findings("<arsberattelse xmlns=\"" VB_REPORT_NS "\">"
				  "<grupp/><inlamning/><sammansattning/>"
				  "<moten/><utbildningsinsatser/><avvikelser/>"
				  "</arsberattelse>"), 0);
	assert_int_equal(findings("<arsberattelse xmlns=\"" VB_REPORT_NS "\">"
				  "<sammansattning><medlem/><medlem/></sammansattning>"
				  "<avvikelser><avvikelse/></avvikelser>"
				  "<moten><mote/><mote>x</mote></moten>"
				  "</arsberattelse>"), 0);
}

static void
foreign_namespace_sections_are_ignored(void **state)
{
	(void)state;
	char *x = edit(base_report, "<moten antal=\"2\">",
		       "<moten xmlns=\"urn:x\" antal=\"9\">", NULL);
	assert_int_equal(findings(x), 0);
	free(x);
	x = edit(base_report, "<mote datum=\"2019-02-12\"/>",
		 "<mote xmlns=\"urn:x\" datum=\"1999-02-12\"/>", NULL);
	/* the foreign mote is not counted: 1 listed against antal="2" */
	struct vb_diags d;
	run_checks(x, &d);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].code, VB_E_COUNT_MOTEN);
	vb_diags_free(&d);
	free(x);
}

static void
duplicate_sections_checked_once(void **state)
{
	(void)state;
	char *x = edit(base_report, "  <utbildningsinsatser>",
		       "  <moten antal=\"8\"><mote datum=\"1999-01-01\"/></moten>\n"
		       "  <utbildningsinsatser>", NULL);
	assert_int_equal(findings(x), 0);
	free(x);
}

static void
garbage_values(void **state)
{
	(void)state;
	const char *edits[][2] = {
		{ "ar=\"2019\"", "ar=\"\"" },
		{ "ar=\"2019\"", "ar=\"0000\"" },
		{ "ar=\"2019\"", "ar=\"tjugo\"" },
		{ "ar=\"2019\"", "ar=\"20190\"" },
		{ "2020-02-20", "2020-02-20T10:00" },
		{ "2020-02-20", "20-02-2020" },
		{ "2019-02-12", "2019-2-12" },
		{ "2019-02-12", "0000-00-00" },
		{ "2019-02-12", "9999-99-99" },
		{ "<moten antal=\"2\">", "<moten antal=\"\">" },
		{ "<moten antal=\"2\">", "<moten antal=\"2.0\">" },
		{ "<moten antal=\"2\">", "<moten antal=\"1e3\">" },
		{ "<avvikelser antal=\"1\">", "<avvikelser antal=\"ett\">" },
		{ "<avvikelser antal=\"1\">", "<avvikelser antal=\"-1\">" },
		{ "roll=\"ordforande\"", "roll=\"\"" },
		{ "<huvudman>kommun</huvudman>", "<huvudman><x/></huvudman>" },
		{ "<kommun>Ale</kommun>", "<kommun><b/></kommun>" },
		{ "<delregion>Göteborgsregionen</delregion>", "<delregion> </delregion>" },
	};
	for (size_t i = 0; i < sizeof(edits) / sizeof(edits[0]); i++) {
		char *x = edit(base_report, edits[i][0], edits[i][1], NULL);
		size_t n = findings(x);
		if (n != 0)
			fail_msg("edit %zu (%s) gave %zu findings", i,
				 edits[i][1], n);
		free(x);
	}
}

static void
long_values_are_cut_in_messages(void **state)
{
	(void)state;
	size_t n = 20000;
	char *big = vb_malloc(n + 32);
	strcpy(big, "<kommun>");
	for (size_t i = 0; i < n / 2; i++)
		strcat(big + 8 + 2 * i, "å");	/* 2 bytes each */
	strcat(big, "</kommun>");
	char *x = edit(base_report, "<kommun>Ale</kommun>", big, NULL);
	struct vb_diags d;
	run_checks(x, &d);
	const struct vb_diag *g = only(&d, VB_E_KOMMUN);
	assert_true(strlen(g->detail) < 300);
	assert_non_null(strstr(g->detail, "…\""));
	vb_diags_free(&d);
	free(x);
	free(big);
}

static void
huge_lists(void **state)
{
	(void)state;
	size_t n = 20000;
	size_t cap = n * 40 + 100;
	char *motes = vb_malloc(cap);
	char *p = motes;
	p += sprintf(p, "<moten antal=\"3\">\n");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "<mote datum=\"2019-01-%02zu\">x</mote>\n",
			     i % 28 + 1);
	p += sprintf(p, "</moten>");
	char *x = edit(base_report,
		       "<moten antal=\"2\">\n"
		       "    <mote datum=\"2019-02-12\"/>\n"
		       "    <mote datum=\"2019-09-10\">Gemensamt möte med elevhälsan</mote></moten>",
		       motes, NULL);
	struct vb_diags d;
	run_checks(x, &d);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].detail,
			    "avsnitt 2, Antal möten, anger antal=\"3\" men 20000 möten är listade");
	vb_diags_free(&d);
	free(x);
	free(motes);
}

static void
many_numbers_each_reported(void **state)
{
	(void)state;
	size_t n = 500;
	char *text = vb_malloc(n * 20 + 1);
	text[0] = '\0';
	for (size_t i = 0; i < n; i++)
		strcat(text, "x 850709-9805\n");
	char *x = edit(base_report, "Kallad part kom inte.", text, NULL);
	struct vb_diags d;
	run_checks(x, &d);
	/* Every one is counted; the first VB_DIAG_MAX_PER_CODE are kept
	 * with their lines, the rest summed up when printed. */
	assert_int_equal(d.per_code[VB_E_PERSONNUMMER], n);
	assert_int_equal(count_code(&d, VB_E_PERSONNUMMER), VB_DIAG_MAX_PER_CODE);
	assert_int_equal(d.v[0].line, L_BESKRIVNING);
	assert_int_equal(d.v[VB_DIAG_MAX_PER_CODE - 1].line,
			 L_BESKRIVNING + VB_DIAG_MAX_PER_CODE - 1);
	vb_diags_free(&d);
	free(x);
	free(text);
}

static void
deep_nesting(void **state)
{
	(void)state;
	size_t depth = 200;
	char *open = vb_malloc(depth * 4 + 1), *close = vb_malloc(depth * 5 + 1);
	open[0] = close[0] = '\0';
	for (size_t i = 0; i < depth; i++) {
		strcat(open, "<x>");
		strcat(close, "</x>");
	}
	char *inner = vb_asprintf("%s850709-9805%s", open, close);
	char *x = edit(base_report, "Bättre i år.", inner, NULL);
	struct vb_diags d;
	run_checks(x, &d);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].code, VB_E_PERSONNUMMER);
	assert_int_equal(d.v[0].line, L_REFLEKTION);
	vb_diags_free(&d);
	free(x);
	free(inner);
	free(open);
	free(close);
}

static void
cdata_and_comments(void **state)
{
	(void)state;
	/* CDATA is merged into the text (the loader's XML_PARSE_NOCDATA) */
	char *x = edit(base_report, "Kallad part kom inte.",
		       "Kallad <![CDATA[850709-9805]]> kom inte.", NULL);
	assert_int_equal(findings(x), 1);
	free(x);
	/* a processing instruction is not shown, but the file is passed
	 * on: a number in it is caught like one in a comment (issue 11) */
	x = edit(base_report, "Kallad part kom inte.",
		 "Kallad <?pi 850709-9805?> kom inte.", NULL);
	assert_int_equal(findings(x), 1);
	free(x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(not_a_report),
		cmocka_unit_test(null_and_empty),
		cmocka_unit_test(foreign_namespace_sections_are_ignored),
		cmocka_unit_test(duplicate_sections_checked_once),
		cmocka_unit_test(garbage_values),
		cmocka_unit_test(long_values_are_cut_in_messages),
		cmocka_unit_test(huge_lists),
		cmocka_unit_test(many_numbers_each_reported),
		cmocka_unit_test(deep_nesting),
		cmocka_unit_test(cdata_and_comments),
	};
	return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
