/*
 * load.h - parses untrusted XML safely.
 *
 * Reports come from 49 organisations, so the parser is locked down: no
 * network, no DTD at all (a document type declaration stops the parse
 * before any entity is declared, so external entities and entity bombs
 * never get going), no entity substitution, a bound on the file size and
 * libxml2's default bounds on depth and text length (never XML_PARSE_HUGE).
 * Problems become Swedish findings with the line; nothing is printed.
 */
#ifndef VB_XML_LOAD_H
#define VB_XML_LOAD_H

#include <stddef.h>
#include <libxml/tree.h>

#include "diag/diag.h"

/* The largest input file we accept. A real report is under 100 KiB. */
#define VB_MAX_INPUT_BYTES (8u * 1024u * 1024u)

/* Parses buf (len bytes) named name. Returns the document (caller frees
 * with xmlFreeDoc) or NULL with the reason added to d. */
xmlDocPtr vb_xml_parse(const char *buf, size_t len, const char *name,
		       struct vb_diags *d);

/* The same, building names into dict (libxslt wants a stylesheet's
 * documents to share its dictionary); dict may be NULL. */
xmlDocPtr vb_xml_parse_dict(const char *buf, size_t len, const char *name,
			    xmlDictPtr dict, struct vb_diags *d);

/* Reads path (bounded) and parses it as above. */
xmlDocPtr vb_xml_load(const char *path, struct vb_diags *d);

/* The same, names built into dict (may be NULL): documents that share a
 * dictionary can be moved into one another without copying their names
 * (the yearbook's input, src/arsbok/). */
xmlDocPtr vb_xml_load_dict(const char *path, xmlDictPtr dict,
			   struct vb_diags *d);

/* Installs libxml2 error handlers that never print (main calls it once;
 * every parse calls it too). Users see Swedish findings only. */
void vb_xml_quiet(void);

#endif
