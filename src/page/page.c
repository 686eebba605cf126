/* page.c - lookups on finished pages that both the typesetter (page
 * references in a later pass) and a device (links, page labels) need. */
#include "page.h"

#include <stdio.h>
#include <string.h>

static void roman(int v, char *out, size_t n)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9,
                              5, 4, 1};
    static const char *const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l",
                                      "xl", "x", "ix", "v", "iv", "i"};
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; i < 13 && v > 0; i++)
        while (v >= val[i] && len + 3 < n) {
            len += (size_t)snprintf(out + len, n - len, "%s", sym[i]);
            v -= val[i];
        }
}

const char *ts_page_label(const ts_result *r, int page, char *buf, size_t n)
{
    const ts_pagelabel *l = NULL;
    for (int i = 0; i < r->nlabels && r->labels[i].page <= page; i++)
        l = &r->labels[i];
    if (!l) {
        snprintf(buf, n, "%d", page + 1);
        return buf;
    }
    int v = l->start + (page - l->page);
    char num[64] = "";
    if (l->style == TS_LABEL_DECIMAL)
        snprintf(num, sizeof num, "%d", v);
    else if (l->style == TS_LABEL_ROMAN)
        roman(v, num, sizeof num);
    snprintf(buf, n, "%s%s", l->prefix ? l->prefix : "", num);
    return buf;
}

const ts_anchor *ts_result_anchor(const ts_result *r, const char *id)
{
    for (int i = 0; i < r->nanchors; i++)
        if (strcmp(r->anchors[i].id, id) == 0)
            return &r->anchors[i];
    return NULL;
}
