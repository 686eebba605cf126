/*
 * main.c - vastbus: the command line. Dispatches to one subcommand; all
 * the work is in src/cli/ and below.
 */
#include <errno.h>
#include <locale.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "cli/cli.h"
#include "util/fileio.h"
#include "xml/load.h"
#include "util/termtext.h"

#ifndef VB_VERSION
#define VB_VERSION "0.1"
#endif

static const char usage[] =
	"Användning: vastbus KOMMANDO [FLAGGOR] FIL …\n"
	"\n"
	"Västbus årsberättelser: kontrollera, gör HTML och PDF, sammanställ årsbok.\n"
	"\n"
	"Kommandon:\n"
	"  validera FIL|KATALOG …        kontrollera årsberättelser (skriver inget)\n"
	"  html FIL|KATALOG … [-o|-d]    gör tillgängliga HTML-sidor\n"
	"  pdf FIL|KATALOG … [-o|-d]     gör PDF enligt den officiella mallen\n"
	"  mall --kommun K [--stadsdel S] --ar ÅR [-o FIL]\n"
	"                                skriv en tom årsberättelse att fylla i\n"
	"  formular [--kommun K] [--ar ÅR] [--fran FÖRRA.xml] [-o FIL]\n"
	"                                skriv ett formulär (HTML) att fylla i\n"
	"  arsbok MANIFEST [-o|--html]   sammanställ delregionens årsbok (PDF, HTML)\n"
	"  status MANIFEST               visa vilka grupper som lämnat in, sent, fel\n"
	"  manifest --delregion D --ar ÅR [KATALOG] [-o FIL]\n"
	"                                skriv ett årsboksmanifest för delregionen\n"
	"  statistik MANIFEST [-o UT.csv] [--avvikelser]\n"
	"                                siffrorna som CSV för Excel, alla år\n"
	"  sats LAYOUT.xml -o UT.pdf     sätt ett layoutträd till PDF (för mallförfattare)\n"
	"\n"
	"  vastbus KOMMANDO --hjalp      hjälp för ett kommando\n"
	"  vastbus --version             visa versionen\n"
	"\n"
	"Slutstatus: 0 allt giltigt, 1 någon fil ogiltig eller inte gjord,\n"
	"2 fel användning, 3 systemfel. Se även vastbus(1).\n";

struct command {
	const char *name;
	int (*run)(struct vb_ctx *, int, char **);
};

static const struct command commands[] = {
	{ "validera", vb_cmd_validera },
	{ "html", vb_cmd_html },
	{ "pdf", vb_cmd_pdf },
	{ "mall", vb_cmd_mall },
	{ "sats", vb_cmd_sats },
	{ "arsbok", vb_cmd_arsbok },
	{ "status", vb_cmd_status },
	{ "manifest", vb_cmd_manifest },
	{ "statistik", vb_cmd_statistik },
	{ "formular", vb_cmd_formular },
	{ NULL, NULL }
};

/* Standard output is where validera's findings, mall's template and the
 * help go: a full disk or a closed pipe must not pass for success, so the
 * last flush and the close are checked like any other write. */
static int
finish(int rc)
{
	errno = 0;
	int bad = ferror(stdout);
	int e = errno;
	if (fflush(stdout) != 0) {
		bad = 1;
		e = errno;
	}
	if (fclose(stdout) != 0) {
		if (!bad)
			e = errno;
		bad = 1;
	}
	if (!bad)
		return rc;
	if (vb_stdout_errno())
		e = vb_stdout_errno();	/* the write that failed first */
	if (e)
		fprintf(stderr, "vastbus: kan inte skriva till standard ut: %s\n",
			vb_strerror_sv(e));
	else
		fputs("vastbus: kan inte skriva till standard ut\n", stderr);
	return VB_EXIT_SYSTEM;
}

int
main(int argc, char **argv)
{
	/* Messages are UTF-8 Swedish whatever the locale; numbers written
	 * into files never go through the locale (see typeset/). */
	setlocale(LC_CTYPE, "");
	vb_install_signal_cleanup();
#if defined(__GLIBC__)
	/* glibc raises its mmap threshold to the size of each large block
	 * that is freed, up to 32 MB, so after the first (a parser buffer,
	 * a finished document) large blocks come from the heap and stay
	 * there as holes between the trees of the next stage. Fixed at the
	 * default 128 KB, they are mapped and given back when freed: the
	 * dense benchmark book peaks 7 MB lower. */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif

	if (argc < 2) {
		fputs(usage, stderr);
		return VB_EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") ||
	    !strcmp(cmd, "--hjalp") || !strcmp(cmd, "hjalp")) {
		fputs(usage, stdout);
		return finish(VB_EXIT_OK);
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		printf("vastbus %s\n", VB_VERSION);
		return finish(VB_EXIT_OK);
	}
	for (const struct command *c = commands; c->name; c++) {
		if (strcmp(c->name, cmd) != 0)
			continue;
		xmlInitParser();
		vb_xml_quiet();
		struct vb_ctx ctx;
		if (vb_ctx_init(&ctx) != 0)
			return VB_EXIT_SYSTEM;
		int rc = c->run(&ctx, argc - 1, argv + 1);
		vb_ctx_free(&ctx);
		xsltCleanupGlobals();
		xmlCleanupParser();
		return finish(rc);
	}
	/* "-q" before any command is an option, not a command's name. */
	if (cmd[0] == '-' && cmd[1] != '\0')
		fprintf(stderr, "vastbus: okänd flagga %s (före kommandot)\n\n%s",
			vb_term(cmd), usage);
	else
		fprintf(stderr, "vastbus: okänt kommando '%s'\n\n%s", vb_term(cmd),
			usage);
	return VB_EXIT_USAGE;
}
