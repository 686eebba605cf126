/* sniff.c - see sniff.h. */
#include "xml/sniff.h"

#include <string.h>
#include <strings.h>

static int
starts(const unsigned char *p, size_t n, const char *magic, size_t m)
{
	return n >= m && memcmp(p, magic, m) == 0;
}

/* Every second byte zero in the first bytes: UTF-16 text (ASCII range). */
static int
utf16_pattern(const unsigned char *p, size_t n, int *le)
{
	size_t m = n < 64 ? n & ~(size_t)1 : 64;
	if (m < 4)
		return 0;
	int ev = 0, od = 0;
	for (size_t i = 0; i < m; i += 2) {
		ev += p[i] == 0;
		od += p[i + 1] == 0;
	}
	size_t half = m / 2;
	if ((size_t)od * 10 >= half * 9 && ev == 0) {
		*le = 1;
		return 1;
	}
	if ((size_t)ev * 10 >= half * 9 && od == 0) {
		*le = 0;
		return 1;
	}
	return 0;
}

/* The encoding named in the XML declaration, copied into enc (empty when
 * there is none). */
static void
declared(const char *buf, size_t len, char *enc, size_t encsz)
{
	enc[0] = '\0';
	if (len < 6 || memcmp(buf, "<?xml", 5) != 0)
		return;
	const char *end = memchr(buf, '>', len < 200 ? len : 200);
	if (!end)
		return;
	const char *p = buf;
	while (p < end && (p = memchr(p, 'e', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) > 9 && memcmp(p, "encoding", 8) == 0) {
			p += 8;
			while (p < end && (*p == ' ' || *p == '='))
				p++;
			if (p < end && (*p == '"' || *p == '\''))
				p++;
			size_t k = 0;
			while (p < end && *p != '"' && *p != '\'' &&
			       k + 1 < encsz)
				enc[k++] = *p++;
			enc[k] = '\0';
			return;
		}
		p++;
	}
}

int
vb_xml_sniff(const char *buf, size_t len, struct vb_diags *d)
{
	const unsigned char *p = (const unsigned char *)buf;
	int le;
	if (starts(p, len, "\xFF\xFE\0\0", 4) || starts(p, len, "\0\0\xFE\xFF", 4) ||
	    starts(p, len, "<\0\0\0", 4) || starts(p, len, "\0\0\0<", 4)) {
		vb_diag(d, VB_E_ENCODING, 0,
			"filen är sparad som UTF-32; spara den som UTF-8");
		return 1;
	}
	if (starts(p, len, "\xFF\xFE", 2) || starts(p, len, "\xFE\xFF", 2))
		return 0;	/* UTF-16 with a byte-order mark: the parser reads it */
	if (utf16_pattern(p, len, &le)) {
		if (starts(p, len, le ? "<\0?\0x\0m\0l\0" : "\0<\0?\0x\0m\0l", 10))
			return 0;	/* declared: the parser reads it */
		vb_diag(d, VB_E_ENCODING, 0,
			"filen är sparad som UTF-16 utan byte-ordningsmärke; spara den som UTF-8");
		return 1;
	}
	static const struct {
		const char *magic;
		size_t n;
		const char *kind;
	} kinds[] = {
		{ "%PDF-", 5, "en PDF-fil" },
		{ "PK\x03\x04", 4, "ett Word-dokument (.docx) eller en annan zip-fil" },
		{ "\xD0\xCF\x11\xE0", 4, "ett äldre Word- eller Excel-dokument (.doc, .xls)" },
		{ "{\\rtf", 5, "ett RTF-dokument" },
		{ "\x89PNG", 4, "en bild (PNG)" },
		{ "\xFF\xD8\xFF", 3, "en bild (JPEG)" },
		{ "\x1F\x8B", 2, "en komprimerad fil (gzip)" },
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (starts(p, len, kinds[i].magic, kinds[i].n)) {
			vb_diag(d, VB_E_XML, 0,
				"den ser ut att vara %s; spara årsberättelsen som XML",
				kinds[i].kind);
			return 1;
		}
	size_t i = 0;
	if (starts(p, len, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	if (i < len && p[i] != '<') {
		int binary = memchr(p, 0, len < 4096 ? len : 4096) != NULL;
		const char *kind = binary ? "en binärfil"
			: (p[i] == '{' || p[i] == '[') ? "JSON"
			: "vanlig text";
		vb_diag(d, VB_E_XML, 0,
			"den börjar inte med en tagg (<) och ser ut att vara %s; spara årsberättelsen som XML",
			kind);
		return 1;
	}
	/* Declared US-ASCII but holding other bytes (mostly UTF-8 å, ä, ö):
	 * the parser's conversion stops short and it would blame a missing
	 * end tag. */
	char enc[32];
	declared(buf, len, enc, sizeof enc);
	if (strcasecmp(enc, "US-ASCII") == 0 || strcasecmp(enc, "ASCII") == 0) {
		long line = 1;
		for (size_t k = 0; k < len; k++) {
			if (p[k] == '\n')
				line++;
			else if (p[k] >= 0x80) {
				vb_diag(d, VB_E_ENCODING, line,
					"filen säger encoding=\"%s\" men har tecken utanför ASCII (t.ex. å, ä, ö) på den här raden; skriv encoding=\"UTF-8\" och spara filen som UTF-8",
					enc);
				return 1;
			}
		}
	}
	return 0;
}
