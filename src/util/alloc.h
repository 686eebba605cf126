/*
 * alloc.h - allocation that never returns NULL (after mandoc_aux.c).
 * On exhaustion the program says so in Swedish and exits with status 3:
 * no caller has to handle a NULL it cannot do anything sensible with.
 */
#ifndef VB_ALLOC_H
#define VB_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *vb_malloc(size_t n);
void *vb_calloc(size_t n, size_t size);
void *vb_reallocarray(void *p, size_t n, size_t size);
char *vb_strdup(const char *s);
char *vb_strndup(const char *s, size_t n);
char *vb_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *vb_vasprintf(const char *fmt, va_list ap);

#endif
