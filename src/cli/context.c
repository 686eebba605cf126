/* context.c - data folder, lazily compiled schemas, the report pipeline. */
#define _DEFAULT_SOURCE
#include "cli/cli.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arsbok/arsbok.h"
#include "check/check.h"
#include "geo/geo.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "xml/load.h"
#include "xml/validate.h"
#include "typeset/typeset.h"
#include "xslt/transform.h"

#ifndef VB_DATADIR
#define VB_DATADIR "/usr/local/share/vastbus"
#endif

static int
has_data(const char *dir)
{
	char *p = vb_asprintf("%s/schema/arsberattelse.xsd", dir);
	int ok = access(p, R_OK) == 0;
	free(p);
	return ok;
}

int
vb_ctx_init(struct vb_ctx *ctx)
{
	memset(ctx, 0, sizeof(*ctx));
	const char *env = getenv("VASTBUS_DATA");
	if (env && *env) {
		ctx->datadir = vb_strdup(env);
		return 0;
	}
	/* Run from the build tree: ./vastbus, or build-san/vastbus below it. */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 2; up++) {
			char *slash = strrchr(exe, '/');
			if (slash == NULL)
				break;
			*slash = '\0';
			if (has_data(exe)) {
				ctx->datadir = vb_strdup(exe);
				return 0;
			}
		}
	}
	ctx->datadir = vb_strdup(VB_DATADIR);
	return 0;
}

void
vb_ctx_free(struct vb_ctx *ctx)
{
	vb_schema_free(ctx->report_xsd);
	vb_schema_free(ctx->manifest_xsd);
	vb_geo_free(ctx->geo);
	for (size_t i = 0; i < sizeof(ctx->xslt) / sizeof(ctx->xslt[0]); i++) {
		free(ctx->xslt[i].rel);
		vb_xslt_free(ctx->xslt[i].x);
	}
	free(ctx->datadir);
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

unsigned char *
vb_typeset_to_pdf(xmlDocPtr layout, size_t *len, struct vb_diags *d)
{
	unsigned char *pdf = NULL;
	char *err = NULL, *warn = NULL;
	if (vb_typeset_pdf_warn(layout, &pdf, len, &err, &warn) != 0) {
		vb_diag(d, VB_S_RENDER, 0, "%s", err ? err : "okänt fel");
		free(err);
		return NULL;
	}
	if (warn)
		vb_diag(d, VB_W_GLYPH, 0, "%s", warn);
	free(warn);
	return pdf;
}

int
vb_write_output(const char *name, const void *data, size_t len,
		struct vb_diags *d)
{
	if (vb_write_atomic(name, data, len) != 0) {
		vb_diag(d, VB_S_WRITE, 0, "%s: %s", name, vb_strerror_sv(errno));
		return -1;
	}
	return 0;
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

static void
push(struct vb_inputs *in, char *s, int from_dir)
{
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 16;
		in->v = vb_reallocarray(in->v, in->cap, sizeof(char *));
		in->from_dir = vb_reallocarray(in->from_dir, in->cap, 1);
	}
	in->from_dir[in->n] = (unsigned char)from_dir;
	in->v[in->n++] = s;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
ends_with_xml(const char *s)
{
	size_t n = strlen(s);
	return n > 4 && strcmp(s + n - 4, ".xml") == 0;
}

void
vb_inputs_expand(struct vb_inputs *in, char *const *args, int nargs)
{
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			DIR *dir = opendir(args[i]);
			if (dir == NULL) {
				push(in, vb_strdup(args[i]), 0);
				continue;
			}
			size_t first = in->n;
			struct dirent *e;
			while ((e = readdir(dir)) != NULL) {
				if (e->d_name[0] == '.' || !ends_with_xml(e->d_name))
					continue;
				const char *sep =
					args[i][strlen(args[i]) - 1] == '/' ? "" : "/";
				push(in, vb_asprintf("%s%s%s", args[i], sep, e->d_name), 1);
			}
			closedir(dir);
			if (in->n - first > 1)
				qsort(in->v + first, in->n - first, sizeof(char *),
				      cmp_str);
		} else {
			push(in, vb_strdup(args[i]), 0);
		}
	}
}

void
vb_inputs_free(struct vb_inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->v[i]);
	free(in->v);
	free(in->from_dir);
	memset(in, 0, sizeof(*in));
}

char *
vb_output_name(const char *in, const char *out, const char *dir,
	       const char *ext)
{
	if (out)
		return vb_strdup(out);
	const char *base = strrchr(in, '/');
	base = base ? base + 1 : in;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
		n -= 4;
	if (dir)
		return vb_asprintf("%s%s%.*s%s", dir,
				   dir[strlen(dir) - 1] == '/' ? "" : "/",
				   (int)n, base, ext);
	return vb_asprintf("%.*s%.*s%s", (int)(base - in), in, (int)n, base, ext);
}

static struct vb_schema *
schema(struct vb_ctx *ctx, int manifest, struct vb_diags *d)
{
	struct vb_schema **slot = manifest ? &ctx->manifest_xsd : &ctx->report_xsd;
	if (*slot == NULL) {
		char *p = vb_ctx_path(ctx, manifest ? "schema/arsbok.xsd"
						    : "schema/arsberattelse.xsd");
		char *err = NULL;
		*slot = vb_schema_load(p, manifest ? VB_DOC_MANIFEST : VB_DOC_REPORT,
				       &err);
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

xmlDocPtr
vb_report_check(struct vb_ctx *ctx, const char *path, struct vb_diags *d,
		int *is_manifest)
{
	xmlDocPtr doc = vb_xml_load(path, d);
	if (doc == NULL)
		return NULL;
	int manifest = root_is(doc, "arsbok", "urn:vastbus:arsbok:1");
	if (is_manifest)
		*is_manifest = manifest;
	struct vb_schema *xsd = schema(ctx, manifest, d);
	if (xsd == NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	vb_schema_validate(xsd, doc, d);
	/* The rule checks run even after schema errors (they tolerate any
	 * tree), so the author sees every finding at once. */
	if (manifest) {
		vb_arsbok_check(doc, path, vb_ctx_geo(ctx, d), d);
	} else {
		vb_check_report(doc, vb_ctx_geo(ctx, d), d);
	}
	if (d->worst >= VB_LEVEL_ERROR) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}
