/* cmd_html.c - `vastbus html`: one self-contained HTML page per report,
 * through xslt/rapport-html.xsl. */
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/render.h"
#include "util/alloc.h"
#include "xslt/transform.h"

static const char usage[] =
	"Användning: vastbus html FIL|KATALOG … [-o UT.html | -d KATALOG]\n"
	"\n"
	"Gör en tillgänglig HTML-sida av varje giltig årsberättelse. Utan -o\n"
	"och -d hamnar sidan bredvid indatafilen (rapport.xml → rapport.html).\n"
	"En ogiltig fil får sina fel och ingen sida; de andra görs ändå.\n"
	"\n"
	"  -o, --utfil FIL     skriv sidan hit (bara med en indatafil)\n"
	"  -d, --katalog KAT   skriv sidorna i den här katalogen\n"
	"  -h, --hjalp         visa den här hjälpen\n";

static char *
render_html(struct vb_ctx *ctx, void **state, xmlDocPtr doc, size_t *len,
	    struct vb_diags *d)
{
	(void)state;
	struct vb_xslt *x = vb_ctx_xslt(ctx, "xslt/rapport-html.xsl", d);
	if (x == NULL)
		return NULL;
	char *err = NULL;
	char *out = vb_xslt_run(x, doc, NULL, len, &err);
	if (out == NULL) {
		vb_diag(d, VB_S_RENDER, 0, "%s", err);
		free(err);
	}
	return out;
}

int
vb_cmd_html(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct vb_backend be = {
		"html", ".html", usage, render_html, NULL
	};
	return vb_render_batch(ctx, &be, argc, argv);
}
