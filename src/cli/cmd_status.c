/* cmd_status.c - `vastbus status MANIFEST`: the state of the season on
 * the terminal, without building anything: one line per expected group
 * and per unknown file, then the counts. The coordinator runs it every
 * time a report arrives, so it reads like a checklist. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsbok/arsbok.h"
#include "cli/cli.h"
#include "cli/sasong.h"
#include "util/alloc.h"
#include "util/termtext.h"

static const char usage[] =
	"Användning: vastbus status MANIFEST.xml\n"
	"\n"
	"Visar läget för årets årsberättelser utan att göra någon årsbok: en rad\n"
	"per förväntad grupp (inlämnad med datum, inlämnad för sent, inlämnad men\n"
	"ogiltig med det första felet, saknas) och en rad per okänd fil i\n"
	"manifestets mapp, sist antalen.\n"
	"\n"
	"En grupp utan fil i manifestet får den årsberättelse i mappen (eller\n"
	"under den) som gäller manifestets år, kommun och stadsdel, vad filen än\n"
	"heter. Finns två, används den med senast inlämningsdatum.\n"
	"\n"
	"  -h, --hjalp         visa den här hjälpen\n"
	"\n"
	"Slutstatus: 0 alla förväntade grupper har en giltig årsberättelse, 1 någon\n"
	"saknas eller är ogiltig (eller manifestet har fel), 2 fel användning,\n"
	"3 systemfel.\n";

/* Display width of UTF-8 text: one column per character. */
static size_t
width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static void
pad(FILE *fp, const char *s, size_t w)
{
	fputs(s, fp);
	for (size_t n = width(s); n < w; n++)
		fputc(' ', fp);
}

static const char *
status_word(const struct vb_arsbok_grupp *g)
{
	switch (g->status) {
	case VB_AB_INLAMNAD:
		return "inlämnad";
	case VB_AB_SEN:
		return "för sent";
	case VB_AB_OGILTIG:
		return "ogiltig";
	case VB_AB_SAKNAS:
		break;
	}
	return "saknas";
}

static char *
datum_of(xmlDocPtr doc)
{
	struct vb_arsbok_rapportinfo ri;
	char *d = NULL;
	if (vb_arsbok_rapportinfo(doc, &ri)) {
		d = ri.datum;
		ri.datum = NULL;
	}
	vb_arsbok_rapportinfo_free(&ri);
	return d;
}

static void
print_status(const struct vb_arsbok *ab, FILE *fp)
{
	size_t w = width("okänd fil");
	for (size_t i = 0; i < ab->n; i++) {
		char *namn = vb_arsbok_grupp_namn(&ab->g[i]);
		if (width(namn) > w)
			w = width(namn);
		free(namn);
	}
	w += 2;
	fprintf(fp, "%s %d (%s)\n", ab->delregion, ab->ar, vb_term(ab->path));
	size_t n[4] = { 0 };
	for (size_t i = 0; i < ab->n; i++) {
		const struct vb_arsbok_grupp *g = &ab->g[i];
		n[g->status]++;
		char *namn = vb_arsbok_grupp_namn(g);
		fputs("  ", fp);
		pad(fp, namn, w);
		free(namn);
		char *detail = NULL;
		if (g->report) {
			char *datum = datum_of(g->report);
			detail = vb_asprintf("%s  %s%s", datum ? datum : "", vb_term(g->fil),
					     g->hittad ? " (hittad på innehållet)" : "");
			free(datum);
		} else if (g->status == VB_AB_OGILTIG && g->first_error) {
			detail = vb_term_escape(g->first_error);
		} else if (g->fil) {
			detail = vb_asprintf("filen %s finns inte", vb_term(g->fil));
		}
		if (detail) {
			pad(fp, status_word(g), 10);
			fputs(detail, fp);
			free(detail);
		} else {
			fputs(status_word(g), fp);
		}
		fputc('\n', fp);
	}
	for (size_t i = 0; i < ab->nokand; i++) {
		fputs("  ", fp);
		pad(fp, "okänd fil", w);
		fprintf(fp, "%s: %s\n", vb_term(ab->okand[i].fil),
			vb_term(ab->okand[i].orsak));
	}
	fprintf(fp,
		"%zu förväntade grupper: %zu med giltig årsberättelse (%zu i tid, %zu för sent), %zu %s, %zu saknas; %zu %s.\n",
		ab->n, n[VB_AB_INLAMNAD] + n[VB_AB_SEN], n[VB_AB_INLAMNAD],
		n[VB_AB_SEN], n[VB_AB_OGILTIG],
		n[VB_AB_OGILTIG] == 1 ? "ogiltig" : "ogiltiga",
		n[VB_AB_SAKNAS], ab->nokand,
		ab->nokand == 1 ? "okänd fil" : "okända filer");
}

int
vb_cmd_status(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "hjalp", no_argument, NULL, 'h' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage, stdout);
			return VB_EXIT_OK;
		default:
			return vb_bad_option("status", "h", longopts, argv, usage);
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "vastbus status: ange ett (1) årsboksmanifest\n%s",
			usage);
		return VB_EXIT_USAGE;
	}
	const char *mpath = argv[optind];
	struct vb_diags md;
	vb_diags_init(&md, mpath);
	struct vb_arsbok *ab = vb_sasong_open(ctx, mpath, &md);
	int too_much = ab && vb_sasong_budget(ab, &md) != 0;
	vb_diags_print(&md, stderr);
	int rc;
	if (too_much) {
		fputs("Inget läge att visa: för mycket indata.\n", stderr);
		vb_diags_free(&md);
		vb_arsbok_free(ab);
		return VB_EXIT_INVALID;
	}
	if (ab == NULL) {
		fputs("Inget läge att visa: rätta felen i manifestet först.\n",
		      stderr);
		rc = vb_exit_worse(VB_EXIT_INVALID, vb_exit_status(&md));
		vb_diags_free(&md);
		return rc;
	}
	vb_diags_free(&md);
	vb_sasong_load(ctx, ab, 0, 1, stderr);
	print_status(ab, stdout);
	rc = VB_EXIT_OK;
	for (size_t i = 0; i < ab->n; i++)
		if (ab->g[i].status != VB_AB_INLAMNAD &&
		    ab->g[i].status != VB_AB_SEN)
			rc = VB_EXIT_INVALID;
	if (fflush(stdout) != 0)
		rc = VB_EXIT_SYSTEM;
	vb_arsbok_free(ab);
	return rc;
}
