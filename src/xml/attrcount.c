/* attrcount.c - see attrcount.h. */
#include "xml/attrcount.h"

#include <string.h>

/* Offset just past the first occurrence of end at or after i, or len. */
static size_t
skip_past(const char *buf, size_t len, size_t i, const char *end,
	  long *line)
{
	size_t m = strlen(end);
	for (; i + m <= len; i++) {
		if (buf[i] == '\n')
			(*line)++;
		if (memcmp(buf + i, end, m) == 0)
			return i + m;
	}
	return len;
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
	long line = 1;
	size_t i = 0;
	while (i < len) {
		char c = buf[i];
		if (c == '\n')
			line++;
		if (c != '<') {
			i++;
			continue;
		}
		if (starts(buf, len, i, "<!--")) {
			i = skip_past(buf, len, i + 4, "-->", &line);
			continue;
		}
		if (starts(buf, len, i, "<![CDATA[")) {
			i = skip_past(buf, len, i + 9, "]]>", &line);
			continue;
		}
		if (starts(buf, len, i, "<?")) {
			i = skip_past(buf, len, i + 2, "?>", &line);
			continue;
		}
		if (starts(buf, len, i, "<!"))
			return 0;	/* a DOCTYPE: the loader refuses it */
		/* A start or end tag: each '=' outside a quoted value begins
		 * an attribute's value. */
		long tag_line = line;
		size_t name = i + 1, name_end = name;
		while (name_end < len && !strchr(" \t\r\n/>=", buf[name_end]))
			name_end++;
		size_t attrs = 0;
		char quote = 0;
		for (i++; i < len; i++) {
			c = buf[i];
			if (c == '\n')
				line++;
			if (quote) {
				if (c == quote)
					quote = 0;
			} else if (c == '"' || c == '\'') {
				quote = c;
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
			vb_diag(d, VB_E_TOO_BIG, tag_line,
				"elementet <%.*s> har %zu attribut; högst %d är tillåtna",
				(int)n, buf + name, attrs, VB_MAX_ATTRIBUTES);
			return 1;
		}
		if (i < len && buf[i] == '>')
			i++;
	}
	return 0;
}
