/* alloc.c - see alloc.h. */
#define _POSIX_C_SOURCE 200809L
#include "util/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void __attribute__((noreturn))
out_of_memory(void)
{
	fputs("vastbus: systemfel: minnet tog slut\n", stderr);
	exit(3);
}

void *
vb_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

void *
vb_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

void *
vb_reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		out_of_memory();
	size_t bytes = n * size;
	void *q = realloc(p, bytes ? bytes : 1);
	if (q == NULL)
		out_of_memory();
	return q;
}

char *
vb_strdup(const char *s)
{
	return vb_strndup(s, strlen(s));
}

char *
vb_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = vb_malloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
vb_vasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int len = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (len < 0)
		out_of_memory();
	char *p = vb_malloc((size_t)len + 1);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	return p;
}

char *
vb_asprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = vb_vasprintf(fmt, ap);
	va_end(ap);
	return p;
}
