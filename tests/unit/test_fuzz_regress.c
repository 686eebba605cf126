/* test_fuzz_regress.c - the inputs the fuzzers found problems with, and
 * the hand-made strange seeds, through the same functions the harnesses
 * call (tests/fuzz/fuzz_report.c, fuzz_layout.c), in every `make check`.
 * Under `make check SANITIZE=1` AddressSanitizer, UBSan and LeakSanitizer
 * watch them; here the test itself checks only that each call keeps its
 * contract (a document or a finding; a PDF or a message).
 *
 *   tests/regress/fuzz/report/  reports: parse, XSD, rule checks
 *   tests/regress/fuzz/layout/  layout trees: parse, vb_typeset_pdf()
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
#include "util/alloc.h"
#include "util/fileio.h"
#include "xml/load.h"
#include "xml/validate.h"

#if __has_include("check/check.h")
#include "check/check.h"
#include "geo/geo.h"
#define HAVE_CHECK 1
#else
#define HAVE_CHECK 0
#endif

#if __has_include("typeset/typeset.h")
#include "typeset/typeset.h"
#define HAVE_TYPESET 1
#else
#define HAVE_TYPESET 0
#endif

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

static struct vb_schema *report_xsd, *manifest_xsd;
#if HAVE_CHECK
static struct vb_geo *geo;
#endif

static void
one_report(const char *path, const char *buf, size_t len)
{
	struct vb_diags d;
	vb_diags_init(&d, path);
	xmlDocPtr doc = vb_xml_parse(buf, len, path, &d);
	if (doc == NULL) {
		/* Refused: then it must say why, at the error level. */
		assert_true(d.n > 0);
		assert_true(d.worst >= VB_LEVEL_ERROR);
	} else {
		xmlNodePtr root = xmlDocGetRootElement(doc);
		int manifest = root && root->ns &&
			       xmlStrEqual(root->name, BAD_CAST "arsbok") &&
			       xmlStrEqual(root->ns->href,
					   BAD_CAST "urn:vastbus:arsbok:1");
		int errors = vb_schema_validate(manifest ? manifest_xsd
							 : report_xsd, doc, &d);
		assert_true(errors >= 0);
#if HAVE_CHECK
		if (!manifest)
			vb_check_report(doc, geo, &d);
#endif
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
	char *err = NULL;
	report_xsd = vb_schema_load("schema/arsberattelse.xsd", VB_DOC_REPORT,
				    &err);
	manifest_xsd = vb_schema_load("schema/arsbok.xsd", VB_DOC_MANIFEST, &err);
	free(err);
	if (report_xsd == NULL || manifest_xsd == NULL)
		return -1;
#if HAVE_CHECK
	geo = vb_geo_load("data/geografi.xml", &err);
	free(err);
	if (geo == NULL)
		return -1;
#endif
	return 0;
}

static int
teardown_reports(void **state)
{
	(void)state;
	vb_schema_free(report_xsd);
	vb_schema_free(manifest_xsd);
#if HAVE_CHECK
	vb_geo_free(geo);
#endif
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
}

#if HAVE_TYPESET
static void
one_layout(const char *path, const char *buf, size_t len)
{
	struct vb_diags d;
	vb_diags_init(&d, path);
	xmlDocPtr doc = vb_xml_parse(buf, len, path, &d);
	vb_diags_free(&d);
	if (doc == NULL)
		return;
	unsigned char *pdf = NULL;
	size_t n = 0;
	char *err = NULL;
	int rc = vb_typeset_pdf(doc, &pdf, &n, &err);
	if (rc == 0) {
		if (pdf == NULL || n < 5 || memcmp(pdf, "%PDF-", 5) != 0)
			fail_msg("%s: returned 0 without a PDF", path);
	} else if (err == NULL || pdf != NULL) {
		fail_msg("%s: failed without a message", path);
	}
	free(pdf);
	free(err);
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
#endif

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
#if HAVE_TYPESET
	const struct CMUnitTest layout_tests[] = {
		cmocka_unit_test(layouts_found_by_fuzzing),
		cmocka_unit_test(strange_layout_seeds),
	};
	failed += cmocka_run_group_tests_name("fuzz_regress_layout",
					      layout_tests, NULL, NULL);
#endif
	xmlCleanupParser();
	return failed ? 1 : 0;
}
