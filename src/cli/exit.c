/* exit.c - the exit status from the findings: one rule for every command
 * (cli.h, the man page's SLUTSTATUS, the README). */
#include "cli/cli.h"

int
vb_exit_for(enum vb_diag_code code)
{
	switch (vb_diag_level(code)) {
	case VB_LEVEL_OK:
	case VB_LEVEL_WARNING:
		return VB_EXIT_OK;
	case VB_LEVEL_ERROR:
		return VB_EXIT_INVALID;
	case VB_LEVEL_SYSERR:
		break;
	}
	/* An input the user named that cannot be read is that file's
	 * problem, like an invalid one; every other system error means the
	 * program could not do its work (its data, the renderer, writing). */
	return code == VB_S_READ ? VB_EXIT_INVALID : VB_EXIT_SYSTEM;
}

int
vb_exit_worse(int a, int b)
{
	/* 3 (system) over 1 (invalid) over 0; 2 (usage) never meets a
	 * finding: it is decided before any file is read. */
	return a == VB_EXIT_SYSTEM || b == VB_EXIT_SYSTEM ? VB_EXIT_SYSTEM :
	       a == VB_EXIT_INVALID || b == VB_EXIT_INVALID ? VB_EXIT_INVALID :
	       VB_EXIT_OK;
}

int
vb_exit_status(const struct vb_diags *d)
{
	int rc = VB_EXIT_OK;
	for (size_t i = 0; i < d->n; i++)
		rc = vb_exit_worse(rc, vb_exit_for(d->v[i].code));
	return rc;
}
