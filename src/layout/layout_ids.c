/* layout_ids.c - the id set of the layout reader (see layout_ids.h). */
#include "layout_ids.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;          /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

/* The slot holding name, or the empty slot where it would go. */
static struct lay_idslot *find(const lay_idset *s, const char *name)
{
    size_t mask = s->cap - 1;
    for (size_t i = (size_t)hash(name) & mask;; i = (i + 1) & mask)
        if (!s->slot[i].name || strcmp(s->slot[i].name, name) == 0)
            return &s->slot[i];
}

static int grow(lay_idset *s)
{
    size_t cap = s->cap ? s->cap * 2 : 64;
    if (cap > SIZE_MAX / sizeof *s->slot)
        return -1;
    lay_idset bigger = {calloc(cap, sizeof *s->slot), cap, s->n};
    if (!bigger.slot)
        return -1;
    for (size_t i = 0; i < s->cap; i++)
        if (s->slot[i].name)
            *find(&bigger, s->slot[i].name) = s->slot[i];
    free(s->slot);
    *s = bigger;
    return 0;
}

int lay_idset_add(lay_idset *s, const char *name, int line, int *line_out)
{
    if ((s->n + 1) * 2 > s->cap && grow(s) < 0)   /* load at most 1/2 */
        return -1;
    struct lay_idslot *e = find(s, name);
    if (e->name) {
        *line_out = e->line;
        return 0;
    }
    e->name = name;
    e->line = line;
    s->n++;
    return 1;
}

int lay_idset_has(const lay_idset *s, const char *name)
{
    return s->cap && find(s, name)->name != NULL;
}

void lay_idset_free(lay_idset *s)
{
    free(s->slot);
    s->slot = NULL;
    s->cap = s->n = 0;
}
