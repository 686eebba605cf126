/* load.c - see load.h. */
#include "xml/load.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "util/alloc.h"
#include "util/fileio.h"
#include "xml/attrcount.h"
#include "xml/sniff.h"

/* Only the first well-formedness error is worth showing: after it the
 * parser has lost its footing and what follows is noise. */
struct load_state {
	struct vb_diags *d;
	int reported;
	int doctype;
	xmlParserCtxtPtr ctxt;
};

/* The parse under way, for errors libxml2 raises without a parser
 * context (the encoding converters): see on_global_error(). */
static struct load_state *current;

/* Extracts the text between the first pair of single quotes in msg. */
static char *
quoted(const char *msg, int which)
{
	const char *p = msg;
	for (int i = 0; p && i < which; i++) {
		p = strchr(p, '\'');
		if (p)
			p = strchr(p + 1, '\'');
		if (p)
			p++;
	}
	if (p == NULL || (p = strchr(p, '\'')) == NULL)
		return NULL;
	const char *q = strchr(p + 1, '\'');
	if (q == NULL)
		return NULL;
	return vb_strndup(p + 1, (size_t)(q - p - 1));
}

/* Content after the root element: a second document pasted after the
 * first, or stray text. The parser's input shows which. */
static void
report_extra(struct load_state *st, long line)
{
	const xmlChar *cur = st->ctxt && st->ctxt->input ? st->ctxt->input->cur : NULL;
	xmlNodePtr root = st->ctxt && st->ctxt->myDoc
				  ? xmlDocGetRootElement(st->ctxt->myDoc) : NULL;
	const char *name = root ? (const char *)root->name : NULL;
	size_t nl = name ? strlen(name) : 0;
	if (cur && (xmlStrncmp(cur, (const xmlChar *)"<?xml", 5) == 0 ||
		    (name && cur[0] == '<' &&
		     xmlStrncmp(cur + 1, root->name, (int)nl) == 0 &&
		     strchr(" \t\r\n/>", cur[1 + nl]) && cur[1 + nl]))) {
		vb_diag(st->d, VB_E_XML, line,
			"ett andra dokument börjar här, efter </%s>; en fil ska innehålla ett enda dokument",
			name ? name : "");
		return;
	}
	vb_diag(st->d, VB_E_XML, line,
		"text efter dokumentets slut; allt ska ligga inom rotelementet <%s>",
		name ? name : "");
}

static void
report_parse_error(struct load_state *st, const xmlError *err)
{
	struct vb_diags *d = st->d;
	long line = err->line;
	const char *m = err->message ? err->message : "";
	char *s1 = NULL, *s2 = NULL;

	switch (err->code) {
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING:
	case XML_ERR_UNSUPPORTED_ENCODING:
		if (strstr(m, "UTF-8") || err->code != XML_ERR_INVALID_CHAR) {
			vb_diag(d, VB_E_ENCODING, line,
				"tecken som inte är giltig UTF-8 på den här raden; spara filen med teckenkodningen UTF-8");
		} else {
			vb_diag(d, VB_E_XML, line,
				"ett otillåtet tecken (t.ex. ett styrtecken) står i texten");
		}
		break;
	case XML_ERR_DOCUMENT_EMPTY:
		vb_diag(d, VB_E_EMPTY_FILE, 0, NULL);
		break;
	case XML_ERR_TAG_NAME_MISMATCH:
		s1 = quoted(m, 0);
		/* "Opening and ending tag mismatch: a line 5 and b" */
		{
			const char *p = strstr(m, "mismatch: ");
			char open[128] = "", close[128] = "";
			long oline = 0;
			if (p && sscanf(p, "mismatch: %127s line %ld and %127s",
					open, &oline, close) == 3)
				vb_diag(d, VB_E_XML, line,
					"sluttaggen </%s> passar inte ihop med starttaggen <%s> på rad %ld",
					close, open, oline);
			else
				vb_diag(d, VB_E_XML, line,
					"en sluttagg passar inte ihop med sin starttagg");
		}
		break;
	case XML_ERR_TAG_NOT_FINISHED:
		vb_diag(d, VB_E_XML, line,
			"filen tar slut innan alla element är avslutade (saknas en sluttagg?)");
		break;
	case XML_ERR_DOCUMENT_END:	/* "Extra content at the end" */
	case XML_ERR_EXTRA_CONTENT:
		report_extra(st, line);
		break;
	case XML_I18N_CONV_FAILED:
	case XML_IO_ENCODER:
	case XML_I18N_NO_HANDLER:
	case XML_I18N_NO_NAME:
	case XML_I18N_EXCESS_HANDLER:
		vb_diag(d, VB_E_ENCODING, line,
			"tecken som inte passar filens angivna teckenkodning; spara filen som UTF-8 och skriv encoding=\"UTF-8\"");
		break;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		s1 = quoted(m, 0);
		vb_diag(d, VB_E_XML, line,
			"okänd entitet &%s; — skriv tecknet direkt (filen är UTF-8) eller använd &amp; för &",
			s1 ? s1 : "");
		break;
	case XML_ERR_NAME_REQUIRED:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		vb_diag(d, VB_E_XML, line,
			"ett ensamt &-tecken; skriv &amp; i stället");
		break;
	case XML_ERR_LT_IN_ATTRIBUTE:
		vb_diag(d, VB_E_XML, line,
			"tecknet < får inte stå i ett attributvärde; skriv &lt;");
		break;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		/* The name is not quoted in libxml2's message ("Attribute ar
		 * redefined"); it is in str1, or prefix str1 and local name
		 * str2 ("xmlns:a"). */
		s1 = err->str1 && err->str2
		     ? vb_asprintf("%s:%s", err->str1, err->str2)
		     : err->str1 ? vb_strdup(err->str1) : NULL;
		if (s1 && *s1)
			vb_diag(d, VB_E_XML, line,
				"attributet %s står två gånger i samma element", s1);
		else
			vb_diag(d, VB_E_XML, line,
				"ett attribut står två gånger i samma element");
		break;
	case XML_NS_ERR_ATTRIBUTE_REDEFINED:
		/* a:x and b:x with a and b bound to one namespace */
		if (err->str1 && err->str2)
			vb_diag(d, VB_E_XML, line,
				"attributet %s står två gånger i samma element (med två prefix för samma namnrymd, %s)",
				err->str1, err->str2);
		else
			vb_diag(d, VB_E_XML, line,
				"ett attribut står två gånger i samma element (med två prefix för samma namnrymd)");
		break;
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
	case XML_ERR_STRING_NOT_CLOSED:
	case XML_ERR_STRING_NOT_STARTED:
		vb_diag(d, VB_E_XML, line,
			"ett attributvärde saknar citattecken (skriv t.ex. datum=\"2019-03-14\")");
		break;
	case XML_ERR_GT_REQUIRED:
	case XML_ERR_LTSLASH_REQUIRED:
	case XML_ERR_SPACE_REQUIRED:
	case XML_ERR_EQUAL_REQUIRED:
		vb_diag(d, VB_E_XML, line, "en tagg är inte rätt skriven");
		break;
	case XML_ERR_ENTITY_LOOP:
	case XML_ERR_ENTITY_BOUNDARY:
		vb_diag(d, VB_E_DTD, line, NULL);
		break;
	case XML_ERR_INTERNAL_ERROR:
		if (strstr(m, "Huge input lookup") || strstr(m, "Excessive depth")) {
			vb_diag(d, VB_E_TOO_BIG, line,
				"för djup nästling eller för lång text");
			break;
		}
		/* FALLTHROUGH */
	case XML_ERR_NAME_TOO_LONG:
		vb_diag(d, VB_E_TOO_BIG, line,
			"ett element- eller attributnamn är för långt");
		break;
	case XML_ERR_LT_REQUIRED:
		vb_diag(d, VB_E_XML, line, "en tagg (<) väntades här");
		break;
	case XML_ERR_COMMENT_NOT_FINISHED:
		vb_diag(d, VB_E_XML, line, "en kommentar (<!-- … -->) avslutas aldrig");
		break;
	case XML_ERR_PI_NOT_FINISHED:
	case XML_ERR_PI_NOT_STARTED:
	case XML_ERR_RESERVED_XML_NAME:
		vb_diag(d, VB_E_XML, line,
			"en bearbetningsinstruktion (<?…?>) är felskriven eller står på fel plats (<?xml …?> får bara stå först i filen)");
		break;
	case XML_ERR_CDATA_NOT_FINISHED:
		vb_diag(d, VB_E_XML, line, "ett CDATA-avsnitt avslutas aldrig");
		break;
	case XML_ERR_CHARREF_AT_EOF:
	case XML_ERR_CHARREF_IN_PROLOG:
	case XML_ERR_CHARREF_IN_EPILOG:
	case XML_ERR_CHARREF_IN_DTD:
	case XML_ERR_INVALID_CHARREF:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_HEX_CHARREF:
		vb_diag(d, VB_E_XML, line,
			"en teckenreferens (&#…;) är ogiltig eller pekar på ett otillåtet tecken");
		break;
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
	case XML_NS_ERR_QNAME:
	case XML_NS_ERR_XML_NAMESPACE:
		vb_diag(d, VB_E_XML, line,
			"ett namnrymdsprefix är okänt eller felskrivet");
		break;
	case XML_ERR_VERSION_MISSING:
	case XML_ERR_UNKNOWN_VERSION:
	case XML_ERR_XMLDECL_NOT_FINISHED:
	case XML_ERR_XMLDECL_NOT_STARTED:
	case XML_ERR_ENCODING_NAME:
	case XML_ERR_STANDALONE_VALUE:
		vb_diag(d, VB_E_XML, line,
			"XML-deklarationen på första raden är felskriven; skriv <?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		break;
	default:
		/* libxml2's own text is English: never shown. The code lets
		 * a maintainer find the cause. */
		if (strstr(m, "Excessive depth") || strstr(m, "depth"))
			vb_diag(d, VB_E_TOO_BIG, line,
				"elementen är nästlade för djupt");
		else
			vb_diag(d, VB_E_XML, line,
				"XML-strukturen är felaktig här (felkod %d från XML-tolken)",
				err->code);
		break;
	}
	free(s1);
	free(s2);
}

/* libxml2's global handlers: never print. An error raised without a
 * parser context during one of our parses is that parse's finding (the
 * first one counts, as in on_error); any other is dropped, since every
 * caller reports failure through its own return value. */
static void
on_global_error(void *user, xmlErrorPtr err)
{
	(void)user;
	struct load_state *st = current;
	if (st == NULL || err == NULL || err->level < XML_ERR_ERROR ||
	    st->reported || st->doctype)
		return;
	st->reported = 1;
	report_parse_error(st, err);
}

static void
on_generic_error(void *user, const char *msg, ...)
{
	(void)user;
	(void)msg;
}

void
vb_xml_quiet(void)
{
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	xmlSetStructuredErrorFunc(NULL, on_global_error);
}

static void
on_error(void *user, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = user;
	struct load_state *st = ctxt ? ctxt->_private : NULL;
	if (st == NULL || err == NULL)
		return;
	if (err->level < XML_ERR_ERROR)
		return;	/* warnings (e.g. namespace URI form) are not ours to pass on */
	if (st->reported || st->doctype)
		return;
	st->reported = 1;
	report_parse_error(st, err);
}

/* A document type declaration is refused outright, before its internal
 * subset is read: that is where entity bombs and external entities live,
 * and a report has no use for one. Stopping here means no entity is ever
 * declared, let alone expanded or fetched. */
static void
on_doctype(void *user, const xmlChar *name, const xmlChar *ext,
	   const xmlChar *sys)
{
	(void)name;
	(void)ext;
	(void)sys;
	xmlParserCtxtPtr ctxt = user;
	struct load_state *st = ctxt->_private;
	if (!st->doctype) {
		st->doctype = 1;
		vb_diag(st->d, VB_E_DTD, xmlSAX2GetLineNumber(ctxt),
			"ta bort raden som börjar med <!DOCTYPE");
	}
	xmlStopParser(ctxt);
}

xmlDocPtr
vb_xml_parse(const char *buf, size_t len, const char *name,
	     struct vb_diags *d)
{
	return vb_xml_parse_dict(buf, len, name, NULL, d);
}

xmlDocPtr
vb_xml_parse_dict(const char *buf, size_t len, const char *name,
		  xmlDictPtr dict, struct vb_diags *d)
{
	if (len > VB_MAX_INPUT_BYTES) {
		vb_diag(d, VB_E_TOO_BIG, 0, "största tillåtna storlek är %u MiB",
			VB_MAX_INPUT_BYTES >> 20);
		return NULL;
	}
	size_t i = 0;
	while (i < len && strchr(" \t\r\n", buf[i]) && buf[i] != '\0')
		i++;
	if (i == len) {
		vb_diag(d, VB_E_EMPTY_FILE, 0, NULL);
		return NULL;
	}
	if (vb_xml_sniff(buf, len, d) || vb_xml_attr_bound(buf, len, d))
		return NULL;

	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buf, (int)len);
	if (ctxt == NULL) {
		vb_diag(d, VB_E_XML, 0, "filen kunde inte läsas in");
		return NULL;
	}
	if (dict) {
		if (ctxt->dict)
			xmlDictFree(ctxt->dict);
		ctxt->dict = dict;
		xmlDictReference(dict);
	}
	struct load_state st = { .d = d, .ctxt = ctxt };
	ctxt->_private = &st;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->serror = on_error;
	ctxt->sax->error = NULL;
	ctxt->sax->warning = NULL;
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;
	if (ctxt->input && name)
		ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)name);
	/* NONET: never the network. No NOENT, DTDLOAD, DTDATTR or HUGE. */
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA |
				XML_PARSE_BIG_LINES);

	vb_xml_quiet();
	struct load_state *outer = current;
	current = &st;
	xmlParseDocument(ctxt);
	current = outer;

	xmlDocPtr doc = ctxt->myDoc;
	int ok = ctxt->wellFormed && !st.doctype && !st.reported;
	if (!ok && !st.reported && !st.doctype)
		vb_diag(d, VB_E_XML, 0, NULL);
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
	if (!ok) {
		xmlFreeDoc(doc);
		return NULL;
	}
	if (name) {
		xmlFree((xmlChar *)doc->URL);
		doc->URL = xmlStrdup((const xmlChar *)name);
	}
	return doc;
}

xmlDocPtr
vb_xml_load(const char *path, struct vb_diags *d)
{
	return vb_xml_load_dict(path, NULL, d);
}

xmlDocPtr
vb_xml_load_dict(const char *path, xmlDictPtr dict, struct vb_diags *d)
{
	char *buf;
	size_t len;
	int r = vb_read_file(path, VB_MAX_INPUT_BYTES, &buf, &len);
	if (r == VB_READ_NOT_REGULAR) {
		vb_diag(d, VB_S_READ, 0,
			"det är %s, inte en vanlig fil; bara vanliga filer läses",
			vb_file_kind_sv(path));
		return NULL;
	}
	if (r == VB_READ_TOO_BIG) {
		vb_diag(d, VB_E_TOO_BIG, 0, "största tillåtna storlek är %u MiB",
			VB_MAX_INPUT_BYTES >> 20);
		return NULL;
	}
	if (r != 0) {
		vb_diag(d, VB_S_READ, 0, "%s", vb_strerror_sv(errno));
		return NULL;
	}
	xmlDocPtr doc = vb_xml_parse_dict(buf, len, path, dict, d);
	free(buf);
	return doc;
}
