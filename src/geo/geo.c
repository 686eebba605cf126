/* geo.c - see geo.h. */
#include "geo/geo.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "util/alloc.h"
#include "util/space.h"
#include "util/utf8.h"

/* ---- Swedish order ---- */

/* Decodes one UTF-8 code point at *s and advances (vb_utf8_decode: a
 * bad byte is one U+FFFD, so the comparison stays total). */
static unsigned
next_cp(const unsigned char **s)
{
	const char *p = (const char *)*s;
	size_t len = 0, i = 0;
	uint32_t cp = 0;
	while (len < 4 && p[len])
		len++;
	vb_utf8_decode(p, len, &i, &cp);
	*s += i;
	return cp;
}

/* Primary weight of a code point (case folded), and whether it was upper
 * case. Swedish: a–z, then å ä ö; é/è/ê sort as e, ü as y, æ as ä, ø as ö,
 * á/à as a. Space and punctuation before digits before letters. */
static unsigned
sv_weight(unsigned c, int *upper)
{
	*upper = 0;
	if (c >= 'A' && c <= 'Z') {
		*upper = 1;
		c += 'a' - 'A';
	} else if (c >= 0xc0 && c <= 0xde && c != 0xd7) {
		*upper = 1;
		c += 0x20;
	}
	switch (c) {
	case 0xe5: return 1000 + 26;	/* å */
	case 0xe4: case 0xe6: return 1000 + 27;	/* ä æ */
	case 0xf6: case 0xf8: return 1000 + 28;	/* ö ø */
	case 0xe9: case 0xe8: case 0xea: case 0xeb: c = 'e'; break;
	case 0xe1: case 0xe0: case 0xe2: c = 'a'; break;
	case 0xfc: c = 'y'; break;
	default: break;
	}
	if (c >= 'a' && c <= 'z')
		return 1000 + (c - 'a');
	if (c >= '0' && c <= '9')
		return 500 + (c - '0');
	if (c == ' ')
		return 1;
	if (c < 0x80)
		return 10 + c;
	return 2000 + c;
}

int
vb_geo_sv_cmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;
	int tie = 0;
	while (*p && *q) {
		int ua, ub;
		unsigned wa = sv_weight(next_cp(&p), &ua);
		unsigned wb = sv_weight(next_cp(&q), &ub);
		if (wa != wb)
			return wa < wb ? -1 : 1;
		if (tie == 0 && ua != ub)
			tie = ua ? 1 : -1;	/* lower case first */
	}
	if (*p || *q)
		return *p ? 1 : -1;
	if (tie)
		return tie;
	return strcmp(a, b) < 0 ? -1 : strcmp(a, b) > 0;
}

/* ---- loading ---- */

struct loader {
	const char *path;
	char *err;		/* first problem, owned until handed over */
};

static void __attribute__((format(printf, 3, 4)))
fail(struct loader *ld, xmlNodePtr n, const char *fmt, ...)
{
	if (ld->err)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = vb_vasprintf(fmt, ap);
	va_end(ap);
	long line = n ? xmlGetLineNo(n) : 0;
	if (line > 0)
		ld->err = vb_asprintf("%s:%ld: %s", ld->path, line, msg);
	else
		ld->err = vb_asprintf("%s: %s", ld->path, msg);
	free(msg);
}

static int
is_el(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, (const xmlChar *)VB_GEO_NS) &&
	       xmlStrEqual(n->name, (const xmlChar *)name);
}

/* Attribute value with whitespace collapsed (xs:token), or NULL. */
static char *
attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (v == NULL)
		return NULL;
	char *out = vb_collapsed((const char *)v);
	xmlFree(v);
	return out;
}

static char *
req_name(struct loader *ld, xmlNodePtr n, const char *name)
{
	char *v = attr(n, name);
	if (v == NULL || *v == '\0') {
		fail(ld, n, "<%s> saknar attributet %s", (const char *)n->name,
		     name);
		free(v);
		return NULL;
	}
	return v;
}

static int
year_of(struct loader *ld, xmlNodePtr n, const char *name, int required)
{
	char *v = attr(n, name);
	if (v == NULL) {
		if (required)
			fail(ld, n, "<%s> saknar attributet %s",
			     (const char *)n->name, name);
		return required ? -1 : VB_GEO_OPEN;
	}
	int ok = strlen(v) == 4;
	for (int i = 0; ok && i < 4; i++)
		ok = v[i] >= '0' && v[i] <= '9';
	int y = ok ? atoi(v) : -1;
	if (!ok)
		fail(ld, n, "%s=\"%s\" är inte ett årtal med fyra siffror",
		     name, v);
	free(v);
	return y;
}

static void
load_period(struct loader *ld, xmlNodePtr n, const char *nameattr,
	    struct vb_geo_period *p)
{
	p->namn = req_name(ld, n, nameattr);
	p->fran = year_of(ld, n, "fran", 1);
	p->till = year_of(ld, n, "till", 0);
	if (!ld->err && p->fran > p->till)
		fail(ld, n, "perioden %d–%d slutar innan den börjar", p->fran,
		     p->till);
}

static void
free_periods(struct vb_geo_period *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].namn);
	free(v);
}

static int
cmp_kommun(const void *a, const void *b)
{
	const struct vb_geo_kommun *x = a, *y = b;
	return vb_geo_sv_cmp(x->namn, y->namn);
}

static int
cmp_period(const void *a, const void *b)
{
	const struct vb_geo_period *x = a, *y = b;
	int c = vb_geo_sv_cmp(x->namn, y->namn);
	return c ? c : (x->fran > y->fran) - (x->fran < y->fran);
}

static void
load_kommun(struct loader *ld, struct vb_geo *g, xmlNodePtr n)
{
	struct vb_geo_kommun *k = &g->kommuner[g->nkommuner++];
	memset(k, 0, sizeof(*k));
	k->namn = req_name(ld, n, "namn");
	if (k->namn && vb_geo_kommun(g, k->namn) != k)
		fail(ld, n, "kommunen %s står två gånger", k->namn);
	size_t nt = 0, ns = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(c, "tillhor"))
			nt++;
		else if (is_el(c, "stadsdel"))
			ns++;
		else
			fail(ld, c, "okänt element <%s> i <kommun>",
			     (const char *)c->name);
	}
	if (nt == 0)
		fail(ld, n, "kommunen %s saknar <tillhor>",
		     k->namn ? k->namn : "");
	k->tillhor = vb_calloc(nt, sizeof(*k->tillhor));
	k->stadsdelar = vb_calloc(ns, sizeof(*k->stadsdelar));
	for (xmlNodePtr c = n->children; c && !ld->err; c = c->next) {
		if (is_el(c, "tillhor")) {
			struct vb_geo_period *p = &k->tillhor[k->ntillhor++];
			load_period(ld, c, "delregion", p);
			if (p->namn && !vb_geo_has_delregion(g, p->namn))
				fail(ld, c, "delregionen %s är inte deklarerad",
				     p->namn);
		} else if (is_el(c, "stadsdel")) {
			load_period(ld, c, "namn",
				    &k->stadsdelar[k->nstadsdelar++]);
		}
	}
	if (!ld->err)
		qsort(k->stadsdelar, k->nstadsdelar, sizeof(*k->stadsdelar),
		      cmp_period);
}

static void
load_root(struct loader *ld, struct vb_geo *g, xmlNodePtr root)
{
	if (root == NULL || !is_el(root, "geografi")) {
		fail(ld, root, "rotelementet är inte <geografi> i namnrymden %s",
		     VB_GEO_NS);
		return;
	}
	size_t nd = 0, nk = 0;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(c, "delregion"))
			nd++;
		else if (is_el(c, "kommun"))
			nk++;
		else
			fail(ld, c, "okänt element <%s> i <geografi>",
			     (const char *)c->name);
	}
	if (!ld->err && (nd == 0 || nk == 0))
		fail(ld, root, "filen saknar delregioner eller kommuner");
	if (ld->err)
		return;
	g->delregioner = vb_calloc(nd, sizeof(*g->delregioner));
	g->kommuner = vb_calloc(nk, sizeof(*g->kommuner));
	for (xmlNodePtr c = root->children; c && !ld->err; c = c->next) {
		if (is_el(c, "delregion")) {
			struct vb_geo_delregion *r =
			    &g->delregioner[g->ndelregioner++];
			r->id = req_name(ld, c, "id");
			r->namn = req_name(ld, c, "namn");
			if (r->namn && vb_geo_delregion(g, r->namn) != r)
				fail(ld, c, "delregionen %s står två gånger",
				     r->namn);
		} else if (is_el(c, "kommun")) {
			load_kommun(ld, g, c);
		}
	}
	if (!ld->err)
		qsort(g->kommuner, g->nkommuner, sizeof(*g->kommuner),
		      cmp_kommun);
}

/* libxml2 would print I/O and parse errors on stderr; we report them. */
static void
quiet(void *user, xmlErrorPtr e)
{
	(void)user;
	(void)e;
}

struct vb_geo *
vb_geo_load(const char *path, char **err)
{
	struct loader ld = { .path = path ? path : "-", .err = NULL };
	struct vb_geo *g = vb_calloc(1, sizeof(*g));

	if (err)
		*err = NULL;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		fail(&ld, NULL, "kunde inte starta XML-tolken");
	} else {
		ctxt->sax->serror = quiet;
		xmlDocPtr doc = path ? xmlCtxtReadFile(ctxt, path, NULL,
			XML_PARSE_NONET | XML_PARSE_NOERROR |
			XML_PARSE_NOWARNING) : NULL;
		if (doc == NULL) {
			const xmlError *e = &ctxt->lastError;
			if (e->code == XML_IO_LOAD_ERROR || e->line <= 0)
				fail(&ld, NULL, "filen kan inte läsas");
			else {
				ld.err = vb_asprintf("%s:%d: filen är inte korrekt XML",
						     ld.path, e->line);
			}
		} else {
			load_root(&ld, g, xmlDocGetRootElement(doc));
			xmlFreeDoc(doc);
		}
		xmlFreeParserCtxt(ctxt);
	}
	if (ld.err) {
		vb_geo_free(g);
		if (err)
			*err = ld.err;
		else
			free(ld.err);
		return NULL;
	}
	return g;
}

void
vb_geo_free(struct vb_geo *g)
{
	if (g == NULL)
		return;
	for (size_t i = 0; i < g->ndelregioner; i++) {
		free(g->delregioner[i].id);
		free(g->delregioner[i].namn);
	}
	free(g->delregioner);
	for (size_t i = 0; i < g->nkommuner; i++) {
		struct vb_geo_kommun *k = &g->kommuner[i];
		free(k->namn);
		free_periods(k->tillhor, k->ntillhor);
		free_periods(k->stadsdelar, k->nstadsdelar);
	}
	free(g->kommuner);
	free(g);
}

/* ---- look-ups ---- */

const struct vb_geo_kommun *
vb_geo_kommun(const struct vb_geo *g, const char *namn)
{
	if (g == NULL || namn == NULL)
		return NULL;
	for (size_t i = 0; i < g->nkommuner; i++)
		if (g->kommuner[i].namn && strcmp(g->kommuner[i].namn, namn) == 0)
			return &g->kommuner[i];
	return NULL;
}

const struct vb_geo_delregion *
vb_geo_delregion(const struct vb_geo *g, const char *namn)
{
	if (g == NULL || namn == NULL)
		return NULL;
	for (size_t i = 0; i < g->ndelregioner; i++)
		if (g->delregioner[i].namn &&
		    strcmp(g->delregioner[i].namn, namn) == 0)
			return &g->delregioner[i];
	return NULL;
}

int
vb_geo_has_kommun(const struct vb_geo *g, const char *namn)
{
	return vb_geo_kommun(g, namn) != NULL;
}

int
vb_geo_has_delregion(const struct vb_geo *g, const char *namn)
{
	return vb_geo_delregion(g, namn) != NULL;
}

static int
in_period(const struct vb_geo_period *p, int year)
{
	return year >= p->fran && year <= p->till;
}

size_t
vb_geo_delregioner_for(const struct vb_geo *g, const char *kommun, int year,
		       const char **out, size_t max)
{
	const struct vb_geo_kommun *k = vb_geo_kommun(g, kommun);
	size_t n = 0;
	if (k == NULL)
		return 0;
	for (size_t i = 0; i < k->ntillhor; i++) {
		if (!in_period(&k->tillhor[i], year))
			continue;
		if (out && n < max)
			out[n] = k->tillhor[i].namn;
		n++;
	}
	return n;
}

int
vb_geo_pairs(const struct vb_geo *g, const char *kommun,
	     const char *delregion, int year)
{
	const struct vb_geo_kommun *k = vb_geo_kommun(g, kommun);
	if (k == NULL || delregion == NULL)
		return -1;
	int any = 0;
	for (size_t i = 0; i < k->ntillhor; i++) {
		if (!in_period(&k->tillhor[i], year))
			continue;
		any = 1;
		if (strcmp(k->tillhor[i].namn, delregion) == 0)
			return 1;
	}
	return any ? 0 : -1;
}

int
vb_geo_has_any_stadsdel(const struct vb_geo *g, const char *kommun)
{
	const struct vb_geo_kommun *k = vb_geo_kommun(g, kommun);
	return k != NULL && k->nstadsdelar > 0;
}

size_t
vb_geo_stadsdelar(const struct vb_geo *g, const char *kommun, int year,
		  const char **out, size_t max)
{
	const struct vb_geo_kommun *k = vb_geo_kommun(g, kommun);
	size_t n = 0;
	if (k == NULL)
		return 0;
	for (size_t i = 0; i < k->nstadsdelar; i++) {
		if (!in_period(&k->stadsdelar[i], year))
			continue;
		if (out && n < max)
			out[n] = k->stadsdelar[i].namn;
		n++;
	}
	return n;
}

int
vb_geo_has_stadsdel(const struct vb_geo *g, const char *kommun,
		    const char *stadsdel, int year)
{
	const struct vb_geo_kommun *k = vb_geo_kommun(g, kommun);
	if (k == NULL || stadsdel == NULL)
		return 0;
	for (size_t i = 0; i < k->nstadsdelar; i++)
		if (in_period(&k->stadsdelar[i], year) &&
		    strcmp(k->stadsdelar[i].namn, stadsdel) == 0)
			return 1;
	return 0;
}

const struct vb_geo_period *
vb_geo_stadsdel_period(const struct vb_geo *g, const char *kommun,
		       const char *stadsdel)
{
	const struct vb_geo_kommun *k = vb_geo_kommun(g, kommun);
	if (k == NULL || stadsdel == NULL)
		return NULL;
	for (size_t i = 0; i < k->nstadsdelar; i++)
		if (strcmp(k->stadsdelar[i].namn, stadsdel) == 0)
			return &k->stadsdelar[i];
	return NULL;
}
