/* cmd_validera.c - `vastbus validera`: the lint mode. Parses, validates
 * and rule-checks each report, prints every finding, writes nothing. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/render.h"

static const char usage[] =
	"Användning: vastbus validera [-q] FIL|KATALOG …\n"
	"\n"
	"Kontrollerar årsberättelser mot formatet och reglerna och skriver ett\n"
	"meddelande per fynd: fil:rad: fel|varning: text. En katalog betyder\n"
	"alla .xml-filer i den.\n"
	"\n"
	"  -q, --tyst   skriv bara fynden, inte slutraden\n"
	"  -h, --hjalp  visa den här hjälpen\n"
	"\n"
	"Slutstatus: 0 alla filer giltiga (varningar tillåts), 1 någon fil\n"
	"ogiltig, 2 fel användning.\n";

int
vb_cmd_validera(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tyst", no_argument, NULL, 'q' },
		{ "hjalp", no_argument, NULL, 'h' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int quiet = 0, c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = 1;
			break;
		case 'h':
			fputs(usage, stdout);
			return VB_EXIT_OK;
		default:
			return vb_bad_option("validera", "qh", longopts, argv, usage);
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "vastbus validera: ange minst en fil eller katalog\n%s",
			usage);
		return VB_EXIT_USAGE;
	}
	struct vb_inputs in = { 0 };
	vb_inputs_expand(&in, argv + optind, argc - optind);
	size_t valid = 0, warnings = 0;
	int worst = VB_EXIT_OK;
	for (size_t i = 0; i < in.n; i++) {
		struct vb_diags d;
		vb_diags_init(&d, in.v[i]);
		xmlDocPtr doc = vb_check_document(ctx, in.v[i], &d, NULL);
		if (doc) {
			valid++;
			xmlFreeDoc(doc);
		}
		warnings += vb_diags_count(&d, VB_LEVEL_WARNING);
		worst = vb_exit_worse(worst, vb_exit_status(&d));
		vb_diags_print(&d, stdout);
		vb_diags_free(&d);
	}
	if (!quiet)
		vb_print_summary(stdout, in.n, valid, warnings);
	int rc = vb_exit_worse(valid == in.n ? VB_EXIT_OK : VB_EXIT_INVALID,
			       worst);
	if (in.n == 0) {
		fputs("vastbus validera: inga .xml-filer hittades\n", stderr);
		rc = VB_EXIT_INVALID;
	}
	vb_inputs_free(&in);
	return rc;
}
