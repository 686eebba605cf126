/* pdf_tags.c - tagged PDF (PDF/UA-1, PDF/A-2a) on top of libharu, which
 * has none: marked content around every piece drawn (BDC with an MCID for
 * what belongs to a structure node, /Artifact BMC for the rest), the
 * structure tree built from ts_result.snodes in the order the content
 * reaches it, the ParentTree (per page: MCID -> element; per link
 * annotation: StructParent -> Link element), OBJR entries for the
 * annotations, /Alt and /BBox for figures, /Scope for header cells, and
 * the catalog's /StructTreeRoot, /MarkInfo and /ViewerPreferences.
 *
 * libharu writes its operators into the page's content stream; ours go
 * into the same stream (HPDF_PageAttr.stream) between its graphics
 * objects, never inside a text or path object (the caller ends those
 * first), so libharu's own state stays right.
 *
 * Memory: a book has one structure element per paragraph, cell and item
 * (53 000 in the dense benchmark book), and a libharu dictionary costs
 * over a kilobyte (every key is a 128-byte array, every name another).
 * So the tree is kept here in small arrays; libharu only numbers each
 * element when it is made (a null placeholder in its cross-reference
 * table, so the numbering is the one libharu would give), and after
 * libharu has written and freed its document, pdf_tags_append() adds the
 * elements, the root and the ParentTree as an update section of the file
 * that redefines those numbers. qpdf (pdf_pack.c) reads the updated file
 * and writes one file of it, as before. */
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
 * MCR (a = MCID, b = page object); a child element (a = its node); an
 * OBJR (a = annotation object, b = page object). */
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
    HPDF_Null root;           /* placeholder for the StructTreeRoot */
    int root_obj;
    int *obj;                 /* per node: its object number, 0 before */
    int *head, *tail;         /* per node: its kids in t->kids */
    int *pg;                  /* page of its /Pg, -1 before */
    int *pg_obj;              /* that page's object number */
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
    HPDF_Page page;           /* the page being drawn */
    int page_obj;             /* its object number */
    int pageno, mcid, next_key;
    int open;                 /* sid of the open sequence, -1 none */
    bool oom;
};

static int obj_no(void *o)
{
    return (int)(((HPDF_Obj_Header *)o)->obj_id & 0x00FFFFFF);
}

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

/* A null object in libharu's cross-reference table: the number of an
 * object that pdf_tags_append() writes. */
static HPDF_Null reserve(pdf_tags *t)
{
    HPDF_Null o = HPDF_Null_New(t->pdf->mmgr);
    if (!o || HPDF_Xref_Add(t->pdf->xref, o) != HPDF_OK) {
        t->oom = true;
        return NULL;
    }
    return o;
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
    t->pg_obj = calloc(n, sizeof *t->pg_obj);
    t->bbox = calloc(n, sizeof *t->bbox);
    t->has_bbox = calloc(n, sizeof *t->has_bbox);
    t->text = calloc(n, sizeof *t->text);
    t->made = malloc(n * sizeof *t->made);
    if (!t->obj || !t->head || !t->tail || !t->pg || !t->pg_obj ||
        !t->bbox || !t->has_bbox || !t->text || !t->made ||
        !(t->root = reserve(t))) {
        pdf_tags_free(t);
        return NULL;
    }
    t->root_obj = obj_no(t->root);
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
    free(t->pg_obj);
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

/* The object number of node sid's structure element, numbered (with its
 * ancestors) the first time content reaches it, and added to its
 * parent's /K then: so the tree's order is the order of the content,
 * which is the reading order. 0 when out of memory. */
static int elem(pdf_tags *t, int sid)
{
    if (t->obj[sid])
        return t->obj[sid];
    HPDF_Null o = reserve(t);
    if (!o)
        return 0;
    t->obj[sid] = obj_no(o);
    t->made[t->nmade++] = sid;
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
    t->page_obj = obj_no(page);
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
    if (t->pg[sid] < 0) {
        t->pg[sid] = t->pageno;
        t->pg_obj[sid] = t->page_obj;
    }
    if (t->pg[sid] == t->pageno)
        add_kid(t, sid, KID_MCID, t->mcid, 0);
    else
        add_kid(t, sid, KID_MCR, t->mcid, t->page_obj);
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
                   int sid)
{
    if (sid > 0 && t->text[sid])
        HPDF_Dict_Add(an, "Contents", pdf_text_string(t->pdf, t->text[sid]));
    HPDF_Dict_AddName(page, "Tabs", "S");
    if (!is_role(t, sid, "Link") || !elem(t, sid) ||
        !grow(t, (void **)&t->link_sid, &t->caplinks, t->nlinks,
              sizeof *t->link_sid))
        return;
    add_kid(t, sid, KID_OBJR, obj_no(an), obj_no(page));
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
    if (!mark || !vp)
        return -1;
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", t->root);
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

/* A real as libharu writes it (the same text, so the same number). */
static void sb_real(sbuf *b, double v)
{
    char buf[HPDF_REAL_LEN + 2];
    char *end = HPDF_FToA(buf, (HPDF_REAL)v, buf + HPDF_REAL_LEN);
    *end = 0;   /* FToA returns the end, not always terminated */
    sb_str(b, buf);
    sb_str(b, " ");
}

static void write_elem(pdf_tags *t, sbuf *b, int sid)
{
    const ts_snode *n = &t->r->snodes[sid];
    sb_fmt(b, "<< /Type /StructElem /S /%s /K [ ", n->role);
    for (int k = t->head[sid]; k >= 0; k = t->kids[k].next) {
        const kid *c = &t->kids[k];
        switch (c->kind) {
        case KID_MCID:
            sb_fmt(b, "%d ", c->a);
            break;
        case KID_MCR:
            sb_fmt(b, "<< /Type /MCR /Pg %d 0 R /MCID %d >> ", c->b, c->a);
            break;
        case KID_ELEM:
            sb_fmt(b, "%d 0 R ", t->obj[c->a]);
            break;
        case KID_OBJR:
            sb_fmt(b, "<< /Type /OBJR /Obj %d 0 R /Pg %d 0 R >> ", c->a,
                   c->b);
            break;
        }
    }
    sb_fmt(b, "] /P %d 0 R", n->parent < 0 ? t->root_obj
                                          : t->obj[n->parent]);
    if (t->pg[sid] >= 0)
        sb_fmt(b, " /Pg %d 0 R", t->pg_obj[sid]);
    if (n->alt) {
        size_t len;
        unsigned char *u = pdf_text_utf16(n->alt, &len);
        if (!u) {
            b->oom = true;
            return;
        }
        sb_str(b, " /Alt ");
        sb_hex(b, u, len);
        free(u);
    }
    if (n->lang) {
        sb_str(b, " /Lang ");
        sb_hex(b, (const unsigned char *)n->lang, strlen(n->lang));
    }
    /* a figure's layout attributes replace a table's (as HPDF_Dict_Add
     * replaced the /A key) */
    if (t->has_bbox[sid]) {
        sb_str(b, " /A << /O /Layout /BBox [ ");
        for (int k = 0; k < 4; k++)
            sb_real(b, t->bbox[sid][k]);
        sb_str(b, "] >>");
    } else if (n->scope || n->colspan > 1) {
        sb_str(b, " /A << /O /Table");
        if (n->scope)
            sb_fmt(b, " /Scope /%s", n->scope);
        if (n->colspan > 1)
            sb_fmt(b, " /ColSpan %d", n->colspan);
        sb_str(b, " >>");
    }
    sb_str(b, " >>");
}

static void write_root(pdf_tags *t, sbuf *b)
{
    sb_fmt(b, "<< /Type /StructTreeRoot /K %d 0 R /ParentTree << /Nums [ ",
           t->obj[0]);
    for (int p = 0; p < t->npages; p++) {
        int end = p + 1 < t->npages ? t->pages[p + 1].first : t->nmcid;
        sb_fmt(b, "%d [ ", t->pages[p].pageno);
        for (int i = t->pages[p].first; i < end; i++)
            sb_fmt(b, "%d 0 R ", t->obj[t->mcid_sid[i]]);
        sb_str(b, "] ");
    }
    for (int i = 0; i < t->nlinks; i++)
        sb_fmt(b, "%d %d 0 R ", t->npages + i, t->obj[t->link_sid[i]]);
    sb_fmt(b, "] >> /ParentTreeNextKey %d >>", t->next_key);
}

/* The last occurrence of s (length n) in buf[0..len). */
static const unsigned char *find_last(const unsigned char *buf, size_t len,
                                      const char *s)
{
    size_t n = strlen(s);
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (memcmp(buf + i, s, n) == 0)
            return buf + i;
    return NULL;
}

int pdf_tags_append(pdf_tags *t, unsigned char **buf, size_t *len)
{
    if (t->oom)
        return -1;
    /* libharu's trailer, to repeat with /Prev, and its xref's offset */
    const unsigned char *tr = find_last(*buf, *len, "\ntrailer\n<<\n");
    const unsigned char *sx = find_last(*buf, *len, "\nstartxref\n");
    if (!tr || !sx || sx < tr)
        return -1;
    const unsigned char *body = tr + strlen("\ntrailer\n<<\n");
    const unsigned char *close = find_last(body, (size_t)(sx - body), ">>");
    if (!close)
        return -1;
    long prev = strtol((const char *)sx + strlen("\nstartxref\n"), NULL, 10);
    size_t from = (size_t)(body - *buf), to = (size_t)(close - *buf);

    sbuf b = {*buf, *len, *len, false};
    /* objects in number order: the root was numbered first, then the
     * elements in the order they were made */
    int count = t->nmade + 1;
    size_t *off = malloc((size_t)count * sizeof *off);
    int *num = malloc((size_t)count * sizeof *num);
    if (!off || !num) {
        free(off);
        free(num);
        return -1;
    }
    for (int i = 0; i < count && !b.oom; i++) {
        int sid = i ? t->made[i - 1] : -1;
        num[i] = i ? t->obj[sid] : t->root_obj;
        off[i] = b.n;
        sb_fmt(&b, "%d 0 obj\n", num[i]);
        if (i)
            write_elem(t, &b, sid);
        else
            write_root(t, &b);
        sb_str(&b, "\nendobj\n");
    }
    size_t xref = b.n;
    sb_str(&b, "xref\n");
    for (int i = 0; i < count && !b.oom;) {
        int j = i + 1;
        while (j < count && num[j] == num[j - 1] + 1)
            j++;
        sb_fmt(&b, "%d %d\n", num[i], j - i);
        for (; i < j; i++)
            sb_fmt(&b, "%010zu 00000 n\r\n", off[i]);
    }
    free(off);
    free(num);
    sb_str(&b, "trailer\n<<\n");
    /* the copy is read from b.p: sb_add may have moved the buffer */
    if (!b.oom) {
        size_t need = to - from;
        unsigned char *tmp = malloc(need ? need : 1);
        if (!tmp) {
            b.oom = true;
        } else {
            memcpy(tmp, b.p + from, need);
            sb_add(&b, tmp, need);
            free(tmp);
        }
    }
    sb_fmt(&b, "/Prev %ld\n>>\nstartxref\n%zu\n%%%%EOF\n", prev, xref);
    *buf = b.p;       /* realloc'd or not, b.p is the buffer now */
    if (b.oom) {
        /* the file as libharu wrote it stays in *buf, unchanged below
         * *len; the caller frees it */
        return -1;
    }
    /* the doubling left up to half of it unused, through packing */
    unsigned char *fit = realloc(b.p, b.n);
    if (fit)
        *buf = fit;
    *len = b.n;
    return 0;
}
