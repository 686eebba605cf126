/* cmd_sats.c - `vastbus sats`: typesets a layout tree written by hand or
 * by a template author. The tree is untrusted, so it is parsed safely and
 * checked against schema/layout.xsd first, with Swedish messages. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "util/alloc.h"
#include "util/outplan.h"
#include "util/fileio.h"

static const char usage[] =
	"Användning: vastbus sats LAYOUT.xml -o UT.pdf\n"
	"\n"
	"Sätter ett layoutträd (urn:vastbus:layout:1, se doc/layout.md) till\n"
	"PDF. För mallförfattare: trädet kontrolleras mot schema/layout.xsd.\n"
	"\n"
	"  -o, --utfil FIL   skriv PDF:en hit\n"
	"  -h, --hjalp       visa den här hjälpen\n";

int
vb_cmd_sats(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "utfil", required_argument, NULL, 'o' },
		{ "hjalp", no_argument, NULL, 'h' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return VB_EXIT_OK;
		default:
			return vb_bad_option("sats", "o:h", longopts, argv, usage);
		}
	}
	if (optind != argc - 1 || out == NULL) {
		fprintf(stderr, "vastbus sats: ange en layoutfil och -o UT.pdf\n%s", usage);
		return VB_EXIT_USAGE;
	}
	const char *in = argv[optind];
	struct vb_diags d;
	vb_diags_init(&d, in);
	int rc = VB_EXIT_INVALID;
	xmlDocPtr doc = NULL;
	{
		struct vb_outplan plan;
		vb_outplan_init(&plan);
		vb_outplan_add_input(&plan, in);
		vb_outplan_add_output(&plan, out);
		char *conflict = vb_outplan_conflict(&plan, 0);
		vb_outplan_free(&plan);
		if (conflict) {
			vb_diag(&d, VB_S_WRITE, 0, "%s", conflict);
			free(conflict);
			goto done;
		}
	}
	if ((doc = vb_check_layout(ctx, in, &d)) == NULL)
		goto done;
	size_t len = 0;
	unsigned char *pdf = vb_render_pdf(doc, VB_LAYOUT_USER, &len, &d);
	if (pdf == NULL)
		goto done;
	if (vb_write_output(out, pdf, len, &d) == 0)
		rc = VB_EXIT_OK;
	free(pdf);
done:
	rc = vb_exit_worse(rc, vb_exit_status(&d));
	vb_diags_print(&d, stderr);
	vb_diags_free(&d);
	xmlFreeDoc(doc);
	return rc;
}
