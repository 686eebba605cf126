/* layout_read.c - checks a layout tree and builds the C structure.
 *
 * Table-driven in spirit: each element has one reader that knows its
 * attributes and children. Anything not in doc/layout.md is refused with a
 * Swedish message naming the line, so a template author finds the fault. */
#define _POSIX_C_SOURCE 200809L
#include "layout.h"
#include "layout_ids.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

typedef struct rd {
    lay_doc *d;
    char *err;                /* the first fault, malloc'd */
    long line;                /* its line, or 0 */
    bool failed;
    /* ids (hashed: a list made the checks quadratic) and references,
     * checked at the end */
    lay_idset ids;
    struct idref { const char *name; int line; struct idref *next; } *refs;
} rd;

/* Records the first fault: a Swedish message and the line it is on (0
 * when the fault concerns the whole tree, -1 when memory ran out: not a
 * fault of the tree). Returns -1. */
static int vfail_line(rd *r, long line, const char *fmt, va_list ap)
{
    if (r->failed)
        return -1;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    r->failed = true;
    r->err = strdup(msg);     /* NULL: out of memory, said at the end */
    r->line = line;
    return -1;
}

static int fail_line(rd *r, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail_line(r, line, fmt, ap);
    va_end(ap);
    return -1;
}

static int fail(rd *r, xmlNodePtr n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    long line = n ? xmlGetLineNo(n) : 0;
    vfail_line(r, line > 0 ? line : 0, fmt, ap);
    va_end(ap);
    return -1;
}

static void *alloc(rd *r, size_t n)
{
    void *p = lay_arena_alloc(r->d->arena, n);
    if (!p)
        fail_line(r, -1, "slut på minne");
    return p;
}

static const char *dup(rd *r, const xmlChar *s)
{
    char *p = lay_arena_strdup(r->d->arena, (const char *)s);
    if (!p)
        fail_line(r, -1, "slut på minne");
    return p;
}

static bool is_el(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, LAY_NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static int lineof(xmlNodePtr n)
{
    long l = xmlGetLineNo(n);
    return l > 0 && l < 0x7fffffff ? (int)l : 0;
}

/* Checks that every attribute of n is one of the names in allowed
 * (NULL-terminated). */
static int check_attrs(rd *r, xmlNodePtr n, const char *const *allowed)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        bool ok = false;
        if (a->ns == NULL)
            for (const char *const *p = allowed; *p; p++)
                if (strcmp((const char *)a->name, *p) == 0)
                    ok = true;
        if (!ok)
            return fail(r, n, "attributet %s är inte tillåtet på <%s>",
                        (const char *)a->name, (const char *)n->name);
    }
    return 0;
}

/* Returns the attribute value (arena copy) or NULL. */
static const char *attr(rd *r, xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    const char *s = dup(r, v);
    xmlFree(v);
    return s;
}

static int attr_length(rd *r, xmlNodePtr n, const char *name, double *out)
{
    const char *v = attr(r, n, name);
    if (!v)
        return 0;
    if (lay_parse_length(v, out) != 0 || *out > 2000)
        return fail(r, n, "%s=\"%s\" är ingen längd (t.ex. 25mm eller 10.5pt)",
                    name, v);
    return 0;
}

static int attr_enum(rd *r, xmlNodePtr n, const char *name,
                     const char *const *values, int *out)
{
    const char *v = attr(r, n, name);
    if (!v)
        return 0;
    for (int i = 0; values[i]; i++)
        if (strcmp(v, values[i]) == 0) {
            *out = i;
            return 0;
        }
    char list[200] = "";
    for (int i = 0; values[i]; i++) {
        if (i)
            strncat(list, ", ", sizeof list - strlen(list) - 1);
        strncat(list, values[i], sizeof list - strlen(list) - 1);
    }
    return fail(r, n, "%s=\"%s\" på <%s> är inte tillåtet (tillåtet: %s)",
                name, v, (const char *)n->name, list);
}

static bool blank(const xmlChar *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

/* Non-element children of an element that only holds elements. */
static int check_other(rd *r, xmlNodePtr parent, xmlNodePtr c)
{
    switch (c->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        if (c->content && !blank(c->content))
            return fail(r, c, "text är inte tillåten direkt i <%s>",
                        (const char *)parent->name);
        return 0;
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
        return 0;
    case XML_ELEMENT_NODE:
        if (!c->ns || strcmp((const char *)c->ns->href, LAY_NS) != 0)
            return fail(r, c, "elementet <%s> hör inte till layoutens "
                        "namnrymd %s", (const char *)c->name, LAY_NS);
        return fail(r, c, "okänt element <%s> i <%s>", (const char *)c->name,
                    (const char *)parent->name);
    default:
        return fail(r, c, "otillåten nod i <%s> (entitetsreferenser stöds "
                    "inte)", (const char *)parent->name);
    }
}

static void add_idref(rd *r, struct idref **list, const char *name, int line)
{
    struct idref *e = alloc(r, sizeof *e);
    if (!e)
        return;
    e->name = name;
    e->line = line;
    e->next = *list;
    *list = e;
}

static int read_id(rd *r, xmlNodePtr n, const char **out)
{
    const char *id = attr(r, n, "id");
    if (!id)
        return 0;
    if (!*id)
        return fail(r, n, "id får inte vara tomt");
    int first = 0;
    switch (lay_idset_add(&r->ids, id, lineof(n), &first)) {
    case 0:
        return fail(r, n, "id=\"%s\" finns redan på rad %d", id, first);
    case -1:
        return fail_line(r, -1, "slut på minne");
    }
    *out = id;
    return r->failed ? -1 : 0;
}

/* lang="…": a language tag (BCP 47 in its plain form: "en", "fi",
 * "se-NO"), letters, digits and hyphens, starting with 2-8 letters. */
static int read_lang(rd *r, xmlNodePtr n, const char **out)
{
    const char *l = attr(r, n, "lang");
    if (!l)
        return 0;
    size_t k = 0, len = strlen(l);
    while (k < len && ((l[k] >= 'a' && l[k] <= 'z') || (l[k] >= 'A' && l[k] <= 'Z')))
        k++;
    bool ok = k >= 2 && k <= 8 && len <= 35;
    for (size_t i = k; ok && i < len; i++)
        ok = l[i] == '-' ? i + 1 < len && l[i - 1] != '-'
           : ((l[i] >= 'a' && l[i] <= 'z') || (l[i] >= 'A' && l[i] <= 'Z') ||
              (l[i] >= '0' && l[i] <= '9'));
    if (!ok)
        return fail(r, n, "lang=\"%s\" är ingen språkkod (t.ex. \"en\", \"fi\", \"se-NO\")", l);
    *out = l;
    return 0;
}

static int read_ref(rd *r, xmlNodePtr n, const char **out)
{
    const char *ref = attr(r, n, "ref");
    if (!ref || !*ref)
        return fail(r, n, "<%s> saknar attributet ref", (const char *)n->name);
    add_idref(r, &r->refs, ref, lineof(n));
    *out = ref;
    return r->failed ? -1 : 0;
}

/* ---- inline content ---------------------------------------------------- */

static int read_inlines(rd *r, xmlNodePtr parent, bool running,
                        lay_inline **out)
{
    static const char *const none[] = {NULL};
    static const char *const ref_only[] = {"ref", NULL};
    lay_inline **tail = out;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        lay_inline *in = NULL;
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (!c->content || !*c->content)
                continue;
            in = alloc(r, sizeof *in);
            if (!in)
                return -1;
            in->kind = LI_TEXT;
            in->text = dup(r, c->content);
        } else if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
            continue;
        } else if (is_el(c, "b") || is_el(c, "i") || is_el(c, "link")) {
            in = alloc(r, sizeof *in);
            if (!in)
                return -1;
            if (is_el(c, "link")) {
                in->kind = LI_LINK;
                if (check_attrs(r, c, ref_only) || read_ref(r, c, &in->ref))
                    return -1;
            } else {
                in->kind = is_el(c, "b") ? LI_B : LI_I;
                if (check_attrs(r, c, none))
                    return -1;
            }
            if (read_inlines(r, c, running, &in->child))
                return -1;
        } else if (is_el(c, "br")) {
            in = alloc(r, sizeof *in);
            if (!in || check_attrs(r, c, none))
                return -1;
            in->kind = LI_BR;
        } else if (is_el(c, "page-ref")) {
            in = alloc(r, sizeof *in);
            if (!in || check_attrs(r, c, ref_only))
                return -1;
            in->kind = LI_PAGEREF;
            if (read_ref(r, c, &in->ref))
                return -1;
        } else if (is_el(c, "page-number") || is_el(c, "page-count") ||
                   is_el(c, "running-head-text")) {
            if (!running)
                return fail(r, c, "<%s> är bara tillåtet i <header> och "
                            "<footer>", (const char *)c->name);
            in = alloc(r, sizeof *in);
            if (!in || check_attrs(r, c, none))
                return -1;
            in->kind = is_el(c, "page-number") ? LI_PAGENUM
                     : is_el(c, "page-count") ? LI_PAGECOUNT : LI_RUNHEAD;
        } else {
            if (c->type == XML_ELEMENT_NODE && c->ns &&
                strcmp((const char *)c->ns->href, LAY_NS) == 0)
                return fail(r, c, "<%s> är inte tillåtet i text (i <%s>)",
                            (const char *)c->name,
                            (const char *)parent->name);
            return check_other(r, parent, c) ? -1 : fail(r, c, "fel nod");
        }
        if (r->failed)
            return -1;
        in->line = lineof(c);
        *tail = in;
        tail = &in->next;
    }
    return r->failed ? -1 : 0;
}

/* ---- blocks ------------------------------------------------------------ */

static int read_blocks(rd *r, xmlNodePtr parent, lay_block **out);

static lay_block *new_block(rd *r, xmlNodePtr n, lay_block_kind k)
{
    lay_block *b = alloc(r, sizeof *b);
    if (!b)
        return NULL;
    b->kind = k;
    b->line = lineof(n);
    b->outline = true;
    b->space_before = b->space_after = -1;
    b->colspan = 1;
    return b;
}

static const char *const yes_no[] = {"yes", "no", NULL};
static const char *const page_only[] = {"page", NULL};

static int read_cells(rd *r, xmlNodePtr row, lay_block *rb)
{
    static const char *const cell_attrs[] = {"align", "colspan", "header",
                                             "lang", NULL};
    static const char *const headers[] = {"row", NULL};
    static const char *const aligns[] = {"left", "right", "center", NULL};
    lay_block **tail = &rb->child;
    for (xmlNodePtr c = row->children; c; c = c->next) {
        if (!is_el(c, "cell")) {
            if (check_other(r, row, c))
                return -1;
            continue;
        }
        lay_block *cb = new_block(r, c, LB_CELL);
        if (!cb || check_attrs(r, c, cell_attrs) || read_lang(r, c, &cb->lang))
            return -1;
        int al = -1;
        if (attr_enum(r, c, "align", aligns, &al))
            return -1;
        cb->align = al == 0 ? LA_LEFT : al == 1 ? LA_RIGHT
                  : al == 2 ? LA_CENTER : LA_DEFAULT;
        int hd = -1;
        if (attr_enum(r, c, "header", headers, &hd))
            return -1;
        cb->row_header = hd == 0;
        const char *cs = attr(r, c, "colspan");
        if (cs) {
            double v;
            if (lay_parse_number(cs, &v) || v < 1 || v > 50 || v != (int)v)
                return fail(r, c, "colspan=\"%s\" måste vara ett heltal 1–50",
                            cs);
            cb->colspan = (int)v;
        }
        if (read_inlines(r, c, false, &cb->inl))
            return -1;
        *tail = cb;
        tail = &cb->next;
    }
    return 0;
}

static int read_rows(rd *r, xmlNodePtr grp, bool head, lay_block ***tail)
{
    static const char *const none[] = {NULL};
    if (check_attrs(r, grp, none))
        return -1;
    for (xmlNodePtr c = grp->children; c; c = c->next) {
        if (!is_el(c, "row")) {
            if (check_other(r, grp, c))
                return -1;
            continue;
        }
        lay_block *rb = new_block(r, c, LB_ROW);
        if (!rb || check_attrs(r, c, none))
            return -1;
        rb->head = head;
        if (read_cells(r, c, rb))
            return -1;
        **tail = rb;
        *tail = &rb->next;
    }
    return 0;
}

static int read_table(rd *r, xmlNodePtr n, lay_block *b)
{
    static const char *const attrs[] = {"id", "widths", "caption", "rules",
                                        NULL};
    static const char *const rules[] = {"rows", "none", NULL};
    int ru = 0;
    if (check_attrs(r, n, attrs) || read_id(r, n, &b->id) ||
        attr_enum(r, n, "rules", rules, &ru))
        return -1;
    b->no_rules = ru == 1;
    b->caption = attr(r, n, "caption");
    const char *w = attr(r, n, "widths");
    if (w) {
        double *ws = alloc(r, sizeof(double) * 64);
        if (!ws)
            return -1;
        int k = 0;
        const char *p = w;
        while (*p) {
            while (*p == ' ')
                p++;
            if (!*p)
                break;
            char tok[32];
            size_t len = strcspn(p, " ");
            if (len >= sizeof tok || k >= 64)
                return fail(r, n, "widths=\"%s\" kan inte tolkas", w);
            memcpy(tok, p, len);
            tok[len] = 0;
            if (lay_parse_number(tok, &ws[k]) || ws[k] <= 0)
                return fail(r, n, "widths=\"%s\": \"%s\" är inget positivt tal",
                            w, tok);
            k++;
            p += len;
        }
        if (k == 0)
            return fail(r, n, "widths är tomt");
        b->widths = ws;
        b->nwidths = k;
    }
    lay_block **tail = &b->child;
    int seen_head = 0, seen_body = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (is_el(c, "thead")) {
            if (seen_head || seen_body)
                return fail(r, c, "<thead> måste komma en gång, före <tbody>");
            seen_head = 1;
            if (read_rows(r, c, true, &tail))
                return -1;
        } else if (is_el(c, "tbody")) {
            if (seen_body)
                return fail(r, c, "<table> får bara ha en <tbody>");
            seen_body = 1;
            if (read_rows(r, c, false, &tail))
                return -1;
        } else if (check_other(r, n, c)) {
            return -1;
        }
    }
    if (!seen_body)
        return fail(r, n, "<table> saknar <tbody>");
    /* Every row must span the same number of columns. */
    int ncols = -1;
    for (lay_block *row = b->child; row; row = row->next) {
        int k = 0;
        for (lay_block *cell = row->child; cell; cell = cell->next)
            k += cell->colspan;
        if (k == 0)
            return fail_line(r, row->line, "tabellen på rad %d har en rad "
                             "utan celler", b->line);
        if (ncols < 0)
            ncols = k;
        else if (k != ncols)
            return fail_line(r, row->line, "tabellen på rad %d: raden har "
                             "%d kolumner men den första raden har %d",
                             b->line, k, ncols);
    }
    if (ncols > 64)
        return fail(r, n, "tabellen har %d kolumner; högst 64 går att sätta",
                    ncols);
    if (b->widths && ncols > 0 && b->nwidths != ncols)
        return fail(r, n, "widths anger %d kolumner men tabellen har %d",
                    b->nwidths, ncols);
    return 0;
}

static int read_chart(rd *r, xmlNodePtr n, lay_block *b)
{
    static const char *const attrs[] = {"type", "title", "unit",
        "legend-current", "legend-previous", "id", NULL};
    static const char *const types[] = {"bar", NULL};
    static const char *const bar_attrs[] = {"label", "value", "previous",
                                            NULL};
    int t = -1;
    if (check_attrs(r, n, attrs) || read_id(r, n, &b->id) ||
        attr_enum(r, n, "type", types, &t))
        return -1;
    if (t != 0)
        return fail(r, n, "<chart> saknar type=\"bar\"");
    b->title = attr(r, n, "title");
    b->unit = attr(r, n, "unit");
    b->legend_current = attr(r, n, "legend-current");
    b->legend_previous = attr(r, n, "legend-previous");
    lay_block **tail = &b->child;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (!is_el(c, "bar")) {
            if (check_other(r, n, c))
                return -1;
            continue;
        }
        lay_block *bar = new_block(r, c, LB_BAR);
        if (!bar || check_attrs(r, c, bar_attrs))
            return -1;
        bar->label = attr(r, c, "label");
        const char *v = attr(r, c, "value");
        if (!bar->label)
            return fail(r, c, "<bar> saknar attributet label");
        if (!v || lay_parse_number(v, &bar->value) || bar->value < 0)
            return fail(r, c, "<bar> behöver value med ett tal ≥ 0");
        const char *pv = attr(r, c, "previous");
        if (pv) {
            if (lay_parse_number(pv, &bar->previous) || bar->previous < 0)
                return fail(r, c, "previous=\"%s\" är inget tal ≥ 0", pv);
            bar->has_previous = true;
        }
        *tail = bar;
        tail = &bar->next;
    }
    return 0;
}

static int read_block(rd *r, xmlNodePtr c, lay_block **out)
{
    lay_block *b = NULL;
    *out = NULL;
    if (is_el(c, "heading")) {
        static const char *const attrs[] = {"level", "id", "outline",
                                            "break-before", "lang", NULL};
        static const char *const levels[] = {"1", "2", "3", NULL};
        int lvl = -1, ol = 0, bb = -1;
        if (!(b = new_block(r, c, LB_HEADING)) || check_attrs(r, c, attrs) ||
            read_id(r, c, &b->id) || read_lang(r, c, &b->lang) ||
            attr_enum(r, c, "level", levels, &lvl) ||
            attr_enum(r, c, "outline", yes_no, &ol) ||
            attr_enum(r, c, "break-before", page_only, &bb))
            return -1;
        if (lvl < 0)
            return fail(r, c, "<heading> saknar level (1, 2 eller 3)");
        b->level = lvl + 1;
        b->outline = ol == 0;
        b->break_before = bb == 0;
        if (read_inlines(r, c, false, &b->inl))
            return -1;
    } else if (is_el(c, "running-head")) {
        static const char *const attrs[] = {"show", NULL};
        static const char *const shows[] = {"yes", "none", NULL};
        int sh = 0;
        if (!(b = new_block(r, c, LB_RUNHEAD)) || check_attrs(r, c, attrs) ||
            attr_enum(r, c, "show", shows, &sh) ||
            read_inlines(r, c, false, &b->inl))
            return -1;
        b->plain = sh == 1;
    } else if (is_el(c, "title")) {
        static const char *const attrs[] = {"id", NULL};
        if (!(b = new_block(r, c, LB_TITLE)) || check_attrs(r, c, attrs) ||
            read_id(r, c, &b->id) || read_inlines(r, c, false, &b->inl))
            return -1;
    } else if (is_el(c, "p")) {
        static const char *const attrs[] = {"align", "size", "weight", "style",
            "space-before", "space-after", "keep-with-next", "id", "lang",
            NULL};
        static const char *const aligns[] = {"justify", "left", "center",
                                             "right", NULL};
        static const char *const weights[] = {"bold", "normal", NULL};
        static const char *const styles[] = {"italic", "normal", NULL};
        int al = 1, w = 1, st = 1, kwn = 1;
        if (!(b = new_block(r, c, LB_P)) || check_attrs(r, c, attrs) ||
            read_id(r, c, &b->id) || read_lang(r, c, &b->lang) ||
            attr_enum(r, c, "align", aligns, &al) ||
            attr_enum(r, c, "weight", weights, &w) ||
            attr_enum(r, c, "style", styles, &st) ||
            attr_enum(r, c, "keep-with-next", yes_no, &kwn) ||
            attr_length(r, c, "size", &b->size) ||
            attr_length(r, c, "space-before", &b->space_before) ||
            attr_length(r, c, "space-after", &b->space_after))
            return -1;
        static const lay_align map[] = {LA_JUSTIFY, LA_LEFT, LA_CENTER,
                                        LA_RIGHT};
        b->align = map[al];
        b->bold = w == 0;
        b->italic = st == 0;
        b->keep_with_next = kwn == 0;
        if (b->size != 0 && (b->size < 4 || b->size > 72))
            return fail(r, c, "size måste ligga mellan 4pt och 72pt");
        if (read_inlines(r, c, false, &b->inl))
            return -1;
    } else if (is_el(c, "list")) {
        static const char *const attrs[] = {"id", NULL};
        static const char *const item_attrs[] = {"id", NULL};
        if (!(b = new_block(r, c, LB_LIST)) || check_attrs(r, c, attrs) ||
            read_id(r, c, &b->id))
            return -1;
        lay_block **tail = &b->child;
        for (xmlNodePtr i = c->children; i; i = i->next) {
            if (!is_el(i, "item")) {
                if (check_other(r, c, i))
                    return -1;
                continue;
            }
            lay_block *it = new_block(r, i, LB_ITEM);
            if (!it || check_attrs(r, i, item_attrs) ||
                read_id(r, i, &it->id) ||
                read_inlines(r, i, false, &it->inl))
                return -1;
            *tail = it;
            tail = &it->next;
        }
    } else if (is_el(c, "table")) {
        if (!(b = new_block(r, c, LB_TABLE)) || read_table(r, c, b))
            return -1;
    } else if (is_el(c, "keep") || is_el(c, "block")) {
        static const char *const keep_attrs[] = {"id", NULL};
        static const char *const block_attrs[] = {"id", "break-before", "role",
                                                  NULL};
        static const char *const roles[] = {"chapter", NULL};
        bool keep = is_el(c, "keep");
        int bb = -1, role = -1;
        if (!(b = new_block(r, c, keep ? LB_KEEP : LB_BLOCK)) ||
            check_attrs(r, c, keep ? keep_attrs : block_attrs) ||
            read_id(r, c, &b->id) ||
            (!keep && attr_enum(r, c, "break-before", page_only, &bb)) ||
            (!keep && attr_enum(r, c, "role", roles, &role)))
            return -1;
        b->break_before = bb == 0;
        b->chapter = role == 0;
        if (read_blocks(r, c, &b->child))
            return -1;
    } else if (is_el(c, "page-break") || is_el(c, "rule")) {
        static const char *const none[] = {NULL};
        if (!(b = new_block(r, c, is_el(c, "rule") ? LB_RULE : LB_PAGEBREAK)) ||
            check_attrs(r, c, none))
            return -1;
        for (xmlNodePtr i = c->children; i; i = i->next)
            if (check_other(r, c, i))
                return -1;
    } else if (is_el(c, "page-label")) {
        static const char *const attrs[] = {"style", "start", "prefix", NULL};
        static const char *const styles[] = {"decimal", "roman", "none", NULL};
        if (!(b = new_block(r, c, LB_PAGELABEL)) || check_attrs(r, c, attrs))
            return -1;
        for (xmlNodePtr i = c->children; i; i = i->next)
            if (check_other(r, c, i))
                return -1;
        int st = -1;
        if (attr_enum(r, c, "style", styles, &st))
            return -1;
        if (st < 0)
            return fail(r, c, "<page-label> saknar style (decimal, roman "
                        "eller none)");
        b->label_style = st;
        b->label_start = 1;
        const char *sv = attr(r, c, "start");
        double v;
        if (sv && (lay_parse_number(sv, &v) || v < 1 || v > 100000 ||
                   v != (int)v))
            return fail(r, c, "start=\"%s\" på <page-label> måste vara ett "
                        "heltal från 1 till 100000", sv);
        if (sv)
            b->label_start = (int)v;
        b->label_prefix = attr(r, c, "prefix");
        size_t nch = 0;
        for (const char *q = b->label_prefix; q && *q; q++)
            nch += ((unsigned char)*q & 0xC0) != 0x80;
        if (nch > 200)
            return fail(r, c, "prefix på <page-label> är för långt (högst "
                        "200 byte)");
    } else if (is_el(c, "spacer")) {
        static const char *const attrs[] = {"height", NULL};
        if (!(b = new_block(r, c, LB_SPACER)) || check_attrs(r, c, attrs))
            return -1;
        b->height = -1;
        if (attr_length(r, c, "height", &b->height))
            return -1;
        if (b->height < 0)
            return fail(r, c, "<spacer> saknar height");
    } else if (is_el(c, "toc-entry")) {
        static const char *const attrs[] = {"ref", "level", NULL};
        static const char *const levels[] = {"1", "2", NULL};
        int lvl = 0;
        if (!(b = new_block(r, c, LB_TOC)) || check_attrs(r, c, attrs) ||
            read_ref(r, c, &b->ref) || attr_enum(r, c, "level", levels, &lvl) ||
            read_inlines(r, c, false, &b->inl))
            return -1;
        b->level = lvl + 1;
    } else if (is_el(c, "chart")) {
        if (!(b = new_block(r, c, LB_CHART)) || read_chart(r, c, b))
            return -1;
    } else {
        return check_other(r, c->parent, c);
    }
    *out = b;
    return r->failed ? -1 : 0;
}

static int read_blocks(rd *r, xmlNodePtr parent, lay_block **out)
{
    lay_block **tail = out;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        lay_block *b;
        if (read_block(r, c, &b))
            return -1;
        if (b) {
            *tail = b;
            tail = &b->next;
        }
    }
    return 0;
}

static int read_running(rd *r, xmlNodePtr n, lay_inline **slots)
{
    static const char *const none[] = {NULL};
    static const char *const names[] = {"left", "center", "right"};
    if (check_attrs(r, n, none))
        return -1;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        int k = -1;
        for (int i = 0; i < 3; i++)
            if (is_el(c, names[i]))
                k = i;
        if (k < 0) {
            if (check_other(r, n, c))
                return -1;
            continue;
        }
        if (check_attrs(r, c, none) || read_inlines(r, c, true, &slots[k]))
            return -1;
    }
    return 0;
}

/* The document information (title, author, …) goes into the PDF's Info
 * dictionary, whose strings libharu caps at 65 535 bytes (32 766
 * characters in UTF-16), and into the XMP, which must say the same: a
 * longer value is refused here, in Swedish, rather than failing deep in
 * the PDF writer. */
#define LAYOUT_MAX_META_CHARS 10000

static int check_meta_lengths(rd *r, xmlNodePtr root)
{
    static const char *const names[][2] = {
        {"title", "titeln"}, {"author", "författaren"},
        {"subject", "ämnet"}, {"keywords", "nyckelorden"},
        {"creator", "programnamnet"}};
    for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
        xmlChar *v = xmlGetNoNsProp(root, (const xmlChar *)names[k][0]);
        if (!v)
            continue;
        size_t chars = 0;
        for (const xmlChar *p = v; *p; p++)
            chars += (*p & 0xC0) != 0x80;
        xmlFree(v);
        if (chars > LAYOUT_MAX_META_CHARS)
            return fail(r, root, "%s (%s) har %zu tecken; högst %d tecken "
                        "får plats i PDF:ens dokumentinformation",
                        names[k][1], names[k][0], chars, LAYOUT_MAX_META_CHARS);
    }
    return 0;
}

static int read_document(rd *r, xmlNodePtr root)
{
    lay_doc *d = r->d;
    static const char *const attrs[] = {"title", "author", "subject",
        "keywords", "lang", "creator", NULL};
    if (check_attrs(r, root, attrs))
        return -1;
    d->title = attr(r, root, "title");
    d->author = attr(r, root, "author");
    d->subject = attr(r, root, "subject");
    d->keywords = attr(r, root, "keywords");
    d->lang = attr(r, root, "lang");
    d->creator = attr(r, root, "creator");
    if (check_meta_lengths(r, root))
        return -1;
    bool seen_body = false;
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (seen_body && c->type == XML_ELEMENT_NODE)
            return fail(r, c, "inget får komma efter <body>");
        if (is_el(c, "page")) {
            static const char *const pattrs[] = {"size", "margin-top",
                "margin-bottom", "margin-left", "margin-right", NULL};
            static const char *const sizes[] = {"A4", "A5", "A3", NULL};
            static const double dims[][2] = {{595.276, 841.890},
                {419.528, 595.276}, {841.890, 1190.551}};
            int s = 0;
            if (check_attrs(r, c, pattrs) || attr_enum(r, c, "size", sizes, &s) ||
                attr_length(r, c, "margin-top", &d->margin_top) ||
                attr_length(r, c, "margin-bottom", &d->margin_bottom) ||
                attr_length(r, c, "margin-left", &d->margin_left) ||
                attr_length(r, c, "margin-right", &d->margin_right))
                return -1;
            d->page_w = dims[s][0];
            d->page_h = dims[s][1];
            if (d->margin_left + d->margin_right > d->page_w - 72 ||
                d->margin_top + d->margin_bottom > d->page_h - 144)
                return fail(r, c, "marginalerna lämnar för lite plats åt texten");
        } else if (is_el(c, "font")) {
            static const char *const fattrs[] = {"family", "size",
                                                 "line-height", NULL};
            if (check_attrs(r, c, fattrs) ||
                attr_length(r, c, "size", &d->font_size))
                return -1;
            const char *fam = attr(r, c, "family");
            if (fam) {
                if (!*fam || strpbrk(fam, ":,=\\"))
                    return fail(r, c, "family=\"%s\" är inget typsnittsnamn",
                                fam);
                d->font_family = fam;
                d->font_line = xmlGetLineNo(c);
            }
            const char *lh = attr(r, c, "line-height");
            if (lh && (lay_parse_number(lh, &d->line_height) ||
                       d->line_height < 0.8 || d->line_height > 3))
                return fail(r, c, "line-height=\"%s\" måste vara ett tal "
                            "mellan 0.8 och 3", lh);
            if (d->font_size < 6 || d->font_size > 24)
                return fail(r, c, "size måste ligga mellan 6pt och 24pt");
        } else if (is_el(c, "header")) {
            if (read_running(r, c, d->header))
                return -1;
        } else if (is_el(c, "footer")) {
            if (read_running(r, c, d->footer))
                return -1;
        } else if (is_el(c, "body")) {
            static const char *const none[] = {NULL};
            seen_body = true;
            if (check_attrs(r, c, none) || read_blocks(r, c, &d->body))
                return -1;
        } else if (check_other(r, root, c)) {
            return -1;
        }
    }
    if (!seen_body)
        return fail(r, root, "<document> saknar <body>");
    for (struct idref *ref = r->refs; ref; ref = ref->next) {
        if (!lay_idset_has(&r->ids, ref->name)) {
            fail_line(r, ref->line, "ref=\"%s\" pekar inte på något id",
                      ref->name);
            return -1;
        }
    }
    return 0;
}

lay_doc *lay_read(xmlDocPtr doc, long *errline, char **err)
{
    *err = NULL;
    *errline = 0;
    rd r = {0};
    r.d = calloc(1, sizeof(lay_doc));
    if (!r.d || !(r.d->arena = lay_arena_new())) {
        free(r.d);
        *err = strdup("slut på minne");
        *errline = -1;
        return NULL;
    }
    lay_doc *d = r.d;
    d->page_w = 595.276;
    d->page_h = 841.890;
    d->margin_top = 20 * 72 / 25.4;
    d->margin_bottom = 22 * 72 / 25.4;
    d->margin_left = d->margin_right = 25 * 72 / 25.4;
    d->font_family = "Liberation Sans";
    d->font_size = 10.5;
    d->line_height = 1.35;
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root)
        fail(&r, NULL, "dokumentet är tomt");
    else if (!is_el(root, "document"))
        fail(&r, root, "rotelementet måste vara <document> i namnrymden %s",
             LAY_NS);
    else
        read_document(&r, root);
    lay_idset_free(&r.ids);
    if (r.failed) {
        lay_free(d);
        *err = r.err ? r.err : strdup("slut på minne");
        *errline = r.err ? r.line : -1;
        return NULL;
    }
    return d;
}

void lay_free(lay_doc *d)
{
    if (!d)
        return;
    lay_arena_free(d->arena);
    free(d);
}
