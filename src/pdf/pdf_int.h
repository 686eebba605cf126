/* pdf_int.h - internals shared by the pdf_*.c files. */
#ifndef VB_PDF_INT_H
#define VB_PDF_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <hb.h>
#include <hpdf.h>

#include "pdf.h"

typedef struct pdf_state {
    HPDF_STATUS error;        /* first libharu error */
    HPDF_STATUS detail;
    char *err;                /* our own message, malloc'd */
} pdf_state;

/* pdf_font.c: loads one face as a subset holding the code points in cps,
 * with a correct ToUnicode CMap. tagno makes the subset tag unique.
 * *embed gets the font program to embed (the caller destroys it, also
 * when NULL is returned), or NULL. */
HPDF_Font pdf_font_load(HPDF_Doc pdf, pdf_state *st, const ts_font_file *ff,
                        hb_set_t *cps, int tagno, hb_blob_t **embed);
/* Code = CID = Unicode in every face, so one ToUnicode CMap, of the
 * code points of all faces (sets[i] for fonts[i], NULL for a face not
 * loaded), serves them all: the first font's, the others pointed at it
 * (each face's own cost some 400 bytes). */
int pdf_font_share_tounicode(HPDF_Font *fonts, hb_set_t **sets, int n);
/* pdf_codes.c: one-byte codes for text (see there). A code is the code
 * point for Latin-1, code[k] for big[k]; uni[] is each code's code point
 * (0 unused). one_byte false: two-byte codes, Identity-H. */
typedef struct pdf_codes {
    bool one_byte;
    int nbig;
    uint32_t big[256];
    unsigned char code[256];
    uint32_t uni[256];
} pdf_codes;
/* Decides the codes for the code points of the faces loaded. */
void pdf_codes_make(pdf_codes *c, HPDF_Font *fonts, hb_set_t **sets, int n);
/* The code of cp (one_byte), -1 if it has none. */
int pdf_code(const pdf_codes *c, uint32_t cp);
/* Gives every font the one-byte encoding CMap and one shared ToUnicode
 * CMap of the codes (instead of pdf_font_share_tounicode). */
int pdf_codes_apply(HPDF_Doc pdf, const pdf_codes *c, HPDF_Font *fonts,
                    int n);
/* Writes a font's descriptor with its font program (embed, from
 * pdf_font_load) and a CIDSet (PDF/A-1); call before saving. */
int pdf_font_finish(HPDF_Doc pdf, pdf_state *st, HPDF_Font font,
                    hb_blob_t *embed);
/* pdf_cidfont.c: the Type0 font and its CIDFontType2 for a subset face
 * loaded into def (tag set), as HPDF_GetFont(pdf, name, "UTF-8") makes
 * them but with a CIDToGIDMap up to max (the highest code point shown)
 * and an empty ToUnicode stream; registered with the document. NULL on
 * failure. */
HPDF_Font pdf_cidfont_new(HPDF_Doc pdf, HPDF_FontDef def, hb_codepoint_t max);

/* pdf_utf8.c: the encoder of our fonts, as libharu's "UTF-8" one reads
 * and encodes text (one a document, registered with it). */
typedef struct pdf_utf8_state {
    HPDF_BYTE u[4];           /* the bytes of the character being read */
    unsigned at, end;         /* bytes read so far, index of its last */
} pdf_utf8_state;
/* Reads one byte (the state starts zeroed); true when it completes a
 * character, then *cp is its code (a space above U+FFFF). */
bool pdf_utf8_step(pdf_utf8_state *s, HPDF_BYTE b, HPDF_UNICODE *cp);
HPDF_Encoder pdf_utf8_encoder(HPDF_Doc pdf);

/* pdf_meta.c */
/* UTF-8 to a PDF text string (pdf_text_bytes(), written in hex). */
void *pdf_text_string(HPDF_Doc pdf, const char *utf8);
/* The same string's bytes (malloc'd, *n of them), for text written
 * outside libharu. */
unsigned char *pdf_text_utf16(const char *utf8, size_t *n);
/* The same text as PDFDocEncoding bytes when it is Latin-1 that
 * PDFDocEncoding shares (one byte a character), else as
 * pdf_text_utf16(); malloc'd, *n bytes. */
unsigned char *pdf_text_bytes(const char *utf8, size_t *n);
int pdf_meta_write(HPDF_Doc pdf, pdf_state *st, const ts_result *r,
                   time_t when, const unsigned char id[16]);

/* pdf_icc.c: a compact sRGB ICC profile into out; returns its length. */
#define PDF_ICC_MAX 600
size_t pdf_icc_srgb(unsigned char out[PDF_ICC_MAX]);

void pdf_set_err(pdf_state *st, const char *fmt, ...);

/* pdf_text.c: draws a text op in the open text object (font and colour
 * set), as a TJ array with the op's kerning when it has any, inside an
 * ActualText span when the op has an actual text. */
void pdf_show_text(HPDF_Page page, const pdf_codes *c, const ts_op *o);
/* An invisible space after an op's text (same font). */
void pdf_show_space(HPDF_Page page, const pdf_codes *c);

/* pdf_tags.c: the tagged-PDF structure (see there). The drawing code
 * calls pdf_tags_page() for each new page, pdf_tags_open() before each
 * op whose sid differs from the open one (pdf_tags_needs), outside any
 * text or path object, and pdf_tags_close() at the end of the page. */
typedef struct pdf_tags pdf_tags;
pdf_tags *pdf_tags_new(HPDF_Doc pdf, const ts_result *r);
void pdf_tags_free(pdf_tags *t);
void pdf_tags_page(pdf_tags *t, HPDF_Page page, int pageno);
bool pdf_tags_needs(const pdf_tags *t, int sid);
void pdf_tags_open(pdf_tags *t, int sid);
void pdf_tags_close(pdf_tags *t);
/* A figure's drawn extent on the page where it starts (its /BBox). */
void pdf_tags_extent(pdf_tags *t, int sid, double x0, double y0, double x1,
                     double y1);
/* A link annotation: /Contents, /StructParent, OBJR in its Link element;
 * /Tabs /S on its page. */
void pdf_tags_link(pdf_tags *t, HPDF_Annotation an, HPDF_Page page,
                   int pageno, int sid);
/* /MarkInfo, /ViewerPreferences and /StructTreeRoot, a placeholder
 * dictionary that the tree's update section redefines; numbers the root
 * element. */
int pdf_tags_finish(pdf_tags *t);
/* The structure tree written out (see pdf.h's pdf_tree), independent of
 * t and of the ts_result; NULL when out of memory. */
pdf_tree *pdf_tags_tree(pdf_tags *t);

/* What pdf_tree_append() needs of the packed file (pdf_pack.c reads it
 * with qpdf): its trailer, and the numbers qpdf gave the pages and their
 * annotations. */
typedef struct pdf_filemap {
    int size;                 /* trailer /Size: the tree's first number */
    long startxref;           /* the packed file's xref stream, for /Prev */
    int root_obj;             /* the catalog's number */
    int tree_obj;             /* its /StructTreeRoot's (a placeholder) */
    char *id;                 /* the trailer's /ID, as text */
    char *info;               /* the trailer's /Info, as text, or NULL */
    int npages;
    int *page_obj;            /* per page: its object number */
    int *annot_first;         /* per page: its first in annot_obj; npages+1 */
    int *annot_obj;           /* the pages' /Annots, page after page */
} pdf_filemap;
/* Adds the tree to the packed file *buf: qpdf's cross-reference stream
 * dropped (pdf_reflow), the root (under the number of the catalog's
 * placeholder) and the elements in deflated object streams, and one
 * cross-reference stream for all, with the same /Root, /Info and /ID.
 * On failure *buf still holds the packed file, unchanged below *len. */
int pdf_tree_append(const pdf_tree *tr, const pdf_filemap *m,
                    unsigned char **buf, size_t *len);

/* pdf_reflow.c */
/* Deflates in[0..n) into *out (malloc'd, *outn bytes). */
int pdf_deflate(const unsigned char *in, size_t n, unsigned char **out,
                size_t *outn);
/* One entry of a cross-reference stream: type 0 (free), 1 (f2 = the
 * offset) or 2 (in object stream f2, at index f3). */
typedef struct pdf_xent {
    unsigned type;
    unsigned long f2, f3;
} pdf_xent;
/* qpdf's file buf[0..len) without its cross-reference stream (the one at
 * startxref, object *xnum, which is left free in *ents): every object
 * copied to *out (malloc'd; *outn bytes used of *outcap), a stream
 * without a filter (the XMP) deflated; *ents (malloc'd, *size of them)
 * the entries of objects 0 .. *size - 1 with their new offsets. */
int pdf_reflow(const unsigned char *buf, size_t len, long startxref,
               unsigned char **out, size_t *outn, size_t *outcap,
               pdf_xent **ents, int *size, int *xnum);

#endif