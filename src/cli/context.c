/* context.c - the data folder, the input list, output names and writes. */
#define _DEFAULT_SOURCE
#include "cli/cli.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/fileio.h"

#ifndef VB_DATADIR
#define VB_DATADIR "/usr/local/share/vastbus"
#endif

static int
has_data(const char *dir)
{
	char *p = vb_asprintf("%s/schema/arsberattelse.xsd", dir);
	int ok = access(p, R_OK) == 0;
	free(p);
	return ok;
}

int
vb_ctx_init(struct vb_ctx *ctx)
{
	const char *env = getenv("VASTBUS_DATA");
	if (env && *env) {
		vb_ctx_open(ctx, env);
		return 0;
	}
	/* Run from the build tree: ./vastbus, or build-san/vastbus below it. */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 2; up++) {
			char *slash = strrchr(exe, '/');
			if (slash == NULL)
				break;
			*slash = '\0';
			if (has_data(exe)) {
				vb_ctx_open(ctx, exe);
				return 0;
			}
		}
	}
	vb_ctx_open(ctx, VB_DATADIR);
	return 0;
}

int
vb_write_output(const char *name, const void *data, size_t len,
		struct vb_diags *d)
{
	if (vb_write_atomic(name, data, len) != 0) {
		vb_diag(d, VB_S_WRITE, 0, "%s: %s", name, vb_strerror_sv(errno));
		return -1;
	}
	return 0;
}

static void
push(struct vb_inputs *in, char *s, int from_dir)
{
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 16;
		in->v = vb_reallocarray(in->v, in->cap, sizeof(char *));
		in->from_dir = vb_reallocarray(in->from_dir, in->cap, 1);
	}
	in->from_dir[in->n] = (unsigned char)from_dir;
	in->v[in->n++] = s;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
ends_with_xml(const char *s)
{
	size_t n = strlen(s);
	return n > 4 && strcmp(s + n - 4, ".xml") == 0;
}

void
vb_inputs_expand(struct vb_inputs *in, char *const *args, int nargs)
{
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			DIR *dir = opendir(args[i]);
			if (dir == NULL) {
				push(in, vb_strdup(args[i]), 0);
				continue;
			}
			size_t first = in->n;
			struct dirent *e;
			while ((e = readdir(dir)) != NULL) {
				if (e->d_name[0] == '.' || !ends_with_xml(e->d_name))
					continue;
				const char *sep =
					args[i][strlen(args[i]) - 1] == '/' ? "" : "/";
				push(in, vb_asprintf("%s%s%s", args[i], sep, e->d_name), 1);
			}
			closedir(dir);
			if (in->n - first > 1)
				qsort(in->v + first, in->n - first, sizeof(char *),
				      cmp_str);
		} else {
			push(in, vb_strdup(args[i]), 0);
		}
	}
}

void
vb_inputs_free(struct vb_inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->v[i]);
	free(in->v);
	free(in->from_dir);
	memset(in, 0, sizeof(*in));
}

char *
vb_output_name(const char *in, const char *out, const char *dir,
	       const char *ext)
{
	if (out)
		return vb_strdup(out);
	const char *base = strrchr(in, '/');
	base = base ? base + 1 : in;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
		n -= 4;
	if (dir)
		return vb_asprintf("%s%s%.*s%s", dir,
				   dir[strlen(dir) - 1] == '/' ? "" : "/",
				   (int)n, base, ext);
	return vb_asprintf("%.*s%.*s%s", (int)(base - in), in, (int)n, base, ext);
}
