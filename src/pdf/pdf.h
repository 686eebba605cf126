/* pdf.h - the PDF device: finished pages (ts_result) to PDF bytes.
 *
 * src/pdf/ is the only part of vastbus that includes hpdf.h. It embeds
 * each face as an hb-subset subset, repairs libharu's ToUnicode CMap,
 * writes bookmarks, links, Info and XMP metadata (PDF/A-2a, PDF/UA-1),
 * the output intent, a trailer /ID and a tagged structure (pdf_tags.c). With SOURCE_DATE_EPOCH set the output is
 * byte-for-byte reproducible. */
#ifndef VB_PDF_H
#define VB_PDF_H

#include <stddef.h>

#include "../page/page.h"

/* On success returns 0 and *out (malloc'd, caller frees) / *outlen hold
 * the PDF. On failure returns -1 and *err holds a malloc'd Swedish
 * message. Never prints. */
int pdf_write(const ts_result *r, unsigned char **out, size_t *outlen,
              char **err);

/* pdf_write() in its two steps, for a caller that can free the pages
 * (and what they point into) in between: packing holds every object of
 * the file in qpdf's memory. pdf_write_unpacked() writes libharu's file
 * (pages, fonts, metadata) and *tree, the structure tree on its own
 * (malloc'd, the caller frees it with pdf_tree_free; it needs nothing of
 * r). pdf_pack() rewrites the file in place with object streams and a
 * compressed cross-reference stream, then appends the tree (on failure
 * *buf still holds a file, which the caller frees). Same results and messages as
 * pdf_write(). */
typedef struct pdf_tree pdf_tree;
int pdf_write_unpacked(const ts_result *r, unsigned char **out,
                       size_t *outlen, pdf_tree **tree, char **err);
int pdf_pack(unsigned char **buf, size_t *len, const pdf_tree *tree,
             char **err);
void pdf_tree_free(pdf_tree *tree);

#endif
