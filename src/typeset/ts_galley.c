/* ts_galley.c - block content to a galley of vertical items.
 *
 * Each block becomes lines or other items with their break rules:
 * paragraphs avoid widows and orphans, headings are kept with the two
 * lines that follow, keep blocks stay together when they fit. The
 * paginator (ts_page.c) then only has to honour brk and flags. */
#include "ts.h"

#include <string.h>

static const float black[3] = {0, 0, 0};
static const float heading_rgb[3] = {0.05f, 0.20f, 0.40f};

ts_vitem *ts_item_add(ts_ctx *c, double h, int brk, unsigned flags)
{
    if (c->nitems == c->capitems) {
        int nc = c->capitems ? c->capitems * 2 : 256;
        c->items = ts_grow(c, c->items, sizeof(ts_vitem) * (size_t)c->capitems,
                           sizeof(ts_vitem) * (size_t)nc);
        c->capitems = nc;
    }
    bool glue = flags & VI_DISCARD;
    if (!glue && (flags & (VI_CONTENT | VI_HEADING)) && c->keep_following > 0) {
        for (int k = c->last_solid < 0 ? 0 : c->last_solid; k < c->nitems; k++)
            c->items[k].brk = BRK_NO;
        /* A heading that comes before the previous one has its two lines
         * (a one-line section) binds too, without counting: the first
         * heading then stays with the lines that follow the second. */
        if (flags & VI_CONTENT)
            c->keep_following--;
    }
    ts_vitem *it = &c->items[c->nitems];
    memset(it, 0, sizeof *it);
    it->h = h;
    it->brk = brk;
    it->flags = flags;
    it->table = -1;
    if (!glue) {
        if (c->force_next) {
            it->flags |= VI_FORCE;
            c->force_next = false;
        }
        it->anchors = c->pending_anchors;
        it->outline = c->pending_outline;
        it->label = c->pending_label;
        it->runhead = c->pending_runhead;
        c->pending_runhead = NULL;
        c->pending_anchors = NULL;
        c->pending_outline = NULL;
        c->pending_label = NULL;
        c->last_solid = c->nitems;
    }
    c->nitems++;
    return it;
}

/* Vertical space before a block: the larger of the previous block's space
 * after and this one's space before (collapsed, as in CSS). */
void ts_space(ts_ctx *c, double before)
{
    double h = c->pending_space > before ? c->pending_space : before;
    c->pending_space = 0;
    if (h <= 0 || c->nitems == 0 || c->force_next)
        return;
    int brk = c->items[c->nitems - 1].brk;
    ts_item_add(c, h, brk, VI_DISCARD);
}

static void anchor(ts_ctx *c, const char *id)
{
    if (!id)
        return;
    ts_anchor_l *a = ts_alloc(c, sizeof *a);
    a->id = id;
    a->next = c->pending_anchors;
    c->pending_anchors = a;
}

/* Adds the lines of a paragraph with widow/orphan control. */
static void add_lines(ts_ctx *c, ts_line *ln, int n, bool keep_all,
                      bool keep_next, unsigned first_flags)
{
    for (int k = 0; k < n; k++) {
        int brk = BRK_OK;
        if (k < n - 1) {
            if (keep_all || n <= 3 || k == 0 || k == n - 2)
                brk = BRK_NO;
        } else if (keep_next) {
            brk = BRK_NO;
        }
        ts_vitem *it = ts_item_add(c, ln[k].h, brk,
                                   VI_CONTENT | (k == 0 ? first_flags : 0));
        it->ops = ts_ops_shift(ln[k].ops, 0, 0);
    }
}

static ts_para_opts para_opts(ts_ctx *c, double size, int face)
{
    ts_para_opts o = {0};
    o.width = c->body_w;
    o.x = c->body_x;
    o.align = LA_LEFT;
    o.base.face = face;
    o.base.size = size;
    memcpy(o.base.rgb, black, sizeof black);
    o.lh_factor = c->doc->line_height;
    return o;
}

static void heading(ts_ctx *c, const lay_block *b)
{
    static const double sizes[] = {15, 12.5, 11};
    static const double before[] = {16, 12, 9};
    static const double after[] = {6, 4, 3};
    int l = b->level - 1;
    if (b->break_before && c->nitems > 0)
        c->force_next = true;
    ts_space(c, before[l]);
    anchor(c, b->id);
    ts_para_opts o = para_opts(c, sizes[l], TS_BOLD);
    memcpy(o.base.rgb, heading_rgb, sizeof heading_rgb);
    o.lh_factor = 1.2;
    c->cur_sid = ts_snode_add(c, ts_heading_role(c, b->level), c->part_sid);
    c->snodes[c->cur_sid].lang = b->lang;
    ts_line *ln;
    int n = ts_para_lines(c, b->inl, &o, &ln);
    if (b->outline) {
        ts_outline_l *ol = ts_alloc(c, sizeof *ol);
        ol->level = b->level;
        ol->title = ts_inline_text(c, b->inl);
        c->pending_outline = ol;
    }
    if (n == 0) {
        /* an empty heading still anchors and keeps its place */
        ts_item_add(c, sizes[l] * 1.2, BRK_NO, VI_HEADING);
    } else {
        for (int k = 0; k < n; k++) {
            ts_vitem *it = ts_item_add(c, ln[k].h, BRK_NO,
                                       k == 0 ? VI_HEADING : 0);
            it->ops = ts_ops_shift(ln[k].ops, 0, 0);
        }
    }
    c->keep_following = 2;
    c->pending_space = after[l];
}

static void paragraph(ts_ctx *c, const lay_block *b)
{
    double size = b->size > 0 ? b->size : c->doc->font_size;
    int face = (b->bold ? TS_BOLD : 0) | (b->italic ? TS_ITALIC : 0);
    ts_space(c, b->space_before >= 0 ? b->space_before : 0);
    anchor(c, b->id);
    ts_para_opts o = para_opts(c, size, face);
    o.align = b->align == LA_DEFAULT ? LA_LEFT : b->align;
    c->cur_sid = ts_snode_add(c, "P", c->part_sid);
    c->snodes[c->cur_sid].lang = b->lang;
    ts_line *ln;
    int n = ts_para_lines(c, b->inl, &o, &ln);
    add_lines(c, ln, n, false, b->keep_with_next, 0);
    if (n == 0 && c->pending_anchors)   /* keep the anchor */
        ts_item_add(c, 0, BRK_OK, 0);
    c->pending_space = b->space_after >= 0 ? b->space_after : 0.55 * size;
}

static void title(ts_ctx *c, const lay_block *b)
{
    ts_space(c, 0);
    anchor(c, b->id);
    ts_para_opts o = para_opts(c, 20, TS_BOLD);
    memcpy(o.base.rgb, heading_rgb, sizeof heading_rgb);
    o.lh_factor = 1.2;
    c->cur_sid = ts_snode_add(c, "H1", c->part_sid);
    ts_line *ln;
    int n = ts_para_lines(c, b->inl, &o, &ln);
    add_lines(c, ln, n, true, true, 0);
    c->pending_space = 8;
}

static void list(ts_ctx *c, const lay_block *b)
{
    double size = c->doc->font_size;
    double indent = 1.4 * size;
    ts_space(c, 0);
    anchor(c, b->id);
    int lsid = ts_snode_add(c, "L", c->part_sid);
    for (const lay_block *it = b->child; it; it = it->next) {
        if (it != b->child)
            ts_space(c, 2);
        anchor(c, it->id);
        ts_para_opts o = para_opts(c, size, TS_REGULAR);
        o.x += indent;
        o.width -= indent;
        int li = ts_snode_add(c, "LI", lsid);
        int lbl = ts_snode_add(c, "Lbl", li);
        c->cur_sid = ts_snode_add(c, "LBody", li);
        ts_line *ln;
        int n = ts_para_lines(c, it->inl, &o, &ln);
        if (n == 0)
            continue;
        /* the bullet hangs in the indent of the first line */
        ts_op *bul = ts_op_new(c, OP_TEXT);
        bul->sid = lbl;
        bul->face = TS_REGULAR;
        bul->size = size;
        bul->x = c->body_x + 0.35 * size;
        bul->y = ln[0].baseline;
        bul->text = "\xE2\x80\xA2";
        bul->next = ln[0].ops;
        ln[0].ops = bul;
        add_lines(c, ln, n, false, false, 0);
    }
    c->pending_space = 0.55 * size;
}

static void toc_entry(ts_ctx *c, const lay_block *b)
{
    double size = c->doc->font_size;
    double indent = b->level == 2 ? 1.5 * size : 0;
    int face = b->level == 1 ? TS_BOLD : TS_REGULAR;
    ts_space(c, b->level == 1 ? 5 : 1.5);
    /* the page number, right-aligned */
    const ts_anchor *a = c->prev ? ts_result_anchor(c->prev, b->ref) : NULL;
    if (!a)
        c->refs_unknown = true;
    char num[1024];
    if (a)
        ts_page_label(c->prev, a->page, num, sizeof num);
    else
        snprintf(num, sizeof num, "0");
    lay_inline numin = {0};
    numin.kind = LI_TEXT;
    numin.text = num;
    ts_para_opts no = para_opts(c, size, face);
    no.align = LA_RIGHT;
    double numw = ts_para_one_width(c, &numin, &no);
    if (numw > c->body_w / 3)
        numw = c->body_w / 3;
    double reserve = numw + size > 3 * size ? numw + size : 3 * size;
    /* TOC > TOCI > Link: the entry's text and page number; the dot
     * leaders are artifacts */
    if (c->toc_sid == 0)
        c->toc_sid = ts_snode_add(c, "TOC", c->part_sid);
    c->cur_sid = ts_snode_add(c, "Link", ts_snode_add(c, "TOCI", c->toc_sid));
    ts_para_opts o = para_opts(c, size, face);
    o.x += indent;
    o.width -= indent + reserve;
    ts_line *ln;
    int n = ts_para_lines(c, b->inl, &o, &ln);
    if (n == 0)
        return;
    ts_line *last = &ln[n - 1];
    double right = c->body_x + c->body_w;
    /* dot leaders from the end of the text to the number */
    double dotw = ts_glyph_w(c, TS_REGULAR, '.') * size / 1000.0;
    double from = o.x + last->natural + 0.5 * size;
    double to = right - numw - 0.5 * size;
    if (dotw > 0 && to - from > 2 * dotw) {
        double step = 2.2 * dotw;
        /* one grid for every entry of the size, counted back from where
         * the dots before a one-digit number end, so the dots of all the
         * lines stand in columns whatever the width of their number
         * (they ended 5.8 pt apart before "3" and before "12") */
        double digit = ts_glyph_w(c, TS_REGULAR, '0') * size / 1000.0;
        double anchor = right - digit - 0.5 * size - dotw;
        double start = anchor - step * (int)((anchor - from) / step);
        int k = 0;
        for (double x = start; x + dotw <= to + 1e-6; x += step)
            k++;
        /* one op per dot keeps them on a regular grid. The dots are
         * drawn, not set as '.' glyphs: text extraction (pdftotext, copy
         * and paste) then reads "Förord 3", not "Förord . . . . . 3",
         * as the structure and the HTML page do. A square the size of
         * the period's ink, on the baseline in the middle of its
         * advance. */
        double side = 0.105 * size;
        double x = start + (dotw - side) / 2;
        for (int m = 0; m < k; m++, x += step) {
            ts_op *d = ts_op_new(c, OP_RECT);
            d->x = x;
            d->y = last->baseline - side;
            d->x2 = side;
            d->y2 = side;
            d->rgb[0] = d->rgb[1] = d->rgb[2] = 0.45f;
            d->sid = 0;
            ts_ops_append(&last->ops, d);
        }
    }
    ts_line nl = ts_para_one_line(c, &numin, &no, numw);
    ts_ops_append(&last->ops, ts_ops_shift(nl.ops, 0,
                                           last->baseline - nl.baseline));
    /* each line of the entry links to the target */
    for (int k = 0; k < n; k++) {
        ts_op *l = ts_op_new(c, OP_LINK);
        l->x = c->body_x + indent;
        l->y = 0;
        l->x2 = c->body_w - indent;
        l->y2 = ln[k].h;
        l->dest = b->ref;
        ts_ops_append(&ln[k].ops, l);
    }
    add_lines(c, ln, n, true, false, 0);
}

static void rule(ts_ctx *c)
{
    ts_space(c, 6);
    ts_vitem *it = ts_item_add(c, 1, BRK_OK, VI_CONTENT);
    ts_op *l = ts_op_new(c, OP_LINE);
    l->x = c->body_x;
    l->x2 = c->body_x + c->body_w;
    l->y = l->y2 = 0.5;
    l->width = 0.5;
    l->rgb[0] = l->rgb[1] = l->rgb[2] = 0.55f;
    it->ops = l;
    c->pending_space = 6;
}

static void blocks(ts_ctx *c, const lay_block *b);

static void block(ts_ctx *c, const lay_block *b)
{
    /* consecutive table-of-contents entries make one TOC; a page break,
     * spacer or page label between them does not end it */
    if (b->kind != LB_TOC && b->kind != LB_PAGEBREAK &&
        b->kind != LB_SPACER && b->kind != LB_PAGELABEL &&
        b->kind != LB_RUNHEAD)
        c->toc_sid = 0;
    switch (b->kind) {
    case LB_HEADING: heading(c, b); break;
    case LB_TITLE: title(c, b); break;
    case LB_P: paragraph(c, b); break;
    case LB_LIST: list(c, b); break;
    case LB_TABLE: ts_table_build(c, b); break;
    case LB_CHART: ts_chart_build(c, b); break;
    case LB_TOC: toc_entry(c, b); break;
    case LB_RULE: rule(c); break;
    case LB_PAGELABEL:
        c->pending_label = b;
        break;
    case LB_RUNHEAD:
        c->pending_runhead = b;
        break;
    case LB_PAGEBREAK:
        if (c->nitems > 0)
            c->force_next = true;
        c->pending_space = 0;
        break;
    case LB_SPACER:
        ts_space(c, 0);
        /* An explicit spacer at the start of a page (a cover, after a
         * page-break) is meant: it holds its space and stays with what
         * follows. Elsewhere it is glue that vanishes at a page top. */
        if (c->nitems == 0 || c->force_next)
            ts_item_add(c, b->height, BRK_NO, 0);
        else
            ts_item_add(c, b->height, c->items[c->nitems - 1].brk, VI_DISCARD);
        break;
    case LB_BLOCK: {
        if (b->break_before && c->nitems > 0)
            c->force_next = true;
        anchor(c, b->id);
        int outer = c->part_sid;
        if (b->chapter)     /* a chapter: a Sect around its blocks */
            c->part_sid = ts_snode_add(c, "Sect", outer);
        blocks(c, b->child);
        c->part_sid = outer;
        c->toc_sid = 0;     /* a TOC does not run on past its chapter */
        break;
    }
    case LB_KEEP: {
        int first = c->nitems;
        anchor(c, b->id);
        blocks(c, b->child);
        double h = 0;
        for (int k = first; k < c->nitems; k++)
            h += c->items[k].h;
        if (h <= c->body_h)
            for (int k = first; k < c->nitems - 1; k++)
                c->items[k].brk = BRK_NO;
        break;
    }
    default:
        break;
    }
    c->cur_sid = 0;   /* between blocks nothing belongs to a node */
}

static void blocks(ts_ctx *c, const lay_block *b)
{
    for (; b; b = b->next)
        block(c, b);
}

void ts_galley_build(ts_ctx *c, const lay_block *body)
{
    c->nitems = c->capitems = 0;
    c->items = NULL;
    c->ntables = c->captables = 0;
    c->tables = NULL;
    c->keep_following = 0;
    c->last_solid = -1;
    c->force_next = false;
    c->pending_space = 0;
    c->pending_anchors = NULL;
    c->pending_outline = NULL;
    c->pending_label = NULL;
    c->pending_runhead = NULL;
    ts_struct_begin(c, body);
    blocks(c, body);
    if (c->pending_anchors || c->pending_outline || c->pending_label ||
        c->pending_runhead)
        ts_item_add(c, 0, BRK_OK, 0);
}
