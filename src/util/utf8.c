/* utf8.c - see utf8.h. */
#include "util/utf8.h"

int
vb_utf8_decode(const char *str, size_t len, size_t *i, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (*i >= len)
		return 0;
	unsigned b = s[*i];
	int n;
	uint32_t v, min;
	if (b < 0x80) {
		*cp = b;
		(*i)++;
		return 1;
	} else if ((b & 0xE0) == 0xC0) {
		n = 1; v = b & 0x1F; min = 0x80;
	} else if ((b & 0xF0) == 0xE0) {
		n = 2; v = b & 0x0F; min = 0x800;
	} else if ((b & 0xF8) == 0xF0) {
		n = 3; v = b & 0x07; min = 0x10000;
	} else {
		*cp = 0xFFFD;
		(*i)++;
		return 1;
	}
	if (*i + (size_t)n >= len) {
		*cp = 0xFFFD;
		(*i)++;
		return 1;
	}
	for (int k = 1; k <= n; k++) {
		unsigned cb = s[*i + (size_t)k];
		if ((cb & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			(*i)++;
			return 1;
		}
		v = (v << 6) | (cb & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = 0xFFFD;
	*cp = v;
	*i += (size_t)n + 1;
	return 1;
}

size_t
vb_utf8_encode(uint32_t cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
