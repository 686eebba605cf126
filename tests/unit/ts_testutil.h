/* ts_testutil.h - helpers for the typesetter's unit tests (header only). */
#ifndef VB_TS_TESTUTIL_H
#define VB_TS_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "../../src/layout/layout.h"
#include "../../src/typeset/typeset.h"

#define NS "xmlns=\"urn:vastbus:layout:1\""

typedef struct tres {
    lay_doc *doc;
    ts_result *r;
    lay_arena *arena;
    char *err;
    long errline;             /* lay_read(): the fault's line */
} tres;

/* Typesets an XML string; on failure r is NULL and err is set. */
static inline tres typeset_str(const char *xml)
{
    tres t = {0};
    xmlDocPtr d = xmlReadMemory(xml, (int)strlen(xml), "test.xml", NULL,
                                XML_PARSE_NONET);
    if (!d) {
        t.err = malloc(4);
        if (t.err)
            memcpy(t.err, "XML", 4);
        return t;
    }
    t.doc = lay_read(d, &t.errline, &t.err);
    xmlFreeDoc(d);
    if (t.doc && ts_typeset(t.doc, &t.r, &t.arena, &t.err))
        t.r = NULL;
    return t;
}

static inline void tres_free(tres *t)
{
    lay_arena_free(t->arena);
    lay_free(t->doc);
    free(t->err);
}

/* In tagged content the hyphen of a word broken at a line end is an op of
 * its own (an artifact, sid 0) right after the word's last op. */
static inline int hyph_op(const ts_op *o)
{
    return o && o->kind == OP_TEXT && o->sid == 0 && strcmp(o->text, "-") == 0;
}

/* Does page p (0-based) have a text op containing s? */
static inline int page_has(const ts_result *r, int p, const char *s)
{
    for (const ts_op *o = r->pages[p].ops; o; o = o->next)
        if (o->kind == OP_TEXT && strstr(o->text, s))
            return 1;
    return 0;
}

/* A growing string for building test documents. */
typedef struct sb {
    char *p;
    size_t n, cap;
} sb;

static inline void sb_add(sb *b, const char *s)
{
    size_t l = strlen(s);
    if (b->n + l + 1 > b->cap) {
        b->cap = (b->n + l + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
    memcpy(b->p + b->n, s, l + 1);
    b->n += l;
}

#endif
