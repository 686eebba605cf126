/*
 * check.h - the rules of the report format that an XSD cannot hold
 * (FORMAT.md, "Rules the XSD alone cannot hold").
 *
 * vb_check_report() runs after the schema, on any parsed document, even
 * one the XSD refused: it tolerates missing elements, foreign namespaces,
 * garbage values and huge counts. A rule whose inputs are missing or
 * malformed is skipped (the schema has already said so), so findings do
 * not pile up on top of the schema's. Findings go to d with the line of
 * the node concerned; nothing is printed.
 *
 * As in mandoc's mdoc_valids[], the driver (check.c) holds a table of one
 * checker per section element; the free-text scan for personal identity
 * numbers (check_pnr.c) runs over the whole report.
 */
#ifndef VB_CHECK_H
#define VB_CHECK_H

#include <libxml/tree.h>

#include "diag/diag.h"
#include "geo/geo.h"

#define VB_REPORT_NS "urn:vastbus:arsberattelse:1"

/* Checks doc. geo may be NULL (data missing): the rules that need it
 * (municipality, district, subregion) are then skipped. */
void vb_check_report(xmlDocPtr doc, const struct vb_geo *geo,
		     struct vb_diags *d);

/* The personnummer scan alone, over a yearbook manifest (its foreword is
 * printed in the yearbook). */
void vb_check_manifest_text(xmlDocPtr doc, struct vb_diags *d);

#endif
