/*
 * termtext.h - text from the input made safe for a terminal.
 *
 * Messages echo what the input holds (a file name from an e-mail
 * attachment, a kommun as written, a value the schema refused). A control
 * character in it could move the cursor, retitle the window or hide the
 * rest of the line (ESC sequences, CR, BS), and a bidirectional override
 * (U+202E) could make the line read differently from what it says. Such
 * characters are written as visible escapes instead: \x1B for C0 controls
 * and DEL, \u202E for C1 controls, bidi embeddings, overrides, isolates
 * and marks, and line and paragraph separators, and \xFF for a byte that
 * is not UTF-8. Everything else, Swedish letters included, is as is.
 */
#ifndef VB_TERMTEXT_H
#define VB_TERMTEXT_H

#include <stdio.h>

/* s escaped as above; malloc'd (the caller frees). */
char *vb_term_escape(const char *s);

/* s escaped as above, for a printf argument: the result is owned by a
 * ring of 8 buffers here and stays valid until 8 more calls (enough for
 * every argument of one message). NULL gives "". */
const char *vb_term(const char *s);

/* fputs(s, fp) with s escaped as above; returns like fputs. */
int vb_fputs_term(const char *s, FILE *fp);

#endif
