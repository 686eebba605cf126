/* ts_main.c - the typesetter's entry point and its memory.
 *
 * ts_typeset() lays the document out again while page references change
 * (at most four passes): the first pass does not know the page numbers
 * yet. The pages it returns are data (src/page/page.h); writing them as
 * PDF is src/pdf/'s job, joined in src/pipeline/. */
#define _POSIX_C_SOURCE 200809L
#include "ts.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Noreturn void fail_v(ts_ctx *c, long line, const char *fmt,
                             va_list ap)
{
    if (!c->err) {
        char msg[1024];
        vsnprintf(msg, sizeof msg, fmt, ap);
        c->err = strdup(msg);
        c->errline = line;
    }
    longjmp(c->jb, 1);
}

_Noreturn void ts_fail(ts_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(c, 0, fmt, ap);
}

_Noreturn void ts_fail_at(ts_ctx *c, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(c, line, fmt, ap);
}

void *ts_alloc(ts_ctx *c, size_t n)
{
    void *p = lay_arena_alloc(c->arena, n);
    if (!p)
        ts_fail(c, "slut på minne");
    return p;
}

void *ts_grow(ts_ctx *c, void *old, size_t oldn, size_t n)
{
    void *p = lay_arena_grow(c->arena, old, oldn, n);
    if (!p)
        ts_fail(c, "slut på minne");
    return p;
}

void *ts_alloc_keep(ts_ctx *c, size_t n)
{
    void *p = lay_arena_alloc(c->keep, n);
    if (!p)
        ts_fail(c, "slut på minne");
    return p;
}

void *ts_alloc_scratch(ts_ctx *c, size_t n)
{
    if (!c->scratch && !(c->scratch = lay_arena_new()))
        ts_fail(c, "slut på minne");
    void *p = lay_arena_alloc(c->scratch, n);
    if (!p)
        ts_fail(c, "slut på minne");
    return p;
}

void ts_scratch_reset(ts_ctx *c)
{
    lay_arena_reset(c->scratch);
}

char *ts_strndup(ts_ctx *c, const char *s, size_t n)
{
    char *p = ts_alloc(c, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static bool same_pages(const ts_result *a, const ts_result *b)
{
    if (a->nanchors != b->nanchors)
        return false;
    for (int i = 0; i < a->nanchors; i++)
        if (a->anchors[i].page != b->anchors[i].page)
            return false;
    return true;
}

/* Copies what a pass's page references read from the pass before (anchor
 * pages and page labels; the strings belong to the layout document) into
 * c->prev_arena, replacing the copy of the pass before that. */
static void keep_page_numbers(ts_ctx *c, const ts_result *r)
{
    lay_arena *a = lay_arena_new();
    ts_result *k = a ? lay_arena_alloc(a, sizeof *k) : NULL;
    size_t na = sizeof(ts_anchor) * (size_t)r->nanchors;
    size_t nl = sizeof(ts_pagelabel) * (size_t)r->nlabels;
    if (k) {
        k->anchors = na ? lay_arena_alloc(a, na) : NULL;
        k->labels = nl ? lay_arena_alloc(a, nl) : NULL;
    }
    if (!k || (na && !k->anchors) || (nl && !k->labels)) {
        lay_arena_free(a);
        ts_fail(c, "slut på minne");
    }
    k->page_w = r->page_w;
    k->page_h = r->page_h;
    k->npages = r->npages;
    if (na)
        memcpy(k->anchors, r->anchors, na);
    k->nanchors = r->nanchors;
    if (nl)
        memcpy(k->labels, r->labels, nl);
    k->nlabels = r->nlabels;
    lay_arena_free(c->prev_arena);
    c->prev_arena = a;
    c->prev = k;
}

static ts_result *pass(ts_ctx *c)
{
    c->refs_unknown = false;
    ts_galley_build(c, c->doc->body);
    return ts_paginate(c);
}

int ts_typeset(const lay_doc *doc, ts_result **res, lay_arena **arena,
               char **err)
{
    long line;
    return ts_typeset_at(doc, res, arena, &line, err);
}

int ts_typeset_at(const lay_doc *doc, ts_result **res, lay_arena **arena,
                  long *errline, char **err)
{
    *res = NULL;
    *arena = NULL;
    *err = NULL;
    *errline = 0;
    ts_ctx *c = calloc(1, sizeof *c);
    if (!c) {
        *err = strdup("slut på minne");
        return -1;
    }
    c->doc = doc;
    if (setjmp(c->jb)) {
        *err = c->err ? c->err : strdup("slut på minne");
        *errline = c->err ? c->errline : 0;
        lay_arena_free(c->arena);
        lay_arena_free(c->prev_arena);
        lay_arena_free(c->scratch);
        lay_arena_free(c->keep);
        ts_fonts_free(c);
        ts_hcache_free(c);
        ts_pcache_free(c);
        free(c->scratch_ch);
        free(c->scratch_st);
        free(c);
        return -1;
    }
    c->keep = lay_arena_new();
    if (!c->keep)
        ts_fail(c, "slut på minne");
    c->body_x = doc->margin_left;
    c->body_w = doc->page_w - doc->margin_left - doc->margin_right;
    c->body_top = doc->page_h - doc->margin_top;
    c->body_h = doc->page_h - doc->margin_top - doc->margin_bottom;
    c->lh = doc->font_size * doc->line_height;
    ts_compound_expect(c);
    ts_result *r = NULL;
    for (int k = 0; k < 4; k++) {
        lay_arena *a = lay_arena_new();
        if (!a)
            ts_fail(c, "slut på minne");
        c->arena = a;
        const ts_result *before = c->prev;
        ts_result *nr = pass(c);
        bool stable = !c->refs_unknown &&
                      (before == NULL || same_pages(nr, before));
        r = nr;
        if (stable || k == 3)
            break;
        /* The next pass needs only this one's page numbers: keep those
         * and free the pass (its galley and pages) before the next one
         * is built, so that two passes never live at once. */
        keep_page_numbers(c, nr);
        lay_arena_free(c->arena);
        c->arena = NULL;
    }
    lay_arena_free(c->prev_arena);
    c->prev_arena = NULL;
    c->prev = NULL;
    for (int i = 0; i < TS_NFACES; i++) {
        if (c->faces[i].loaded && !c->faces[i].absent) {
            r->fonts[i].path = ts_strndup(c, c->faces[i].path,
                                          strlen(c->faces[i].path));
            r->fonts[i].index = c->faces[i].index;
            r->fonts[i].used = true;
        }
    }
    if (c->nmissing > 0) {
        char list[200] = "";
        size_t len = 0;
        for (int i = 0; i < c->nmissing && i < 8; i++) {
            char u8[8];
            uint32_t cp = c->missing[i];
            size_t n = cp >= 0x20 ? vb_utf8_encode(cp, u8) : 0;
            u8[n] = 0;
            len += (size_t)snprintf(list + len, sizeof list - len,
                                    "%sU+%04X %s", i ? ", " : "",
                                    (unsigned)cp, u8);
            if (len >= sizeof list)
                break;
        }
        char msg[300];
        snprintf(msg, sizeof msg, "%s %s%s finns inte i något typsnitt och "
                 "visas som \xEF\xBF\xBD", c->nmissing > 1 ? "tecknen" :
                 "tecknet", list, c->nmissing > 8 ? " m.fl." : "");
        r->warning = ts_strndup(c, msg, strlen(msg));
    }
    r->title = doc->title;
    r->author = doc->author;
    r->subject = doc->subject;
    r->keywords = doc->keywords;
    r->lang = doc->lang;
    r->creator = doc->creator;
    *res = r;
    *arena = c->arena;
    lay_arena_free(c->keep);
    lay_arena_free(c->scratch);
    ts_fonts_free(c);
    ts_hcache_free(c);
    ts_pcache_free(c);
    free(c->scratch_ch);
    free(c->scratch_st);
    free(c);
    return 0;
}
