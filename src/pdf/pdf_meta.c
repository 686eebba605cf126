/* pdf_meta.c - metadata and the PDF/A pieces libharu 2.3.0 lacks:
 * Info dictionary in UTF-16, XMP metadata that matches it, catalog /Lang,
 * /Metadata and /OutputIntents (sRGB, pdf_icc.c), and the
 * trailer /ID. Dates come from SOURCE_DATE_EPOCH when it is set. */
#define _POSIX_C_SOURCE 200809L
#include "pdf_int.h"
#include "../util/utf8.h"
#include "../util/grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>

static const char *producer = "vastbus med Haru Free PDF Library 2.3.0";

unsigned char *pdf_text_utf16(const char *utf8, size_t *out_n)
{
    size_t len = strlen(utf8);
    unsigned char *buf = malloc(2 + len * 2 + 2);
    if (!buf)
        return NULL;
    size_t n = 0;
    buf[n++] = 0xFE;
    buf[n++] = 0xFF;
    size_t i = 0;
    uint32_t cp;
    /* libharu refuses a string over HPDF_LIMIT_MAX_STRING_LEN bytes and
     * the whole document with it: a longer text (a bookmark made of a
     * heading of a million characters) is cut at a character. */
    while (n + 2 <= HPDF_LIMIT_MAX_STRING_LEN &&
           vb_utf8_decode(utf8, len, &i, &cp)) {
        if (cp > 0xFFFF)
            cp = 0xFFFD;
        buf[n++] = (unsigned char)(cp >> 8);
        buf[n++] = (unsigned char)cp;
    }
    *out_n = n;
    return buf;
}

/* PDFDocEncoding agrees with Latin-1 on printable ASCII and on
 * U+00A1..U+00FF but U+00AD: a text made of those alone (Swedish is) is
 * written one byte a character, not two plus a byte order mark. The
 * others (an en dash is 0x85 in PDFDocEncoding, a C1 control in
 * Latin-1) keep UTF-16, which no reader can take for Latin-1. */
static bool latin1_safe(const char *utf8, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    while (vb_utf8_decode(utf8, len, &i, &cp))
        if (cp < 0x20 || (cp > 0x7E && cp < 0xA1) || cp == 0xAD || cp > 0xFF)
            return false;
    return i >= len;
}

unsigned char *pdf_text_bytes(const char *utf8, size_t *out_n)
{
    size_t len = strlen(utf8);
    if (!latin1_safe(utf8, len))
        return pdf_text_utf16(utf8, out_n);
    unsigned char *buf = malloc(len + 1);
    if (!buf)
        return NULL;
    size_t n = 0, i = 0;
    uint32_t cp;
    while (n < HPDF_LIMIT_MAX_STRING_LEN &&
           vb_utf8_decode(utf8, len, &i, &cp))
        buf[n++] = (unsigned char)cp;
    *out_n = n;
    return buf;
}

void *pdf_text_string(HPDF_Doc pdf, const char *utf8)
{
    size_t n;
    unsigned char *buf = pdf_text_bytes(utf8, &n);
    if (!buf)
        return NULL;
    HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, buf, (HPDF_UINT)n);
    free(buf);
    return b;
}

/* Appends s to a growing buffer; XML-escaped when esc is set. */
typedef struct sbuf {
    char *p;
    size_t n, cap;
    bool oom;
} sbuf;

static void put(sbuf *b, const char *s, bool esc)
{
    for (; *s; s++) {
        const char *rep = NULL;
        if (esc) {
            if (*s == '<') rep = "&lt;";
            else if (*s == '>') rep = "&gt;";
            else if (*s == '&') rep = "&amp;";
            else if (*s == '"') rep = "&quot;";
        }
        size_t need = rep ? strlen(rep) : 1;
        if (!vb_grow(&b->p, &b->cap, b->n + need + 1)) {
            b->oom = true;
            return;
        }
        if (rep) {
            memcpy(b->p + b->n, rep, need);
            b->n += need;
        } else {
            b->p[b->n++] = *s;
        }
        b->p[b->n] = 0;
    }
}

static void elem(sbuf *b, const char *open, const char *val,
                 const char *close)
{
    if (!val)
        return;
    put(b, open, false);
    put(b, val, true);
    put(b, close, false);
}

/* The XMP packet in as few bytes as PDF/A-2 and PDF/UA-1 allow (it may
 * not be compressed): one rdf:Description for every namespace, no line
 * breaks or indentation, only the properties that must mirror Info
 * (title, author, subject, keywords, producer, creator tool, dates) and
 * the identification; the pdfuaid extension schema (PDF/A asks for one
 * for every namespace it does not name) with the four fields it must
 * have, its description a short one. */
static char *xmp(const ts_result *r, const char *creator, const char *date)
{
    sbuf b = {0};
    put(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            "<rdf:Description rdf:about=\"\""
            " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
            " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
            " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
            " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
            " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""
            " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
            " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
            " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">",
        false);
    elem(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", r->title,
         "</rdf:li></rdf:Alt></dc:title>");
    elem(&b, "<dc:creator><rdf:Seq><rdf:li>", r->author,
         "</rdf:li></rdf:Seq></dc:creator>");
    elem(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
         r->subject, "</rdf:li></rdf:Alt></dc:description>");
    elem(&b, "<dc:language><rdf:Bag><rdf:li>", r->lang,
         "</rdf:li></rdf:Bag></dc:language>");
    elem(&b, "<pdf:Producer>", producer, "</pdf:Producer>");
    elem(&b, "<pdf:Keywords>", r->keywords, "</pdf:Keywords>");
    elem(&b, "<xmp:CreatorTool>", creator, "</xmp:CreatorTool>");
    elem(&b, "<xmp:CreateDate>", date, "</xmp:CreateDate>");
    elem(&b, "<xmp:ModifyDate>", date, "</xmp:ModifyDate>");
    put(&b, "<pdfaid:part>2</pdfaid:part>"
            "<pdfaid:conformance>A</pdfaid:conformance>"
            "<pdfuaid:part>1</pdfuaid:part>"
            "<pdfaExtension:schemas><rdf:Bag>"
            "<rdf:li rdf:parseType=\"Resource\">"
            "<pdfaSchema:schema>PDF/UA</pdfaSchema:schema>"
            "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
            "</pdfaSchema:namespaceURI>"
            "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
            "<pdfaSchema:property><rdf:Seq>"
            "<rdf:li rdf:parseType=\"Resource\">"
            "<pdfaProperty:name>part</pdfaProperty:name>"
            "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
            "<pdfaProperty:category>internal</pdfaProperty:category>"
            "<pdfaProperty:description>ISO 14289 part"
            "</pdfaProperty:description>"
            "</rdf:li></rdf:Seq></pdfaSchema:property>"
            "</rdf:li></rdf:Bag></pdfaExtension:schemas>"
            "</rdf:Description></rdf:RDF></x:xmpmeta>", false);
    /* No padding for in-place editing: nobody edits these files in place,
     * and it cost 1 KB per file. */
    put(&b, "<?xpacket end=\"w\"?>", false);
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

static int output_intent(HPDF_Doc pdf)
{
    unsigned char buf[PDF_ICC_MAX];
    size_t n = pdf_icc_srgb(buf);
    HPDF_Dict icc = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!icc)
        return -1;
    icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Dict_AddNumber(icc, "N", 3);
    HPDF_Stream_Write(icc->stream, buf, (HPDF_UINT)n);
    HPDF_Dict oi = HPDF_Dict_New(pdf->mmgr);
    if (!oi)
        return -1;
    HPDF_Dict_AddName(oi, "Type", "OutputIntent");
    HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
    HPDF_Dict_Add(oi, "OutputConditionIdentifier",
                  HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
    HPDF_Dict_Add(oi, "Info",
                  HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
    HPDF_Dict_Add(oi, "RegistryName",
                  HPDF_String_New(pdf->mmgr, "http://www.color.org", NULL));
    HPDF_Dict_Add(oi, "DestOutputProfile", icc);
    HPDF_Array arr = HPDF_Array_New(pdf->mmgr);
    if (!arr)
        return -1;
    HPDF_Array_Add(arr, oi);
    return HPDF_Dict_Add(pdf->catalog, "OutputIntents", arr) == HPDF_OK ? 0 : -1;
}

int pdf_meta_write(HPDF_Doc pdf, pdf_state *st, const ts_result *r,
                   time_t when, const unsigned char id[16])
{
    const char *creator = r->creator ? r->creator : "vastbus";
    struct tm tm;
    gmtime_r(&when, &tm);
    char pdfdate[96], xmpdate[96];
    snprintf(pdfdate, sizeof pdfdate, "D:%04d%02d%02d%02d%02d%02d+00'00'",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min, tm.tm_sec);
    snprintf(xmpdate, sizeof xmpdate, "%04d-%02d-%02dT%02d:%02d:%02d+00:00",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min, tm.tm_sec);

    /* Info: every text in UTF-16BE, as the XMP has it */
    HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, producer);
    HPDF_Dict info = pdf->info;
    if (!info)
        return -1;
    if (r->title)
        HPDF_Dict_Add(info, "Title", pdf_text_string(pdf, r->title));
    if (r->author)
        HPDF_Dict_Add(info, "Author", pdf_text_string(pdf, r->author));
    if (r->subject)
        HPDF_Dict_Add(info, "Subject", pdf_text_string(pdf, r->subject));
    if (r->keywords)
        HPDF_Dict_Add(info, "Keywords", pdf_text_string(pdf, r->keywords));
    HPDF_Dict_Add(info, "Creator", pdf_text_string(pdf, creator));
    HPDF_Dict_Add(info, "CreationDate",
                  HPDF_String_New(pdf->mmgr, pdfdate, NULL));
    HPDF_Dict_Add(info, "ModDate", HPDF_String_New(pdf->mmgr, pdfdate, NULL));

    /* PDF/UA wants the language always; our texts are Swedish */
    HPDF_Dict_Add(pdf->catalog, "Lang",
                  HPDF_String_New(pdf->mmgr, r->lang ? r->lang : "sv-SE",
                                  NULL));

    /* XMP: written plain, as qpdf would leave it plain anyway; it is
     * deflated after packing (pdf_reflow.c) */
    char *x = xmp(r, creator, xmpdate);
    if (!x) {
        pdf_set_err(st, "slut på minne (XMP)");
        return -1;
    }
    HPDF_Dict meta = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!meta) {
        free(x);
        return -1;
    }
    meta->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Dict_AddName(meta, "Type", "Metadata");
    HPDF_Dict_AddName(meta, "Subtype", "XML");
    HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)x,
                      (HPDF_UINT)strlen(x));
    free(x);
    HPDF_Dict_Add(pdf->catalog, "Metadata", meta);

    if (output_intent(pdf))
        return -1;

    HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
    if (!ids)
        return -1;
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id, 16));
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id, 16));
    HPDF_Dict_Add(pdf->trailer, "ID", ids);
    return 0;
}
