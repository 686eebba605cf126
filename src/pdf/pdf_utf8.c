/* pdf_utf8.c - the encoder of our fonts: libharu's "UTF-8" encoder
 * (hpdf_encoder_utf.c) without its set-up and with a direct encoding loop.
 *
 * HPDF_GetEncoder(pdf, "UTF-8") initialises a CMap encoder first, two
 * 256 x 256 tables the UTF-8 functions never read (1.4 M instructions a
 * document), and its EncodeText calls the byte-type and to-Unicode
 * functions through pointers for every byte (23 M in the 49-group book).
 * The encoder here reads the bytes exactly as libharu's does
 * (pdf_utf8_step) and writes the same UTF-16BE codes for
 * HPDF_Page_ShowText. It is registered under its own name: the PDF names
 * no encoding of ours (a Type0 font with Identity-H), so the name is only
 * libharu's key for it. */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#define ENCODER_NAME "VB-UTF-8"

bool pdf_utf8_step(pdf_utf8_state *s, HPDF_BYTE b, HPDF_UNICODE *cp)
{
    if (s->at == 0) {
        s->u[0] = b;
        s->at = 1;
        if (!(b & 0x80)) {
            s->at = s->end = 0;
        } else {
            if ((b & 0xf8) == 0xf0)
                s->end = 3;
            else if ((b & 0xf0) == 0xe0)
                s->end = 2;
            else if ((b & 0xe0) == 0xc0)
                s->end = 1;
            else
                s->at = 0;          /* a stray byte: skipped */
            return false;
        }
    } else {
        s->u[s->at] = b;
        if (s->at != s->end) {
            s->at++;
            return false;
        }
        s->at = 0;
    }
    const HPDF_BYTE *u = s->u;
    HPDF_UINT32 v;
    switch (s->end) {
    case 3:   /* libharu leaves the second byte unmasked */
        v = ((u[0] & 7u) << 18) + ((HPDF_UINT32)u[1] << 12) +
            ((u[2] & 0x3fu) << 6) + (u[3] & 0x3fu);
        break;
    case 2:
        v = ((u[0] & 0xfu) << 12) + ((u[1] & 0x3fu) << 6) + (u[2] & 0x3fu);
        break;
    case 1:
        v = ((u[0] & 0x1fu) << 6) + (u[1] & 0x3fu);
        break;
    default:
        v = u[0];
    }
    *cp = (HPDF_UNICODE)(v > 0xFFFF ? 0x20 : v);   /* beyond UCS-2: a space */
    return true;
}

/* The encoder's own state, for the byte-by-byte interface libharu's
 * other text functions would use (HPDF_Encoder_ByteType, then
 * HPDF_Encoder_ToUnicode for the character just completed). */
typedef struct {
    pdf_utf8_state s;
    HPDF_UNICODE last;
} enc_attr;

static HPDF_ByteType byte_type(HPDF_Encoder enc, HPDF_ParseText_Rec *ps)
{
    enc_attr *a = enc->attr;
    if (ps->index == 0)
        a->s.at = 0;
    HPDF_BYTE b = ps->text[ps->index++];
    return pdf_utf8_step(&a->s, b, &a->last) ? HPDF_BYTE_TYPE_SINGLE
                                             : HPDF_BYTE_TYPE_TRIAL;
}

static HPDF_UNICODE to_unicode(HPDF_Encoder enc, HPDF_UINT16 code)
{
    (void)code;   /* as libharu's: the character the bytes completed */
    return ((enc_attr *)enc->attr)->last;
}

/* The text's characters as UTF-16BE code units (malloc'd: libharu frees
 * it), one for each character completed. */
static char *encode_text(HPDF_Encoder enc, const char *text, HPDF_UINT len,
                         HPDF_UINT *length)
{
    (void)enc;
    char *out = malloc((size_t)len * 2);
    char *c = out;
    pdf_utf8_state s = {{0}, 0, 0};
    HPDF_UNICODE cp;
    for (HPDF_UINT i = 0; out && i < len; i++)
        if (pdf_utf8_step(&s, (HPDF_BYTE)text[i], &cp)) {
            *c++ = (char)(cp >> 8);
            *c++ = (char)cp;
        }
    *length = (HPDF_UINT)(c - out);
    return out;
}

static void free_enc(HPDF_Encoder enc)
{
    if (enc->attr)
        HPDF_FreeMem(enc->mmgr, enc->attr);
    enc->attr = NULL;
}

HPDF_Encoder pdf_utf8_encoder(HPDF_Doc pdf)
{
    HPDF_Encoder enc = HPDF_Doc_FindEncoder(pdf, ENCODER_NAME);
    if (enc)
        return enc;
    enc = HPDF_GetMem(pdf->mmgr, sizeof *enc);
    if (!enc)
        return NULL;
    memset(enc, 0, sizeof *enc);
    enc->attr = HPDF_GetMem(pdf->mmgr, sizeof(enc_attr));
    if (!enc->attr) {
        HPDF_FreeMem(pdf->mmgr, enc);
        return NULL;
    }
    memset(enc->attr, 0, sizeof(enc_attr));
    enc->sig_bytes = HPDF_ENCODER_SIG_BYTES;
    strcpy(enc->name, ENCODER_NAME);
    enc->mmgr = pdf->mmgr;
    enc->error = pdf->mmgr->error;
    enc->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
    enc->byte_type_fn = byte_type;
    enc->to_unicode_fn = to_unicode;
    enc->encode_text_fn = encode_text;
    enc->free_fn = free_enc;
    /* the document frees it from here on, also when this fails */
    return HPDF_Doc_RegisterEncoder(pdf, enc) == HPDF_OK ? enc : NULL;
}
