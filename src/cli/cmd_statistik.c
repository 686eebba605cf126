/* cmd_statistik.c - `vastbus statistik MANIFEST [-o UT.csv]
 * [--avvikelser]`: the yearbook's figures as CSV for Swedish Excel, one
 * row per group and year along the foregaende chain (or one row per
 * deviation). The rows come from xslt/arsbok-statistik.xsl on the same
 * input document as the yearbook, so the CSV and the summary count the
 * same reports the same way.
 *
 * Swedish Excel opens a CSV by double-click correctly only when it starts
 * with a UTF-8 byte order mark (else it guesses Windows-1252 and å/ä/ö
 * break), uses ';' between fields (',' is the decimal separator in a
 * Swedish locale) and writes decimals with a comma. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsbok/arsbok.h"
#include "cli/cli.h"
#include "cli/sasong.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/outplan.h"
#include "xslt/transform.h"
#include "util/termtext.h"

static const char usage[] =
	"Användning: vastbus statistik MANIFEST.xml [-o UT.csv] [--avvikelser]\n"
	"\n"
	"Skriver årsbokens siffror som en CSV-fil som svenska Excel öppnar rätt\n"
	"med dubbelklick (UTF-8 med BOM, semikolon mellan fälten, decimalkomma):\n"
	"en rad per grupp och år, för manifestets år och varje föregående år i\n"
	"kedjan <foregaende>. En grupp som saknas eller är ogiltig har tomma\n"
	"sifferfält, aldrig 0. Kolumnerna beskrivs i vastbus(1).\n"
	"\n"
	"  -o, --utfil FIL     skriv CSV-filen hit (annars till standard ut)\n"
	"      --avvikelser    en rad per avvikelse i stället för per grupp\n"
	"  -h, --hjalp         visa den här hjälpen\n"
	"\n"
	"Slutstatus: 0 skriven och alla årets årsberättelser giltiga, 1 skriven\n"
	"men någon ogiltig, eller inte skriven för att manifestet har fel,\n"
	"2 fel användning, 3 systemfel.\n";

static const unsigned char bom[] = { 0xEF, 0xBB, 0xBF };

int
vb_cmd_statistik(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "utfil", required_argument, NULL, 'o' },
		{ "avvikelser", no_argument, NULL, 'A' },
		{ "hjalp", no_argument, NULL, 'h' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL;
	int avvikelser = 0, c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'A':
			avvikelser = 1;
			break;
		case 'h':
			fputs(usage, stdout);
			return VB_EXIT_OK;
		default:
			return vb_bad_option("statistik", "o:h", longopts, argv, usage);
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "vastbus statistik: ange ett (1) årsboksmanifest\n%s",
			usage);
		return VB_EXIT_USAGE;
	}
	const char *mpath = argv[optind];
	struct vb_diags md;
	vb_diags_init(&md, mpath);
	struct vb_outplan plan;
	vb_outplan_init(&plan);
	int rc = VB_EXIT_INVALID;
	xmlDocPtr indata = NULL;
	int too_much = 0;
	char *csv = NULL, *all = NULL;
	struct vb_arsbok *ab = vb_sasong_open(ctx, mpath, &md);
	if (ab == NULL)
		goto done;
	if (vb_sasong_chain(ctx, ab, &md, stderr) != 0)
		goto done;
	if (vb_sasong_budget(ab, &md) != 0) {
		too_much = 1;
		goto done;
	}
	if (out) {
		/* The CSV never replaces one of the files it reads. */
		for (const struct vb_arsbok *y = ab; y; y = y->prev) {
			vb_outplan_add_input(&plan, y->path);
			for (size_t i = 0; i < y->n; i++)
				if (y->g[i].path)
					vb_outplan_add_input(&plan, y->g[i].path);
		}
		vb_outplan_add_output(&plan, out);
		if (vb_plan_check(&plan, &md) > 0)
			goto done;
	}
	vb_diags_print(&md, stderr);
	vb_diags_free(&md);
	vb_diags_init(&md, mpath);
	size_t invalid = vb_sasong_load(ctx, ab, 0, 0, stderr);
	vb_sasong_load_chain(ctx, ab, stderr);

	indata = vb_arsbok_indata(ab);
	const char *params[] = { "avvikelser", avvikelser ? "ja" : "nej", NULL };
	rc = VB_EXIT_SYSTEM;
	struct vb_xslt *x = vb_ctx_xslt(ctx, "xslt/arsbok-statistik.xsl", &md);
	if (x == NULL)
		goto done;
	char *err = NULL;
	size_t len = 0;
	csv = vb_xslt_run(x, indata, params, &len, &err);
	if (csv == NULL) {
		vb_diag(&md, VB_S_RENDER, 0, "%s", err ? err : "okänt fel");
		free(err);
		goto done;
	}
	all = vb_malloc(len + sizeof(bom));
	memcpy(all, bom, sizeof(bom));
	memcpy(all + sizeof(bom), csv, len);
	len += sizeof(bom);
	if (out == NULL) {
		if (vb_stdout_write(all, len) != len || fflush(stdout) != 0) {
			int e = vb_stdout_errno() ? vb_stdout_errno() : errno;
			vb_diag(&md, VB_S_WRITE, 0, "kan inte skriva till standard ut: %s",
				vb_strerror_sv(e ? e : EIO));
			clearerr(stdout);	/* said once, here, not again at exit */
			goto done;
		}
	} else {
		const void *data[] = { all };
		size_t lens[] = { len };
		if (vb_plan_write(&plan, data, lens, &md) != 0)
			goto done;
		fprintf(stderr, "Skrev %s.\n", vb_term(out));
	}
	rc = invalid ? VB_EXIT_INVALID : VB_EXIT_OK;
done:
	rc = vb_exit_worse(rc, vb_exit_status(&md));
	vb_diags_print(&md, stderr);
	if (ab == NULL)
		fputs("Ingen statistik skriven: rätta felen i manifestet först.\n",
		      stderr);
	else if (too_much)
		fputs("Ingen statistik skriven: för mycket indata.\n", stderr);
	vb_diags_free(&md);
	if (indata)
		xmlFreeDoc(indata);
	free(csv);
	free(all);
	vb_arsbok_free(ab);
	vb_outplan_free(&plan);
	return rc;
}
