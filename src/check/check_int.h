/*
 * check_int.h - shared by the rule checkers (src/check/check*.c) only.
 */
#ifndef VB_CHECK_INT_H
#define VB_CHECK_INT_H

#include <stddef.h>
#include <libxml/tree.h>

#include "check/check.h"

/* The state of one run over one report. */
struct vb_check {
	const struct vb_geo *geo;	/* may be NULL */
	struct vb_diags *d;
	xmlNodePtr root;
	int year;			/* reporting year, 0 when unusable */
	int manifest;			/* a yearbook manifest, not a report */
};

struct vb_date {
	int y, m, day;
};

/* An element of the report namespace with this local name. */
int ck_is(xmlNodePtr n, const char *name);
/* First child element of the report namespace with this name, or NULL. */
xmlNodePtr ck_child(xmlNodePtr parent, const char *name);
/* Next sibling after n with the same name in the report namespace. */
xmlNodePtr ck_next(xmlNodePtr n);
long ck_line(xmlNodePtr n);

/* Whitespace-collapsed copies (xs:token): of an attribute (NULL when it
 * is absent) and of an element's text (NULL for a NULL node). Owned by
 * the caller. */
char *ck_attr(xmlNodePtr n, const char *name);
char *ck_text(xmlNodePtr n);

/* Strict parses; 0 on success, -1 when malformed. */
int ck_parse_date(const char *s, struct vb_date *out);
int ck_parse_count(const char *s, long *out);	/* [0-9]{1,9} */
int ck_parse_year(const char *s, int *out);	/* [0-9]{4}, not 0000 */
int ck_date_cmp(const struct vb_date *a, const struct vb_date *b);

/* A copy of user text fit for a one-line message: at most about 60
 * characters (cut on a UTF-8 boundary, "…" added). Owned by the caller. */
char *ck_quote(const char *s);

/* Near-miss matching for suggestions: folds case, å/ä→a, ö→o, é→e,
 * drops spaces, hyphens and dots, and a trailing " kommun"/" stad" (with
 * the genitive s). Returns the candidate that s most likely means, or
 * NULL when none is close or two are equally close. aliases[i] (may be
 * NULL, or an entry NULL) is another spelling of cand[i]. */
const char *ck_suggest(const char *s, const char *const *cand,
		       const char *const *aliases, size_t n);

/* Joins names as "A, B, C och D" into a new string. */
char *ck_join(const char *const *v, size_t n, const char *last_sep);

/* The checkers of the table (check.c). */
void ck_grupp(struct vb_check *c, xmlNodePtr n);
void ck_inlamning(struct vb_check *c, xmlNodePtr n);
void ck_sammansattning(struct vb_check *c, xmlNodePtr n);
void ck_moten(struct vb_check *c, xmlNodePtr n);
void ck_utbildningsinsatser(struct vb_check *c, xmlNodePtr n);
void ck_avvikelser(struct vb_check *c, xmlNodePtr n);
/* The free-text scan over the whole document from top (the document
 * node, so the prolog counts too) (check_pnr.c). */
void ck_free_text(struct vb_check *c, xmlNodePtr top);

#endif
