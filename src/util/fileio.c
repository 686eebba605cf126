/* fileio.c - see fileio.h. */
#define _POSIX_C_SOURCE 200809L
#include "util/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"

/* ---- temporary files removed on a fatal signal ----
 * A fixed table, so the handler touches no heap and calls only unlink(2)
 * (async-signal-safe). A run has at most a few outputs in flight (the
 * yearbook's PDF and HTML); a name that does not fit is simply not
 * registered: the write still works, only the cleanup on a signal is lost. */
#define TMP_SLOTS 16
static char tmp_names[TMP_SLOTS][PATH_MAX];
static volatile sig_atomic_t tmp_used[TMP_SLOTS];

static void
block_signals(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void
tmp_register(const char *name)
{
	sigset_t old;
	if (strlen(name) >= PATH_MAX)
		return;
	block_signals(&old);
	for (int i = 0; i < TMP_SLOTS; i++)
		if (!tmp_used[i]) {
			strcpy(tmp_names[i], name);
			tmp_used[i] = 1;
			break;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void
tmp_unregister(const char *name)
{
	sigset_t old;
	block_signals(&old);
	for (int i = 0; i < TMP_SLOTS; i++)
		if (tmp_used[i] && strcmp(tmp_names[i], name) == 0) {
			tmp_used[i] = 0;
			break;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void
vb_tmp_track(const char *name)
{
	tmp_register(name);
}

void
vb_tmp_untrack(const char *name)
{
	tmp_unregister(name);
}

static void
on_fatal_signal(int sig)
{
	for (int i = 0; i < TMP_SLOTS; i++)
		if (tmp_used[i])
			unlink(tmp_names[i]);
	/* SA_RESETHAND restored the default action; the signal is blocked
	 * while we run, so it is delivered (and kills us) on return. */
	raise(sig);
}

void
vb_install_signal_cleanup(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old, sa;
		/* A signal ignored by whoever started us (nohup, a
		 * background job) stays ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_fatal_signal;
		sa.sa_flags = SA_RESETHAND;
		sigemptyset(&sa.sa_mask);
		sigaddset(&sa.sa_mask, SIGINT);
		sigaddset(&sa.sa_mask, SIGTERM);
		sigaddset(&sa.sa_mask, SIGHUP);
		sigaction(sigs[i], &sa, NULL);
	}
}

/* ---- reading ---- */

int
vb_read_file(const char *path, size_t max, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	/* Look before opening: opening a device can have effects of its
	 * own, and a FIFO would block until a writer comes. */
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if (!S_ISREG(st.st_mode))
		return VB_READ_NOT_REGULAR;
	/* O_NONBLOCK in case it was swapped for a FIFO since the stat. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
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
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return VB_READ_NOT_REGULAR;
	}
	if (st.st_size > 0 && (unsigned long long)st.st_size > max) {
		close(fd);
		return VB_READ_TOO_BIG;
	}
	size_t cap = 64 * 1024, n = 0;
	char *buf = vb_malloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(buf);
				close(fd);
				return VB_READ_TOO_BIG;
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
		return VB_READ_TOO_BIG;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/* ---- writing ---- */

/* 0 when path does not exist or is a regular file (or a link to one);
 * -1 with errno VB_ENOTREG when it is something else. */
static int
target_ok(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;
	if (S_ISREG(st.st_mode))
		return 0;
	errno = S_ISDIR(st.st_mode) ? EISDIR : VB_ENOTREG;
	return -1;
}

char *
vb_tmp_stage(const char *path, const void *data, size_t len)
{
	if (target_ok(path) != 0)
		return NULL;
	char *tmp = vb_asprintf("%s.tmpXXXXXX", path);
	sigset_t old;
	/* Register in the same breath as creating it, so no signal can
	 * come between and leave it behind. */
	block_signals(&old);
	int fd = mkstemp(tmp);
	int e = errno;
	if (fd >= 0)
		tmp_register(tmp);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd < 0) {
		free(tmp);
		errno = e;
		return NULL;
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
	return tmp;
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	vb_tmp_discard(tmp);
	errno = e;
	return NULL;
}

int
vb_tmp_commit(char *tmp, const char *path)
{
	/* Checked again right before the rename: the plan looked earlier. */
	if (target_ok(path) != 0) {
		int e = errno;
		vb_tmp_discard(tmp);
		errno = e;
		return -1;
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		vb_tmp_discard(tmp);
		errno = e;
		return -1;
	}
	tmp_unregister(tmp);
	free(tmp);
	return 0;
}

void
vb_tmp_discard(char *tmp)
{
	if (tmp == NULL)
		return;
	int e = errno;
	unlink(tmp);
	tmp_unregister(tmp);
	free(tmp);
	errno = e;
}

int
vb_write_atomic(const char *path, const void *data, size_t len)
{
	char *tmp = vb_tmp_stage(path, data, len);
	if (tmp == NULL)
		return -1;
	return vb_tmp_commit(tmp, path);
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
vb_file_kind_sv(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return "en fil som inte finns";
	if (S_ISFIFO(st.st_mode))
		return "en namngiven rörledning (FIFO)";
	if (S_ISCHR(st.st_mode))
		return "en teckenenhet (t.ex. /dev/null)";
	if (S_ISBLK(st.st_mode))
		return "en blockenhet";
	if (S_ISSOCK(st.st_mode))
		return "en uttagsfil (socket)";
	if (S_ISDIR(st.st_mode))
		return "en katalog";
	if (S_ISREG(st.st_mode))
		return "en vanlig fil";
	return "inte en vanlig fil";
}

const char *
vb_strerror_sv(int err)
{
	static char other[64];
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
	case EEXIST:
		return "filen finns redan";
	case EFBIG:
		return "filen blir för stor för filsystemet";
	case ELOOP:
		return "för många symboliska länkar i sökvägen";
	case EMFILE:
	case ENFILE:
		return "för många öppna filer";
	case ENOMEM:
		return "minnet räcker inte";
	case EBUSY:
	case ETXTBSY:
		return "filen används av ett annat program";
	case EXDEV:
		return "filen ligger på ett annat filsystem";
	case EPIPE:
		return "mottagaren har slutat läsa";
	case EAGAIN:
		return "filen är inte redo att läsas";
	case ENXIO:
	case ENODEV:
		return "enheten finns inte";
	case EINVAL:
		return "ogiltig åtgärd för den här filen";
	case EBADF:
		return "filen är inte öppen";
	case VB_ENOTREG:
		return "det är inte en vanlig fil (utan t.ex. en enhet eller en namngiven rörledning)";
	default:
		snprintf(other, sizeof(other), "okänt systemfel (nummer %d)", err);
		return other;
	}
}
