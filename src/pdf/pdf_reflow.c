/* pdf_reflow.c - qpdf's packed file made ready for one final
 * cross-reference stream.
 *
 * The structure tree joins the file after qpdf packed it (pdf_tags.c).
 * Written as an update section it cost a second cross-reference stream
 * and trailer, some 350 bytes: instead, qpdf's own cross-reference
 * stream is read and dropped here, the objects before it are copied in
 * order (their new offsets noted), and pdf_tree_append() writes one
 * cross-reference stream for them and the tree.
 *
 * On the way, a stream that qpdf left without a filter is deflated: qpdf
 * always writes the XMP metadata stream uncompressed (PDF/A-1, 6.7.2,
 * asked for that; PDF/A-2, 6.6.2.1, and PDF/UA-1 do not), 2 018 bytes of
 * a 3-page report's 25 923 that deflate to some 760.
 *
 * Only what qpdf writes is read: "N G obj" objects back to back after the
 * header, a stream's /Length a direct number, the cross-reference stream
 * last before "startxref". Anything else is an error, never a guess. */
#define _POSIX_C_SOURCE 200809L
#include "pdf_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

/* Level 7, not 9: on the structure tree's object streams 9 cost 236 M
 * instructions of the 49-group book (2 731 M) for 577 bytes of 472 K;
 * 7 costs 105 M (measured 6-9 with callgrind; 6 saves 16 M more for
 * 1 456 more bytes). The 3-page report grows 23 928 -> 23 942 bytes. */
#define PDF_DEFLATE_LEVEL 7

int pdf_deflate(const unsigned char *in, size_t n, unsigned char **out,
                size_t *outn)
{
    uLongf zn = compressBound((uLong)n);
    unsigned char *z = malloc(zn ? zn : 1);
    if (!z || compress2(z, &zn, in, (uLong)n, PDF_DEFLATE_LEVEL) != Z_OK) {
        free(z);
        return -1;
    }
    *out = z;
    *outn = zn;
    return 0;
}

/* The end of the dictionary that starts at s ("<<"), or NULL: nested
 * dictionaries counted, strings skipped. */
static const char *dict_end(const char *s, const char *end)
{
    int depth = 0;
    while (s < end) {
        if (s + 1 < end && s[0] == '<' && s[1] == '<') {
            depth++;
            s += 2;
        } else if (s + 1 < end && s[0] == '>' && s[1] == '>') {
            s += 2;
            if (--depth == 0)
                return s;
        } else if (*s == '(') {
            int paren = 1;
            for (s++; s < end && paren; s++) {
                if (*s == '\\')
                    s++;
                else if (*s == '(')
                    paren++;
                else if (*s == ')')
                    paren--;
            }
        } else if (*s == '<') {
            const char *q = memchr(s, '>', (size_t)(end - s));
            if (!q)
                return NULL;
            s = q + 1;
        } else {
            s++;
        }
    }
    return NULL;
}

/* The number after key (with the space after it, so "/Length " is not
 * "/Length1") in the dictionary [d, e), or -1. */
static long dict_num(const char *d, const char *e, const char *key)
{
    size_t kl = strlen(key);
    for (const char *p = d; p + kl < e; p++)
        if (memcmp(p, key, kl) == 0) {
            char *q;
            long v = strtol(p + kl, &q, 10);
            return q == p + kl ? -1 : v;
        }
    return -1;
}

static bool dict_has(const char *d, const char *e, const char *key)
{
    size_t kl = strlen(key);
    for (const char *p = d; p + kl <= e; p++)
        if (memcmp(p, key, kl) == 0)
            return true;
    return false;
}

/* The object at off: its dictionary [*d, *de) when it has one, and its
 * stream data [*sd, *sd + *sn) when it is a stream (*sd NULL if not). */
static int parse_obj(const unsigned char *buf, size_t off, size_t end,
                     const char **d, const char **de, const char **sd,
                     size_t *sn)
{
    const char *p = (const char *)buf + off, *e = (const char *)buf + end;
    *d = *de = *sd = NULL;
    *sn = 0;
    const char *o = memchr(p, 'o', (size_t)(e - p));
    if (!o || e - o < 3 || memcmp(o, "obj", 3) != 0)
        return -1;
    p = o + 3;
    while (p < e && (*p == ' ' || *p == '\n' || *p == '\r'))
        p++;
    if (e - p < 2 || p[0] != '<' || p[1] != '<')
        return 0;   /* not a dictionary: nothing to look at */
    *d = p;
    if (!(*de = dict_end(p, e)))
        return -1;
    p = *de;
    while (p < e && (*p == ' ' || *p == '\n' || *p == '\r'))
        p++;
    if (e - p < 6 || memcmp(p, "stream", 6) != 0)
        return 0;
    p += 6;
    if (p < e && *p == '\r')
        p++;
    if (p >= e || *p != '\n')
        return -1;
    long n = dict_num(*d, *de, "/Length ");
    if (n < 0 || n > e - (p + 1))
        return -1;
    *sd = p + 1;
    *sn = (size_t)n;
    return 0;
}

/* A big-endian field of w bytes. */
static unsigned long field(const unsigned char *r, int w)
{
    unsigned long v = 0;
    for (int i = 0; i < w; i++)
        v = v << 8 | r[i];
    return v;
}

/* qpdf's cross-reference stream at xoff into ents[0..size). */
static int read_xref(const unsigned char *buf, size_t len, size_t xoff,
                     pdf_xent **ents, int *size, int *xnum)
{
    const char *d, *de, *sd;
    size_t sn;
    if (parse_obj(buf, xoff, len, &d, &de, &sd, &sn) || !sd ||
        !dict_has(d, de, "/XRef"))
        return -1;
    *xnum = atoi((const char *)buf + xoff);
    long n = dict_num(d, de, "/Size ");
    long cols_p = dict_num(d, de, "/Columns ");
    long pred = dict_num(d, de, "/Predictor ");
    const char *wk = NULL;
    for (const char *p = d; p + 3 < de && !wk; p++)
        if (memcmp(p, "/W ", 3) == 0 || memcmp(p, "/W[", 3) == 0)
            wk = p + 2;
    int w[3];
    char *q = (char *)wk;
    while (q && q < de && *q != '[')
        q++;
    for (int i = 0; i < 3 && q; i++) {
        char *r;
        w[i] = (int)strtol(q + (i == 0), &r, 10);
        q = r == q + (i == 0) ? NULL : r;
    }
    /* qpdf writes no /Index (one run from 0) and no predictor but 12 */
    if (!q || n <= 0 || n > 8388607 || dict_has(d, de, "/Index") ||
        (pred >= 0 && pred != 12) || w[0] != 1 || w[1] < 1 || w[1] > 8 ||
        w[2] < 0 || w[2] > 4)
        return -1;
    int cols = w[0] + w[1] + w[2];
    if (pred == 12 && cols_p != cols)
        return -1;
    int rowlen = cols + (pred == 12);
    size_t need = (size_t)n * (size_t)rowlen;
    unsigned char *rows = malloc(need ? need : 1);
    pdf_xent *x = calloc((size_t)n, sizeof *x);
    uLongf got = (uLongf)need;
    bool flate = dict_has(d, de, "/FlateDecode");
    int rc = -1;
    if (!rows || !x)
        goto out;
    if (flate ? uncompress(rows, &got, (const Bytef *)sd, (uLong)sn) != Z_OK
              : (sn != need ? true : (memcpy(rows, sd, sn), false)))
        goto out;
    if (got != need)
        goto out;
    unsigned char prev[16] = {0}, cur[16];
    for (long i = 0; i < n; i++) {
        const unsigned char *r = rows + (size_t)i * (size_t)rowlen;
        if (pred == 12) {
            /* PNG filters None (0) and Up (2), which qpdf writes */
            if (r[0] != 0 && r[0] != 2)
                goto out;
            for (int k = 0; k < cols; k++)
                cur[k] = (unsigned char)(r[1 + k] + (r[0] == 2 ? prev[k] : 0));
        } else {
            memcpy(cur, r, (size_t)cols);
        }
        memcpy(prev, cur, (size_t)cols);
        x[i].type = cur[0];
        x[i].f2 = field(cur + 1, w[1]);
        x[i].f3 = field(cur + 1 + w[1], w[2]);
    }
    *ents = x;
    *size = (int)n;
    x = NULL;
    rc = 0;
out:
    free(rows);
    free(x);
    return rc;
}

typedef struct obj_at {
    size_t off;
    int num;
} obj_at;

static int by_off(const void *a, const void *b)
{
    const obj_at *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Appends n bytes to the growing buffer *o (*on used, *ocap allocated). */
static int put(unsigned char **o, size_t *on, size_t *ocap, const void *s,
               size_t n)
{
    if (*on + n > *ocap) {
        size_t nc = *ocap ? *ocap : 4096;
        while (nc < *on + n)
            nc *= 2;
        unsigned char *q = realloc(*o, nc);
        if (!q)
            return -1;
        *o = q;
        *ocap = nc;
    }
    memcpy(*o + *on, s, n);
    *on += n;
    return 0;
}

int pdf_reflow(const unsigned char *buf, size_t len, long startxref,
               unsigned char **out, size_t *outn, size_t *outcap,
               pdf_xent **ents, int *size, int *xnum)
{
    *out = NULL;
    *outn = *outcap = 0;
    *ents = NULL;
    if (startxref <= 0 || (size_t)startxref >= len ||
        read_xref(buf, len, (size_t)startxref, ents, size, xnum) ||
        *xnum <= 0 || *xnum >= *size)
        goto fail;
    pdf_xent *x = *ents;
    int nobj = 0;
    for (int i = 0; i < *size; i++)
        nobj += x[i].type == 1 && i != *xnum;
    obj_at *at = malloc(((size_t)nobj + 1) * sizeof *at);
    if (!at)
        goto fail;
    nobj = 0;
    for (int i = 0; i < *size; i++)
        if (x[i].type == 1 && i != *xnum) {
            if (x[i].f2 == 0 || x[i].f2 >= (unsigned long)startxref) {
                free(at);
                goto fail;
            }
            at[nobj++] = (obj_at){x[i].f2, i};
        }
    qsort(at, (size_t)nobj, sizeof *at, by_off);
    x[*xnum].type = 0;   /* pdf_tree_append() gives the number anew */
    unsigned char *o = NULL;
    size_t on = 0, ocap = 0;
    int rc = put(&o, &on, &ocap, buf, nobj ? at[0].off : (size_t)startxref);
    for (int k = 0; k < nobj && rc == 0; k++) {
        size_t off = at[k].off;
        size_t end = k + 1 < nobj ? at[k + 1].off : (size_t)startxref;
        const char *d, *de, *sd;
        size_t sn;
        x[at[k].num].f2 = on;
        if (parse_obj(buf, off, end, &d, &de, &sd, &sn)) {
            rc = -1;
            break;
        }
        if (!sd || dict_has(d, de, "/Filter")) {
            rc = put(&o, &on, &ocap, buf + off, end - off);
            continue;
        }
        /* an unfiltered stream: deflated, its /Length the new one */
        unsigned char *z;
        size_t zn;
        if (pdf_deflate((const unsigned char *)sd, sn, &z, &zn)) {
            rc = -1;
            break;
        }
        const char *lk = d;
        while (lk + 8 <= de && memcmp(lk, "/Length ", 8) != 0)
            lk++;
        const char *lv = lk + 8;
        while (lv < de && *lv >= '0' && *lv <= '9')
            lv++;
        char num[64];
        int nl = snprintf(num, sizeof num, "/Length %zu /Filter /FlateDecode",
                          zn);
        rc = put(&o, &on, &ocap, buf + off, (size_t)(lk - (const char *)buf) - off);
        if (rc == 0)
            rc = put(&o, &on, &ocap, num, (size_t)nl);
        if (rc == 0)
            rc = put(&o, &on, &ocap, lv, (size_t)(de - lv));
        if (rc == 0)
            rc = put(&o, &on, &ocap, "\nstream\n", 8);
        if (rc == 0)
            rc = put(&o, &on, &ocap, z, zn);
        if (rc == 0)
            rc = put(&o, &on, &ocap, "\nendstream\nendobj\n", 18);
        free(z);
    }
    free(at);
    if (rc) {
        free(o);
        goto fail;
    }
    *out = o;
    *outn = on;
    *outcap = ocap;
    return 0;
fail:
    free(*ents);
    *ents = NULL;
    return -1;
}
