/* discover.c - reports found by content in the manifest's folder tree;
 * see vb_arsbok_discover() in arsbok.h.
 *
 * Why by content: FORMAT.md makes grupp/@fil optional, and reports arrive
 * by e-mail under whatever name the sender chose ("Årsberättelse Borås
 * 2019 v2.xml"). The coordinator saves them in the year's folder; the
 * report itself says which group and year it is. */
#define _DEFAULT_SOURCE
#include "arsbok/arsbok.h"
#include "arsbok/arsbok_int.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "util/alloc.h"
#include "xml/load.h"

/* Bounds: a season's folder holds tens of files; these only stop a
 * mistaken manifest in $HOME from reading the whole disk. */
#define MAX_DEPTH 6
#define MAX_XML_FILES 2000

struct cand {
	char *rel;		/* relative to the manifest's folder */
	char *datum;		/* inlamning/@datum, or NULL */
	size_t grupp;		/* index in ab->g */
};

struct walk {
	struct vb_arsbok *ab;
	struct vb_diags *d;
	char **skip;		/* real paths not to read: manifest, named files */
	size_t nskip;
	struct cand *c;
	size_t nc, capc;
	size_t nfiles;
	int stopped;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
ends_xml(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".xml") == 0;
}

static void
add_okand(struct vb_arsbok *ab, const char *rel, char *orsak)
{
	ab->okand = vb_reallocarray(ab->okand, ab->nokand + 1,
				    sizeof(*ab->okand));
	ab->okand[ab->nokand].fil = vb_strdup(rel);
	ab->okand[ab->nokand].orsak = orsak;
	ab->nokand++;
}

static int
streq0(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* One .xml file: a candidate for an entry without fil, an unknown file,
 * or (another manifest) nothing. */
static void
one_file(struct walk *w, const char *rel, const char *full)
{
	struct vb_arsbok *ab = w->ab;
	char real[PATH_MAX];
	if (realpath(full, real) == NULL)
		return;
	for (size_t i = 0; i < w->nskip; i++)
		if (strcmp(w->skip[i], real) == 0)
			return;
	struct vb_diags tmp;
	vb_diags_init(&tmp, full);
	xmlDocPtr doc = vb_xml_load(full, &tmp);
	vb_diags_free(&tmp);
	if (doc == NULL) {
		add_okand(ab, rel, vb_strdup("kan inte läsas som XML"));
		vb_diag(w->d, VB_W_ARSBOK, 0,
			"%s i mappen kan inte läsas som XML; den hör inte till någon grupp",
			rel);
		return;
	}
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root && root->ns &&
	    xmlStrEqual(root->ns->href, (const xmlChar *)VB_ARSBOK_NS)) {
		xmlFreeDoc(doc);	/* another year's manifest: not a report */
		return;
	}
	struct vb_arsbok_rapportinfo ri;
	if (!vb_arsbok_rapportinfo(doc, &ri)) {
		xmlFreeDoc(doc);
		add_okand(ab, rel, vb_strdup("är ingen årsberättelse"));
		vb_diag(w->d, VB_W_ARSBOK, 0,
			"%s i mappen är ingen årsberättelse; den hör inte till någon grupp",
			rel);
		return;
	}
	xmlFreeDoc(doc);
	char *namn = ri.stadsdel
		     ? vb_asprintf("%s, %s", ri.kommun ? ri.kommun : "?", ri.stadsdel)
		     : vb_strdup(ri.kommun ? ri.kommun : "(ingen kommun)");
	size_t gi = ab->n;
	for (size_t i = 0; i < ab->n; i++)
		if (streq0(ab->g[i].kommun, ri.kommun) &&
		    streq0(ab->g[i].stadsdel, ri.stadsdel))
			gi = i;
	char *orsak = NULL;
	if (ri.ar != ab->ar)
		orsak = ri.ar ? vb_asprintf("årsberättelse för %s %d, inte %d",
					    namn, ri.ar, ab->ar)
			      : vb_asprintf("årsberättelse för %s utan giltigt år",
					    namn);
	else if (ab->delregion && ab->delregion[0] &&
		 !streq0(ri.delregion, ab->delregion))
		orsak = vb_asprintf("årsberättelse för %s ställd till %s, inte %s",
				    namn, ri.delregion ? ri.delregion : "ingen delregion",
				    ab->delregion);
	else if (gi == ab->n)
		orsak = vb_asprintf("årsberättelse för %s, som inte står i manifestet",
				    namn);
	if (orsak == NULL && ab->g[gi].fil) {
		/* The group's own report, but not the one the manifest names:
		 * an older or newer version. Not unknown; said once. */
		vb_diag(w->d, VB_W_ARSBOK, ab->g[gi].line,
			"%s i mappen är också en årsberättelse för %s (inlämnad %s), men manifestet anger fil=\"%s\"; den används inte",
			rel, namn, ri.datum ? ri.datum : "utan datum", ab->g[gi].fil);
	} else if (orsak) {
		vb_diag(w->d, VB_W_ARSBOK, gi < ab->n ? ab->g[gi].line : 0,
			"%s i mappen är en %s; den används inte", rel, orsak);
		add_okand(ab, rel, orsak);
	} else {
		if (w->nc == w->capc) {
			w->capc = w->capc ? w->capc * 2 : 16;
			w->c = vb_reallocarray(w->c, w->capc, sizeof(*w->c));
		}
		w->c[w->nc].rel = vb_strdup(rel);
		w->c[w->nc].datum = ri.datum;
		ri.datum = NULL;
		w->c[w->nc].grupp = gi;
		w->nc++;
	}
	free(namn);
	vb_arsbok_rapportinfo_free(&ri);
}

static void
walk_dir(struct walk *w, const char *rel, int depth)
{
	char *dir = rel[0] ? vb_ab_join(w->ab->dir, rel) : vb_strdup(w->ab->dir);
	DIR *dp = opendir(dir);
	if (dp == NULL) {
		free(dir);
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')	/* ., .., hidden */
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = vb_reallocarray(names, cap, sizeof(*names));
		}
		names[n++] = vb_strdup(de->d_name);
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		char *r = rel[0] ? vb_asprintf("%s/%s", rel, names[i])
				 : vb_strdup(names[i]);
		char *full = vb_ab_join(w->ab->dir, r);
		struct stat st;
		if (w->stopped || lstat(full, &st) != 0)
			goto next;
		if (S_ISLNK(st.st_mode)) {
			if (!vb_ab_stays_below(w->ab->dir, full)) {
				vb_diag(w->d, VB_W_ARSBOK, 0,
					"%s är en symbolisk länk ut ur manifestets mapp; den läses inte",
					r);
				goto next;
			}
			if (stat(full, &st) != 0 || S_ISDIR(st.st_mode))
				goto next;	/* linked folders: not entered */
		}
		if (S_ISDIR(st.st_mode)) {
			if (depth < MAX_DEPTH)
				walk_dir(w, r, depth + 1);
		} else if (S_ISREG(st.st_mode) && ends_xml(names[i])) {
			if (++w->nfiles > MAX_XML_FILES) {
				vb_diag(w->d, VB_W_ARSBOK, 0,
					"mappen har fler än %d .xml-filer; sökningen efter årsberättelser avbröts där",
					MAX_XML_FILES);
				w->stopped = 1;
				goto next;
			}
			one_file(w, r, full);
		}
next:
		free(full);
		free(r);
		free(names[i]);
	}
	free(names);
	free(dir);
}

static void
add_skip(struct walk *w, const char *path)
{
	char real[PATH_MAX];
	if (path == NULL || realpath(path, real) == NULL)
		return;
	w->skip = vb_reallocarray(w->skip, w->nskip + 1, sizeof(*w->skip));
	w->skip[w->nskip++] = vb_strdup(real);
}

/* Orders candidates by group, then latest date first, then path. */
static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->grupp != y->grupp)
		return x->grupp < y->grupp ? -1 : 1;
	int c = strcmp(y->datum ? y->datum : "", x->datum ? x->datum : "");
	return c ? c : strcmp(x->rel, y->rel);
}

size_t
vb_arsbok_discover(struct vb_arsbok *ab, struct vb_diags *d)
{
	struct walk w = { .ab = ab, .d = d };
	add_skip(&w, ab->path);
	add_skip(&w, ab->foregaende);
	for (size_t i = 0; i < ab->n; i++)
		add_skip(&w, ab->g[i].path);
	walk_dir(&w, "", 0);

	size_t errors = 0;
	if (w.nc > 1)
		qsort(w.c, w.nc, sizeof(*w.c), cmp_cand);
	for (size_t i = 0; i < w.nc;) {
		size_t j = i + 1;
		while (j < w.nc && w.c[j].grupp == w.c[i].grupp)
			j++;
		struct vb_arsbok_grupp *g = &ab->g[w.c[i].grupp];
		char *namn = vb_arsbok_grupp_namn(g);
		const char *di = w.c[i].datum ? w.c[i].datum : "utan datum";
		if (j - i > 1 && streq0(w.c[i].datum, w.c[i + 1].datum)) {
			vb_diag(d, VB_E_SCHEMA, g->line,
				"%s: två årsberättelser med samma inlämningsdatum (%s): %s och %s; ta bort den som inte gäller eller ange fil=\"…\" i manifestet",
				namn, di, w.c[i].rel, w.c[i + 1].rel);
			vb_arsbok_set(ab, g, NULL, 1);
			g->first_error = vb_asprintf("två årsberättelser med samma inlämningsdatum: %s och %s",
						     w.c[i].rel, w.c[i + 1].rel);
			errors++;
		} else {
			g->fil = vb_strdup(w.c[i].rel);
			g->path = vb_ab_join(ab->dir, w.c[i].rel);
			g->hittad = 1;
			for (size_t k = i + 1; k < j; k++)
				vb_diag(d, VB_W_ARSBOK, g->line,
					"%s: två versioner av årsberättelsen; den senare, %s (inlämnad %s), används i stället för %s (inlämnad %s)",
					namn, w.c[i].rel, di, w.c[k].rel,
					w.c[k].datum ? w.c[k].datum : "utan datum");
		}
		free(namn);
		i = j;
	}
	for (size_t i = 0; i < w.nc; i++) {
		free(w.c[i].rel);
		free(w.c[i].datum);
	}
	free(w.c);
	for (size_t i = 0; i < w.nskip; i++)
		free(w.skip[i]);
	free(w.skip);
	return errors;
}
