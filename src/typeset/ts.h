/* ts.h - internals of the typesetter, shared by the ts_*.c files.
 *
 * Memory: everything a pass creates lives in ctx->arena (per pass) or
 * ctx->keep (whole run). Out of memory and faults longjmp back to the entry
 * point through ts_fail(), which frees both arenas, so no function here
 * returns an error code. */
#ifndef VB_TS_H
#define VB_TS_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <hb.h>

#include "../layout/layout.h"
#include "../util/utf8.h"
#include "typeset.h"

struct ts_compound;

typedef struct ts_face {
    bool loaded;
    bool absent;              /* a fallback face that is not installed */
    const char *path;
    int index;
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *font;
    unsigned upem;
    int16_t *wcache;          /* widths in 1/1000 em for cp < TS_WCACHE */
    struct ts_kpairs *kpairs; /* pair kerning found so far (ts_font.c),
                                 NULL until first asked */
    hb_shape_plan_t *plan;    /* for shaping pairs, made on first use */
    double ascent, descent;   /* in em */
} ts_face;

#define TS_WCACHE 0x3000

/* A style run: everything a character needs besides its code point. */
typedef struct ts_style {
    int face;
    double size;
    const char *link;         /* internal link target, or NULL */
    int link_sid;             /* the link's structure node, or 0 */
    float rgb[3];
} ts_style;

/* Vertical item: one unit the paginator places (a line, a table row slice,
 * a glue, a chart bar...). Ops are in item coordinates: x from the page's
 * left edge, y measured downward from the item's top. */
enum { BRK_OK, BRK_BAD, BRK_NO };
enum {
    VI_DISCARD = 1,   /* glue: dropped at the top of a page */
    VI_HEADING = 2,   /* first item of a heading: 15 % rule */
    VI_FORCE = 4,     /* page break before this item */
    VI_HEADROW = 8,   /* a table header row slice */
    VI_CONTENT = 16   /* counts for keep-with-next after headings */
};

typedef struct ts_anchor_l {
    const char *id;
    struct ts_anchor_l *next;
} ts_anchor_l;

typedef struct ts_outline_l {
    int level;
    const char *title;
    struct ts_outline_l *next;
} ts_outline_l;

typedef struct ts_vitem {
    double h;
    int brk;                  /* may the page break after this item? */
    unsigned flags;
    int table;                /* index into ctx->tables, or -1 */
    ts_op *ops;
    ts_anchor_l *anchors;
    ts_outline_l *outline;
    const lay_block *label;   /* a page-label range starts here */
    const lay_block *runhead; /* a running head takes effect here */
} ts_vitem;

typedef struct ts_table_info {
    int first;                /* first item of the table (caption/head) */
    int first_body;           /* first body item */
    int last;                 /* last item */
    ts_op *head_ops;          /* header rows, in item coordinates */
    double head_h;
    double x0, x1;            /* table's horizontal extent */
    bool chart;               /* a chart: its title and legend repeat, no
                                 closing rule */
} ts_table_info;

typedef struct ts_ctx {
    jmp_buf jb;
    char *err;
    long errline;             /* the tree's line at fault (ts_fail_at), or 0 */
    lay_arena *keep;          /* lives for the whole run */
    lay_arena *arena;         /* lives for one pass */
    lay_arena *prev_arena;    /* the previous pass's page numbers only */
    lay_arena *scratch;       /* one paragraph's line breaking; reset after
                                 each paragraph, so memory does not grow
                                 with the book */
    const lay_doc *doc;
    ts_face faces[TS_NFACES];
    struct ts_hcache *hcache; /* word -> hyphenation points (ts_hcache.c) */
    struct ts_pcache *pcache; /* paragraph -> its line breaks (ts_pcache.c) */
    hb_buffer_t *kbuf;        /* ts_kern()'s shaping buffer */
    /* geometry */
    double body_x, body_w, body_top, body_h;   /* body_top: PDF y */
    double lh;                /* body line height in points */
    /* the galley of the current pass */
    ts_vitem *items;
    int nitems, capitems;
    ts_table_info *tables;
    int ntables, captables;
    int keep_following;       /* content items still to keep with heading */
    int last_solid;           /* index of the last item that is not glue */
    bool force_next;          /* next solid item starts a page */
    double pending_space;     /* space after the last block */
    ts_anchor_l *pending_anchors;
    ts_outline_l *pending_outline;
    /* scratch arrays of ts_para.c, reused paragraph after paragraph
     * (malloc'd; freed by ts_typeset, also on failure) */
    void *scratch_ch, *scratch_st;
    size_t scratch_ch_cap, scratch_st_cap;
    /* page references from the previous pass */
    const ts_result *prev;
    bool refs_unknown;        /* a page-ref had no value yet */
    /* characters no face has (whole run) */
    int nmissing;
    uint32_t missing[8];
    /* page labels: the next solid item starts a range */
    const lay_block *pending_label;
    const lay_block *pending_runhead;   /* likewise a running-head */
    /* logical structure of the current pass (ts_struct.c) */
    ts_snode *snodes;
    int nsnodes, capsnodes;
    int cur_sid;              /* node given to new ops (ts_op_new) */
    int toc_sid;              /* the TOC node entries join, or 0 */
    int part_sid;             /* parent of block-level nodes: the Sect of
                                 the chapter being set, or 0 (Document) */
    int heading_shift;        /* 1 when a title is H1 */
} ts_ctx;

/* ts_main.c */
_Noreturn void ts_fail(ts_ctx *c, const char *fmt, ...);
/* A fault of the layout tree itself, on its line (e.g. <font> naming a
 * family that is not installed), not of the machine. */
_Noreturn void ts_fail_at(ts_ctx *c, long line, const char *fmt, ...);
void *ts_alloc(ts_ctx *c, size_t n);          /* per pass, zeroed */
/* A per-pass array of oldn bytes made n long (lay_arena_grow): a growing
 * galley does not leave each smaller copy behind. */
void *ts_grow(ts_ctx *c, void *old, size_t oldn, size_t n);
void *ts_alloc_keep(ts_ctx *c, size_t n);     /* whole run, zeroed */
void *ts_alloc_scratch(ts_ctx *c, size_t n);  /* until the paragraph ends */
void ts_scratch_reset(ts_ctx *c);
char *ts_strndup(ts_ctx *c, const char *s, size_t n);

/* ts_font.c */
ts_face *ts_face_get(ts_ctx *c, int face);
/* Width of code point cp in 1/1000 em as the PDF will place it; -1 when the
 * face has no glyph for it (or is an absent fallback face). */
int ts_glyph_w(ts_ctx *c, int face, uint32_t cp);
/* Kerning between code points a and b set next to each other in face, in
 * 1/1000 em (negative: closer), from HarfBuzz's positions with the font's
 * kern feature; 0 when the face does not kern the pair. */
int ts_kern(ts_ctx *c, int face, uint32_t a, uint32_t b);
/* The face to draw cp with when face lacks it: the fallback family's face
 * of the same style, else its regular face; -1 when neither has it. */
int ts_fallback_face(ts_ctx *c, int face, uint32_t cp);
/* Notes a character no face has (for the warning). */
void ts_note_missing(ts_ctx *c, uint32_t cp);
void ts_fonts_free(ts_ctx *c);
/* fontconfig's answers, kept for the process; by ts_release() */
void ts_font_cache_free(void);

/* ts_hyph.c: breaks[i] = 1 when a hyphen may follow character i. */
void ts_hyphenate(ts_ctx *c, const uint32_t *cps, int n, unsigned char *breaks);
/* a word (UTF-8, lower case) the document will ask about, so that the
 * patterns are loaded filtered to the expected words (same breaks) */
void ts_hyph_expect(const char *w, size_t len);
/* whether ts_hyph_expect() is worth calling */
bool ts_hyph_expecting(void);

/* ts_hcache.c: ts_hyphenate() remembered per word for the whole run. */
void ts_hyphenate_cached(ts_ctx *c, const uint32_t *cps, int n,
                         unsigned char *breaks);
void ts_hcache_free(ts_ctx *c);

/* ts_pcache.c: a paragraph's line breaks remembered for the whole run,
 * under a 128-bit hash of everything the breaking reads. */
typedef struct ts_pkey {
    uint64_t a, b;
} ts_pkey;
/* inline: a key takes two words per character of its paragraph */
static inline void ts_pkey_init(ts_pkey *k)
{
    k->a = 14695981039346656037ull;   /* FNV-1a offset basis */
    k->b = 0x9E3779B97F4A7C15ull;
}

static inline void ts_pkey_add(ts_pkey *k, uint64_t v)
{
    /* FNV-1a over the 8 bytes at once, and a multiply-xorshift mix */
    k->a = (k->a ^ v) * 1099511628211ull;
    uint64_t b = (k->b ^ v) * 0xBF58476D1CE4E5B9ull;
    k->b = b ^ (b >> 31);
}
/* the stored bytes for k (*bytes their length), or NULL */
const void *ts_pcache_get(ts_ctx *c, ts_pkey k, size_t *bytes);
void ts_pcache_put(ts_ctx *c, ts_pkey k, const void *data, size_t bytes);
void ts_pcache_free(ts_ctx *c);

/* ts_compound.c: joints[i] = 1 when a compound's parts meet after
 * character i, 2 at the main joint (the most even split); all 0 for a
 * simple word, an unknown word, or without the sv_SE Hunspell
 * dictionary. */
void ts_joints(ts_ctx *c, const uint32_t *cps, int n, unsigned char *joints);
void ts_compound_release(void);     /* by ts_release() */
/* the document's words, so that one load of the dictionary (filtered to
 * what they can reach) answers for all of them */
void ts_compound_expect(ts_ctx *c);

/* ts_spell.c: a set of byte strings, and the .dic filter */
typedef struct ts_sset ts_sset;
ts_sset *ts_sset_new(void);
void ts_sset_free(ts_sset *s);
bool ts_sset_add(ts_sset *s, const char *p, size_t n);
bool ts_sset_has(const ts_sset *s, const char *p, size_t n);
size_t ts_sset_count(const ts_sset *s);
void ts_sset_each(const ts_sset *s, void (*fn)(void *, const char *, size_t),
                  void *arg);
bool ts_spell_filter(const char *aff, const char *dic, const ts_sset *W,
                     const char *const *keep, FILE *out);
/* the same, with the index made by ts_spell_index() at ix (a path, or
 * NULL): the same lines written, found by probing the index; a missing
 * or stale index: the .dic read line by line */
bool ts_spell_filter_ix(const char *aff, const char *dic, const char *ix,
                        const ts_sset *W, const char *const *keep, FILE *out);
/* writes the index of dic (for aff) to out; false when it cannot (an .aff
 * the filter refuses, a file that cannot be read) */
bool ts_spell_index(const char *aff, const char *dic, FILE *out);

/* ts_spellidx.c: the index's file format */
typedef struct {
    uint32_t hash;            /* fnv() of a string the line can be found by */
    uint32_t line;
} ts_sxent;
typedef struct ts_spellidx ts_spellidx;
/* lineoff[i]: where line i (after the count line) starts; lineoff[nlines]:
 * the .dic's size, plus one when its last line has no '\n'; sorts ents */
bool ts_spellidx_write(FILE *out, const char *aff, const char *dic,
                       const uint32_t *lineoff, uint32_t nlines,
                       const uint32_t *always, uint32_t nalways,
                       ts_sxent *ents, uint32_t nents);
/* NULL when path is missing, malformed or not made from aff and dic as
 * they are now */
ts_spellidx *ts_spellidx_open(const char *path, const char *aff,
                              const char *dic);
void ts_spellidx_close(ts_spellidx *ix);
/* whether ts_spellidx_open() would give an index */
bool ts_spellidx_usable(const char *path, const char *aff, const char *dic);
uint32_t ts_spellidx_lines(const ts_spellidx *ix);
const char *ts_spellidx_line(const ts_spellidx *ix, uint32_t i, size_t *len);
const uint32_t *ts_spellidx_always(const ts_spellidx *ix, size_t *n);
/* the entries that may have this hash (others share its bucket); an
 * entry e is a line with this hash when ts_spellidx_is() says so */
const uint32_t *ts_spellidx_find(const ts_spellidx *ix, uint32_t hash,
                                 size_t *n, uint32_t *linebits);
static inline bool ts_spellidx_is(uint32_t e, uint32_t hash,
                                  uint32_t linebits, uint32_t *line)
{
    uint32_t lm = ((uint32_t)1 << linebits) - 1;
    *line = e & lm;
    return (e & ~lm) == (hash & ~lm);
}

/* ts_para.c: paragraphs */
typedef struct ts_para_opts {
    double width;             /* measure */
    double x;                 /* left edge (page coordinates) */
    double indent_first;      /* extra indent of the first line */
    double indent_rest;       /* extra indent of the other lines */
    lay_align align;
    ts_style base;
    double lh_factor;
    bool running;             /* header/footer: page numbers allowed */
    int page_no, page_count;  /* for running content */
    const ts_result *label;   /* page labels for page_no, or NULL */
    bool no_hyph;             /* no hyphen added (table headers) */
    bool cell;                /* a table cell: hyphenate only to save a
                               * line or fit a word (ts_para.c) */
    const lay_inline *runhead;   /* running: the running head in force */
} ts_para_opts;

typedef struct ts_line {
    double h;                 /* line height */
    double baseline;          /* from the top of the line */
    ts_op *ops;               /* y relative to line top */
    double natural;           /* width of the content */
} ts_line;

/* Breaks inline content into lines. Returns the number of lines; *lines
 * gets an arena array. An empty paragraph gives 0 lines. */
int ts_para_lines(ts_ctx *c, const lay_inline *in, const ts_para_opts *o,
                  ts_line **lines);
/* Running content (header, footer): its width on one line, and the line
 * itself, shortened with "…" to at most maxw, aligned by o->align within
 * o->x and o->width. */
double ts_para_one_width(ts_ctx *c, const lay_inline *in,
                         const ts_para_opts *o);
ts_line ts_para_one_line(ts_ctx *c, const lay_inline *in,
                         const ts_para_opts *o, double maxw);
/* Natural width of inline content on one line (for table columns). */
double ts_para_natural(ts_ctx *c, const lay_inline *in, const ts_style *st,
                       double *longest_word);
/* The break the line breaker prefers inside one word (letters only, at
 * most TS_WORD_MAX): the number of characters before it, 0 for none. For
 * the hyphenation measure (tests/unit/test_typeset_joints.c). */
#define TS_WORD_MAX 120
int ts_word_break(ts_ctx *c, const uint32_t *cps, int n);
/* Plain text of inline content (for bookmarks). */
const char *ts_inline_text(ts_ctx *c, const lay_inline *in);
ts_op *ts_op_new(ts_ctx *c, ts_op_kind k);
ts_op *ts_ops_copy(ts_ctx *c, const ts_op *ops, double dx, double dy);
/* Moves ops in place; returns them. Each op is in one list only. */
ts_op *ts_ops_shift(ts_op *ops, double dx, double dy);
void ts_ops_append(ts_op **list, ts_op *more);

/* ts_galley.c: blocks to vertical items */
void ts_galley_build(ts_ctx *c, const lay_block *body);
ts_vitem *ts_item_add(ts_ctx *c, double h, int brk, unsigned flags);
void ts_space(ts_ctx *c, double before);

/* ts_table.c */
void ts_table_build(ts_ctx *c, const lay_block *t);
/* A new, zeroed page-flow record for a table or a chart (c->tables grows
 * in the run's arena); its index is c->ntables before the call. */
ts_table_info *ts_table_info_add(ts_ctx *c);
/* ts_chart.c */
void ts_chart_build(ts_ctx *c, const lay_block *ch);

/* ts_struct.c: structure nodes (see page.h). */
int ts_snode_add(ts_ctx *c, const char *role, int parent);
void ts_struct_begin(ts_ctx *c, const lay_block *body);
const char *ts_heading_role(const ts_ctx *c, int level);

/* ts_page.c: pagination into a result */
ts_result *ts_paginate(ts_ctx *c);

#endif
