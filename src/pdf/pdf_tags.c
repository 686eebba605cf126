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
 * first), so libharu's own state stays right. */
#define _POSIX_C_SOURCE 200809L
#include "pdf_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

struct pdf_tags {
    HPDF_Doc pdf;
    const ts_result *r;
    HPDF_Dict root;           /* StructTreeRoot */
    HPDF_Dict *elem;          /* per node, made when content reaches it */
    HPDF_Array *kids;         /* its /K */
    int *pg;                  /* page of its /Pg, -1 before */
    double (*bbox)[4];        /* Figure: extent on its first page */
    bool *has_bbox;
    char **text;              /* Link: its text, for the annotation */
    HPDF_Array nums;          /* the ParentTree's /Nums */
    HPDF_Array page_arr;      /* this page's MCID -> element array */
    HPDF_Page page;
    int pageno, mcid, next_key;
    int open;                 /* sid of the open sequence, -1 none */
    bool oom;
};

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
    t->elem = calloc(n, sizeof *t->elem);
    t->kids = calloc(n, sizeof *t->kids);
    t->pg = malloc(n * sizeof *t->pg);
    t->bbox = calloc(n, sizeof *t->bbox);
    t->has_bbox = calloc(n, sizeof *t->has_bbox);
    t->text = calloc(n, sizeof *t->text);
    t->root = HPDF_Dict_New(pdf->mmgr);
    t->nums = HPDF_Array_New(pdf->mmgr);
    if (!t->elem || !t->kids || !t->pg || !t->bbox || !t->has_bbox ||
        !t->text || !t->root || !t->nums ||
        HPDF_Xref_Add(pdf->xref, t->root) != HPDF_OK) {
        pdf_tags_free(t);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        t->pg[i] = -1;
    HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot");
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
    free(t->elem);
    free(t->kids);
    free(t->pg);
    free(t->bbox);
    free(t->has_bbox);
    free(t);
}

/* The structure element of node sid, made (with its ancestors) the first
 * time content reaches it, and added to its parent's /K then: so the
 * tree's order is the order of the content, which is the reading order. */
static HPDF_Dict elem(pdf_tags *t, int sid)
{
    if (t->elem[sid])
        return t->elem[sid];
    HPDF_Doc pdf = t->pdf;
    const ts_snode *n = &t->r->snodes[sid];
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array k = HPDF_Array_New(pdf->mmgr);
    if (!d || !k || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
        return NULL;
    HPDF_Dict_AddName(d, "Type", "StructElem");
    HPDF_Dict_AddName(d, "S", n->role);
    HPDF_Dict_Add(d, "K", k);
    t->elem[sid] = d;
    t->kids[sid] = k;
    if (n->parent < 0) {
        HPDF_Dict_Add(d, "P", t->root);
        HPDF_Dict_Add(t->root, "K", d);
    } else {
        HPDF_Dict pd = elem(t, n->parent);
        if (!pd)
            return NULL;
        HPDF_Dict_Add(d, "P", pd);
        HPDF_Array_Add(t->kids[n->parent], d);
    }
    if (n->alt)
        HPDF_Dict_Add(d, "Alt", pdf_text_string(pdf, n->alt));
    if (n->lang)
        HPDF_Dict_Add(d, "Lang", HPDF_String_New(pdf->mmgr, n->lang, NULL));
    if (n->scope) {
        HPDF_Dict a = HPDF_Dict_New(pdf->mmgr);
        if (!a)
            return NULL;
        HPDF_Dict_AddName(a, "O", "Table");
        HPDF_Dict_AddName(a, "Scope", n->scope);
        HPDF_Dict_Add(d, "A", a);
    }
    return d;
}

void pdf_tags_page(pdf_tags *t, HPDF_Page page, int pageno)
{
    t->page = page;
    t->pageno = pageno;
    t->mcid = 0;
    t->open = -1;
    t->page_arr = HPDF_Array_New(t->pdf->mmgr);
    if (!t->page_arr)
        return;
    HPDF_Array_AddNumber(t->nums, pageno);
    HPDF_Array_Add(t->nums, t->page_arr);
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
    if (sid <= 0 || sid >= t->r->nsnodes) {
        put(t, "/Artifact BMC\n");
        t->open = 0;
        return;
    }
    HPDF_Dict e = elem(t, sid);
    if (!e || !t->page_arr) {
        put(t, "/Artifact BMC\n");
        t->open = 0;
        return;
    }
    char buf[128];
    snprintf(buf, sizeof buf, "/%s <</MCID %d>> BDC\n",
             t->r->snodes[sid].role, t->mcid);
    put(t, buf);
    if (t->pg[sid] < 0) {
        HPDF_Dict_Add(e, "Pg", t->page);
        t->pg[sid] = t->pageno;
    }
    if (t->pg[sid] == t->pageno) {
        HPDF_Array_AddNumber(t->kids[sid], t->mcid);
    } else {
        HPDF_Dict mcr = HPDF_Dict_New(t->pdf->mmgr);
        if (mcr) {
            HPDF_Dict_AddName(mcr, "Type", "MCR");
            HPDF_Dict_Add(mcr, "Pg", t->page);
            HPDF_Dict_AddNumber(mcr, "MCID", t->mcid);
            HPDF_Array_Add(t->kids[sid], mcr);
        }
    }
    HPDF_Array_Add(t->page_arr, e);
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
    if (!is_role(t, sid, "Link"))
        return;
    HPDF_Dict e = elem(t, sid);
    HPDF_Dict objr = HPDF_Dict_New(t->pdf->mmgr);
    if (!e || !objr)
        return;
    HPDF_Dict_AddName(objr, "Type", "OBJR");
    HPDF_Dict_Add(objr, "Obj", an);
    HPDF_Dict_Add(objr, "Pg", page);
    HPDF_Array_Add(t->kids[sid], objr);
    HPDF_Dict_AddNumber(an, "StructParent", t->next_key);
    HPDF_Array_AddNumber(t->nums, t->next_key);
    HPDF_Array_Add(t->nums, e);
    t->next_key++;
}

int pdf_tags_finish(pdf_tags *t)
{
    HPDF_Doc pdf = t->pdf;
    if (!elem(t, 0))
        return -1;
    for (int i = 1; i < t->r->nsnodes; i++) {
        if (!t->has_bbox[i] || !t->elem[i])
            continue;
        HPDF_Dict a = HPDF_Dict_New(pdf->mmgr);
        HPDF_Array bb = HPDF_Array_New(pdf->mmgr);
        if (!a || !bb)
            return -1;
        for (int k = 0; k < 4; k++)
            HPDF_Array_AddReal(bb, (HPDF_REAL)t->bbox[i][k]);
        HPDF_Dict_AddName(a, "O", "Layout");
        HPDF_Dict_Add(a, "BBox", bb);
        HPDF_Dict_Add(t->elem[i], "A", a);
    }
    HPDF_Dict tree = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict mark = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict vp = HPDF_Dict_New(pdf->mmgr);
    if (!tree || !mark || !vp)
        return -1;
    HPDF_Dict_Add(tree, "Nums", t->nums);
    HPDF_Dict_Add(t->root, "ParentTree", tree);
    HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey", t->next_key);
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", t->root);
    HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark);
    HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp);
    return 0;
}
