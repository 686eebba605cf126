/* render.c - see render.h. */
#define _POSIX_C_SOURCE 200809L
#include "cli/render.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/alloc.h"
#include "util/fileio.h"
#include "util/outplan.h"
#include "util/termtext.h"

void
vb_print_summary(FILE *fp, size_t files, size_t valid, size_t warnings)
{
	size_t invalid = files - valid;
	fprintf(fp, "%zu %s: %zu %s, %zu %s",
		files, files == 1 ? "fil kontrollerad" : "filer kontrollerade",
		valid, valid == 1 ? "giltig" : "giltiga",
		invalid, invalid == 1 ? "ogiltig" : "ogiltiga");
	if (warnings)
		fprintf(fp, " (%zu %s)", warnings,
			warnings == 1 ? "varning" : "varningar");
	fputs(".\n", fp);
}

static int
is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int
vb_render_batch(struct vb_ctx *ctx, const struct vb_backend *be, int argc,
		char **argv)
{
	static const struct option longopts[] = {
		{ "utfil", required_argument, NULL, 'o' },
		{ "katalog", required_argument, NULL, 'd' },
		{ "hjalp", no_argument, NULL, 'h' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *dir = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'd':
			dir = optarg;
			break;
		case 'h':
			fputs(be->usage, stdout);
			return VB_EXIT_OK;
		default:
			return vb_bad_option(be->cmd, "o:d:h", longopts, argv, be->usage);
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "vastbus %s: ange minst en fil eller katalog\n%s",
			be->cmd, be->usage);
		return VB_EXIT_USAGE;
	}
	if (out && dir) {
		fprintf(stderr, "vastbus %s: -o och -d kan inte användas samtidigt\n",
			be->cmd);
		return VB_EXIT_USAGE;
	}
	/* The output folder is made when missing (one level, like mkdir). */
	if (dir && !is_dir(dir) && mkdir(dir, 0777) != 0) {
		/* EEXIST here means a file (or a link to one) is in the way. */
		fprintf(stderr, "vastbus %s: kan inte skapa katalogen %s: %s\n",
			be->cmd, vb_term(dir), errno == EEXIST
			? "det finns redan en fil med det namnet, ingen katalog"
			: vb_strerror_sv(errno));
		return VB_EXIT_SYSTEM;	/* as a write that fails */
	}
	struct vb_inputs in = { 0 };
	vb_inputs_expand(&in, argv + optind, argc - optind);
	if (out && in.n != 1) {
		fprintf(stderr, "vastbus %s: -o går bara med en enda indatafil; använd -d KATALOG för flera\n",
			be->cmd);
		vb_inputs_free(&in);
		return VB_EXIT_USAGE;
	}

	/* Every output against every input and every other output, before
	 * anything is read or written (outplan.h). */
	struct vb_outplan plan;
	vb_outplan_init(&plan);
	for (size_t i = 0; i < in.n; i++)
		vb_outplan_add_input(&plan, in.v[i]);
	for (size_t i = 0; i < in.n; i++) {
		char *outname = vb_output_name(in.v[i], out, dir, be->ext);
		vb_outplan_add_output(&plan, outname);
		free(outname);
	}

	void *state = NULL;
	size_t done = 0, warnings = 0, skipped = 0;
	int worst = VB_EXIT_OK;
	for (size_t i = 0; i < in.n; i++) {
		struct vb_diags d;
		vb_diags_init(&d, in.v[i]);
		const char *outname = plan.out[i].path;
		xmlDocPtr doc = NULL;
		int manifest = 0;
		char *conflict = vb_outplan_conflict(&plan, i);
		if (conflict)
			vb_diag(&d, VB_S_WRITE, 0, "%s", conflict);
		else
			doc = vb_check_document(ctx, in.v[i], &d, &manifest);
		free(conflict);
		if (doc && manifest) {
			/* A folder of reports often holds its manifest too. */
			xmlFreeDoc(doc);
			doc = NULL;
			if (in.from_dir[i])
				skipped++;
			else
				vb_diag(&d, VB_E_NOT_REPORT, 0,
					"det är ett årsboksmanifest; en årsbok görs med vastbus arsbok");
		}
		if (doc) {
			size_t len = 0;
			char *bytes = be->render(ctx, &state, doc, &len, &d);
			if (bytes && vb_write_output(outname, bytes, len, &d) == 0)
				done++;
			free(bytes);
			xmlFreeDoc(doc);
		}
		warnings += vb_diags_count(&d, VB_LEVEL_WARNING);
		worst = vb_exit_worse(worst, vb_exit_status(&d));
		vb_diags_print(&d, stderr);
		vb_diags_free(&d);
	}
	vb_outplan_free(&plan);
	if (state && be->free_state)
		be->free_state(state);
	size_t n = in.n - skipped;
	if (n > 1 || done < n)
		fprintf(stderr, "%zu av %zu %s gjorda.\n", done, n,
			n == 1 ? "fil" : "filer");
	(void)warnings;
	vb_inputs_free(&in);
	return vb_exit_worse(done == n ? VB_EXIT_OK : VB_EXIT_INVALID, worst);
}
