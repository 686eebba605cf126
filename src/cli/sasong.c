/* sasong.c - see sasong.h. */
#define _DEFAULT_SOURCE
#include "cli/sasong.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/alloc.h"
#include "util/termtext.h"
#include "xml/load.h"

struct vb_arsbok *
vb_sasong_open(struct vb_ctx *ctx, const char *path, struct vb_diags *d)
{
	int is_manifest = 0;
	xmlDocPtr doc = vb_check_document(ctx, path, d, &is_manifest);
	if (doc == NULL)
		return NULL;
	if (!is_manifest) {
		vb_diag(d, VB_E_SCHEMA, 0,
			"filen är en årsberättelse, inte ett årsboksmanifest (arsbok i namnrymden urn:vastbus:arsbok:1)");
		xmlFreeDoc(doc);
		return NULL;
	}
	/* vb_check_document ran the manifest's own rules too. */
	if (d->worst >= VB_LEVEL_ERROR) {
		xmlFreeDoc(doc);
		return NULL;
	}
	struct vb_arsbok *ab = vb_arsbok_open(doc, path);
	vb_arsbok_discover(ab, d);
	return ab;
}

int
vb_sasong_chain(struct vb_ctx *ctx, struct vb_arsbok *ab, struct vb_diags *md,
		FILE *err)
{
	/* Real paths of the manifests met so far: a foregaende that leads
	 * back to one of them is a cycle, said as such (the year rule would
	 * catch it too, but less clearly). */
	char *seen[VB_SASONG_MAX_YEARS + 1];
	int seenar[VB_SASONG_MAX_YEARS + 1];
	size_t nseen = 0;
	char real[PATH_MAX];
	if (realpath(ab->path, real)) {
		seenar[nseen] = ab->ar;
		seen[nseen++] = vb_strdup(real);
	}
	struct vb_arsbok *cur = ab;
	struct vb_diags *linkd = md;	/* where cur's foregaende line is */
	struct vb_diags older;
	int have_older = 0, rc = 0;
	for (int years = 1; cur->foregaende; years++) {
		if (years >= VB_SASONG_MAX_YEARS) {
			free(cur->foregaende);	/* ten years are enough */
			cur->foregaende = NULL;
			break;
		}
		int cycle = -1;
		if (realpath(cur->foregaende, real))
			for (size_t i = 0; i < nseen; i++)
				if (strcmp(seen[i], real) == 0)
					cycle = seenar[i];
		if (cycle >= 0) {
			/* foregaende as written: the joined path minus the folder */
			const char *as = cur->foregaende;
			size_t dl = strlen(cur->dir);
			if (strcmp(cur->dir, ".") != 0 &&
			    strncmp(as, cur->dir, dl) == 0 && as[dl] == '/')
				as += dl + 1;
			vb_diag(linkd, VB_E_SCHEMA, cur->foregaende_line,
				"föregående-kedjan går i cirkel: fil=\"%s\" pekar tillbaka på årsboken för %d, som redan är med i kedjan",
				as, cycle);
			rc = -1;
			break;
		}
		struct vb_diags pd;
		vb_diags_init(&pd, cur->foregaende);
		struct vb_arsbok *prev = vb_sasong_open(ctx, cur->foregaende, &pd);
		if (prev && prev->ar != cur->ar - 1) {
			vb_diag(linkd, VB_E_SCHEMA, cur->foregaende_line,
				"föregående årsbok %s gäller %d; den ska gälla året före, %d",
				cur->foregaende, prev->ar, cur->ar - 1);
			vb_arsbok_free(prev);
			prev = NULL;
		} else if (prev == NULL) {
			vb_diag(linkd, VB_E_SCHEMA, cur->foregaende_line,
				"föregående årsboksmanifest %s har fel (se ovan)",
				cur->foregaende);
		}
		vb_diags_print(&pd, err);
		vb_diags_free(&pd);
		if (prev == NULL) {
			rc = -1;
			break;
		}
		if (realpath(prev->path, real) && nseen < VB_SASONG_MAX_YEARS + 1) {
			seenar[nseen] = prev->ar;
			seen[nseen++] = vb_strdup(real);
		}
		cur->prev = prev;
		cur = prev;
		/* Findings about an older link are printed with its own
		 * manifest's name. */
		if (have_older) {
			vb_diags_print(&older, err);
			vb_diags_free(&older);
		}
		vb_diags_init(&older, cur->path);
		have_older = 1;
		linkd = &older;
	}
	if (have_older) {
		if (rc != 0 && linkd == &older && older.worst >= VB_LEVEL_ERROR)
			vb_diag(md, VB_E_SCHEMA, ab->foregaende_line,
				"föregående-kedjan har fel längre bak (se ovan)");
		vb_diags_print(&older, err);
		vb_diags_free(&older);
	}
	for (size_t i = 0; i < nseen; i++)
		free(seen[i]);
	return rc;
}

/* Bytes a file adds to the run: its size when it is a regular file; 0
 * for anything else and for a file over the per-file cap (both are
 * refused unread, with their own message). */
static uint64_t
file_cost(const char *path)
{
	struct stat st;
	if (path == NULL || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	uint64_t sz = (uint64_t)st.st_size;
	return sz > VB_MAX_INPUT_BYTES ? 0 : sz;
}

int
vb_sasong_budget(const struct vb_arsbok *ab, struct vb_diags *md)
{
	uint64_t total = 0;
	size_t nrep = 0, nyears = 0;
	for (const struct vb_arsbok *y = ab; y; y = y->prev) {
		total += file_cost(y->path);
		nyears++;
		for (size_t i = 0; i < y->n; i++) {
			uint64_t sz = file_cost(y->g[i].path);
			total += sz;
			nrep += sz > 0;
		}
	}
	if (total <= VB_SASONG_MAX_BYTES)
		return 0;
	/* One decimal, Swedish comma; rounded up so that it never reads
	 * as the bound itself. */
	uint64_t tenths = (total * 10 + (1u << 20) - 1) >> 20;
	char what[96];
	if (nyears > 1)
		snprintf(what, sizeof(what),
			 "de %zu manifesten längs foregaende och deras %zu årsberättelser",
			 nyears, nrep);
	else
		snprintf(what, sizeof(what),
			 "manifestet och dess %zu årsberättelser", nrep);
	vb_diag(md, VB_E_SCHEMA, 0,
		"för mycket indata: %s är %llu,%llu MiB tillsammans; gränsen för indata till en årsbok är %u MiB i allt",
		what, (unsigned long long)(tenths / 10),
		(unsigned long long)(tenths % 10), VB_SASONG_MAX_BYTES >> 20);
	return -1;
}

static size_t
count_level(const struct vb_diags *d, enum vb_level min)
{
	size_t n = 0;
	for (enum vb_level lv = min; lv <= VB_LEVEL_SYSERR; lv++)
		n += vb_diags_count(d, lv);
	return n;
}

/* "lerum.xml:16: gruppen saknar ordförande" for the first error. */
static char *
first_error(const struct vb_diags *d, const char *fil)
{
	const struct vb_diag *best = NULL;
	for (size_t i = 0; i < d->n; i++) {
		const struct vb_diag *x = &d->v[i];
		if (vb_diag_level(x->code) < VB_LEVEL_ERROR)
			continue;
		if (best == NULL || x->line < best->line ||
		    (x->line == best->line && x->seq < best->seq))
			best = x;
	}
	if (best == NULL)
		return NULL;
	const char *text = vb_diag_text(best->code);
	const char *detail = best->detail ? best->detail : "";
	char where[64] = "";
	if (best->line > 0)
		snprintf(where, sizeof(where), ":%ld", best->line);
	if (*text && *detail)
		return vb_asprintf("%s%s: %s: %s", fil, where, text, detail);
	return vb_asprintf("%s%s: %s", fil, where, *text ? text : detail);
}

size_t
vb_sasong_load(struct vb_ctx *ctx, struct vb_arsbok *ab, int verbose,
	       int quiet, FILE *err)
{
	size_t invalid = 0;
	for (size_t i = 0; i < ab->n; i++) {
		struct vb_arsbok_grupp *g = &ab->g[i];
		if (g->status == VB_AB_OGILTIG)	/* decided by discover */
			invalid++;
		if (g->path == NULL)
			continue;
		if (!vb_arsbok_file_exists(g)) {
			if (verbose && !quiet) {
				char *namn = vb_arsbok_grupp_namn(g);
				fprintf(err,
					"%s:%ld: varning: %s: filen %s finns inte; gruppen visas som att den inte har lämnat in\n",
					vb_term(ab->path), g->line, namn, vb_term(g->fil));
				free(namn);
			}
			continue;
		}
		struct vb_diags d;
		vb_diags_init(&d, g->path);
		int is_manifest = 0;
		xmlDocPtr doc = vb_check_document(ctx, g->path, &d, &is_manifest);
		if (doc && is_manifest) {
			vb_diag(&d, VB_E_NOT_REPORT, 0, "det är ett årsboksmanifest");
			xmlFreeDoc(doc);
			doc = NULL;
		}
		if (doc)
			vb_arsbok_match(ab, g, doc, &d);
		size_t errors = count_level(&d, VB_LEVEL_ERROR);
		if (doc == NULL && errors == 0)
			errors = 1;
		free(g->first_error);
		g->first_error = first_error(&d, g->fil);
		vb_arsbok_set(ab, g, doc, errors);
		if (g->status == VB_AB_OGILTIG)
			invalid++;
		if (!quiet && (verbose || g->status == VB_AB_OGILTIG))
			vb_diags_print(&d, err);
		vb_diags_free(&d);
	}
	return invalid;
}

void
vb_sasong_load_chain(struct vb_ctx *ctx, struct vb_arsbok *ab, FILE *err)
{
	for (struct vb_arsbok *p = ab->prev; p; p = p->prev) {
		size_t pinv = vb_sasong_load(ctx, p, 0, 0, err);
		if (pinv)
			fprintf(err,
				"%s: %zu av årsberättelserna för %d är ogiltiga och räknas inte med i jämförelsen\n",
				vb_term(p->path), pinv, p->ar);
	}
}
