/*
 * fuzz_manifest.c - libFuzzer harness for what `vastbus arsbok` and
 * `vastbus validera` do to an untrusted yearbook manifest: the check
 * pipeline (vb_check_buffer: safe parse, schema/arsbok.xsd, the manifest's
 * own rules: groups listed twice, kommun and stadsdel for the year, paths
 * that may not leave the folder), then for a valid manifest what the
 * yearbook builds from it before reading any report: vb_arsbok_open() and
 * the stylesheets' input document (vb_arsbok_indata). The manifest is
 * named as if in a folder that does not exist, so no listed report is
 * ever found and opened.
 *
 * Build and run: `make fuzz FUZZ=manifest SECONDS=N` (mk/fuzz.mk). The
 * data folder is $VASTBUS_DATA, else the source tree (VB_FUZZ_SRCDIR).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "arsbok/arsbok.h"
#include "diag/diag.h"
#include "pipeline/pipeline.h"

#ifndef VB_FUZZ_SRCDIR
#define VB_FUZZ_SRCDIR "."
#endif

/* A folder that does not exist: listed reports are all "missing". */
#define NAME "/nonexistent-vastbus-fuzz/gr-2019/arsbok.xml"

static struct vb_ctx ctx;
static FILE *devnull;

static void
silent(void *c, const char *msg, ...)
{
	(void)c;
	(void)msg;
}

static void
silent_structured(void *c, xmlErrorPtr err)
{
	(void)c;
	(void)err;
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
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	devnull = fopen("/dev/null", "w");
	if (devnull == NULL) {
		perror("fuzz_manifest: /dev/null");
		exit(1);
	}
	vb_ctx_open(&ctx, dir);
	/* Load the schema and the geography now: a broken data folder stops
	 * the run instead of turning every input into one system error. */
	static const char warm[] = "<arsbok xmlns='urn:vastbus:arsbok:1'/>";
	struct vb_diags d;
	vb_diags_init(&d, dir);
	xmlFreeDoc(vb_check_buffer(&ctx, warm, strlen(warm), NAME, &d, NULL));
	if (d.worst >= VB_LEVEL_SYSERR) {
		vb_diags_print(&d, stderr);
		exit(1);
	}
	vb_diags_free(&d);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vb_diags d;
	vb_diags_init(&d, NAME);
	int manifest = 0;
	xmlDocPtr doc = vb_check_buffer(&ctx, (const char *)data, size, NAME,
					&d, &manifest);
	/* The contract: a document only when there is no error. */
	if (doc && d.worst >= VB_LEVEL_ERROR) {
		fprintf(stderr, "fuzz_manifest: a document despite an error\n");
		abort();
	}
	if (doc && manifest) {
		struct vb_arsbok *ab = vb_arsbok_open(doc, NAME);	/* takes doc */
		doc = NULL;
		if (ab) {
			for (size_t i = 0; i < ab->n; i++)
				if (vb_arsbok_file_exists(&ab->g[i]))
					abort();	/* the folder does not exist */
			xmlFreeDoc(vb_arsbok_indata(ab));
			vb_arsbok_free(ab);
		}
	}
	xmlFreeDoc(doc);
	vb_diags_print(&d, devnull);
	vb_diags_free(&d);
	return 0;
}
