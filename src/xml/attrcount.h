/*
 * attrcount.h - a bound on the attributes of one element, checked before
 * the parser runs.
 *
 * libxml2 (2.9) looks for a duplicate attribute by comparing each one
 * with every earlier one of the same element: 66 000 attributes on one
 * element (720 KB) cost 12 s, a file at the 8 MiB bound some twenty
 * minutes. No option of the parser bounds this, and its callbacks come
 * after the comparison, so a linear scan of the bytes counts first.
 * A report's elements have a handful of attributes each.
 */
#ifndef VB_XML_ATTRCOUNT_H
#define VB_XML_ATTRCOUNT_H

#include <stddef.h>

#include "diag/diag.h"

/* The most attributes (namespace declarations included) one element
 * may have. */
#define VB_MAX_ATTRIBUTES 256

/* Returns 1 and adds a finding with the line to d when an element of buf
 * has more than VB_MAX_ATTRIBUTES attributes; 0 otherwise (also when buf
 * is not well-formed: the parser names that). */
int vb_xml_attr_bound(const char *buf, size_t len, struct vb_diags *d);

#endif
