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

	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	vb_diags_print(&d, fp);
	fclose(fp);
	assert_string_equal(buf,
		"ale.xml:12: varning: inlämnad för sent: 2020-03-17\n"
		"ale.xml:12: fel: avsnitt 2 saknas\n"
		"ale.xml:30: fel: gruppen saknar ordförande\n");
	free(buf);
	vb_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(levels_follow_markers),
		cmocka_unit_test(every_code_has_a_text),
		cmocka_unit_test(prints_sorted_by_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
