/*
 * render.h - the batch loop `vastbus html` and `vastbus pdf` share:
 * options -o/-d, check each report, render the valid ones, write each
 * output atomically, never over an input, go on after a bad file.
 */
#ifndef VB_CLI_RENDER_H
#define VB_CLI_RENDER_H

#include <stddef.h>
#include <libxml/tree.h>

#include "cli/cli.h"

/* Renders one valid report. Returns malloc'd bytes (*len) or NULL with a
 * finding added to d. state is the back end's own (compiled stylesheets…),
 * created on first use. */
typedef char *(*vb_render_fn)(struct vb_ctx *ctx, void **state, xmlDocPtr doc,
			      size_t *len, struct vb_diags *d);
typedef void (*vb_render_free_fn)(void *state);

struct vb_backend {
	const char *cmd;	/* "html" */
	const char *ext;	/* ".html" */
	const char *usage;	/* Swedish usage text */
	vb_render_fn render;
	vb_render_free_fn free_state;
};

int vb_render_batch(struct vb_ctx *ctx, const struct vb_backend *be,
		    int argc, char **argv);

/* Shared by validera and the renderers: the closing count line. */
void vb_print_summary(FILE *fp, size_t files, size_t valid, size_t warnings);

#endif
