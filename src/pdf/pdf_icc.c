/* pdf_icc.c - a compact sRGB ICC profile (version 2.1, display class) for
 * the PDF/A output intent, built here instead of read from
 * icc-profiles-free's sRGB.icc: that file is 6.9 KB (2.5 KB compressed in
 * every PDF) for a 1024-point tone curve; this one is 532 bytes. It has
 * what a matrix/TRC RGB profile needs (ICC.1:2001-04, 6.3.1.2): desc,
 * cprt, wtpt, rXYZ gXYZ bXYZ, and one tone curve of 33 points shared by
 * rTRC gTRC bTRC (tags may share data). The colorants are sRGB's
 * primaries adapted to D50 (Bradford), as in every sRGB profile. */
#include "pdf_int.h"

#include <math.h>
#include <string.h>

#define ICC_NPTS 33

static void be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static void be16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v >> 8);
    p[1] = (unsigned char)v;
}

/* s15Fixed16Number */
static void s15(unsigned char *p, double v)
{
    be32(p, (uint32_t)(int32_t)lround(v * 65536.0));
}

/* An XYZType element: 'XYZ ', reserved, X Y Z. */
static size_t xyz(unsigned char *p, double x, double y, double z)
{
    memcpy(p, "XYZ \0\0\0\0", 8);
    s15(p + 8, x);
    s15(p + 12, y);
    s15(p + 16, z);
    return 20;
}

/* sRGB's tone curve (IEC 61966-2-1), encoded value to linear. */
static double srgb_linear(double v)
{
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

size_t pdf_icc_srgb(unsigned char out[PDF_ICC_MAX])
{
    unsigned char *p = out;
    memset(out, 0, PDF_ICC_MAX);
    static const char tags[][5] = {"desc", "cprt", "wtpt", "rXYZ", "gXYZ",
                                   "bXYZ", "rTRC", "gTRC", "bTRC"};
    enum { NTAGS = 9 };
    size_t off = 128 + 4 + 12 * NTAGS;
    size_t at[NTAGS], len[NTAGS];
    /* desc: textDescriptionType, ASCII only, empty Unicode and
     * ScriptCode parts (the ScriptCode part is 67 bytes long whatever
     * it holds) */
    static const char name[] = "sRGB";
    at[0] = off;
    memcpy(p + off, "desc", 4);
    be32(p + off + 8, sizeof name);
    memcpy(p + off + 12, name, sizeof name);
    len[0] = 12 + sizeof name + 4 + 4 + 2 + 1 + 67;
    off += (len[0] + 3) & ~(size_t)3;
    /* cprt: textType */
    static const char cprt[] = "No copyright, use freely";
    at[1] = off;
    memcpy(p + off, "text", 4);
    memcpy(p + off + 8, cprt, sizeof cprt);
    len[1] = 8 + sizeof cprt;
    off += (len[1] + 3) & ~(size_t)3;
    /* wtpt: the PCS illuminant D50, as ICC v2 display profiles that
     * adapt their colorants to D50 give it */
    at[2] = off;
    off += len[2] = xyz(p + off, 0.9642, 1.0, 0.8249);
    static const double col[3][3] = {
        {0.4360747, 0.2225045, 0.0139322},
        {0.3850649, 0.7168786, 0.0971045},
        {0.1430804, 0.0606169, 0.7141733}};
    for (int i = 0; i < 3; i++) {
        at[3 + i] = off;
        off += len[3 + i] = xyz(p + off, col[i][0], col[i][1], col[i][2]);
    }
    /* one curveType for the three channels */
    size_t curve = off;
    memcpy(p + off, "curv", 4);
    be32(p + off + 8, ICC_NPTS);
    for (int i = 0; i < ICC_NPTS; i++) {
        double y = srgb_linear((double)i / (ICC_NPTS - 1));
        be16(p + off + 12 + 2 * (size_t)i, (unsigned)lround(y * 65535.0));
    }
    size_t clen = 12 + 2 * ICC_NPTS;
    off += (clen + 3) & ~(size_t)3;
    for (int i = 6; i < 9; i++) {
        at[i] = curve;
        len[i] = clen;
    }
    /* header */
    be32(p, (uint32_t)off);
    be32(p + 8, 0x02100000);            /* version 2.1 */
    memcpy(p + 12, "mntrRGB XYZ ", 12);  /* class, colour space, PCS */
    be16(p + 24, 2000);                  /* a fixed date: same bytes */
    be16(p + 26, 1);
    be16(p + 28, 1);
    memcpy(p + 36, "acsp", 4);
    s15(p + 68, 0.9642);                 /* the PCS illuminant, D50 */
    s15(p + 72, 1.0);
    s15(p + 76, 0.8249);
    /* tag table */
    be32(p + 128, NTAGS);
    for (int i = 0; i < NTAGS; i++) {
        unsigned char *t = p + 132 + 12 * (size_t)i;
        memcpy(t, tags[i], 4);
        be32(t + 4, (uint32_t)at[i]);
        be32(t + 8, (uint32_t)len[i]);
    }
    return off;
}
