/*
 * outplan.h - every output of one run, checked before anything is written
 * and committed together.
 *
 * A coordinator runs `vastbus pdf *` over a download folder: an output
 * name may then be another input (`html r.html r.xml`), two inputs may
 * give the same output (`-d UT a/r.xml b/r.xml`), or an output path may be
 * a device or a FIFO. The plan knows every input and every output of the
 * run by file identity (st_dev/st_ino, or the folder's identity and the
 * name for a file not yet made), so "UT/./bok" and "UT/bok", or two hard
 * links, are seen as one file. Outputs are staged to temporary files and
 * renamed into place together; when one rename fails, those already done
 * are undone, so a run leaves all its outputs or none.
 */
#ifndef VB_UTIL_OUTPLAN_H
#define VB_UTIL_OUTPLAN_H

#include <stddef.h>
#include <sys/types.h>

struct vb_planfile {
	char *path;		/* as the user wrote it, owned */
	int exists;		/* stat succeeded: dev/ino valid */
	int regular;		/* exists and is a regular file */
	dev_t dev;
	ino_t ino;
	int parent_known;	/* the folder exists: pdev/pino valid */
	dev_t pdev;
	ino_t pino;
	char *base;		/* last path component, owned */
	char *tmp;		/* staged temporary file (outputs), owned */
};

struct vb_outplan {
	struct vb_planfile *in, *out;
	size_t nin, nout, capin, capout;
};

void vb_outplan_init(struct vb_outplan *p);
/* Frees the plan; staged outputs not committed are removed. */
void vb_outplan_free(struct vb_outplan *p);

/* Records an input of the run (a report, a manifest, last year's…).
 * Inputs that do not exist are kept by name only. Never opens the file. */
void vb_outplan_add_input(struct vb_outplan *p, const char *path);
/* Records an output; returns its index. */
size_t vb_outplan_add_output(struct vb_outplan *p, const char *path);

/* What is wrong with output k, in Swedish (malloc'd), or NULL: it is an
 * existing file that is not a regular file, or the same file as an input
 * or as another output of the run. */
char *vb_outplan_conflict(const struct vb_outplan *p, size_t k);

/* Writes output k's bytes to a temporary file beside it. 0 or -1 (errno). */
int vb_outplan_stage(struct vb_outplan *p, size_t k, const void *data,
		     size_t len);

/* Renames every staged output into place, all or none: on a failure the
 * outputs already renamed are put back as they were. 0, or -1 with errno
 * set and *failed the index that failed. */
int vb_outplan_commit(struct vb_outplan *p, size_t *failed);

#endif
