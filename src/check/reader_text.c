/* reader_text.c - see reader_text.h. */
#include "check/reader_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

enum cls { C_KEEP, C_DROP, C_SPACE, C_DASH, C_PLUS, C_DIGIT };

/* What a reader makes of code point u (*digit for C_DIGIT). */
static enum cls
classify(uint32_t u, char *digit)
{
	if (u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == 0xA0 ||
	    (u >= 0x2000 && u <= 0x200A) || u == 0x202F || u == 0x205F ||
	    u == 0x3000 || u == 0x1680)
		return C_SPACE;
	if (u == 0x00AD || (u >= 0x200B && u <= 0x200F) ||
	    (u >= 0x202A && u <= 0x202E) || (u >= 0x2060 && u <= 0x2064) ||
	    (u >= 0x2066 && u <= 0x206F) || u == 0xFEFF || u == 0x180E ||
	    u == 0x034F || u == 0x061C || (u >= 0xFE00 && u <= 0xFE0F))
		return C_DROP;	/* invisible: soft hyphen, zero widths,
				 * joiners, bidi marks, variation selectors */
	if (u == 0x2010 || u == 0x2011 || u == 0x2012 || u == 0x2013 ||
	    u == 0x2014 || u == 0x2015 || u == 0x2212 || u == 0x2043 ||
	    u == 0xFE58 || u == 0xFE63 || u == 0xFF0D || u == 0x02D7 ||
	    u == 0x2E3A || u == 0x2E3B || u == 0x058A || u == 0x1806)
		return C_DASH;
	if (u == 0xFF0B || u == 0xFE62 || u == 0x207A)
		return C_PLUS;
	if (u >= 0xFF10 && u <= 0xFF19) {	/* full-width digits */
		*digit = (char)('0' + (u - 0xFF10));
		return C_DIGIT;
	}
	if (u >= 0x0660 && u <= 0x0669) {	/* Arabic-Indic digits */
		*digit = (char)('0' + (u - 0x0660));
		return C_DIGIT;
	}
	if (u >= 0x06F0 && u <= 0x06F9) {
		*digit = (char)('0' + (u - 0x06F0));
		return C_DIGIT;
	}
	return C_KEEP;
}

/* Decodes one UTF-8 sequence at s (n > 0 bytes); returns its length. The
 * parser has already refused invalid UTF-8, but a bad byte is kept as a
 * one-byte character rather than trusted. */
static size_t
decode(const unsigned char *s, size_t n, uint32_t *u)
{
	unsigned c = s[0];
	size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 :
			      (c >> 3) == 30 ? 4 : 1;
	if (k > n)
		k = 1;
	if (k == 1) {
		*u = c;
		return 1;
	}
	uint32_t v = c & (0x7F >> k);
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*u = c;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	*u = v;
	return k;
}

static void
put(struct vb_rtext *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 256;
		while (t->len + n + 1 > cap)
			cap *= 2;
		t->buf = vb_reallocarray(t->buf, cap, 1);
		t->cap = cap;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

static void
mark(struct vb_rtext *t, long line)
{
	if (t->nmark > 0 && t->mark[t->nmark - 1].off == t->len) {
		t->mark[t->nmark - 1].line = line;
		return;
	}
	if (t->nmark == t->capmark) {
		t->capmark = t->capmark ? t->capmark * 2 : 16;
		t->mark = vb_reallocarray(t->mark, t->capmark, sizeof *t->mark);
	}
	t->mark[t->nmark].off = t->len;
	t->mark[t->nmark].line = line;
	t->nmark++;
}

void
vb_rtext_add(struct vb_rtext *t, const char *s, size_t len, long line)
{
	const unsigned char *p = (const unsigned char *)s;
	mark(t, line);
	for (size_t i = 0; i < len;) {
		/* A run of what a reader keeps as it is goes in one copy:
		 * printable ASCII, a single space (not after another: runs
		 * collapse) and U+00C0..U+00FF (å ä ö é) - most of a report's
		 * text, and a yearbook checks some 450 reports */
		size_t j = i;
		for (;;) {
			if (j < len && p[j] > ' ' && p[j] < 0x7F) {
				j++;
			} else if (j < len && p[j] == ' ' &&
				   (j > i ? p[j - 1] != ' '
					  : t->len == 0 || t->buf[t->len - 1] != ' ')) {
				j++;
			} else if (j + 1 < len && p[j] == 0xC3 &&
				   (p[j + 1] & 0xC0) == 0x80) {
				j += 2;
			} else {
				break;
			}
		}
		if (j > i) {
			put(t, s + i, j - i);
			i = j;
			continue;
		}
		uint32_t u;
		size_t k = decode(p + i, len - i, &u);
		char d = 0;
		switch (classify(u, &d)) {
		case C_DROP:
			break;
		case C_SPACE:
			/* Runs of space are one space to a reader (HTML
			 * collapses them, the typesetter too). */
			if (t->len == 0 || t->buf[t->len - 1] != ' ')
				put(t, " ", 1);
			break;
		case C_DASH:
			put(t, "-", 1);
			break;
		case C_PLUS:
			put(t, "+", 1);
			break;
		case C_DIGIT:
			put(t, &d, 1);
			break;
		case C_KEEP:
			put(t, s + i, k);
			break;
		}
		if (u == '\n')
			mark(t, ++line);
		i += k;
	}
}

long
vb_rtext_line(const struct vb_rtext *t, size_t off)
{
	size_t lo = 0, hi = t->nmark;	/* last mark with mark.off <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->mark[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return t->nmark ? t->mark[lo].line : 0;
}

void
vb_rtext_clear(struct vb_rtext *t)
{
	t->len = 0;
	t->nmark = 0;
	if (t->buf)
		t->buf[0] = '\0';
}

void
vb_rtext_free(struct vb_rtext *t)
{
	free(t->buf);
	free(t->mark);
	memset(t, 0, sizeof *t);
}
