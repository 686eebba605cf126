/*
 * grow.c - room in a byte buffer that doubles as it fills (grow.h).
 */
#include "grow.h"

#include <stdlib.h>

bool
vb_grow(char **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return true;
	size_t nc = *cap ? *cap * 2 : 4096;
	while (nc < need)
		nc *= 2;
	char *nb = realloc(*buf, nc);
	if (nb == NULL)
		return false;
	*buf = nb;
	*cap = nc;
	return true;
}
