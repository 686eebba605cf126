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

static void
scan(struct vb_check *c, xmlNodePtr n)
{
	const char *text = (const char *)n->content;
	if (text == NULL)
		return;
	size_t len = strlen(text);
	struct vb_pnr_hit hit;
	size_t pos = 0, counted_to = 0;
	long line = -1;
	while (vb_pnr_find(text, len, pos, &hit)) {
		if (line < 0)
			line = start_line(n, text, len);
		line += newlines(text + counted_to, hit.off - counted_to);
		counted_to = hit.off;

		char mask[VB_PNR_MASK_SIZE];
		vb_pnr_mask(text, &hit, mask);
		int avv = 0;
		char *w = n->type == XML_COMMENT_NODE
			      ? vb_strdup(CK_MSG_PNR_IN_COMMENT)
			      : where(n->parent, &avv);
		vb_diag(c->d, VB_E_PERSONNUMMER, line,
			CK_MSG_PERSONNUMMER, mask, w,
			avv ? CK_MSG_PNR_WHY_AVVIKELSE
			    : CK_MSG_PNR_WHY_REPORT);
		free(w);
		pos = hit.off + hit.len;
	}
}

void
ck_free_text(struct vb_check *c, xmlNodePtr root)
{
	/* Iterative walk: depth is bounded by the parser, but the stack
	 * need not be. */
	xmlNodePtr n = root;
	while (n) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
		    n->type == XML_COMMENT_NODE)
			scan(c, n);
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != root && n->next == NULL)
			n = n->parent;
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
}
