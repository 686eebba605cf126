/*
 * pdf_pack.c - the last step of writing a PDF: qpdf rewrites libharu's
 * file with object streams and a compressed cross-reference stream.
 *
 * libharu writes every object as plain text. That was fine for fonts and
 * pages, but a tagged PDF has one dictionary per structure element (4 000
 * in the sample yearbook) plus the ParentTree, and they tripled the file.
 * PDF 1.5+ (we write 1.7, for PDF/A-2 and PDF/UA-1) may hold such objects
 * compressed inside object streams; qpdf, a well-kept library made for
 * exactly this, packs them. Content and structure are untouched: the same
 * objects, renumbered. The /ID is qpdf's deterministic one (a digest of
 * the written file), so equal input still gives equal bytes.
 *
 * Memory: qpdf 11 holds every object it has read until the end, about
 * 2.5 KB an object: 145 MB for the dense benchmark book's 56 000 objects,
 * 53 000 of them structure elements. So qpdf packs libharu's file alone
 * (pages, fonts, metadata: 3 000 objects in that book), and the structure
 * tree, kept apart (pdf_tags.c), is appended to the packed file as an
 * update section of object streams that we write ourselves; qpdf reads
 * the packed file once more (a few thousand objects) for the numbers it
 * gave the catalog, the structure tree's placeholder, the pages and
 * their annotations. The caller (src/pipeline/) frees the pages and the
 * layout tree before packing.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "pdf/pdf_int.h"

/* The last "startxref" of the file and the offset after it, or -1. */
static long start_xref(const unsigned char *buf, size_t len)
{
    static const char key[] = "startxref";
    size_t n = sizeof key - 1;
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (memcmp(buf + i, key, n) == 0) {
            char tail[32];
            size_t k = len - i - n < sizeof tail - 1 ? len - i - n
                                                      : sizeof tail - 1;
            memcpy(tail, buf + i + n, k);
            tail[k] = 0;
            char *end;
            long v = strtol(tail, &end, 10);
            return end == tail ? -1 : v;
        }
    return -1;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void filemap_free(pdf_filemap *m)
{
    free(m->id);
    free(m->info);
    free(m->page_obj);
    free(m->annot_first);
    free(m->annot_obj);
}

/* What pdf_tree_append() needs of the packed file, read with qpdf. */
static int filemap_read(const unsigned char *buf, size_t len,
                        pdf_filemap *m)
{
    memset(m, 0, sizeof *m);
    m->startxref = start_xref(buf, len);
    qpdf_data q = qpdf_init();
    if (!q)
        return -1;
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    int rc = -1;
    if (m->startxref < 0 ||
        (qpdf_read_memory(q, "vastbus", (const char *)buf,
                          (unsigned long long)len, NULL) & QPDF_ERRORS))
        goto out;
    qpdf_oh tr = qpdf_get_trailer(q), root = qpdf_get_root(q);
    m->size = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, tr, "/Size"));
    m->root_obj = qpdf_oh_get_object_id(q, root);
    m->tree_obj = qpdf_oh_get_object_id(q, qpdf_oh_get_key(q, root,
                                                          "/StructTreeRoot"));
    m->id = dup_or_null(qpdf_oh_unparse(q, qpdf_oh_get_key(q, tr, "/ID")));
    if (qpdf_oh_has_key(q, tr, "/Info"))
        m->info = dup_or_null(qpdf_oh_unparse(q,
                                              qpdf_oh_get_key(q, tr, "/Info")));
    if (m->size <= 0 || m->root_obj <= 0 || m->tree_obj <= 0 || !m->id ||
        !qpdf_oh_has_key(q, tr, "/ID"))
        goto out;
    int np = qpdf_get_num_pages(q);
    if (np < 0)
        goto out;
    m->npages = np;
    m->page_obj = malloc(((size_t)np + 1) * sizeof *m->page_obj);
    m->annot_first = malloc(((size_t)np + 1) * sizeof *m->annot_first);
    if (!m->page_obj || !m->annot_first)
        goto out;
    int na = 0, cap = 0;
    for (int p = 0; p < np; p++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)p);
        m->page_obj[p] = qpdf_oh_get_object_id(q, page);
        if (m->page_obj[p] <= 0)
            goto out;
        m->annot_first[p] = na;
        qpdf_oh an = qpdf_oh_get_key(q, page, "/Annots");
        int n = qpdf_oh_is_array(q, an) ? qpdf_oh_get_array_n_items(q, an)
                                        : 0;
        for (int k = 0; k < n; k++) {
            if (na == cap) {
                cap = cap ? cap * 2 : 64;
                int *g = realloc(m->annot_obj, (size_t)cap * sizeof *g);
                if (!g)
                    goto out;
                m->annot_obj = g;
            }
            /* 0 for a direct annotation, which an OBJR cannot name */
            m->annot_obj[na++] =
                qpdf_oh_get_object_id(q, qpdf_oh_get_array_item(q, an, k));
        }
        qpdf_oh_release_all(q);
    }
    m->annot_first[np] = na;
    rc = qpdf_has_error(q) ? -1 : 0;
out:
    qpdf_cleanup(&q);
    return rc;
}

int pdf_pack(unsigned char **buf, size_t *len, const pdf_tree *tree,
             char **err)
{
    qpdf_data q = qpdf_init();
    if (!q) {
        *err = strdup("slut på minne (PDF-packning)");
        return -1;
    }
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    int rc = -1;
    if (!(qpdf_read_memory(q, "vastbus", (const char *)*buf,
                           (unsigned long long)*len, NULL) & QPDF_ERRORS) &&
        !(qpdf_init_write_memory(q) & QPDF_ERRORS)) {
        qpdf_set_object_stream_mode(q, qpdf_o_generate);
        qpdf_set_compress_streams(q, QPDF_TRUE);
        qpdf_set_deterministic_ID(q, QPDF_TRUE);
        if (!(qpdf_write(q) & QPDF_ERRORS)) {
            size_t n = qpdf_get_buffer_length(q);
            if (n > 0 && n <= *len) {
                /* qpdf has read all it needs of the input: the packed
                 * file goes into the input's memory, whose unused tail
                 * is given back, instead of a third copy of the output
                 * beside qpdf's two at the run's peak */
                memcpy(*buf, qpdf_get_buffer(q), n);
                unsigned char *shrunk = realloc(*buf, n);
                if (shrunk)
                    *buf = shrunk;
                *len = n;
                rc = 0;
            } else {
                unsigned char *packed = malloc(n ? n : 1);
                if (packed) {
                    memcpy(packed, qpdf_get_buffer(q), n);
                    free(*buf);
                    *buf = packed;
                    *len = n;
                    rc = 0;
                }
            }
        }
    }
    if (rc)
        *err = strdup("PDF-filen kunde inte packas (qpdf)");
    qpdf_cleanup(&q);
    if (rc == 0 && tree) {
        pdf_filemap m;
        rc = filemap_read(*buf, *len, &m);
        if (rc == 0)
            rc = pdf_tree_append(tree, &m, buf, len);
        filemap_free(&m);
        if (rc)
            *err = strdup("PDF-filens struktur kunde inte skrivas");
    }
    return rc;
}
