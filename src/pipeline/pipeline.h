/*
 * pipeline.h - what vastbus does to a document, below the command line:
 *
 *   check:  load (safe parse) → XSD → rules, for a report or a yearbook
 *           manifest (the manifest's own rules included);
 *   render: a layout tree → lay_read() → ts_typeset() (pages) →
 *           pdf_write() (bytes).
 *
 * The program (src/cli/), the unit tests and the fuzz harnesses all call
 * these same functions, so what is tested and fuzzed is what runs. Every
 * problem becomes a finding in a struct vb_diags (src/diag/); nothing here
 * prints or exits.
 */
#ifndef VB_PIPELINE_H
#define VB_PIPELINE_H

#include <stddef.h>
#include <libxml/tree.h>
#include <libxml/dict.h>

#include "diag/diag.h"

struct vb_schema;
struct vb_xslt;
struct vb_geo;

/* The data folder and what is loaded from it, each on first use and kept
 * for the rest of the run. */
struct vb_ctx {
	char *datadir;			/* schema/, xslt/, templates/, data/ */
	struct vb_schema *report_xsd;	/* lazily loaded */
	struct vb_schema *manifest_xsd;
	struct vb_schema *layout_xsd;
	struct vb_geo *geo;		/* lazily loaded data/geografi.xml */
	int geo_failed;			/* reported once, not per file */
	struct vb_ctx_xslt {		/* compiled stylesheets, by path */
		char *rel;
		struct vb_xslt *x;
	} xslt[8];
	xmlDictPtr dict;		/* names of every document that
					 * vb_check_document reads (created on
					 * first use; each document holds a
					 * reference) */
};

/* A context on the data folder dir (copied); nothing is loaded yet. */
void vb_ctx_open(struct vb_ctx *ctx, const char *dir);
void vb_ctx_free(struct vb_ctx *ctx);
char *vb_ctx_path(const struct vb_ctx *ctx, const char *rel);	/* malloc'd */

/* The stylesheet at rel (e.g. "xslt/rapport-html.xsl") below the data
 * folder, compiled on first use and owned by ctx; reads confined to the
 * data folder. NULL with a finding in d when it cannot be loaded. */
struct vb_xslt *vb_ctx_xslt(struct vb_ctx *ctx, const char *rel,
			    struct vb_diags *d);

/* data/geografi.xml, loaded on first use and owned by ctx; NULL (reported
 * once in d) when it cannot be read. */
const struct vb_geo *vb_ctx_geo(struct vb_ctx *ctx, struct vb_diags *d);

/* Checks one report or yearbook manifest (told apart by the root
 * element; *is_manifest says which, may be NULL): parse, XSD, then the
 * rules, which run even after schema errors so that the author sees every
 * finding at once. Returns the document when it has no error (warnings
 * allowed; the caller frees it), else NULL. Findings go to d.
 * vb_check_document reads path; vb_check_buffer parses len bytes of buf
 * (not NUL-terminated) named name, as the fuzzers do. */
xmlDocPtr vb_check_document(struct vb_ctx *ctx, const char *path,
			    struct vb_diags *d, int *is_manifest);
xmlDocPtr vb_check_buffer(struct vb_ctx *ctx, const char *buf, size_t len,
			  const char *name, struct vb_diags *d,
			  int *is_manifest);

/* Reads a layout tree written by hand (vastbus sats) and checks it
 * against schema/layout.xsd. The document, or NULL with findings in d. */
xmlDocPtr vb_check_layout(struct vb_ctx *ctx, const char *path,
			  struct vb_diags *d);

/* Where a layout tree came from: a file the user wrote (vastbus sats), or
 * one of our stylesheets (vastbus pdf, arsbok). */
enum vb_layout_from {
	VB_LAYOUT_USER,		/* a fault is an error on the tree's line */
	VB_LAYOUT_STYLESHEET	/* a fault is ours: a system error */
};

/* Typesets a layout tree into PDF bytes (malloc'd, *len). A fault in the
 * tree is a finding as from says; characters no font has are a warning.
 * NULL when no PDF was made (then d holds an error or a system error).
 * With SOURCE_DATE_EPOCH set, the same tree gives the same bytes. */
unsigned char *vb_render_pdf(xmlDocPtr layout, enum vb_layout_from from,
			     size_t *len, struct vb_diags *d);
/* The same, but takes layout over and frees it as soon as it is read, so
 * that the tree and the typesetter's pages never live at once (a book's
 * layout tree is as large as its input). */
unsigned char *vb_render_pdf_take(xmlDocPtr layout, enum vb_layout_from from,
				  size_t *len, struct vb_diags *d);
/* vb_render_pdf_take() for the run's last document (a yearbook): the
 * typesetter's dictionaries (ts_release()) are freed as soon as the pages
 * are made, not held through writing and packing the PDF. */
unsigned char *vb_render_pdf_last(xmlDocPtr layout, enum vb_layout_from from,
				  size_t *len, struct vb_diags *d);

#endif
