/* termtext.c - see termtext.h. */
#include "util/termtext.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/utf8.h"

/* Characters that change how a line is shown rather than being shown. */
static int
is_hidden_format(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) ||	/* C1 controls */
	       cp == 0x061C ||			/* Arabic letter mark */
	       cp == 0x200E || cp == 0x200F ||	/* LRM, RLM */
	       cp == 0x2028 || cp == 0x2029 ||	/* line, paragraph separator */
	       (cp >= 0x202A && cp <= 0x202E) ||	/* embeddings, overrides */
	       (cp >= 0x2066 && cp <= 0x2069);	/* isolates */
}

char *
vb_term_escape(const char *s)
{
	size_t len = strlen(s);
	/* At most 6 bytes out per byte in ("\x1B" is 4 for 1, "\u202E" 6
	 * for 3, "\xFF" 4 for 1). */
	char *out = vb_malloc(len * 4 + 1);
	size_t o = 0, i = 0;
	while (i < len) {
		size_t at = i;
		unsigned char b = (unsigned char)s[i];
		if (b < 0x20 || b == 0x7F) {
			o += (size_t)sprintf(out + o, "\\x%02X", b);
			i++;
			continue;
		}
		if (b < 0x80) {
			out[o++] = (char)b;
			i++;
			continue;
		}
		uint32_t cp;
		vb_utf8_decode(s, len, &i, &cp);
		if (cp == 0xFFFD && !(i - at == 3 &&
				      memcmp(s + at, "\xEF\xBF\xBD", 3) == 0)) {
			/* Not UTF-8: the byte itself, visibly. */
			o += (size_t)sprintf(out + o, "\\x%02X", b);
			i = at + 1;
		} else if (is_hidden_format(cp)) {
			o += (size_t)sprintf(out + o, "\\u%04X", (unsigned)cp);
		} else {
			memcpy(out + o, s + at, i - at);
			o += i - at;
		}
	}
	out[o] = '\0';
	return out;
}

int
vb_fputs_term(const char *s, FILE *fp)
{
	char *e = vb_term_escape(s);
	int r = fputs(e, fp);
	free(e);
	return r;
}

const char *
vb_term(const char *s)
{
	static char *ring[8];
	static unsigned next;
	unsigned k = next++ % 8;
	free(ring[k]);
	ring[k] = vb_term_escape(s ? s : "");
	return ring[k];
}
