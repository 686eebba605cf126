/*
 * reader_text.h - text as a reader sees it, for the personnummer scan.
 *
 * A number can be hidden from a byte-level search in ways that the PDF
 * and HTML never show: a no-break space or an en dash between date and
 * number, a zero-width space or soft hyphen inside it, a comment or a
 * processing instruction splitting one text into two nodes. The reader
 * text joins the pieces (markup boundaries vanish), drops invisible
 * characters, turns every space into one ASCII space and every dash
 * into '-', and full-width digits into ASCII. Each stretch of the result
 * remembers the source line it came from, so a finding still names the
 * line where the number stands.
 */
#ifndef VB_CHECK_READER_TEXT_H
#define VB_CHECK_READER_TEXT_H

#include <stddef.h>

struct vb_rtext {
	char *buf;		/* normalised UTF-8, NUL-terminated */
	size_t len, cap;
	struct vb_rmark {
		size_t off;	/* from this byte of buf on … */
		long line;	/* … the text came from this line */
	} *mark;
	size_t nmark, capmark;
};

/* Appends the text of one node (UTF-8, len bytes) that begins on line. */
void vb_rtext_add(struct vb_rtext *t, const char *s, size_t len, long line);
/* The source line of byte off of buf. */
long vb_rtext_line(const struct vb_rtext *t, size_t off);
/* Empties t for the next run, keeping its memory. */
void vb_rtext_clear(struct vb_rtext *t);
void vb_rtext_free(struct vb_rtext *t);

#endif
