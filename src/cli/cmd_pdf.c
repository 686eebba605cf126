/* cmd_pdf.c - `vastbus pdf`: a report through xslt/rapport-layout.xsl into
 * a layout tree (doc/layout.md), and the typesetter into PDF. */
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/render.h"
#include "util/alloc.h"
#include "xslt/transform.h"

static const char usage[] =
	"Användning: vastbus pdf FIL|KATALOG … [-o UT.pdf | -d KATALOG]\n"
	"\n"
	"Gör en PDF enligt den officiella mallen av varje giltig årsberättelse.\n"
	"Utan -o och -d hamnar PDF:en bredvid indatafilen (rapport.xml →\n"
	"rapport.pdf). En ogiltig fil får sina fel och ingen PDF; de andra görs\n"
	"ändå. Med SOURCE_DATE_EPOCH satt blir PDF:en densamma byte för byte.\n"
	"\n"
	"  -o, --utfil FIL     skriv PDF:en hit (bara med en indatafil)\n"
	"  -d, --katalog KAT   skriv PDF:erna i den här katalogen\n"
	"  -h, --hjalp         visa den här hjälpen\n";

static char *
render_pdf(struct vb_ctx *ctx, void **state, xmlDocPtr doc, size_t *len,
	   struct vb_diags *d)
{
	(void)state;
	struct vb_xslt *x = vb_ctx_xslt(ctx, "xslt/rapport-layout.xsl", d);
	if (x == NULL)
		return NULL;
	char *err = NULL;
	xmlDocPtr layout = vb_xslt_run_doc(x, doc, NULL, &err);
	if (layout == NULL) {
		vb_diag(d, VB_S_RENDER, 0, "%s", err);
		free(err);
		return NULL;
	}
	unsigned char *pdf = vb_render_pdf_take(layout, VB_LAYOUT_STYLESHEET,
						len, d);
	return (char *)pdf;
}

int
vb_cmd_pdf(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct vb_backend be = {
		"pdf", ".pdf", usage, render_pdf, NULL
	};
	return vb_render_batch(ctx, &be, argc, argv);
}
