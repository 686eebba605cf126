/* ts_chart.c - horizontal bar charts drawn as vectors.
 *
 * One item per bar, so a long chart may run over a page; a short one is
 * kept together. With previous values each bar gets a lighter second bar
 * below it and the chart a legend. Numbers are written Swedish style:
 * space as thousands separator, decimal comma. */
#include "ts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* House style (doc/husstil.md), the same colours as the HTML: this year
 * #0b3c6e (11:1 on white), last year slate #6f8196 (4.0:1 on white, 2.8:1
 * against this year's bar), so both years stay visible (WCAG 1.4.11). */
static const float cur_rgb[3] = {0.043f, 0.235f, 0.431f};
static const float prev_rgb[3] = {0.435f, 0.506f, 0.588f};
static const float axis_rgb[3] = {0.35f, 0.35f, 0.35f};

/* Swedish number: "1 250", "4,5". NBSP keeps the groups together. */
static void sv_number(double v, char *out, size_t cap)
{
    double r = floor(v * 10 + 0.5) / 10;
    long long ip = (long long)floor(r);
    int frac = (int)floor((r - (double)ip) * 10 + 0.5);
    if (frac == 10) {
        ip++;
        frac = 0;
    }
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", ip);
    size_t n = strlen(digits), o = 0;
    for (size_t i = 0; i < n && o + 4 < cap; i++) {
        out[o++] = digits[i];
        size_t left = n - 1 - i;
        if (left > 0 && left % 3 == 0 && o + 4 < cap) {
            out[o++] = (char)0xC2;   /* U+00A0 */
            out[o++] = (char)0xA0;
        }
    }
    if (frac && o + 3 < cap) {
        out[o++] = ',';
        out[o++] = (char)('0' + frac);
    }
    out[o] = 0;
}

static ts_line *text_lines(ts_ctx *c, const char *text, double x, double w,
                           double size, int face, lay_align al, int *n)
{
    lay_inline in = {0};
    in.kind = LI_TEXT;
    in.text = text;
    ts_para_opts o = {0};
    o.width = w;
    o.x = x;
    o.align = al;
    o.base.face = face;
    o.base.size = size;
    o.lh_factor = 1.2;
    ts_line *ln;
    *n = ts_para_lines(c, &in, &o, &ln);
    /* The chart's texts (title, legend, labels, values) are separate
     * words to a reader of the tagged PDF: its last op ends with an
     * invisible space (ts_op.space_after), or pdfinfo -struct-text reads
     * "Möten per grupp20192018Ale5 st.4 st." */
    if (c->cur_sid > 0 && *n > 0) {
        ts_op *last = NULL;
        for (ts_op *op = ln[*n - 1].ops; op; op = op->next)
            if (op->kind == OP_TEXT)
                last = op;
        if (last)
            last->space_after = true;
    }
    return ln;
}

static ts_op *rect(ts_ctx *c, double x, double y, double w, double h,
                   const float rgb[3])
{
    ts_op *r = ts_op_new(c, OP_RECT);
    r->x = x;
    r->y = y;
    r->x2 = w;
    r->y2 = h;
    memcpy(r->rgb, rgb, sizeof r->rgb);
    return r;
}

static double text_w(ts_ctx *c, const char *s, int face, double size)
{
    lay_inline in = {0};
    in.kind = LI_TEXT;
    in.text = s;
    ts_style st = {0};
    st.face = face;
    st.size = size;
    return ts_para_natural(c, &in, &st, NULL);
}

/* The full stop that ends a sentence of the text alternative, or nothing
 * when the text so far already ends with one (a title that ends in '.',
 * '?' or '!', a unit such as "st."): "103 st.", never "103 st..". */
static const char *sentence_end(const char *out, size_t n, const char *stop)
{
    return n > 0 && strchr(".?!", out[n - 1]) ? "" : stop;
}

/* The chart's text alternative, its figures in Swedish words:
 * "Stapeldiagram: Ärenden per månad (antal). Januari 12 (föregående år
 * 9); Februari 7 (föregående år 11)." Built from the same bars that are
 * drawn, so the numbers agree with the picture. */
static const char *chart_alt(ts_ctx *c, const lay_block *ch)
{
    size_t cap = 128 + (ch->title ? strlen(ch->title) : 0) +
                 (ch->unit ? strlen(ch->unit) : 0);
    for (const lay_block *b = ch->child; b; b = b->next)
        cap += strlen(b->label) + 2 * (ch->unit ? strlen(ch->unit) : 0) +
               (ch->legend_previous ? strlen(ch->legend_previous) : 0) + 96;
    char *out = ts_alloc(c, cap);
    size_t n = 0;
    n += (size_t)snprintf(out + n, cap - n, "Stapeldiagram");
    if (ch->title && *ch->title)
        n += (size_t)snprintf(out + n, cap - n, ": %s", ch->title);
    n += (size_t)snprintf(out + n, cap - n, "%s", sentence_end(out, n, "."));
    const char *u = ch->unit && *ch->unit ? ch->unit : "";
    const char *sp = *u ? " " : "";
    for (const lay_block *b = ch->child; b; b = b->next) {
        char v[64], pv[64];
        sv_number(b->value, v, sizeof v);
        n += (size_t)snprintf(out + n, cap - n, " %s: %s%s%s", b->label, v,
                              sp, u);
        if (b->has_previous) {
            sv_number(b->previous, pv, sizeof pv);
            if (ch->legend_previous && *ch->legend_previous)
                n += (size_t)snprintf(out + n, cap - n, " (%s: %s%s%s)",
                                      ch->legend_previous, pv, sp, u);
            else
                n += (size_t)snprintf(out + n, cap - n,
                                      " (föregående år: %s%s%s)", pv, sp, u);
        }
        n += (size_t)snprintf(out + n, cap - n, "%s",
                              b->next ? ";" : sentence_end(out, n, "."));
    }
    return out;
}

void ts_chart_build(ts_ctx *c, const lay_block *ch)
{
    double size = c->doc->font_size - 1;
    double X = c->body_x, W = c->body_w;
    bool has_prev = false;
    double max = 0, label_w = 0;
    int nbars = 0;
    for (const lay_block *b = ch->child; b; b = b->next) {
        has_prev |= b->has_previous;
        if (b->value > max)
            max = b->value;
        if (b->has_previous && b->previous > max)
            max = b->previous;
        double lw = text_w(c, b->label, TS_REGULAR, size);
        if (lw > label_w)
            label_w = lw;
        nbars++;
    }
    label_w += 8;
    if (label_w > 0.35 * W)
        label_w = 0.35 * W;
    char num[64];
    sv_number(max, num, sizeof num);
    char numu[96];
    snprintf(numu, sizeof numu, "%s%s%s", num, ch->unit ? " " : "",
             ch->unit ? ch->unit : "");
    double value_w = text_w(c, numu, TS_REGULAR, size) + 8;
    double bar_x = X + label_w;
    double bar_max = W - label_w - value_w;
    if (bar_max < 20)
        bar_max = 20;
    int first = c->nitems;
    ts_space(c, 8);
    /* the whole chart (title, legend, bars, numbers) is one Figure */
    c->cur_sid = ts_snode_add(c, "Figure", c->part_sid);
    c->snodes[c->cur_sid].alt = chart_alt(c, ch);
    if (ch->id) {
        ts_anchor_l *a = ts_alloc(c, sizeof *a);
        a->id = ch->id;
        a->next = c->pending_anchors;
        c->pending_anchors = a;
    }
    if (ch->title) {
        int n;
        ts_line *ln = text_lines(c, ch->title, X, W, size + 1, TS_BOLD,
                                 LA_LEFT, &n);
        for (int k = 0; k < n; k++) {
            ts_vitem *it = ts_item_add(c, ln[k].h + (k == n - 1 ? 3 : 0),
                                       BRK_NO, VI_CONTENT);
            it->ops = ts_ops_shift(ln[k].ops, 0, 0);
        }
    }
    if (has_prev) {
        /* legend: two swatches with their labels */
        const char *lc = ch->legend_current ? ch->legend_current : "I år";
        const char *lp = ch->legend_previous ? ch->legend_previous
                                             : "Föregående år";
        double h = size * 1.6;
        ts_vitem *it = ts_item_add(c, h, BRK_NO, VI_CONTENT);
        double x = bar_x, sw = size * 0.9, y0 = (h - sw) / 2;
        ts_op *ops = NULL;
        for (int k = 0; k < 2; k++) {
            ts_ops_append(&ops, rect(c, x, y0, sw, sw, k ? prev_rgb : cur_rgb));
            int n;
            const char *s = k ? lp : lc;
            double tw = text_w(c, s, TS_REGULAR, size);
            ts_line *ln = text_lines(c, s, x + sw + 4, tw + 1, size,
                                     TS_REGULAR, LA_LEFT, &n);
            if (n > 0)
                ts_ops_append(&ops, ts_ops_shift(ln[0].ops, 0,
                                                (h - ln[0].h) / 2));
            x += sw + 4 + tw + 14;
        }
        it->ops = ops;
    }
    int first_bar = c->nitems;
    double bar_h = size * 1.15, prev_h = size * 0.75, gap = 5;
    for (const lay_block *b = ch->child; b; b = b->next) {
        int n;
        ts_line *ln = text_lines(c, b->label, X, label_w - 8, size,
                                 TS_REGULAR, LA_LEFT, &n);
        double lab_h = 0;
        for (int k = 0; k < n; k++)
            lab_h += ln[k].h;
        /* a bar without last year's value in a chart that has them
         * says so with a dash where that value would stand, as the
         * HTML page's table does */
        bool dash = has_prev && !b->has_previous;
        double bars = bar_h + (b->has_previous || dash ? prev_h + 1 : 0);
        double h = (lab_h > bars ? lab_h : bars) + gap;
        ts_vitem *it = ts_item_add(c, h, BRK_OK, VI_CONTENT);
        ts_op *ops = NULL;
        double y = (lab_h > bars ? (lab_h - bars) / 2 : 0) + gap / 2;
        double ly = (h - lab_h) / 2;
        for (int k = 0; k < n; k++) {
            ts_ops_append(&ops, ts_ops_shift(ln[k].ops, 0, ly));
            ly += ln[k].h;
        }
        double len = max > 0 ? b->value / max * bar_max : 0;
        if (len > 0)
            ts_ops_append(&ops, rect(c, bar_x, y, len, bar_h, cur_rgb));
        sv_number(b->value, num, sizeof num);
        snprintf(numu, sizeof numu, "%s%s%s", num, ch->unit ? " " : "",
                 ch->unit ? ch->unit : "");
        int nn;
        ts_line *vl = text_lines(c, numu, bar_x + len + 4, value_w + 50, size,
                                 TS_REGULAR, LA_LEFT, &nn);
        if (nn > 0)
            ts_ops_append(&ops, ts_ops_shift(vl[0].ops, 0,
                                            y + (bar_h - vl[0].h) / 2));
        if (b->has_previous || dash) {
            double py = y + bar_h + 1;
            double pl = max > 0 && !dash ? b->previous / max * bar_max : 0;
            if (pl > 0)
                ts_ops_append(&ops, rect(c, bar_x, py, pl, prev_h, prev_rgb));
            sv_number(b->previous, num, sizeof num);
            if (dash)
                snprintf(numu, sizeof numu, "%s", "\xe2\x80\x93");   /* – */
            else
                snprintf(numu, sizeof numu, "%s%s%s", num, ch->unit ? " " : "",
                         ch->unit ? ch->unit : "");
            vl = text_lines(c, numu, bar_x + pl + 4, value_w + 50, size - 1.5,
                            TS_REGULAR, LA_LEFT, &nn);
            if (nn > 0) {
                ts_op *pv = ts_ops_shift(vl[0].ops, 0,
                                        py + (prev_h - vl[0].h) / 2);
                for (ts_op *o = pv; o; o = o->next)
                    o->rgb[0] = o->rgb[1] = o->rgb[2] = 0.35f;
                ts_ops_append(&ops, pv);
            }
        }
        /* the axis */
        ts_op *ax = ts_op_new(c, OP_LINE);
        ax->x = ax->x2 = bar_x;
        ax->y = 0;
        ax->y2 = h;
        ax->width = 0.6;
        memcpy(ax->rgb, axis_rgb, sizeof axis_rgb);
        ts_ops_append(&ops, ax);
        it->ops = ops;
    }
    /* A chart that fits on a page stays on one; a longer one breaks
     * between bars (never leaving one bar alone) and repeats its title
     * and legend at the top of the next page, as a table its header. */
    double total = 0;
    for (int k = first; k < c->nitems; k++)
        total += c->items[k].h;
    if (total <= c->body_h) {
        for (int k = first; k < c->nitems - 1; k++)
            c->items[k].brk = BRK_NO;
    } else if (c->nitems > first_bar) {
        if (c->nitems - first_bar >= 4) {
            c->items[first_bar].brk = BRK_NO;
            c->items[c->nitems - 2].brk = BRK_NO;
        }
        int ti = c->ntables;
        ts_table_info *info = ts_table_info_add(c);
        info->chart = true;
        info->first = first;
        info->first_body = first_bar;
        info->last = c->nitems - 1;
        info->x0 = X;
        info->x1 = X + W;
        for (int k = first; k < first_bar; k++) {
            if (c->items[k].flags & VI_DISCARD)
                continue;
            ts_ops_append(&info->head_ops,
                          ts_ops_copy(c, c->items[k].ops, 0, info->head_h));
            info->head_h += c->items[k].h;
        }
        for (int k = first_bar; k < c->nitems; k++)
            c->items[k].table = ti;
    }
    c->cur_sid = 0;
    c->pending_space = 10;
}
