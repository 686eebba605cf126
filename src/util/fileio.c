/* fileio.c - see fileio.h. */
#define _POSIX_C_SOURCE 200809L
#include "util/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"

int
vb_read_file(const char *path, size_t max, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return -1;
	}
	size_t cap = 64 * 1024, n = 0;
	char *buf = vb_malloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(buf);
				close(fd);
				return -2;
			}
			cap *= 2;
			buf = vb_reallocarray(buf, cap + 1, 1);
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(buf);
			close(fd);
			errno = e;
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > max) {
		free(buf);
		return -2;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int
vb_write_atomic(const char *path, const void *data, size_t len)
{
	char *tmp = vb_asprintf("%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		errno = e;
		return -1;
	}
	/* mkstemp makes the file 0600; outputs are documents to share. */
	mode_t um = umask(0);
	umask(um);
	(void)fchmod(fd, 0666 & ~um);

	const char *p = data;
	size_t left = len;
	while (left > 0) {
		ssize_t w = write(fd, p, left);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		p += w;
		left -= (size_t)w;
	}
	if (fsync(fd) != 0 && errno != EINVAL)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	return 0;
fail:;
	int e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	errno = e;
	return -1;
}

int
vb_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

const char *
vb_strerror_sv(int err)
{
	switch (err) {
	case ENOENT:
		return "filen eller katalogen finns inte";
	case EACCES:
	case EPERM:
		return "behörighet saknas";
	case EISDIR:
		return "det är en katalog, inte en fil";
	case ENOTDIR:
		return "en del av sökvägen är inte en katalog";
	case ENOSPC:
		return "disken är full";
	case EROFS:
		return "filsystemet är skrivskyddat";
	case EDQUOT:
		return "diskkvoten är slut";
	case ENAMETOOLONG:
		return "sökvägen är för lång";
	case EIO:
		return "in/ut-fel på disken";
	default:
		return strerror(err);
	}
}
