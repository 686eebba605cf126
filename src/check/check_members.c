/*
 * check_members.c - section 1 (sammansattning): exactly one chair, and
 * members from both principals of the agreement (kommun and region).
 */
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "check/messages.h"
#include "util/alloc.h"

static int
one_of(const char *s, const char *const *v)
{
	for (; s && *v; v++)
		if (strcmp(s, *v) == 0)
			return 1;
	return 0;
}

/* A member as the reader knows them: the name, or where it stands. */
static char *
who(xmlNodePtr m)
{
	char *name = ck_text(ck_child(m, "namn"));
	char *out;
	if (name && *name)
		out = ck_quote(name);
	else
		out = vb_asprintf(CK_MSG_MEMBER_AT_LINE, ck_line(m));
	free(name);
	return out;
}

static void
check_chairs(struct vb_check *c, xmlNodePtr n)
{
	static const char *const roles[] = { "ordforande", "ledamot",
					     "sekreterare", "adjungerad",
					     NULL };
	xmlNodePtr first = NULL;
	size_t members = 0, chairs = 0;
	int malformed = 0;

	for (xmlNodePtr m = ck_child(n, "medlem"); m; m = ck_next(m)) {
		members++;
		char *roll = ck_attr(m, "roll");
		if (!one_of(roll, roles))
			malformed = 1;
		if (roll && strcmp(roll, "ordforande") == 0) {
			if (chairs++ == 0) {
				first = m;
			} else {
				char *a = who(first), *b = who(m);
				vb_diag(c->d, VB_E_MANY_CHAIRS, ck_line(m),
					CK_MSG_MANY_CHAIRS,
					a, ck_line(first), b);
				free(a);
				free(b);
			}
		}
		free(roll);
	}
	/* No members, or a role the schema refused (perhaps the chair
	 * spelt "ordförande"): the schema has spoken. */
	if (chairs == 0 && members > 0 && !malformed)
		vb_diag(c->d, VB_E_NO_CHAIR, ck_line(n),
			CK_MSG_NO_CHAIR);
}

static void
check_principals(struct vb_check *c, xmlNodePtr n)
{
	static const char *const kinds[] = { "kommun", "region", "annan",
					     NULL };
	int kommun = 0, region = 0, members = 0;

	for (xmlNodePtr m = ck_child(n, "medlem"); m; m = ck_next(m)) {
		members++;
		char *h = ck_text(ck_child(m, "huvudman"));
		int ok = one_of(h, kinds);
		if (ok && strcmp(h, "kommun") == 0)
			kommun = 1;
		else if (ok && strcmp(h, "region") == 0)
			region = 1;
		free(h);
		if (!ok)
			return;	/* missing or misspelt: the schema's finding */
	}
	if (members == 0 || (kommun && region))
		return;
	const char *missing = kommun ? CK_MSG_PRINCIPAL_REGION
			      : region ? CK_MSG_PRINCIPAL_KOMMUN
				       : CK_MSG_PRINCIPAL_EITHER;
	vb_diag(c->d, VB_W_PRINCIPALS, ck_line(n),
		CK_MSG_PRINCIPALS,
		missing);
}

void
ck_sammansattning(struct vb_check *c, xmlNodePtr n)
{
	check_chairs(c, n);
	check_principals(c, n);
}
