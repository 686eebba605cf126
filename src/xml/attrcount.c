/* attrcount.c - see attrcount.h. */
#include "xml/attrcount.h"

#include <string.h>

/* Offset just past the first occurrence of end at or after i, or len. */
static size_t
skip_past(const char *buf, size_t len, size_t i, const char *end)
{
	size_t m = strlen(end);
	while (i + m <= len) {
		const char *q = memchr(buf + i, end[0], len - i - m + 1);
		if (q == NULL)
			break;
		i = (size_t)(q - buf);
		if (memcmp(buf + i, end, m) == 0)
			return i + m;
		i++;
	}
	return len;
}

/* The line of offset off: counted only for a finding, so that the scan
 * itself looks at text between tags with memchr alone. */
static long
line_at(const char *buf, size_t off)
{
	long line = 1;
	for (const char *p = buf, *e = buf + off;
	     (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
		line++;
	return line;
}

/* What ends a tag's name (strchr(" \t\r\n/>=", c) without the call). */
static int
name_stop(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' ||
	       c == '>' || c == '=' || c == '\0';
}

static int
starts(const char *buf, size_t len, size_t i, const char *s)
{
	size_t m = strlen(s);
	return i + m <= len && memcmp(buf + i, s, m) == 0;
}

int
vb_xml_attr_bound(const char *buf, size_t len, struct vb_diags *d)
{
	size_t i = 0;
	while (i < len) {
		const char *lt = memchr(buf + i, '<', len - i);
		if (lt == NULL)
			break;
		i = (size_t)(lt - buf);
		char c;
		if (starts(buf, len, i, "<!--")) {
			i = skip_past(buf, len, i + 4, "-->");
			continue;
		}
		if (starts(buf, len, i, "<![CDATA[")) {
			i = skip_past(buf, len, i + 9, "]]>");
			continue;
		}
		if (starts(buf, len, i, "<?")) {
			i = skip_past(buf, len, i + 2, "?>");
			continue;
		}
		if (starts(buf, len, i, "<!"))
			return 0;	/* a DOCTYPE: the loader refuses it */
		/* A start or end tag: each '=' outside a quoted value begins
		 * an attribute's value. */
		size_t tag = i, name = i + 1, name_end = name;
		while (name_end < len && !name_stop(buf[name_end]))
			name_end++;
		size_t attrs = 0;
		for (i++; i < len; i++) {
			c = buf[i];
			if (c == '"' || c == '\'') {
				/* a quoted value: nothing in it counts */
				const char *q = memchr(buf + i + 1, c, len - i - 1);
				if (q == NULL) {
					i = len;
					break;
				}
				i = (size_t)(q - buf);
			} else if (c == '=') {
				attrs++;
			} else if (c == '>' || c == '<') {
				break;
			}
		}
		if (attrs > VB_MAX_ATTRIBUTES) {
			size_t n = name_end - name;
			if (n > 40)
				n = 40;
			vb_diag(d, VB_E_TOO_BIG, line_at(buf, tag),
				"elementet <%.*s> har %zu attribut; högst %d är tillåtna",
				(int)n, buf + name, attrs, VB_MAX_ATTRIBUTES);
			return 1;
		}
		if (i < len && buf[i] == '>')
			i++;
	}
	return 0;
}
