/*
 * utf8.h - the one UTF-8 decoder and encoder of the program.
 *
 * Strict: an overlong form, a surrogate, a value above U+10FFFF or a
 * truncated sequence decodes as U+FFFD and advances one byte, so every
 * caller sees the same characters in the same text (the typesetter's
 * widths, the PDF's font subsets and its metadata).
 */
#ifndef VB_UTF8_H
#define VB_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at str[*i] (len bytes in all) into *cp and
 * advances *i. Returns 0 at the end, else 1. */
int vb_utf8_decode(const char *str, size_t len, size_t *i, uint32_t *cp);

/* Writes cp (at most U+10FFFF) to out (4 bytes of room); returns the
 * number of bytes written. */
size_t vb_utf8_encode(uint32_t cp, char *out);

#endif
