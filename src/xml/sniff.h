/*
 * sniff.h - what a file that is not XML looks like.
 *
 * A coordinator saves a PDF, a Word file, a mail as text or a JSON export
 * under the name .xml; the parser would only say that no '<' was found.
 * vb_xml_sniff() looks at the first bytes and at the declared encoding
 * and names the real trouble before the parser runs.
 */
#ifndef VB_XML_SNIFF_H
#define VB_XML_SNIFF_H

#include <stddef.h>

#include "diag/diag.h"

/* Returns 1 and adds a finding to d when buf cannot be a UTF-8 (or
 * byte-order-marked UTF-16) XML file; 0 when the parser should run. */
int vb_xml_sniff(const char *buf, size_t len, struct vb_diags *d);

#endif
