/* ts_para.c - inline content to lines.
 *
 * Inline content is flattened into an array of characters, each with its
 * style and true width. Breaking is first-fit over that array: at spaces,
 * after hyphens and slashes between letters, at Swedish hyphenation points
 * (libhyphen) and soft hyphens, and, as a last resort, between any two
 * characters, so that no word ever runs past the measure. */
#include "ts.h"

#include <stdlib.h>
#include <string.h>

enum {
    F_SPACE = 1,   /* breakable space */
    F_BR = 2,      /* forced line break */
    F_HYPH = 4,    /* may break after, adding a hyphen */
    F_BREAK = 8,   /* may break after, nothing added */
    F_SHY = 16     /* soft hyphen: invisible unless broken */
};

typedef struct pch {
    uint32_t cp;
    uint16_t st;
    uint8_t fl;
    double w;                 /* points */
} pch;

typedef struct pbuf {
    ts_ctx *c;
    const ts_para_opts *o;
    pch *a;
    int n, cap;
    ts_style *st;
    int nst, capst;
} pbuf;

static bool style_eq(const ts_style *a, const ts_style *b)
{
    return a->face == b->face && a->size == b->size && a->link == b->link &&
           a->rgb[0] == b->rgb[0] && a->rgb[1] == b->rgb[1] &&
           a->rgb[2] == b->rgb[2];
}

static uint16_t style_id(pbuf *p, const ts_style *s)
{
    if (p->nst > 0 && style_eq(&p->st[p->nst - 1], s))
        return (uint16_t)(p->nst - 1);
    for (int i = 0; i < p->nst; i++)
        if (style_eq(&p->st[i], s))
            return (uint16_t)i;
    if (p->nst == 65535)
        ts_fail(p->c, "för många textstilar i ett stycke");
    if (p->nst == p->capst) {
        size_t nc = p->capst ? (size_t)p->capst * 2 : 16;
        ts_style *ns = realloc(p->c->scratch_st, sizeof(ts_style) * nc);
        if (!ns)
            ts_fail(p->c, "slut på minne");
        p->c->scratch_st = ns;
        p->c->scratch_st_cap = nc;
        p->st = ns;
        p->capst = (int)nc;
    }
    p->st[p->nst] = *s;
    return (uint16_t)p->nst++;
}

static void push(pbuf *p, uint32_t cp, const ts_style *s, uint8_t fl)
{
    if (p->n == p->cap) {
        if (p->cap > (1 << 28))
            ts_fail(p->c, "ett stycke är för långt");
        size_t nc = p->cap ? (size_t)p->cap * 2 : 256;
        pch *na = realloc(p->c->scratch_ch, sizeof(pch) * nc);
        if (!na)
            ts_fail(p->c, "slut på minne");
        p->c->scratch_ch = na;
        p->c->scratch_ch_cap = nc;
        p->a = na;
        p->cap = (int)nc;
    }
    pch *ch = &p->a[p->n++];
    ch->st = style_id(p, s);
    ch->fl = fl;
    ch->cp = cp;
    ch->w = 0;
    if (fl & (F_BR | F_SHY))
        return;
    int w = ts_glyph_w(p->c, s->face, cp);
    if (w < 0) {
        /* The face lacks this character: show a question mark rather than
         * an empty box (.notdef). */
        ch->cp = '?';
        w = ts_glyph_w(p->c, s->face, '?');
        if (w < 0)
            w = 0;
    }
    ch->w = w * s->size / 1000.0;
}

static bool last_is_space(const pbuf *p)
{
    return p->n == 0 || (p->a[p->n - 1].fl & (F_SPACE | F_BR));
}

static void push_text(pbuf *p, const char *s, const ts_style *st)
{
    size_t i = 0, len = strlen(s);
    uint32_t cp;
    while (ts_utf8_decode(s, len, &i, &cp)) {
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
            if (!last_is_space(p))
                push(p, ' ', st, F_SPACE);
        } else if (cp == 0xAD) {
            push(p, cp, st, F_SHY);
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
                   cp == 0x200B || cp == 0xFEFF) {
            continue;
        } else {
            push(p, cp, st, 0);
        }
    }
}

static void push_number(pbuf *p, long v, const ts_style *st)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    push_text(p, buf, st);
}

static void flatten(pbuf *p, const lay_inline *in, ts_style st)
{
    for (; in; in = in->next) {
        ts_style s = st;
        switch (in->kind) {
        case LI_TEXT:
            push_text(p, in->text, &st);
            break;
        case LI_B:
            s.face |= TS_BOLD;
            flatten(p, in->child, s);
            break;
        case LI_I:
            s.face |= TS_ITALIC;
            flatten(p, in->child, s);
            break;
        case LI_LINK:
            s.link = in->ref;
            if (st.rgb[0] == 0 && st.rgb[1] == 0 && st.rgb[2] == 0) {
                s.rgb[0] = 0.0f;
                s.rgb[1] = 0.25f;
                s.rgb[2] = 0.55f;
            }
            flatten(p, in->child, s);
            break;
        case LI_BR:
            while (p->n > 0 && (p->a[p->n - 1].fl & F_SPACE))
                p->n--;
            push(p, 0, &st, F_BR);
            break;
        case LI_PAGEREF: {
            const ts_anchor *a =
                p->c->prev ? ts_result_anchor(p->c->prev, in->ref) : NULL;
            if (!a)
                p->c->refs_unknown = true;
            push_number(p, a ? a->page + 1 : 0, &st);
            break;
        }
        case LI_PAGENUM:
            push_number(p, p->o ? p->o->page_no : 0, &st);
            break;
        case LI_PAGECOUNT:
            push_number(p, p->o ? p->o->page_count : 0, &st);
            break;
        }
    }
}

static bool is_letter(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x370 && cp < 0x2000);
}

/* Marks break opportunities inside words. */
static void mark_breaks(pbuf *p)
{
    int i = 0;
    while (i < p->n) {
        while (i < p->n && (p->a[i].fl & (F_SPACE | F_BR)))
            i++;
        int ws = i;
        bool shy = false;
        while (i < p->n && !(p->a[i].fl & (F_SPACE | F_BR))) {
            if (p->a[i].fl & F_SHY)
                shy = true;
            i++;
        }
        int we = i;
        /* an e-mail address or a web address: break after its punctuation,
         * never insert a hyphen (it would change the address) */
        bool addr = false;
        for (int k = ws; k < we && !addr; k++)
            addr = p->a[k].cp == '@' ||
                   (p->a[k].cp == ':' && k + 2 < we && p->a[k + 1].cp == '/');
        if (addr) {
            for (int k = ws; k < we - 1; k++) {
                uint32_t cp = p->a[k].cp;
                if (cp == '.' || cp == '@' || cp == '/' || cp == '-' ||
                    cp == '_')
                    p->a[k].fl |= F_BREAK;
            }
            continue;
        }
        /* after hyphens, dashes and slashes between letters */
        for (int k = ws + 1; k < we - 1; k++) {
            uint32_t cp = p->a[k].cp;
            if ((cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == '/') &&
                is_letter(p->a[k - 1].cp) && is_letter(p->a[k + 1].cp))
                p->a[k].fl |= F_BREAK;
        }
        if (shy)
            continue;   /* the author chose the break points */
        /* each run of letters of the word is hyphenated on its own */
        int k = ws;
        while (k < we) {
            while (k < we && !is_letter(p->a[k].cp))
                k++;
            int rs = k;
            while (k < we && is_letter(p->a[k].cp))
                k++;
            int len = k - rs;
            if (len >= 5 && len <= 200) {
                uint32_t cps[200];
                unsigned char br[200];
                for (int m = 0; m < len; m++)
                    cps[m] = p->a[rs + m].cp;
                ts_hyphenate(p->c, cps, len, br);
                for (int m = 0; m < len - 1; m++)
                    if (br[m])
                        p->a[rs + m].fl |= F_HYPH;
            }
        }
    }
}

static void build(pbuf *p, ts_ctx *c, const lay_inline *in,
                  const ts_para_opts *o, const ts_style *base)
{
    memset(p, 0, sizeof *p);
    p->c = c;
    p->o = o;
    /* reuse the context's scratch arrays */
    p->a = c->scratch_ch;
    p->cap = (int)c->scratch_ch_cap;
    p->st = c->scratch_st;
    p->capst = (int)c->scratch_st_cap;
    flatten(p, in, *base);
    while (p->n > 0 && (p->a[p->n - 1].fl & F_SPACE))
        p->n--;
    /* drop spaces right after a forced break and at the start */
    int w = 0;
    for (int r = 0; r < p->n; r++) {
        if ((p->a[r].fl & F_SPACE) && (w == 0 || (p->a[w - 1].fl & F_BR)))
            continue;
        p->a[w++] = p->a[r];
    }
    p->n = w;
}

ts_op *ts_op_new(ts_ctx *c, ts_op_kind k)
{
    ts_op *op = ts_alloc(c, sizeof *op);
    op->kind = k;
    return op;
}

static double hyphen_w(pbuf *p, int st)
{
    const ts_style *s = &p->st[st];
    int w = ts_glyph_w(p->c, s->face, '-');
    return (w < 0 ? 0 : w) * s->size / 1000.0;
}

/* Emits the ops of one line: characters [from, to), plus a hyphen. */
static ts_line emit_line(pbuf *p, int from, int to, bool hyphen, bool last,
                         double x0, double width)
{
    ts_ctx *c = p->c;
    const ts_para_opts *o = p->o;
    ts_line ln = {0};
    double maxsize = o->base.size;
    double nat = 0;
    int nspaces = 0;
    for (int k = from; k < to; k++) {
        nat += p->a[k].w;
        if (p->st[p->a[k].st].size > maxsize)
            maxsize = p->st[p->a[k].st].size;
        if (p->a[k].fl & F_SPACE)
            nspaces++;
    }
    int hst = to > from ? p->a[to - 1].st : 0;
    if (hyphen)
        nat += hyphen_w(p, hst);
    ts_face *f = ts_face_get(c, TS_REGULAR);
    ln.h = maxsize * o->lh_factor;
    ln.baseline = (ln.h - maxsize * (f->ascent + f->descent)) / 2 +
                  maxsize * f->ascent;
    ln.natural = nat;
    double x = x0, gap = 0;
    bool justify = false;
    switch (o->align) {
    case LA_RIGHT: x += width - nat; break;
    case LA_CENTER: x += (width - nat) / 2; break;
    case LA_JUSTIFY:
        if (!last && nspaces > 0 && nat < width) {
            justify = true;
            gap = (width - nat) / nspaces;
        }
        break;
    default: break;
    }
    ts_op **tail = &ln.ops;
    int k = from;
    while (k < to) {
        if ((p->a[k].fl & (F_SHY | F_BR)) ||
            (justify && (p->a[k].fl & F_SPACE))) {
            x += p->a[k].w + ((p->a[k].fl & F_SPACE) ? gap : 0);
            k++;
            continue;
        }
        int st = p->a[k].st;
        char buf[1024];
        size_t blen = 0;
        double rw = 0;
        int m = k;
        while (m < to && p->a[m].st == st && blen < sizeof buf - 8 &&
               !(justify && (p->a[m].fl & F_SPACE))) {
            if (!(p->a[m].fl & (F_SHY | F_BR)))   /* invisible here */
                blen += ts_utf8_encode(p->a[m].cp, buf + blen);
            rw += p->a[m].w;
            m++;
        }
        if (hyphen && m == to && st == hst) {
            buf[blen++] = '-';
            rw += hyphen_w(p, st);
            hyphen = false;
        }
        const ts_style *s = &p->st[st];
        ts_op *op = ts_op_new(c, OP_TEXT);
        op->face = s->face;
        op->size = s->size;
        op->x = x;
        op->y = ln.baseline;
        memcpy(op->rgb, s->rgb, sizeof op->rgb);
        op->text = ts_strndup(c, buf, blen);
        *tail = op;
        tail = &op->next;
        if (s->link) {
            ts_face *lf = ts_face_get(c, s->face);
            ts_op *l = ts_op_new(c, OP_LINK);
            l->x = x;
            l->y = ln.baseline - s->size * lf->ascent;
            l->x2 = rw;
            l->y2 = s->size * (lf->ascent + lf->descent);
            l->dest = s->link;
            *tail = l;
            tail = &l->next;
        }
        x += rw;
        k = m;
    }
    if (hyphen) {   /* the hyphen after a soft hyphen in its own style */
        const ts_style *s = &p->st[hst];
        ts_op *op = ts_op_new(c, OP_TEXT);
        op->face = s->face;
        op->size = s->size;
        op->x = x;
        op->y = ln.baseline;
        memcpy(op->rgb, s->rgb, sizeof op->rgb);
        op->text = "-";
        *tail = op;
    }
    return ln;
}

static bool is_combining(uint32_t cp)
{
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF);
}

int ts_para_lines(ts_ctx *c, const lay_inline *in, const ts_para_opts *o,
                  ts_line **lines)
{
    pbuf p;
    build(&p, c, in, o, &o->base);
    mark_breaks(&p);
    int nl = 0, capl = 0;
    ts_line *out = NULL;
    int i = 0;
    bool ragged = o->align != LA_JUSTIFY;
    while (i < p.n) {
        while (i < p.n && (p.a[i].fl & F_SPACE))
            i++;
        if (i >= p.n)
            break;
        double indent = nl == 0 ? o->indent_first : o->indent_rest;
        double W = o->width - indent;
        if (W < 1)
            W = 1;
        double x = 0;
        int last_space = -1, last_hyph = -1;
        double last_space_x = 0;
        bool hyph_adds = false;
        int end = -1, next = -1;
        bool hyphen = false, forced = false;
        int j = i;
        for (; j < p.n; j++) {
            pch *ch = &p.a[j];
            if (ch->fl & F_BR) {
                end = j;
                next = j + 1;
                forced = true;
                break;
            }
            if (ch->fl & F_SPACE) {
                last_space = j;
                last_space_x = x;
                x += ch->w;
                continue;
            }
            if (x + ch->w > W + 1e-6 && j > i) {
                bool use_hyph = last_hyph > last_space &&
                    (last_space < 0 ||
                     last_space_x < (ragged ? 0.85 : 0.93) * W);
                if (use_hyph || (last_space < 0 && last_hyph >= 0)) {
                    end = last_hyph + 1;
                    next = last_hyph + 1;
                    hyphen = hyph_adds;
                    /* hyph_adds belongs to the last registered point */
                } else if (last_space >= 0) {
                    end = last_space;
                    next = last_space + 1;
                } else {
                    int b = j;
                    while (b > i + 1 && is_combining(p.a[b].cp))
                        b--;
                    end = next = b;
                }
                break;
            }
            x += ch->w;
            if (ch->fl & (F_HYPH | F_SHY)) {
                double hw = hyphen_w(&p, ch->st);
                if (x + hw <= W + 1e-6) {
                    last_hyph = j;
                    hyph_adds = true;
                }
            } else if (ch->fl & F_BREAK) {
                last_hyph = j;
                hyph_adds = false;
            }
        }
        if (end < 0) {
            end = p.n;
            next = p.n;
        }
        while (end > i && (p.a[end - 1].fl & F_SPACE))
            end--;
        if (nl == capl) {
            int nc = capl ? capl * 2 : 8;
            ts_line *na = ts_alloc(c, sizeof(ts_line) * (size_t)nc);
            if (nl)
                memcpy(na, out, sizeof(ts_line) * (size_t)nl);
            out = na;
            capl = nc;
        }
        bool last = forced || next >= p.n;
        out[nl++] = emit_line(&p, i, end, hyphen, last, o->x + indent, W);
        i = next;
    }
    *lines = out;
    return nl;
}

double ts_para_natural(ts_ctx *c, const lay_inline *in, const ts_style *st,
                       double *longest_word)
{
    pbuf p;
    build(&p, c, in, NULL, st);
    double total = 0, line = 0, word = 0, longest = 0;
    for (int k = 0; k < p.n; k++) {
        if (p.a[k].fl & (F_SPACE | F_BR)) {
            if (word > longest)
                longest = word;
            word = 0;
        } else {
            word += p.a[k].w;
        }
        if (p.a[k].fl & F_BR) {
            if (line > total)
                total = line;
            line = 0;
        } else {
            line += p.a[k].w;
        }
    }
    if (word > longest)
        longest = word;
    if (line > total)
        total = line;
    if (longest_word)
        *longest_word = longest;
    return total;
}

const char *ts_inline_text(ts_ctx *c, const lay_inline *in)
{
    pbuf p;
    ts_style st = {0};
    st.size = 10;
    build(&p, c, in, NULL, &st);
    char *out = ts_alloc(c, (size_t)p.n * 4 + 1);
    size_t len = 0;
    for (int k = 0; k < p.n; k++) {
        if (p.a[k].fl & F_SHY)
            continue;
        if (p.a[k].fl & F_BR) {
            out[len++] = ' ';
            continue;
        }
        len += ts_utf8_encode(p.a[k].cp, out + len);
    }
    out[len] = 0;
    return out;
}

ts_op *ts_ops_copy(ts_ctx *c, const ts_op *ops, double dx, double dy)
{
    ts_op *head = NULL, **tail = &head;
    for (const ts_op *o = ops; o; o = o->next) {
        ts_op *n = ts_alloc(c, sizeof *n);
        *n = *o;
        n->next = NULL;
        n->x += dx;
        n->y += dy;
        if (n->kind == OP_LINE) {
            n->x2 += dx;
            n->y2 += dy;
        }
        *tail = n;
        tail = &n->next;
    }
    return head;
}

ts_op *ts_ops_shift(ts_op *ops, double dx, double dy)
{
    for (ts_op *n = ops; n; n = n->next) {
        n->x += dx;
        n->y += dy;
        if (n->kind == OP_LINE) {
            n->x2 += dx;
            n->y2 += dy;
        }
    }
    return ops;
}

void ts_ops_append(ts_op **list, ts_op *more)
{
    while (*list)
        list = &(*list)->next;
    *list = more;
}
