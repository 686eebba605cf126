/* floor.c - the benchmark's floor: what bare libharu costs for the same
 * text, with no layout decisions.
 *
 *   floor TEXT.txt OUT.pdf
 *
 * TEXT.txt is the text vastbus set (pdftotext of its PDF, made before the
 * timing). Blocks of non-empty lines become paragraphs, broken greedily at
 * spaces with no hyphenation, in Liberation Sans 10/14 pt on A4 with the
 * template's margins; a paragraph shorter than a line (a table cell, a
 * heading, a date) gets a thin rule under it, standing in for table rules.
 * One face, found through fontconfig as vastbus does; compression on.
 * Not part of vastbus: built and run only by `make bench`. */
#include <fontconfig/fontconfig.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 595.276
#define PAGE_H 841.89
#define MARGIN 56.7
#define SIZE 10.0
#define LEAD 14.0

static void on_error(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
    (void)u;
    fprintf(stderr, "floor: libharu error %04X/%u\n", (unsigned)e, (unsigned)d);
    exit(3);
}

static char *font_file(void)
{
    FcPattern *p = FcNameParse((const FcChar8 *)"Liberation Sans:style=Regular");
    FcConfigSubstitute(NULL, p, FcMatchPattern);
    FcDefaultSubstitute(p);
    FcResult r;
    FcPattern *m = FcFontMatch(NULL, p, &r);
    FcChar8 *file = NULL;
    char *out = NULL;
    if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch)
        out = strdup((const char *)file);
    if (m)
        FcPatternDestroy(m);
    FcPatternDestroy(p);
    return out;
}

typedef struct {
    HPDF_Doc pdf;
    HPDF_Font font;
    HPDF_Page page;
    double y;
    long pages;
} out_t;

static void new_page(out_t *o)
{
    o->page = HPDF_AddPage(o->pdf);
    HPDF_Page_SetWidth(o->page, PAGE_W);
    HPDF_Page_SetHeight(o->page, PAGE_H);
    HPDF_Page_SetLineWidth(o->page, 0.5);
    o->y = PAGE_H - MARGIN - SIZE;
    o->pages++;
}

static void line_out(out_t *o, const char *text, int rule)
{
    if (o->y < MARGIN)
        new_page(o);
    HPDF_Page_BeginText(o->page);
    HPDF_Page_SetFontAndSize(o->page, o->font, SIZE);
    HPDF_Page_TextOut(o->page, MARGIN, o->y, text);
    HPDF_Page_EndText(o->page);
    if (rule) {
        HPDF_Page_MoveTo(o->page, MARGIN, o->y - 4);
        HPDF_Page_LineTo(o->page, PAGE_W - MARGIN, o->y - 4);
        HPDF_Page_Stroke(o->page);
    }
    o->y -= LEAD;
}

static double width(out_t *o, const char *s, size_t n)
{
    HPDF_TextWidth tw = HPDF_Font_TextWidth(o->font, (const HPDF_BYTE *)s,
                                            (HPDF_UINT)n);
    return tw.width * SIZE / 1000.0;
}

/* Greedy lines: as many words as fit, then the next line. */
static void paragraph(out_t *o, char *text)
{
    double measure = PAGE_W - 2 * MARGIN, space = width(o, " ", 1);
    size_t len = strlen(text);
    char *line = malloc(len + 1);
    size_t ll = 0;
    double lw = 0;
    int nlines = 0;
    for (char *w = strtok(text, " "); w; w = strtok(NULL, " ")) {
        size_t wl = strlen(w);
        double ww = width(o, w, wl);
        if (ll > 0 && lw + space + ww > measure) {
            line[ll] = 0;
            line_out(o, line, 0);
            nlines++;
            ll = 0;
            lw = 0;
        }
        if (ll > 0) {
            line[ll++] = ' ';
            lw += space;
        }
        memcpy(line + ll, w, wl);
        ll += wl;
        lw += ww;
    }
    if (ll > 0) {
        line[ll] = 0;
        line_out(o, line, nlines == 0);
    }
    free(line);
    o->y -= LEAD / 2;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "användning: floor TEXT.txt UT.pdf\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 3;
    }
    char *path = font_file();
    if (!path) {
        fprintf(stderr, "floor: Liberation Sans saknas\n");
        return 3;
    }
    out_t o = {0};
    o.pdf = HPDF_New(on_error, NULL);
    HPDF_SetCompressionMode(o.pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(o.pdf);
    const char *name = HPDF_LoadTTFontFromFile(o.pdf, path, HPDF_TRUE);
    o.font = HPDF_GetFont(o.pdf, name, "UTF-8");
    new_page(&o);

    size_t cap = 4096, n = 0;
    char *para = malloc(cap);
    char *ln = NULL;
    size_t lcap = 0;
    ssize_t got;
    while ((got = getline(&ln, &lcap, in)) >= 0) {
        while (got > 0 && (ln[got - 1] == '\n' || ln[got - 1] == '\f' ||
                           ln[got - 1] == ' '))
            ln[--got] = 0;
        char *s = ln;
        while (*s == ' ' || *s == '\f')
            s++, got--;
        if (got <= 0) {
            if (n > 0) {
                para[n] = 0;
                paragraph(&o, para);
                n = 0;
            }
            continue;
        }
        if (n + (size_t)got + 2 > cap) {
            cap = 2 * (n + (size_t)got + 2);
            para = realloc(para, cap);
        }
        if (n > 0)
            para[n++] = ' ';
        memcpy(para + n, s, (size_t)got);
        n += (size_t)got;
    }
    if (n > 0) {
        para[n] = 0;
        paragraph(&o, para);
    }
    fclose(in);
    free(ln);
    free(para);
    if (HPDF_SaveToFile(o.pdf, argv[2]) != HPDF_OK)
        return 3;
    HPDF_Free(o.pdf);
    free(path);
    return 0;
}
