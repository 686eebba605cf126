/*
 * check_grupp.c - who reports: municipality, city district, subregion
 * (grupp/kommun, grupp/stadsdel, grupp/delregion) against data/geografi.xml.
 */
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "check/messages.h"
#include "util/alloc.h"

#define MAXLIST 64	/* longest list we print (districts of one year) */

static void
check_kommun(struct vb_check *c, xmlNodePtr el, const char *kommun)
{
	const struct vb_geo *g = c->geo;
	const char **names = vb_calloc(g->nkommuner, sizeof(*names));
	for (size_t i = 0; i < g->nkommuner; i++)
		names[i] = g->kommuner[i].namn;
	const char *s = ck_suggest(kommun, names, NULL, g->nkommuner);
	char *q = ck_quote(kommun);
	if (s)
		vb_diag(c->d, VB_E_KOMMUN, ck_line(el),
			CK_MSG_KOMMUN_SUGGEST,
			q, g->nkommuner, s);
	else
		vb_diag(c->d, VB_E_KOMMUN, ck_line(el),
			CK_MSG_KOMMUN,
			q, g->nkommuner);
	free(q);
	free(names);
}

static void
check_stadsdel(struct vb_check *c, xmlNodePtr kel, const char *kommun,
	       xmlNodePtr sel, const char *stadsdel)
{
	const struct vb_geo *g = c->geo;
	int has_any = vb_geo_has_any_stadsdel(g, kommun);

	if (stadsdel != NULL && !has_any) {
		char *q = ck_quote(stadsdel);
		vb_diag(c->d, VB_E_STADSDEL_NOT_GBG, ck_line(sel),
			CK_MSG_STADSDEL_NOT_GBG,
			kommun, q);
		free(q);
		return;
	}
	if (!has_any || c->year == 0)
		return;		/* no districts anywhere, or year unknown */

	const char *list[MAXLIST];
	size_t n = vb_geo_stadsdelar(g, kommun, c->year, list, MAXLIST);
	if (n > MAXLIST)
		n = MAXLIST;
	char *joined = ck_join(list, n, CK_MSG_JOIN_AND);

	if (stadsdel == NULL) {
		if (n > 0)
			vb_diag(c->d, VB_W_STADSDEL_MISSING, ck_line(kel),
				CK_MSG_STADSDEL_MISSING,
				kommun, c->year, joined);
	} else if (n == 0) {
		char *q = ck_quote(stadsdel);
		vb_diag(c->d, VB_E_STADSDEL, ck_line(sel),
			CK_MSG_STADSDEL_NONE,
			kommun, c->year, q);
		free(q);
	} else if (!vb_geo_has_stadsdel(g, kommun, stadsdel, c->year)) {
		char *q = ck_quote(stadsdel);
		const struct vb_geo_period *p =
		    vb_geo_stadsdel_period(g, kommun, stadsdel);
		const char *s = ck_suggest(stadsdel, list, NULL, n);
		char *hint = s ? vb_asprintf(CK_MSG_STADSDEL_SUGGEST, s)
			       : vb_strdup("");
		if (p && p->till == VB_GEO_OPEN)
			vb_diag(c->d, VB_E_STADSDEL, ck_line(sel),
				CK_MSG_STADSDEL_FROM,
				q, p->fran, c->year, c->year, joined, hint);
		else if (p)
			vb_diag(c->d, VB_E_STADSDEL, ck_line(sel),
				CK_MSG_STADSDEL_PERIOD,
				q, p->fran, p->till, c->year, c->year, joined,
				hint);
		else
			vb_diag(c->d, VB_E_STADSDEL, ck_line(sel),
				CK_MSG_STADSDEL_UNKNOWN,
				q, kommun, c->year, c->year, joined, hint);
		free(hint);
		free(q);
	}
	free(joined);
}

static void
check_delregion(struct vb_check *c, xmlNodePtr el, const char *kommun,
		const char *delregion)
{
	const struct vb_geo *g = c->geo;
	if (!vb_geo_has_delregion(g, delregion)) {
		const char **names = vb_calloc(g->ndelregioner, sizeof(*names));
		const char **ids = vb_calloc(g->ndelregioner, sizeof(*ids));
		for (size_t i = 0; i < g->ndelregioner; i++) {
			names[i] = g->delregioner[i].namn;
			ids[i] = g->delregioner[i].id;
		}
		const char *s = ck_suggest(delregion, names, ids,
					   g->ndelregioner);
		char *all = ck_join(names, g->ndelregioner, CK_MSG_JOIN_AND);
		char *q = ck_quote(delregion);
		if (s)
			vb_diag(c->d, VB_E_DELREGION, ck_line(el),
				CK_MSG_DELREGION_SUGGEST,
				q, all, s);
		else
			vb_diag(c->d, VB_E_DELREGION, ck_line(el),
				CK_MSG_DELREGION,
				q, all);
		free(q);
		free(all);
		free(ids);
		free(names);
		return;
	}
	if (kommun == NULL || c->year == 0)
		return;
	if (vb_geo_pairs(g, kommun, delregion, c->year) != 0)
		return;		/* pairs, or the table does not know the year */
	const char *list[8];
	size_t n = vb_geo_delregioner_for(g, kommun, c->year, list, 8);
	if (n > 8)
		n = 8;
	char *joined = ck_join(list, n, CK_MSG_JOIN_OR);
	vb_diag(c->d, VB_W_DELREGION, ck_line(el),
		CK_MSG_DELREGION_PAIR, kommun, c->year, joined,
		delregion);
	free(joined);
}

void
ck_grupp(struct vb_check *c, xmlNodePtr n)
{
	if (c->geo == NULL)
		return;
	xmlNodePtr kel = ck_child(n, "kommun");
	xmlNodePtr sel = ck_child(n, "stadsdel");
	xmlNodePtr del = ck_child(n, "delregion");
	char *kommun = ck_text(kel);
	char *stadsdel = ck_text(sel);
	char *delregion = ck_text(del);

	/* An empty value is the schema's (or the blank template's) finding. */
	int kommun_ok = 0;
	if (kommun && *kommun) {
		kommun_ok = vb_geo_has_kommun(c->geo, kommun);
		if (!kommun_ok)
			check_kommun(c, kel, kommun);
	}
	if (kommun_ok && !(stadsdel && *stadsdel == '\0'))
		check_stadsdel(c, kel, kommun, sel, stadsdel);
	if (delregion && *delregion)
		check_delregion(c, del, kommun_ok ? kommun : NULL, delregion);

	free(kommun);
	free(stadsdel);
	free(delregion);
}
