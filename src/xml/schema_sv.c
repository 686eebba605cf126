/*
 * schema_sv.c - Swedish for libxml2's schema-validation messages.
 *
 * libxml2 2.9 words its messages as
 *     Element '{ns}name'[, attribute 'attr']: <what is wrong>.
 * We take the element (and attribute) apart, look up the reader's term
 * for it, recognise the handful of message forms an XSD like ours can
 * produce, and say the same thing in Swedish. Anything unrecognised is
 * still reported, with the English detail, never dropped.
 */
#define _POSIX_C_SOURCE 200809L
#include "xml/schema_sv.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/valid.h>

#include "util/alloc.h"

struct term {
	const char *name;
	const char *parent;	/* NULL: any parent */
	const char *text;
};

/* The reader's names for our elements and attributes. A more specific
 * entry (with parent) must come before the general one. */
static const struct term terms[] = {
	{ "namn", "grupp", "gruppens namn (<namn>)" },
	{ "namn", "medlem", "ledamotens namn (<namn>)" },
	{ "namn", "kontaktperson", "kontaktpersonens namn (<namn>)" },
	{ "beskrivning", "insats", "insatsens beskrivning (<beskrivning>)" },
	{ "beskrivning", "avvikelse", "avvikelsens beskrivning (<beskrivning>)" },
	{ "delregion", "arsbok", "delregion (<delregion>)" },
	{ "grupp", "grupper", "en förväntad grupp (<grupp>)" },
	{ "stycke", "analys", "ett stycke i analysen (<stycke>)" },
	{ "arsberattelse", NULL, "årsberättelsen (<arsberattelse>)" },
	{ "grupp", NULL, "gruppuppgifterna (<grupp>)" },
	{ "namn", NULL, "namn (<namn>)" },
	{ "kommun", NULL, "kommun (<kommun>)" },
	{ "stadsdel", NULL, "stadsdel (<stadsdel>)" },
	{ "delregion", NULL, "delregion (<delregion>)" },
	{ "inlamning", NULL, "inlämningen (<inlamning>)" },
	{ "kontaktperson", NULL, "kontaktperson (<kontaktperson>)" },
	{ "epost", NULL, "e-postadress (<epost>)" },
	{ "telefon", NULL, "telefonnummer (<telefon>)" },
	{ "sammansattning", NULL, "avsnitt 1, Gruppens sammansättning (<sammansattning>)" },
	{ "medlem", NULL, "en ledamot (<medlem>)" },
	{ "funktion", NULL, "ledamotens funktion (<funktion>)" },
	{ "organisation", NULL, "ledamotens organisation (<organisation>)" },
	{ "verksamhet", NULL, "verksamhet (<verksamhet>)" },
	{ "huvudman", NULL, "huvudman (<huvudman>)" },
	{ "moten", NULL, "avsnitt 2, Antal möten (<moten>)" },
	{ "mote", NULL, "ett möte (<mote>)" },
	{ "utbildningsinsatser", NULL, "avsnitt 3, Utbildningsinsatser (<utbildningsinsatser>)" },
	{ "insats", NULL, "en utbildningsinsats (<insats>)" },
	{ "titel", NULL, "insatsens titel (<titel>)" },
	{ "malgrupp", NULL, "målgrupp (<malgrupp>)" },
	{ "arrangor", NULL, "arrangör (<arrangor>)" },
	{ "beskrivning", NULL, "beskrivning (<beskrivning>)" },
	{ "avvikelser", NULL, "avsnitt 4, Avvikelser (<avvikelser>)" },
	{ "avvikelse", NULL, "en avvikelse (<avvikelse>)" },
	{ "rapporterande", NULL, "rapporterande verksamhet (<rapporterande>)" },
	{ "berord", NULL, "berörd verksamhet (<berord>)" },
	{ "atgard", NULL, "åtgärd (<atgard>)" },
	{ "analys", NULL, "analysen av avvikelserna (<analys>)" },
	{ "stycke", NULL, "ett stycke text (<stycke>)" },
	{ "reflektion", NULL, "avsnitt 5, Reflektion (<reflektion>)" },
	{ "planering", NULL, "avsnitt 6, Planering inför kommande år (<planering>)" },
	{ "arsbok", NULL, "årsboksmanifestet (<arsbok>)" },
	{ "utgivare", NULL, "utgivare (<utgivare>)" },
	{ "forord", NULL, "förord (<forord>)" },
	{ "grupper", NULL, "listan över förväntade grupper (<grupper>)" },
	{ "foregaende", NULL, "föregående års manifest (<foregaende>)" },
	{ NULL, NULL, NULL }
};

static const struct term attr_terms[] = {
	{ "ar", NULL, "rapportåret (ar)" },
	{ "version", NULL, "formatversionen (version)" },
	{ "datum", "inlamning", "inlämningsdatum (datum)" },
	{ "datum", "mote", "mötesdatum (datum)" },
	{ "datum", NULL, "datum (datum)" },
	{ "antal", "moten", "antal möten (antal)" },
	{ "antal", "avvikelser", "antal avvikelser (antal)" },
	{ "antal", NULL, "antal (antal)" },
	{ "roll", NULL, "roll (roll)" },
	{ "kategori", NULL, "kategori (kategori)" },
	{ "status", NULL, "status (status)" },
	{ "systemfel", NULL, "systemfel (systemfel)" },
	{ "deltagare", NULL, "antal deltagare (deltagare)" },
	{ "verksamhet", NULL, "verksamhet (verksamhet)" },
	{ "kommun", NULL, "kommun (kommun)" },
	{ "stadsdel", NULL, "stadsdel (stadsdel)" },
	{ "fil", NULL, "filnamn (fil)" },
	{ NULL, NULL, NULL }
};

static const char *
lookup(const struct term *t, const char *name, const char *parent)
{
	for (; t->name; t++) {
		if (strcmp(t->name, name) != 0)
			continue;
		if (t->parent && (!parent || strcmp(t->parent, parent) != 0))
			continue;
		return t->text;
	}
	return NULL;
}

const char *
vb_element_term(const char *name, const char *parent)
{
	return lookup(terms, name, parent);
}

const char *
vb_attribute_term(const char *name, const char *element)
{
	return lookup(attr_terms, name, element);
}

/* Strips "{namespace}" from a qualified name in place. */
static char *
local_part(char *qname)
{
	char *p = strrchr(qname, '}');
	return p ? p + 1 : qname;
}

/* Copies the text between the n-th pair of single quotes after from. */
static char *
nth_quoted(const char *from, int n)
{
	const char *p = from;
	for (int i = 0; i <= n; i++) {
		p = strchr(p, '\'');
		if (p == NULL)
			return NULL;
		const char *q = strchr(p + 1, '\'');
		if (q == NULL)
			return NULL;
		if (i == n)
			return vb_strndup(p + 1, (size_t)(q - p - 1));
		p = q + 1;
	}
	return NULL;
}

static int
is_blank(const char *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\r\n", *s))
			return 0;
	return 1;
}

/* Builds "A, B eller C" from libxml2's "( {ns}a, {ns}b )" list, naming
 * each element in the reader's terms. Caller frees. */
static char *
expected_list(const char *msg, const char *parent)
{
	const char *p = strstr(msg, "Expected is");
	if (p == NULL)
		return NULL;
	p = strchr(p, '(');
	const char *end = p ? strchr(p, ')') : NULL;
	if (p == NULL || end == NULL)
		return NULL;
	char *list = vb_strndup(p + 1, (size_t)(end - p - 1));
	char *out = vb_strdup("");
	int count = 0;
	char *save = NULL;
	for (char *tok = strtok_r(list, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		size_t tl = strlen(tok);
		while (tl > 0 && tok[tl - 1] == ' ')
			tok[--tl] = '\0';
		if (*tok == '\0' || strcmp(tok, "##other{") == 0)
			continue;
		char *name = local_part(tok);
		const char *t = lookup(terms, name, parent);
		char *item = t ? vb_strdup(t) : vb_asprintf("<%s>", name);
		char *next;
		if (count == 0)
			next = vb_strdup(item);
		else
			next = vb_asprintf("%s|%s", out, item);
		free(item);
		free(out);
		out = next;
		count++;
	}
	free(list);
	if (count == 0) {
		free(out);
		return NULL;
	}
	/* Replace the separators: all but the last become ", ". */
	char *last = strrchr(out, '|');
	char *res;
	if (last) {
		*last = '\0';
		for (char *q = out; *q; q++)
			if (*q == '|')
				*q = ',';
		char *fixed = vb_strdup("");
		for (char *q = out; *q; q++) {
			char *nf = *q == ','
				? vb_asprintf("%s, ", fixed)
				: vb_asprintf("%s%c", fixed, *q);
			free(fixed);
			fixed = nf;
		}
		res = vb_asprintf("%s eller %s", fixed, last + 1);
		free(fixed);
	} else {
		res = vb_strdup(out);
	}
	free(out);
	return res;
}

/* "{'a', 'b'}" → "a, b". Caller frees. */
static char *
allowed_set(const char *msg)
{
	const char *p = strchr(msg, '{');
	const char *q = p ? strchr(p, '}') : NULL;
	if (p == NULL || q == NULL)
		return NULL;
	char *out = vb_malloc((size_t)(q - p) + 1);
	size_t n = 0;
	for (p++; p < q; p++)
		if (*p != '\'')
			out[n++] = *p;
	out[n] = '\0';
	return out;
}

static const char *
parent_name(const xmlNode *node)
{
	if (node && node->parent && node->parent->type == XML_ELEMENT_NODE)
		return (const char *)node->parent->name;
	return NULL;
}

/* How many earlier siblings of node have its name (0: none). */
static long
repeated(const xmlNode *node)
{
	long n = 0;
	if (node == NULL)
		return 0;
	for (const xmlNode *s = node->prev; s; s = s->prev)
		if (s->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(s->name, node->name))
			n++;
	return n;
}

static void
report_value(struct vb_diags *d, long line, const char *what,
	     const char *attr, const char *rest)
{
	char *val = NULL;
	const char *f;

	if ((f = strstr(rest, "[facet 'enumeration']")) != NULL) {
		val = nth_quoted(f + 21, 0);
		char *set = allowed_set(f);
		if (val && is_blank(val))
			vb_diag(d, VB_E_BLANK, line, "%s; välj ett av: %s",
				what, set ? set : "");
		else
			vb_diag(d, VB_E_SCHEMA, line,
				"%s: '%s' är inte ett tillåtet värde; välj ett av: %s",
				what, val ? val : "", set ? set : "");
		free(set);
	} else if ((f = strstr(rest, "[facet 'minLength']")) != NULL ||
		   (f = strstr(rest, "[facet 'pattern']")) != NULL ||
		   (f = strstr(rest, "[facet 'length']")) != NULL) {
		val = strstr(f, "The value '") ? nth_quoted(f + 18, 0) : NULL;
		int blank = strstr(f, "minLength") || (val && is_blank(val));
		if (blank)
			vb_diag(d, VB_E_BLANK, line, "%s", what);
		else if (attr && strcmp(attr, "ar") == 0)
			vb_diag(d, VB_E_SCHEMA, line,
				"%s ska skrivas med fyra siffror, t.ex. 2019, inte '%s'",
				what, val ? val : "");
		else if (strstr(what, "e-post"))
			vb_diag(d, VB_E_SCHEMA, line,
				"'%s' är inte en giltig e-postadress", val ? val : "");
		else
			vb_diag(d, VB_E_SCHEMA, line,
				"%s: '%s' har inte rätt form", what, val ? val : "");
	} else if ((f = strstr(rest, "[facet 'maxLength']")) != NULL) {
		char *has = nth_quoted(f + 19, 0);
		char *max = nth_quoted(f + 19, 1);
		vb_diag(d, VB_E_SCHEMA, line, "%s är för lång (%s tecken, högst %s)",
			what, has ? has : "?", max ? max : "?");
		free(has);
		free(max);
	} else if ((f = strstr(rest, "[facet 'minInclusive']")) != NULL ||
		   (f = strstr(rest, "[facet 'maxInclusive']")) != NULL) {
		val = nth_quoted(f + 22, 0);
		char *lim = nth_quoted(f + 22, 1);
		vb_diag(d, VB_E_SCHEMA, line, "%s: %s är %s än tillåtet (%s)",
			what, val ? val : "", strstr(f, "min") ? "mindre" : "större",
			lim ? lim : "");
		free(lim);
	} else if (strstr(rest, "is not a valid value of")) {
		val = nth_quoted(rest, 0);
		if (val == NULL || is_blank(val))
			vb_diag(d, VB_E_BLANK, line, "%s", what);
		else if (strstr(rest, "xs:date") || strstr(rest, "'date'") ||
			 (attr && strcmp(attr, "datum") == 0))
			vb_diag(d, VB_E_SCHEMA, line,
				"%s: '%s' är inte ett giltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2019-03-14",
				what, val);
		else if (strstr(rest, "nteger") ||
			 (attr && (strcmp(attr, "antal") == 0 ||
				   strcmp(attr, "deltagare") == 0)))
			vb_diag(d, VB_E_SCHEMA, line,
				"%s ska vara ett heltal, 0 eller större, inte '%s'", what, val);
		else if (strstr(rest, "gYear") || (attr && strcmp(attr, "ar") == 0))
			vb_diag(d, VB_E_SCHEMA, line,
				"%s ska skrivas med fyra siffror, t.ex. 2019, inte '%s'", what, val);
		else
			vb_diag(d, VB_E_SCHEMA, line, "%s: '%s' är inte ett tillåtet värde",
				what, val);
	} else if (strstr(rest, "fixed value constraint")) {
		val = nth_quoted(rest, 0);
		char *fixed = nth_quoted(rest, 1);
		vb_diag(d, VB_E_SCHEMA, line, "%s ska vara '%s', inte '%s'",
			what, fixed ? fixed : "", val ? val : "");
		free(fixed);
	} else if (strstr(rest, "nillable") || strstr(rest, "xsi:nil")) {
		vb_diag(d, VB_E_SCHEMA, line,
			"%s får inte ha attributet xsi:nil; ta bort det", what);
	} else if (strstr(rest, "xsi:type")) {
		vb_diag(d, VB_E_SCHEMA, line,
			"%s får inte ha attributet xsi:type; ta bort det", what);
	} else {
		/* libxml2's remark is English (e.g. "No precomputed value
		 * available"): never shown. */
		vb_diag(d, VB_E_SCHEMA, line, "%s har ett otillåtet värde", what);
	}
	free(val);
}

/* An xs:ID value refused (libxml2 says only "not a valid value of the
 * atomic type 'xs:ID'"): a well-formed name that an earlier element
 * already has, said with that element's line as the layout reader does,
 * or not a name at all. Returns 0 when it is neither. */
static int
report_id(struct vb_diags *d, long line, const xmlNode *node, const char *rest)
{
	char *val = nth_quoted(rest, 0);
	int done = 0;
	if (val && *val && xmlValidateNCName((const xmlChar *)val, 0) != 0) {
		vb_diag(d, VB_E_SCHEMA, line,
			"id=\"%s\" är inget giltigt id: det börjar med en bokstav "
			"eller _ och har sedan bara bokstäver, siffror, -, _ och .",
			val);
		done = 1;
	} else if (val && node && node->doc) {
		xmlAttrPtr first = xmlGetID(node->doc, (const xmlChar *)val);
		if (first && first->parent && first->parent != node) {
			vb_diag(d, VB_E_SCHEMA, line,
				"id=\"%s\" finns redan på rad %ld", val,
				xmlGetLineNo(first->parent));
			done = 1;
		}
	}
	free(val);
	return done;
}

static const char *
root_text(enum vb_doc_kind kind)
{
	switch (kind) {
	case VB_DOC_MANIFEST:
		return "ett årsboksmanifest börjar med <arsbok xmlns=\"urn:vastbus:arsbok:1\">";
	case VB_DOC_LAYOUT:
		return "ett layoutträd börjar med <document xmlns=\"urn:vastbus:layout:1\">";
	default:
		return "en årsberättelse börjar med <arsberattelse xmlns=\"urn:vastbus:arsberattelse:1\">";
	}
}

#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

void
vb_schema_error_sv(const xmlError *err, enum vb_doc_kind kind,
		   struct vb_diags *d)
{
	const char *msg = err->message ? err->message : "";
	const xmlNode *node = err->node;
	long line = err->line;
	if (node && node->type == XML_ELEMENT_NODE && line <= 0)
		line = xmlGetLineNo(node);

	/* "Element '{ns}x'[, attribute 'a']: rest" */
	char *elem = NULL, *attr = NULL;
	const char *rest = msg;
	if (strncmp(msg, "Element '", 9) == 0) {
		const char *q = strchr(msg + 9, '\'');
		if (q) {
			elem = vb_strndup(msg + 9, (size_t)(q - msg - 9));
			rest = q + 1;
			if (strncmp(rest, ", attribute '", 13) == 0) {
				const char *r = strchr(rest + 13, '\'');
				if (r) {
					attr = vb_strndup(rest + 13, (size_t)(r - rest - 13));
					rest = r + 1;
				}
			}
			if (*rest == ':')
				rest++;
			while (*rest == ' ')
				rest++;
		}
	}
	const char *ename = elem ? local_part(elem) : "";
	const char *pname = parent_name(node);
	const char *eterm = lookup(terms, ename, pname);
	char *eown = eterm ? NULL : vb_asprintf("elementet <%s>", ename);
	if (eterm == NULL)
		eterm = eown;

	if (strstr(rest, "No matching global declaration")) {
		const xmlNs *ns = node ? node->ns : NULL;
		/* "filen är inte en årsberättelse" would be wrong for a
		 * layout tree (vastbus sats): there the detail says it all. */
		vb_diag(d, kind == VB_DOC_LAYOUT ? VB_E_LAYOUT : VB_E_NOT_REPORT,
			line,
			"rotelementet är <%s>%s%s%s; %s", ename,
			ns ? " i namnrymden '" : " utan namnrymd",
			ns ? (const char *)ns->href : "", ns ? "'" : "",
			root_text(kind));
	} else if (attr && strncmp(attr, "{" XSI_NS "}", sizeof XSI_NS + 1) == 0) {
		/* xsi:nil, xsi:type, xsi:schemaLocation: a report has no use
		 * for any of them, whatever libxml2 says about the value. */
		vb_diag(d, VB_E_SCHEMA, line,
			"%s får inte ha attributet xsi:%s; ta bort det", eterm,
			attr + sizeof XSI_NS + 1);
	} else if (attr) {
		const char *aterm = lookup(attr_terms, attr, ename);
		char *aown = aterm ? NULL : vb_asprintf("attributet %s", attr);
		if (aterm == NULL)
			aterm = aown;
		char *what = vb_asprintf("%s i %s", aterm, eterm);
		if (strstr(rest, "is required but missing"))
			vb_diag(d, VB_E_SCHEMA, line, "%s saknas", what);
		else if (strstr(rest, "'xs:ID'") && report_id(d, line, node, rest))
			;
		else if (strstr(rest, "is not allowed"))
			vb_diag(d, VB_E_SCHEMA, line,
				"attributet %s hör inte hemma i %s", attr, eterm);
		else
			report_value(d, line, what, attr, rest);
		free(what);
		free(aown);
	} else if (strstr(rest, "is required but missing")) {
		char *a = nth_quoted(rest, 0);
		const char *aterm = a ? lookup(attr_terms, a, ename) : NULL;
		if (aterm)
			vb_diag(d, VB_E_SCHEMA, line, "%s i %s saknas", aterm, eterm);
		else
			vb_diag(d, VB_E_SCHEMA, line, "attributet %s i %s saknas",
				a ? a : "?", eterm);
		free(a);
	} else if (strstr(rest, "The attribute") && strstr(rest, "is not allowed")) {
		char *a = nth_quoted(rest, 0);
		vb_diag(d, VB_E_SCHEMA, line, "attributet %s hör inte hemma i %s",
			a ? a : "?", eterm);
		free(a);
	} else if (strstr(rest, "Missing child element")) {
		char *exp = expected_list(rest, ename);
		if (exp)
			vb_diag(d, VB_E_SCHEMA, line, "i %s saknas %s", eterm, exp);
		else
			vb_diag(d, VB_E_SCHEMA, line, "%s är ofullständig", eterm);
		free(exp);
	} else if (strstr(rest, "This element is not expected")) {
		char *exp = expected_list(rest, pname);
		int known = lookup(terms, ename, pname) != NULL;
		const char *pterm = pname ? lookup(terms, pname, parent_name(node ? node->parent : NULL)) : NULL;
		long before = known ? repeated(node) : 0;
		if (before == 1)
			vb_diag(d, VB_E_SCHEMA, line,
				"%s får bara finnas en gång%s%s", eterm,
				pterm ? " i " : "", pterm ? pterm : "");
		else if (before > 1)	/* maxOccurs: this one is the first too many */
			vb_diag(d, VB_E_TOO_BIG, line,
				"för många: högst %ld av %s får finnas%s%s, och det här är nummer %ld",
				before, eterm, pterm ? " i " : "", pterm ? pterm : "",
				before + 1);
		else if (known && exp)
			vb_diag(d, VB_E_SCHEMA, line,
				"%s saknas; det ska stå före %s", exp, eterm);
		else if (known)
			vb_diag(d, VB_E_SCHEMA, line, "%s hör inte hemma här%s%s",
				eterm, pterm ? " i " : "", pterm ? pterm : "");
		else if (exp)
			vb_diag(d, VB_E_SCHEMA, line,
				"okänt element <%s>; här väntades %s", ename, exp);
		else
			vb_diag(d, VB_E_SCHEMA, line, "okänt element <%s>%s%s", ename,
				pterm ? " i " : "", pterm ? pterm : "");
		free(exp);
	} else if (strstr(rest, "Character content other than whitespace") ||
		   strstr(rest, "Character content is not allowed")) {
		vb_diag(d, VB_E_SCHEMA, line,
			"%s ska inte innehålla text direkt, bara andra element", eterm);
	} else if (strstr(rest, "Element content is not allowed") ||
		   strstr(rest, "element content is not allowed")) {
		vb_diag(d, VB_E_SCHEMA, line,
			"%s ska bara innehålla text, inga andra element", eterm);
	} else {
		report_value(d, line, eterm, NULL, rest);
	}
	free(eown);
	free(elem);
	free(attr);
}
