/* layout.h - the layout tree (urn:vastbus:layout:1) as a C structure.
 *
 * lay_read() walks a libxml2 document that the caller parsed, checks every
 * element and attribute against the vocabulary in doc/layout.md, and builds
 * an immutable tree. All nodes live in one arena owned by the lay_doc; a
 * single lay_free() releases everything. The typesetter trusts the tree. */
#ifndef VB_LAYOUT_H
#define VB_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>

#define LAY_NS "urn:vastbus:layout:1"

/* A simple bump allocator: every allocation is freed by lay_arena_free(). */
typedef struct lay_arena lay_arena;
lay_arena *lay_arena_new(void);
/* Returns zeroed memory, or NULL when out of memory. */
void *lay_arena_alloc(lay_arena *a, size_t n);
/* Makes the allocation old (oldn bytes, or NULL) n bytes long and returns
 * it, the new bytes zeroed, or NULL when out of memory (old stays). For
 * arrays that grow by doubling: one that has outgrown the shared chunks
 * is resized in place instead of leaving each smaller copy behind. */
void *lay_arena_grow(lay_arena *a, void *old, size_t oldn, size_t n);
char *lay_arena_strdup(lay_arena *a, const char *s);
void lay_arena_free(lay_arena *a);
/* Frees everything allocated so far but keeps the arena (and one chunk)
 * for reuse. */
void lay_arena_reset(lay_arena *a);

typedef enum {
    LI_TEXT,      /* text: UTF-8 */
    LI_B,         /* children in bold */
    LI_I,         /* children in italic */
    LI_BR,        /* forced line break */
    LI_LINK,      /* children link to ref */
    LI_PAGEREF,   /* page number where ref lies */
    LI_PAGENUM,   /* header/footer only: this page's number */
    LI_PAGECOUNT, /* header/footer only: number of pages */
    LI_RUNHEAD    /* header/footer only: the running head in force */
} lay_inline_kind;

typedef struct lay_inline {
    lay_inline_kind kind;
    int line;                  /* line in the layout file */
    const char *text;          /* LI_TEXT */
    const char *ref;           /* LI_LINK, LI_PAGEREF */
    struct lay_inline *child;  /* LI_B, LI_I, LI_LINK */
    struct lay_inline *next;
} lay_inline;

typedef enum {
    LB_HEADING, LB_TITLE, LB_P, LB_LIST, LB_ITEM, LB_TABLE, LB_ROW, LB_CELL,
    LB_KEEP, LB_BLOCK, LB_PAGEBREAK, LB_SPACER, LB_RULE, LB_TOC, LB_CHART,
    LB_BAR, LB_PAGELABEL, LB_RUNHEAD
} lay_block_kind;

typedef enum { LA_DEFAULT, LA_LEFT, LA_RIGHT, LA_CENTER, LA_JUSTIFY } lay_align;

typedef struct lay_block {
    lay_block_kind kind;
    int line;
    const char *id;            /* anchor, or NULL */
    /* heading, toc-entry */
    int level;                 /* heading 1..3, toc-entry 1..2 */
    /* p, cell */
    lay_align align;
    bool outline;              /* heading: bookmark (default true) */
    bool break_before;         /* heading, block: break-before="page" */
    bool chapter;              /* block role="chapter": a Sect when tagged */
    bool bold, italic, keep_with_next;  /* p */
    bool head;                 /* row inside thead */
    bool row_header;           /* cell header="row": labels its row (TH,
                                  Scope Row) */
    bool plain;                /* running-head: no header, no footer (its
                                  text is inl) */
    int colspan;               /* cell */
    const char *lang;          /* heading, p, cell: lang="…" (a language
                                  other than the document's), or NULL */
    double size;               /* p: points, 0 = inherit */
    double space_before, space_after;   /* p: points, < 0 = default */
    /* inline content: heading, title, p, item, cell, toc-entry */
    lay_inline *inl;
    /* children: list(items) keep/block(blocks) table(rows) row(cells)
     * chart(bars) */
    struct lay_block *child;
    struct lay_block *next;
    /* What only one kind has shares one place: a book has some 60 000
     * blocks, most of them cells and paragraphs, and the tree lives
     * through every pass of the typesetter. Read these only for the
     * kind they belong to. */
    union {
        struct {               /* table */
            const double *widths;   /* relative widths, or NULL */
            int nwidths;
            bool no_rules;     /* rules="none": no rules, no header fill */
            const char *caption;
        };
        const char *ref;       /* toc-entry */
        double height;         /* spacer */
        struct {               /* chart */
            const char *title, *unit, *legend_current, *legend_previous;
        };
        struct {               /* bar */
            const char *label;
            double value, previous;
            bool has_previous;
        };
        struct {               /* page-label: style 0 decimal, 1 roman,
                                  2 none; start >= 1 */
            int label_style, label_start;
            const char *label_prefix;
        };
    };
} lay_block;

typedef struct lay_doc {
    lay_arena *arena;
    const char *title, *author, *subject, *keywords, *lang, *creator;
    double page_w, page_h;                 /* points */
    double margin_top, margin_bottom, margin_left, margin_right;
    const char *font_family;
    long font_line;                        /* <font family>'s line, or 0 */
    double font_size, line_height;         /* points, factor */
    lay_inline *header[3], *footer[3];     /* left, center, right */
    lay_block *body;
} lay_doc;

/* Reads and checks a layout tree. On success returns the tree (free with
 * lay_free). On failure returns NULL, sets *err to a malloc'd Swedish
 * message (the caller frees it) and *errline to the line of the fault in
 * the layout file (0 when it concerns the whole tree, -1 when memory ran
 * out: then the tree may be fine). */
lay_doc *lay_read(xmlDocPtr doc, long *errline, char **err);
void lay_free(lay_doc *d);

/* Parses a length ("25mm", "10.5pt", "12") into points, independent of
 * the locale. Returns 0 on success, -1 when the text is not a length. */
int lay_parse_length(const char *s, double *pt);
/* Parses a plain decimal number with a decimal point, locale-free. */
int lay_parse_number(const char *s, double *v);

#endif
