/* test_fuzz_regress.c - the inputs the fuzzers found problems with, and
 * the hand-made strange seeds, through the same pipeline functions the
 * harnesses and the program call (src/pipeline/pipeline.h:
 * vb_check_buffer, vb_render_pdf), in every `make check`.
 * Under `make check SANITIZE=1` AddressSanitizer, UBSan and LeakSanitizer
 * watch them; here the test itself checks only that each call keeps its
 * contract (a document or a finding; a PDF or a message).
 *
 *   tests/regress/fuzz/report/  reports and manifests: parse, XSD, rules
 *   tests/regress/fuzz/layout/  layout trees: parse, vb_render_pdf()
 *   tests/fuzz/corpus/…         the seeds: empty cells, 2000-character
 *                               words, many rows, deep nesting, …
 *
 * tests/regress/fuzz/open/ holds findings not fixed yet; they are run by
 * `make memcheck` and `make fuzz-repro`, not here, so that one open
 * finding in someone else's module does not stop every build. Fixing one
 * means moving its file to report/ or layout/.
 *
 * Run from the top of the tree (the Makefile does). */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "diag/diag.h"
#include "pipeline/pipeline.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "xml/load.h"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Calls fn on every regular file of dir (sorted); returns how many. A
 * missing folder is no error: it may simply have no findings yet. */
static size_t
each_file(const char *dir, void (*fn)(const char *path, const char *buf,
				       size_t len))
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return 0;
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = vb_reallocarray(names, n + 1, sizeof(char *));
		names[n++] = vb_asprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n > 1)	/* qsort(NULL, 0, …) is undefined */
		qsort(names, n, sizeof(char *), cmp_str);
	for (size_t i = 0; i < n; i++) {
		char *buf;
		size_t len;
		/* Larger than any parse allows, so the size bound is met too. */
		int r = vb_read_file(names[i], 2 * VB_MAX_INPUT_BYTES, &buf, &len);
		if (r != 0)
			fail_msg("%s: cannot read", names[i]);
		/* An exact-size copy, so a read past the end is caught. */
		char *exact = vb_malloc(len ? len : 1);
		memcpy(exact, buf, len);
		free(buf);
		fn(names[i], exact, len);
		free(exact);
		free(names[i]);
	}
	free(names);
	return n;
}

static struct vb_ctx ctx;

/* The contract of vb_check_buffer: a document and no error, or no
 * document and at least one error. */
static void
one_report(const char *path, const char *buf, size_t len)
{
	struct vb_diags d;
	vb_diags_init(&d, path);
	xmlDocPtr doc = vb_check_buffer(&ctx, buf, len, path, &d, NULL);
	if (doc == NULL) {
		assert_true(d.n > 0);
		assert_true(d.worst >= VB_LEVEL_ERROR);
	} else {
		assert_true(d.worst < VB_LEVEL_ERROR);
		xmlFreeDoc(doc);
	}
	FILE *null = fopen("/dev/null", "w");
	assert_non_null(null);
	vb_diags_print(&d, null);
	fclose(null);
	vb_diags_free(&d);
}

static int
setup_reports(void **state)
{
	(void)state;
	vb_ctx_open(&ctx, ".");		/* run from the top of the tree */
	return 0;
}

static int
teardown_reports(void **state)
{
	(void)state;
	vb_ctx_free(&ctx);
	return 0;
}

static void
reports_found_by_fuzzing(void **state)
{
	(void)state;
	size_t n = each_file("tests/regress/fuzz/report", one_report);
	printf("# %zu kept report findings\n", n);
}

static void
strange_report_seeds(void **state)
{
	(void)state;
	size_t n = each_file("tests/fuzz/corpus/report", one_report);
	assert_true(n > 0);
	n = each_file("tests/fuzz/corpus/manifest", one_report);
	assert_true(n > 0);
}

static void
one_layout(const char *path, const char *buf, size_t len)
{
	struct vb_diags d;
	vb_diags_init(&d, path);
	xmlDocPtr doc = vb_xml_parse(buf, len, path, &d);
	vb_diags_free(&d);
	if (doc == NULL)
		return;
	size_t n = 0;
	vb_diags_init(&d, path);
	unsigned char *pdf = vb_render_pdf(doc, VB_LAYOUT_USER, &n, &d);
	if (pdf) {
		if (n < 5 || memcmp(pdf, "%PDF-", 5) != 0)
			fail_msg("%s: returned something that is not a PDF", path);
		if (d.worst >= VB_LEVEL_ERROR)
			fail_msg("%s: a PDF and an error", path);
	} else if (d.worst < VB_LEVEL_ERROR) {
		fail_msg("%s: no PDF and no error", path);
	}
	vb_diags_free(&d);
	free(pdf);
	xmlFreeDoc(doc);
}

static void
layouts_found_by_fuzzing(void **state)
{
	(void)state;
	size_t n = each_file("tests/regress/fuzz/layout", one_layout);
	printf("# %zu kept layout findings\n", n);
}

static void
strange_layout_seeds(void **state)
{
	(void)state;
	size_t n = each_file("tests/fuzz/corpus/layout", one_layout);
	assert_true(n > 0);
}

int
main(void)
{
	setenv("SOURCE_DATE_EPOCH", "1577836800", 0);
	xmlInitParser();
	const struct CMUnitTest report_tests[] = {
		cmocka_unit_test(reports_found_by_fuzzing),
		cmocka_unit_test(strange_report_seeds),
	};
	int failed = cmocka_run_group_tests_name("fuzz_regress_report",
						 report_tests, setup_reports,
						 teardown_reports);
	const struct CMUnitTest layout_tests[] = {
		cmocka_unit_test(layouts_found_by_fuzzing),
		cmocka_unit_test(strange_layout_seeds),
	};
	failed += cmocka_run_group_tests_name("fuzz_regress_layout",
					      layout_tests, NULL, NULL);
	xmlCleanupParser();
	return failed ? 1 : 0;
}
