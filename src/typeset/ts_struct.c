/* ts_struct.c - the logical structure the typesetter records beside the
 * pages (ts_result.snodes): one node per heading, paragraph, list item,
 * table cell, chart, link, table-of-contents entry, in reading order. The
 * ops each block draws carry the node's index (ts_op.sid) through
 * ctx->cur_sid; what no block draws (running header and footer, rules,
 * fills) stays 0, an artifact. The PDF device turns this into a tagged
 * PDF's structure tree. */
#include "ts.h"

#include <string.h>

int ts_snode_add(ts_ctx *c, const char *role, int parent)
{
    if (c->nsnodes == c->capsnodes) {
        int nc = c->capsnodes ? c->capsnodes * 2 : 256;
        c->snodes = ts_grow(c, c->snodes,
                            sizeof(ts_snode) * (size_t)c->capsnodes,
                            sizeof(ts_snode) * (size_t)nc);
        c->capsnodes = nc;
    }
    ts_snode *n = &c->snodes[c->nsnodes];
    memset(n, 0, sizeof *n);
    n->role = role;
    n->parent = parent;
    return c->nsnodes++;
}

static bool has_title(const lay_block *b)
{
    for (; b; b = b->next)
        if (b->kind == LB_TITLE ||
            ((b->kind == LB_BLOCK || b->kind == LB_KEEP) && has_title(b->child)))
            return true;
    return false;
}

void ts_struct_begin(ts_ctx *c, const lay_block *body)
{
    c->snodes = NULL;
    c->nsnodes = c->capsnodes = 0;
    ts_snode_add(c, "Document", -1);
    c->cur_sid = 0;
    c->toc_sid = 0;
    c->part_sid = 0;
    /* The title is H1, as in the HTML; the layout's headings (levels
     * 1..3) then sit one level below it. */
    c->heading_shift = has_title(body) ? 1 : 0;
}

const char *ts_heading_role(const ts_ctx *c, int level)
{
    static const char *const roles[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
    int l = level + c->heading_shift;
    if (l < 1)
        l = 1;
    if (l > 6)
        l = 6;
    return roles[l - 1];
}
