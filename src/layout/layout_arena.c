/* layout_arena.c - bump allocator and locale-free number parsing. */
#include "layout.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct chunk {
    struct chunk *prev;
    size_t used, size;
    max_align_t data[];
};

struct lay_arena {
    struct chunk *top;
};

lay_arena *lay_arena_new(void)
{
    return calloc(1, sizeof(lay_arena));
}

void *lay_arena_alloc(lay_arena *a, size_t n)
{
    const size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    if (n == 0)
        n = align;
    struct chunk *c = a->top;
    if (!c || c->size - c->used < n) {
        size_t size = 64 * 1024;
        if (n > size / 4)
            size = n;
        c = malloc(sizeof(struct chunk) + size);
        if (!c)
            return NULL;
        c->size = size;
        c->used = 0;
        /* A big private block goes below the current one so the current
         * chunk keeps serving small requests. */
        if (a->top && size == n) {
            c->prev = a->top->prev;
            a->top->prev = c;
        } else {
            c->prev = a->top;
            a->top = c;
        }
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

void *lay_arena_grow(lay_arena *a, void *old, size_t oldn, size_t n)
{
    if (!old)
        return lay_arena_alloc(a, n);
    if (n <= oldn)
        return old;
    /* An array that has its own chunk is resized in place (realloc moves
     * a large block by remapping its pages, without a copy); any other is
     * copied and its old place stays until the arena goes. */
    const size_t align = sizeof(max_align_t);
    size_t had = (oldn + align - 1) / align * align;
    for (struct chunk **pc = &a->top; *pc; pc = &(*pc)->prev) {
        struct chunk *c = *pc;
        /* old alone fills its chunk: nothing else moves with it */
        if ((void *)c->data != old || c->size != had || c->used != had)
            continue;
        size_t size = (n + align - 1) / align * align;
        struct chunk *nc = realloc(c, sizeof(struct chunk) + size);
        if (!nc)
            return NULL;
        memset((char *)nc->data + nc->size, 0, size - nc->size);
        nc->size = nc->used = size;
        *pc = nc;
        return nc->data;
    }
    void *p = lay_arena_alloc(a, n);
    if (p)
        memcpy(p, old, oldn);
    return p;
}

char *lay_arena_strdup(lay_arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = lay_arena_alloc(a, n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void lay_arena_reset(lay_arena *a)
{
    if (!a || !a->top)
        return;
    /* Keep one ordinary chunk for the next round: scratch that is reset
     * per paragraph then costs no malloc at all. */
    struct chunk *keep = a->top->size == 64 * 1024 ? a->top : NULL;
    struct chunk *c = a->top;
    while (c) {
        struct chunk *p = c->prev;
        if (c != keep)
            free(c);
        c = p;
    }
    a->top = keep;
    if (keep) {
        keep->prev = NULL;
        keep->used = 0;
    }
}

void lay_arena_free(lay_arena *a)
{
    if (!a)
        return;
    struct chunk *c = a->top;
    while (c) {
        struct chunk *p = c->prev;
        free(c);
        c = p;
    }
    free(a);
}

/* Decimal number with optional sign, digits and a decimal point; the
 * C library's strtod would follow LC_NUMERIC. Returns characters used. */
static size_t parse_decimal(const char *s, double *v)
{
    size_t i = 0;
    int neg = 0;
    if (s[i] == '-' || s[i] == '+')
        neg = s[i++] == '-';
    double x = 0;
    int digits = 0;
    while (s[i] >= '0' && s[i] <= '9') {
        x = x * 10 + (s[i++] - '0');
        digits++;
    }
    if (s[i] == '.') {
        double f = 0.1;
        i++;
        while (s[i] >= '0' && s[i] <= '9') {
            x += f * (s[i++] - '0');
            f /= 10;
            digits++;
        }
    }
    if (!digits || x > 1e9)
        return 0;
    *v = neg ? -x : x;
    return i;
}

int lay_parse_number(const char *s, double *v)
{
    while (*s == ' ')
        s++;
    size_t n = parse_decimal(s, v);
    if (!n)
        return -1;
    s += n;
    while (*s == ' ')
        s++;
    return *s ? -1 : 0;
}

int lay_parse_length(const char *s, double *pt)
{
    double v;
    while (*s == ' ')
        s++;
    size_t n = parse_decimal(s, &v);
    if (!n || v < 0)
        return -1;
    s += n;
    if (strncmp(s, "mm", 2) == 0) {
        v = v * 72.0 / 25.4;
        s += 2;
    } else if (strncmp(s, "cm", 2) == 0) {
        v = v * 720.0 / 25.4;
        s += 2;
    } else if (strncmp(s, "pt", 2) == 0) {
        s += 2;
    }
    while (*s == ' ')
        s++;
    if (*s)
        return -1;
    *pt = v;
    return 0;
}
