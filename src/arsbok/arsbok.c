/* arsbok.c - see arsbok.h. */
#define _DEFAULT_SOURCE
#include "arsbok/arsbok.h"
#include "arsbok/arsbok_int.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check/check.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/space.h"

/* ------------------------------------------------------------------ */
/* small tree helpers                                                  */

static int
is_el(xmlNodePtr n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, (const xmlChar *)ns) &&
	       xmlStrEqual(n->name, (const xmlChar *)name);
}

static xmlNodePtr
child(xmlNodePtr parent, const char *ns, const char *name)
{
	if (parent == NULL)
		return NULL;
	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (is_el(c, ns, name))
			return c;
	return NULL;
}

/* Whitespace-collapsed copy (xs:token), NULL for NULL or empty. */
static char *
collapse(const xmlChar *s)
{
	if (s == NULL)
		return NULL;
	char *out = vb_collapsed((const char *)s);
	if (*out == '\0') {
		free(out);
		return NULL;
	}
	return out;
}

static char *
attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = collapse(v);
	xmlFree(v);
	return s;
}

static char *
text(xmlNodePtr n)
{
	if (n == NULL)
		return NULL;
	xmlChar *v = xmlNodeGetContent(n);
	char *s = collapse(v);
	xmlFree(v);
	return s;
}

static int
streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int
parse_year(const char *s)
{
	if (s == NULL || strlen(s) != 4)
		return 0;
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return atoi(s);
}

char *
vb_ab_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return vb_strdup(".");
	if (slash == path)
		return vb_strdup("/");
	return vb_strndup(path, (size_t)(slash - path));
}

char *
vb_ab_join(const char *dir, const char *fil)
{
	if (strcmp(dir, ".") == 0)
		return vb_strdup(fil);
	return vb_asprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			   fil);
}

/* ------------------------------------------------------------------ */
/* path rules                                                          */

/* Why fil may not be used, or NULL when it may. sibling: foregaende, which
 * may start with one "../" into a folder beside the manifest's. */
static const char *
path_problem(const char *fil, int sibling)
{
	if (fil[0] == '/')
		return "sökvägen är absolut; ange filen relativt till manifestets mapp";
	if (fil[0] == '~')
		return "sökvägen börjar med ~; ange filen relativt till manifestets mapp";
	if (strchr(fil, '\\'))
		return "sökvägen innehåller \\; använd / mellan mappar";
	size_t idx = 0, ncomp = 0;
	const char *p = fil;
	int first_up = 0;
	while (*p) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (!(sibling && idx == 0))
				return sibling
				       ? "sökvägen får bara börja med ett ../ (till en årsmapp bredvid manifestets mapp), inte gå högre upp"
				       : "sökvägen går upp ur manifestets mapp (..); årsberättelserna ska ligga i manifestets mapp eller under den";
			first_up = 1;
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			ncomp++;
		}
		idx++;
		p += n;
		if (*p == '/')
			p++;
		else
			break;
	}
	if (fil[strlen(fil) - 1] == '/' || ncomp == 0)
		return "sökvägen pekar på en mapp, inte på en fil";
	if (first_up && ncomp < 2)
		return "efter ../ ska en mapp och en fil följa, t.ex. ../gr-2018/arsbok.xml";
	return NULL;
}

/* When path exists: whether its real location lies below base's. 1 yes or
 * path missing, 0 no. */
int
vb_ab_stays_below(const char *base, const char *path)
{
	char rb[PATH_MAX], rp[PATH_MAX];
	if (realpath(path, rp) == NULL)
		return 1;
	if (realpath(base, rb) == NULL)
		return 0;
	size_t n = strlen(rb);
	if (n == 1)	/* base is "/" */
		return 1;
	return strncmp(rp, rb, n) == 0 && rp[n] == '/';
}

static int
is_regular(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ------------------------------------------------------------------ */
/* the manifest's rules                                                */

struct entry {
	char *kommun, *stadsdel, *fil, *real;
	long line;
};

static void
check_geo(const struct entry *e, int ar, const struct vb_geo *geo,
	  struct vb_diags *d)
{
	if (geo == NULL)
		return;
	if (!vb_geo_has_kommun(geo, e->kommun)) {
		vb_diag(d, VB_E_KOMMUN, e->line,
			"\"%s\" är inte en av Västra Götalands 49 kommuner (stava som kommunen själv gör, t.ex. \"Lilla Edet\")",
			e->kommun);
		return;
	}
	if (e->stadsdel) {
		if (!vb_geo_has_any_stadsdel(geo, e->kommun))
			vb_diag(d, VB_E_STADSDEL_NOT_GBG, e->line,
				"%s har inga stadsdelar; ta bort stadsdel=\"%s\"",
				e->kommun, e->stadsdel);
		else if (ar && !vb_geo_has_stadsdel(geo, e->kommun, e->stadsdel, ar))
			vb_diag(d, VB_E_STADSDEL, e->line,
				"%s hade ingen stadsdel \"%s\" %d",
				e->kommun, e->stadsdel, ar);
	} else if (ar && vb_geo_stadsdelar(geo, e->kommun, ar, NULL, 0) > 0) {
		vb_diag(d, VB_W_STADSDEL_MISSING, e->line,
			"%s hade stadsdelar %d; ange stadsdel om gruppen gäller en av dem",
			e->kommun, ar);
	}
}

size_t
vb_arsbok_check(xmlDocPtr doc, const char *path, const struct vb_geo *geo,
		struct vb_diags *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!is_el(root, VB_ARSBOK_NS, "arsbok"))
		return 0;
	size_t before = 0;
	for (size_t i = 0; i < d->n; i++)
		if (vb_diag_level(d->v[i].code) >= VB_LEVEL_ERROR)
			before++;
	char *dir = vb_ab_dir_of(path);
	char *ars = attr(root, "ar");
	int ar = parse_year(ars);
	free(ars);

	xmlNodePtr dr = child(root, VB_ARSBOK_NS, "delregion");
	char *delregion = text(dr);
	if (geo && delregion && !vb_geo_has_delregion(geo, delregion))
		vb_diag(d, VB_E_DELREGION, xmlGetLineNo(dr),
			"\"%s\" (delregionerna heter Göteborgsregionen, Fyrbodal, Skaraborg och Södra Älvsborg)",
			delregion);
	free(delregion);

	struct entry *e = NULL;
	size_t n = 0, cap = 0;
	xmlNodePtr grupper = child(root, VB_ARSBOK_NS, "grupper");
	for (xmlNodePtr g = grupper ? grupper->children : NULL; g; g = g->next) {
		if (!is_el(g, VB_ARSBOK_NS, "grupp"))
			continue;
		struct entry cur = { 0 };
		cur.kommun = attr(g, "kommun");
		cur.stadsdel = attr(g, "stadsdel");
		cur.fil = attr(g, "fil");
		cur.line = xmlGetLineNo(g);
		if (cur.kommun == NULL) {	/* the schema has said so */
			free(cur.stadsdel);
			free(cur.fil);
			continue;
		}
		check_geo(&cur, ar, geo, d);
		for (size_t k = 0; k < n; k++) {
			if (strcmp(e[k].kommun, cur.kommun) != 0)
				continue;
			if (cur.stadsdel == NULL && e[k].stadsdel == NULL)
				vb_diag(d, VB_E_SCHEMA, cur.line,
					"%s står två gånger i listan över grupper (också på rad %ld)",
					cur.kommun, e[k].line);
			else if ((cur.stadsdel == NULL) != (e[k].stadsdel == NULL))
				vb_diag(d, VB_E_SCHEMA, cur.line,
					"%s står både som hel kommun och med stadsdel (se rad %ld); välj det ena",
					cur.kommun, e[k].line);
			/* the same kommun and stadsdel twice: schema/arsbok.xsd */
		}
		if (cur.fil) {
			const char *why = path_problem(cur.fil, 0);
			char *full = vb_ab_join(dir, cur.fil);
			if (why)
				vb_diag(d, VB_E_SCHEMA, cur.line,
					"fil=\"%s\" godtas inte: %s", cur.fil, why);
			else if (!vb_ab_stays_below(dir, full))
				vb_diag(d, VB_E_SCHEMA, cur.line,
					"fil=\"%s\" godtas inte: filen ligger utanför manifestets mapp (genom en symbolisk länk)",
					cur.fil);
			else {
				char real[PATH_MAX];
				if (realpath(full, real))
					cur.real = vb_strdup(real);
			}
			free(full);
			for (size_t k = 0; cur.real && k < n; k++)
				if (e[k].real && strcmp(e[k].real, cur.real) == 0 &&
				    strcmp(e[k].fil, cur.fil) != 0)
					vb_diag(d, VB_E_SCHEMA, cur.line,
						"fil=\"%s\" är samma fil som \"%s\" på rad %ld; varje grupp ska ha sin egen årsberättelse",
						cur.fil, e[k].fil, e[k].line);
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			e = vb_reallocarray(e, cap, sizeof(*e));
		}
		e[n++] = cur;
	}

	xmlNodePtr fg = child(root, VB_ARSBOK_NS, "foregaende");
	char *ffil = fg ? attr(fg, "fil") : NULL;
	if (ffil) {
		const char *why = path_problem(ffil, 1);
		char *full = vb_ab_join(dir, ffil);
		char *parent = vb_ab_join(dir, "..");
		long line = xmlGetLineNo(fg);
		if (why)
			vb_diag(d, VB_E_SCHEMA, line,
				"föregående fil=\"%s\" godtas inte: %s", ffil, why);
		else if (!is_regular(full))
			vb_diag(d, VB_E_SCHEMA, line,
				"föregående årsboksmanifest \"%s\" finns inte (räknat från manifestets mapp)",
				ffil);
		else if (!vb_ab_stays_below(parent, full))
			vb_diag(d, VB_E_SCHEMA, line,
				"föregående fil=\"%s\" godtas inte: filen ligger utanför mappen ovanför manifestets (genom en symbolisk länk)",
				ffil);
		else if (vb_same_file(full, path))
			vb_diag(d, VB_E_SCHEMA, line,
				"föregående fil=\"%s\" är det här manifestet självt", ffil);
		free(parent);
		free(full);
		free(ffil);
	}

	for (size_t k = 0; k < n; k++) {
		free(e[k].kommun);
		free(e[k].stadsdel);
		free(e[k].fil);
		free(e[k].real);
	}
	free(e);
	free(dir);
	size_t after = 0;
	for (size_t i = 0; i < d->n; i++)
		if (vb_diag_level(d->v[i].code) >= VB_LEVEL_ERROR)
			after++;
	return after - before;
}

/* ------------------------------------------------------------------ */
/* the yearbook's groups                                               */

struct vb_arsbok *
vb_arsbok_open(xmlDocPtr doc, const char *path)
{
	struct vb_arsbok *ab = vb_calloc(1, sizeof(*ab));
	ab->path = vb_strdup(path);
	ab->dir = vb_ab_dir_of(path);
	ab->manifest = doc;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *ars = attr(root, "ar");
	ab->ar = parse_year(ars);
	free(ars);
	ab->delregion = text(child(root, VB_ARSBOK_NS, "delregion"));
	if (ab->delregion == NULL)
		ab->delregion = vb_strdup("");
	xmlNodePtr grupper = child(root, VB_ARSBOK_NS, "grupper");
	size_t cap = 0;
	for (xmlNodePtr g = grupper ? grupper->children : NULL; g; g = g->next) {
		if (!is_el(g, VB_ARSBOK_NS, "grupp"))
			continue;
		if (ab->n == cap) {
			cap = cap ? cap * 2 : 32;
			ab->g = vb_reallocarray(ab->g, cap, sizeof(*ab->g));
		}
		struct vb_arsbok_grupp *x = &ab->g[ab->n++];
		memset(x, 0, sizeof(*x));
		x->kommun = attr(g, "kommun");
		if (x->kommun == NULL)
			x->kommun = vb_strdup("");
		x->stadsdel = attr(g, "stadsdel");
		x->fil = attr(g, "fil");
		x->path = x->fil ? vb_ab_join(ab->dir, x->fil) : NULL;
		x->line = xmlGetLineNo(g);
		x->status = VB_AB_SAKNAS;
	}
	xmlNodePtr fg = child(root, VB_ARSBOK_NS, "foregaende");
	char *ffil = fg ? attr(fg, "fil") : NULL;
	if (ffil) {
		ab->foregaende = vb_ab_join(ab->dir, ffil);
		ab->foregaende_line = xmlGetLineNo(fg);
		free(ffil);
	}
	return ab;
}

void
vb_arsbok_free(struct vb_arsbok *ab)
{
	if (ab == NULL)
		return;
	for (size_t i = 0; i < ab->n; i++) {
		free(ab->g[i].kommun);
		free(ab->g[i].stadsdel);
		free(ab->g[i].fil);
		free(ab->g[i].path);
		free(ab->g[i].first_error);
		if (ab->g[i].report)
			xmlFreeDoc(ab->g[i].report);
	}
	free(ab->g);
	for (size_t i = 0; i < ab->nokand; i++) {
		free(ab->okand[i].fil);
		free(ab->okand[i].orsak);
	}
	free(ab->okand);
	vb_arsbok_free(ab->prev);
	if (ab->manifest)
		xmlFreeDoc(ab->manifest);
	free(ab->foregaende);
	free(ab->delregion);
	free(ab->dir);
	free(ab->path);
	free(ab);
}

int
vb_arsbok_file_exists(const struct vb_arsbok_grupp *g)
{
	return is_regular(g->path);
}

size_t
vb_arsbok_match(const struct vb_arsbok *ab, const struct vb_arsbok_grupp *g,
		xmlDocPtr report, struct vb_diags *d)
{
	size_t n = 0;
	xmlNodePtr root = xmlDocGetRootElement(report);
	if (!is_el(root, VB_REPORT_NS, "arsberattelse"))
		return 0;
	char *ars = attr(root, "ar");
	int ar = parse_year(ars);
	if (ar != ab->ar) {
		vb_diag(d, VB_E_SCHEMA, xmlGetLineNo(root),
			"årsberättelsen gäller %s men årsboken gäller %d",
			ars ? ars : "inget år", ab->ar);
		n++;
	}
	free(ars);
	xmlNodePtr grupp = child(root, VB_REPORT_NS, "grupp");
	xmlNodePtr kn = child(grupp, VB_REPORT_NS, "kommun");
	xmlNodePtr sn = child(grupp, VB_REPORT_NS, "stadsdel");
	xmlNodePtr dn = child(grupp, VB_REPORT_NS, "delregion");
	char *kommun = text(kn), *stadsdel = text(sn), *delregion = text(dn);
	if (!streq(kommun, g->kommun)) {
		vb_diag(d, VB_E_SCHEMA, kn ? xmlGetLineNo(kn) : xmlGetLineNo(root),
			"årsberättelsen gäller kommunen %s, men årsboksmanifestet väntar %s här",
			kommun ? kommun : "(ingen)", g->kommun);
		n++;
	} else if (!streq(stadsdel, g->stadsdel)) {
		vb_diag(d, VB_E_SCHEMA, sn ? xmlGetLineNo(sn) : xmlGetLineNo(kn),
			"årsberättelsen gäller %s%s, men årsboksmanifestet väntar %s%s här",
			stadsdel ? "stadsdelen " : "hela ", stadsdel ? stadsdel : kommun,
			g->stadsdel ? "stadsdelen " : "hela ",
			g->stadsdel ? g->stadsdel : g->kommun);
		n++;
	}
	if (!streq(delregion, ab->delregion)) {
		vb_diag(d, VB_E_SCHEMA, dn ? xmlGetLineNo(dn) : xmlGetLineNo(root),
			"årsberättelsen är ställd till delregionen %s, men årsboken gäller %s",
			delregion ? delregion : "(ingen)", ab->delregion);
		n++;
	}
	free(kommun);
	free(stadsdel);
	free(delregion);
	return n;
}

int
vb_arsbok_rapportinfo(xmlDocPtr doc, struct vb_arsbok_rapportinfo *ri)
{
	memset(ri, 0, sizeof(*ri));
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!is_el(root, VB_REPORT_NS, "arsberattelse"))
		return 0;
	char *ars = attr(root, "ar");
	ri->ar = parse_year(ars);
	free(ars);
	xmlNodePtr grupp = child(root, VB_REPORT_NS, "grupp");
	ri->kommun = text(child(grupp, VB_REPORT_NS, "kommun"));
	ri->stadsdel = text(child(grupp, VB_REPORT_NS, "stadsdel"));
	ri->delregion = text(child(grupp, VB_REPORT_NS, "delregion"));
	xmlNodePtr in = child(root, VB_REPORT_NS, "inlamning");
	ri->datum = in ? attr(in, "datum") : NULL;
	return 1;
}

void
vb_arsbok_rapportinfo_free(struct vb_arsbok_rapportinfo *ri)
{
	free(ri->kommun);
	free(ri->stadsdel);
	free(ri->delregion);
	free(ri->datum);
	memset(ri, 0, sizeof(*ri));
}

int
vb_arsbok_is_late(xmlDocPtr report, int ar)
{
	xmlNodePtr root = xmlDocGetRootElement(report);
	xmlNodePtr in = child(root, VB_REPORT_NS, "inlamning");
	char *datum = in ? attr(in, "datum") : NULL;
	char limit[32];
	snprintf(limit, sizeof(limit), "%04d-03-01", ar + 1);
	int late = datum && strlen(datum) == 10 && strcmp(datum, limit) > 0;
	free(datum);
	return late;
}

void
vb_arsbok_set(const struct vb_arsbok *ab, struct vb_arsbok_grupp *g,
	      xmlDocPtr report, size_t errors)
{
	if (g->report)
		xmlFreeDoc(g->report);
	g->report = NULL;
	g->errors = errors;
	if (report == NULL || errors > 0) {
		if (report)
			xmlFreeDoc(report);
		g->status = VB_AB_OGILTIG;
		return;
	}
	g->report = report;
	g->status = vb_arsbok_is_late(report, ab->ar) ? VB_AB_SEN
						      : VB_AB_INLAMNAD;
}

/* ------------------------------------------------------------------ */
/* the input document                                                  */

static const char *
status_key(enum vb_arsbok_status s)
{
	switch (s) {
	case VB_AB_INLAMNAD:
		return "inlamnad";
	case VB_AB_SEN:
		return "sen";
	case VB_AB_OGILTIG:
		return "ogiltig";
	case VB_AB_SAKNAS:
		break;
	}
	return "saknas";
}

const char *
vb_arsbok_status_text(enum vb_arsbok_status s)
{
	switch (s) {
	case VB_AB_INLAMNAD:
		return "inlämnad";
	case VB_AB_SEN:
		return "inlämnad för sent";
	case VB_AB_OGILTIG:
		return "inlämnad men ogiltig";
	case VB_AB_SAKNAS:
		break;
	}
	return "saknas";
}

/* take: free each report once it is copied (vb_arsbok_indata_take). */
static void
add_groups(xmlNodePtr parent, xmlNsPtr ns, struct vb_arsbok *ab, int take)
{
	xmlDocPtr out = parent->doc;
	for (size_t i = 0; i < ab->n; i++) {
		struct vb_arsbok_grupp *g = &ab->g[i];
		xmlNodePtr x = xmlNewChild(parent, ns, (const xmlChar *)"grupp", NULL);
		char nr[32];
		snprintf(nr, sizeof(nr), "%zu", i + 1);
		xmlNewProp(x, (const xmlChar *)"nr", (const xmlChar *)nr);
		xmlNewProp(x, (const xmlChar *)"kommun", (const xmlChar *)g->kommun);
		if (g->stadsdel)
			xmlNewProp(x, (const xmlChar *)"stadsdel",
				   (const xmlChar *)g->stadsdel);
		if (g->fil)
			xmlNewProp(x, (const xmlChar *)"fil", (const xmlChar *)g->fil);
		if (g->hittad)
			xmlNewProp(x, (const xmlChar *)"hittad", (const xmlChar *)"ja");
		xmlNewProp(x, (const xmlChar *)"status",
			   (const xmlChar *)status_key(g->status));
		if (g->status == VB_AB_OGILTIG) {
			snprintf(nr, sizeof(nr), "%zu", g->errors);
			xmlNewProp(x, (const xmlChar *)"fel", (const xmlChar *)nr);
		}
		if (g->report) {
			xmlNodePtr root = xmlDocGetRootElement(g->report);
			xmlNodePtr in = child(root, VB_REPORT_NS, "inlamning");
			char *datum = in ? attr(in, "datum") : NULL;
			if (datum)
				xmlNewProp(x, (const xmlChar *)"inlamnad",
					   (const xmlChar *)datum);
			free(datum);
			if (take && out->dict && g->report->dict == out->dict) {
				/* moved, not copied: the two documents share
				 * their names (pipeline_check.c), so only
				 * the nodes' document changes */
				xmlUnlinkNode(root);
				if (xmlDOMWrapAdoptNode(NULL, g->report, root,
							out, x, 0) == 0)
					xmlAddChild(x, root);
				else
					xmlFreeNode(root);
			} else {
				xmlNodePtr copy = xmlDocCopyNode(root, out, 1);
				if (copy)
					xmlAddChild(x, copy);
			}
			if (take) {
				xmlFreeDoc(g->report);
				g->report = NULL;
			}
		}
	}
	for (size_t i = 0; i < ab->nokand; i++) {
		xmlNodePtr x = xmlNewChild(parent, ns, (const xmlChar *)"okand", NULL);
		xmlNewProp(x, (const xmlChar *)"fil", (const xmlChar *)ab->okand[i].fil);
		xmlNewProp(x, (const xmlChar *)"orsak",
			   (const xmlChar *)ab->okand[i].orsak);
	}
}

/* <foregaende> for the previous year, <tidigare> for each year before. */
static void
add_year(xmlNodePtr root, xmlNsPtr ns, struct vb_arsbok *y,
	 const char *name, int take)
{
	char ar[16];
	xmlNodePtr fg = xmlNewChild(root, ns, (const xmlChar *)name, NULL);
	snprintf(ar, sizeof(ar), "%04d", y->ar);
	xmlNewProp(fg, (const xmlChar *)"ar", (const xmlChar *)ar);
	xmlNewProp(fg, (const xmlChar *)"delregion", (const xmlChar *)y->delregion);
	add_groups(fg, ns, y, take);
}

static xmlDocPtr
indata(struct vb_arsbok *ab, int take)
{
	xmlDocPtr out = xmlNewDoc((const xmlChar *)"1.0");
	/* the reports' dictionary (the manifest was read the same way), so
	 * that vb_arsbok_indata_take can move them in */
	if (out && ab->manifest && ab->manifest->dict) {
		out->dict = ab->manifest->dict;
		xmlDictReference(out->dict);
	}
	xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"arsbok-indata");
	xmlNsPtr ns = xmlNewNs(root, (const xmlChar *)VB_ARSBOK_INDATA_NS, NULL);
	xmlSetNs(root, ns);
	xmlDocSetRootElement(out, root);
	char ar[16];
	snprintf(ar, sizeof(ar), "%04d", ab->ar);
	xmlNewProp(root, (const xmlChar *)"ar", (const xmlChar *)ar);
	xmlNodePtr m = xmlDocCopyNode(xmlDocGetRootElement(ab->manifest), out, 1);
	if (m)
		xmlAddChild(root, m);
	add_groups(root, ns, ab, take);
	for (struct vb_arsbok *y = ab->prev; y; y = y->prev)
		add_year(root, ns, y, y == ab->prev ? "foregaende" : "tidigare",
			 take);
	return out;
}

xmlDocPtr
vb_arsbok_indata(const struct vb_arsbok *ab)
{
	/* take == 0 leaves ab as it is */
	return indata((struct vb_arsbok *)ab, 0);
}

xmlDocPtr
vb_arsbok_indata_take(struct vb_arsbok *ab)
{
	return indata(ab, 1);
}

char *
vb_arsbok_default_output(const struct vb_arsbok *ab, const char *ext)
{
	char name[64];
	snprintf(name, sizeof(name), "arsbok-%04d%s", ab->ar, ext);
	return vb_ab_join(ab->dir, name);
}

char *
vb_arsbok_grupp_namn(const struct vb_arsbok_grupp *g)
{
	if (g->stadsdel)
		return vb_asprintf("%s, %s", g->kommun, g->stadsdel);
	return vb_strdup(g->kommun);
}
