/* pdf_text.c - one text op into the content stream.
 *
 * An op with an actual text (ts_op.actual) is wrapped in a marked-content
 * span carrying it as /ActualText, which text extraction copies out
 * instead of the glyphs.
 *
 * Text without kerning goes through libharu (Tj). Kerned text is written
 * as a TJ array, which libharu has no call for: the glyphs' codes (code
 * point = CID, Identity-H, see pdf_font.c) with the pair adjustments
 * between them, "[<0041>74<0056>]TJ". A TJ number is subtracted from the
 * advance, so it is the kerning with its sign turned. The start is set
 * with Td through libharu, which keeps its own text position right: a TJ
 * moves only the text matrix, not the line matrix Td works from. */
#include "pdf_int.h"
#include "../util/utf8.h"

#include <stdio.h>
#include <string.h>

#include <hpdf.h>

static HPDF_STATUS write_tj(HPDF_Stream s, const ts_op *o)
{
    size_t len = strlen(o->text), i = 0;
    uint32_t cp;
    int k = 0;
    HPDF_STATUS ret = HPDF_Stream_WriteStr(s, "[<");
    bool open = true;
    while (ret == HPDF_OK && vb_utf8_decode(o->text, len, &i, &cp)) {
        char buf[32];
        if (!open) {
            ret = HPDF_Stream_WriteStr(s, "<");
            open = true;
        }
        snprintf(buf, sizeof buf, "%04X", (unsigned)(cp <= 0xFFFF ? cp : 0xFFFD));
        if (ret == HPDF_OK)
            ret = HPDF_Stream_WriteStr(s, buf);
        int adj = -o->kern[k++];
        if (adj != 0 && i < len && ret == HPDF_OK) {
            snprintf(buf, sizeof buf, ">%d", adj);
            ret = HPDF_Stream_WriteStr(s, buf);
            open = false;
        }
    }
    if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s, open ? ">]TJ\n" : "]TJ\n");
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

static void show(HPDF_Page page, const ts_op *o)
{
    if (!o->kern) {
        HPDF_Page_TextOut(page, (HPDF_REAL)o->x, (HPDF_REAL)o->y, o->text);
        return;
    }
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    if (HPDF_Page_MoveTextPos(page,
                              (HPDF_REAL)o->x - attr->text_matrix.x,
                              (HPDF_REAL)o->y - attr->text_matrix.y)
        != HPDF_OK)
        return;
    if (write_tj(attr->stream, o) != HPDF_OK)
        HPDF_SetError(page->error, HPDF_FILE_IO_ERROR, 0);
}

void pdf_show_text(HPDF_Page page, const ts_op *o)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    if (o->actual && begin_actual(attr->stream, o->actual) != HPDF_OK) {
        HPDF_SetError(page->error, HPDF_FILE_IO_ERROR, 0);
        return;
    }
    show(page, o);
    if (o->actual && HPDF_Stream_WriteStr(attr->stream, "EMC\n") != HPDF_OK)
        HPDF_SetError(page->error, HPDF_FILE_IO_ERROR, 0);
}
