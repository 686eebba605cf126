/* pdf_font.c - faces embedded as hb-subset subsets through libharu's UTF-8
 * (CID, Identity-H) path, with a ToUnicode CMap of our own (libharu 2.3.0
 * writes a wrong one, NOTES-libs.md). The font objects are built by
 * pdf_cidfont.c rather than HPDF_GetFont.
 *
 * libharu has no "load TrueType from memory", but its TTFontDef loader
 * reads any HPDF_Stream: we give it a memory stream holding the subset and
 * register the font definition the way HPDF_LoadTTFontFromFile does.
 *
 * The font program in the PDF (FontFile2) is the hb-subset subset itself,
 * cut down to the tables libharu would embed; libharu's own re-subsetter
 * (HPDF_TTFontDef_SaveFontData) is not used: it is redundant after
 * hb-subset, and it trips over a libharu memory-stream bug (below). */
#include "pdf_int.h"

#include <stdio.h>
#include <string.h>

#include <hb-subset.h>
#include <hpdf.h>

/* Writes one block of ToUnicode entries: n runs of code points (first,
 * last) as "<first> <last> <first>" (bfrange) or, when range is false,
 * single ones as "<cp> <cp>" (bfchar). */
static HPDF_STATUS write_block(HPDF_Stream s, const hb_codepoint_t (*run)[2],
                               int n, bool range)
{
    char line[48];
    snprintf(line, sizeof line, "%d begin%s\n", n, range ? "bfrange" : "bfchar");
    HPDF_STATUS ret = HPDF_Stream_WriteStr(s, line);
    for (int k = 0; k < n && ret == HPDF_OK; k++) {
        if (range)
            snprintf(line, sizeof line, "<%04X><%04X><%04X>\n",
                     (unsigned)run[k][0], (unsigned)run[k][1],
                     (unsigned)run[k][0]);
        else
            snprintf(line, sizeof line, "<%04X><%04X>\n",
                     (unsigned)run[k][0], (unsigned)run[k][0]);
        ret = HPDF_Stream_WriteStr(s, line);
    }
    if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s, range ? "endbfrange\n" : "endbfchar\n");
    return ret;
}

/* ToUnicode CMap: code = CID = Unicode code point (UCS-2). Runs of
 * consecutive code points (digits, most of the alphabet) are one bfrange
 * line each, the others bfchar lines: half the bytes of one bfchar line
 * a code point, also once deflated. A CMap may hold at most 100 entries
 * a block. */
static int write_tounicode(HPDF_Stream s, hb_set_t *cps)
{
    HPDF_STATUS ret = HPDF_Stream_WriteStr(s,
        "/CIDInit/ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n"
        "/CMapName/Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n");
    hb_codepoint_t ranges[100][2], singles[100][2];
    int nr = 0, ns = 0;
    /* the runs of cps (hb_set_next_range goes on from hi), each cut at
     * U+FFFF and where the high byte changes: a bfrange's ends may
     * differ in their last byte only */
    hb_codepoint_t lo = HB_SET_VALUE_INVALID, hi = HB_SET_VALUE_INVALID;
    hb_codepoint_t at = 0, end = 0;    /* the part of [lo, hi] left */
    bool more = true, have = false;
    while (more && ret == HPDF_OK) {
        if (!have) {
            more = hb_set_next_range(cps, &lo, &hi) && lo <= 0xFFFF;
            at = lo;
            end = hi > 0xFFFF ? 0xFFFF : hi;
            have = more;
        }
        if (have) {
            hb_codepoint_t stop = end < (at | 0xFF) ? end : (at | 0xFF);
            if (at == stop) {
                singles[ns][0] = singles[ns][1] = at;
                ns++;
            } else {
                ranges[nr][0] = at;
                ranges[nr][1] = stop;
                nr++;
            }
            have = stop < end;
            at = stop + 1;
        }
        if (ns == 100 || (!more && ns > 0)) {
            ret = write_block(s, (const hb_codepoint_t (*)[2])singles, ns,
                              false);
            ns = 0;
        }
        if (ret == HPDF_OK && (nr == 100 || (!more && nr > 0))) {
            ret = write_block(s, (const hb_codepoint_t (*)[2])ranges, nr,
                              true);
            nr = 0;
        }
    }
    if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s,
            "endcmap\n"
            "CMapName currentdict/CMap defineresource pop\n"
            "end\nend\n");
    return ret == HPDF_OK ? 0 : -1;
}

int pdf_font_share_tounicode(HPDF_Font *fonts, hb_set_t **sets, int n)
{
    HPDF_Dict shared = NULL;
    hb_set_t *all = hb_set_create();
    for (int i = 0; i < n; i++)
        if (fonts[i]) {
            hb_set_union(all, sets[i]);
            if (!shared)
                shared = HPDF_Dict_GetItem(fonts[i], "ToUnicode",
                                           HPDF_OCLASS_DICT);
        }
    int rc = -1;
    bool any = false;
    for (int i = 0; i < n; i++)
        any = any || fonts[i] != NULL;
    if (!any) {              /* no text drawn (empty cells only): no map */
        rc = 0;
        goto out;
    }
    if (!shared || !shared->stream || !hb_set_allocation_successful(all))
        goto out;
    HPDF_MemStream_FreeData(shared->stream);
    if (write_tounicode(shared->stream, all))
        goto out;
    for (int i = 0; i < n; i++)
        if (fonts[i] && HPDF_Dict_GetItem(fonts[i], "ToUnicode",
                                          HPDF_OCLASS_DICT) != shared) {
            HPDF_Dict own = HPDF_Dict_GetItem(fonts[i], "ToUnicode",
                                              HPDF_OCLASS_DICT);
            if (own && own->stream)  /* left behind: written empty */
                HPDF_MemStream_FreeData(own->stream);
            if (HPDF_Dict_Add(fonts[i], "ToUnicode", shared) != HPDF_OK)
                goto out;
        }
    rc = 0;
out:
    hb_set_destroy(all);
    return rc;
}

/* libharu 2.3.0's HPDF_MemStream_SeekFunc cannot seek to the very end of
 * a memory stream whose size is a whole number of its buffers: it looks up
 * a buffer that does not exist and raises HPDF_INVALID_OBJECT (0x1033).
 * The error stays in the document, later seeks are skipped, and the PDF is
 * lost (HPDF_SaveToStream reports 0x1033, or SaveFontData fails). Which
 * glyphs a face uses decides whether it happens, in two places:
 *
 *  - loading: CheckCompositGryph (on a glyph's first use) skips over the
 *    arguments of each component of a composite glyph (å ä ö é …).
 *    hb-subset writes glyf as the last table, so when the subset's last
 *    glyph is a composite and glyf needs no padding (length a multiple of
 *    4), the last skip lands exactly on the end of the file. Our stream
 *    had one buffer of exactly the font's length: fixed by a buffer
 *    longer than the font (LOAD_SLACK);
 *  - saving: SaveFontData rebuilds the font in its own stream of 4 KiB
 *    buffers, then seeks to each table to sum it up. With NO_HINTING the
 *    last of its tables, prep, is missing, so it is empty and starts at
 *    the very end; when the rebuilt font is a multiple of 4 KiB long the
 *    seek fails (the F1 input). That stream is not ours, so we do not
 *    call SaveFontData at all (embed_blob).
 *
 * The '-' once added to every subset only moved glyf's length. */
#define LOAD_SLACK 4

/* The subset as the PDF's font program: the tables ISO 32000-1 9.9 asks
 * of a TrueType program (head, hhea, hmtx, loca, maxp, glyf; cvt, fpgm
 * and prep only for hinting, which hb-subset has dropped). Not cmap: a
 * CIDFontType2 reaches its glyphs through the CIDToGIDMap, and text
 * extraction reads the ToUnicode CMap; nor OS/2, post or name, which no
 * PDF reader needs (the descriptor has the metrics and the name). Some
 * 650 bytes a 3-page report, for three faces. Same glyph ids as the font
 * libharu loaded, so its CIDToGIDMap and widths hold. NULL when out of
 * memory. */
static hb_blob_t *embed_blob(hb_face_t *sub)
{
    static const char tags[][5] = {"glyf", "head", "hhea", "hmtx", "loca",
                                   "maxp"};
    hb_face_t *b = hb_face_builder_create();
    bool ok = b != hb_face_get_empty();
    for (size_t i = 0; ok && i < sizeof tags / sizeof tags[0]; i++) {
        hb_tag_t tag = hb_tag_from_string(tags[i], 4);
        hb_blob_t *t = hb_face_reference_table(sub, tag);
        if (hb_blob_get_length(t) > 0)
            ok = hb_face_builder_add_table(b, tag, t);
        hb_blob_destroy(t);
    }
    hb_blob_t *out = ok ? hb_face_reference_blob(b) : NULL;
    hb_face_destroy(b);
    if (out && hb_blob_get_length(out) == 0) {
        hb_blob_destroy(out);
        out = NULL;
    }
    return out;
}

/* The tables libharu's TrueType loader knows (REQUIRED_TAGS in
 * hpdf_fontdef_tt.c; it reads head, maxp, hhea, cmap, hmtx, loca, name,
 * OS/2 and glyf of them). Every other table of the face is dropped from
 * the subset: nothing reads it (embed_blob keeps six of these), and
 * hb-subset no longer works out the closure of GSUB, GPOS, GDEF and MATH,
 * 85 % of its time. The closure only added glyphs that no code reaches
 * through the cmap (alternates, ligatures), which the PDF never draws. */
static const char keep_tags[][5] = {"OS/2", "cmap", "cvt ", "fpgm", "glyf",
                                    "head", "hhea", "hmtx", "loca", "maxp",
                                    "name", "post", "prep"};

static void drop_other_tables(hb_face_t *face, hb_subset_input_t *in)
{
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    hb_tag_t tags[32];
    unsigned start = 0, n;
    do {
        n = sizeof tags / sizeof tags[0];
        hb_face_get_table_tags(face, start, &n, tags);
        for (unsigned i = 0; i < n; i++) {
            bool keep = false;
            for (size_t k = 0; k < sizeof keep_tags / sizeof keep_tags[0]; k++)
                keep = keep || tags[i] == hb_tag_from_string(keep_tags[k], 4);
            if (!keep)
                hb_set_add(drop, tags[i]);
        }
        start += n;
    } while (n == sizeof tags / sizeof tags[0]);
}

HPDF_Font pdf_font_load(HPDF_Doc pdf, pdf_state *st, const ts_font_file *ff,
                        hb_set_t *cps, int tagno, hb_blob_t **embed)
{
    *embed = NULL;
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
    drop_other_tables(face, in);
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
    /* One buffer longer than the font: every position up to the end can
     * be sought (see LOAD_SLACK). */
    HPDF_Stream ms = len ? HPDF_MemStream_New(pdf->mmgr, len + LOAD_SLACK)
                         : NULL;
    HPDF_FontDef def = NULL;
    if (ms && HPDF_Stream_Write(ms, (const HPDF_BYTE *)data, len) == HPDF_OK &&
        HPDF_Stream_Seek(ms, 0, HPDF_SEEK_SET) == HPDF_OK)
        def = HPDF_TTFontDef_Load(pdf->mmgr, ms, HPDF_TRUE);  /* owns ms */
    else if (ms)
        HPDF_Stream_Free(ms);
    hb_blob_destroy(sb);
    hb_blob_t *emb = def ? embed_blob(sub) : NULL;
    hb_face_destroy(sub);
    if (def && !emb) {
        HPDF_FontDef_Free(def);
        pdf_set_err(st, "slut på minne (typsnitt)");
        return NULL;
    }
    if (!def) {
        pdf_set_err(st, "libharu kunde inte läsa typsnittet %s", ff->path);
        return NULL;
    }
    if (HPDF_Doc_FindFontDef(pdf, def->base_font)) {
        HPDF_FontDef_Free(def);
        hb_blob_destroy(emb);
        pdf_set_err(st, "två snitt med samma PostScript-namn (%s)", ff->path);
        return NULL;
    }
    if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
        HPDF_FontDef_Free(def);
        hb_blob_destroy(emb);
        return NULL;
    }
    *embed = emb;    /* the caller's from here on, whatever happens */
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
    HPDF_Font font = pdf_cidfont_new(pdf, def, hb_set_get_max(cps));
    if (!font)
        pdf_set_err(st, "typsnittet %s kunde inte läggas in i PDF-filen",
                    ff->path);
    return font;
}

/* Writes the font descriptor ourselves, as libharu would at save time
 * (CIDFontType2_BeforeWrite_Func), with our font program (embed, from
 * pdf_font_load) and without the CIDSet PDF/A-2 leaves out. libharu
 * then finds fontdef->descriptor set and keeps it. Every object is in the
 * xref as soon as it exists, so no error path can leak one. */
int pdf_font_finish(HPDF_Doc pdf, pdf_state *st, HPDF_Font font,
                    hb_blob_t *embed)
{
    HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
    HPDF_FontDef def = fa->fontdef;
    HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)def->attr;
    if (def->descriptor)
        return 0;
    unsigned elen = 0;
    const char *edata = embed ? hb_blob_get_data(embed, &elen) : NULL;
    if (!edata || elen == 0) {
        pdf_set_err(st, "typsnittet kunde inte bäddas in");
        return -1;
    }
    HPDF_Dict data = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_Dict desc = data ? HPDF_Dict_New(pdf->mmgr) : NULL;
    if (!desc || HPDF_Xref_Add(pdf->xref, desc) != HPDF_OK) {
        pdf_set_err(st, "slut på minne (typsnitt)");
        return -1;
    }
    if (HPDF_Stream_Write(data->stream, (const HPDF_BYTE *)edata, elen)
        != HPDF_OK) {
        pdf_set_err(st, "typsnittet kunde inte bäddas in");
        return -1;
    }
    da->length1 = elen;
    HPDF_STATUS ret = 0;
    data->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    ret += HPDF_Dict_AddNumber(data, "Length1", (HPDF_INT32)da->length1);
    /* no Length2/Length3: those are a Type 1 font program's */
    ret += HPDF_Dict_Add(desc, "FontFile2", data);
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
    /* No CIDSet: PDF/A-1 asked for one, PDF/A-2 (6.2.11.4.2) only that
     * one, if present, be right; leaving it out saves some 110 bytes a
     * face and a list that must agree with the subset. */
    /* where libharu's CIDFontType2_BeforeWrite_Func would put it */
    ret += HPDF_Dict_Add(fa->descendant_font, "FontDescriptor", desc);
    if (ret != HPDF_OK) {
        pdf_set_err(st, "typsnittets beskrivning kunde inte skrivas");
        return -1;
    }
    def->descriptor = desc;
    return 0;
}
