/* pipeline_check.c - one report or manifest: parse → XSD → rules; and a
 * hand-written layout tree: parse → layout XSD. */
#include "pipeline/pipeline.h"

#include <stdlib.h>

#include "arsbok/arsbok.h"
#include "check/check.h"
#include "xml/load.h"
#include "xml/validate.h"

/* The compiled XSD for kind, loaded on first use and kept in ctx. */
static struct vb_schema *
schema(struct vb_ctx *ctx, enum vb_doc_kind kind, struct vb_diags *d)
{
	static const char *const rel[] = {
		[VB_DOC_REPORT] = "schema/arsberattelse.xsd",
		[VB_DOC_MANIFEST] = "schema/arsbok.xsd",
		[VB_DOC_LAYOUT] = "schema/layout.xsd",
	};
	struct vb_schema **slot = kind == VB_DOC_MANIFEST ? &ctx->manifest_xsd :
				  kind == VB_DOC_LAYOUT ? &ctx->layout_xsd :
				  &ctx->report_xsd;
	if (*slot == NULL) {
		char *p = vb_ctx_path(ctx, rel[kind]), *err = NULL;
		*slot = vb_schema_load(p, kind, &err);
		if (*slot == NULL)
			vb_diag(d, VB_S_DATA, 0, "%s", err);
		free(err);
		free(p);
	}
	return *slot;
}

static int
root_is(xmlDocPtr doc, const char *name, const char *ns)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	return root && xmlStrEqual(root->name, (const xmlChar *)name) &&
	       root->ns && xmlStrEqual(root->ns->href, (const xmlChar *)ns);
}

/* The check after the parse, whichever way the bytes came. Takes doc. */
static xmlDocPtr
check_parsed(struct vb_ctx *ctx, xmlDocPtr doc, const char *path,
	     struct vb_diags *d, int *is_manifest)
{
	int manifest = root_is(doc, "arsbok", "urn:vastbus:arsbok:1");
	if (is_manifest)
		*is_manifest = manifest;
	struct vb_schema *xsd =
		schema(ctx, manifest ? VB_DOC_MANIFEST : VB_DOC_REPORT, d);
	if (xsd == NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	vb_schema_validate(xsd, doc, d);
	/* The rule checks run even after schema errors (they tolerate any
	 * tree), so the author sees every finding at once. */
	if (manifest) {
		vb_arsbok_check(doc, path, vb_ctx_geo(ctx, d), d);
		vb_check_manifest_text(doc, d);
	} else {
		vb_check_report(doc, vb_ctx_geo(ctx, d), d);
	}
	if (d->worst >= VB_LEVEL_ERROR) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

xmlDocPtr
vb_check_document(struct vb_ctx *ctx, const char *path, struct vb_diags *d,
		  int *is_manifest)
{
	if (is_manifest)
		*is_manifest = 0;
	/* One dictionary for every report and manifest: the yearbook moves
	 * the reports into its input instead of copying them (arsbok.c) */
	if (ctx->dict == NULL)
		ctx->dict = xmlDictCreate();
	xmlDocPtr doc = vb_xml_load_dict(path, ctx->dict, d);
	return doc ? check_parsed(ctx, doc, path, d, is_manifest) : NULL;
}

xmlDocPtr
vb_check_buffer(struct vb_ctx *ctx, const char *buf, size_t len,
		const char *name, struct vb_diags *d, int *is_manifest)
{
	if (is_manifest)
		*is_manifest = 0;
	xmlDocPtr doc = vb_xml_parse(buf, len, name, d);
	return doc ? check_parsed(ctx, doc, name, d, is_manifest) : NULL;
}

xmlDocPtr
vb_check_layout(struct vb_ctx *ctx, const char *path, struct vb_diags *d)
{
	struct vb_schema *xsd = schema(ctx, VB_DOC_LAYOUT, d);
	if (xsd == NULL)
		return NULL;
	xmlDocPtr doc = vb_xml_load(path, d);
	if (doc && vb_schema_validate(xsd, doc, d) != 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}
