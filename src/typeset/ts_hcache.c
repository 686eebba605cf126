/* ts_hcache.c - hyphenation points cached per word for the whole run.
 *
 * The same words come back paragraph after paragraph and pass after pass
 * (a book is laid out at least twice), and libhyphen costs far more than a
 * look-up. The cache sits above ts_hyphenate(): a word's code points in,
 * its break points out, whatever ts_hyphenate() does inside, so the result
 * is the same bytes as calling it every time. Keys and values live in
 * c->keep; the table itself is malloc'd and freed by ts_hcache_free(). */
#include "ts.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t hash;
    int n;                    /* 0: empty slot */
    const uint32_t *cps;
    const unsigned char *br;
} hc_ent;

struct ts_hcache {
    hc_ent *tab;
    size_t cap, used;         /* cap a power of two, used <= cap / 2 */
};

static uint32_t hash_word(const uint32_t *cps, int n)
{
    uint32_t h = 2166136261u;   /* FNV-1a over the code points */
    for (int i = 0; i < n; i++) {
        h ^= cps[i];
        h *= 16777619u;
    }
    return h;
}

static hc_ent *slot(hc_ent *tab, size_t cap, uint32_t h, const uint32_t *cps,
                    int n)
{
    size_t i = h & (cap - 1);
    for (;;) {
        hc_ent *e = &tab[i];
        if (e->n == 0 || (e->hash == h && e->n == n &&
                          memcmp(e->cps, cps, sizeof *cps * (size_t)n) == 0))
            return e;
        i = (i + 1) & (cap - 1);
    }
}

static void grow(ts_ctx *c, struct ts_hcache *hc)
{
    size_t cap = hc->cap ? hc->cap * 2 : 1024;
    hc_ent *tab = calloc(cap, sizeof *tab);
    if (!tab)
        ts_fail(c, "slut på minne");
    for (size_t i = 0; i < hc->cap; i++)
        if (hc->tab[i].n)
            *slot(tab, cap, hc->tab[i].hash, hc->tab[i].cps, hc->tab[i].n) =
                hc->tab[i];
    free(hc->tab);
    hc->tab = tab;
    hc->cap = cap;
}

void ts_hyphenate_cached(ts_ctx *c, const uint32_t *cps, int n,
                         unsigned char *breaks)
{
    if (!c->hcache) {
        c->hcache = calloc(1, sizeof *c->hcache);
        if (!c->hcache)
            ts_fail(c, "slut på minne");
    }
    struct ts_hcache *hc = c->hcache;
    if (n <= 0) {
        ts_hyphenate(c, cps, n, breaks);
        return;
    }
    if ((hc->used + 1) * 2 > hc->cap)
        grow(c, hc);
    uint32_t h = hash_word(cps, n);
    hc_ent *e = slot(hc->tab, hc->cap, h, cps, n);
    if (e->n) {
        memcpy(breaks, e->br, (size_t)n);
        return;
    }
    ts_hyphenate(c, cps, n, breaks);
    uint32_t *k = ts_alloc_keep(c, sizeof *k * (size_t)n);
    unsigned char *v = ts_alloc_keep(c, (size_t)n);
    memcpy(k, cps, sizeof *k * (size_t)n);
    memcpy(v, breaks, (size_t)n);
    *e = (hc_ent){h, n, k, v};
    hc->used++;
}

void ts_hcache_free(ts_ctx *c)
{
    if (c->hcache)
        free(c->hcache->tab);
    free(c->hcache);
    c->hcache = NULL;
}
