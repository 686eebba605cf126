/* test_pdf_glyphsets.c - every set of glyphs gives a PDF (finding F2 in
 * doc/fuzzing.md).
 *
 * libharu 2.3.0 cannot seek to the very end of a memory stream whose size
 * is a whole number of its buffers (HPDF_INVALID_OBJECT, 0x1033). Whether
 * it had to depended only on which glyphs a face used: a composite glyph
 * (å ä ö é …) last in the subset, with a glyf table of a length divisible
 * by 4, or a rebuilt font of exactly 4 KiB (src/pdf/pdf_font.c). So
 * "Föreq" or a bold "Rubrikä" gave no PDF at all.
 *
 * Brute force: random short strings of Swedish letters, digits and
 * punctuation (fixed seed), one per face (regular, bold, italic, bold
 * italic) in each document, thousands of sets in all. The bulk goes
 * straight to the PDF device (pdf_write) with the text of a typeset
 * document replaced, which is where the glyph sets matter and which is
 * quick; a few hundred go the whole way through vb_render_pdf(). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ts_testutil.h"
#include "../../src/pdf/pdf.h"
#include "../../src/pipeline/pipeline.h"

/* What the strings are made of: the letters, digits and punctuation of a
 * Swedish report, and a few characters from names and typography. */
static const char *const alphabet[] = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "å", "ä",
    "ö", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
    "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "Å",
    "Ä", "Ö", "é", "É", "ü", "Ü", "0", "1", "2", "3", "4", "5", "6", "7",
    "8", "9", ".", ",", ";", ":", "!", "?", "-", "–", "—", "(", ")", "/",
    "%", "+", "§", "*", "'", "’", "”", "«", "»", "…", "€", "=", "#", "@",
    " ",
};
#define NALPHA (sizeof alphabet / sizeof alphabet[0])

/* The four faces, as paragraph attributes. */
static const int faces[4] = {TS_REGULAR, TS_BOLD, TS_ITALIC, TS_BOLDITALIC};
static const char *const face_attrs[4] = {
    "", " weight=\"bold\"", " style=\"italic\"",
    " weight=\"bold\" style=\"italic\""};
static const char *const face_names[4] = {
    "normal", "fet", "kursiv", "fet kursiv"};

#define BULK_DOCS 600       /* x 4 faces through pdf_write */
#define FULL_DOCS 50        /* x 4 faces through vb_render_pdf */
#define MAXLEN 8

static uint64_t rng = 0x5645535442555331ULL;   /* fixed: "VESTBUS1" */

static unsigned next_rand(unsigned n)
{
    /* xorshift64*: the same sequence on every machine */
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (unsigned)((rng * 0x2545F4914F6CDD1DULL) >> 33) % n;
}

/* A random string of 1..MAXLEN characters that neither starts nor ends
 * with a space (the typesetter would drop it). */
static void random_text(char *buf, size_t size)
{
    int n = 1 + (int)next_rand(MAXLEN);
    buf[0] = 0;
    for (int i = 0; i < n; i++) {
        const char *c;
        do
            c = alphabet[next_rand(NALPHA)];
        while (*c == ' ' && (i == 0 || i == n - 1));
        strncat(buf, c, size - strlen(buf) - 1);
    }
}

static int starts_and_ends_as_pdf(const unsigned char *pdf, size_t len)
{
    if (len < 100 || memcmp(pdf, "%PDF-", 5) != 0)
        return 0;
    for (size_t i = len - 8; i + 5 <= len; i++)
        if (memcmp(pdf + i, "%%EOF", 5) == 0)
            return 1;
    return 0;
}

/* A document with one paragraph per face, typeset once; its text ops
 * are then given other strings and written again and again. */
static void device_bulk(void **state)
{
    (void)state;
    tres t = typeset_str(
        "<document " NS " title=\"T\"><body>"
        "<p>Aa</p><p weight=\"bold\">Bb</p><p style=\"italic\">Cc</p>"
        "<p weight=\"bold\" style=\"italic\">Dd</p></body></document>");
    assert_non_null(t.r);
    assert_int_equal(t.r->npages, 1);
    ts_op *ops[4] = {0};
    for (ts_op *o = t.r->pages[0].ops; o; o = o->next) {
        if (o->kind != OP_TEXT)
            continue;
        for (int f = 0; f < 4; f++)
            if (o->face == faces[f]) {
                assert_null(ops[f]);    /* one text op per face */
                ops[f] = o;
            }
    }
    for (int f = 0; f < 4; f++) {
        assert_non_null(ops[f]);
        assert_true(t.r->fonts[faces[f]].used);
    }
    char text[4][MAXLEN * 4 + 1];
    int failures = 0;
    for (int d = 0; d < BULK_DOCS; d++) {
        for (int f = 0; f < 4; f++) {
            random_text(text[f], sizeof text[f]);
            ops[f]->text = text[f];
        }
        unsigned char *pdf = NULL;
        size_t len = 0;
        char *err = NULL;
        int rc = pdf_write(t.r, &pdf, &len, &err);
        if (rc != 0 || !starts_and_ends_as_pdf(pdf, len)) {
            if (failures++ < 20)
                print_error("no PDF for [%s] [%s] [%s] [%s]: %s\n",
                            text[0], text[1], text[2], text[3],
                            err ? err : "not a PDF");
        }
        free(pdf);
        free(err);
    }
    tres_free(&t);
    assert_int_equal(failures, 0);
}

/* The layout tree for four strings (the alphabet has no & or <, so they
 * go in as they are). */
static void doc_for(sb *b, char text[4][MAXLEN * 4 + 1])
{
    b->n = 0;
    sb_add(b, "<document " NS " title=\"T\"><body>");
    for (int f = 0; f < 4; f++) {
        sb_add(b, "<p");
        sb_add(b, face_attrs[f]);
        sb_add(b, ">");
        sb_add(b, text[f]);
        sb_add(b, "</p>");
    }
    sb_add(b, "</body></document>");
}

static int typeset_pdf(const char *xml, char **err)
{
    xmlDocPtr d = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL,
                                XML_PARSE_NONET);
    assert_non_null(d);
    size_t len = 0;
    struct vb_diags diags;
    vb_diags_init(&diags, "t.xml");
    unsigned char *pdf = vb_render_pdf(d, VB_LAYOUT_USER, &len, &diags);
    int rc = pdf ? 0 : -1;
    if (rc != 0 && diags.n > 0 && diags.v[0].detail)
        *err = strdup(diags.v[0].detail);
    vb_diags_free(&diags);
    xmlFreeDoc(d);
    if (rc == 0 && !starts_and_ends_as_pdf(pdf, len))
        rc = -1;
    free(pdf);
    return rc;
}

/* The same, the whole way: layout tree, typesetter, PDF. */
static void full_path(void **state)
{
    (void)state;
    sb b = {0};
    char text[4][MAXLEN * 4 + 1];
    int failures = 0;
    for (int d = 0; d < FULL_DOCS; d++) {
        for (int f = 0; f < 4; f++)
            random_text(text[f], sizeof text[f]);
        doc_for(&b, text);
        char *err = NULL;
        if (typeset_pdf(b.p, &err) != 0 && failures++ < 20)
            print_error("no PDF for %s: %s\n", b.p, err ? err : "not a PDF");
        free(err);
    }
    free(b.p);
    assert_int_equal(failures, 0);
}

/* The sets found so far, each in every face: the fuzzer's "Föreq"
 * (0x1033 at load time) and the bold "Rubrikä" the hyphen once papered
 * over; and the F1 input as it was found (libharu rebuilt its font to
 * exactly 4 KiB: "typsnittet kunde inte bäddas in"). */
static void known_sets(void **state)
{
    (void)state;
    static const char *const sets[] = {"Föreq", "Rubrikä", "Fore efter"};
    char *err = NULL;
    int rc = typeset_pdf(
        "<document " NS "><header><left>Västu–Åp</left><right>209</right>"
        "</header><footer><left>LnA</left><right>v <page-count/></right>"
        "</footer><body><p>FörExq=\"</p><table widths=\"20 80\"><tbody>"
        "<row><cell>abcdegfghijbcdefghj</cell><cell>ko</cell></row>"
        "</tbody></table><p>Sl.</p></body></document>", &err);
    if (rc != 0)
        print_error("no PDF for the F1 input: %s\n", err ? err : "not a PDF");
    free(err);
    assert_int_equal(rc, 0);
    sb b = {0};
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
        for (int f = 0; f < 4; f++) {
            b.n = 0;
            sb_add(&b, "<document " NS " title=\"T\"><body><p");
            sb_add(&b, face_attrs[f]);
            sb_add(&b, ">");
            sb_add(&b, sets[i]);
            sb_add(&b, "</p></body></document>");
            err = NULL;
            rc = typeset_pdf(b.p, &err);
            if (rc != 0)
                print_error("no PDF for \"%s\" (%s): %s\n", sets[i],
                            face_names[f], err ? err : "not a PDF");
            free(err);
            assert_int_equal(rc, 0);
        }
    free(b.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_sets),
        cmocka_unit_test(device_bulk),
        cmocka_unit_test(full_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
