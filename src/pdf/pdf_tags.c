/* pdf_tags.c - tagged PDF (PDF/UA-1, PDF/A-2a) on top of libharu, which
 * has none: marked content around every piece drawn (BDC with an MCID for
 * what belongs to a structure node, /Artifact BMC for the rest), the
 * structure tree built from ts_result.snodes in the order the content
 * reaches it, the ParentTree (per page: MCID -> element; per link
 * annotation: StructParent -> Link element), OBJR entries for the
 * annotations, /Alt and /BBox for figures, /Scope for header cells, and
 * the catalog's /MarkInfo, /ViewerPreferences and /StructTreeRoot (a
 * placeholder that the tree, below, redefines).
 *
 * libharu writes its operators into the page's content stream; ours go
 * into the same stream (HPDF_PageAttr.stream) between its graphics
 * objects, never inside a text or path object (the caller ends those
 * first), so libharu's own state stays right.
 *
 * Memory: a book has one structure element per paragraph, cell and item
 * (53 000 in the dense benchmark book). A libharu dictionary costs over a
 * kilobyte (every key is a 128-byte array, every name another), and qpdf,
 * which packs the file, about 2.5 KB an object. So neither ever holds the
 * tree: it is kept here in small arrays, numbered by us (the root 0, the
 * elements 1, 2, ... in the order they are made), and pdf_tags_tree()
 * writes it out as text (a pdf_tree) whose references to elements, pages
 * and annotations are tokens. qpdf packs libharu's file alone
 * (pdf_pack.c), and pdf_tree_append() then adds the tree to the packed
 * file as an update section of its own: the root (under the number of
 * the catalog's placeholder /StructTreeRoot) and the elements in deflated
 * object streams, and a cross-reference stream with /Prev, the tokens
 * turned into the packed file's numbers. */
#define _POSIX_C_SOURCE 200809L
#include "pdf_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_utils.h>

enum { KID_MCID, KID_MCR, KID_ELEM, KID_OBJR };

/* One entry of an element's /K: an MCID on the element's /Pg page; an
 * MCR (a = MCID, b = page index); a child element (a = its node); an
 * OBJR (a = the annotation's place in its page's /Annots, b = page
 * index). Pages and annotations are numbered by qpdf, so only their
 * places are known here. */
typedef struct kid {
    int kind, a, b;
    int next;                 /* next kid of the same node, -1 last */
} kid;

typedef struct page_rec {
    int pageno;
    int first;                /* its first entry in mcid_sid */
} page_rec;

struct pdf_tags {
    HPDF_Doc pdf;
    const ts_result *r;
    int *obj;                 /* per node: its number (1, 2, ... in the
                                 order made; the root is 0), 0 before */
    int *head, *tail;         /* per node: its kids in t->kids */
    int *pg;                  /* page index of its /Pg, -1 before */
    double (*bbox)[4];        /* Figure: extent on its first page */
    bool *has_bbox;
    char **text;              /* Link: its text, for the annotation */
    int *made;                /* nodes in the order they were numbered */
    int nmade;
    kid *kids;
    int nkids, capkids;
    int *mcid_sid;            /* ParentTree: per MCID, page after page */
    int nmcid, capmcid;
    page_rec *pages;
    int npages, cappages;
    int *link_sid;            /* ParentTree: per link key from npages */
    int nlinks, caplinks;
    int link_page, link_k;    /* page of the last annotation, its place */
    HPDF_Page page;           /* the page being drawn */
    int pageno, mcid, next_key;
    int open;                 /* sid of the open sequence, -1 none */
    bool oom;
};

/* Grows *p (of *cap elements of size sz) to hold n + 1. */
static bool grow(pdf_tags *t, void **p, int *cap, int n, size_t sz)
{
    if (n < *cap)
        return true;
    int nc = *cap ? *cap * 2 : 256;
    void *q = realloc(*p, (size_t)nc * sz);
    if (!q) {
        t->oom = true;
        return false;
    }
    *p = q;
    *cap = nc;
    return true;
}

static void add_kid(pdf_tags *t, int sid, int kind, int a, int b)
{
    if (!grow(t, (void **)&t->kids, &t->capkids, t->nkids, sizeof *t->kids))
        return;
    int i = t->nkids++;
    t->kids[i] = (kid){kind, a, b, -1};
    if (t->tail[sid] >= 0)
        t->kids[t->tail[sid]].next = i;
    else
        t->head[sid] = i;
    t->tail[sid] = i;
}

static bool is_role(const pdf_tags *t, int sid, const char *role)
{
    return sid > 0 && sid < t->r->nsnodes &&
           strcmp(t->r->snodes[sid].role, role) == 0;
}

/* The text of each Link node, its ops' texts joined by spaces: the
 * annotation's /Contents says where a link goes. */
static void link_texts(pdf_tags *t)
{
    const ts_result *r = t->r;
    for (int p = 0; p < r->npages; p++)
        for (const ts_op *o = r->pages[p].ops; o; o = o->next) {
            if (o->kind != OP_TEXT || !is_role(t, o->sid, "Link"))
                continue;
            char *old = t->text[o->sid];
            size_t on = old ? strlen(old) : 0, n = strlen(o->text);
            char *s = realloc(old, on + n + 2);
            if (!s) {
                t->oom = true;
                return;
            }
            if (on && s[on - 1] != ' ' && o->text[0] != ' ')
                s[on++] = ' ';
            memcpy(s + on, o->text, n + 1);
            t->text[o->sid] = s;
        }
}

pdf_tags *pdf_tags_new(HPDF_Doc pdf, const ts_result *r)
{
    pdf_tags *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    size_t n = r->nsnodes > 0 ? (size_t)r->nsnodes : 1;
    t->pdf = pdf;
    t->r = r;
    t->open = -1;
    t->obj = calloc(n, sizeof *t->obj);
    t->head = malloc(n * sizeof *t->head);
    t->tail = malloc(n * sizeof *t->tail);
    t->pg = malloc(n * sizeof *t->pg);
    t->bbox = calloc(n, sizeof *t->bbox);
    t->has_bbox = calloc(n, sizeof *t->has_bbox);
    t->text = calloc(n, sizeof *t->text);
    t->made = malloc(n * sizeof *t->made);
    if (!t->obj || !t->head || !t->tail || !t->pg || !t->bbox ||
        !t->has_bbox || !t->text || !t->made) {
        pdf_tags_free(t);
        return NULL;
    }
    t->link_page = -1;
    for (size_t i = 0; i < n; i++)
        t->pg[i] = t->head[i] = t->tail[i] = -1;
    t->next_key = r->npages;
    link_texts(t);
    if (t->oom) {
        pdf_tags_free(t);
        return NULL;
    }
    return t;
}

void pdf_tags_free(pdf_tags *t)
{
    if (!t)
        return;
    if (t->text)
        for (int i = 0; i < t->r->nsnodes; i++)
            free(t->text[i]);
    free(t->text);
    free(t->obj);
    free(t->head);
    free(t->tail);
    free(t->pg);
    free(t->bbox);
    free(t->has_bbox);
    free(t->made);
    free(t->kids);
    free(t->mcid_sid);
    free(t->pages);
    free(t->link_sid);
    free(t);
}

/* Table rows and cells exist even when empty: an empty cell draws
 * nothing, but its row needs it (a TD with an empty /K), or the cells
 * after it would stand in the wrong columns; a row of empty cells is
 * still a row. */
static bool is_grid(const pdf_tags *t, int sid)
{
    return is_role(t, sid, "TD") || is_role(t, sid, "TH") ||
           is_role(t, sid, "TR");
}

static int elem(pdf_tags *t, int sid);

/* Numbers the empty cells of row tr, which no content reached. */
static bool empty_cells(pdf_tags *t, int tr)
{
    for (int k = tr + 1; k < t->r->nsnodes && t->r->snodes[k].parent >= tr; k++)
        if (t->r->snodes[k].parent == tr && !t->obj[k] && !elem(t, k))
            return false;
    return true;
}

/* Before a row or cell is added to its parent, the empty rows and cells
 * before it under the same parent are, so that they keep their places. */
static bool grid_before(pdf_tags *t, int sid)
{
    int parent = t->r->snodes[sid].parent;
    for (int j = parent + 1; j < sid; j++)
        if (t->r->snodes[j].parent == parent && is_grid(t, j) && !t->obj[j]) {
            if (!elem(t, j))
                return false;
            if (is_role(t, j, "TR") && !empty_cells(t, j))
                return false;
        }
    return true;
}

/* The number of node sid's structure element, given (with its ancestors)
 * the first time content reaches it, and added to its parent's /K then:
 * so the tree's order is the order of the content, which is the reading
 * order. 0 when out of memory. */
static int elem(pdf_tags *t, int sid)
{
    if (t->obj[sid])
        return t->obj[sid];
    t->made[t->nmade++] = sid;
    t->obj[sid] = t->nmade;
    int parent = t->r->snodes[sid].parent;
    if (parent >= 0) {
        if (!elem(t, parent) || (is_grid(t, sid) && !grid_before(t, sid)))
            return 0;
        add_kid(t, parent, KID_ELEM, sid, 0);
    }
    return t->oom ? 0 : t->obj[sid];
}

void pdf_tags_page(pdf_tags *t, HPDF_Page page, int pageno)
{
    t->page = page;
    t->pageno = pageno;
    t->mcid = 0;
    t->open = -1;
    if (grow(t, (void **)&t->pages, &t->cappages, t->npages,
             sizeof *t->pages))
        t->pages[t->npages++] = (page_rec){pageno, t->nmcid};
    HPDF_Dict_AddNumber(page, "StructParents", pageno);
}

static void put(pdf_tags *t, const char *s)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)t->page->attr;
    HPDF_Stream_WriteStr(attr->stream, s);
}

void pdf_tags_close(pdf_tags *t)
{
    if (t->open >= 0)
        put(t, "EMC\n");
    t->open = -1;
}

bool pdf_tags_needs(const pdf_tags *t, int sid)
{
    return t->open != sid;
}

void pdf_tags_open(pdf_tags *t, int sid)
{
    pdf_tags_close(t);
    if (sid <= 0 || sid >= t->r->nsnodes || !elem(t, sid) ||
        t->npages == 0 ||
        !grow(t, (void **)&t->mcid_sid, &t->capmcid, t->nmcid,
              sizeof *t->mcid_sid)) {
        put(t, "/Artifact BMC\n");
        t->open = 0;
        return;
    }
    char buf[128];
    snprintf(buf, sizeof buf, "/%s <</MCID %d>> BDC\n",
             t->r->snodes[sid].role, t->mcid);
    put(t, buf);
    if (t->pg[sid] < 0)
        t->pg[sid] = t->pageno;
    if (t->pg[sid] == t->pageno)
        add_kid(t, sid, KID_MCID, t->mcid, 0);
    else
        add_kid(t, sid, KID_MCR, t->mcid, t->pageno);
    t->mcid_sid[t->nmcid++] = sid;
    t->mcid++;
    t->open = sid;
}

void pdf_tags_extent(pdf_tags *t, int sid, double x0, double y0, double x1,
                     double y1)
{
    if (!is_role(t, sid, "Figure") || t->pg[sid] != t->pageno)
        return;
    double *b = t->bbox[sid];
    if (!t->has_bbox[sid]) {
        b[0] = x0, b[1] = y0, b[2] = x1, b[3] = y1;
        t->has_bbox[sid] = true;
        return;
    }
    if (x0 < b[0]) b[0] = x0;
    if (y0 < b[1]) b[1] = y0;
    if (x1 > b[2]) b[2] = x1;
    if (y1 > b[3]) b[3] = y1;
}

void pdf_tags_link(pdf_tags *t, HPDF_Annotation an, HPDF_Page page,
                   int pageno, int sid)
{
    /* its place in the page's /Annots (libharu appends; the calls come
     * page after page) */
    if (pageno != t->link_page) {
        t->link_page = pageno;
        t->link_k = 0;
    }
    int k = t->link_k++;
    if (sid > 0 && t->text[sid])
        HPDF_Dict_Add(an, "Contents", pdf_text_string(t->pdf, t->text[sid]));
    HPDF_Dict_AddName(page, "Tabs", "S");
    if (!is_role(t, sid, "Link") || !elem(t, sid) ||
        !grow(t, (void **)&t->link_sid, &t->caplinks, t->nlinks,
              sizeof *t->link_sid))
        return;
    add_kid(t, sid, KID_OBJR, k, pageno);
    HPDF_Dict_AddNumber(an, "StructParent", t->next_key);
    t->link_sid[t->nlinks++] = sid;
    t->next_key++;
}

int pdf_tags_finish(pdf_tags *t)
{
    HPDF_Doc pdf = t->pdf;
    if (!elem(t, 0))
        return -1;
    /* the empty rows and cells at the end of a table part or a row */
    for (int i = 1; i < t->r->nsnodes; i++)
        if (is_grid(t, i) && !t->obj[i] && t->obj[t->r->snodes[i].parent] &&
            (!elem(t, i) || (is_role(t, i, "TR") && !empty_cells(t, i))))
            return -1;
    HPDF_Dict mark = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict vp = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict root = HPDF_Dict_New(pdf->mmgr);
    if (!mark || !vp || !root ||
        HPDF_Xref_Add(pdf->xref, root) != HPDF_OK)
        return -1;
    /* a placeholder, an object of its own so that packing keeps it;
     * pdf_tree_append() writes the root under its number */
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
    HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark);
    HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp);
    return t->oom ? -1 : 0;
}

/* ---- the update section ---- */

typedef struct sbuf {
    unsigned char *p;
    size_t n, cap;
    bool oom;
} sbuf;

static void sb_add(sbuf *b, const void *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n > b->cap) {
        size_t nc = b->cap ? b->cap : 4096;
        while (nc < b->n + n)
            nc *= 2;
        unsigned char *q = realloc(b->p, nc);
        if (!q) {
            b->oom = true;
            return;
        }
        b->p = q;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void sb_str(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static void sb_fmt(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void sb_fmt(sbuf *b, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        sb_add(b, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void sb_hex(sbuf *b, const unsigned char *s, size_t n)
{
    static const char hx[] = "0123456789ABCDEF";
    sb_str(b, "<");
    for (size_t i = 0; i < n; i++) {
        char two[2] = {hx[s[i] >> 4], hx[s[i] & 15]};
        sb_add(b, two, 2);
    }
    sb_str(b, ">");
}

/* A literal string (a /Lang): fewer bytes than hex, also once deflated.
 * A byte 0 or 1 would end the text or start a token (write_elem): bytes
 * below 0x20 are written as octal escapes. */
static void sb_lit(sbuf *b, const unsigned char *s, size_t n)
{
    sb_str(b, "(");
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '(' || s[i] == ')' || s[i] == '\\') {
            char two[2] = {'\\', (char)s[i]};
            sb_add(b, two, 2);
        } else if (s[i] < 0x20) {
            sb_fmt(b, "\\%03o", s[i]);
        } else {
            sb_add(b, s + i, 1);
        }
    }
    sb_str(b, ")");
}

/* A real as libharu writes it (the same text, so the same number). */
static void sb_real(sbuf *b, double v)
{
    char buf[HPDF_REAL_LEN + 2];
    char *end = HPDF_FToA(buf, (HPDF_REAL)v, buf + HPDF_REAL_LEN);
    *end = 0;   /* FToA returns the end, not always terminated */
    sb_str(b, buf);
    sb_str(b, " ");
}

/* References in a pdf_tree's text are tokens, turned into object
 * numbers by pdf_tree_append(): \1E<n>; the structure object n (0 the
 * root, n an element), \1P<p>; page p, \1A<p>,<k>; the k-th annotation
 * of page p. Nothing else in the text holds a byte 1 (names are roles,
 * strings are hex). */
static void write_elem(pdf_tags *t, sbuf *b, int sid)
{
    const ts_snode *n = &t->r->snodes[sid];
    /* no /Type (optional for a structure element) and no space a PDF
     * parser does not need; a lone kid without an array around it */
    sb_fmt(b, "<</S/%s/K", n->role);
    int nk = 0;
    for (int k = t->head[sid]; k >= 0; k = t->kids[k].next)
        nk++;
    if (nk != 1)
        sb_str(b, "[");
    const char *sep = nk == 1 ? " " : "";
    for (int k = t->head[sid]; k >= 0; k = t->kids[k].next) {
        const kid *c = &t->kids[k];
        switch (c->kind) {
        case KID_MCID:
            sb_fmt(b, "%s%d", sep, c->a);
            break;
        case KID_MCR:
            sb_fmt(b, "<</Type/MCR/Pg \1P%d;/MCID %d>>", c->b, c->a);
            break;
        case KID_ELEM:
            sb_fmt(b, "%s\1E%d;", sep, t->obj[c->a]);
            break;
        case KID_OBJR:
            sb_fmt(b, "<</Type/OBJR/Obj \1A%d,%d;/Pg \1P%d;>>", c->b,
                   c->a, c->b);
            break;
        }
        sep = " ";
    }
    if (nk != 1)
        sb_str(b, "]");
    sb_fmt(b, "/P \1E%d;", n->parent < 0 ? 0 : t->obj[n->parent]);
    if (t->pg[sid] >= 0)
        sb_fmt(b, "/Pg \1P%d;", t->pg[sid]);
    if (n->alt) {
        size_t len;
        unsigned char *u = pdf_text_utf16(n->alt, &len);
        if (!u) {
            b->oom = true;
            return;
        }
        sb_str(b, "/Alt");
        sb_hex(b, u, len);
        free(u);
    }
    if (n->lang) {
        sb_str(b, "/Lang");
        sb_lit(b, (const unsigned char *)n->lang, strlen(n->lang));
    }
    /* a figure's layout attributes replace a table's (as HPDF_Dict_Add
     * replaced the /A key) */
    if (t->has_bbox[sid]) {
        sb_str(b, "/A<</O/Layout/BBox[");
        for (int k = 0; k < 4; k++)
            sb_real(b, t->bbox[sid][k]);
        sb_str(b, "]>>");
    } else if (n->scope || n->colspan > 1) {
        sb_str(b, "/A<</O/Table");
        if (n->scope)
            sb_fmt(b, "/Scope/%s", n->scope);
        if (n->colspan > 1)
            sb_fmt(b, "/ColSpan %d", n->colspan);
        sb_str(b, ">>");
    }
    sb_str(b, ">>");
}

static void write_root(pdf_tags *t, sbuf *b)
{
    sb_fmt(b, "<</Type/StructTreeRoot/K \1E%d;/ParentTree<</Nums[",
           t->obj[0]);
    for (int p = 0; p < t->npages; p++) {
        int end = p + 1 < t->npages ? t->pages[p + 1].first : t->nmcid;
        sb_fmt(b, "%d[", t->pages[p].pageno);
        for (int i = t->pages[p].first; i < end; i++)
            sb_fmt(b, i > t->pages[p].first ? " \1E%d;" : "\1E%d;",
                   t->obj[t->mcid_sid[i]]);
        sb_str(b, "]");
    }
    for (int i = 0; i < t->nlinks; i++)
        sb_fmt(b, " %d \1E%d;", t->npages + i, t->obj[t->link_sid[i]]);
    sb_fmt(b, "]>>/ParentTreeNextKey %d>>", t->next_key);
}

struct pdf_tree {
    unsigned char *p;         /* count objects' texts, each ended by 0 */
    size_t n;
    int count;
};

pdf_tree *pdf_tags_tree(pdf_tags *t)
{
    if (t->oom)
        return NULL;
    pdf_tree *tr = malloc(sizeof *tr);
    if (!tr)
        return NULL;
    sbuf b = {0};
    write_root(t, &b);
    sb_add(&b, "", 1);
    for (int i = 0; i < t->nmade; i++) {
        write_elem(t, &b, t->made[i]);
        sb_add(&b, "", 1);
    }
    if (b.oom) {
        free(b.p);
        free(tr);
        return NULL;
    }
    unsigned char *fit = realloc(b.p, b.n);
    tr->p = fit ? fit : b.p;
    tr->n = b.n;
    tr->count = t->nmade + 1;
    return tr;
}

void pdf_tree_free(pdf_tree *tr)
{
    if (!tr)
        return;
    free(tr->p);
    free(tr);
}

/* Copies one object's text s (ended by 0) into b with its tokens turned
 * into references; returns the byte after its end, NULL on a token that
 * names nothing in the file. */
static const unsigned char *expand(sbuf *b, const unsigned char *s,
                                   const pdf_filemap *m, int base,
                                   int count)
{
    while (*s) {
        const unsigned char *q = s;
        while (*q && *q != 1)
            q++;
        sb_add(b, s, (size_t)(q - s));
        if (!*q)
            return q + 1;
        char kind = (char)q[1];
        char *end;
        long x = strtol((const char *)q + 2, &end, 10), y = 0;
        if (kind == 'A' && *end == ',')
            y = strtol(end + 1, &end, 10);
        if (*end != ';')
            return NULL;
        long num;
        if (kind == 'E' && x == 0)
            num = m->tree_obj;
        else if (kind == 'E' && x > 0 && x < count)
            num = base + x - 1;
        else if (kind == 'P' && x >= 0 && x < m->npages)
            num = m->page_obj[x];
        else if (kind == 'A' && x >= 0 && x < m->npages && y >= 0 &&
                 y < m->annot_first[x + 1] - m->annot_first[x])
            num = m->annot_obj[m->annot_first[x] + y];
        else
            return NULL;
        if (num <= 0)
            return NULL;
        sb_fmt(b, "%ld 0 R", num);
        s = (const unsigned char *)end + 1;
    }
    return s + 1;
}

/* Appends stream object num with the deflated data[0..n) to b; dict is
 * the dictionary's keys besides /Filter and /Length. */
static void put_stream(sbuf *b, int num, const char *dict,
                       const unsigned char *data, size_t n)
{
    unsigned char *z;
    size_t zn;
    if (pdf_deflate(data, n, &z, &zn)) {
        b->oom = true;
        return;
    }
    sb_fmt(b, "%d 0 obj\n<< ", num);
    sb_str(b, dict);   /* may be longer than sb_fmt writes */
    sb_fmt(b, " /Filter /FlateDecode /Length %zu >>\nstream\n", zn);
    sb_add(b, z, zn);
    sb_str(b, "\nendstream\nendobj\n");
    free(z);
}

enum { PER_STREAM = 400 };

/* Bytes a big-endian field needs for v (at least one). */
static int width(unsigned long v)
{
    int w = 1;
    while (w < 8 && (v >> (8 * w)))
        w++;
    return w;
}

int pdf_tree_append(const pdf_tree *tr, const pdf_filemap *m,
                    unsigned char **buf, size_t *len)
{
    /* qpdf's objects without its cross-reference stream, whose number
     * (xnum) the new one takes */
    pdf_xent *old;
    int oldsize, xnum;
    sbuf b = {0};
    if (pdf_reflow(*buf, *len, m->startxref, &b.p, &b.n, &b.cap, &old,
                   &oldsize, &xnum))
        return -1;
    /* the tree's objects: the root (in place of the catalog's
     * placeholder) and the elements (base, base + 1, ...), at most
     * PER_STREAM to an object stream; the streams come after them */
    int base = oldsize, nobj = tr->count;
    int nstm = (nobj + PER_STREAM - 1) / PER_STREAM;
    int per = (nobj + nstm - 1) / nstm;   /* the streams evenly filled */
    int stm0 = base + nobj - 1, size = stm0 + nstm;
    pdf_xent *x = calloc((size_t)size, sizeof *x);
    bool bad = !x || m->tree_obj <= 0 || m->tree_obj >= oldsize ||
               m->size != oldsize;
    if (x && !bad)
        memcpy(x, old, (size_t)oldsize * sizeof *x);
    free(old);
    sbuf body = {0}, head = {0};
    const unsigned char *s = tr->p;
    for (int k = 0; k < nstm && !b.oom && !bad; k++) {
        body.n = head.n = 0;
        int first = k * per, end = first + per;
        if (end > nobj)
            end = nobj;
        for (int j = first; j < end && !bad; j++) {
            int num = j ? base + j - 1 : m->tree_obj;
            sb_fmt(&head, "%d %zu ", num, body.n);
            x[num] = (pdf_xent){2, (unsigned long)(stm0 + k),
                                (unsigned long)(j - first)};
            if (!(s = expand(&body, s, m, base, nobj)))
                bad = true;
            sb_str(&body, "\n");
        }
        size_t first_off = head.n;
        sb_add(&head, body.p, body.n);
        if (head.oom || body.oom) {
            b.oom = true;
            break;
        }
        char dict[96];
        snprintf(dict, sizeof dict, "/Type /ObjStm /N %d /First %zu",
                 end - first, first_off);
        x[stm0 + k] = (pdf_xent){1, b.n, 0};
        put_stream(&b, stm0 + k, dict, head.p, head.n);
    }
    free(body.p);
    /* the cross-reference stream: type, offset or object stream, index
     * or generation, big-endian, each row PNG-predicted from the one
     * above (/Predictor 12, as qpdf writes its own: the rows of a run of
     * objects in one stream differ in one byte, so they deflate to
     * almost nothing) */
    size_t xoff = b.n;
    if (!bad && !b.oom)
        x[xnum] = (pdf_xent){1, xoff, 0};
    unsigned long big2 = 0, big3 = 0;
    for (int r = 0; x && r < size; r++) {
        big2 = x[r].f2 > big2 ? x[r].f2 : big2;
        big3 = x[r].f3 > big3 ? x[r].f3 : big3;
    }
    int w = width(big2), w3 = width(big3);
    int cols = 1 + w + w3;
    head.n = 0;
    unsigned char prev[1 + 8 + 8] = {0};
    for (int r = 0; x && !bad && r < size; r++) {
        unsigned char row[1 + 8 + 8], up[1 + 1 + 8 + 8];
        row[0] = (unsigned char)x[r].type;
        for (int i = 0; i < w; i++)
            row[1 + i] = (unsigned char)(x[r].f2 >> (8 * (w - 1 - i)));
        for (int i = 0; i < w3; i++)
            row[1 + w + i] = (unsigned char)(x[r].f3 >> (8 * (w3 - 1 - i)));
        up[0] = 2;   /* PNG "Up" */
        for (int i = 0; i < cols; i++)
            up[1 + i] = (unsigned char)(row[i] - prev[i]);
        memcpy(prev, row, (size_t)cols);
        sb_add(&head, up, (size_t)cols + 1);
    }
    free(x);
    if (!bad && !head.oom && !b.oom) {
        size_t dn = strlen(m->id) + (m->info ? strlen(m->info) : 0) + 512;
        char *dict = malloc(dn);
        if (!dict) {
            b.oom = true;
        } else {
            int dl = snprintf(dict, dn,
                     "/Type /XRef /Size %d /W [ 1 %d %d ]"
                     " /DecodeParms << /Columns %d /Predictor 12 >>"
                     " /Root %d 0 R%s%s /ID %s",
                     size, w, w3, cols, m->root_obj,
                     m->info ? " /Info " : "", m->info ? m->info : "",
                     m->id);
            if (dl < 0 || (size_t)dl >= dn)
                bad = true;
            else
                put_stream(&b, xnum, dict, head.p, head.n);
            free(dict);
            sb_fmt(&b, "startxref\n%zu\n%%%%EOF\n", xoff);
        }
    }
    free(head.p);
    if (bad || b.oom) {
        free(b.p);
        return -1;    /* *buf holds the packed file unchanged */
    }
    unsigned char *fit = realloc(b.p, b.n);
    free(*buf);
    *buf = fit ? fit : b.p;
    *len = b.n;
    return 0;
}
