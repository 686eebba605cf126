/* outplan.c - see outplan.h. */
#define _POSIX_C_SOURCE 200809L
#include "util/outplan.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/fileio.h"

void
vb_outplan_init(struct vb_outplan *p)
{
	memset(p, 0, sizeof(*p));
}

static void
file_free(struct vb_planfile *f)
{
	free(f->path);
	free(f->base);
	vb_tmp_discard(f->tmp);
}

void
vb_outplan_free(struct vb_outplan *p)
{
	for (size_t i = 0; i < p->nin; i++)
		file_free(&p->in[i]);
	for (size_t i = 0; i < p->nout; i++)
		file_free(&p->out[i]);
	free(p->in);
	free(p->out);
	memset(p, 0, sizeof(*p));
}

/* Fills f's identity: the file's own, and its folder's with the last
 * name, so two names of a file not yet made can be compared too. */
static void
identify(struct vb_planfile *f, const char *path)
{
	memset(f, 0, sizeof(*f));
	f->path = vb_strdup(path);
	struct stat st;
	if (stat(path, &st) == 0) {
		f->exists = 1;
		f->regular = S_ISREG(st.st_mode);
		f->dev = st.st_dev;
		f->ino = st.st_ino;
	}
	/* Trailing slashes belong to no name: "UT/bok/" is "bok" in "UT". */
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	const char *slash = NULL;
	for (size_t i = 0; i < n; i++)
		if (path[i] == '/')
			slash = path + i;
	char *dir;
	if (slash == NULL) {
		dir = vb_strdup(".");
		f->base = vb_strndup(path, n);
	} else {
		dir = slash == path ? vb_strdup("/")
				    : vb_strndup(path, (size_t)(slash - path));
		f->base = vb_strndup(slash + 1, n - (size_t)(slash + 1 - path));
	}
	if (stat(dir, &st) == 0) {
		f->parent_known = 1;
		f->pdev = st.st_dev;
		f->pino = st.st_ino;
	}
	free(dir);
}

static struct vb_planfile *
grow(struct vb_planfile **v, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*v = vb_reallocarray(*v, *cap, sizeof(**v));
	}
	return &(*v)[(*n)++];
}

void
vb_outplan_add_input(struct vb_outplan *p, const char *path)
{
	identify(grow(&p->in, &p->nin, &p->capin), path);
}

size_t
vb_outplan_add_output(struct vb_outplan *p, const char *path)
{
	identify(grow(&p->out, &p->nout, &p->capout), path);
	return p->nout - 1;
}

static int
same(const struct vb_planfile *a, const struct vb_planfile *b)
{
	if (a->exists && b->exists)
		return a->dev == b->dev && a->ino == b->ino;
	if (a->exists != b->exists)
		return 0;
	/* Neither exists yet: the same name in the same folder. */
	if (a->parent_known && b->parent_known)
		return a->pdev == b->pdev && a->pino == b->pino &&
		       strcmp(a->base, b->base) == 0;
	return strcmp(a->path, b->path) == 0;
}

char *
vb_outplan_conflict(const struct vb_outplan *p, size_t k)
{
	const struct vb_planfile *o = &p->out[k];
	if (o->exists && !o->regular)
		return vb_asprintf("utfilen %s finns redan och är %s, inte en vanlig fil; den ersätts inte",
				   o->path, vb_file_kind_sv(o->path));
	for (size_t i = 0; i < p->nin; i++) {
		if (!same(o, &p->in[i]))
			continue;
		if (strcmp(o->path, p->in[i].path) == 0)
			return vb_asprintf("utfilen %s är en av indatafilerna; den skrivs inte över",
					   o->path);
		return vb_asprintf("utfilen %s är samma fil som indatafilen %s; den skrivs inte över",
				   o->path, p->in[i].path);
	}
	for (size_t j = 0; j < p->nout; j++) {
		if (j == k || !same(o, &p->out[j]))
			continue;
		if (strcmp(o->path, p->out[j].path) == 0)
			return vb_asprintf("två utfiler i samma körning heter %s; ingen av dem skrivs (använd olika namn eller kataloger)",
					   o->path);
		return vb_asprintf("utfilen %s är samma fil som utfilen %s i samma körning; ingen av dem skrivs",
				   o->path, p->out[j].path);
	}
	return NULL;
}

int
vb_outplan_stage(struct vb_outplan *p, size_t k, const void *data, size_t len)
{
	struct vb_planfile *o = &p->out[k];
	vb_tmp_discard(o->tmp);
	o->tmp = vb_tmp_stage(o->path, data, len);
	return o->tmp ? 0 : -1;
}

/* A second name for an existing target, so a commit can be undone. NULL
 * when the target does not exist or the file system has no hard links
 * (then that output cannot be put back; it is the last renamed, see
 * below). */
static char *
keep_old(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	for (int tries = 0; tries < 8; tries++) {
		char *bak = vb_asprintf("%s.tmpXXXXXX", path);
		int fd = mkstemp(bak);
		if (fd < 0) {
			free(bak);
			return NULL;
		}
		close(fd);
		unlink(bak);
		if (link(path, bak) == 0) {
			vb_tmp_track(bak);	/* not left behind on SIGINT */
			return bak;
		}
		int e = errno;
		free(bak);
		if (e != EEXIST)
			return NULL;
	}
	return NULL;
}

int
vb_outplan_commit(struct vb_outplan *p, size_t *failed)
{
	char **bak = vb_calloc(p->nout ? p->nout : 1, sizeof(char *));
	unsigned char *done = vb_calloc(p->nout ? p->nout : 1, 1);
	int rc = 0, e = 0;
	for (size_t k = 0; k < p->nout; k++) {
		struct vb_planfile *o = &p->out[k];
		if (o->tmp == NULL)
			continue;
		bak[k] = keep_old(o->path);
		char *tmp = o->tmp;
		o->tmp = NULL;
		if (vb_tmp_commit(tmp, o->path) != 0) {
			e = errno;
			rc = -1;
			if (failed)
				*failed = k;
			break;
		}
		done[k] = 1;
	}
	for (size_t k = 0; k < p->nout; k++) {
		if (rc != 0 && done[k]) {
			/* Undo: the old file back, or no file as before. */
			if (bak[k])
				rename(bak[k], p->out[k].path);
			else if (!p->out[k].exists)
				unlink(p->out[k].path);
		}
		if (bak[k]) {
			unlink(bak[k]);	/* gone already when renamed back */
			vb_tmp_untrack(bak[k]);
			free(bak[k]);
		}
		vb_tmp_discard(p->out[k].tmp);
		p->out[k].tmp = NULL;
	}
	free(bak);
	free(done);
	errno = e;
	return rc;
}
