/* ts_font.c - faces found through fontconfig, measured with HarfBuzz.
 *
 * Widths are the font's advance widths in 1/1000 em, truncated the same
 * way libharu writes the PDF's W array, so what we measure is exactly where
 * a viewer puts the glyphs (libharu draws without kerning). */
#define _POSIX_C_SOURCE 200809L
#include "ts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#include <hb.h>

static const char *const face_names[4] = {
    "normal", "fet", "kursiv", "fet kursiv"};

/* The fallback family: wide coverage (Latin, Greek, Cyrillic, symbols),
 * sans-serif like ours, in Debian's fonts-dejavu-core. */
static const char fallback_family[] = "DejaVu Sans";

/* fontconfig's answers, kept for the process: a batch of reports
 * (vastbus pdf -d) asks for the same faces in each, and a match costs
 * about 1.3 M instructions a face. Only found faces and absent fallback
 * faces are kept; a missing face of the document's family fails each
 * time, with its message. ts_font_cache_free() (from ts_release())
 * frees it. */
typedef struct fc_answer {
    char *family;
    int style;
    char *path;               /* NULL: an absent fallback face */
    int index;
    struct fc_answer *next;
} fc_answer;

static fc_answer *g_answers;

static fc_answer *fc_cached(const char *family, int style)
{
    for (fc_answer *a = g_answers; a; a = a->next)
        if (a->style == style && !strcmp(a->family, family))
            return a;
    return NULL;
}

/* Keeps an answer (out of memory: not kept, asked again next time). */
static void fc_keep(const char *family, int style, const char *path,
                    int index)
{
    fc_answer *a = calloc(1, sizeof *a);
    if (!a)
        return;
    a->family = strdup(family);
    a->path = path ? strdup(path) : NULL;
    if (!a->family || (path && !a->path)) {
        free(a->family);
        free(a->path);
        free(a);
        return;
    }
    a->style = style;
    a->index = index;
    a->next = g_answers;
    g_answers = a;
}

void ts_font_cache_free(void)
{
    for (fc_answer *a = g_answers, *nx; a; a = nx) {
        nx = a->next;
        free(a->family);
        free(a->path);
        free(a);
    }
    g_answers = NULL;
}

static void find_face_fc(ts_ctx *c, int id, ts_face *f);

/* Finds the face: fontconfig's answer for the family and style, asked
 * once a process. */
static void find_face(ts_ctx *c, int id, ts_face *f)
{
    bool fallback = id >= TS_FALLBACK;
    const char *family = fallback ? fallback_family : c->doc->font_family;
    int style = (id & 3) | (fallback ? 4 : 0);
    fc_answer *a = fc_cached(family, style);
    if (!a) {
        find_face_fc(c, id, f);
        fc_keep(family, style, f->absent ? NULL : f->path, f->index);
        return;
    }
    if (!a->path) {
        f->absent = true;
        return;
    }
    size_t l = strlen(a->path) + 1;
    char *keep = ts_alloc_keep(c, l);
    memcpy(keep, a->path, l);
    f->path = keep;
    f->index = a->index;
}

/* Finds the face through fontconfig. A fallback face that is not
 * installed is only marked absent; a missing face of the document's own
 * family is an error. */
static void find_face_fc(ts_ctx *c, int id, ts_face *f)
{
    bool fallback = id >= TS_FALLBACK;
    const char *family = fallback ? fallback_family : c->doc->font_family;
    int style = id & 3;
    bool bold = style == TS_BOLD || style == TS_BOLDITALIC;
    bool italic = style == TS_ITALIC || style == TS_BOLDITALIC;
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
    if (!m) {
        if (fallback) {
            f->absent = true;
            return;
        }
        ts_fail(c, "typsnittet \"%s\" (%s) hittades inte: fontconfig gav "
                "inget svar", family, face_names[style]);
    }
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
    /* fontconfig's 90-synthetic.conf offers an upright face for an italic
     * request (a slant matrix, slant rewritten to oblique) and a regular
     * face for a bold one (embolden, weight rewritten to bold). We draw
     * the font file as it is, so such a face is not the style asked for:
     * it would be the same file as the upright face, drawn upright, and
     * two faces sharing one file end up sharing one PDF font whose
     * ToUnicode map holds only one face's characters. Refuse it; a
     * missing fallback style falls back to the regular fallback face. */
    FcMatrix *mat = NULL;
    if (FcPatternGetMatrix(m, FC_MATRIX, 0, &mat) == FcResultMatch && mat &&
        (mat->xx != 1 || mat->xy != 0 || mat->yx != 0 || mat->yy != 1))
        slant_ok = false;
    FcBool embolden = FcFalse;
    if (FcPatternGetBool(m, FC_EMBOLDEN, 0, &embolden) == FcResultMatch &&
        embolden)
        weight_ok = false;
    bool tt = format && strcmp((const char *)format, "TrueType") == 0;
    if (!file || !fam_ok || !weight_ok || !slant_ok || !tt) {
        FcPatternDestroy(m);
        if (fallback) {
            f->absent = true;
            return;
        }
        /* The family the tree named in <font> is the tree's fault (its
         * line); the default family missing is the installation's. */
        long line = c->doc->font_line;
        if (!fam_ok)
            ts_fail_at(c, line, "typsnittet \"%s\" finns inte installerat "
                       "(fontconfig föreslog \"%s\"); installera det, t.ex. "
                       "paketet fonts-liberation2", family, found);
        if (!tt)
            ts_fail_at(c, line, "typsnittet \"%s\" (%s) är inget "
                       "TrueType-typsnitt", family, face_names[style]);
        ts_fail_at(c, line, "typsnittet \"%s\" saknar snittet %s", family,
                   face_names[style]);
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
    if (f->loaded || f->absent)
        return f;
    find_face(c, id, f);
    if (f->absent)
        return f;
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
    if (f->absent)
        return -1;
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

/* Shaping a pair: kerning on; ligatures off, so each code point keeps
 * its own glyph, as in the PDF, which draws code points through the
 * font's cmap. */
static const hb_feature_t pair_feats[] = {
    {HB_TAG('k', 'e', 'r', 'n'), 1, 0, (unsigned)-1},
    {HB_TAG('l', 'i', 'g', 'a'), 0, 0, (unsigned)-1},
    {HB_TAG('c', 'l', 'i', 'g'), 0, 0, (unsigned)-1},
    {HB_TAG('c', 'a', 'l', 't'), 0, 0, (unsigned)-1},
};
#define NFEATS (sizeof pair_feats / sizeof pair_feats[0])

/* Shapes the pair alone: the first glyph's advance minus its nominal
 * advance is the pair's kerning (GPOS kern or the old kern table). The
 * shape plan is made once a face and run directly: hb_shape would look
 * it up in the face's plan cache for every pair, which cost as much as
 * the shaping itself. */
static int shape_pair(ts_ctx *c, ts_face *f, uint32_t a, uint32_t b)
{
    hb_codepoint_t ga, gb;
    if (!hb_font_get_nominal_glyph(f->font, a, &ga) ||
        !hb_font_get_nominal_glyph(f->font, b, &gb))
        return 0;
    if (!c->kbuf) {
        c->kbuf = hb_buffer_create();
        if (!hb_buffer_allocation_successful(c->kbuf))
            ts_fail(c, "slut på minne");
    }
    hb_segment_properties_t props = {
        HB_DIRECTION_LTR, HB_SCRIPT_LATIN, hb_language_from_string("sv", -1),
        NULL, NULL};
    if (!f->plan) {
        /* as hb_shape makes it: no variation coordinates (our faces are
         * not variable fonts), the default shapers */
        f->plan = hb_shape_plan_create_cached2(f->face, &props, pair_feats,
                                               NFEATS, NULL, 0, NULL);
    }
    hb_buffer_t *buf = c->kbuf;
    hb_buffer_clear_contents(buf);
    uint32_t pair[2] = {a, b};
    hb_buffer_add_utf32(buf, pair, 2, 0, 2);
    hb_buffer_set_segment_properties(buf, &props);
    if (!hb_shape_plan_execute(f->plan, f->font, buf, pair_feats, NFEATS))
        ts_fail(c, "slut på minne");
    unsigned n = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, NULL);
    if (n != 2 || info[0].codepoint != ga || info[1].codepoint != gb ||
        pos[1].x_offset != 0)
        return 0;
    hb_position_t d = pos[0].x_advance - hb_font_get_glyph_h_advance(f->font,
                                                                     ga);
    /* to 1/1000 em, rounded half away from zero */
    long k = ((long)d * 2000 / (long)f->upem + (d < 0 ? -1 : 1)) / 2;
    return k < -500 ? -500 : k > 500 ? 500 : (int)k;
}

/* The pairs a face has been asked for, with their kerning: an open
 * addressing hash table, grown at half full. A report asks for some 700
 * pairs a face; a table of every pair of Latin-1 and Latin Extended-A
 * (295 KB a face) cost more to clear than its look-ups saved. In the
 * keep arena: the old table of a grown one stays until the arena goes
 * (at most as much as the new one). */
typedef struct ts_kpair {
    uint32_t key;             /* a << 16 | b */
    int16_t kern;
    bool used;
} ts_kpair;

typedef struct ts_kpairs {
    ts_kpair *slot;
    uint32_t mask;            /* slots - 1 (a power of two) */
    uint32_t count;
} ts_kpairs;

static ts_kpair *kpair_find(ts_kpairs *t, uint32_t key)
{
    uint32_t h = key * 2654435769u;   /* Fibonacci hashing */
    for (uint32_t i = (h >> 16) & t->mask;; i = (i + 1) & t->mask)
        if (!t->slot[i].used || t->slot[i].key == key)
            return &t->slot[i];
}

static void kpairs_grow(ts_ctx *c, ts_kpairs *t)
{
    ts_kpairs old = *t;
    uint32_t n = old.slot ? 2 * (old.mask + 1) : 1024;
    t->slot = ts_alloc_keep(c, sizeof(ts_kpair) * n);   /* zeroed */
    t->mask = n - 1;
    t->count = 0;
    for (uint32_t i = 0; old.slot && i <= old.mask; i++)
        if (old.slot[i].used) {
            *kpair_find(t, old.slot[i].key) = old.slot[i];
            t->count++;
        }
}

int ts_kern(ts_ctx *c, int face, uint32_t a, uint32_t b)
{
    ts_face *f = ts_face_get(c, face);
    if (f->absent || a > 0xFFFF || b > 0xFFFF)
        return 0;
    if (!f->kpairs) {
        f->kpairs = ts_alloc_keep(c, sizeof *f->kpairs);
        kpairs_grow(c, f->kpairs);
    }
    ts_kpairs *t = f->kpairs;
    uint32_t key = a << 16 | b;
    ts_kpair *e = kpair_find(t, key);
    if (e->used)
        return e->kern;
    int k = shape_pair(c, f, a, b);
    if (2 * (t->count + 1) > t->mask + 1) {
        kpairs_grow(c, t);
        e = kpair_find(t, key);
    }
    e->key = key;
    e->kern = (int16_t)k;
    e->used = true;
    t->count++;
    return k;
}

int ts_fallback_face(ts_ctx *c, int face, uint32_t cp)
{
    int same = TS_FALLBACK | (face & 3);
    if (ts_glyph_w(c, same, cp) >= 0)
        return same;
    if (same != TS_FALLBACK && ts_glyph_w(c, TS_FALLBACK, cp) >= 0)
        return TS_FALLBACK;
    return -1;
}

void ts_note_missing(ts_ctx *c, uint32_t cp)
{
    for (int i = 0; i < c->nmissing && i < 8; i++)
        if (c->missing[i] == cp)
            return;
    if (c->nmissing < 8)
        c->missing[c->nmissing] = cp;
    c->nmissing++;
}

void ts_fonts_free(ts_ctx *c)
{
    for (int i = 0; i < TS_NFACES; i++) {
        ts_face *f = &c->faces[i];
        if (f->plan)
            hb_shape_plan_destroy(f->plan);
        if (f->font)
            hb_font_destroy(f->font);
        if (f->face)
            hb_face_destroy(f->face);
        if (f->blob)
            hb_blob_destroy(f->blob);
        memset(f, 0, sizeof *f);
    }
    if (c->kbuf)
        hb_buffer_destroy(c->kbuf);
    c->kbuf = NULL;
}
