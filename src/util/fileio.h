/*
 * fileio.h - bounded reading and atomic writing.
 * Outputs are written to a temporary file beside the target and renamed
 * over it only when complete, so a reader never sees half a PDF and an
 * interrupted run leaves the old file in place. Temporary files are
 * registered while they exist, so that SIGINT, SIGTERM and SIGHUP remove
 * them before the program dies (SIGKILL cannot be caught: then a
 * NAME.tmpXXXXXX may stay beside the target; the target itself is whole).
 */
#ifndef VB_FILEIO_H
#define VB_FILEIO_H

#include <stddef.h>
#include <sys/types.h>

/* vb_read_file's results besides 0 and -1. */
#define VB_READ_TOO_BIG (-2)	/* larger than max */
#define VB_READ_NOT_REGULAR (-3)	/* a FIFO, device, socket… (never opened blocking) */

/* Reads at most max bytes of path into a malloc'd, NUL-terminated buffer.
 * Only regular files are read: anything else is refused without blocking
 * (a FIFO is opened non-blocking and never read). Returns 0, -1 with errno
 * set on an I/O error, VB_READ_TOO_BIG or VB_READ_NOT_REGULAR. */
int vb_read_file(const char *path, size_t max, char **out, size_t *len);

/* Writes len bytes to path atomically (temp file + fsync + rename).
 * Returns 0 or -1 with errno set; the target is untouched on failure.
 * An existing target that is not a regular file is refused (errno
 * VB_ENOTREG): renaming over /dev/null or a FIFO would replace it. */
int vb_write_atomic(const char *path, const void *data, size_t len);

/* Writes data to a new temporary file beside path (registered for signal
 * cleanup) and returns its malloc'd name, or NULL with errno set. The
 * caller renames it with vb_tmp_commit or drops it with vb_tmp_discard. */
char *vb_tmp_stage(const char *path, const void *data, size_t len);
int vb_tmp_commit(char *tmp, const char *path);	/* rename; frees tmp */
void vb_tmp_discard(char *tmp);
/* Another temporary name (the hard link that keeps an old output during
 * a commit) removed on SIGINT/SIGTERM/SIGHUP until untracked. */
void vb_tmp_track(const char *name);
void vb_tmp_untrack(const char *name);			/* unlink; frees tmp */

/* Installs the handlers that remove registered temporary files on SIGINT,
 * SIGTERM and SIGHUP and then die of the same signal. */
void vb_install_signal_cleanup(void);

/* errno value vb_write_atomic and the output plan use for "the existing
 * output is not a regular file". */
#define VB_ENOTREG 10079

/* True when a and b name the same existing file (device and inode). */
int vb_same_file(const char *a, const char *b);

/* Swedish text for an errno value (the C library's texts are English). */
const char *vb_strerror_sv(int err);

/* Swedish name of the kind of a non-regular file at path ("en namngiven
 * rörledning (FIFO)", "en enhetsfil", …), for messages. */
const char *vb_file_kind_sv(const char *path);

#endif
