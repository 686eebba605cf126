/*
 * fuzz_report.c - libFuzzer harness for what `vastbus validera` and
 * `vastbus html` do to one untrusted report: the safe parse
 * (vb_xml_parse), XSD validation (vb_schema_validate, the report or the
 * yearbook schema chosen by the root element as in src/cli/context.c),
 * the rule checks (vb_check_report, once src/check/ exists), the printing
 * of the findings and, for a document without errors, the HTML
 * stylesheet. The same functions as the command line, fed from memory:
 * the input is not NUL-terminated, so reading past its end is caught.
 *
 * Build and run: `make fuzz SECONDS=N` (mk/fuzz.mk). The data folder
 * (schema/, xslt/, data/) is $VASTBUS_DATA, else the source tree the
 * harness was built in (VB_FUZZ_SRCDIR).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "diag/diag.h"
#include "util/alloc.h"
#include "xml/load.h"
#include "xml/validate.h"
#include "xslt/transform.h"

#if __has_include("check/check.h")
#include "check/check.h"
#include "geo/geo.h"
#define HAVE_CHECK 1
#else
#define HAVE_CHECK 0
#endif

#ifndef VB_FUZZ_SRCDIR
#define VB_FUZZ_SRCDIR "."
#endif

static struct vb_schema *report_xsd, *manifest_xsd;
static struct vb_xslt *html_xsl;
static FILE *devnull;
#if HAVE_CHECK
static struct vb_geo *geo;
#endif

static void
silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
silent_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

static void
die(const char *what, char *err)
{
	fprintf(stderr, "fuzz_report: %s: %s\n", what, err ? err : "?");
	free(err);
	exit(1);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("VASTBUS_DATA");
	if (dir == NULL || *dir == '\0')
		dir = VB_FUZZ_SRCDIR;

	xmlInitParser();
	/* libxml2 prints nothing we want to see thousands of times a second;
	 * our own code routes every message through its own handlers. */
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	devnull = fopen("/dev/null", "w");
	if (devnull == NULL)
		die("/dev/null", NULL);

	char *err = NULL, *p = vb_asprintf("%s/schema/arsberattelse.xsd", dir);
	report_xsd = vb_schema_load(p, VB_DOC_REPORT, &err);
	if (report_xsd == NULL)
		die(p, err);
	free(p);
	p = vb_asprintf("%s/schema/arsbok.xsd", dir);
	manifest_xsd = vb_schema_load(p, VB_DOC_MANIFEST, &err);
	if (manifest_xsd == NULL)
		die(p, err);
	free(p);
	p = vb_asprintf("%s/xslt/rapport-html.xsl", dir);
	const char *allow[] = { dir, NULL };
	html_xsl = vb_xslt_load(p, allow, &err);
	if (html_xsl == NULL)	/* the stylesheet may be mid-edit: go on without */
		fprintf(stderr, "fuzz_report: no HTML stage: %s\n", err ? err : "?");
	free(err);
	free(p);
#if HAVE_CHECK
	p = vb_asprintf("%s/data/geografi.xml", dir);
	err = NULL;
	geo = vb_geo_load(p, &err);
	if (geo == NULL)
		die(p, err);
	free(p);
#endif
	return 0;
}

static int
root_is(xmlDocPtr doc, const char *name, const char *ns)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	return root && xmlStrEqual(root->name, (const xmlChar *)name) &&
	       root->ns && xmlStrEqual(root->ns->href, (const xmlChar *)ns);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vb_diags d;
	vb_diags_init(&d, "fuzz.xml");
	xmlDocPtr doc = vb_xml_parse((const char *)data, size, "fuzz.xml", &d);
	if (doc) {
		int manifest = root_is(doc, "arsbok", "urn:vastbus:arsbok:1");
		vb_schema_validate(manifest ? manifest_xsd : report_xsd, doc, &d);
#if HAVE_CHECK
		if (!manifest)
			vb_check_report(doc, geo, &d);
#endif
		/* As vb_render_batch: only a valid report is rendered. */
		if (!manifest && d.worst < VB_LEVEL_ERROR && html_xsl) {
			size_t len = 0;
			char *err = NULL;
			char *html = vb_xslt_run(html_xsl, doc, NULL, &len, &err);
			free(html);
			free(err);
		}
		xmlFreeDoc(doc);
	}
	vb_diags_print(&d, devnull);
	vb_diags_free(&d);
	return 0;
}
