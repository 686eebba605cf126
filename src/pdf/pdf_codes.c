/* pdf_codes.c - one byte a glyph in the content streams.
 *
 * libharu's UTF-8 path shows text with two-byte codes (Identity-H, code
 * = CID = Unicode code point), written in hex: "<00C50072>" for "År",
 * four hex digits a character. Our reports are Swedish, so nearly every
 * code point is Latin-1. When every code point the document draws is
 * Latin-1 but for a few (– • …) that fit in the byte values no Latin-1
 * code point of the document uses, each face gets an embedded one-byte
 * CMap instead of Identity-H: a byte that is a Latin-1 code point is
 * that CID, the others are the few above U+00FF. CIDs stay code points,
 * so the CIDFont (W, CIDToGIDMap) is unchanged, and the text goes into
 * literal strings, "(År)": in a 3-page report the content streams
 * deflate to some 800 bytes less. One CMap and one ToUnicode (code ->
 * Unicode) serve every face, as the code points are the document's.
 * A document with more code points above U+00FF than free byte values
 * keeps Identity-H. */
#include "pdf_int.h"

#include <stdio.h>
#include <string.h>

#include <hpdf.h>

void pdf_codes_make(pdf_codes *c, HPDF_Font *fonts, hb_set_t **sets, int n)
{
    memset(c, 0, sizeof *c);
    bool used[256] = {false};
    int nbig = 0;
    for (int i = 0; i < n; i++) {
        if (!fonts[i])
            continue;
        hb_codepoint_t cp = HB_SET_VALUE_INVALID;
        while (hb_set_next(sets[i], &cp)) {
            if (cp <= 0xFF) {
                used[cp] = true;
                continue;
            }
            bool seen = false;
            for (int k = 0; k < nbig && !seen; k++)
                seen = c->big[k] == cp;
            if (seen)
                continue;
            if (nbig == 256 || cp > 0xFFFF)
                return;   /* Identity-H */
            c->big[nbig++] = cp;
        }
    }
    /* free byte values for them: the C1 controls first (never text),
     * then DEL and the C0 controls, then any byte left */
    int nfree = 0;
    for (int b = 0x80; b <= 0x9F && nfree < nbig; b++)
        if (!used[b])
            c->code[nfree++] = (unsigned char)b;
    for (int b = 0x7F; b >= 0 && nfree < nbig; b = b == 0x7F ? 1 : b + 1) {
        if (b == 0x20)
            break;
        if (!used[b])
            c->code[nfree++] = (unsigned char)b;
    }
    for (int b = 0x20; b <= 0xFF && nfree < nbig; b++)
        if (!used[b] && !(b >= 0x7F && b <= 0x9F))
            c->code[nfree++] = (unsigned char)b;
    if (nfree < nbig)
        return;
    for (int b = 0; b < 256; b++)
        c->uni[b] = used[b] ? (uint32_t)b : 0;
    for (int k = 0; k < nbig; k++)
        c->uni[c->code[k]] = c->big[k];
    c->nbig = nbig;
    c->one_byte = true;
}

int pdf_code(const pdf_codes *c, uint32_t cp)
{
    if (cp <= 0xFF)
        return (int)cp;
    for (int k = 0; k < c->nbig; k++)
        if (c->big[k] == cp)
            return c->code[k];
    return -1;
}

static const char cmap_head[] =
    "/CIDInit/ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n";
static const char cmap_tail[] =
    "endcmap\n"
    "CMapName currentdict/CMap defineresource pop\n"
    "end\nend\n";

/* The runs of used codes whose code points go on by one (first code,
 * last code, the first's code point) into run; how many. */
static int runs(const pdf_codes *c, uint32_t (*run)[3])
{
    int n = 0;
    for (int b = 0; b < 256; b++) {
        uint32_t u = c->uni[b];
        if (!u)
            continue;
        if (n && run[n - 1][1] == (uint32_t)b - 1 &&
            run[n - 1][2] + ((uint32_t)b - run[n - 1][0]) == u &&
            (u & 0xFF00) == (run[n - 1][2] & 0xFF00))
            run[n - 1][1] = (uint32_t)b;
        else
            run[n][0] = run[n][1] = (uint32_t)b, run[n][2] = u, n++;
    }
    return n;
}

/* Writes the runs of one kind ("bfrange", "cidchar", ...: single codes
 * or not, to CIDs or to Unicode) in blocks of at most 100 lines, as a
 * CMap allows. */
static HPDF_STATUS blocks(HPDF_Stream s, const char *kind,
                          uint32_t (*run)[3], int n, bool single,
                          bool cid)
{
    HPDF_STATUS ret = HPDF_OK;
    int m = 0;
    for (int k = 0; k < n; k++)
        m += (run[k][0] == run[k][1]) == single;
    char line[64];
    for (int k = 0, done = 0; k < n && ret == HPDF_OK; k++) {
        if ((run[k][0] == run[k][1]) != single)
            continue;
        if (done % 100 == 0) {
            int left = m - done;
            snprintf(line, sizeof line, "%d begin%s\n",
                     left < 100 ? left : 100, kind);
            ret = HPDF_Stream_WriteStr(s, line);
        }
        if (cid && single)
            snprintf(line, sizeof line, "<%02X>%u\n", (unsigned)run[k][0],
                     (unsigned)run[k][2]);
        else if (cid)
            snprintf(line, sizeof line, "<%02X><%02X>%u\n",
                     (unsigned)run[k][0], (unsigned)run[k][1],
                     (unsigned)run[k][2]);
        else if (single)
            snprintf(line, sizeof line, "<%02X><%04X>\n", (unsigned)run[k][0],
                     (unsigned)run[k][2]);
        else
            snprintf(line, sizeof line, "<%02X><%02X><%04X>\n",
                     (unsigned)run[k][0], (unsigned)run[k][1],
                     (unsigned)run[k][2]);
        if (ret == HPDF_OK)
            ret = HPDF_Stream_WriteStr(s, line);
        done++;
        if (ret == HPDF_OK && (done % 100 == 0 || done == m)) {
            snprintf(line, sizeof line, "end%s\n", kind);
            ret = HPDF_Stream_WriteStr(s, line);
        }
    }
    return ret;
}

/* The ToUnicode CMap: code -> Unicode. */
static int write_tounicode(HPDF_Stream s, const pdf_codes *c)
{
    uint32_t run[256][3];
    int n = runs(c, run);
    HPDF_STATUS ret = HPDF_Stream_WriteStr(s, cmap_head);
    if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s,
            "/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n"
            "/CMapName/Adobe-Identity-UCS def\n"
            "/CMapType 2 def\n"
            "1 begincodespacerange\n<00><FF>\nendcodespacerange\n");
    if (ret == HPDF_OK)
        ret = blocks(s, "bfchar", run, n, true, false);
    if (ret == HPDF_OK)
        ret = blocks(s, "bfrange", run, n, false, false);
    if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s, cmap_tail);
    return ret == HPDF_OK ? 0 : -1;
}

/* The encoding: code -> CID, with the CIDFonts' CIDSystemInfo (PDF/A-2
 * 6.2.11.3.1 asks them to agree when the encoding is not Identity-H). */
static HPDF_Dict encoding(HPDF_Doc pdf, const pdf_codes *c)
{
    HPDF_Dict e = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_Dict csi = e ? HPDF_Dict_New(pdf->mmgr) : NULL;
    if (!csi)
        return NULL;
    e->filter = HPDF_STREAM_FILTER_NONE;   /* deflated when packed */
    HPDF_STATUS ret = HPDF_Dict_AddName(e, "Type", "CMap");
    ret += HPDF_Dict_AddName(e, "CMapName", "VB-Latin1");
    ret += HPDF_Dict_Add(csi, "Registry",
                         HPDF_String_New(pdf->mmgr, "Adobe", NULL));
    ret += HPDF_Dict_Add(csi, "Ordering",
                         HPDF_String_New(pdf->mmgr, "Identity", NULL));
    ret += HPDF_Dict_AddNumber(csi, "Supplement", 0);
    ret += HPDF_Dict_Add(e, "CIDSystemInfo", csi);
    HPDF_Stream s = e->stream;
    ret += HPDF_Stream_WriteStr(s, cmap_head);
    ret += HPDF_Stream_WriteStr(s,
        "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>def\n"
        "/CMapName/VB-Latin1 def\n"
        "/CMapType 1 def\n"
        "1 begincodespacerange\n<00><FF>\nendcodespacerange\n");
    /* every byte but the few codes of code points above U+00FF is its
     * own CID, used or not: a line or two of ranges */
    bool big[256] = {false};
    for (int k = 0; k < c->nbig; k++)
        big[c->code[k]] = true;
    uint32_t run[256][3];
    int n = 0;
    for (int b = 0; b < 256; b++) {
        if (big[b])
            continue;
        if (n && run[n - 1][1] == (uint32_t)b - 1)
            run[n - 1][1] = (uint32_t)b;
        else
            run[n][0] = run[n][1] = run[n][2] = (uint32_t)b, n++;
    }
    ret += blocks(s, "cidrange", run, n, false, true);
    ret += blocks(s, "cidchar", run, n, true, true);
    int m = 0;
    for (int k = 0; k < c->nbig; k++)
        run[m][0] = run[m][1] = c->code[k], run[m][2] = c->big[k], m++;
    ret += blocks(s, "cidchar", run, m, true, true);
    ret += HPDF_Stream_WriteStr(s, cmap_tail);
    return ret == HPDF_OK ? e : NULL;
}

int pdf_codes_apply(HPDF_Doc pdf, const pdf_codes *c, HPDF_Font *fonts,
                    int n)
{
    HPDF_Dict shared = NULL, enc = NULL;
    for (int i = 0; i < n; i++) {
        if (!fonts[i])
            continue;
        HPDF_Dict own = HPDF_Dict_GetItem(fonts[i], "ToUnicode",
                                          HPDF_OCLASS_DICT);
        if (!own || !own->stream)
            return -1;
        HPDF_MemStream_FreeData(own->stream);
        if (!shared) {
            shared = own;
            if (write_tounicode(shared->stream, c) ||
                !(enc = encoding(pdf, c)))
                return -1;
        }
        /* the left-behind maps stay empty and unreferenced: packing
         * drops them */
        if ((own != shared &&
             HPDF_Dict_Add(fonts[i], "ToUnicode", shared) != HPDF_OK) ||
            HPDF_Dict_Add(fonts[i], "Encoding", enc) != HPDF_OK)
            return -1;
    }
    return 0;
}
