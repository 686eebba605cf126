/* ts_table.c - tables: column widths, wrapped and hyphenated cells, rows
 * cut into one item per line ("slices") so that a tall row can run over a
 * page break, and header rows kept for repetition on every page. */
#include "ts.h"

#include <string.h>

#define PAD_X 5.0      /* 10 pt between two columns' text: doc/husstil.md */
#define PAD_Y 3.0

/* House style (doc/husstil.md): horizontal rules only; a hairline in
 * light grey between rows, a heavier dark rule under the header and at
 * the table's end; the header row on a light fill. */
/* the HTML's colours: --linje #9aa8b8, --accent #0b3c6e, --yta #e9eff6 */
static const float rule_light[3] = {0.604f, 0.659f, 0.722f};
static const float rule_dark[3] = {0.043f, 0.235f, 0.431f};
static const float head_fill[3] = {0.914f, 0.937f, 0.965f};
#define RULE_ROW 0.4
#define RULE_HEAD 1.0
#define RULE_END 0.7

typedef struct cell {
    const lay_block *b;
    int col, span;
    ts_line *ln;
    int n;
} cell;

/* One measuring pass over each column's single-column cells (with their
 * padding): the natural width (nat) and the longest word (minw) of all of
 * them, and the longest word again split into header rows, set bold (hw),
 * and the body (bw): a header never hyphenates, so its column must be at
 * least hw wide; a column narrower than bw breaks a word. */
static void measure(ts_ctx *c, const lay_block *t, int ncols, double size,
                    double *nat, double *minw, double *hw, double *bw)
{
    for (const lay_block *row = t->child; row; row = row->next) {
        int col = 0;
        for (const lay_block *ce = row->child; ce; ce = ce->next) {
            if (ce->colspan == 1 && col < ncols) {
                ts_style st = {0};
                st.face = row->head ? TS_BOLD : TS_REGULAR;
                st.size = size;
                double lw;
                double nw = ts_para_natural(c, ce->inl, &st, &lw) + 2 * PAD_X;
                lw += 2 * PAD_X;
                double *m = row->head ? hw : bw;
                if (nw > nat[col])
                    nat[col] = nw;
                if (lw > minw[col])
                    minw[col] = lw;
                if (lw > m[col])
                    m[col] = lw;
            }
            col += ce->colspan;
        }
    }
}

/* Widen the columns whose header word does not fit, taking the room from
 * the columns that have some to spare above both their header word and
 * their longest body word, in proportion to that spare. */
static void fit_heads(int ncols, double *w, const double *hw,
                      const double *bw)
{
    double need = 0, spare = 0, sp[64];
    for (int i = 0; i < ncols; i++) {
        double fl = bw[i] < w[i] ? bw[i] : w[i];
        if (hw[i] > fl)
            fl = hw[i];
        sp[i] = w[i] > fl ? w[i] - fl : 0;
        if (w[i] < hw[i])
            need += hw[i] - w[i];
        spare += sp[i];
    }
    if (need <= 0 || spare <= 0)
        return;
    double take = need < spare ? need : spare;
    for (int i = 0; i < ncols; i++) {
        if (w[i] < hw[i])
            w[i] += (hw[i] - w[i]) * take / need;
        else
            w[i] -= sp[i] * take / spare;
    }
}

static void columns(ts_ctx *c, const lay_block *t, int ncols, double *w,
                    double size)
{
    double W = c->body_w;
    double nat[64] = {0}, minw[64] = {0}, hw[64] = {0}, bw[64] = {0};
    measure(c, t, ncols, size, nat, minw, hw, bw);
    if (t->widths) {
        double sum = 0;
        for (int i = 0; i < ncols; i++)
            sum += t->widths[i];
        for (int i = 0; i < ncols; i++)
            w[i] = t->widths[i] / sum * W;
        fit_heads(ncols, w, hw, bw);
        return;
    }
    /* automatic: from the natural and the longest-word width of each
     * column's single-column cells */
    double sn = 0, sm = 0;
    for (int i = 0; i < ncols; i++) {
        double floor_w = W / ncols * 0.5;
        if (floor_w > 40)
            floor_w = 40;
        if (minw[i] > W / ncols * 1.6)     /* long words will hyphenate */
            minw[i] = W / ncols * 1.6;
        if (minw[i] < floor_w)
            minw[i] = floor_w;
        if (nat[i] < minw[i])
            nat[i] = minw[i];
        sn += nat[i];
        sm += minw[i];
    }
    for (int i = 0; i < ncols; i++) {
        if (sn <= W)
            w[i] = nat[i] * W / sn;
        else if (sm <= W)
            w[i] = minw[i] + (nat[i] - minw[i]) * (W - sm) / (sn - sm);
        else
            w[i] = minw[i] * W / sm;
    }
    fit_heads(ncols, w, hw, bw);
}

ts_table_info *ts_table_info_add(ts_ctx *c)
{
    if (c->ntables == c->captables) {
        int nc = c->captables ? c->captables * 2 : 8;
        ts_table_info *nt = ts_alloc(c, sizeof(ts_table_info) * (size_t)nc);
        if (c->ntables)
            memcpy(nt, c->tables, sizeof(ts_table_info) * (size_t)c->ntables);
        c->tables = nt;
        c->captables = nc;
    }
    ts_table_info *info = &c->tables[c->ntables++];
    memset(info, 0, sizeof *info);
    return info;
}

static ts_op *line(ts_ctx *c, double x1, double y1, double x2, double y2,
                   double width, const float rgb[3])
{
    ts_op *l = ts_op_new(c, OP_LINE);
    l->x = x1;
    l->y = y1;
    l->x2 = x2;
    l->y2 = y2;
    l->width = width;
    memcpy(l->rgb, rgb, sizeof l->rgb);
    l->sid = 0;                       /* a rule is an artifact */
    return l;
}

/* Page flow of a table: a short one (up to TS_TABLE_WHOLE body rows) is
 * never split when it fits on a page; a longer one breaks only where at
 * least two rows stay on each side (not after its first row, not before
 * its last, nor inside either). row_end[i] is the last item of body row
 * i. */
#define TS_TABLE_WHOLE 6

static void keep_rows(ts_ctx *c, const ts_table_info *info,
                      const int *row_end, int nb)
{
    if (nb == 0)
        return;
    double h = 0;
    for (int k = info->first; k <= info->last; k++)
        h += c->items[k].h;
    if (nb <= TS_TABLE_WHOLE && h <= c->body_h) {
        for (int k = info->first; k < info->last; k++)
            c->items[k].brk = BRK_NO;
        return;
    }
    if (nb < 4)
        return;
    for (int k = info->first_body; k <= row_end[0]; k++)
        c->items[k].brk = BRK_NO;
    for (int k = row_end[nb - 3] + 1; k < info->last; k++)
        c->items[k].brk = BRK_NO;
}

void ts_table_build(ts_ctx *c, const lay_block *t)
{
    int ncols = 0;
    for (const lay_block *ce = t->child ? t->child->child : NULL; ce;
         ce = ce->next)
        ncols += ce->colspan;
    if (ncols == 0 || ncols > 64)
        return;
    double size = c->doc->font_size - 1;
    double lhf = 1.25;
    double w[64], x[65];
    columns(c, t, ncols, w, size);
    x[0] = c->body_x;
    for (int i = 0; i < ncols; i++)
        x[i + 1] = x[i] + w[i];
    int ti = c->ntables;
    ts_table_info *info = ts_table_info_add(c);
    info->x0 = x[0];
    info->x1 = x[ncols];
    info->first = c->nitems;
    info->first_body = -1;
    ts_op **head_tail = &info->head_ops;

    ts_space(c, 4);
    if (t->id) {
        ts_anchor_l *a = ts_alloc(c, sizeof *a);
        a->id = t->id;
        a->next = c->pending_anchors;
        c->pending_anchors = a;
    }
    /* Table > Caption, THead > TR > TH, TBody > TR > TD; a header row
     * repeated on a later page is an artifact there (ts_page.c) */
    int tsid = ts_snode_add(c, "Table", c->part_sid), thead = 0, tbody = 0;
    if (t->caption) {
        c->cur_sid = ts_snode_add(c, "Caption", tsid);
        lay_inline cap = {0};
        cap.kind = LI_TEXT;
        cap.text = t->caption;
        ts_para_opts o = {0};
        o.width = c->body_w;
        o.x = c->body_x;
        o.align = LA_LEFT;
        o.base.face = TS_BOLD;
        o.base.size = size;
        o.lh_factor = lhf;
        ts_line *ln;
        int n = ts_para_lines(c, &cap, &o, &ln);
        for (int k = 0; k < n; k++) {
            ts_vitem *it = ts_item_add(c, ln[k].h + (k == n - 1 ? 2 : 0),
                                       BRK_NO, VI_CONTENT);
            it->ops = ts_ops_shift(ln[k].ops, 0, 0);
        }
        /* on a page the table runs on to, the caption comes back with
         * "(forts.)" above the repeated header rows, so a reader of that
         * page knows which table it is (an artifact, as those rows) */
        size_t cl = strlen(t->caption);
        char *ct = ts_alloc(c, cl + sizeof " (forts.)");
        memcpy(ct, t->caption, cl);
        memcpy(ct + cl, " (forts.)", sizeof " (forts.)");
        cap.text = ct;
        n = ts_para_lines(c, &cap, &o, &ln);
        for (int k = 0; k < n; k++) {
            ts_ops_append(head_tail, ts_ops_copy(c, ln[k].ops, 0, info->head_h));
            info->head_h += ln[k].h + (k == n - 1 ? 2 : 0);
        }
    }
    ts_face *f = ts_face_get(c, TS_REGULAR);
    (void)f;
    int nbody = 0, nb = 0;
    for (const lay_block *row = t->child; row; row = row->next)
        nbody += !row->head;
    int *row_end = ts_alloc(c, sizeof(int) * (size_t)(nbody + 1));
    for (const lay_block *row = t->child; row; row = row->next) {
        cell cells[64];
        int nc = 0, col = 0, m = 1;
        int *group = row->head ? &thead : &tbody;
        if (*group == 0)
            *group = ts_snode_add(c, row->head ? "THead" : "TBody", tsid);
        int tr = ts_snode_add(c, "TR", *group);
        for (const lay_block *ce = row->child; ce && nc < 64; ce = ce->next) {
            /* a header row's cells head their columns; a cell marked
             * header="row" (a label in a label/value list) heads its row */
            bool th = row->head || ce->row_header;
            c->cur_sid = ts_snode_add(c, th ? "TH" : "TD", tr);
            c->snodes[c->cur_sid].lang = ce->lang;
            if (th)
                c->snodes[c->cur_sid].scope = row->head ? "Column" : "Row";
            cell *cl = &cells[nc++];
            cl->b = ce;
            cl->col = col;
            cl->span = ce->colspan;
            if (col + cl->span > ncols)
                cl->span = ncols - col;
            c->snodes[c->cur_sid].colspan = cl->span;
            double cw = x[col + cl->span] - x[col];
            ts_para_opts o = {0};
            o.width = cw - 2 * PAD_X;
            o.x = x[col] + PAD_X;
            o.align = ce->align == LA_DEFAULT ? LA_LEFT : ce->align;
            o.base.face = row->head ? TS_BOLD : TS_REGULAR;
            o.base.size = size;
            o.no_hyph = row->head;    /* "Insat-ser" reads badly */
            o.cell = true;
            o.lh_factor = lhf;
            cl->n = ts_para_lines(c, ce->inl, &o, &cl->ln);
            /* A line is only wider than its cell when a single glyph is
             * (words break down to single glyphs at worst), in a very
             * narrow column (64 of them, or a tiny given width): then the
             * padding shrinks with the column and the cell's text is set
             * smaller until its widest line fits, so that nothing runs
             * into the next cell or past the margin. */
            for (int tries = 0; tries < 5; tries++) {
                double widest = 0;
                for (int k = 0; k < cl->n; k++)
                    if (cl->ln[k].natural > widest)
                        widest = cl->ln[k].natural;
                if (widest <= o.width + 0.01)
                    break;
                double pad = cw * 0.15 < PAD_X ? cw * 0.15 : PAD_X;
                if (tries == 0 && pad < PAD_X) {
                    o.width = cw - 2 * pad;
                    o.x = x[col] + pad;
                } else if (o.width <= 0) {
                    break;
                } else {
                    o.base.size *= o.width / widest * 0.98;
                }
                cl->n = ts_para_lines(c, ce->inl, &o, &cl->ln);
            }
            if (cl->n > m)
                m = cl->n;
            col += cl->span;
        }
        for (int k = 0; k < m; k++) {
            double lh = size * lhf;
            for (int i = 0; i < nc; i++)
                if (k < cells[i].n && cells[i].ln[k].h > lh)
                    lh = cells[i].ln[k].h;
            double top = k == 0 ? PAD_Y : 0;
            double h = lh + top + (k == m - 1 ? PAD_Y : 0);
            int brk;
            if (row->head)
                brk = BRK_NO;
            else if (k == m - 1)
                brk = BRK_OK;
            else if (m <= 3 || k == 0 || k == m - 2)
                brk = BRK_NO;
            else
                brk = BRK_BAD;
            ts_vitem *it = ts_item_add(c, h, brk,
                                       VI_CONTENT | (row->head ? VI_HEADROW : 0));
            it->table = ti;
            if (!row->head && info->first_body < 0)
                info->first_body = c->nitems - 1;
            ts_op *ops = NULL;
            if (row->head && !t->no_rules) {
                ts_op *r = ts_op_new(c, OP_RECT);
                r->sid = 0;                   /* a fill: artifact */
                r->x = x[0];
                r->y = 0;
                r->x2 = x[ncols] - x[0];
                r->y2 = h;
                memcpy(r->rgb, head_fill, sizeof head_fill);
                ts_ops_append(&ops, r);
            }
            for (int i = 0; i < nc; i++)
                if (k < cells[i].n)
                    ts_ops_append(&ops, ts_ops_shift(cells[i].ln[k].ops, 0,
                                                    top));
            /* rules: a dark one above a table without a header, under
             * the header and under the last row; a light one between
             * rows; no verticals */
            if (!t->no_rules) {
                bool last_head = row->head && (!row->next || !row->next->head);
                if (k == 0 && row == t->child && !row->head)
                    ts_ops_append(&ops, line(c, x[0], 0, x[ncols], 0,
                                             RULE_END, rule_dark));
                if (k == m - 1) {
                    if (last_head)
                        ts_ops_append(&ops, line(c, x[0], h, x[ncols], h,
                                                 RULE_HEAD, rule_dark));
                    else if (!row->next)
                        ts_ops_append(&ops, line(c, x[0], h, x[ncols], h,
                                                 RULE_END, rule_dark));
                    else if (!row->head)
                        ts_ops_append(&ops, line(c, x[0], h, x[ncols], h,
                                                 RULE_ROW, rule_light));
                }
            }
            it->ops = ops;
            if (row->head) {
                ts_ops_append(head_tail, ts_ops_copy(c, ops, 0, info->head_h));
                info->head_h += h;
            }
        }
        if (!row->head)
            row_end[nb++] = c->nitems - 1;
    }
    c->cur_sid = 0;
    info->last = c->nitems - 1;
    keep_rows(c, info, row_end, nb);
    if (info->first_body < 0)
        info->first_body = c->nitems;
    c->pending_space = 8;
}
