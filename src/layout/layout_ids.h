/* layout_ids.h - a set of id names for the layout reader.
 *
 * The reader checks every id for a duplicate and every ref for a target;
 * a list made that quadratic (200 000 ids took minutes), so ids go into an
 * open-addressing hash table keyed by the name. The names themselves live
 * in the document's arena; the table only points at them. */
#ifndef VB_LAYOUT_IDS_H
#define VB_LAYOUT_IDS_H

#include <stddef.h>

typedef struct lay_idset {
    struct lay_idslot { const char *name; int line; } *slot;
    size_t cap;     /* a power of two, or 0 */
    size_t n;
} lay_idset;

/* Adds name (not copied). Returns 1 when added, 0 when the name was
 * already there (*line_out = its line), -1 when out of memory. */
int lay_idset_add(lay_idset *s, const char *name, int line, int *line_out);
/* Returns 1 when name is in the set. */
int lay_idset_has(const lay_idset *s, const char *name);
void lay_idset_free(lay_idset *s);

#endif
