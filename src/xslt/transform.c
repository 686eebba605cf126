/* transform.c - see transform.h. */
#define _DEFAULT_SOURCE
#include "xslt/transform.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "util/alloc.h"
#include "util/fileio.h"
#include "xml/load.h"

struct vb_xslt {
	xsltStylesheetPtr style;
	xsltSecurityPrefsPtr sec;
	char **allow;		/* canonical folders, NULL-terminated */
};

/*
 * libxslt's document loader is one process-wide function pointer with no
 * user data for stylesheet loads, so the folders it may read from have to
 * be reachable from it: this is the one piece of global state we keep,
 * set for the duration of a load or a run.
 */
static char *const *current_allow;

static int
path_allowed(char *const *allow, const char *path)
{
	char real[PATH_MAX];
	if (allow == NULL || realpath(path, real) == NULL)
		return 0;
	for (size_t i = 0; allow[i]; i++) {
		size_t n = strlen(allow[i]);
		if (strncmp(real, allow[i], n) == 0 &&
		    (real[n] == '/' || real[n] == '\0'))
			return 1;
	}
	return 0;
}

/* Turns a file: URI or plain path into a path; NULL for anything else. */
static char *
uri_to_path(const xmlChar *uri)
{
	const char *u = (const char *)uri;
	if (strncmp(u, "file://", 7) == 0)
		u += 7;
	else if (strstr(u, "://") != NULL)
		return NULL;
	char *p = (char *)xmlURIUnescapeString(u, 0, NULL);
	return p;
}

static xmlDocPtr
safe_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
	    xsltLoadType type)
{
	(void)options;
	(void)ctxt;
	(void)type;
	char *path = uri_to_path(uri);
	if (path == NULL || !path_allowed(current_allow, path)) {
		xmlFree(path);
		return NULL;
	}
	char *buf;
	size_t len;
	xmlDocPtr doc = NULL;
	if (vb_read_file(path, VB_MAX_INPUT_BYTES, &buf, &len) == 0) {
		struct vb_diags d;
		vb_diags_init(&d, path);
		doc = vb_xml_parse_dict(buf, len, path, dict, &d);
		vb_diags_free(&d);
		free(buf);
	}
	xmlFree(path);
	return doc;
}

static int
forbid(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
       const char *value)
{
	(void)sec;
	(void)ctxt;
	(void)value;
	return 0;
}

static int
check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
	   const char *value)
{
	(void)sec;
	(void)ctxt;
	char *path = uri_to_path((const xmlChar *)value);
	int ok = path && path_allowed(current_allow, path);
	xmlFree(path);
	return ok;
}

static void
silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Collects what a stylesheet says with xsl:message (our stylesheets stop
 * with a Swedish sentence when a required file is missing), so the user
 * hears it instead of a generic failure. Bounded: a stylesheet that talks
 * in a loop cannot fill memory. */
struct messages {
	char buf[1024];
	size_t len;
};

static void
collect(void *ctx, const char *msg, ...)
{
	struct messages *m = ctx;
	if (m == NULL || m->len >= sizeof(m->buf) - 1)
		return;
	va_list ap;
	va_start(ap, msg);
	int n = vsnprintf(m->buf + m->len, sizeof(m->buf) - m->len, msg, ap);
	va_end(ap);
	if (n > 0)
		m->len += (size_t)n < sizeof(m->buf) - m->len
			  ? (size_t)n : sizeof(m->buf) - m->len - 1;
}

/* Our stylesheets word their stop messages "name.xsl: Swedish text";
 * libxslt's own English runtime lines are left out. */
static char *
first_message(const struct messages *m)
{
	const char *p = m->buf;
	while (*p) {
		size_t n = strcspn(p, "\n");
		const char *colon = strstr(p, ".xsl: ");
		if (colon && colon < p + n && strspn(p, "abcdefghijklmnopqrstuvwxyz"
					"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") ==
						  (size_t)(colon - p))
			return vb_strndup(colon + 6, n - (size_t)(colon + 6 - p));
		p += n;
		while (*p == '\n')
			p++;
	}
	return NULL;
}

struct vb_xslt *
vb_xslt_load(const char *path, const char *const *allow, char **err)
{
	*err = NULL;
	struct vb_xslt *x = vb_calloc(1, sizeof(*x));
	size_t n = 0;
	while (allow && allow[n])
		n++;
	x->allow = vb_calloc(n + 1, sizeof(char *));
	for (size_t i = 0, j = 0; i < n; i++) {
		char real[PATH_MAX];
		if (realpath(allow[i], real))
			x->allow[j++] = vb_strdup(real);
	}
	x->sec = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_WRITE_FILE, forbid);
	xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_CREATE_DIRECTORY, forbid);
	xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_WRITE_NETWORK, forbid);
	xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_READ_NETWORK, forbid);
	xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_READ_FILE, check_read);
	xsltSetLoaderFunc(safe_loader);
	xsltSetGenericErrorFunc(NULL, silent);

	current_allow = x->allow;
	xmlDocPtr sdoc = path_allowed(x->allow, path)
		? safe_loader((const xmlChar *)path, NULL, 0, NULL,
			      XSLT_LOAD_START)
		: NULL;
	if (sdoc)
		x->style = xsltParseStylesheetDoc(sdoc);
	current_allow = NULL;
	if (x->style == NULL) {
		if (sdoc)
			xmlFreeDoc(sdoc);
		*err = vb_asprintf("formatmallen %s saknas eller är trasig", path);
		vb_xslt_free(x);
		return NULL;
	}
	return x;
}

void
vb_xslt_free(struct vb_xslt *x)
{
	if (x == NULL)
		return;
	if (x->style)
		xsltFreeStylesheet(x->style);
	if (x->sec)
		xsltFreeSecurityPrefs(x->sec);
	for (size_t i = 0; x->allow && x->allow[i]; i++)
		free(x->allow[i]);
	free(x->allow);
	free(x);
}

xmlDocPtr
vb_xslt_run_doc(struct vb_xslt *x, xmlDocPtr doc, const char *const *params,
		char **err)
{
	*err = NULL;
	xsltTransformContextPtr tc = xsltNewTransformContext(x->style, doc);
	if (tc == NULL) {
		*err = vb_strdup("formatmallen kunde inte köras");
		return NULL;
	}
	xsltSetCtxtSecurityPrefs(x->sec, tc);
	struct messages said = { .len = 0 };
	said.buf[0] = '\0';
	xsltSetTransformErrorFunc(tc, &said, collect);
	/* document() gets the same locked-down parser as the reports. */
	tc->parserOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA;
	tc->maxTemplateDepth = 2000;

	/* String parameters are quoted here so that no caller can inject an
	 * XPath expression through a value. */
	size_t np = 0;
	while (params && params[np])
		np++;
	const char **q = vb_calloc(np + 1, sizeof(char *));
	for (size_t i = 0; i + 1 < np; i += 2) {
		q[i] = params[i];
		q[i + 1] = params[i + 1];
	}
	int bad = 0;
	for (size_t i = 0; i + 1 < np; i += 2)
		if (xsltQuoteOneUserParam(tc, (const xmlChar *)q[i],
					  (const xmlChar *)q[i + 1]) != 0)
			bad = 1;
	free(q);

	current_allow = x->allow;
	xmlDocPtr res = bad ? NULL
			    : xsltApplyStylesheetUser(x->style, doc, NULL, NULL,
						      NULL, tc);
	current_allow = NULL;
	int state = tc->state;
	xsltFreeTransformContext(tc);
	if (res == NULL || state != XSLT_STATE_OK) {
		if (res)
			xmlFreeDoc(res);
		char *why = first_message(&said);
		*err = why ? vb_asprintf("formatmallen avbröts: %s", why)
			   : vb_strdup("formatmallen avbröts med ett fel");
		free(why);
		return NULL;
	}
	return res;
}

char *
vb_xslt_run(struct vb_xslt *x, xmlDocPtr doc, const char *const *params,
	    size_t *len, char **err)
{
	*len = 0;
	xmlDocPtr res = vb_xslt_run_doc(x, doc, params, err);
	if (res == NULL)
		return NULL;
	xmlChar *buf = NULL;
	int n = 0;
	if (xsltSaveResultToString(&buf, &n, res, x->style) != 0 || buf == NULL) {
		xmlFreeDoc(res);
		xmlFree(buf);
		*err = vb_strdup("resultatet kunde inte skrivas ut");
		return NULL;
	}
	xmlFreeDoc(res);
	char *out = vb_malloc((size_t)n + 1);
	memcpy(out, buf, (size_t)n);
	out[n] = '\0';
	xmlFree(buf);
	*len = (size_t)n;
	return out;
}
