/*
 * driver.c - runs a fuzz harness without libFuzzer: each file named on the
 * command line is read into a buffer of exactly its size (so reading past
 * the end is caught by valgrind as it is by ASan) and passed to
 * LLVMFuzzerTestOneInput(). `make memcheck` links it with fuzz_report.c and
 * fuzz_layout.c into plain (unsanitised) programs and runs them under
 * valgrind over the seed corpora and the kept fuzz findings.
 *
 * Exit status: 0 when every file was read, 1 when one could not be.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	unsigned char *buf = malloc(cap);
	size_t r;
	while (buf && (r = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += r;
		if (n == cap) {
			unsigned char *nb = realloc(buf, cap *= 2);
			if (nb == NULL)
				free(buf);
			buf = nb;
		}
	}
	int bad = ferror(fp);
	fclose(fp);
	if (buf == NULL || bad) {
		free(buf);
		return NULL;
	}
	/* An exact-size copy: one byte past the input is out of bounds. */
	unsigned char *exact = malloc(n ? n : 1);
	if (exact)
		memcpy(exact, buf, n);
	free(buf);
	*len = n;
	return exact;
}

int
main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		size_t len = 0;
		unsigned char *data = slurp(argv[i], &len);
		if (data == NULL) {
			fprintf(stderr, "driver: cannot read %s\n", argv[i]);
			rc = 1;
			continue;
		}
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	return rc;
}
