/*
 * cli.h - what the subcommands share: finding the data folder, the input
 * list, output names and atomic writes, the exit status. What is done to
 * a document (check, render) is src/pipeline/.
 */
#ifndef VB_CLI_H
#define VB_CLI_H

#include <stddef.h>
#include <libxml/tree.h>

#include "diag/diag.h"
#include "pipeline/pipeline.h"

#define VB_EXIT_OK 0		/* every file valid (warnings allowed) */
#define VB_EXIT_INVALID 1	/* some file invalid or not produced */
#define VB_EXIT_USAGE 2		/* wrong usage */
#define VB_EXIT_SYSTEM 3	/* the program itself cannot run */

/* The one rule from findings to exit status, in every command (exit.c):
 * the worst finding decides. A warning is 0; an error ("fel") is 1, and
 * so is an input that cannot be read (VB_S_READ: that file is not
 * valid); any other system error (writing an output, the program's own
 * data, the renderer) is 3. Across several files or findings the worse
 * status wins: 3 over 1 over 0. */
int vb_exit_for(enum vb_diag_code code);
int vb_exit_status(const struct vb_diags *d);
int vb_exit_worse(int a, int b);

/* Finds the data folder: $VASTBUS_DATA, else the build tree the program
 * runs from, else the installed share/vastbus, and opens a context on it
 * (src/pipeline/pipeline.h). 0 or -1 (message printed: this is the
 * command line's own business). */
int vb_ctx_init(struct vb_ctx *ctx);

/* Writes an output atomically; on failure adds a VB_S_WRITE finding that
 * names the file and the reason in Swedish. Returns 0 or -1. */
int vb_write_output(const char *name, const void *data, size_t len,
		    struct vb_diags *d);

/* The run's outputs (util/outplan.h): every conflict of plan (an output
 * that is an input, another output, or an existing non-regular file)
 * becomes a VB_S_WRITE finding in d; returns how many. */
struct vb_outplan;
size_t vb_plan_check(const struct vb_outplan *plan, struct vb_diags *d);

/* Writes output k of plan from data[k] (len[k] bytes; NULL: not written),
 * all together or none: every output is staged to a temporary file first,
 * then all are renamed into place. 0, or -1 with a finding in d. */
int vb_plan_write(struct vb_outplan *plan, const void *const *data,
		  const size_t *len, struct vb_diags *d);

/* Expands the arguments: files as given, folders to their *.xml files in
 * sorted order. Unreadable arguments are kept so the caller reports them. */
struct vb_inputs {
	char **v;
	unsigned char *from_dir;	/* 1 when found by expanding a folder */
	size_t n, cap;
};
void vb_inputs_expand(struct vb_inputs *in, char *const *args, int nargs);
void vb_inputs_free(struct vb_inputs *in);

/* Output name for input path: given -o (single input), -d folder or
 * beside the input with ext replacing ".xml". malloc'd. */
char *vb_output_name(const char *in, const char *out, const char *dir,
		     const char *ext);

/* fwrite(p, 1, n, stdout) that remembers errno when it fails, so that
 * the final message (main.c) can say why ("disken är full") even after
 * errno has moved on. Returns the bytes written. */
size_t vb_stdout_write(const void *p, size_t n);
/* The errno of the first failed vb_stdout_write, or 0. */
int vb_stdout_errno(void);

/* Says which option getopt_long (opterr = 0) stopped at, after it
 * returned '?': "vastbus CMD: okänd flagga -q", "flaggan -o behöver ett
 * värde", "flaggan --hjalp tar inget värde", "okänd flagga --x", then the
 * usage, on stderr. Returns VB_EXIT_USAGE. */
struct option;
int vb_bad_option(const char *cmd, const char *optstring,
		  const struct option *longopts, char **argv, const char *usage);

/* Subcommands: argc/argv start at the subcommand's name. */
int vb_cmd_validera(struct vb_ctx *ctx, int argc, char **argv);
int vb_cmd_html(struct vb_ctx *ctx, int argc, char **argv);
int vb_cmd_pdf(struct vb_ctx *ctx, int argc, char **argv);
int vb_cmd_mall(struct vb_ctx *ctx, int argc, char **argv);
int vb_cmd_sats(struct vb_ctx *ctx, int argc, char **argv);
int vb_cmd_arsbok(struct vb_ctx *ctx, int argc, char **argv);
int vb_cmd_status(struct vb_ctx *ctx, int argc, char **argv);
int vb_cmd_manifest(struct vb_ctx *ctx, int argc, char **argv);
int vb_cmd_statistik(struct vb_ctx *ctx, int argc, char **argv);
int vb_cmd_formular(struct vb_ctx *ctx, int argc, char **argv);

#endif
