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
    F_SHY = 16,    /* soft hyphen: invisible unless broken */
    F_EMERG = 32,  /* may break after, as a last resort (total fit) */
    F_JOINT = 64,  /* with F_HYPH: a compound's parts meet here */
    F_MAIN = 128   /* with F_JOINT: the compound's main (last) joint */
};

typedef struct pch {
    uint32_t cp;
    uint16_t st;
    uint8_t fl;
    int16_t kern;             /* pair kerning after it, 1/1000 em */
    double w;                 /* points, kerning included */
} pch;

typedef struct pbuf {
    ts_ctx *c;
    const ts_para_opts *o;
    pch *a;
    int n, cap;
    ts_style *st;
    int nst, capst;
    long line;                /* the layout line of the inline being read */
} pbuf;

static bool style_eq(const ts_style *a, const ts_style *b)
{
    return a->face == b->face && a->size == b->size && a->link == b->link &&
           a->link_sid == b->link_sid &&
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
        ts_fail_at(p->c, p->line, "stycket har fler än 65 535 olika "
                   "textstilar (varje länk räknas för sig); dela upp det");
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

/* Kerns the last two characters when they are glyphs of one face and
 * size next to each other (no space, break or soft hyphen between): the
 * pair's kerning goes into the first one's width, so breaking and
 * justifying measure the text as it is drawn. */
static void kern_prev(pbuf *p)
{
    if (p->n < 2)
        return;
    pch *a = &p->a[p->n - 2], *b = &p->a[p->n - 1];
    const uint8_t gap = F_SPACE | F_BR | F_SHY;
    const ts_style *sa = &p->st[a->st], *sb = &p->st[b->st];
    if ((a->fl & gap) || (b->fl & gap) || sa->face != sb->face ||
        sa->size != sb->size)
        return;
    int k = ts_kern(p->c, sa->face, a->cp, b->cp);
    a->kern = (int16_t)k;
    a->w += k * sa->size / 1000.0;
}

/* push() with s's style number already known (sid == style_id(p, s)) */
static void push_st(pbuf *p, uint32_t cp, const ts_style *s, uint8_t fl,
                    uint16_t sid)
{
    if (p->n == p->cap) {
        if (p->cap > (1 << 28))
            ts_fail_at(p->c, p->line, "stycket är för långt (högst %d "
                       "tecken); dela upp det", 1 << 28);
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
    ch->st = sid;
    ch->fl = fl;
    ch->cp = cp;
    ch->kern = 0;
    ch->w = 0;
    if (fl & (F_BR | F_SHY))
        return;
    int w = ts_glyph_w(p->c, s->face, cp);
    if (w < 0) {
        /* The face lacks this character: the fallback family's face, and
         * when no face has it a visible replacement (U+FFFD, else "?"),
         * noted for the warning. */
        ts_style fs = *s;
        int f = ts_fallback_face(p->c, s->face, cp);
        if (f < 0) {
            ts_note_missing(p->c, cp);
            ch->cp = 0xFFFD;
            if (ts_glyph_w(p->c, s->face, 0xFFFD) >= 0)
                f = s->face;
            else
                f = ts_fallback_face(p->c, s->face, 0xFFFD);
            if (f < 0) {
                ch->cp = '?';
                f = s->face;
            }
        }
        fs.face = f;
        ch->st = style_id(p, &fs);
        w = ts_glyph_w(p->c, f, ch->cp);
        if (w < 0)
            w = 0;
        s = &p->st[ch->st];
    }
    ch->w = w * s->size / 1000.0;
    kern_prev(p);
}

static bool last_is_space(const pbuf *p)
{
    return p->n == 0 || (p->a[p->n - 1].fl & (F_SPACE | F_BR));
}

static void push(pbuf *p, uint32_t cp, const ts_style *s, uint8_t fl)
{
    push_st(p, cp, s, fl, style_id(p, s));
}

static void push_text(pbuf *p, const char *s, const ts_style *st)
{
    size_t i = 0, len = strlen(s);
    uint32_t cp;
    /* the run's style number, looked up at its first character pushed
     * (not before: a run that pushes nothing adds no style) instead of
     * compared field by field for every character */
    int sid = -1;
#define SID (sid < 0 ? (sid = style_id(p, st)) : sid)
    while (vb_utf8_decode(s, len, &i, &cp)) {
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
            if (!last_is_space(p))
                push_st(p, ' ', st, F_SPACE, (uint16_t)SID);
        } else if (cp == 0xAD) {
            push_st(p, cp, st, F_SHY, (uint16_t)SID);
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
                   cp == 0x200B || cp == 0xFEFF) {
            continue;
        } else {
            push_st(p, cp, st, 0, (uint16_t)SID);
        }
    }
#undef SID
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
        p->line = in->line;
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
            /* a Link element inside the block's own (none in running
             * content, which is an artifact) */
            if (p->c->cur_sid > 0)
                s.link_sid = ts_snode_add(p->c, "Link", p->c->cur_sid);
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
            if (!a) {
                p->c->refs_unknown = true;
                push_number(p, 0, &st);
            } else {
                char buf[1024];
                push_text(p, ts_page_label(p->c->prev, a->page, buf,
                                           sizeof buf), &st);
            }
            break;
        }
        case LI_PAGENUM:
            if (p->o && p->o->label) {
                char buf[1024];
                push_text(p, ts_page_label(p->o->label, p->o->page_no - 1,
                                           buf, sizeof buf), &st);
            } else {
                push_number(p, p->o ? p->o->page_no : 0, &st);
            }
            break;
        case LI_PAGECOUNT:
            push_number(p, p->o ? p->o->page_count : 0, &st);
            break;
        case LI_RUNHEAD:
            if (p->o && p->o->running && p->o->runhead)
                flatten(p, p->o->runhead, st);
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

static bool is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Marks break opportunities inside words; words: also the hyphenation
 * points and compound joints (what only the breaker reads, not
 * emit_line(): a paragraph whose breaks come from ts_pcache.c skips
 * them). */
static void mark_breaks(pbuf *p, bool words)
{
    /* a space between two digits holds a number together: "1 250",
     * "031-366 42 90" */
    for (int k = 1; k + 1 < p->n; k++) {
        if (!(p->a[k].fl & F_SPACE) || !is_digit(p->a[k + 1].cp))
            continue;
        /* ... and so does a space after a short word before a number:
         * "tfn 031-366 42 90", "nr 5", "kl. 13" */
        int w = 0;
        while (k - 1 - w >= 0 && !(p->a[k - 1 - w].fl & (F_SPACE | F_BR)) &&
               w < 4)
            w++;
        if (is_digit(p->a[k - 1].cp) || w <= 3)
            p->a[k].fl &= (uint8_t)~F_SPACE;
    }
    /* a suspension hyphen stays with the word it stands for: never a line
     * end right after "individ-" in "individ- och familjeomsorg" */
    for (int k = 2; k < p->n; k++)
        if ((p->a[k].fl & F_SPACE) && p->a[k - 1].cp == '-' &&
            is_letter(p->a[k - 2].cp))
            p->a[k].fl &= (uint8_t)~F_SPACE;
    bool hyphenate = words && !(p->o && p->o->no_hyph);
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
        if (shy || !hyphenate)
            continue;   /* the author chose the break points, or none */
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
                ts_hyphenate_cached(p->c, cps, len, br);
                for (int m = 0; m < len - 1; m++)
                    if (br[m])
                        p->a[rs + m].fl |= F_HYPH;
                ts_joints(p->c, cps, len, br);
                for (int m = 0; m < len - 1; m++)
                    if (br[m])
                        p->a[rs + m].fl |= F_HYPH | F_JOINT |
                                           (br[m] == 2 ? F_MAIN : 0);
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
    op->sid = c->cur_sid;
    return op;
}

static double hyphen_w(pbuf *p, int st)
{
    const ts_style *s = &p->st[st];
    int w = ts_glyph_w(p->c, s->face, '-');
    return (w < 0 ? 0 : w) * s->size / 1000.0;
}

static bool is_combining(uint32_t cp)
{
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF);
}

/* Text extraction (pdftotext and the readers built on poppler) takes a
 * '-' at the end of a line followed by more text for a hyphen the
 * typesetter added, drops it and joins the lines. That is right for our
 * added hyphens (drawn as a plain '-'), but a hyphen that is part of the
 * word ("Askim-|Frölunda-Högsbo") would be lost: such a hyphen gets its
 * own op whose copied text is "--", so one hyphen is left after the join
 * ("Askim-Frölunda-Högsbo"). */
#define TS_REAL_HYPHEN_TEXT "--"

/* Emits the ops of one line: characters [from, to), plus a hyphen; more
 * when the paragraph goes on after the line. */
static ts_line emit_line(pbuf *p, int from, int to, bool hyphen, bool last,
                         bool more, double x0, double width)
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
    /* the last character's kerning was with one that is not on the line */
    double endkern = to > from ? p->a[to - 1].kern *
                                 p->st[p->a[to - 1].st].size / 1000.0 : 0;
    nat -= endkern;
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
    /* a real hyphen ends the line and the paragraph goes on */
    bool real_hyphen = more && !hyphen && to > from &&
                       p->a[to - 1].cp == '-' && (p->a[to - 1].fl & F_BREAK);
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
        short kern[1024];
        size_t blen = 0;
        int nk = 0;
        bool kerned = false;
        double rw = 0;
        int m = k;
        while (m < to && p->a[m].st == st && blen < sizeof buf - 8 &&
               !(justify && (p->a[m].fl & F_SPACE)) &&
               !(real_hyphen && m == to - 1 && m > k)) {
            if (!(p->a[m].fl & (F_SHY | F_BR))) {  /* invisible here */
                blen += vb_utf8_encode(p->a[m].cp, buf + blen);
                kern[nk] = m + 1 < to ? p->a[m].kern : 0;
                kerned |= kern[nk++] != 0;
            }
            rw += p->a[m].w;
            m++;
        }
        if (m == to)
            rw -= endkern;
        /* A space where a justified gap or a line break stands for one
         * (ts_op.space_after): the device draws it, invisible, so that
         * text extraction by structure (a screen reader, pdfinfo
         * -struct-text) reads the words apart. Only in tagged content. */
        bool space_after = c->cur_sid > 0 &&
            ((justify && m < to && (p->a[m].fl & F_SPACE)) ||
             (m == to && !last && !hyphen && to < p->n &&
              (p->a[to].fl & F_SPACE)) ||
             /* a forced break (br) is a word break too: "plan." and
              * "Arrangör:" on the next line are two words */
             (m == to && more && !hyphen && to < p->n &&
              (p->a[to].fl & F_BR)));
        /* in tagged content the hyphen of a broken word is an artifact
         * of its own (below), so the word reads whole: "ledamöter" */
        if (hyphen && m == to && st == hst && c->cur_sid == 0) {
            buf[blen++] = '-';
            kern[nk++] = 0;
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
        if (real_hyphen && k == to - 1)
            op->actual = TS_REAL_HYPHEN_TEXT;
        if (kerned) {
            short *kk = ts_alloc(c, sizeof(short) * (size_t)nk);
            memcpy(kk, kern, sizeof(short) * (size_t)nk);
            op->kern = kk;
        }
        if (s->link_sid)
            op->sid = s->link_sid;
        op->space_after = space_after;
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
            if (s->link_sid)
                l->sid = s->link_sid;
            *tail = l;
            tail = &l->next;
        }
        x += rw;
        k = m;
    }
    if (hyphen) {   /* the hyphen of a broken word, in its own op */
        const ts_style *s = &p->st[hst];
        ts_op *op = ts_op_new(c, OP_TEXT);
        op->face = s->face;
        op->size = s->size;
        op->x = x;
        op->y = ln.baseline;
        memcpy(op->rgb, s->rgb, sizeof op->rgb);
        op->text = "-";
        op->sid = 0;
        *tail = op;
    }
    return ln;
}

/* One line as the breakers choose it: characters [from, end), a hyphen
 * added when hyphen is set; last marks the end of a paragraph or a forced
 * break (not justified). */
typedef struct lspec {
    int from, end;
    bool hyphen, last;
} lspec;

typedef struct lspecs {
    lspec *a;
    int n, cap;
} lspecs;

static void lspec_add(ts_ctx *c, lspecs *ls, int from, int end, bool hyphen,
                      bool last)
{
    if (ls->n == ls->cap) {
        int nc = ls->cap ? ls->cap * 2 : 8;
        lspec *na = ts_alloc_scratch(c, sizeof(lspec) * (size_t)nc);
        if (ls->n)
            memcpy(na, ls->a, sizeof(lspec) * (size_t)ls->n);
        ls->a = na;
        ls->cap = nc;
    }
    ls->a[ls->n++] = (lspec){from, end, hyphen, last};
}

static double line_w(const pbuf *p, int nl)
{
    double W = p->o->width - (nl == 0 ? p->o->indent_first : p->o->indent_rest);
    return W < 1 ? 1 : W;
}

/* First fit: fill each line as far as it goes. The fallback for input the
 * total-fit breaker refuses (too much work, or nothing fits). */
static void first_fit(pbuf *p, lspecs *ls)
{
    int i = 0;
    bool ragged = p->o->align != LA_JUSTIFY;
    while (i < p->n) {
        while (i < p->n && (p->a[i].fl & F_SPACE))
            i++;
        if (i >= p->n)
            break;
        double W = line_w(p, ls->n);
        double x = 0;
        int last_space = -1, last_hyph = -1;
        double last_space_x = 0;
        bool hyph_adds = false;
        int end = -1, next = -1;
        bool hyphen = false, forced = false;
        for (int j = i; j < p->n; j++) {
            pch *ch = &p->a[j];
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
                } else if (last_space >= 0) {
                    end = last_space;
                    next = last_space + 1;
                } else {
                    int b = j;
                    while (b > i + 1 && is_combining(p->a[b].cp))
                        b--;
                    end = next = b;
                }
                break;
            }
            x += ch->w;
            if (ch->fl & (F_HYPH | F_SHY)) {
                double hw = hyphen_w(p, ch->st);
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
            end = p->n;
            next = p->n;
        }
        while (end > i && (p->a[end - 1].fl & F_SPACE))
            end--;
        lspec_add(p->c, ls, i, end, hyphen, forced || next >= p->n);
        i = next;
    }
}

/* ---- total fit ---------------------------------------------------------
 * Knuth and Plass in small: every way of breaking a stretch of text
 * between forced breaks is weighed at once, and the one with the least
 * total cost wins. A line costs its badness (how short it falls: squared
 * for ragged text, by the stretch of its spaces for justified text; the
 * last line is free) plus the penalty of its break: nothing at a space,
 * a little after an explicit hyphen or slash, more for a hyphen we add
 * (more still close to either end of the word, less the longer the part
 * before it, and less after a Swedish linking s, "utbildnings-insatser",
 * which is where compounds usually join), extra for two hyphenated lines
 * in a row, and a great deal for a break inside a word that has no
 * other way to fit (such breaks are offered only then). The work is
 * bounded; past the bound, and when nothing fits, first fit decides. */

enum { K_START, K_SPACE, K_HYPH, K_BREAK, K_EMERG, K_END };

typedef struct cand {
    int end;                  /* the line before it ends here (exclusive) */
    int next;                 /* the next line starts here */
    int kind;
    double pen;               /* penalty of breaking here */
    double hw;                /* width of the hyphen added */
    double cost;              /* least total cost up to here */
    int prev;                 /* the break before, on that best path */
} cand;

#define KP_INF 1e30
#define CELL_LINE 400.0       /* a line of a table cell */
#define CELL_HYPH 150.0       /* and an added hyphen at its end */
#define KP_WINDOW 600         /* breaks looked back over for one line */
#define KP_WORK 4000000L      /* inner steps per paragraph at most */

static bool is_vowel(uint32_t cp)
{
    switch (cp) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 0xE5: case 0xE4: case 0xF6: case 0xE9: case 0xFC:
        return true;
    default:
        return false;
    }
}

/* Penalty of a hyphen after character j (a joint or a libhyphen point).
 * A compound breaks at its joints: the main one best, an inner one next;
 * a break inside one of its parts costs more than any joint, so it is
 * taken only when no joint fits the line. */
static double hyph_pen(const pbuf *p, int j)
{
    int a = j, b = j + 1;
    while (a > 0 && is_letter(p->a[a - 1].cp))
        a--;
    while (b < p->n && is_letter(p->a[b].cp))
        b++;
    int pre = j - a + 1, suf = b - j - 1;
    bool compound = false;
    for (int k = a; k < b && !compound; k++)
        compound = (p->a[k].fl & F_JOINT) != 0;
    unsigned fl = p->a[j].fl;
    if (fl & F_JOINT) {
        /* a short last part is as suspect as at any other break:
         * "utvecklingssekrete|rare" is a joint to Hunspell too */
        double pen = (fl & F_MAIN) ? 40 : 70;
        if (suf < 6)
            pen += ((fl & F_MAIN) ? 15.0 : 40.0) * (6 - suf);
        return pen;
    }
    double pen = 130;
    if (suf < 6)
        pen += 40.0 * (6 - suf);   /* "-re", "-rare": a fragment alone */
    if (pre < 5)
        pen += 30.0 * (5 - pre);
    pen -= 2.0 * (pre > 10 ? 10 : pre);   /* the longer part first */
    if (compound)
        return pen + 150;          /* "grundsko-leförvaltningen" */
    uint32_t last = p->a[j].cp | 0x20;
    double bonus = 0;
    if (pre >= 5 && suf >= 4 && last == 's' && !is_vowel(p->a[j - 1].cp | 0x20))
        bonus += 60;           /* linking s: samverkans-möte */
    if (pre >= 4 && suf >= 4 && is_vowel(last) &&
        is_vowel(p->a[j + 1].cp | 0x20))
        bonus += 30;           /* vowel meets vowel: familje-omsorg */
    pen -= bonus;
    return pen;
}

int ts_word_break(ts_ctx *c, const uint32_t *cps, int n)
{
    pch a[TS_WORD_MAX];
    if (n > TS_WORD_MAX)
        return 0;
    pbuf p = {0};
    p.c = c;
    p.a = a;
    p.n = p.cap = n;
    for (int i = 0; i < n; i++)
        a[i] = (pch){cps[i], 0, 0, 0, 0};
    mark_breaks(&p, true);
    int best = 0;
    double bpen = KP_INF;
    for (int j = 0; j < n - 1; j++)
        if (a[j].fl & F_HYPH) {
            double pen = hyph_pen(&p, j);
            if (pen < bpen) {
                bpen = pen;
                best = j + 1;
            }
        }
    return best;
}

static double badness(const pbuf *p, double wid, double W, int nspaces,
                      bool last)
{
    if (last)
        return 0;
    double slack = W - wid;
    if (slack < 0)
        slack = 0;
    if (p->o->align == LA_JUSTIFY && nspaces > 0) {
        double sw = 0.28 * p->o->base.size;
        double r = slack / (nspaces * 0.6 * sw);
        double b = 100 * r * r * r;
        return b > 5000 ? 5000 : b;
    }
    double r = slack / W;
    return 400 * r * r;
}

/* Breaks characters [s, e) (no forced break inside) into lines. Returns
 * false when it gives up (first fit then takes the whole paragraph). */
static bool total_fit(pbuf *p, int s, int e, bool forced, lspecs *ls,
                      long *work)
{
    ts_ctx *c = p->c;
    if (s >= e) {
        if (forced)
            lspec_add(c, ls, s, s, false, true);
        return true;
    }
    int len = e - s;
    /* prefix sums of widths and of spaces */
    double *cum = ts_alloc_scratch(c, sizeof(double) * (size_t)(len + 1));
    int *spc = ts_alloc_scratch(c, sizeof(int) * (size_t)(len + 1));
    for (int k = 0; k < len; k++) {
        cum[k + 1] = cum[k] + p->a[s + k].w;
        spc[k + 1] = spc[k] + ((p->a[s + k].fl & F_SPACE) ? 1 : 0);
    }
#define CUM(i) cum[(i) - s]
#define SPC(i) spc[(i) - s]
    int first_line = ls->n;
    double Wmin = line_w(p, first_line), Wmax = Wmin;
    double W1 = line_w(p, first_line + 1);
    if (W1 < Wmin)
        Wmin = W1;
    if (W1 > Wmax)
        Wmax = W1;
    /* pieces between ordinary break points that are wider than a line get
     * a break offered between any two of their characters */
    int prev_next = s;
    for (int j = s; j <= e; j++) {
        bool opp = j == e;
        int end = j, next = j;
        if (!opp) {
            unsigned fl = p->a[j].fl;
            if (fl & F_SPACE) {
                opp = true;
                end = j;
                next = j + 1;
            } else if (fl & (F_HYPH | F_SHY | F_BREAK)) {
                opp = true;
                end = next = j + 1;
            }
        }
        if (!opp)
            continue;
        if (end > prev_next && CUM(end) - CUM(prev_next) > Wmin - 1e-6) {
            for (int k = prev_next; k < end - 1; k++)
                if (!is_combining(p->a[k + 1].cp))
                    p->a[k].fl |= F_EMERG;
        }
        prev_next = next;
    }
    /* the candidate breaks, in order */
    int cap = 16, nc = 0;
    for (int j = s; j < e; j++)
        if (p->a[j].fl & (F_SPACE | F_HYPH | F_SHY | F_BREAK | F_EMERG))
            cap++;
    cand *cd = ts_alloc_scratch(c, sizeof(cand) * (size_t)cap);
    cd[nc++] = (cand){-1, s, K_START, 0, 0, 0, -1};
    for (int j = s; j < e; j++) {
        unsigned fl = p->a[j].fl;
        cand k = {0};
        k.cost = KP_INF;
        k.prev = -1;
        if (fl & F_SPACE) {
            k.end = j;
            k.next = j + 1;
            k.kind = K_SPACE;
        } else if (fl & (F_HYPH | F_SHY)) {
            k.end = k.next = j + 1;
            k.kind = K_HYPH;
            k.hw = hyphen_w(p, p->a[j].st);
            k.pen = (fl & F_SHY) ? 50 : hyph_pen(p, j);
        } else if (fl & F_BREAK) {
            k.end = k.next = j + 1;
            k.kind = K_BREAK;
            k.pen = 30;
        } else if (fl & F_EMERG) {
            k.end = k.next = j + 1;
            k.kind = K_EMERG;
            k.pen = 5000;
        } else {
            continue;
        }
        if (k.end >= e)        /* a break point at the very end: none */
            continue;
        cd[nc++] = k;
    }
    cd[nc++] = (cand){e, e, K_END, 0, 0, KP_INF, -1};
    for (int b = 1; b < nc; b++) {
        cand *B = &cd[b];
        int lo = b - KP_WINDOW < 0 ? 0 : b - KP_WINDOW;
        for (int a = b - 1; a >= lo; a--) {
            const cand *A = &cd[a];
            if (++*work > KP_WORK)
                return false;
            int from = A->next;
            if (B->end <= from) {
                if (B->kind == K_END && from >= e && A->cost < KP_INF) {
                    /* nothing left after A: the text ended there */
                    if (A->cost < B->cost) {
                        B->cost = A->cost;
                        B->prev = a;
                    }
                }
                continue;
            }
            double wid = CUM(B->end) - CUM(from) + B->hw;
            double W = a == 0 ? line_w(p, first_line) : line_w(p, 1 + first_line);
            if (wid > W + 1e-6) {
                if (wid > Wmax + 1e-6)
                    break;
                continue;
            }
            if (A->cost >= KP_INF)
                continue;
            int nsp = SPC(B->end) - SPC(from);
            double cost = A->cost + badness(p, wid, W, nsp, B->kind == K_END) +
                          B->pen;
            /* In a table cell a line costs something of its own, and an
             * added hyphen more: a cell's text is short and ragged anyway,
             * so a hyphen is worth it where it saves a line (the row gets
             * lower) or a word does not fit, not to even out the edge
             * ("Skickad del-/regionalt" next to "Skickad/delregionalt"). */
            if (p->o && p->o->cell) {
                cost += CELL_LINE;
                if (B->kind == K_HYPH)
                    cost += CELL_HYPH;
            }
            if (A->kind == K_HYPH && B->kind == K_HYPH)
                cost += 250;
            if (cost < B->cost) {
                B->cost = cost;
                B->prev = a;
            }
        }
    }
    if (cd[nc - 1].cost >= KP_INF)
        return false;
    /* the chosen breaks, back to front */
    int nlines = 0;
    for (int b = nc - 1; b > 0; b = cd[b].prev)
        nlines++;
    int *path = ts_alloc_scratch(c, sizeof(int) * (size_t)(nlines + 1));
    int k = nlines;
    for (int b = nc - 1; b > 0; b = cd[b].prev)
        path[k--] = b;
    path[0] = 0;
    for (int m = 1; m <= nlines; m++) {
        const cand *A = &cd[path[m - 1]], *B = &cd[path[m]];
        int from = A->next, end = B->end;
        while (from < end && (p->a[from].fl & F_SPACE))
            from++;
        while (end > from && (p->a[end - 1].fl & F_SPACE))
            end--;
        if (from >= end && B->kind == K_END && !forced && m > 1)
            continue;
        lspec_add(c, ls, from, end, B->kind == K_HYPH,
                  B->kind == K_END);
    }
#undef CUM
#undef SPC
    return true;
}

static uint64_t bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

/* Everything the breakers read: the measure and the options, and the
 * flattened characters before mark_breaks() (code points, flags, widths
 * with kerning, styles' faces and sizes). */
static ts_pkey para_key(const pbuf *p, const ts_para_opts *o)
{
    ts_pkey k;
    ts_pkey_init(&k);
    ts_pkey_add(&k, bits(o->width));
    ts_pkey_add(&k, bits(o->indent_first));
    ts_pkey_add(&k, bits(o->indent_rest));
    ts_pkey_add(&k, bits(o->base.size));
    ts_pkey_add(&k, (uint64_t)o->align | (uint64_t)o->cell << 8 |
                    (uint64_t)o->no_hyph << 9 | (uint64_t)(uint32_t)p->n << 16);
    for (int i = 0; i < p->nst; i++) {
        ts_pkey_add(&k, (uint64_t)(uint32_t)p->st[i].face);
        ts_pkey_add(&k, bits(p->st[i].size));
    }
    for (int i = 0; i < p->n; i++) {
        const pch *ch = &p->a[i];
        ts_pkey_add(&k, (uint64_t)ch->cp | (uint64_t)ch->st << 32 |
                        (uint64_t)ch->fl << 48);
        ts_pkey_add(&k, bits(ch->w));
    }
    return k;
}

int ts_para_lines(ts_ctx *c, const lay_inline *in, const ts_para_opts *o,
                  ts_line **lines)
{
    pbuf p;
    build(&p, c, in, o, &o->base);
    ts_pkey key = para_key(&p, o);
    size_t bytes = 0;
    const lspec *known = ts_pcache_get(c, key, &bytes);
    lspecs ls = {0};
    if (known) {
        /* broken before: the same lines; emit_line() still needs the
         * flags of spaces and real hyphens */
        mark_breaks(&p, false);
        ls.a = (lspec *)known;
        ls.n = ls.cap = (int)(bytes / sizeof *known);
    } else {
        mark_breaks(&p, true);
        long work = 0;
        bool ok = true;
        for (int s = 0; s < p.n && ok;) {
            int e = s;
            while (e < p.n && !(p.a[e].fl & F_BR))
                e++;
            ok = total_fit(&p, s, e, e < p.n, &ls, &work);
            s = e + 1;
        }
        if (!ok) {
            for (int k = 0; k < p.n; k++)
                p.a[k].fl &= (uint8_t)~F_EMERG;
            ls.n = 0;
            first_fit(&p, &ls);
        }
        ts_pcache_put(c, key, ls.a, sizeof *ls.a * (size_t)ls.n);
    }
    ts_line *out = ls.n ? ts_alloc(c, sizeof(ts_line) * (size_t)ls.n) : NULL;
    for (int k = 0; k < ls.n; k++) {
        double indent = k == 0 ? o->indent_first : o->indent_rest;
        out[k] = emit_line(&p, ls.a[k].from, ls.a[k].end, ls.a[k].hyphen,
                           ls.a[k].last, k + 1 < ls.n, o->x + indent,
                           line_w(&p, k));
    }
    ts_scratch_reset(c);      /* the breaker's arrays, not its lines */
    *lines = out;
    return ls.n;
}

double ts_para_one_width(ts_ctx *c, const lay_inline *in,
                         const ts_para_opts *o)
{
    pbuf p;
    build(&p, c, in, o, &o->base);
    double w = 0;
    for (int k = 0; k < p.n; k++)
        w += (p.a[k].fl & F_BR) ? 0 : p.a[k].w;
    return w;
}

ts_line ts_para_one_line(ts_ctx *c, const lay_inline *in,
                         const ts_para_opts *o, double maxw)
{
    pbuf p;
    build(&p, c, in, o, &o->base);
    /* a forced break reads as a space on one line */
    for (int k = 0; k < p.n; k++)
        if (p.a[k].fl & F_BR) {
            p.a[k].fl = F_SPACE;
            p.a[k].cp = ' ';
            int w = ts_glyph_w(c, p.st[p.a[k].st].face, ' ');
            p.a[k].w = (w < 0 ? 0 : w) * p.st[p.a[k].st].size / 1000.0;
        }
    double w = 0;
    for (int k = 0; k < p.n; k++)
        w += p.a[k].w;
    if (w > maxw + 1e-6 && p.n > 0) {
        /* shorten: as many characters as fit with "…" after them */
        int st = p.a[p.n - 1].st;
        int ew = ts_glyph_w(c, p.st[st].face, 0x2026);
        double ell = (ew < 0 ? 0 : ew) * p.st[st].size / 1000.0;
        double x = 0;
        int k = 0;
        while (k < p.n && x + p.a[k].w + ell <= maxw + 1e-6)
            x += p.a[k++].w;
        while (k > 0 && is_combining(p.a[k].cp))
            k--;
        while (k > 0 && (p.a[k - 1].fl & F_SPACE))
            k--;
        st = k > 0 ? p.a[k - 1].st : st;
        p.n = k;
        if (k > 0) {   /* its kerning was with a character cut off */
            pch *lastc = &p.a[k - 1];
            lastc->w -= lastc->kern * p.st[lastc->st].size / 1000.0;
            lastc->kern = 0;
        }
        if (ew >= 0) {
            ts_style es = p.st[st];
            push(&p, 0x2026, &es, 0);
        }
    }
    return emit_line(&p, 0, p.n, false, true, false, o->x, o->width);
}

/* Adds in's content to k when flattening it gives the same characters
 * every time and has no side effect: text, bold, italic and breaks only (a
 * link adds a Link structure node each time; page numbers change between
 * passes). False for any other content. */
static bool fixed_text_key(ts_pkey *k, const lay_inline *in)
{
    for (; in; in = in->next) {
        ts_pkey_add(k, (uint64_t)in->kind | 0x100);   /* never 0..255 */
        if (in->kind == LI_B || in->kind == LI_I) {
            if (!fixed_text_key(k, in->child))
                return false;
            ts_pkey_add(k, 0x200);                    /* end of children */
        } else if (in->kind == LI_TEXT) {
            /* the bytes, eight at a time, then the length */
            size_t n = strlen(in->text);
            for (size_t i = 0; i < n; i += 8) {
                uint64_t v = 0;
                memcpy(&v, in->text + i, n - i < 8 ? n - i : 8);
                ts_pkey_add(k, v);
            }
            ts_pkey_add(k, (uint64_t)n << 12);
        } else if (in->kind != LI_BR) {
            return false;
        }
    }
    return true;
}

static double natural(ts_ctx *c, const lay_inline *in, const ts_style *st,
                      double *longest_word);

/* A table measures each cell in every pass, and the same texts come back
 * (column heads, "Ja", numbers): a fixed text is measured once per face
 * and size, under a key of its content (some callers pass a node of their
 * own, on the stack). */
double ts_para_natural(ts_ctx *c, const lay_inline *in, const ts_style *st,
                       double *longest_word)
{
    ts_pkey key;
    ts_pkey_init(&key);
    ts_pkey_add(&key, 0x4E41545552414Cull);     /* "NATURAL": its own keys */
    ts_pkey_add(&key, (uint64_t)(uint32_t)st->face);
    ts_pkey_add(&key, bits(st->size));
    if (!fixed_text_key(&key, in))
        return natural(c, in, st, longest_word);
    size_t bytes = 0;
    const double *known = ts_pcache_get(c, key, &bytes);
    if (known && bytes == 2 * sizeof *known) {
        if (longest_word)
            *longest_word = known[1];
        return known[0];
    }
    double v[2];
    v[0] = natural(c, in, st, &v[1]);
    ts_pcache_put(c, key, v, sizeof v);
    if (longest_word)
        *longest_word = v[1];
    return v[0];
}

static double natural(ts_ctx *c, const lay_inline *in, const ts_style *st,
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
        len += vb_utf8_encode(p.a[k].cp, out + len);
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
