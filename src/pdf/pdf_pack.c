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
 * 2.5 KB an object (145 MB for the dense benchmark book's 56 000, 53 000
 * of them structure elements): the largest part of a big book's run. The
 * caller (src/pipeline/) frees the pages and the layout tree first.
 * On failure *buf is untouched (qpdf only reads it until it has written).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "pdf/pdf_int.h"

int pdf_pack(unsigned char **buf, size_t *len, char **err)
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
    return rc;
}
