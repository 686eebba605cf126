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
 * Code = CID = Unicode code point (libharu's UTF-8 encoder), as before. */
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

/* The W array: runs of consecutive CIDs whose width is not the DW, as
 * "first [w w …]", exactly as CIDFontType2_New writes it. */
typedef struct {
    HPDF_FontDef def;
    HPDF_Array w;
    HPDF_Array run;           /* the open run, or NULL */
    HPDF_UINT last;           /* its last CID */
} w_state;

static int add_width(HPDF_UINT cp, HPDF_UINT16 gid, void *arg)
{
    w_state *ws = arg;
    HPDF_INT w = HPDF_TTFontDef_GetGidWidth(ws->def, gid);
    if (w == ws->def->missing_width)
        return 0;
    if (!ws->run || cp != ws->last + 1) {
        ws->run = HPDF_Array_New(ws->w->mmgr);
        if (!ws->run || HPDF_Array_AddNumber(ws->w, (HPDF_INT32)cp) != HPDF_OK ||
            HPDF_Array_Add(ws->w, ws->run) != HPDF_OK)
            return -1;
    }
    ws->last = cp;
    return HPDF_Array_AddNumber(ws->run, w) == HPDF_OK ? 0 : -1;
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
 * and HPDF_Page_TextWidth use to advance the text position. */
static HPDF_TextWidth text_width(HPDF_Font font, const HPDF_BYTE *text,
                                 HPDF_UINT len)
{
    HPDF_TextWidth tw = {0, 0, 0, 0};
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    HPDF_Encoder enc = attr->encoder;
    HPDF_ParseText_Rec ps;
    HPDF_BYTE b = 0;
    HPDF_Encoder_SetParseText(enc, &ps, text, len);
    for (HPDF_UINT i = 0; i < len; i++) {
        HPDF_ByteType bt = enc->byte_type_fn(enc, &ps);
        HPDF_UINT16 code = b = *text++;
        HPDF_UINT w = 0;
        if (bt == HPDF_BYTE_TYPE_LEAD)
            code = (HPDF_UINT16)((code << 8) + *text);
        if (bt != HPDF_BYTE_TYPE_TRIAL) {
            HPDF_UNICODE u = enc->to_unicode_fn(enc, code);
            w = (HPDF_UINT)HPDF_TTFontDef_GetCharWidth(attr->fontdef, u);
            tw.numchars++;
        }
        if (HPDF_IS_WHITE_SPACE(code)) {
            tw.numwords++;
            tw.numspace++;
        }
        tw.width += w;
    }
    if (!HPDF_IS_WHITE_SPACE(b))
        tw.numwords++;
    return tw;
}

static void free_attr(HPDF_Dict obj)
{
    if (obj->attr)
        HPDF_FreeMem(obj->mmgr, obj->attr);
}

/* The CIDFontType2 dictionary (added to the xref before its map). */
static HPDF_Dict cid_font(HPDF_Doc pdf, HPDF_FontDef def, HPDF_UINT max,
                          HPDF_UINT16 filter, HPDF_Dict *map)
{
    HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)def->attr;
    const HPDF_TTF_CmapRange *cm = &da->cmap;
    HPDF_Dict f = HPDF_Dict_New(pdf->mmgr);
    if (!f || HPDF_Xref_Add(pdf->xref, f) != HPDF_OK)
        return NULL;
    HPDF_STATUS ret = HPDF_Dict_AddName(f, "Type", "Font");
    ret += HPDF_Dict_AddName(f, "Subtype", "CIDFontType2");
    ret += HPDF_Dict_AddNumber(f, "DW", def->missing_width);
    w_state ws = {def, HPDF_Array_New(pdf->mmgr), NULL, 0};
    if (ret != HPDF_OK || !ws.w || HPDF_Dict_Add(f, "W", ws.w) != HPDF_OK ||
        each_gid(cm, 0xFFFE, add_width, &ws))
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
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
    if (!enc || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE)
        return NULL;
    HPDF_UINT16 filter = (pdf->compression_mode & HPDF_COMP_METADATA)
                             ? HPDF_STREAM_FILTER_FLATE_DECODE
                             : HPDF_STREAM_FILTER_NONE;
    HPDF_Font font = HPDF_Dict_New(pdf->mmgr);
    if (!font)
        return NULL;
    HPDF_FontAttr attr = HPDF_GetMem(pdf->mmgr, sizeof *attr);
    if (!attr) {
        HPDF_Dict_Free(font);
        return NULL;
    }
    memset(attr, 0, sizeof *attr);
    font->header.obj_class |= HPDF_OSUBCLASS_FONT;
    font->free_fn = free_attr;
    font->attr = attr;
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
    attr->descendant_font = cid_font(pdf, def, max, filter,
                                     &attr->map_stream);
    if (!attr->descendant_font ||
        HPDF_Array_Add(desc, attr->descendant_font) != HPDF_OK ||
        HPDF_List_Add(pdf->font_mgr, font) != HPDF_OK)
        return NULL;
    return font;
}
