/* typeset.h - the public entry point of the typesetter.
 *
 * The only function the rest of vastbus calls. It reads a layout tree
 * (urn:vastbus:layout:1, see doc/layout.md), typesets it (fonts through
 * fontconfig, Swedish hyphenation, tables, pagination, page references)
 * and hands the pages to the PDF device (src/pdf/). */
#ifndef VB_TYPESET_H
#define VB_TYPESET_H

#include <stddef.h>
#include <libxml/tree.h>

/* Typesets a layout tree (already parsed by the caller with safe options)
 * into PDF bytes. On success returns 0 and *out and *outlen own a malloc'd
 * buffer the caller frees. On failure returns -1 and *err holds a malloc'd
 * Swedish message (with the layout line number when the fault is in the
 * tree) that the caller prints and frees. Never prints, never exits.
 * With SOURCE_DATE_EPOCH set, the same input gives the same bytes. */
int vb_typeset_pdf(xmlDocPtr layout, unsigned char **out, size_t *outlen,
                   char **err);

/* The same, and on success *warn is NULL or a malloc'd Swedish warning
 * (characters no installed face has, drawn as a replacement) that the
 * caller prints as a warning and frees. */
int vb_typeset_pdf_warn(xmlDocPtr layout, unsigned char **out,
                        size_t *outlen, char **err, char **warn);

#endif
