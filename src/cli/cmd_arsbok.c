/* cmd_arsbok.c - `vastbus arsbok`: a subregion's reports merged into one
 * yearbook, PDF (xslt/arsbok-layout.xsl → typesetter) and optionally HTML
 * (xslt/arsbok-html.xsl). The manifest's rules and the input document are
 * in src/arsbok/; this file is the command line: options, printing the
 * findings, writing the outputs. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arsbok/arsbok.h"
#include "cli/cli.h"
#include "cli/sasong.h"
#include "geo/geo.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/outplan.h"
#include "util/sde.h"
#include "xslt/transform.h"
#include "util/termtext.h"

static const char usage[] =
	"Användning: vastbus arsbok MANIFEST.xml [-o UT.pdf] [--html UT.html]\n"
	"\n"
	"Sammanställer delregionens årsbok: omslag, innehållsförteckning, förord,\n"
	"en sammanfattning för delregionen (inlämnade, saknade och sena\n"
	"årsberättelser, möten, utbildningsinsatser, avvikelser med diagram) och\n"
	"ett kapitel per grupp i manifestets ordning.\n"
	"\n"
	"Manifestet kontrolleras först (formatet, samma grupp två gånger, kommun\n"
	"och stadsdel, sökvägar). Sedan kontrolleras varje årsberättelse som\n"
	"vastbus validera gör, och att den gäller rätt år, kommun, stadsdel och\n"
	"delregion. En grupp utan fil, eller vars fil inte finns, visas som\n"
	"saknad. En ogiltig årsberättelse visas som \"inlämnad men ogiltig\" och\n"
	"blir inget kapitel; årsboken görs ändå.\n"
	"\n"
	"Sökvägar i manifestet räknas från manifestets mapp och får inte leda ut\n"
	"ur den (inga absoluta sökvägar, inga ..). Undantag: <foregaende fil>\n"
	"får peka på en årsmapp bredvid, t.ex. ../gr-2018/arsbok.xml; då visas\n"
	"varje siffra i sammanfattningen bredvid förra årets.\n"
	"\n"
	"Utan -o hamnar PDF:en i manifestets mapp som arsbok-ÅR.pdf. Med\n"
	"SOURCE_DATE_EPOCH satt blir utskriftsdatumet och PDF:en desamma vid\n"
	"varje körning.\n"
	"\n"
	"  -o, --utfil FIL     skriv PDF:en hit\n"
	"      --html FIL      skriv också årsboken som en tillgänglig HTML-sida\n"
	"  -h, --hjalp         visa den här hjälpen\n"
	"\n"
	"Slutstatus: 0 årsboken gjord och alla inlämnade årsberättelser giltiga\n"
	"(saknade och sena grupper och varningar tillåts), 1 årsboken gjord men\n"
	"någon årsberättelse ogiltig, eller ingen årsbok för att manifestet har\n"
	"fel, 2 fel användning, 3 systemfel (t.ex. kan inte skriva filen).\n";

/* The date of printing, ISO 8601: SOURCE_DATE_EPOCH (UTC) when set, so
 * that the same input gives the same yearbook; else today, local time. */
static void
print_date(char *buf, size_t len)
{
	time_t t;
	int utc = vb_source_date(&t);
	struct tm tm;
	if ((utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm)) == NULL ||
	    strftime(buf, len, "%Y-%m-%d", &tm) == 0)
		snprintf(buf, len, "%s", "");
}

/* Runs one yearbook stylesheet on indata. as_doc: return the result tree
 * in *tree, else serialised bytes. 0 or -1 with a finding in d. */
static int
run_xslt(struct vb_ctx *ctx, const char *xsl, xmlDocPtr indata,
	 const char *const *params, xmlDocPtr *tree, char **bytes,
	 size_t *len, struct vb_diags *d)
{
	char *err = NULL;
	struct vb_xslt *x = vb_ctx_xslt(ctx, xsl, d);	/* owned by ctx */
	if (x == NULL)
		return -1;
	int rc = 0;
	if (tree) {
		*tree = vb_xslt_run_doc(x, indata, params, &err);
		rc = *tree ? 0 : -1;
	} else {
		*bytes = vb_xslt_run(x, indata, params, len, &err);
		rc = *bytes ? 0 : -1;
	}
	if (rc != 0) {
		vb_diag(d, VB_S_RENDER, 0, "%s", err ? err : "okänt fel");
		free(err);
	}
	return rc;
}

/* Every file the yearbook reads (the manifests and the reports of both
 * years) and its outputs (the PDF, the HTML when asked for). */
static void
plan_outputs(struct vb_outplan *plan, const struct vb_arsbok *ab,
	     const char *pdfname, const char *html)
{
	for (const struct vb_arsbok *y = ab; y; y = y->prev) {
		vb_outplan_add_input(plan, y->path);
		for (size_t i = 0; i < y->n; i++)
			if (y->g[i].path)
				vb_outplan_add_input(plan, y->g[i].path);
	}
	if (ab->foregaende)
		vb_outplan_add_input(plan, ab->foregaende);
	vb_outplan_add_output(plan, pdfname);
	if (html)
		vb_outplan_add_output(plan, html);
}

/* One closing paragraph: what the yearbook holds. */
static void
print_outcome(const struct vb_arsbok *ab, FILE *fp)
{
	size_t n[4] = { 0 };
	for (size_t i = 0; i < ab->n; i++)
		n[ab->g[i].status]++;
	fprintf(fp, "Årsbok %d för %s: %zu av %zu årsberättelser med",
		ab->ar, ab->delregion, n[VB_AB_INLAMNAD] + n[VB_AB_SEN], ab->n);
	if (n[VB_AB_SEN])
		fprintf(fp, " (%zu för sent)", n[VB_AB_SEN]);
	fprintf(fp, ", %zu saknas, %zu %s.\n", n[VB_AB_SAKNAS], n[VB_AB_OGILTIG],
		n[VB_AB_OGILTIG] == 1 ? "inlämnad men ogiltig" : "inlämnade men ogiltiga");
	static const struct {
		enum vb_arsbok_status s;
		const char *label;
	} show[] = {
		{ VB_AB_SAKNAS, "Saknas" },
		{ VB_AB_SEN, "Inlämnade för sent (efter 1 mars)" },
		{ VB_AB_OGILTIG, "Inlämnade men ogiltiga" },
	};
	for (size_t s = 0; s < sizeof(show) / sizeof(show[0]); s++) {
		if (n[show[s].s] == 0)
			continue;
		fprintf(fp, "  %s:", show[s].label);
		const char *sep = " ";
		for (size_t i = 0; i < ab->n; i++) {
			if (ab->g[i].status != show[s].s)
				continue;
			char *namn = vb_arsbok_grupp_namn(&ab->g[i]);
			fprintf(fp, "%s%s", sep, namn);
			free(namn);
			sep = ", ";
		}
		fputs(".\n", fp);
	}
}

int
vb_cmd_arsbok(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "utfil", required_argument, NULL, 'o' },
		{ "html", required_argument, NULL, 'H' },
		{ "hjalp", no_argument, NULL, 'h' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *html = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'H':
			html = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return VB_EXIT_OK;
		default:
			return vb_bad_option("arsbok", "o:h", longopts, argv, usage);
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "vastbus arsbok: ange ett (1) årsboksmanifest\n%s",
			usage);
		return VB_EXIT_USAGE;
	}
	const char *mpath = argv[optind];
	if (out && html && strcmp(out, html) == 0) {
		fprintf(stderr, "vastbus arsbok: -o och --html kan inte vara samma fil\n");
		return VB_EXIT_USAGE;
	}

	struct vb_diags md;
	vb_diags_init(&md, mpath);
	struct vb_outplan plan;
	vb_outplan_init(&plan);
	int rc = VB_EXIT_INVALID;
	char *pdfname = NULL;
	xmlDocPtr indata = NULL;
	int too_much = 0;
	struct vb_arsbok *ab = vb_sasong_open(ctx, mpath, &md);
	if (ab == NULL) {
		vb_diags_print(&md, stderr);
		fprintf(stderr, "Ingen årsbok gjord: %s.\n",
			vb_diags_has(&md, VB_S_DATA) ? "programmets datafiler saknas"
			: vb_diags_has(&md, VB_S_READ) ? "manifestet kan inte läsas"
						       : "rätta felen i manifestet först");
		rc = vb_exit_worse(VB_EXIT_INVALID, vb_exit_status(&md));
		vb_diags_free(&md);
		return rc;
	}
	pdfname = out ? vb_strdup(out) : vb_arsbok_default_output(ab, ".pdf");
	/* The earlier years, for comparison: each manifest must be sound
	 * and one year before the next; their reports are checked quietly. */
	if (vb_sasong_chain(ctx, ab, &md, stderr) != 0)
		goto done;
	/* Before any report is read: the whole run's input is bounded. */
	if (vb_sasong_budget(ab, &md) != 0) {
		too_much = 1;
		goto done;
	}
	/* Checked now that last year's reports are known too. */
	plan_outputs(&plan, ab, pdfname, html);
	if (vb_plan_check(&plan, &md) > 0)
		goto done;
	vb_diags_print(&md, stderr);	/* warnings only, so far */
	vb_diags_free(&md);
	vb_diags_init(&md, mpath);

	size_t invalid = vb_sasong_load(ctx, ab, 1, 0, stderr);
	vb_sasong_load_chain(ctx, ab, stderr);

	/* Memory: each input tree is freed as soon as the next stage has
	 * what it needs (reports → indata → layout tree → pages), so a book
	 * is never held twice. */
	indata = vb_arsbok_indata_take(ab);
	char date[32];
	print_date(date, sizeof(date));
	const char *params[] = { "utskriftsdatum", date, NULL };

	xmlDocPtr layout = NULL;
	rc = VB_EXIT_SYSTEM;
	if (run_xslt(ctx, "xslt/arsbok-layout.xsl", indata, params, &layout,
		     NULL, NULL, &md) != 0)
		goto done;
	/* Both outputs are made before either is written: a failure leaves
	 * no half-made pair behind. */
	char *hbytes = NULL;
	size_t hlen = 0;
	if (html && run_xslt(ctx, "xslt/arsbok-html.xsl", indata, params, NULL,
			     &hbytes, &hlen, &md) != 0) {
		xmlFreeDoc(layout);
		goto done;
	}
	xmlFreeDoc(indata);
	indata = NULL;
	size_t pdflen = 0;
	unsigned char *pdf = vb_render_pdf_last(layout, VB_LAYOUT_STYLESHEET,
						&pdflen, &md);
	if (pdf == NULL) {
		free(hbytes);
		goto done;
	}
	const void *data[] = { pdf, hbytes };
	size_t lens[] = { pdflen, hlen };
	int wrc = vb_plan_write(&plan, data, lens, &md);
	free(pdf);
	free(hbytes);
	if (wrc != 0)
		goto done;
	print_outcome(ab, stderr);
	fprintf(stderr, "Skrev %s%s%s.\n", vb_term(pdfname), html ? " och " : "",
		html ? vb_term(html) : "");
	rc = invalid ? VB_EXIT_INVALID : VB_EXIT_OK;
done:
	rc = vb_exit_worse(rc, vb_exit_status(&md));
	vb_diags_print(&md, stderr);
	if (too_much)
		fputs("Ingen årsbok gjord: för mycket indata.\n", stderr);
	else if (rc == VB_EXIT_INVALID && md.worst >= VB_LEVEL_ERROR)
		fputs("Ingen årsbok gjord: rätta felen i manifestet först.\n", stderr);
	else if (rc == VB_EXIT_SYSTEM)
		fputs("Ingen årsbok gjord.\n", stderr);
	vb_diags_free(&md);
	if (indata)
		xmlFreeDoc(indata);
	vb_arsbok_free(ab);
	vb_outplan_free(&plan);
	free(pdfname);
	return rc;
}
