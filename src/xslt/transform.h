/*
 * transform.h - runs our stylesheets safely.
 *
 * libxslt's defaults are not safe for untrusted input: document() would
 * load DTDs and expand entities, and a stylesheet may write files. Here
 * every file a stylesheet reads goes through the same locked-down parser
 * as the reports (xml/load.c) and must lie inside an allowed folder;
 * writing files, creating folders and the network are forbidden.
 */
#ifndef VB_XSLT_TRANSFORM_H
#define VB_XSLT_TRANSFORM_H

#include <stddef.h>
#include <libxml/tree.h>

struct vb_xslt;	/* a compiled stylesheet with its security settings */

/* Compiles the stylesheet at path. Reads are allowed below each folder in
 * allow (NULL-terminated). NULL and a malloc'd Swedish *err on failure. */
struct vb_xslt *vb_xslt_load(const char *path, const char *const *allow,
			     char **err);
void vb_xslt_free(struct vb_xslt *x);

/* Applies the stylesheet to doc with string parameters params (name,
 * value, …, NULL; values are plain strings, quoted for you). Returns the
 * serialised result (malloc'd, *len bytes) or NULL with *err. */
char *vb_xslt_run(struct vb_xslt *x, xmlDocPtr doc, const char *const *params,
		  size_t *len, char **err);

/* Like vb_xslt_run but returns the result tree (caller xmlFreeDoc). */
xmlDocPtr vb_xslt_run_doc(struct vb_xslt *x, xmlDocPtr doc,
			  const char *const *params, char **err);

#endif
