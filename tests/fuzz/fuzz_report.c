/*
 * fuzz_report.c - libFuzzer harness for what `vastbus validera` and
 * `vastbus html` do to one untrusted report: the check pipeline
 * (vb_check_buffer: safe parse, XSD, rules, for a report or a manifest
 * as the root element says), the printing of the findings and, for a
 * valid report, the HTML stylesheet. The same functions as the command
 * line, fed from memory: the input is not NUL-terminated, so reading
 * past its end is caught.
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
#include "pipeline/pipeline.h"
#include "xslt/transform.h"

#ifndef VB_FUZZ_SRCDIR
#define VB_FUZZ_SRCDIR "."
#endif

static struct vb_ctx ctx;
static struct vb_xslt *html_xsl;
static FILE *devnull;

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

	vb_ctx_open(&ctx, dir);
	/* Load now what the pipeline loads on first use (both schemas, the
	 * geography), so that a broken data folder stops the run instead of
	 * turning every input into the same system error. */
	static const char *const warm[] = {
		"<arsberattelse xmlns='urn:vastbus:arsberattelse:1'/>",
		"<arsbok xmlns='urn:vastbus:arsbok:1'/>",
	};
	for (size_t i = 0; i < 2; i++) {
		struct vb_diags d;
		vb_diags_init(&d, dir);
		xmlFreeDoc(vb_check_buffer(&ctx, warm[i], strlen(warm[i]),
					   "warm.xml", &d, NULL));
		if (d.worst >= VB_LEVEL_SYSERR) {
			vb_diags_print(&d, stderr);
			exit(1);
		}
		vb_diags_free(&d);
	}
	/* The HTML stylesheet may be mid-edit: then go on without it. */
	struct vb_diags d;
	vb_diags_init(&d, dir);
	html_xsl = vb_ctx_xslt(&ctx, "xslt/rapport-html.xsl", &d);
	if (html_xsl == NULL)
		vb_diags_print(&d, stderr);
	vb_diags_free(&d);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vb_diags d;
	vb_diags_init(&d, "fuzz.xml");
	int manifest = 0;
	xmlDocPtr doc = vb_check_buffer(&ctx, (const char *)data, size,
					"fuzz.xml", &d, &manifest);
	/* As vb_render_batch: only a valid report is rendered. */
	if (doc && !manifest && html_xsl) {
		size_t len = 0;
		char *err = NULL;
		char *html = vb_xslt_run(html_xsl, doc, NULL, &len, &err);
		free(html);
		free(err);
	}
	xmlFreeDoc(doc);
	vb_diags_print(&d, devnull);
	vb_diags_free(&d);
	return 0;
}
