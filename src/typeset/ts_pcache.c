/* ts_pcache.c - a paragraph's chosen line breaks, remembered for the run.
 *
 * A book is laid out at least twice (the second pass knows the page
 * numbers), and only page references change between the passes; the same
 * cell texts and sentences also come back chapter after chapter. Breaking
 * (hyphenation, compound joints, total fit) is the typesetter's largest
 * cost, and its result depends only on the flattened characters (code
 * points, flags, widths, faces and sizes) and the measure, so ts_para.c
 * hashes exactly those into a key and stores the breaks here. A paragraph
 * whose text or width changed has another key and is broken again.
 *
 * The key is two independent 64-bit hashes (128 bits), so that a
 * collision, which would change the output, is out of practical reach.
 * Values live in c->keep; the table is malloc'd and freed by
 * ts_pcache_free(). */
#include "ts.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    ts_pkey key;
    size_t bytes;
    const void *data;         /* NULL: empty slot */
} pc_ent;

struct ts_pcache {
    pc_ent *tab;
    size_t cap, used;         /* cap a power of two, used <= cap / 2 */
};

static pc_ent *slot(pc_ent *tab, size_t cap, ts_pkey k)
{
    size_t i = (size_t)(k.b ^ (k.a >> 17)) & (cap - 1);
    for (;;) {
        pc_ent *e = &tab[i];
        if (!e->data || (e->key.a == k.a && e->key.b == k.b))
            return e;
        i = (i + 1) & (cap - 1);
    }
}

static void grow(ts_ctx *c, struct ts_pcache *pc)
{
    size_t cap = pc->cap ? pc->cap * 2 : 1024;
    pc_ent *tab = calloc(cap, sizeof *tab);
    if (!tab)
        ts_fail(c, "slut på minne");
    for (size_t i = 0; i < pc->cap; i++)
        if (pc->tab[i].data)
            *slot(tab, cap, pc->tab[i].key) = pc->tab[i];
    free(pc->tab);
    pc->tab = tab;
    pc->cap = cap;
}

const void *ts_pcache_get(ts_ctx *c, ts_pkey k, size_t *bytes)
{
    struct ts_pcache *pc = c->pcache;
    if (!pc || !pc->cap)
        return NULL;
    pc_ent *e = slot(pc->tab, pc->cap, k);
    if (!e->data)
        return NULL;
    *bytes = e->bytes;
    return e->data;
}

void ts_pcache_put(ts_ctx *c, ts_pkey k, const void *data, size_t bytes)
{
    if (!c->pcache) {
        c->pcache = calloc(1, sizeof *c->pcache);
        if (!c->pcache)
            ts_fail(c, "slut på minne");
    }
    struct ts_pcache *pc = c->pcache;
    if ((pc->used + 1) * 2 > pc->cap)
        grow(c, pc);
    pc_ent *e = slot(pc->tab, pc->cap, k);
    if (e->data)
        return;
    /* never a NULL value: it marks an empty slot */
    void *v = ts_alloc_keep(c, bytes ? bytes : 1);
    if (bytes)
        memcpy(v, data, bytes);
    *e = (pc_ent){k, bytes, v};
    pc->used++;
}

void ts_pcache_free(ts_ctx *c)
{
    if (c->pcache)
        free(c->pcache->tab);
    free(c->pcache);
    c->pcache = NULL;
}
