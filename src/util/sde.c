/* sde.c - see sde.h. */
#include "util/sde.h"

#include <errno.h>
#include <stdlib.h>

int
vb_source_date(time_t *t)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (s && *s) {
		char *end = NULL;
		errno = 0;
		long long v = strtoll(s, &end, 10);
		/* 253402300800: 10000-01-01, the first date ISO 8601's four
		 * year digits cannot write. */
		if (errno == 0 && end && *end == '\0' && v >= 0 &&
		    v < 253402300800LL) {
			*t = (time_t)v;
			return 1;
		}
	}
	*t = time(NULL);
	return 0;
}
