/* pdf_cidfont.c - the Type0 font and its CIDFontType2 for one subset face,
 * built without HPDF_GetFont.
 *
 * HPDF_GetFont(pdf, name, "UTF-8") (libharu 2.3.0, hpdf_font_cid.c) maps
 * every one of the 65 536 codes through HPDF_TTFontDef_GetGlyphid, a
 * linear search of the cmap's segments, to write a CIDToGIDMap and a W
 * array for all of them: some 14 M instructions a face, a third of the
 * cost of a one-page report's fonts. Our faces are hb-subset subsets, so
 * only the few codes in their cmap segments map to a glyph; every other
 * code has glyph 0, whose width is the DW. This file walks the segments
 * instead and writes the same objects, in the same order, with the same
 * values, as HPDF_GetFont followed by the repairs pdf_font.c made to them
 * (libharu's ToUnicode CMap replaced, CIDSystemInfo's Ordering
 * "Identity", no DW2, CIDToGIDMap cut after the highest code used):
 *
 *   Type0 font     Type Font, BaseFont, Subtype Type0, Encoding Identity-H,
 *                  ToUnicode (an empty stream: pdf_font.c writes the CMap),
 *                  DescendantFonts [CIDFont]
 *   CIDFontType2   Type Font, Subtype CIDFontType2, DW, W, CIDToGIDMap,
 *                  CIDSystemInfo (Adobe, Identity, 0), BaseFont;
 *                  FontDescriptor is added by pdf_font_finish()
 *
 * Code = CID = Unicode code point, read from UTF-8 as libharu's "UTF-8"
 * encoder reads it (pdf_utf8.c), as before. */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_utils.h>

/* The cmap's glyph for the code points of one segment, as
 * HPDF_TTFontDef_GetGlyphid computes it (format 4). */
static HPDF_UINT16 seg_gid(const HPDF_TTF_CmapRange *cm, HPDF_UINT seg,
                           HPDF_UINT nseg, HPDF_UINT cp)
{
    if (cm->id_range_offset[seg] == 0)
        return (HPDF_UINT16)(cp + (HPDF_UINT)cm->id_delta[seg]);
    HPDF_UINT idx = cm->id_range_offset[seg] / 2u +
                    (cp - cm->start_count[seg]) - (nseg - seg);
    /* libharu reads one past the array when idx equals its length */
    if (idx >= cm->glyph_id_array_count)
        return 0;
    return (HPDF_UINT16)(cm->glyph_id_array[idx] +
                         (HPDF_UINT)cm->id_delta[seg]);
}

/* Calls fn(cp, gid, arg) for each code point from 0 to max whose glyph is
 * not 0, in increasing order. A code point belongs to the first segment
 * whose end is at or above it (GetGlyphid's search), so walking the
 * segments in their order with a running lower bound finds the same
 * glyphs however the segments are ordered. Returns -1 if fn does. */
static int each_gid(const HPDF_TTF_CmapRange *cm, HPDF_UINT max,
                    int (*fn)(HPDF_UINT, HPDF_UINT16, void *), void *arg)
{
    HPDF_UINT nseg = cm->seg_count_x2 / 2u, lo = 0;
    for (HPDF_UINT s = 0; s < nseg && lo <= max; s++) {
        HPDF_UINT end = cm->end_count[s];
        if (end < lo)
            continue;
        HPDF_UINT from = cm->start_count[s] > lo ? cm->start_count[s] : lo;
        HPDF_UINT to = end < max ? end : max;
        for (HPDF_UINT cp = from; cp <= to; cp++) {
            HPDF_UINT16 gid = seg_gid(cm, s, nseg, cp);
            if (gid && fn(cp, gid, arg))
                return -1;
        }
        lo = end + 1;
    }
    return 0;
}

/* The font's attributes: libharu's, then each code point's width. */
typedef struct {
    HPDF_FontAttr_Rec base;   /* first: libharu sees only this */
    HPDF_INT16 *width;        /* for code points 0 to top */
    HPDF_UINT top;            /* the highest code point with a glyph */
} cid_attr;

static int note_top(HPDF_UINT cp, HPDF_UINT16 gid, void *arg)
{
    (void)gid;
    *(HPDF_UINT *)arg = cp;
    return 0;
}

typedef struct {
    HPDF_FontDef def;
    HPDF_INT16 *width;
} width_state;

static int put_width(HPDF_UINT cp, HPDF_UINT16 gid, void *arg)
{
    width_state *ws = arg;
    ws->width[cp] = HPDF_TTFontDef_GetGidWidth(ws->def, gid);
    return 0;
}

/* Each code point's width, as HPDF_TTFontDef_GetCharWidth gives it (the
 * width of its glyph; of glyph 0, the DW, for a code point the cmap does
 * not map), without its linear search of the cmap for every character. */
static int make_widths(HPDF_MMgr mmgr, HPDF_FontDef def, cid_attr *ca)
{
    const HPDF_TTF_CmapRange *cm = &((HPDF_TTFontDefAttr)def->attr)->cmap;
    ca->top = 0;
    each_gid(cm, 0xFFFF, note_top, &ca->top);
    ca->width = HPDF_GetMem(mmgr, sizeof(HPDF_INT16) * (ca->top + 1));
    if (!ca->width)
        return -1;
    for (HPDF_UINT cp = 0; cp <= ca->top; cp++)
        ca->width[cp] = def->missing_width;
    width_state ws = {def, ca->width};
    return each_gid(cm, ca->top, put_width, &ws);
}

/* The W array: runs of consecutive CIDs (up to U+FFFE) whose width is not
 * the DW, as "first [w w …]", exactly as CIDFontType2_New writes it. */
static int write_w(HPDF_Array w, const cid_attr *ca, HPDF_INT16 dw)
{
    HPDF_Array run = NULL;
    HPDF_UINT end = ca->top < 0xFFFE ? ca->top : 0xFFFE;
    for (HPDF_UINT cp = 0; cp <= end; cp++) {
        if (ca->width[cp] == dw) {
            run = NULL;
            continue;
        }
        if (!run) {
            run = HPDF_Array_New(w->mmgr);
            if (!run || HPDF_Array_AddNumber(w, (HPDF_INT32)cp) != HPDF_OK ||
                HPDF_Array_Add(w, run) != HPDF_OK)
                return -1;
        }
        if (HPDF_Array_AddNumber(run, ca->width[cp]) != HPDF_OK)
            return -1;
    }
    return 0;
}

/* The CIDToGIDMap: two bytes (big-endian glyph id) per CID. */
static int put_gid(HPDF_UINT cp, HPDF_UINT16 gid, void *arg)
{
    HPDF_BYTE *map = arg;
    map[2 * cp] = (HPDF_BYTE)(gid >> 8);
    map[2 * cp + 1] = (HPDF_BYTE)gid;
    return 0;
}

/* The map for CIDs 0 to max (max + 1 entries; CID 0 is glyph 0). */
static int write_map(HPDF_Dict stream, const HPDF_TTF_CmapRange *cm,
                     HPDF_UINT max)
{
    size_t n = 2 * ((size_t)max + 1);
    HPDF_BYTE *map = calloc(n, 1);
    if (!map)
        return -1;
    each_gid(cm, max, put_gid, map);
    map[0] = map[1] = 0;
    int rc = HPDF_Stream_Write(stream->stream, map, (HPDF_UINT)n) == HPDF_OK
                 ? 0 : -1;
    free(map);
    return rc;
}

/* HPDF_Font_TextWidth for our fonts: libharu's Type0 TextWidth
 * (hpdf_font_cid.c), horizontal TrueType case, which HPDF_Page_TextOut
 * and HPDF_Page_TextWidth use to advance the text position; the code
 * points read as libharu's UTF-8 encoder reads them (pdf_utf8_step), and
 * measured with the table of widths. */
static HPDF_TextWidth text_width(HPDF_Font font, const HPDF_BYTE *text,
                                 HPDF_UINT len)
{
    HPDF_TextWidth tw = {0, 0, 0, 0};
    const cid_attr *ca = (const cid_attr *)font->attr;
    HPDF_INT16 dw = ca->base.fontdef->missing_width;
    pdf_utf8_state s = {{0}, 0, 0};
    HPDF_UNICODE cp;
    HPDF_BYTE b = 0;
    for (HPDF_UINT i = 0; i < len; i++) {
        b = text[i];
        if (pdf_utf8_step(&s, b, &cp)) {
            HPDF_INT16 w = cp <= ca->top ? ca->width[cp] : dw;
            tw.width += (HPDF_UINT)w;
            tw.numchars++;
        }
        if (HPDF_IS_WHITE_SPACE(b)) {
            tw.numwords++;
            tw.numspace++;
        }
    }
    if (!HPDF_IS_WHITE_SPACE(b))
        tw.numwords++;
    return tw;
}

static void free_attr(HPDF_Dict obj)
{
    cid_attr *ca = obj->attr;
    if (!ca)
        return;
    if (ca->width)
        HPDF_FreeMem(obj->mmgr, ca->width);
    HPDF_FreeMem(obj->mmgr, ca);
}

/* The CIDFontType2 dictionary (added to the xref before its map). */
static HPDF_Dict cid_font(HPDF_Doc pdf, HPDF_FontDef def, const cid_attr *ca,
                          HPDF_UINT max, HPDF_UINT16 filter, HPDF_Dict *map)
{
    HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)def->attr;
    const HPDF_TTF_CmapRange *cm = &da->cmap;
    HPDF_Dict f = HPDF_Dict_New(pdf->mmgr);
    if (!f || HPDF_Xref_Add(pdf->xref, f) != HPDF_OK)
        return NULL;
    HPDF_STATUS ret = HPDF_Dict_AddName(f, "Type", "Font");
    ret += HPDF_Dict_AddName(f, "Subtype", "CIDFontType2");
    ret += HPDF_Dict_AddNumber(f, "DW", def->missing_width);
    HPDF_Array w = HPDF_Array_New(pdf->mmgr);
    if (ret != HPDF_OK || !w || HPDF_Dict_Add(f, "W", w) != HPDF_OK ||
        write_w(w, ca, def->missing_width))
        return NULL;
    *map = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!*map || HPDF_Dict_Add(f, "CIDToGIDMap", *map) != HPDF_OK ||
        write_map(*map, cm, max))
        return NULL;
    (*map)->filter = filter;
    HPDF_Dict csi = HPDF_Dict_New(pdf->mmgr);
    if (!csi || HPDF_Dict_Add(f, "CIDSystemInfo", csi) != HPDF_OK)
        return NULL;
    ret = HPDF_Dict_Add(csi, "Registry",
                        HPDF_String_New(pdf->mmgr, "Adobe", NULL));
    ret += HPDF_Dict_Add(csi, "Ordering",
                         HPDF_String_New(pdf->mmgr, "Identity", NULL));
    ret += HPDF_Dict_AddNumber(csi, "Supplement", 0);
    ret += HPDF_Dict_AddName(f, "BaseFont", da->base_font);
    return ret == HPDF_OK ? f : NULL;
}

HPDF_Font pdf_cidfont_new(HPDF_Doc pdf, HPDF_FontDef def, hb_codepoint_t max)
{
    HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)def->attr;
    if (def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !da->embedding ||
        da->cmap.format != 4 || da->cmap.seg_count_x2 == 0)
        return NULL;
    HPDF_Encoder enc = pdf_utf8_encoder(pdf);
    if (!enc)
        return NULL;
    HPDF_UINT16 filter = (pdf->compression_mode & HPDF_COMP_METADATA)
                             ? HPDF_STREAM_FILTER_FLATE_DECODE
                             : HPDF_STREAM_FILTER_NONE;
    HPDF_Font font = HPDF_Dict_New(pdf->mmgr);
    if (!font)
        return NULL;
    cid_attr *ca = HPDF_GetMem(pdf->mmgr, sizeof *ca);
    if (!ca) {
        HPDF_Dict_Free(font);
        return NULL;
    }
    memset(ca, 0, sizeof *ca);
    HPDF_FontAttr attr = &ca->base;
    font->header.obj_class |= HPDF_OSUBCLASS_FONT;
    font->free_fn = free_attr;
    font->attr = ca;
    if (make_widths(pdf->mmgr, def, ca)) {
        HPDF_Dict_Free(font);
        return NULL;
    }
    font->filter = filter;
    attr->type = HPDF_FONT_TYPE0_TT;
    attr->writing_mode = HPDF_WMODE_HORIZONTAL;
    attr->text_width_fn = text_width;
    attr->measure_text_fn = NULL;   /* HPDF_Font_MeasureText: not used */
    attr->fontdef = def;
    attr->encoder = enc;
    attr->xref = pdf->xref;
    /* from here on the xref owns the font (and frees attr with it) */
    if (HPDF_Xref_Add(pdf->xref, font) != HPDF_OK)
        return NULL;
    HPDF_STATUS ret = HPDF_Dict_AddName(font, "Type", "Font");
    ret += HPDF_Dict_AddName(font, "BaseFont", da->base_font);
    ret += HPDF_Dict_AddName(font, "Subtype", "Type0");
    ret += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
    if (ret != HPDF_OK)
        return NULL;
    attr->cmap_stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!attr->cmap_stream ||
        HPDF_Dict_Add(font, "ToUnicode", attr->cmap_stream) != HPDF_OK)
        return NULL;
    attr->cmap_stream->filter = filter;
    HPDF_Array desc = HPDF_Array_New(pdf->mmgr);
    if (!desc || HPDF_Dict_Add(font, "DescendantFonts", desc) != HPDF_OK)
        return NULL;
    if (max > 0xFFFF)
        max = 0xFFFF;
    attr->descendant_font = cid_font(pdf, def, ca, max, filter,
                                     &attr->map_stream);
    if (!attr->descendant_font ||
        HPDF_Array_Add(desc, attr->descendant_font) != HPDF_OK ||
        HPDF_List_Add(pdf->font_mgr, font) != HPDF_OK)
        return NULL;
    return font;
}
