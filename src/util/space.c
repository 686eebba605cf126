/* space.c - the one whitespace collapse (space.h). */
#include "util/space.h"

#include "util/alloc.h"

int
vb_is_xml_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *
vb_collapse_space(char *s)
{
	char *o = s;
	int space = 0;
	for (const char *p = s; *p; p++) {
		if (vb_is_xml_space((unsigned char)*p)) {
			space = o != s;	/* none before the first word */
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *p;
	}
	*o = '\0';	/* a run at the end is simply not copied */
	return s;
}

char *
vb_collapsed(const char *s)
{
	return vb_collapse_space(vb_strdup(s ? s : ""));
}
