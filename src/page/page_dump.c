/* page_dump.c - the pages as plain text: one op a line (a device for tests).
 * An op that belongs to a structure node ends with " @N" (ts_op.sid; no
 * mark: an artifact); after the pages, the nodes: "node N ROLE parent P"
 * with a TH's scope, a cell's colspan and a Figure's alternative text. */
#define _POSIX_C_SOURCE 200809L
#include "page.h"

#include <stdio.h>
#include <math.h>
#include <stdlib.h>

/* Two decimals with a decimal point whatever LC_NUMERIC says. */
static const char *num(char *buf, double v)
{
    long long c = llround(v * 100);
    const char *sign = c < 0 ? "-" : "";
    if (c < 0)
        c = -c;
    snprintf(buf, 32, "%s%lld.%02lld", sign, c / 100, c % 100);
    return buf;
}

/* The kerning of a text op: " kern I:K,..." for each code point I (from
 * 0) followed by K/1000 em, only where K is not 0. */
static void dump_kern(FILE *f, const ts_op *o)
{
    if (!o->kern)
        return;
    const char *sep = " kern ";
    int i = 0;
    for (const unsigned char *s = (const unsigned char *)o->text; *s; s++) {
        if ((*s & 0xC0) == 0x80)
            continue;           /* a continuation byte: same code point */
        if (o->kern[i] != 0) {
            fprintf(f, "%s%d:%d", sep, i, o->kern[i]);
            sep = ",";
        }
        i++;
    }
}

char *ts_dump(const ts_result *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    for (int p = 0; p < r->npages; p++) {
        char a[32], b[32], c[32], d[32];
        fprintf(f, "page %d\n", p + 1);
        for (const ts_op *o = r->pages[p].ops; o; o = o->next) {
            switch (o->kind) {
            case OP_TEXT:
                fprintf(f, "  text f%d %s %s %s \"%s\"%s%s%s", o->face,
                        num(a, o->size), num(b, o->x), num(c, o->y), o->text,
                        o->actual ? " actual \"" : "",
                        o->actual ? o->actual : "", o->actual ? "\"" : "");
                dump_kern(f, o);
                if (o->sid > 0)
                    fprintf(f, " @%d", o->sid);
                fputc('\n', f);
                break;
            case OP_LINE:
            case OP_RECT:
            case OP_LINK:
                fprintf(f, "  %s %s %s %s %s%s%s",
                        o->kind == OP_LINE ? "line" :
                        o->kind == OP_RECT ? "rect" : "link",
                        num(a, o->x), num(b, o->y), num(c, o->x2),
                        num(d, o->y2), o->dest ? " -> " : "",
                        o->dest ? o->dest : "");
                if (o->sid > 0)
                    fprintf(f, " @%d", o->sid);
                fputc('\n', f);
                break;
            }
        }
    }
    for (int i = 0; i < r->nanchors; i++) {
        char a[32];
        fprintf(f, "anchor %s page %d y %s\n", r->anchors[i].id,
                r->anchors[i].page + 1, num(a, r->anchors[i].y));
    }
    for (int i = 0; i < r->noutline; i++)
        fprintf(f, "outline %d \"%s\" page %d\n", r->outline[i].level,
                r->outline[i].title, r->outline[i].page + 1);
    for (int i = 0; i < r->nsnodes; i++) {
        const ts_snode *n = &r->snodes[i];
        fprintf(f, "node %d %s parent %d", i, n->role, n->parent);
        if (n->scope)
            fprintf(f, " scope %s", n->scope);
        if (n->colspan > 1)
            fprintf(f, " colspan %d", n->colspan);
        if (n->lang)
            fprintf(f, " lang %s", n->lang);
        if (n->alt)
            fprintf(f, " alt \"%s\"", n->alt);
        fputc('\n', f);
    }
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}
