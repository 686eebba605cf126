/*
 * check_sections.c - hand-in date (inlamning), section 2 (moten),
 * section 3 (utbildningsinsatser) and section 4 (avvikelser): counts agree
 * with the lists, dates lie in the reporting year, the deadline, and an
 * analysis when there are deviations.
 */
#include <stdlib.h>

#include "check/check_int.h"
#include "check/messages.h"

/* The deadline: 1 March of the year after the reporting year. */
#define DEADLINE_MONTH 3
#define DEADLINE_DAY 1

void
ck_inlamning(struct vb_check *c, xmlNodePtr n)
{
	if (c->year == 0)
		return;
	char *s = ck_attr(n, "datum");
	struct vb_date dt;
	if (s == NULL || ck_parse_date(s, &dt) != 0) {
		free(s);
		return;
	}
	struct vb_date deadline = { c->year + 1, DEADLINE_MONTH, DEADLINE_DAY };
	if (dt.y <= c->year)
		vb_diag(c->d, VB_E_HANDIN_TOO_EARLY, ck_line(n),
			CK_MSG_HANDIN_TOO_EARLY,
			s, c->year, c->year + 1);
	else if (ck_date_cmp(&dt, &deadline) > 0)
		vb_diag(c->d, VB_W_LATE, ck_line(n),
			CK_MSG_LATE, s,
			deadline.y, deadline.m, deadline.day);
	free(s);
}

/* Reports a listed date outside the reporting year; what names the thing
 * ("mötet"), where the section ("avsnitt 2"). */
static void
date_in_year(struct vb_check *c, xmlNodePtr n, const char *what,
	     const char *where)
{
	if (c->year == 0)
		return;
	char *s = ck_attr(n, "datum");
	struct vb_date dt;
	if (s != NULL && ck_parse_date(s, &dt) == 0 && dt.y != c->year)
		vb_diag(c->d, VB_E_DATE_OUTSIDE_YEAR, ck_line(n),
			CK_MSG_DATE_OUTSIDE_YEAR, what, s, where, c->year);
	free(s);
}

/* The count in @antal, or -1 when missing or malformed. */
static long
antal(xmlNodePtr n)
{
	char *s = ck_attr(n, "antal");
	long v;
	if (s == NULL || ck_parse_count(s, &v) != 0)
		v = -1;
	free(s);
	return v;
}

/* Sections 2 and 4 share one shape: a count in @antal, optionally the
 * items themselves, each with a date in the reporting year. Checks the
 * dates and, when items are listed, that their number is the count.
 * Returns the count (-1 when missing or malformed). */
static long
listed_items(struct vb_check *c, xmlNodePtr n, const char *child,
	     const char *what, const char *section, enum vb_diag_code code,
	     const char *label, const char *one, const char *many)
{
	long listed = 0;
	for (xmlNodePtr m = ck_child(n, child); m; m = ck_next(m)) {
		listed++;
		date_in_year(c, m, what, section);
	}
	long want = antal(n);
	if (listed > 0 && want >= 0 && want != listed)
		vb_diag(c->d, code, ck_line(n),
			CK_MSG_COUNT, section, label,
			want, listed, listed == 1 ? one : many);
	return want;
}

void
ck_moten(struct vb_check *c, xmlNodePtr n)
{
	listed_items(c, n, "mote", CK_MSG_MOTE_WHAT, CK_MSG_MOTE_SECTION,
		     VB_E_COUNT_MOTEN, CK_MSG_MOTE_LABEL, CK_MSG_MOTE_ONE, CK_MSG_MOTE_MANY);
}

void
ck_utbildningsinsatser(struct vb_check *c, xmlNodePtr n)
{
	for (xmlNodePtr m = ck_child(n, "insats"); m; m = ck_next(m))
		date_in_year(c, m, CK_MSG_INSATS_WHAT, CK_MSG_INSATS_SECTION);
}

void
ck_avvikelser(struct vb_check *c, xmlNodePtr n)
{
	long want = listed_items(c, n, "avvikelse", CK_MSG_AVVIKELSE_WHAT,
				 CK_MSG_AVVIKELSE_SECTION,
				 VB_E_COUNT_AVVIKELSER, CK_MSG_AVVIKELSE_LABEL,
				 CK_MSG_AVVIKELSE_ONE, CK_MSG_AVVIKELSE_MANY);
	if (want > 0 && ck_child(n, "analys") == NULL)
		vb_diag(c->d, VB_E_NO_ANALYSIS, ck_line(n),
			CK_MSG_NO_ANALYSIS,
			want);
}
