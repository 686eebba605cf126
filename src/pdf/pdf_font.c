/* pdf_font.c - faces embedded as hb-subset subsets through libharu's UTF-8
 * (CID, Identity-H) path, with the ToUnicode CMap and CIDSystemInfo that
 * libharu 2.3.0 gets wrong repaired in place (NOTES-libs.md).
 *
 * libharu has no "load TrueType from memory", but its TTFontDef loader
 * reads any HPDF_Stream: we give it a memory stream holding the subset and
 * register the font definition the way HPDF_LoadTTFontFromFile does. */
#include "pdf_int.h"

#include <stdio.h>
#include <string.h>

#include <hb-subset.h>
#include <hpdf.h>

/* ToUnicode CMap: code = CID = Unicode code point (UCS-2). */
static int write_tounicode(HPDF_Stream s, hb_set_t *cps)
{
    HPDF_STATUS ret = HPDF_Stream_WriteStr(s,
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    hb_codepoint_t batch[100];
    int n = 0;
    bool more = true;
    while (more && ret == HPDF_OK) {
        more = hb_set_next(cps, &cp);
        if (more && cp <= 0xFFFF)
            batch[n++] = cp;
        if (n == 100 || (!more && n > 0)) {
            char line[40];
            snprintf(line, sizeof line, "%d beginbfchar\n", n);
            ret = HPDF_Stream_WriteStr(s, line);
            for (int k = 0; k < n && ret == HPDF_OK; k++) {
                snprintf(line, sizeof line, "<%04X> <%04X>\n",
                         (unsigned)batch[k], (unsigned)batch[k]);
                ret = HPDF_Stream_WriteStr(s, line);
            }
            if (ret == HPDF_OK)
                ret = HPDF_Stream_WriteStr(s, "endbfchar\n");
            n = 0;
        }
    }
    if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s,
            "endcmap\n"
            "CMapName currentdict /CMap defineresource pop\n"
            "end\nend\n");
    return ret == HPDF_OK ? 0 : -1;
}

static int fix_tounicode(HPDF_Doc pdf, HPDF_Font font, hb_set_t *cps)
{
    HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    if (!tu || !tu->stream)
        return -1;
    HPDF_MemStream_FreeData(tu->stream);
    if (write_tounicode(tu->stream, cps))
        return -1;
    HPDF_Dict_RemoveElement(tu, "Type");
    HPDF_Dict_RemoveElement(tu, "CMapName");
    HPDF_Dict_RemoveElement(tu, "CIDSystemInfo");
    HPDF_Dict_RemoveElement(tu, "WMode");
    HPDF_Array desc = HPDF_Dict_GetItem(font, "DescendantFonts",
                                        HPDF_OCLASS_ARRAY);
    HPDF_Dict cid = desc ? HPDF_Array_GetItem(desc, 0, HPDF_OCLASS_DICT)
                         : NULL;
    HPDF_Dict csi = cid ? HPDF_Dict_GetItem(cid, "CIDSystemInfo",
                                            HPDF_OCLASS_DICT)
                        : NULL;
    if (!csi)
        return -1;
    HPDF_Dict_Add(csi, "Ordering", HPDF_String_New(pdf->mmgr, "Identity",
                                                   NULL));
    return 0;
}

HPDF_Font pdf_font_load(HPDF_Doc pdf, pdf_state *st, const ts_font_file *ff,
                        hb_set_t *cps, int tagno)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(ff->path);
    if (!blob) {
        pdf_set_err(st, "typsnittsfilen %s kunde inte läsas", ff->path);
        return NULL;
    }
    hb_face_t *face = hb_face_create(blob, (unsigned)ff->index);
    hb_blob_destroy(blob);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) {
        hb_face_destroy(face);
        pdf_set_err(st, "slut på minne (typsnitt)");
        return NULL;
    }
    hb_set_union(hb_subset_input_unicode_set(in), cps);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t *sub = hb_subset_or_fail(face, in);
    hb_subset_input_destroy(in);
    hb_face_destroy(face);
    if (!sub) {
        pdf_set_err(st, "typsnittet %s kunde inte delmängdas (hb-subset)",
                    ff->path);
        return NULL;
    }
    hb_blob_t *sb = hb_face_reference_blob(sub);
    unsigned len = 0;
    const char *data = hb_blob_get_data(sb, &len);
    HPDF_Stream ms = len ? HPDF_MemStream_New(pdf->mmgr, len) : NULL;
    HPDF_FontDef def = NULL;
    if (ms && HPDF_Stream_Write(ms, (const HPDF_BYTE *)data, len) == HPDF_OK &&
        HPDF_Stream_Seek(ms, 0, HPDF_SEEK_SET) == HPDF_OK)
        def = HPDF_TTFontDef_Load(pdf->mmgr, ms, HPDF_TRUE);  /* owns ms */
    else if (ms)
        HPDF_Stream_Free(ms);
    hb_blob_destroy(sb);
    hb_face_destroy(sub);
    if (!def) {
        pdf_set_err(st, "libharu kunde inte läsa typsnittet %s", ff->path);
        return NULL;
    }
    if (HPDF_Doc_FindFontDef(pdf, def->base_font)) {
        HPDF_FontDef_Free(def);
        pdf_set_err(st, "två snitt med samma PostScript-namn (%s)", ff->path);
        return NULL;
    }
    if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
        HPDF_FontDef_Free(def);
        return NULL;
    }
    /* libharu appends ",Bold" or ",Italic" (a hint meant for fonts that
     * are not embedded); the embedded font's own name is the right one. */
    HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)def->attr;
    char *comma = strchr(def->base_font, ',');
    if (comma)
        *comma = 0;
    comma = strchr(da->base_font, ',');
    if (comma)
        *comma = 0;
    /* A fixed subset tag per face: reproducible and unique in the file. */
    char tag[7] = "VBAAAA";
    tag[5] = (char)('A' + tagno % 26);
    tag[4] = (char)('A' + tagno / 26 % 26);
    HPDF_TTFontDef_SetTagName(def, tag);
    HPDF_Font font = HPDF_GetFont(pdf, def->base_font, "UTF-8");
    if (!font)
        return NULL;
    if (fix_tounicode(pdf, font, cps)) {
        pdf_set_err(st, "ToUnicode-tabellen kunde inte skrivas");
        return NULL;
    }
    return font;
}

/* Writes the font descriptor ourselves, as libharu would at save time
 * (CIDFontType2_BeforeWrite_Func), plus the CIDSet PDF/A-1 asks of a
 * subset CIDFont. libharu then finds fontdef->descriptor set and keeps it.
 * Must run after the last glyph is drawn: SaveFontData writes only the
 * outlines libharu saw in use. */
int pdf_font_finish(HPDF_Doc pdf, pdf_state *st, HPDF_Font font,
                    hb_set_t *cps)
{
    HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
    HPDF_FontDef def = fa->fontdef;
    HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)def->attr;
    if (def->descriptor)
        return 0;
    HPDF_Dict desc = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict data = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_Dict cidset = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!desc || !data || !cidset)
        return -1;
    if (HPDF_TTFontDef_SaveFontData(def, data->stream) != HPDF_OK) {
        pdf_set_err(st, "typsnittet kunde inte bäddas in");
        return -1;
    }
    HPDF_STATUS ret = 0;
    data->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    ret += HPDF_Dict_AddNumber(data, "Length1", (HPDF_INT32)da->length1);
    ret += HPDF_Dict_AddNumber(data, "Length2", 0);
    ret += HPDF_Dict_AddNumber(data, "Length3", 0);
    ret += HPDF_Dict_Add(desc, "FontFile2", data);
    ret += HPDF_Xref_Add(pdf->xref, desc);
    ret += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    ret += HPDF_Dict_AddNumber(desc, "Ascent", def->ascent);
    ret += HPDF_Dict_AddNumber(desc, "Descent", def->descent);
    ret += HPDF_Dict_AddNumber(desc, "CapHeight", def->cap_height ?
                               def->cap_height : def->ascent);
    ret += HPDF_Dict_AddNumber(desc, "Flags", (HPDF_INT32)def->flags);
    ret += HPDF_Dict_Add(desc, "FontBBox",
                         HPDF_Box_Array_New(pdf->mmgr, def->font_bbox));
    ret += HPDF_Dict_AddName(desc, "FontName", da->base_font);
    ret += HPDF_Dict_AddNumber(desc, "ItalicAngle", def->italic_angle);
    ret += HPDF_Dict_AddNumber(desc, "StemV", def->stemv);
    ret += HPDF_Dict_AddNumber(desc, "XHeight", def->x_height);
    /* CIDSet: one bit per CID, high bit first; CID = code = Unicode */
    hb_codepoint_t max = hb_set_get_max(cps);
    if (max > 0xFFFF)
        max = 0xFFFF;
    size_t nbytes = max / 8 + 1;
    HPDF_BYTE *bits = HPDF_GetMem(pdf->mmgr, (HPDF_UINT)nbytes);
    if (!bits)
        return -1;
    memset(bits, 0, nbytes);
    bits[0] |= 0x80;     /* CID 0, .notdef */
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    while (hb_set_next(cps, &cp))
        if (cp <= max)
            bits[cp / 8] |= (HPDF_BYTE)(0x80 >> (cp % 8));
    cidset->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    ret += HPDF_Stream_Write(cidset->stream, bits, (HPDF_UINT)nbytes);
    HPDF_FreeMem(pdf->mmgr, bits);
    ret += HPDF_Dict_Add(desc, "CIDSet", cidset);
    if (ret != HPDF_OK)
        return -1;
    def->descriptor = desc;
    return 0;
}
