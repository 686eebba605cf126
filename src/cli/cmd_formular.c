/*
 * cmd_formular.c - `vastbus formular`: one self-contained HTML form in
 * which a group writes its report without seeing XML.
 *
 * The page is templates/formular/formular.html with its stylesheet and
 * script (templates/formular/formular.css, formular.js) put inline, and one
 * JSON block of data the script works from:
 *   - the report to start from (blank, or carried over from last year's
 *     with --fran), as XML text: the form edits that document in place,
 *     so a report opened and saved again keeps everything it held;
 *   - the rule messages of src/check/messages.h and the headlines and
 *     levels of src/diag, so the form says exactly what `validera` says;
 *   - the reader's names of fields (src/xml/schema_sv.c) for blank fields;
 *   - the geography (data/geografi.xml, as loaded);
 *   - xslt/rapport-html.xsl made self-contained (gemensam.xsl and the CSS
 *     put inline), which the browser runs for the preview: the same page
 *     `vastbus html` makes.
 * Nothing is fetched when the page runs: no network, no other file.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "check/messages.h"
#include "cli/cli.h"
#include "diag/diag.h"
#include "geo/geo.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/space.h"
#include "xml/load.h"
#include "xml/schema_sv.h"
#include "util/termtext.h"

#define REPORT_NS "urn:vastbus:arsberattelse:1"
#define XSL_NS "http://www.w3.org/1999/XSL/Transform"
#define TEMPLATE_MAX (4u * 1024u * 1024u)

static const char usage[] =
	"Användning: vastbus formular [--kommun KOMMUN [--stadsdel STADSDEL]]\n"
	"                             [--ar ÅR] [--fran FÖRRA.xml] [-o FIL]\n"
	"\n"
	"Skriver ett formulär (en enda HTML-fil) där gruppen fyller i sin\n"
	"årsberättelse utan att se någon XML. Formuläret kontrollerar fälten\n"
	"med samma regler och meddelanden som `vastbus validera`, sparar\n"
	"berättelsen som XML, öppnar en sparad berättelse igen och visar hur\n"
	"den kommer att se ut. Det fungerar öppnat direkt från disken, utan\n"
	"nätverk.\n"
	"\n"
	"  --kommun, --stadsdel, --ar  fylls i från början\n"
	"  --fran FÖRRA.xml            förra årets berättelse: gruppens namn,\n"
	"                              kontaktperson och medlemmar förs över\n"
	"  -o FIL                      skriv formuläret till FIL (annars\n"
	"                              standard ut)\n"
	"\n"
	"Exempel: vastbus formular --fran ale-2018.xml --ar 2019 -o ale.html\n";

/* ---- a growing string ---- */

struct sb {
	char *p;
	size_t n, cap;
};

static void
sb_addn(struct sb *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (b->n + n + 1 > cap)
			cap *= 2;
		b->p = vb_reallocarray(b->p, cap, 1);
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
sb_add(struct sb *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

static void __attribute__((format(printf, 2, 3)))
sb_printf(struct sb *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vb_vasprintf(fmt, ap);
	va_end(ap);
	sb_add(b, s);
	free(s);
}

/* A JSON string. '<', '>' and '&' are escaped too, so the data can sit
 * in a <script> element whatever it holds ("</script>", "<!--"). */
static void
sb_json(struct sb *b, const char *s)
{
	sb_add(b, "\"");
	for (const unsigned char *p = (const unsigned char *)(s ? s : "");
	     *p; p++) {
		switch (*p) {
		case '"': sb_add(b, "\\\""); break;
		case '\\': sb_add(b, "\\\\"); break;
		case '\n': sb_add(b, "\\n"); break;
		case '\r': sb_add(b, "\\r"); break;
		case '\t': sb_add(b, "\\t"); break;
		case '<': case '>': case '&':
			sb_printf(b, "\\u%04x", *p);
			break;
		default:
			if (*p < 0x20)
				sb_printf(b, "\\u%04x", *p);
			else
				sb_addn(b, (const char *)p, 1);
		}
	}
	sb_add(b, "\"");
}

/* XML text or attribute value. */
static void
sb_xml(struct sb *b, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '<': sb_add(b, "&lt;"); break;
		case '>': sb_add(b, "&gt;"); break;
		case '&': sb_add(b, "&amp;"); break;
		case '"': sb_add(b, "&quot;"); break;
		default: sb_addn(b, p, 1);
		}
	}
}

/* ---- last year's report ---- */

static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->ns &&
		    xmlStrEqual(c->ns->href, (const xmlChar *)REPORT_NS) &&
		    xmlStrEqual(c->name, (const xmlChar *)name))
			return c;
	return NULL;
}

/* The whitespace-collapsed text of n's child name ("" when absent). */
static char *
text_of(xmlNodePtr n, const char *name)
{
	xmlNodePtr c = child(n, name);
	xmlChar *v = c ? xmlNodeGetContent(c) : NULL;
	char *s = vb_collapsed((const char *)v);
	xmlFree(v);
	return s;
}

static char *
attr_of(xmlNodePtr n, const char *name)
{
	xmlChar *v = n ? xmlGetNoNsProp(n, (const xmlChar *)name) : NULL;
	char *s = vb_strdup(v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

/* <name>text</name> on its own line at the given indent. */
static void
sb_el(struct sb *b, const char *indent, const char *name, const char *text)
{
	sb_printf(b, "%s<%s>", indent, name);
	sb_xml(b, text);
	sb_printf(b, "</%s>\n", name);
}

static void
sb_el_from(struct sb *b, const char *indent, xmlNodePtr from,
	   const char *name)
{
	char *t = text_of(from, name);
	sb_el(b, indent, name, t);
	free(t);
}

/*
 * The report the form starts from, in the layout of `vastbus mall`. From
 * last year's report (prev, may be NULL) the group's name and subregion,
 * the contact person and the members carry over; the year, the hand-in
 * date, the meetings, the training and the deviations do not. kommun and
 * stadsdel given on the command line win over last year's.
 */
static char *
start_report(xmlDocPtr prev, const char *kommun, const char *stadsdel,
	     const char *delregion, const char *ar)
{
	xmlNodePtr root = prev ? xmlDocGetRootElement(prev) : NULL;
	xmlNodePtr grupp = child(root, "grupp");
	xmlNodePtr kontakt = child(child(root, "inlamning"), "kontaktperson");
	struct sb b = { 0 };

	sb_add(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<arsberattelse xmlns=\"" REPORT_NS "\" ar=\"");
	sb_xml(&b, ar);
	sb_add(&b, "\" version=\"1\">\n  <grupp>\n");
	sb_el_from(&b, "    ", grupp, "namn");
	char *k = kommun ? vb_strdup(kommun) : text_of(grupp, "kommun");
	char *s = stadsdel ? vb_strdup(stadsdel)
			   : kommun ? vb_strdup("") : text_of(grupp, "stadsdel");
	char *d = delregion ? vb_strdup(delregion) : text_of(grupp, "delregion");
	sb_el(&b, "    ", "kommun", k);
	if (*s)
		sb_el(&b, "    ", "stadsdel", s);
	sb_el(&b, "    ", "delregion", d);
	free(k);
	free(s);
	free(d);
	sb_add(&b, "  </grupp>\n  <inlamning datum=\"\">\n    <kontaktperson>\n");
	sb_el_from(&b, "      ", kontakt, "namn");
	sb_el_from(&b, "      ", kontakt, "epost");
	char *tel = text_of(kontakt, "telefon");
	if (*tel)
		sb_el(&b, "      ", "telefon", tel);
	free(tel);
	sb_add(&b, "    </kontaktperson>\n  </inlamning>\n  <sammansattning>\n");

	xmlNodePtr sam = child(root, "sammansattning");
	int members = 0;
	for (xmlNodePtr m = sam ? sam->children : NULL; m; m = m->next) {
		if (m->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(m->name, (const xmlChar *)"medlem"))
			continue;
		char *roll = attr_of(m, "roll");
		sb_add(&b, "    <medlem roll=\"");
		sb_xml(&b, roll);
		sb_add(&b, "\">\n");
		free(roll);
		static const char *const fields[] = { "namn", "funktion",
			"organisation", "verksamhet", "huvudman" };
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			sb_el_from(&b, "      ", m, fields[i]);
		sb_add(&b, "    </medlem>\n");
		members++;
	}
	if (members == 0) {
		/* One row to start from, the chair, as in `vastbus mall`. */
		sb_add(&b, "    <medlem roll=\"ordforande\">\n");
		static const char *const fields[] = { "namn", "funktion",
			"organisation", "verksamhet", "huvudman" };
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			sb_el(&b, "      ", fields[i], "");
		sb_add(&b, "    </medlem>\n");
	}
	sb_add(&b, "  </sammansattning>\n"
		   "  <moten antal=\"\">\n  </moten>\n"
		   "  <utbildningsinsatser>\n  </utbildningsinsatser>\n"
		   "  <avvikelser antal=\"\">\n  </avvikelser>\n"
		   "</arsberattelse>\n");
	return b.p;
}

/* ---- the preview stylesheet, self-contained ---- */

static int
is_xsl(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, (const xmlChar *)XSL_NS) &&
	       xmlStrEqual(n->name, (const xmlChar *)name);
}

/* xslt/rapport-html.xsl with each xsl:include replaced by the included
 * stylesheet's top-level elements and the $css variable by the CSS text
 * itself: the browser's XSLTProcessor can load no other file. */
static char *
preview_xslt(struct vb_ctx *ctx, struct vb_diags *d)
{
	char *path = vb_ctx_path(ctx, "xslt/rapport-html.xsl");
	xmlDocPtr doc = vb_xml_load(path, d);
	free(path);
	if (doc == NULL)
		return NULL;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	int ok = 1;
	xmlNodePtr next;
	for (xmlNodePtr n = root->children; n; n = next) {
		next = n->next;
		if (is_xsl(n, "include")) {
			xmlChar *href = xmlGetNoNsProp(n, (const xmlChar *)"href");
			char *rel = vb_asprintf("xslt/%s", href ? (char *)href : "");
			xmlFree(href);
			char *ip = vb_ctx_path(ctx, rel);
			free(rel);
			xmlDocPtr inc = strstr(ip, "..") ? NULL : vb_xml_load(ip, d);
			free(ip);
			if (inc == NULL) {
				ok = 0;
				break;
			}
			xmlNodePtr iroot = xmlDocGetRootElement(inc);
			for (xmlNodePtr c = iroot->children; c; c = c->next) {
				if (c->type != XML_ELEMENT_NODE)
					continue;
				xmlNodePtr copy = xmlDocCopyNode(c, doc, 1);
				xmlAddPrevSibling(n, copy);
			}
			xmlFreeDoc(inc);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		} else if (is_xsl(n, "variable")) {
			xmlChar *name = xmlGetNoNsProp(n, (const xmlChar *)"name");
			int css = name && xmlStrEqual(name, (const xmlChar *)"css");
			xmlFree(name);
			if (!css)
				continue;
			char *sp = vb_ctx_path(ctx, "templates/stil.xml");
			xmlDocPtr stil = vb_xml_load(sp, d);
			free(sp);
			if (stil == NULL) {
				ok = 0;
				break;
			}
			xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(stil));
			xmlUnsetProp(n, (const xmlChar *)"select");
			xmlNodeAddContent(n, text);
			xmlFree(text);
			xmlFreeDoc(stil);
		}
	}
	xmlReconciliateNs(doc, root);
	char *out = NULL;
	if (ok) {
		xmlChar *mem = NULL;
		int len = 0;
		xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
		out = mem ? vb_strndup((const char *)mem, (size_t)len) : NULL;
		xmlFree(mem);
	}
	xmlFreeDoc(doc);
	return out;
}

/* ---- the data block ---- */

static void
sb_geo(struct sb *b, const struct vb_geo *g)
{
	sb_add(b, "{\"delregioner\":[");
	for (size_t i = 0; g && i < g->ndelregioner; i++) {
		sb_add(b, i ? ",{\"id\":" : "{\"id\":");
		sb_json(b, g->delregioner[i].id);
		sb_add(b, ",\"namn\":");
		sb_json(b, g->delregioner[i].namn);
		sb_add(b, "}");
	}
	sb_add(b, "],\"kommuner\":[");
	for (size_t i = 0; g && i < g->nkommuner; i++) {
		const struct vb_geo_kommun *k = &g->kommuner[i];
		sb_add(b, i ? ",{\"namn\":" : "{\"namn\":");
		sb_json(b, k->namn);
		sb_add(b, ",\"tillhor\":[");
		for (size_t j = 0; j < k->ntillhor; j++) {
			sb_add(b, j ? ",[" : "[");
			sb_json(b, k->tillhor[j].namn);
			sb_printf(b, ",%d,%d]", k->tillhor[j].fran,
				  k->tillhor[j].till);
		}
		sb_add(b, "],\"stadsdelar\":[");
		for (size_t j = 0; j < k->nstadsdelar; j++) {
			sb_add(b, j ? ",[" : "[");
			sb_json(b, k->stadsdelar[j].namn);
			sb_printf(b, ",%d,%d]", k->stadsdelar[j].fran,
				  k->stadsdelar[j].till);
		}
		sb_add(b, "]}");
	}
	sb_add(b, "]}");
}

/* Element (name, parent) and attribute (name, element) pairs the form
 * names when a field is blank or wrong. */
static const char *const element_terms[][2] = {
	{ "namn", "grupp" }, { "kommun", "grupp" }, { "stadsdel", "grupp" },
	{ "delregion", "grupp" }, { "namn", "kontaktperson" },
	{ "epost", "kontaktperson" }, { "telefon", "kontaktperson" },
	{ "namn", "medlem" }, { "funktion", "medlem" },
	{ "organisation", "medlem" }, { "verksamhet", "medlem" },
	{ "huvudman", "medlem" }, { "titel", "insats" },
	{ "malgrupp", "insats" }, { "arrangor", "insats" },
	{ "beskrivning", "insats" }, { "beskrivning", "avvikelse" },
	{ "rapporterande", "avvikelse" }, { "berord", "avvikelse" },
	{ "atgard", "avvikelse" }, { "stycke", "analys" },
	{ "stycke", "reflektion" }, { "stycke", "planering" },
	{ "stycke", "beskrivning" }, { "mote", "moten" },
	{ "arsberattelse", NULL }, { "inlamning", "arsberattelse" },
	{ "medlem", "sammansattning" }, { "moten", "arsberattelse" },
	{ "insats", "utbildningsinsatser" }, { "avvikelser", "arsberattelse" },
	{ "avvikelse", "avvikelser" },
};
static const char *const attribute_terms[][2] = {
	{ "ar", "arsberattelse" }, { "datum", "inlamning" },
	{ "datum", "mote" }, { "datum", "insats" }, { "datum", "avvikelse" },
	{ "antal", "moten" }, { "antal", "avvikelser" }, { "roll", "medlem" },
	{ "kategori", "avvikelse" }, { "status", "avvikelse" },
	{ "systemfel", "avvikelse" }, { "deltagare", "insats" },
	{ "verksamhet", "rapporterande" }, { "verksamhet", "berord" },
};

#define NELEMS(a) (sizeof(a) / sizeof((a)[0]))

static void
sb_terms(struct sb *b)
{
	sb_add(b, "{");
	for (size_t i = 0; i < NELEMS(element_terms); i++) {
		const char *t = vb_element_term(element_terms[i][0],
						element_terms[i][1]);
		sb_printf(b, "%s\"%s/%s\":", i ? "," : "",
			  element_terms[i][1] ? element_terms[i][1] : "",
			  element_terms[i][0]);
		sb_json(b, t ? t : element_terms[i][0]);
	}
	for (size_t i = 0; i < NELEMS(attribute_terms); i++) {
		const char *t = vb_attribute_term(attribute_terms[i][0],
						  attribute_terms[i][1]);
		sb_printf(b, ",\"%s/@%s\":", attribute_terms[i][1],
			  attribute_terms[i][0]);
		sb_json(b, t ? t : attribute_terms[i][0]);
	}
	sb_add(b, "}");
}

static void
sb_diags(struct sb *b)
{
	/* The headline and level of each rule finding, by the name the
	 * form's checks use. */
	static const struct {
		const char *name;
		enum vb_diag_code code;
	} codes[] = {
		{ "LATE", VB_W_LATE }, { "DELREGION_PAIR", VB_W_DELREGION },
		{ "PRINCIPALS", VB_W_PRINCIPALS },
		{ "STADSDEL_MISSING", VB_W_STADSDEL_MISSING },
		{ "SCHEMA", VB_E_SCHEMA }, { "BLANK", VB_E_BLANK },
		{ "COUNT_MOTEN", VB_E_COUNT_MOTEN },
		{ "COUNT_AVVIKELSER", VB_E_COUNT_AVVIKELSER },
		{ "DATE_OUTSIDE_YEAR", VB_E_DATE_OUTSIDE_YEAR },
		{ "HANDIN_TOO_EARLY", VB_E_HANDIN_TOO_EARLY },
		{ "NO_CHAIR", VB_E_NO_CHAIR },
		{ "MANY_CHAIRS", VB_E_MANY_CHAIRS },
		{ "KOMMUN", VB_E_KOMMUN },
		{ "STADSDEL_NOT_GBG", VB_E_STADSDEL_NOT_GBG },
		{ "STADSDEL", VB_E_STADSDEL }, { "DELREGION", VB_E_DELREGION },
		{ "NO_ANALYSIS", VB_E_NO_ANALYSIS },
		{ "PERSONNUMMER", VB_E_PERSONNUMMER },
		{ "XML", VB_E_XML }, { "DTD", VB_E_DTD },
		{ "ENCODING", VB_E_ENCODING }, { "TOO_BIG", VB_E_TOO_BIG },
		{ "EMPTY_FILE", VB_E_EMPTY_FILE },
		{ "NOT_REPORT", VB_E_NOT_REPORT },
	};
	sb_add(b, "{");
	for (size_t i = 0; i < NELEMS(codes); i++) {
		sb_printf(b, "%s\"%s\":{\"niva\":", i ? "," : "",
			  codes[i].name);
		sb_json(b, vb_level_name(vb_diag_level(codes[i].code)));
		sb_add(b, ",\"rubrik\":");
		sb_json(b, vb_diag_text(codes[i].code));
		sb_add(b, "}");
	}
	sb_add(b, "}");
}

static char *
data_block(const char *report, const char *xslt, const struct vb_geo *geo,
	   const char *kommun, const char *stadsdel, const char *ar)
{
	struct sb b = { 0 };
	sb_add(&b, "{\"rapport\":");
	sb_json(&b, report);
	sb_add(&b, ",\"xslt\":");
	sb_json(&b, xslt);
	sb_add(&b, ",\"meddelanden\":{");
	for (size_t i = 0; i < ck_nmessages; i++) {
		sb_add(&b, i ? "," : "");
		sb_json(&b, ck_messages[i].name);
		sb_add(&b, ":");
		sb_json(&b, ck_messages[i].text);
	}
	sb_add(&b, "},\"pnrAvsnitt\":[");
	for (size_t i = 0; i < ck_npnr_sections; i++) {
		sb_add(&b, i ? ",[" : "[");
		sb_json(&b, ck_pnr_sections[i].el);
		sb_add(&b, ",");
		sb_json(&b, ck_pnr_sections[i].sv);
		sb_add(&b, "]");
	}
	sb_add(&b, "],\"pnrFalt\":[");
	for (size_t i = 0; i < ck_npnr_fields; i++) {
		sb_add(&b, i ? ",[" : "[");
		sb_json(&b, ck_pnr_fields[i].el);
		sb_add(&b, ",");
		sb_json(&b, ck_pnr_fields[i].sv);
		sb_add(&b, "]");
	}
	sb_add(&b, "],\"diag\":");
	sb_diags(&b);
	sb_add(&b, ",\"termer\":");
	sb_terms(&b);
	sb_add(&b, ",\"geografi\":");
	sb_geo(&b, geo);
	sb_add(&b, ",\"givet\":{\"kommun\":");
	sb_json(&b, kommun ? kommun : "");
	sb_add(&b, ",\"stadsdel\":");
	sb_json(&b, stadsdel ? stadsdel : "");
	sb_add(&b, ",\"ar\":");
	sb_json(&b, ar ? ar : "");
	sb_add(&b, "}}");
	return b.p;
}

/* ---- the page ---- */

static char *
read_template(struct vb_ctx *ctx, const char *rel, struct vb_diags *d)
{
	char *path = vb_ctx_path(ctx, rel), *buf = NULL;
	size_t len = 0;
	if (vb_read_file(path, TEMPLATE_MAX, &buf, &len) != 0) {
		vb_diag(d, VB_S_DATA, 0, "kan inte läsa %s: %s", path,
			vb_strerror_sv(errno));
		buf = NULL;
	}
	free(path);
	return buf;
}

/* Copies tpl into b with each @NAME@ placeholder replaced. */
static void
fill(struct sb *b, const char *tpl, const char *const vars[][2], size_t n)
{
	const char *p = tpl;
	while (*p) {
		const char *at = strchr(p, '@');
		if (at == NULL) {
			sb_add(b, p);
			return;
		}
		sb_addn(b, p, (size_t)(at - p));
		size_t i;
		for (i = 0; i < n; i++) {
			size_t k = strlen(vars[i][0]);
			if (strncmp(at, vars[i][0], k) == 0) {
				sb_add(b, vars[i][1]);
				p = at + k;
				break;
			}
		}
		if (i == n) {
			sb_add(b, "@");
			p = at + 1;
		}
	}
}

static int
parse_year(const char *s)
{
	if (s == NULL || strlen(s) != 4)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	return atoi(s) > 0 ? 0 : -1;
}

int
vb_cmd_formular(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kommun", required_argument, NULL, 'k' },
		{ "stadsdel", required_argument, NULL, 's' },
		{ "ar", required_argument, NULL, 'a' },
		{ "år", required_argument, NULL, 'a' },
		{ "fran", required_argument, NULL, 'f' },
		{ "från", required_argument, NULL, 'f' },
		{ "utfil", required_argument, NULL, 'o' },
		{ "hjalp", no_argument, NULL, 'h' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *kommun = NULL, *stadsdel = NULL, *ar = NULL, *fran = NULL,
		   *out = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "k:s:a:f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'k': kommun = optarg; break;
		case 's': stadsdel = optarg; break;
		case 'a': ar = optarg; break;
		case 'f': fran = optarg; break;
		case 'o': out = optarg; break;
		case 'h':
			fputs(usage, stdout);
			return VB_EXIT_OK;
		default:
			return vb_bad_option("formular", "k:s:a:f:o:h", longopts, argv, usage);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "vastbus formular: oväntat argument '%s'\n%s",
			vb_term(argv[optind]), usage);
		return VB_EXIT_USAGE;
	}
	if (stadsdel && !kommun) {
		fprintf(stderr, "vastbus formular: --stadsdel kräver --kommun\n%s",
			usage);
		return VB_EXIT_USAGE;
	}
	if (ar && parse_year(ar) != 0) {
		fprintf(stderr, "vastbus formular: året ska skrivas med fyra siffror, t.ex. 2019, inte '%s'\n",
			vb_term(ar));
		return VB_EXIT_USAGE;
	}

	struct vb_diags d;
	vb_diags_init(&d, "vastbus formular");
	int rc = VB_EXIT_OK;
	xmlDocPtr prev = NULL;
	char *year = ar ? vb_strdup(ar) : NULL;
	const char *delregion = NULL;
	const struct vb_geo *geo = vb_ctx_geo(ctx, &d);

	if (kommun && geo && !vb_geo_has_kommun(geo, kommun)) {
		fprintf(stderr, "vastbus formular: \"%s\" är inte en av Västra Götalands %zu kommuner; skriv namnet som kommunen själv stavar det, t.ex. Lilla Edet eller Öckerö\n",
			vb_term(kommun), geo->nkommuner);
		vb_diags_free(&d);
		free(year);
		return VB_EXIT_USAGE;
	}
	if (fran) {
		/* Last year's report is read as any input: safely, and it
		 * must at least be a report. Its own findings do not stop
		 * the form (the group corrects them there). */
		struct vb_diags pd;
		vb_diags_init(&pd, fran);
		prev = vb_xml_load(fran, &pd);
		xmlNodePtr r = prev ? xmlDocGetRootElement(prev) : NULL;
		if (prev && !(r && r->ns &&
			      xmlStrEqual(r->ns->href, (const xmlChar *)REPORT_NS) &&
			      xmlStrEqual(r->name, (const xmlChar *)"arsberattelse")))
			vb_diag(&pd, VB_E_NOT_REPORT, 0,
				"förra årets fil ska vara en årsberättelse");
		if (pd.worst >= VB_LEVEL_ERROR && (prev == NULL || r == NULL ||
		    vb_diags_has(&pd, VB_E_NOT_REPORT))) {
			vb_diags_print(&pd, stderr);
			rc = vb_exit_worse(VB_EXIT_INVALID, vb_exit_status(&pd));
			vb_diags_free(&pd);
			xmlFreeDoc(prev);
			vb_diags_free(&d);
			free(year);
			return rc;
		}
		vb_diags_free(&pd);
		if (year == NULL) {
			char *pa = attr_of(r, "ar");
			if (parse_year(pa) == 0)
				year = vb_asprintf("%d", atoi(pa) + 1);
			free(pa);
		}
	}
	/* The subregion, when the data names exactly one for the place. */
	if (kommun && geo && year) {
		const char *list[8];
		if (vb_geo_delregioner_for(geo, kommun, atoi(year), list, 8) == 1)
			delregion = list[0];
	}

	char *report = start_report(prev, kommun, stadsdel, delregion,
				    year ? year : "");
	char *xslt = preview_xslt(ctx, &d);
	char *tpl = read_template(ctx, "templates/formular/formular.html", &d);
	char *css = read_template(ctx, "templates/formular/formular.css", &d);
	char *js = read_template(ctx, "templates/formular/formular.js", &d);
	if (xslt && tpl && css && js && (strstr(js, "</script") ||
					 strstr(css, "</style"))) {
		vb_diag(&d, VB_S_DATA, 0,
			"templates/formular: skriptet eller stilmallen innehåller en sluttagg");
		rc = VB_EXIT_SYSTEM;
	} else if (!(xslt && tpl && css && js && geo)) {
		rc = VB_EXIT_SYSTEM;
	} else {
		char *data = data_block(report, xslt, geo, kommun, stadsdel,
					year);
		const char *const vars[][2] = {
			{ "@CSS@", css }, { "@JS@", js }, { "@DATA@", data },
		};
		struct sb page = { 0 };
		fill(&page, tpl, vars, NELEMS(vars));
		if (out == NULL) {
			vb_stdout_write(page.p, page.n);	/* checked at exit */
		} else {
			vb_write_output(out, page.p, page.n, &d);
		}
		free(page.p);
		free(data);
	}
	vb_diags_print(&d, stderr);
	rc = vb_exit_worse(rc, vb_exit_status(&d));
	vb_diags_free(&d);
	free(report);
	free(xslt);
	free(tpl);
	free(css);
	free(js);
	free(year);
	xmlFreeDoc(prev);
	return rc;
}
