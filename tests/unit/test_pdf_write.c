/* test_pdf_write.c - vb_render_pdf(): PDF bytes with the PDF/A pieces,
 * reproducible under SOURCE_DATE_EPOCH, a fault in the tree returned as a
 * Swedish finding on its line. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <qpdf/qpdf-c.h>

#include "../../src/pipeline/pipeline.h"

static const char *doc_xml =
    "<document xmlns=\"urn:vastbus:layout:1\" title=\"Årsberättelse 2019 – Ale\""
    " author=\"Lokala Västbusgruppen i Ale\" subject=\"Västbus årsberättelse\""
    " lang=\"sv-SE\">"
    "<footer><right>Sida <page-number/> av <page-count/></right></footer>"
    "<body><heading level=\"1\" id=\"a\">1. Gruppens sammansättning</heading>"
    "<p>Åsa Lindström och Göran Öberg.</p></body></document>";

/* The PDF of a layout tree written by a user; 0, or -1 with *err the
 * first finding's detail (malloc'd) and *line its line. */
static int make_at(const char *xml, unsigned char **out, size_t *len,
                   char **err, long *line)
{
    xmlDocPtr d = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL,
                                XML_PARSE_NONET);
    assert_non_null(d);
    struct vb_diags diags;
    vb_diags_init(&diags, "t.xml");
    *out = vb_render_pdf(d, VB_LAYOUT_USER, len, &diags);
    int rc = *out ? 0 : -1;
    if (rc != 0) {
        assert_true(diags.n > 0);
        assert_true(diags.worst >= VB_LEVEL_ERROR);
        *err = strdup(diags.v[0].detail ? diags.v[0].detail : "");
        *line = diags.v[0].line;
        if (diags.v[0].code != VB_E_LAYOUT)
            *line = -1;
    }
    vb_diags_free(&diags);
    xmlFreeDoc(d);
    return rc;
}

static int make(const char *xml, unsigned char **out, size_t *len, char **err)
{
    long line = 0;
    return make_at(xml, out, len, err, &line);
}

/* Whether the PDF holds s once its objects are out of the object streams
 * and its streams uncompressed (as `qpdf --qdf` shows it): the writer packs
 * the file with qpdf, so the dictionaries are not plain bytes. */
static int contains(const unsigned char *buf, size_t len, const char *s)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    assert_false(qpdf_read_memory(q, "t.pdf", (const char *)buf,
                                  (unsigned long long)len, NULL) & QPDF_ERRORS);
    assert_false(qpdf_init_write_memory(q) & QPDF_ERRORS);
    qpdf_set_object_stream_mode(q, qpdf_o_disable);
    qpdf_set_stream_data_mode(q, qpdf_s_uncompress);
    assert_false(qpdf_write(q) & QPDF_ERRORS);
    const unsigned char *plain = qpdf_get_buffer(q);
    size_t plen = qpdf_get_buffer_length(q), n = strlen(s);
    int found = 0;
    for (size_t i = 0; !found && i + n <= plen; i++)
        found = memcmp(plain + i, s, n) == 0;
    qpdf_cleanup(&q);
    return found;
}

static void pdfa_pieces(void **state)
{
    (void)state;
    unsigned char *pdf;
    size_t len;
    char *err = NULL;
    assert_int_equal(make(doc_xml, &pdf, &len, &err), 0);
    assert_null(err);
    assert_true(len > 1000);
    assert_memory_equal(pdf, "%PDF-1.7", 8);
    assert_true(contains(pdf, len, "/OutputIntents"));
    assert_true(contains(pdf, len, "/GTS_PDFA1"));
    assert_true(contains(pdf, len, "/Metadata"));
    assert_true(contains(pdf, len, "<pdfaid:part>2</pdfaid:part>"));
    assert_true(contains(pdf, len, "<pdfuaid:part>1</pdfuaid:part>"));
    assert_true(contains(pdf, len, "/ID ["));
    assert_false(contains(pdf, len, "/CIDSet"));   /* PDF/A-2: optional */
    assert_true(contains(pdf, len, "/FontFile2"));
    assert_true(contains(pdf, len, "/Lang (sv-SE)"));
    assert_true(contains(pdf, len, "%%EOF"));
    free(pdf);
}

static void reproducible(void **state)
{
    (void)state;
    setenv("SOURCE_DATE_EPOCH", "1582200000", 1);
    unsigned char *a, *b;
    size_t la, lb;
    char *err = NULL;
    assert_int_equal(make(doc_xml, &a, &la, &err), 0);
    assert_int_equal(make(doc_xml, &b, &lb, &err), 0);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    assert_true(contains(a, la, "D:20200220120000"));
    assert_true(contains(a, la, "2020-02-20T12:00:00+00:00"));
    free(a);
    free(b);
    unsetenv("SOURCE_DATE_EPOCH");
}

static void error_in_swedish(void **state)
{
    (void)state;
    unsigned char *pdf = (unsigned char *)"x";
    size_t len = 7;
    char *err = NULL;
    long line = 0;
    int rc = make_at("<document xmlns=\"urn:vastbus:layout:1\">\n<body>\n"
                     "<p align=\"mitten\">a</p></body></document>",
                     &pdf, &len, &err, &line);
    assert_int_equal(rc, -1);
    assert_null(pdf);
    assert_int_equal(len, 0);
    assert_non_null(err);
    assert_int_equal(line, 3);
    assert_non_null(strstr(err, "align=\"mitten\""));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pdfa_pieces),
        cmocka_unit_test(reproducible),
        cmocka_unit_test(error_in_swedish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
