/* ts_page.c - pagination: the galley onto pages, plus header and footer.
 *
 * First fit with a look back: fill a page until an item does not fit (or a
 * heading would start in the last 15 % of the body), then break at the
 * last place the items allow (BRK_OK), else at a poorer one (BRK_BAD,
 * inside a table row), else where the page is full. A table that goes on
 * gets its header rows again at the top of the next page. */
#include "ts.h"

#include <string.h>

typedef struct pg {
    ts_ctx *c;
    ts_result *r;
    int cappages;
    ts_anchor *anchors;
    int nanch, capanch;
    ts_outline *outl;
    int noutl, capoutl;
    ts_pagelabel *labels;
    int nlab, caplab;
    /* running heads by page: the last one whose item lands on the page */
    const lay_block **rh;
    int caprh;
} pg;

static ts_page *new_page(pg *g)
{
    ts_result *r = g->r;
    if (r->npages == g->cappages) {
        int nc = g->cappages ? g->cappages * 2 : 16;
        ts_page *np = ts_alloc(g->c, sizeof(ts_page) * (size_t)nc);
        if (r->npages)
            memcpy(np, r->pages, sizeof(ts_page) * (size_t)r->npages);
        /* tails point into the old array: fix them */
        for (int i = 0; i < r->npages; i++) {
            ts_op **t = &np[i].ops;
            while (*t)
                t = &(*t)->next;
            np[i].tail = t;
        }
        r->pages = np;
        g->cappages = nc;
    }
    ts_page *p = &r->pages[r->npages++];
    p->ops = NULL;
    p->tail = &p->ops;
    return p;
}

/* Moves item-local ops onto the page: top is the item's top (PDF y).
 * With copy the ops are copied (repeated table headers), otherwise they
 * are moved: an item is placed once. */
static void place_ops(pg *g, ts_page *p, ts_op *ops, double top, bool copy)
{
    ts_op *next;
    for (ts_op *o = ops; o; o = next) {
        next = o->next;
        ts_op *n = o;
        if (copy) {
            n = ts_alloc(g->c, sizeof *n);
            *n = *o;
            n->sid = 0;   /* a repeated header row is an artifact */
        }
        n->next = NULL;
        switch (n->kind) {
        case OP_TEXT:
            n->y = top - n->y;
            break;
        case OP_LINE:
            n->y = top - n->y;
            n->y2 = top - n->y2;
            break;
        case OP_RECT:
        case OP_LINK:
            n->y = top - n->y - n->y2;
            break;
        }
        *p->tail = n;
        p->tail = &n->next;
    }
}

/* Scales an item's ops by s about its top left corner (x0, item top). */
static void shrink(ts_vitem *it, double x0, double s)
{
    for (ts_op *o = it->ops; o; o = o->next) {
        o->x = x0 + (o->x - x0) * s;
        o->y *= s;
        switch (o->kind) {
        case OP_TEXT:
            o->size *= s;
            break;
        case OP_LINE:
            o->x2 = x0 + (o->x2 - x0) * s;
            o->y2 *= s;
            o->width *= s;
            break;
        case OP_RECT:
        case OP_LINK:
            o->x2 *= s;
            o->y2 *= s;
            break;
        }
    }
    it->h *= s;
}

static void add_label(pg *g, const lay_block *b, int page)
{
    /* one range per page: a later label on the same page wins */
    if (g->nlab > 0 && g->labels[g->nlab - 1].page == page)
        g->nlab--;
    if (g->nlab == g->caplab) {
        int nc = g->caplab ? g->caplab * 2 : 8;
        ts_pagelabel *na = ts_alloc(g->c, sizeof(ts_pagelabel) * (size_t)nc);
        if (g->nlab)
            memcpy(na, g->labels, sizeof(ts_pagelabel) * (size_t)g->nlab);
        g->labels = na;
        g->caplab = nc;
    }
    ts_label_style st = b->label_style == 1 ? TS_LABEL_ROMAN
                      : b->label_style == 2 ? TS_LABEL_NONE : TS_LABEL_DECIMAL;
    g->labels[g->nlab++] = (ts_pagelabel){page, st, b->label_start,
                                          b->label_prefix};
}

static void add_marks(pg *g, const ts_vitem *it, double top)
{
    int page = g->r->npages - 1;
    if (it->label)
        add_label(g, it->label, page);
    if (it->runhead) {
        if (page >= g->caprh) {
            int nc = g->caprh ? g->caprh * 2 : 64;
            while (nc <= page)
                nc *= 2;
            const lay_block **na = ts_alloc(g->c, sizeof *na * (size_t)nc);
            if (g->caprh)
                memcpy(na, g->rh, sizeof *na * (size_t)g->caprh);
            g->rh = na;
            g->caprh = nc;
        }
        g->rh[page] = it->runhead;
    }
    for (const ts_anchor_l *a = it->anchors; a; a = a->next) {
        if (g->nanch == g->capanch) {
            int nc = g->capanch ? g->capanch * 2 : 32;
            ts_anchor *na = ts_alloc(g->c, sizeof(ts_anchor) * (size_t)nc);
            if (g->nanch)
                memcpy(na, g->anchors, sizeof(ts_anchor) * (size_t)g->nanch);
            g->anchors = na;
            g->capanch = nc;
        }
        g->anchors[g->nanch++] = (ts_anchor){a->id, page, top};
    }
    for (const ts_outline_l *o = it->outline; o; o = o->next) {
        if (g->noutl == g->capoutl) {
            int nc = g->capoutl ? g->capoutl * 2 : 32;
            ts_outline *na = ts_alloc(g->c, sizeof(ts_outline) * (size_t)nc);
            if (g->noutl)
                memcpy(na, g->outl, sizeof(ts_outline) * (size_t)g->noutl);
            g->outl = na;
            g->capoutl = nc;
        }
        g->outl[g->noutl++] = (ts_outline){o->level, o->title, page, top};
    }
}

static void line_op(pg *g, ts_page *p, double x1, double y1, double x2,
                    double y2, double w, float gray)
{
    ts_op *l = ts_alloc(g->c, sizeof *l);
    l->kind = OP_LINE;
    l->x = x1;
    l->y = y1;
    l->x2 = x2;
    l->y2 = y2;
    l->width = w;
    l->rgb[0] = l->rgb[1] = l->rgb[2] = gray;
    *p->tail = l;
    p->tail = &l->next;
}

/* Header or footer: left, center and right on one line. What does not
 * fit is shortened with "…": the right slot (page numbers) first keeps
 * its width, then the center, then the left gets what is left, with a
 * gap between them. */
static void running(pg *g, int pageno, lay_inline *const slots[3],
                    double baseline, const lay_block *rh)
{
    ts_ctx *c = g->c;
    static const lay_align al[3] = {LA_LEFT, LA_CENTER, LA_RIGHT};
    ts_para_opts o[3];
    double nat[3] = {0}, maxw[3] = {0};
    for (int s = 0; s < 3; s++) {
        memset(&o[s], 0, sizeof o[s]);
        o[s].width = c->body_w;
        o[s].x = c->body_x;
        o[s].align = al[s];
        o[s].base.face = TS_REGULAR;
        o[s].base.size = 8.5;
        o[s].base.rgb[0] = o[s].base.rgb[1] = o[s].base.rgb[2] = 0.3f;
        o[s].lh_factor = 1.2;
        o[s].running = true;
        o[s].page_no = pageno + 1;
        o[s].page_count = g->r->npages;
        o[s].label = g->r->nlabels ? g->r : NULL;
        o[s].runhead = rh ? rh->inl : NULL;
        if (slots[s])
            nat[s] = ts_para_one_width(c, slots[s], &o[s]);
    }
    double W = c->body_w, gap = 12;
    maxw[2] = nat[2] < W ? nat[2] : W;
    if (slots[1]) {
        double side = maxw[2] > 0 ? maxw[2] + gap : 0;
        if (slots[0] && side < W / 4)
            side = W / 4;       /* room for the left slot too */
        double cw = W - 2 * side;
        maxw[1] = nat[1] < cw ? nat[1] : cw < 0 ? 0 : cw;
        maxw[0] = (W - maxw[1]) / 2 - (maxw[1] > 0 ? gap : 0);
    } else {
        maxw[0] = W - (maxw[2] > 0 ? maxw[2] + gap : 0);
    }
    if (maxw[0] < 0)
        maxw[0] = 0;
    for (int s = 0; s < 3; s++) {
        if (!slots[s])
            continue;
        ts_line ln = ts_para_one_line(c, slots[s], &o[s], maxw[s]);
        place_ops(g, &g->r->pages[pageno], ln.ops, baseline + ln.baseline,
                  false);
    }
}

/* A part (up to the next forced page break, e.g. a chapter) should not
 * end on a page that holds only a short trailing section. When what is
 * left after this page fits on the next one but would fill less than
 * TS_LAST_MIN of it, the page breaks earlier, at the latest allowed
 * break that gives the last page at least TS_LAST_TARGET while this page
 * keeps at least TS_KEEP_MIN. Returns the (possibly earlier) end. */
#define TS_LAST_MIN 0.30
#define TS_LAST_TARGET 0.40
#define TS_KEEP_MIN 0.50

static double head_at(const ts_ctx *c, int k)
{
    int t = c->items[k].table;
    return t >= 0 && k >= c->tables[t].first_body ? c->tables[t].head_h : 0;
}

static int balance_last(ts_ctx *c, int start, int end)
{
    const ts_vitem *it = c->items;
    int n = c->nitems;
    if (end >= n - 1 || (it[end + 1].flags & VI_FORCE))
        return end;
    double rest = 0;
    int k = end + 1;
    while (k < n && (it[k].flags & VI_DISCARD))
        k++;
    if (k >= n)
        return end;
    double head = head_at(c, k);
    for (; k < n && !(it[k].flags & VI_FORCE); k++)
        rest += it[k].h;
    if (rest + head > TS_LAST_MIN * c->body_h)
        return end;
    double here = 0;
    for (int j = start; j <= end; j++)
        here += it[j].h;
    double moved = rest;
    for (int b = end - 1; b > start; b--) {
        moved += it[b + 1].h;
        here -= it[b + 1].h;
        if (here < TS_KEEP_MIN * c->body_h)
            break;
        if (it[b].brk != BRK_OK)
            continue;
        if (moved + head_at(c, b + 1) > c->body_h)
            break;
        if (moved >= TS_LAST_TARGET * c->body_h)
            return b;
    }
    return end;
}

ts_result *ts_paginate(ts_ctx *c)
{
    pg g = {0};
    g.c = c;
    g.r = ts_alloc(c, sizeof(ts_result));
    ts_result *r = g.r;
    c->cur_sid = 0;       /* header, footer, closing rules: artifacts */
    r->snodes = c->snodes;
    r->nsnodes = c->nsnodes;
    const lay_doc *d = c->doc;
    r->page_w = d->page_w;
    r->page_h = d->page_h;
    const double eps = 1e-6;
    int n = c->nitems;
    ts_vitem *it = c->items;
    int i = 0;
    while (i < n || r->npages == 0) {
        while (i < n && (it[i].flags & VI_DISCARD))
            i++;
        if (i >= n && r->npages > 0)
            break;
        ts_page *p = new_page(&g);
        double y = 0, avail = c->body_h;
        int t = i < n ? it[i].table : -1;
        if (t >= 0 && i >= c->tables[t].first_body) {
            place_ops(&g, p, c->tables[t].head_ops, c->body_top, true);
            y += c->tables[t].head_h;
        }
        int start = i, j = i, best_ok = -1, best_bad = -1, end = -1;
        for (; j < n; j++) {
            if (j > start && (it[j].flags & VI_FORCE)) {
                end = j - 1;
                break;
            }
            bool heading_low = (it[j].flags & VI_HEADING) &&
                               y > 0.85 * c->body_h + eps;
            if (j > start && (y + it[j].h > avail + eps || heading_low) &&
                !(it[j].flags & VI_DISCARD)) {
                end = best_ok >= start ? best_ok
                    : best_bad >= start ? best_bad : j - 1;
                break;
            }
            y += it[j].h;
            if (it[j].brk == BRK_OK)
                best_ok = j;
            else if (it[j].brk == BRK_BAD)
                best_bad = j;
        }
        if (end < 0)
            end = n - 1;
        end = balance_last(c, start, end);
        y = (t >= 0 && i >= c->tables[t].first_body) ? c->tables[t].head_h : 0;
        for (int k = start; k <= end; k++) {
            double top = c->body_top - y;
            /* an item taller than the whole page (a huge line) is scaled
             * down to fit rather than run past the bottom margin */
            if (it[k].h > c->body_h - y + eps && !(it[k].flags & VI_DISCARD) &&
                c->body_h - y > 1)
                shrink(&it[k], c->body_x, (c->body_h - y) / it[k].h);
            place_ops(&g, p, it[k].ops, top, false);
            it[k].ops = NULL;
            add_marks(&g, &it[k], top);
            y += it[k].h;
        }
        /* a table that goes on to the next page is closed at the bottom */
        if (end >= start && end < n - 1) {
            int te = it[end].table;
            if (te >= 0 && end < c->tables[te].last && !c->tables[te].chart) {
                double yb = c->body_top - y;
                line_op(&g, p, c->tables[te].x0, yb, c->tables[te].x1, yb,
                        0.5, 0.55f);
            }
        }
        i = end + 1;
    }
    /* page labels: the tree must start at page 0 */
    if (g.nlab > 0 && g.labels[0].page != 0) {
        ts_pagelabel *na = ts_alloc(c, sizeof(ts_pagelabel) *
                                    (size_t)(g.nlab + 1));
        na[0] = (ts_pagelabel){0, TS_LABEL_DECIMAL, 1, NULL};
        memcpy(na + 1, g.labels, sizeof(ts_pagelabel) * (size_t)g.nlab);
        g.labels = na;
        g.nlab++;
    }
    r->labels = g.labels;
    r->nlabels = g.nlab;
    /* header and footer, now that the page count is known */
    double hb = d->page_h - (d->margin_top > 40 ? d->margin_top - 22 : 14);
    double fb = d->margin_bottom > 40 ? d->margin_bottom - 28 : 10;
    bool has_h = d->header[0] || d->header[1] || d->header[2];
    bool has_f = d->footer[0] || d->footer[1] || d->footer[2];
    const lay_block *rh = NULL;     /* the running head in force */
    for (int k = 0; k < r->npages; k++) {
        if (k < g.caprh && g.rh[k])
            rh = g.rh[k];
        if (rh && rh->plain)            /* a cover: no header, no footer */
            continue;
        if (has_h) {
            running(&g, k, d->header, hb, rh);
            line_op(&g, &r->pages[k], c->body_x, hb - 4,
                    c->body_x + c->body_w, hb - 4, 0.4, 0.6f);
        }
        if (has_f) {
            running(&g, k, d->footer, fb, rh);
            line_op(&g, &r->pages[k], c->body_x, fb + 11,
                    c->body_x + c->body_w, fb + 11, 0.4, 0.6f);
        }
    }
    r->anchors = g.anchors;
    r->nanchors = g.nanch;
    r->outline = g.outl;
    r->noutline = g.noutl;
    return r;
}
