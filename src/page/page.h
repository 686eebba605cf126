/* page.h - finished pages as a display list: the typesetter's result.
 *
 * This header is the whole interface between the engine (src/typeset/,
 * which fills a ts_result) and a device that reads one (src/pdf/ for PDF,
 * page_dump.c for a plain-text dump in tests). Neither side includes the
 * other: the typesetter produces pages, the device writes them. The ts_
 * prefix names the typesetter's result; nothing here depends on the
 * engine. Coordinates are PDF points with the origin at the bottom left
 * of the page. All memory belongs to the arena the ts_result came in. */
#ifndef VB_PAGE_H
#define VB_PAGE_H

#include <stdbool.h>
#include <stddef.h>

/* Faces: the document's family in four styles, then the same four styles
 * of the fallback family (DejaVu Sans) for characters the first lacks. */
enum { TS_REGULAR, TS_BOLD, TS_ITALIC, TS_BOLDITALIC, TS_FALLBACK,
       TS_NFACES = 8 };

typedef enum { OP_TEXT, OP_LINE, OP_RECT, OP_LINK } ts_op_kind;

typedef struct ts_op {
    ts_op_kind kind;
    int face;                 /* OP_TEXT: TS_REGULAR.. */
    double size;              /* OP_TEXT: font size in points */
    double x, y;              /* TEXT: baseline start; LINE: from; RECT,LINK:
                                 lower left corner */
    double x2, y2;            /* LINE: to; RECT, LINK: width, height */
    double width;             /* LINE: stroke width */
    float rgb[3];             /* TEXT, LINE: colour; RECT: fill */
    const char *text;         /* OP_TEXT: UTF-8, only code points the face
                                 has, all in the BMP */
    const short *kern;        /* OP_TEXT: NULL, or one number a code point
                                 of text: the pair kerning after its glyph
                                 in 1/1000 em (negative: the next glyph
                                 closer), already in the op's width */
    const char *actual;       /* OP_TEXT: NULL, or the text a reader should
                                 copy out instead of text (PDF ActualText),
                                 UTF-8 */
    const char *dest;         /* OP_LINK: the id it points to */
    bool space_after;         /* OP_TEXT: a word space follows that the
                                 layout shows as a gap or a line break;
                                 a device may add an invisible space so
                                 that extracted text keeps words apart */
    int sid;                  /* the structure node (ts_result.snodes) the
                                 op belongs to; 0 = an artifact (running
                                 header and footer, rules, fills, a repeated
                                 table header, dot leaders, the hyphen of a
                                 word broken at a line end, which is an op
                                 of its own in tagged content) */
    struct ts_op *next;
} ts_op;

/* One node of the document's logical structure (a tagged PDF's structure
 * element). Node 0 is the root (Document); every other node's parent has
 * a smaller index, and the nodes are in reading order, so a device can
 * build the tree in one walk. A node that no op refers to (and that has
 * no such descendant) is empty and may be left out, but for a table's
 * rows and cells (TR, TH, TD): an empty cell keeps its column. */
typedef struct ts_snode {
    const char *role;         /* standard structure type: "Document", "H1",
                                 "P", "L", "LI", "Lbl", "LBody", "Table",
                                 "THead", "TBody", "TR", "TH", "TD",
                                 "Caption", "TOC", "TOCI", "Link",
                                 "Figure", "Sect" (a chapter) */
    int parent;               /* index of the parent; -1 for the root */
    const char *alt;          /* Figure: the text alternative (Swedish,
                                 UTF-8), or NULL */
    const char *scope;        /* TH: "Column" or "Row", or NULL */
    int colspan;              /* TH, TD: columns it spans when > 1 */
    const char *lang;         /* a language other than the document's */
} ts_snode;

typedef struct ts_page {
    ts_op *ops;
    ts_op **tail;
} ts_page;

typedef struct ts_anchor {
    const char *id;
    int page;                 /* 0-based */
    double y;                 /* top of the anchored block */
} ts_anchor;

typedef struct ts_outline {
    int level;                /* 1.. */
    const char *title;        /* UTF-8 */
    int page;
    double y;
} ts_outline;

typedef struct ts_font_file {
    const char *path;         /* TrueType file found through fontconfig */
    int index;                /* face index in a collection */
    bool used;
} ts_font_file;

typedef enum { TS_LABEL_DECIMAL, TS_LABEL_ROMAN, TS_LABEL_NONE }
    ts_label_style;

typedef struct ts_pagelabel {
    int page;                 /* 0-based first page of the range */
    ts_label_style style;
    int start;                /* number of the first page, >= 1 */
    const char *prefix;       /* UTF-8, or NULL */
} ts_pagelabel;

typedef struct ts_result {
    double page_w, page_h;
    int npages;
    ts_page *pages;
    ts_anchor *anchors;
    int nanchors;
    ts_outline *outline;
    int noutline;
    ts_font_file fonts[TS_NFACES];
    /* the logical structure, in reading order; snodes[0] is the root */
    ts_snode *snodes;
    int nsnodes;
    /* page labels (PDF /PageLabels), by first page, ascending */
    struct ts_pagelabel *labels;
    int nlabels;
    /* characters no face has, shown as a replacement: a Swedish message
     * for the caller to print as a warning, or NULL */
    const char *warning;
    /* metadata, UTF-8, NULL when absent */
    const char *title, *author, *subject, *keywords, *lang, *creator;
} ts_result;

/* Writes the pages as plain text, one op a line, for tests and debugging.
 * Returns a malloc'd string, or NULL when out of memory. */
char *ts_dump(const ts_result *r);

/* The label of page (0-based) as a reader sees it: "7", "iii", "A-2";
 * written into buf (size n). Without page labels, page + 1. */
const char *ts_page_label(const ts_result *r, int page, char *buf, size_t n);

/* Finds an anchor by id; NULL when absent. */
const ts_anchor *ts_result_anchor(const ts_result *r, const char *id);

#endif
