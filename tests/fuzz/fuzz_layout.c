/*
 * fuzz_layout.c - libFuzzer harness for the typesetter. The bytes are
 * parsed with the same locked-down parser as a report (vb_xml_parse: no
 * DTD, no entities, no network, bounded size), and the tree - whatever it
 * holds - goes to vb_render_pdf() (src/pipeline/), which must either
 * return a PDF or an error finding; never crash, hang, leak or read out
 * of bounds. So the
 * reader of the layout vocabulary, the line breaker, hyphenation, tables,
 * pagination, page references and the PDF device all meet strange input:
 * empty cells, endless words, thousands of rows, zero widths, deep nesting.
 *
 * SOURCE_DATE_EPOCH is set so that runs are reproducible.
 */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "diag/diag.h"
#include "xml/load.h"

#include "pipeline/pipeline.h"

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

static int verbose;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("SOURCE_DATE_EPOCH", "1577836800", 0);
	verbose = getenv("VB_FUZZ_VERBOSE") != NULL;
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vb_diags d;
	vb_diags_init(&d, "fuzz-layout.xml");
	xmlDocPtr doc = vb_xml_parse((const char *)data, size,
				     "fuzz-layout.xml", &d);
	if (doc == NULL) {
		vb_diags_free(&d);
		return 0;
	}
	size_t len = 0;
	unsigned char *pdf = vb_render_pdf(doc, VB_LAYOUT_USER, &len, &d);
	/* The contract in pipeline.h: a PDF and no error, or no PDF and an
	 * error. Anything else is a bug worth a crash. */
	if ((pdf && (len == 0 || d.worst >= VB_LEVEL_ERROR)) ||
	    (!pdf && d.worst < VB_LEVEL_ERROR)) {
		fprintf(stderr, "fuzz_layout: vb_render_pdf broke its contract "
			"(pdf %p, len %zu, worst %d)\n", (void *)pdf, len,
			(int)d.worst);
		abort();
	}
	if (verbose) {	/* VB_FUZZ_VERBOSE=1: what happened to each input */
		fprintf(stderr, "fuzz_layout: %zu bytes\n", len);
		vb_diags_print(&d, stderr);
	}
	vb_diags_free(&d);
	free(pdf);
	xmlFreeDoc(doc);
	return 0;
}
