/*
 * fileio.h - bounded reading and atomic writing.
 * Outputs are written to a temporary file beside the target and renamed
 * over it only when complete, so a reader never sees half a PDF and an
 * interrupted run leaves the old file in place.
 */
#ifndef VB_FILEIO_H
#define VB_FILEIO_H

#include <stddef.h>

/* Reads at most max bytes of path into a malloc'd, NUL-terminated buffer.
 * Returns 0, -1 with errno set on an I/O error, or -2 when the file is
 * larger than max. */
int vb_read_file(const char *path, size_t max, char **out, size_t *len);

/* Writes len bytes to path atomically (temp file + fsync + rename).
 * Returns 0 or -1 with errno set; the target is untouched on failure. */
int vb_write_atomic(const char *path, const void *data, size_t len);

/* True when a and b name the same existing file (device and inode). */
int vb_same_file(const char *a, const char *b);

/* Swedish text for an errno value (the C library's texts are English). */
const char *vb_strerror_sv(int err);

#endif
