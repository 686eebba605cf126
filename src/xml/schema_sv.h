/*
 * schema_sv.h - turns one libxml2 schema-validation error into a Swedish
 * finding that names the element in the reader's terms.
 */
#ifndef VB_XML_SCHEMA_SV_H
#define VB_XML_SCHEMA_SV_H

#include <libxml/xmlerror.h>

#include "diag/diag.h"
#include "xml/validate.h"

void vb_schema_error_sv(const xmlError *err, enum vb_doc_kind kind,
			struct vb_diags *d);

/* The reader's name for an element, given its parent's local name (may
 * be NULL), e.g. "avsnitt 2, Antal möten (<moten>)". Static storage or a
 * string the caller frees when *owned is set. */
const char *vb_element_term(const char *name, const char *parent);

/* The reader's name for attribute name of element, e.g. "mötesdatum
 * (datum)"; NULL when there is none. Static storage. */
const char *vb_attribute_term(const char *name, const char *element);

#endif
