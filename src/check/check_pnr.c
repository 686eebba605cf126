/*
 * check_pnr.c - no personal identity number anywhere in the report's text.
 *
 * Every text node of the report is scanned (paragraphs, descriptions,
 * actions, meeting notes, titles, names, contact details…), and comments
 * too, since the file itself is passed on. A hit is reported at the line
 * where the number stands, masked ("850709-****"): the finding must not
 * spread the number further.
 */
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "check/messages.h"
#include "check/pnr.h"
#include "check/reader_text.h"
#include "util/alloc.h"

/* The sections of the report in the reader's terms (messages.h). */
#define TERM(el, sv) { el, sv },
static const struct {
	const char *el, *sv;
} sections[] = { CK_PNR_SECTIONS(TERM) };

/* Fields in the reader's terms (messages.h). */
static const struct {
	const char *el, *sv;
} fields[] = { CK_PNR_FIELDS(TERM) };

#define NELEMS(a) (sizeof(a) / sizeof((a)[0]))

static int
in_ns(xmlNodePtr n)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       xmlStrEqual(n->ns->href, (const xmlChar *)VB_REPORT_NS);
}

/* "avsnitt 4, Avvikelser (beskrivning)" for the node holding the text;
 * *in_avvikelser tells which reason to give. Owned by the caller. */
static char *
where(xmlNodePtr holder, int *in_avvikelser)
{
	const char *section = NULL, *field = NULL;
	*in_avvikelser = 0;
	for (xmlNodePtr p = holder; p && p->type == XML_ELEMENT_NODE;
	     p = p->parent) {
		if (!in_ns(p))
			continue;
		for (size_t i = 0; field == NULL && i < NELEMS(fields); i++)
			if (xmlStrEqual(p->name, (const xmlChar *)fields[i].el))
				field = fields[i].sv;
		for (size_t i = 0; section == NULL && i < NELEMS(sections);
		     i++)
			if (xmlStrEqual(p->name,
					(const xmlChar *)sections[i].el)) {
				section = sections[i].sv;
				if (strcmp(sections[i].el, "avvikelser") == 0)
					*in_avvikelser = 1;
			}
		if (section)
			break;
	}
	if (section && field)
		return vb_asprintf(CK_MSG_PNR_WHERE, section, field);
	if (section)
		return vb_strdup(section);
	if (field)
		return vb_strdup(field);
	return vb_strdup(CK_MSG_PNR_ANYWHERE);
}

/* Where a hit in a yearbook manifest stands: the foreword, or else the
 * manifest. Owned by the caller. */
static char *
manifest_where(xmlNodePtr holder)
{
	for (xmlNodePtr p = holder; p && p->type == XML_ELEMENT_NODE;
	     p = p->parent)
		if (xmlStrEqual(p->name, (const xmlChar *)"forord"))
			return vb_strdup(CK_MSG_PNR_IN_FORORD);
	return vb_strdup(CK_MSG_PNR_IN_MANIFEST);
}

static long
newlines(const char *s, size_t n)
{
	long k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/* The line on which the text of n begins. libxml2 gives an element the
 * line where its start tag ends, which is where a first child's text
 * begins; a text node itself carries the line where the parser had got
 * to when it created it (the end of its first chunk), so otherwise we
 * count back from the next element or from that line. */
static long
start_line(xmlNodePtr n, const char *text, size_t len)
{
	long total = newlines(text, len);
	long l;
	if (n->type == XML_TEXT_NODE && n->prev == NULL && n->parent &&
	    n->parent->type == XML_ELEMENT_NODE)
		return ck_line(n->parent);
	if (n->type == XML_TEXT_NODE && n->next &&
	    n->next->type == XML_ELEMENT_NODE)
		l = ck_line(n->next) - total;
	else
		l = ck_line(n) - total;
	long floor = n->prev ? ck_line(n->prev) : 1;
	return l < floor ? floor : l;
}

/* Scans the reader text of one run; holder is the element whose text
 * it is (for the message), kind says what kind of text it is. */
static void
scan(struct vb_check *c, const struct vb_rtext *t, xmlNodePtr holder,
     xmlElementType kind)
{
	struct vb_pnr_hit hit;
	size_t pos = 0;
	while (vb_pnr_find(t->buf, t->len, pos, &hit)) {
		char mask[VB_PNR_MASK_SIZE];
		vb_pnr_mask(t->buf, &hit, mask);
		int avv = 0;
		char *w = kind == XML_COMMENT_NODE ? vb_strdup(CK_MSG_PNR_IN_COMMENT)
			  : kind == XML_PI_NODE	   ? vb_strdup(CK_MSG_PNR_IN_PI)
			  : c->manifest		   ? manifest_where(holder)
						   : where(holder, &avv);
		vb_diag(c->d, VB_E_PERSONNUMMER, vb_rtext_line(t, hit.off),
			CK_MSG_PERSONNUMMER, mask, w,
			c->manifest ? CK_MSG_PNR_WHY_ARSBOK
			: avv	    ? CK_MSG_PNR_WHY_AVVIKELSE
				    : CK_MSG_PNR_WHY_REPORT);
		free(w);
		pos = hit.off + hit.len;
	}
}

static void
add_node(struct vb_rtext *t, xmlNodePtr n)
{
	const char *text = (const char *)n->content;
	if (text == NULL)
		return;
	size_t len = strlen(text);
	vb_rtext_add(t, text, len, start_line(n, text, len));
}

/* The children of parent that are not elements, as a reader sees them:
 * the text and CDATA nodes joined (a comment or processing instruction
 * between two pieces vanishes from the PDF and HTML, so the pieces are
 * one text), each comment and processing instruction also scanned on its
 * own. An element child ends the run: it is another field. */
static void
scan_children(struct vb_check *c, xmlNodePtr parent, struct vb_rtext *t,
	      struct vb_rtext *own)
{
	vb_rtext_clear(t);
	for (xmlNodePtr n = parent->children; n; n = n->next) {
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			add_node(t, n);
			break;
		case XML_COMMENT_NODE:
		case XML_PI_NODE:
			vb_rtext_clear(own);
			add_node(own, n);
			scan(c, own, parent, n->type);
			break;
		case XML_ELEMENT_NODE:
			scan(c, t, parent, XML_TEXT_NODE);
			vb_rtext_clear(t);
			break;
		default:
			break;
		}
	}
	scan(c, t, parent, XML_TEXT_NODE);
}

void
ck_free_text(struct vb_check *c, xmlNodePtr top)
{
	/* Iterative walk over every element that has children, from the
	 * document node (comments and processing instructions before and
	 * after the root count too): depth is bounded by the parser, but
	 * the stack need not be. */
	struct vb_rtext t = { 0 }, own = { 0 };
	xmlNodePtr n = top;
	while (n) {
		if (n->children &&
		    (n == top || n->type == XML_ELEMENT_NODE))
			scan_children(c, n, &t, &own);
		if (n->type == XML_ELEMENT_NODE || n == top) {
			xmlNodePtr ch = n->children;
			while (ch && ch->type != XML_ELEMENT_NODE)
				ch = ch->next;
			if (ch) {
				n = ch;
				continue;
			}
		}
		/* next element sibling, climbing as needed */
		for (;;) {
			if (n == top) {
				n = NULL;
				break;
			}
			xmlNodePtr s = n->next;
			while (s && s->type != XML_ELEMENT_NODE)
				s = s->next;
			if (s) {
				n = s;
				break;
			}
			n = n->parent;
		}
	}
	vb_rtext_free(&t);
	vb_rtext_free(&own);
}
