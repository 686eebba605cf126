/*
 * fuzz_layout.c - libFuzzer harness for the typesetter. The bytes are
 * parsed with the same locked-down parser as a report (vb_xml_parse: no
 * DTD, no entities, no network, bounded size), and the tree - whatever it
 * holds - goes to vb_typeset_pdf(), which must either return a PDF or a
 * Swedish message; never crash, hang, leak or read out of bounds. So the
 * reader of the layout vocabulary, the line breaker, hyphenation, tables,
 * pagination, page references and the PDF device all meet strange input:
 * empty cells, endless words, thousands of rows, zero widths, deep nesting.
 *
 * Built by mk/fuzz.mk only when the typesetter's header exists.
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

#if __has_include("typeset/typeset.h")
#include "typeset/typeset.h"
#elif __has_include("pdf/typeset.h")
#include "pdf/typeset.h"
#else
#error "fuzz_layout needs the typesetter's header (src/typeset/typeset.h)"
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
	vb_diags_free(&d);
	if (doc == NULL)
		return 0;
	unsigned char *pdf = NULL;
	size_t len = 0;
	char *err = NULL;
	int rc = vb_typeset_pdf(doc, &pdf, &len, &err);
	/* The contract in typeset.h: 0 with bytes and no message, or -1 with
	 * a message and no bytes. Anything else is a bug worth a crash. */
	if ((rc == 0 && (pdf == NULL || len == 0)) ||
	    (rc != 0 && (err == NULL || pdf != NULL))) {
		fprintf(stderr, "fuzz_layout: vb_typeset_pdf broke its contract "
			"(rc %d, pdf %p, len %zu, err %s)\n", rc, (void *)pdf,
			len, err ? err : "NULL");
		abort();
	}
	if (verbose)	/* VB_FUZZ_VERBOSE=1: what happened to each input */
		fprintf(stderr, "fuzz_layout: rc %d, %zu bytes, %s\n", rc, len,
			err ? err : "");
	free(pdf);
	free(err);
	xmlFreeDoc(doc);
	return 0;
}
