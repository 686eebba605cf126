/* cmd_pdf.c - `vastbus pdf`: a report through xslt/rapport-layout.xsl into
 * a layout tree, and the typesetter into PDF. */
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/render.h"
#include "util/alloc.h"

static const char usage[] =
	"Användning: vastbus pdf FIL|KATALOG … [-o UT.pdf | -d KATALOG]\n"
	"\n"
	"Gör en PDF enligt den officiella mallen av varje giltig årsberättelse.\n"
	"Utan -o och -d hamnar PDF:en bredvid indatafilen.\n"
	"\n"
	"  -o, --utfil FIL     skriv PDF:en hit (bara med en indatafil)\n"
	"  -d, --katalog KAT   skriv PDF:erna i den här katalogen\n"
	"  -h, --hjalp         visa den här hjälpen\n";

static char *
render_pdf(struct vb_ctx *ctx, void **state, xmlDocPtr doc, size_t *len,
	   struct vb_diags *d)
{
	(void)ctx;
	(void)state;
	(void)doc;
	(void)len;
	/* The typesetter lands separately (issue 3). */
	vb_diag(d, VB_S_RENDER, 0, "PDF-utdata är inte färdigbyggd ännu");
	return NULL;
}

int
vb_cmd_pdf(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct vb_backend be = {
		"pdf", ".pdf", usage, render_pdf, NULL
	};
	return vb_render_batch(ctx, &be, argc, argv);
}
