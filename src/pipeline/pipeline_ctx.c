/* pipeline_ctx.c - the data folder and what is loaded from it on first
 * use: schemas, stylesheets, the geography table. */
#include "pipeline/pipeline.h"

#include <stdlib.h>
#include <string.h>

#include "geo/geo.h"
#include "typeset/typeset.h"
#include "util/alloc.h"
#include "xml/validate.h"
#include "xslt/transform.h"

void
vb_ctx_open(struct vb_ctx *ctx, const char *dir)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->datadir = vb_strdup(dir);
	ts_set_datadir(dir);
}

void
vb_ctx_free(struct vb_ctx *ctx)
{
	vb_schema_free(ctx->report_xsd);
	vb_schema_free(ctx->manifest_xsd);
	vb_schema_free(ctx->layout_xsd);
	vb_geo_free(ctx->geo);
	for (size_t i = 0; i < sizeof(ctx->xslt) / sizeof(ctx->xslt[0]); i++) {
		free(ctx->xslt[i].rel);
		vb_xslt_free(ctx->xslt[i].x);
	}
	free(ctx->datadir);
	if (ctx->dict)
		xmlDictFree(ctx->dict);	/* the documents still alive keep it */
	ts_release();	/* the typesetter's dictionaries, kept for the run */
	memset(ctx, 0, sizeof(*ctx));
}

char *
vb_ctx_path(const struct vb_ctx *ctx, const char *rel)
{
	return vb_asprintf("%s/%s", ctx->datadir, rel);
}

const struct vb_geo *
vb_ctx_geo(struct vb_ctx *ctx, struct vb_diags *d)
{
	if (ctx->geo == NULL && !ctx->geo_failed) {
		char *p = vb_ctx_path(ctx, "data/geografi.xml"), *err = NULL;
		ctx->geo = vb_geo_load(p, &err);
		if (ctx->geo == NULL) {
			ctx->geo_failed = 1;
			vb_diag(d, VB_S_DATA, 0, "%s", err);
		}
		free(err);
		free(p);
	}
	return ctx->geo;
}

struct vb_xslt *
vb_ctx_xslt(struct vb_ctx *ctx, const char *rel, struct vb_diags *d)
{
	size_t n = sizeof(ctx->xslt) / sizeof(ctx->xslt[0]), i;
	for (i = 0; i < n && ctx->xslt[i].rel; i++)
		if (strcmp(ctx->xslt[i].rel, rel) == 0)
			return ctx->xslt[i].x;
	if (i == n) {
		vb_diag(d, VB_S_DATA, 0, "för många formatmallar");
		return NULL;
	}
	char *path = vb_ctx_path(ctx, rel), *err = NULL;
	const char *allow[] = { ctx->datadir, NULL };
	struct vb_xslt *x = vb_xslt_load(path, allow, &err);
	free(path);
	if (x == NULL) {
		vb_diag(d, VB_S_DATA, 0, "%s", err);
		free(err);
		return NULL;
	}
	ctx->xslt[i].rel = vb_strdup(rel);
	ctx->xslt[i].x = x;
	return x;
}
