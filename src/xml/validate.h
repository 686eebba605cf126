/*
 * validate.h - XSD validation with findings in Swedish.
 *
 * libxml2's schema messages are English and name elements by their
 * qualified names; a social-services manager needs to hear that "avsnitt
 * 2, Antal möten" is missing. Every schema error is translated by
 * schema_sv.c and added as a finding with its line.
 */
#ifndef VB_XML_VALIDATE_H
#define VB_XML_VALIDATE_H

#include <libxml/tree.h>

#include "diag/diag.h"

/* Which document an XSD describes (for the root-element message). */
enum vb_doc_kind {
	VB_DOC_REPORT,		/* arsberattelse */
	VB_DOC_MANIFEST,	/* arsbok */
	VB_DOC_LAYOUT		/* the layout vocabulary */
};

struct vb_schema;		/* opaque: a compiled XSD */

/* Compiles the XSD at path (our own, trusted file). NULL and a Swedish
 * message in *err (malloc'd) when it cannot be read. */
struct vb_schema *vb_schema_load(const char *path, enum vb_doc_kind kind,
				 char **err);
void vb_schema_free(struct vb_schema *s);

/* Validates doc; adds one finding per schema error. Returns the number of
 * errors found (0 = valid). */
int vb_schema_validate(const struct vb_schema *s, xmlDocPtr doc,
		       struct vb_diags *d);

#endif
