/* pdf_text.c - one text op into the content stream.
 *
 * An op with an actual text (ts_op.actual) is wrapped in a marked-content
 * span carrying it as /ActualText, which text extraction copies out
 * instead of the glyphs.
 *
 * The glyphs' codes are written here, not by libharu: one byte a glyph
 * in a literal string, "(Kungälv)" with ä the byte E4, when the document has one-byte
 * codes (pdf_codes.c), else two-byte code points in hex (Identity-H),
 * "<004B0075>". Kerned text is a TJ array with the pair adjustments
 * between the codes, "[(A)74(V)]TJ"; a TJ number is subtracted from the
 * advance, so it is the kerning with its sign turned. The start is set
 * with Td through libharu, which keeps its own text position right: a Tj
 * or TJ moves only the text matrix, not the line matrix Td works from. */
#include "pdf_int.h"
#include "../util/utf8.h"

#include <stdio.h>
#include <string.h>

#include <hpdf.h>

/* One glyph's code. In a literal string only ( ) and \ need a
 * backslash; a byte below 0x20 (an end of line would be read as LF) is
 * written as an octal escape. */
static HPDF_STATUS put_code(HPDF_Stream s, const pdf_codes *c, uint32_t cp)
{
    char buf[16];
    if (!c->one_byte) {
        snprintf(buf, sizeof buf, "%04X",
                 (unsigned)(cp <= 0xFFFF ? cp : 0xFFFD));
        return HPDF_Stream_WriteStr(s, buf);
    }
    int b = pdf_code(c, cp);
    if (b < 0)
        b = 0;   /* not drawn by any face (cannot happen): .notdef */
    if (b == '(' || b == ')' || b == '\\') {
        buf[0] = '\\';
        buf[1] = (char)b;
        return HPDF_Stream_Write(s, (const HPDF_BYTE *)buf, 2);
    }
    if (b < 0x20) {
        snprintf(buf, sizeof buf, "\\%03o", (unsigned)b);
        return HPDF_Stream_WriteStr(s, buf);
    }
    HPDF_BYTE one = (HPDF_BYTE)b;
    return HPDF_Stream_Write(s, &one, 1);
}

static HPDF_STATUS write_codes(HPDF_Stream s, const pdf_codes *c,
                               const ts_op *o)
{
    const char *open = c->one_byte ? "(" : "<";
    const char *close = c->one_byte ? ")" : ">";
    size_t len = strlen(o->text), i = 0;
    uint32_t cp;
    int k = 0;
    HPDF_STATUS ret = HPDF_Stream_WriteStr(s, o->kern ? "[" : "");
    bool in = false;
    while (ret == HPDF_OK && vb_utf8_decode(o->text, len, &i, &cp)) {
        if (!in) {
            ret = HPDF_Stream_WriteStr(s, open);
            in = true;
        }
        if (ret == HPDF_OK)
            ret = put_code(s, c, cp);
        int adj = o->kern ? -o->kern[k++] : 0;
        if (adj != 0 && i < len && ret == HPDF_OK) {
            char buf[32];
            snprintf(buf, sizeof buf, "%s%d", close, adj);
            ret = HPDF_Stream_WriteStr(s, buf);
            in = false;
        }
    }
    if (ret == HPDF_OK && !in)
        ret = HPDF_Stream_WriteStr(s, open);   /* an empty text */
    if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s, close);
    if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s, o->kern ? "]TJ\n" : "Tj\n");
    return ret;
}
/* /Span <</ActualText (UTF-16BE)>> BDC: what a reader copies out instead
 * of the glyphs up to the matching EMC. */
static HPDF_STATUS begin_actual(HPDF_Stream s, const char *utf8)
{
    HPDF_STATUS ret = HPDF_Stream_WriteStr(s, "/Span <</ActualText <FEFF");
    size_t len = strlen(utf8), i = 0;
    uint32_t cp;
    while (ret == HPDF_OK && vb_utf8_decode(utf8, len, &i, &cp)) {
        char buf[16];
        if (cp > 0xFFFF) {   /* a surrogate pair */
            cp -= 0x10000;
            snprintf(buf, sizeof buf, "%04X%04X", 0xD800u + (unsigned)(cp >> 10),
                     0xDC00u + (unsigned)(cp & 0x3FF));
        } else {
            snprintf(buf, sizeof buf, "%04X", (unsigned)cp);
        }
        ret = HPDF_Stream_WriteStr(s, buf);
    }
    if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s, ">>> BDC\n");
    return ret;
}

static void show(HPDF_Page page, const pdf_codes *c, const ts_op *o)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    if (HPDF_Page_MoveTextPos(page,
                              (HPDF_REAL)o->x - attr->text_matrix.x,
                              (HPDF_REAL)o->y - attr->text_matrix.y)
        != HPDF_OK)
        return;
    if (write_codes(attr->stream, c, o) != HPDF_OK)
        HPDF_SetError(page->error, HPDF_FILE_IO_ERROR, 0);
}

void pdf_show_text(HPDF_Page page, const pdf_codes *c, const ts_op *o)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    if (o->actual && begin_actual(attr->stream, o->actual) != HPDF_OK) {
        HPDF_SetError(page->error, HPDF_FILE_IO_ERROR, 0);
        return;
    }
    show(page, c, o);
    if (o->actual && HPDF_Stream_WriteStr(attr->stream, "EMC\n") != HPDF_OK)
        HPDF_SetError(page->error, HPDF_FILE_IO_ERROR, 0);
}

void pdf_show_space(HPDF_Page page, const pdf_codes *c)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    HPDF_Stream s = attr->stream;
    HPDF_STATUS ret = HPDF_Stream_WriteStr(s, c->one_byte ? "(" : "<");
    if (ret == HPDF_OK)
        ret = put_code(s, c, ' ');
    if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s, c->one_byte ? ")Tj\n" : ">Tj\n");
    if (ret != HPDF_OK)
        HPDF_SetError(page->error, HPDF_FILE_IO_ERROR, 0);
}
