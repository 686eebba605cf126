/* pdf_doc.c - the libharu device: pages, text, lines, links, bookmarks.
 *
 * Walks a ts_result and draws it. Errors raised inside libharu go to
 * on_error(), which keeps the first one; nothing is printed. */
#define _POSIX_C_SOURCE 200809L
#include "pdf_int.h"
#include "../util/sde.h"
#include "../util/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

void pdf_set_err(pdf_state *st, const char *fmt, ...)
{
    if (st->err)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    st->err = strdup(msg);
}

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    pdf_state *st = user;
    if (st->error == 0) {
        st->error = error;
        st->detail = detail;
    }
}

static bool failed(const pdf_state *st)
{
    return st->error != 0 || st->err != NULL;
}

/* Code points of every text op of each face, for the subsets. */
static int collect(const ts_result *r, hb_set_t *sets[TS_NFACES])
{
    for (int p = 0; p < r->npages; p++)
        for (const ts_op *o = r->pages[p].ops; o; o = o->next) {
            if (o->kind != OP_TEXT)
                continue;
            size_t len = strlen(o->text), i = 0;
            uint32_t cp;
            while (vb_utf8_decode(o->text, len, &i, &cp))
                hb_set_add(sets[o->face], cp);
            if (o->space_after)
                hb_set_add(sets[o->face], ' ');
        }
    return 0;
}

typedef struct gs {
    bool in_text;
    HPDF_Font font;
    double size;
    float fill[3];
    bool fill_set;
} gs;

static void end_text(HPDF_Page page, gs *g)
{
    if (g->in_text) {
        HPDF_Page_EndText(page);
        g->in_text = false;
    }
}

static void set_fill(HPDF_Page page, gs *g, const float rgb[3])
{
    if (g->fill_set && memcmp(g->fill, rgb, sizeof g->fill) == 0)
        return;
    HPDF_Page_SetRGBFill(page, rgb[0], rgb[1], rgb[2]);
    memcpy(g->fill, rgb, sizeof g->fill);
    g->fill_set = true;
}

static void draw_page(HPDF_Page page, const ts_page *tp,
                      HPDF_Font fonts[TS_NFACES], const pdf_codes *codes,
                      pdf_tags *tags)
{
    gs g = {0};
    for (const ts_op *o = tp->ops; o; o = o->next) {
        /* each run of ops of one structure node is one marked-content
         * sequence, outside text objects so that the two nest */
        if (o->kind != OP_LINK && pdf_tags_needs(tags, o->sid)) {
            end_text(page, &g);
            pdf_tags_open(tags, o->sid);
        }
        switch (o->kind) {
        case OP_TEXT:
            if (!g.in_text) {
                HPDF_Page_BeginText(page);
                g.in_text = true;
                g.font = NULL;
            }
            if (g.font != fonts[o->face] || g.size != o->size) {
                HPDF_Page_SetFontAndSize(page, fonts[o->face],
                                         (HPDF_REAL)o->size);
                g.font = fonts[o->face];
                g.size = o->size;
            }
            set_fill(page, &g, o->rgb);
            pdf_show_text(page, codes, o);
            if (o->space_after)   /* invisible; keeps extracted words apart */
                pdf_show_space(page, codes);
            /* poppler (pdfinfo -struct-text) takes the span's EMC for the
             * end of the element's sequence and loses the text after it
             * ("Askim-|Frölunda-Högsbo" read as "Askim-"): the sequence
             * ends with the span, the element's next text gets a new MCID */
            if (o->actual) {
                end_text(page, &g);
                pdf_tags_close(tags);
            }
            pdf_tags_extent(tags, o->sid, o->x, o->y - 0.25 * o->size,
                            o->x + HPDF_Page_TextWidth(page, o->text),
                            o->y + o->size);
            break;
        case OP_LINE:
            end_text(page, &g);
            HPDF_Page_SetLineWidth(page, (HPDF_REAL)o->width);
            HPDF_Page_SetRGBStroke(page, o->rgb[0], o->rgb[1], o->rgb[2]);
            HPDF_Page_MoveTo(page, (HPDF_REAL)o->x, (HPDF_REAL)o->y);
            HPDF_Page_LineTo(page, (HPDF_REAL)o->x2, (HPDF_REAL)o->y2);
            HPDF_Page_Stroke(page);
            pdf_tags_extent(tags, o->sid, o->x < o->x2 ? o->x : o->x2,
                            o->y < o->y2 ? o->y : o->y2,
                            o->x < o->x2 ? o->x2 : o->x,
                            o->y < o->y2 ? o->y2 : o->y);
            break;
        case OP_RECT:
            end_text(page, &g);
            set_fill(page, &g, o->rgb);
            HPDF_Page_Rectangle(page, (HPDF_REAL)o->x, (HPDF_REAL)o->y,
                                (HPDF_REAL)o->x2, (HPDF_REAL)o->y2);
            HPDF_Page_Fill(page);
            pdf_tags_extent(tags, o->sid, o->x, o->y, o->x + o->x2,
                            o->y + o->y2);
            break;
        case OP_LINK:
            break;
        }
    }
    end_text(page, &g);
    pdf_tags_close(tags);
}

/* A destination [page /XYZ left top null]: keeps the reader's zoom, which
 * HPDF_Destination_SetXYZ cannot express. */
static HPDF_Destination dest_at(HPDF_Doc pdf, HPDF_Page *pages,
                                const ts_anchor *a)
{
    HPDF_Destination d = HPDF_Page_CreateDestination(pages[a->page]);
    if (!d)
        return NULL;
    HPDF_Array_Clear(d);
    HPDF_Array_Add(d, pages[a->page]);
    HPDF_Array_AddName(d, "XYZ");
    HPDF_Array_AddReal(d, 0);
    HPDF_Array_AddReal(d, (HPDF_REAL)(a->y + 4));
    HPDF_Array_Add(d, HPDF_Null_New(pdf->mmgr));
    return d;
}

static void links(HPDF_Doc pdf, const ts_result *r, HPDF_Page *pages,
                  pdf_tags *tags)
{
    for (int p = 0; p < r->npages; p++)
        for (const ts_op *o = r->pages[p].ops; o; o = o->next) {
            if (o->kind != OP_LINK)
                continue;
            const ts_anchor *a = ts_result_anchor(r, o->dest);
            if (!a)
                continue;
            HPDF_Destination d = dest_at(pdf, pages, a);
            HPDF_Rect rect = {(HPDF_REAL)o->x, (HPDF_REAL)o->y,
                              (HPDF_REAL)(o->x + o->x2),
                              (HPDF_REAL)(o->y + o->y2)};
            HPDF_Annotation an = HPDF_Page_CreateLinkAnnot(pages[p], rect, d);
            if (!an)
                return;
            HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
            HPDF_Dict_AddNumber(an, "F", 4);   /* Print (PDF/A) */
            pdf_tags_link(tags, an, pages[p], p, o->sid);
        }
}

static void outline(HPDF_Doc pdf, const ts_result *r, HPDF_Page *pages)
{
    HPDF_Outline stack[8] = {0};
    for (int i = 0; i < r->noutline; i++) {
        const ts_outline *e = &r->outline[i];
        int lvl = e->level < 1 ? 1 : e->level > 7 ? 7 : e->level;
        HPDF_Outline parent = NULL;
        for (int k = lvl - 1; k >= 1 && !parent; k--)
            parent = stack[k];
        HPDF_Outline ol = HPDF_CreateOutline(pdf, parent, "-", NULL);
        if (!ol)
            return;
        HPDF_Dict_Add(ol, "Title", pdf_text_string(pdf, e->title));
        /* libharu marks items /Type /Outlines, which only the root is */
        HPDF_Dict_RemoveElement(ol, "Type");
        ts_anchor a = {NULL, e->page, e->y};
        HPDF_Outline_SetDestination(ol, dest_at(pdf, pages, &a));
        HPDF_Outline_SetOpened(ol, lvl == 1 ? HPDF_TRUE : HPDF_FALSE);
        stack[lvl] = ol;
        for (int k = lvl + 1; k < 8; k++)
            stack[k] = NULL;
    }
    if (r->noutline > 0)
        HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* /PageLabels: a number tree with one range per label (ts_page.c makes
 * sure the first starts at page 0). The prefix is a text string, so any
 * UTF-8 survives (HPDF_AddPageLabel writes it as bytes). */
static void page_labels(HPDF_Doc pdf, const ts_result *r)
{
    if (r->nlabels == 0)
        return;
    HPDF_Dict tree = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array nums = HPDF_Array_New(pdf->mmgr);
    if (!tree || !nums)
        return;
    for (int i = 0; i < r->nlabels; i++) {
        const ts_pagelabel *l = &r->labels[i];
        HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
        if (!d)
            return;
        if (l->style == TS_LABEL_DECIMAL)
            HPDF_Dict_AddName(d, "S", "D");
        else if (l->style == TS_LABEL_ROMAN)
            HPDF_Dict_AddName(d, "S", "r");
        if (l->start != 1 && l->style != TS_LABEL_NONE)
            HPDF_Dict_AddNumber(d, "St", l->start);
        if (l->prefix && *l->prefix)
            HPDF_Dict_Add(d, "P", pdf_text_string(pdf, l->prefix));
        HPDF_Array_AddNumber(nums, l->page);
        HPDF_Array_Add(nums, d);
    }
    HPDF_Dict_Add(tree, "Nums", nums);
    HPDF_Dict_Add(pdf->catalog, "PageLabels", tree);
}

/* Where libharu writes the file (a callback stream's data). */
typedef struct sink {
    unsigned char *p;
    size_t n, cap;
    bool oom;
} sink;

static HPDF_STATUS sink_write(HPDF_Stream stream, const HPDF_BYTE *ptr,
                              HPDF_UINT siz)
{
    sink *k = stream->attr;
    if (k->oom)
        return HPDF_FAILD_TO_ALLOC_MEM;
    if (siz > k->cap - k->n) {
        size_t cap = k->cap ? k->cap : 1 << 16;
        while (siz > cap - k->n)
            cap *= 2;
        unsigned char *g = realloc(k->p, cap);
        if (!g) {
            k->oom = true;
            return HPDF_FAILD_TO_ALLOC_MEM;
        }
        k->p = g;
        k->cap = cap;
    }
    memcpy(k->p + k->n, ptr, siz);
    k->n += siz;
    return HPDF_OK;
}

/* The document's date: SOURCE_DATE_EPOCH when set (util/sde.h). */
static time_t doc_time(void)
{
    time_t t;
    vb_source_date(&t);
    return t;
}

int pdf_write_unpacked(const ts_result *r, unsigned char **out,
                       size_t *outlen, pdf_tree **tree, char **err)
{
    *out = NULL;
    *outlen = 0;
    *tree = NULL;
    *err = NULL;
    pdf_state st = {0};
    hb_set_t *sets[TS_NFACES] = {0};
    hb_blob_t *embed[TS_NFACES] = {0};
    HPDF_Page *pages = NULL;
    HPDF_Doc pdf = HPDF_New(on_error, &st);
    if (!pdf) {
        *err = strdup("slut på minne (PDF)");
        return -1;
    }
    /* Streams unfiltered: qpdf (pdf_pack.c) compresses them. libharu
     * writes /Filter [/FlateDecode] as an array, which qpdf does not take
     * for already compressed, so it inflated and deflated every stream
     * again; its deflate gives the same bytes, so the file is the same */
    HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
    HPDF_UseUTFEncodings(pdf);
    /* PDF/A-2 and PDF/UA-1 build on PDF 1.7 (/Tabs is 1.5) */
    pdf->pdf_version = HPDF_VER_17;
    for (int i = 0; i < TS_NFACES; i++)
        sets[i] = hb_set_create();
    collect(r, sets);
    HPDF_Font fonts[TS_NFACES] = {0};
    int tagno = 0;
    for (int i = 0; i < TS_NFACES && !failed(&st); i++) {
        if (!r->fonts[i].used || hb_set_is_empty(sets[i]))
            continue;
        fonts[i] = pdf_font_load(pdf, &st, &r->fonts[i], sets[i], tagno++,
                                 &embed[i]);
    }
    pdf_codes codes;
    pdf_codes_make(&codes, fonts, sets, TS_NFACES);
    if (!failed(&st) &&
        (codes.one_byte ? pdf_codes_apply(pdf, &codes, fonts, TS_NFACES)
                        : pdf_font_share_tounicode(fonts, sets, TS_NFACES)))
        pdf_set_err(&st, "ToUnicode-tabellen kunde inte skrivas");
    pages = calloc((size_t)r->npages + 1, sizeof *pages);
    pdf_tags *tags = pdf_tags_new(pdf, r);
    if (!pages || !tags)
        pdf_set_err(&st, "slut på minne (PDF)");
    for (int p = 0; p < r->npages && !failed(&st); p++) {
        HPDF_Page page = HPDF_AddPage(pdf);
        if (!page)
            break;
        /* libharu's /ProcSet: obsolete since PDF 1.4, ignored by readers */
        HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
        if (res)
            HPDF_Dict_RemoveElement(res, "ProcSet");
        HPDF_Page_SetWidth(page, (HPDF_REAL)r->page_w);
        HPDF_Page_SetHeight(page, (HPDF_REAL)r->page_h);
        pages[p] = page;
        pdf_tags_page(tags, page, p);
        draw_page(page, &r->pages[p], fonts, &codes, tags);
    }
    if (!failed(&st)) {
        links(pdf, r, pages, tags);
        outline(pdf, r, pages);
        page_labels(pdf, r);
        if (pdf_tags_finish(tags))
            pdf_set_err(&st, "slut på minne (PDF-struktur)");
    }
    for (int i = 0; i < TS_NFACES && !failed(&st); i++)
        if (fonts[i])
            pdf_font_finish(pdf, &st, fonts[i], embed[i]);
    if (!failed(&st)) {
        /* The file's /ID: a digest of what is on the pages and of the
         * metadata, so equal input gives equal bytes. */
        unsigned char id[16];
        HPDF_MD5_CTX md5;
        HPDF_MD5Init(&md5);
        for (int p = 0; p < r->npages; p++)
            for (const ts_op *o = r->pages[p].ops; o; o = o->next)
                if (o->kind == OP_TEXT)
                    HPDF_MD5Update(&md5, (const HPDF_BYTE *)o->text,
                                   (HPDF_UINT32)strlen(o->text));
        const char *meta[] = {r->title, r->author, r->subject, r->keywords};
        for (int k = 0; k < 4; k++)
            if (meta[k])
                HPDF_MD5Update(&md5, (const HPDF_BYTE *)meta[k],
                               (HPDF_UINT32)strlen(meta[k]));
        HPDF_MD5Final(id, &md5);
        pdf_meta_write(pdf, &st, r, doc_time(), id);
    }
    /* The file goes straight into one growing buffer of ours: libharu's
     * own memory stream would hold it once more beside the copy we take
     * of it, at the run's peak (the dense book: 12 MB each) */
    sink out_file = {0};
    if (!failed(&st)) {
        HPDF_Stream w = HPDF_CallbackWriter_New(pdf->mmgr, sink_write,
                                                &out_file);
        if (!w) {
            pdf_set_err(&st, "slut på minne (PDF)");
        } else {
            HPDF_Stream_Free(pdf->stream);   /* NULL unless saved before */
            pdf->stream = w;
        }
    }
    if (!failed(&st) && HPDF_SaveToStream(pdf) == HPDF_OK && !failed(&st) &&
        !out_file.oom) {
        unsigned char *shrunk = realloc(out_file.p, out_file.n ? out_file.n
                                                                : 1);
        *out = shrunk ? shrunk : out_file.p;
        *outlen = out_file.n;
        out_file.p = NULL;
    } else if (out_file.oom) {
        pdf_set_err(&st, "slut på minne (PDF)");
    }
    free(out_file.p);
    if (!*out && !st.err)
        pdf_set_err(&st, "libharu rapporterade fel 0x%04X (detalj %u) när "
                    "PDF-filen skrevs", (unsigned)st.error,
                    (unsigned)st.detail);
    HPDF_Free(pdf);
    for (int i = 0; i < TS_NFACES; i++) {
        hb_set_destroy(sets[i]);
        hb_blob_destroy(embed[i]);
    }
    free(pages);
    /* the structure tree after libharu's document is freed, written out
     * on its own: it joins the file after packing (pdf_tags.c) */
    if (*out && !(*tree = pdf_tags_tree(tags))) {
        free(*out);
        *out = NULL;
        *outlen = 0;
        pdf_set_err(&st, "slut på minne (PDF-struktur)");
    }
    pdf_tags_free(tags);
    if (!*out) {
        *err = st.err ? st.err : strdup("PDF-filen kunde inte skapas");
        return -1;
    }
    free(st.err);
    return 0;
}

int pdf_write(const ts_result *r, unsigned char **out, size_t *outlen,
              char **err)
{
    pdf_tree *tree;
    if (pdf_write_unpacked(r, out, outlen, &tree, err))
        return -1;
    /* after libharu's document is freed: only the file is in memory */
    int rc = pdf_pack(out, outlen, tree, err);
    pdf_tree_free(tree);
    if (rc) {
        free(*out);
        *out = NULL;
        *outlen = 0;
        return -1;
    }
    return 0;
}
