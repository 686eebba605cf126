/* test_diag.c - the diagnostics table: levels by position, Swedish texts,
 * sorting by line and the printed form "fil:rad: nivå: text: detalj". */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag/diag.h"
#include "xml/attrcount.h"

static void
levels_follow_markers(void **state)
{
	(void)state;
	assert_int_equal(vb_diag_level(VB_W_LATE), VB_LEVEL_WARNING);
	assert_int_equal(vb_diag_level(VB_E_COUNT_MOTEN), VB_LEVEL_ERROR);
	assert_int_equal(vb_diag_level(VB_E_PERSONNUMMER), VB_LEVEL_ERROR);
	assert_int_equal(vb_diag_level(VB_S_READ), VB_LEVEL_SYSERR);
	assert_string_equal(vb_level_name(VB_LEVEL_WARNING), "varning");
	assert_string_equal(vb_level_name(VB_LEVEL_ERROR), "fel");
}

static void
every_code_has_a_text(void **state)
{
	(void)state;
	for (int c = 0; c < VB_D__MAX; c++)
		assert_non_null(vb_diag_text((enum vb_diag_code)c));
	assert_string_equal(vb_diag_text(VB_W_LATE),
			    "inlämnad för sent");
}

/* What vb_diags_print() writes, as a string the caller frees. */
static char *
printed(struct vb_diags *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	vb_diags_print(d, fp);
	fclose(fp);
	return buf;
}

static void
prints_sorted_by_line(void **state)
{
	(void)state;
	struct vb_diags d;
	vb_diags_init(&d, "ale.xml");
	vb_diag(&d, VB_E_NO_CHAIR, 30, NULL);
	vb_diag(&d, VB_W_LATE, 12, "%s", "2020-03-17");
	vb_diag(&d, VB_E_SCHEMA, 12, "avsnitt 2 saknas");
	assert_int_equal(d.worst, VB_LEVEL_ERROR);

	char *buf = printed(&d);
	assert_string_equal(buf,
		"ale.xml:12: varning: inlämnad för sent: 2020-03-17\n"
		"ale.xml:12: fel: avsnitt 2 saknas\n"
		"ale.xml:30: fel: gruppen saknar ordförande\n");
	free(buf);
	vb_diags_free(&d);
}

/* Past VB_DIAG_MAX_PER_CODE findings of one code only a count is kept;
 * the worst level and the counts still see every finding, and other
 * codes are kept as before. */
static void
caps_each_code(void **state)
{
	(void)state;
	struct vb_diags d;
	vb_diags_init(&d, "a.xml");
	for (int i = 0; i < VB_DIAG_MAX_PER_CODE + 7; i++)
		vb_diag(&d, VB_W_BLANK_OPTIONAL, i + 1, NULL);
	assert_int_equal(vb_diags_full(&d, VB_W_BLANK_OPTIONAL), 1);
	assert_int_equal(vb_diags_full(&d, VB_E_NO_CHAIR), 0);
	vb_diag(&d, VB_E_NO_CHAIR, 500, NULL);
	assert_int_equal(d.n, VB_DIAG_MAX_PER_CODE + 1);
	assert_int_equal(vb_diags_count(&d, VB_LEVEL_WARNING),
			 VB_DIAG_MAX_PER_CODE + 7);
	assert_int_equal(vb_diags_count(&d, VB_LEVEL_ERROR), 1);
	assert_int_equal(d.worst, VB_LEVEL_ERROR);

	char *buf = printed(&d);
	assert_non_null(strstr(buf, "a.xml:500: fel: gruppen saknar ordförande\n"
				    "a.xml: varning: ytterligare 7 varningar av samma slag visas inte (de första 100 står ovan)\n"));
	assert_null(strstr(buf, "a.xml:101:"));
	free(buf);
	vb_diags_free(&d);
}

static int
attr_bound(const char *xml)
{
	struct vb_diags d;
	vb_diags_init(&d, "a.xml");
	int r = vb_xml_attr_bound(xml, strlen(xml), &d);
	assert_int_equal(r != 0, d.n == 1);
	vb_diags_free(&d);
	return r;
}

/* Attributes are counted per tag by '=' outside quoted values; comments,
 * CDATA and processing instructions are skipped. */
static void
bounds_attributes_per_element(void **state)
{
	(void)state;
	char big[8192], *p = big;
	p += sprintf(p, "<a>\n<!-- <b x=1 -->\n<c");
	for (int i = 0; i < VB_MAX_ATTRIBUTES; i++)
		p += sprintf(p, " x%d=\"=\"", i);
	sprintf(p, "/>\n<![CDATA[<d a=1 b=2>]]></a>");
	assert_int_equal(attr_bound(big), 0);	/* exactly at the bound */
	sprintf(p, " y='1'/>\n</a>");
	assert_int_equal(attr_bound(big), 1);	/* one over */

	struct vb_diags d;
	vb_diags_init(&d, "a.xml");
	assert_int_equal(vb_xml_attr_bound(big, strlen(big), &d), 1);
	assert_int_equal(d.v[0].line, 3);
	assert_int_equal(d.v[0].code, VB_E_TOO_BIG);
	vb_diags_free(&d);
	assert_int_equal(attr_bound("<a b=\"1\" c=\"2\"/>"), 0);
	assert_int_equal(attr_bound("<a b=\"unterminated"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(levels_follow_markers),
		cmocka_unit_test(every_code_has_a_text),
		cmocka_unit_test(prints_sorted_by_line),
		cmocka_unit_test(caps_each_code),
		cmocka_unit_test(bounds_attributes_per_element),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
