/* ts_font.c - faces found through fontconfig, measured with HarfBuzz.
 *
 * Widths are the font's advance widths in 1/1000 em, truncated the same
 * way libharu writes the PDF's W array, so what we measure is exactly where
 * a viewer puts the glyphs (libharu draws without kerning). */
#include "ts.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#include <hb.h>

static const char *const face_names[TS_NFACES] = {
    "normal", "fet", "kursiv", "fet kursiv"};

static void find_face(ts_ctx *c, int id, ts_face *f)
{
    const char *family = c->doc->font_family;
    bool bold = id == TS_BOLD || id == TS_BOLDITALIC;
    bool italic = id == TS_ITALIC || id == TS_BOLDITALIC;
    FcPattern *pat = FcPatternCreate();
    if (!pat)
        ts_fail(c, "slut på minne");
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *m = FcFontMatch(NULL, pat, &res);
    FcPatternDestroy(pat);
    if (!m)
        ts_fail(c, "typsnittet \"%s\" (%s) hittades inte: fontconfig gav "
                "inget svar", family, face_names[id]);
    FcChar8 *file = NULL, *fam = NULL, *format = NULL;
    int weight = 0, slant = 0, index = 0;
    FcPatternGetString(m, FC_FILE, 0, &file);
    FcPatternGetInteger(m, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(m, FC_SLANT, 0, &slant);
    FcPatternGetInteger(m, FC_INDEX, 0, &index);
    FcPatternGetString(m, FC_FONTFORMAT, 0, &format);
    bool fam_ok = false;
    for (int i = 0; FcPatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch;
         i++)
        if (strcasecmp((const char *)fam, family) == 0)
            fam_ok = true;
    FcPatternGetString(m, FC_FAMILY, 0, &fam);
    char found[200];
    snprintf(found, sizeof found, "%s", fam ? (const char *)fam : "?");
    bool weight_ok = bold ? weight >= FC_WEIGHT_DEMIBOLD
                          : weight < FC_WEIGHT_DEMIBOLD;
    bool slant_ok = italic ? slant != FC_SLANT_ROMAN : slant == FC_SLANT_ROMAN;
    bool tt = format && strcmp((const char *)format, "TrueType") == 0;
    if (!file || !fam_ok || !weight_ok || !slant_ok || !tt) {
        FcPatternDestroy(m);
        if (!fam_ok)
            ts_fail(c, "typsnittet \"%s\" finns inte installerat (fontconfig "
                    "föreslog \"%s\"); installera det, t.ex. paketet "
                    "fonts-liberation2", family, found);
        if (!tt)
            ts_fail(c, "typsnittet \"%s\" (%s) är inget TrueType-typsnitt",
                    family, face_names[id]);
        ts_fail(c, "typsnittet \"%s\" saknar snittet %s", family,
                face_names[id]);
    }
    char *keep = ts_alloc_keep(c, strlen((const char *)file) + 1);
    memcpy(keep, (const char *)file, strlen((const char *)file) + 1);
    f->path = keep;
    f->index = index;
    FcPatternDestroy(m);
}

ts_face *ts_face_get(ts_ctx *c, int id)
{
    ts_face *f = &c->faces[id];
    if (f->loaded)
        return f;
    find_face(c, id, f);
    f->blob = hb_blob_create_from_file_or_fail(f->path);
    if (!f->blob)
        ts_fail(c, "typsnittsfilen %s kunde inte läsas", f->path);
    f->face = hb_face_create(f->blob, (unsigned)f->index);
    f->font = hb_font_create(f->face);
    f->upem = hb_face_get_upem(f->face);
    if (hb_face_get_glyph_count(f->face) == 0 || f->upem == 0)
        ts_fail(c, "typsnittsfilen %s är skadad", f->path);
    hb_font_set_scale(f->font, (int)f->upem, (int)f->upem);
    hb_font_extents_t ext;
    hb_font_get_h_extents(f->font, &ext);
    f->ascent = (double)ext.ascender / f->upem;
    f->descent = (double)-ext.descender / f->upem;
    f->wcache = ts_alloc_keep(c, sizeof(int16_t) * TS_WCACHE);
    for (int i = 0; i < TS_WCACHE; i++)
        f->wcache[i] = -2;
    f->loaded = true;
    return f;
}

int ts_glyph_w(ts_ctx *c, int face, uint32_t cp)
{
    ts_face *f = ts_face_get(c, face);
    if (cp < TS_WCACHE && f->wcache[cp] != -2)
        return f->wcache[cp];
    int w = -1;
    hb_codepoint_t g;
    if (cp <= 0xFFFF && hb_font_get_nominal_glyph(f->font, cp, &g)) {
        hb_position_t adv = hb_font_get_glyph_h_advance(f->font, g);
        w = (int)((unsigned)adv * 1000u / f->upem);
    }
    if (cp < TS_WCACHE)
        f->wcache[cp] = (int16_t)w;
    return w;
}

void ts_fonts_free(ts_ctx *c)
{
    for (int i = 0; i < TS_NFACES; i++) {
        ts_face *f = &c->faces[i];
        if (f->font)
            hb_font_destroy(f->font);
        if (f->face)
            hb_face_destroy(f->face);
        if (f->blob)
            hb_blob_destroy(f->blob);
        memset(f, 0, sizeof *f);
    }
}
