/*
 * grow.h - room in a byte buffer that doubles as it fills.
 *
 * For the buffers that must survive running out of memory (the caller
 * marks itself failed and goes on, so a PDF or a dictionary load can
 * give up cleanly) rather than exit as vb_malloc does.
 */
#ifndef VB_GROW_H
#define VB_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* Makes *cap at least need: from 4096 bytes, doubling, *buf realloc'ed.
 * False when out of memory; *buf and *cap are then as they were. */
bool vb_grow(char **buf, size_t *cap, size_t need);

#endif
