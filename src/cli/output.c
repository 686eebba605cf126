/* output.c - the run's output plan in the command line's terms: conflicts
 * become Swedish findings, staged outputs are committed together. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "util/fileio.h"
#include "util/outplan.h"

size_t
vb_plan_check(const struct vb_outplan *plan, struct vb_diags *d)
{
	size_t bad = 0;
	for (size_t k = 0; k < plan->nout; k++) {
		char *why = vb_outplan_conflict(plan, k);
		if (why) {
			vb_diag(d, VB_S_WRITE, 0, "%s", why);
			free(why);
			bad++;
		}
	}
	return bad;
}

int
vb_plan_write(struct vb_outplan *plan, const void *const *data,
	      const size_t *len, struct vb_diags *d)
{
	for (size_t k = 0; k < plan->nout; k++) {
		if (data[k] == NULL)
			continue;
		if (vb_outplan_stage(plan, k, data[k], len[k]) != 0) {
			vb_diag(d, VB_S_WRITE, 0, "%s: %s", plan->out[k].path,
				vb_strerror_sv(errno));
			return -1;	/* vb_outplan_free drops what was staged */
		}
	}
	size_t failed = 0;
	if (vb_outplan_commit(plan, &failed) != 0) {
		vb_diag(d, VB_S_WRITE, 0, "%s: %s", plan->out[failed].path,
			vb_strerror_sv(errno));
		return -1;
	}
	return 0;
}

static int stdout_errno;

size_t
vb_stdout_write(const void *p, size_t n)
{
	errno = 0;
	size_t w = fwrite(p, 1, n, stdout);
	if (w != n && stdout_errno == 0)
		stdout_errno = errno ? errno : EIO;
	return w;
}

int
vb_stdout_errno(void)
{
	return stdout_errno;
}
