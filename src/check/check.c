/*
 * check.c - the driver of the rule checks and the helpers they share.
 *
 * The table below has one checker per section element of the report, as
 * mandoc's mdoc_valids[] has one per macro. Each section is checked once,
 * at its first occurrence (a second one is the schema's business). Then
 * the free text of the whole report is scanned for identity numbers.
 */
#include "check/check.h"

#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "util/alloc.h"
#include "util/space.h"

static const struct {
	const char *name;
	void (*fn)(struct vb_check *, xmlNodePtr);
} checkers[] = {
	{ "grupp", ck_grupp },
	{ "inlamning", ck_inlamning },
	{ "sammansattning", ck_sammansattning },
	{ "moten", ck_moten },
	{ "utbildningsinsatser", ck_utbildningsinsatser },
	{ "avvikelser", ck_avvikelser },
};

#define NCHECKERS (sizeof(checkers) / sizeof(checkers[0]))

void
vb_check_report(xmlDocPtr doc, const struct vb_geo *geo, struct vb_diags *d)
{
	if (doc == NULL || d == NULL)
		return;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	/* Not a report at all: the loader or the schema says so; every rule
	 * here would only add noise. */
	if (root == NULL || !ck_is(root, "arsberattelse"))
		return;

	struct vb_check c = { .geo = geo, .d = d, .root = root, .year = 0 };
	char *ar = ck_attr(root, "ar");
	if (ar == NULL || ck_parse_year(ar, &c.year) != 0)
		c.year = 0;
	free(ar);

	int seen[NCHECKERS] = { 0 };
	for (xmlNodePtr n = root->children; n; n = n->next) {
		for (size_t i = 0; i < NCHECKERS; i++) {
			if (!seen[i] && ck_is(n, checkers[i].name)) {
				seen[i] = 1;
				checkers[i].fn(&c, n);
			}
		}
	}
	ck_free_text(&c, (xmlNodePtr)doc);
}

void
vb_check_manifest_text(xmlDocPtr doc, struct vb_diags *d)
{
	if (doc == NULL || d == NULL)
		return;
	struct vb_check c = { .d = d, .root = xmlDocGetRootElement(doc),
			      .manifest = 1 };
	ck_free_text(&c, (xmlNodePtr)doc);
}

/* ---- tree helpers ---- */

int
ck_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       n->ns->href != NULL &&
	       xmlStrEqual(n->ns->href, (const xmlChar *)VB_REPORT_NS) &&
	       xmlStrEqual(n->name, (const xmlChar *)name);
}

xmlNodePtr
ck_child(xmlNodePtr parent, const char *name)
{
	if (parent == NULL || parent->type != XML_ELEMENT_NODE)
		return NULL;
	for (xmlNodePtr n = parent->children; n; n = n->next)
		if (ck_is(n, name))
			return n;
	return NULL;
}

xmlNodePtr
ck_next(xmlNodePtr n)
{
	const char *name = (const char *)n->name;
	for (n = n->next; n; n = n->next)
		if (ck_is(n, name))
			return n;
	return NULL;
}

long
ck_line(xmlNodePtr n)
{
	long l = n ? xmlGetLineNo(n) : 0;
	return l < 0 ? 0 : l;
}

char *
ck_attr(xmlNodePtr n, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (v == NULL)
		return NULL;
	char *s = vb_collapsed((const char *)v);
	xmlFree(v);
	return s;
}

char *
ck_text(xmlNodePtr n)
{
	if (n == NULL)
		return NULL;
	xmlChar *v = xmlNodeGetContent(n);
	char *s = vb_collapsed((const char *)v);
	xmlFree(v);
	return s;
}

/* ---- value parsers ---- */

static int
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
mdays(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				       30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

int
ck_parse_date(const char *s, struct vb_date *out)
{
	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s, 4) || !digits(s + 5, 2) || !digits(s + 8, 2))
		return -1;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays(y, m))
		return -1;
	out->y = y;
	out->m = m;
	out->day = d;
	return 0;
}

int
ck_parse_count(const char *s, long *out)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > 9 || !digits(s, n))
		return -1;
	*out = atol(s);
	return 0;
}

int
ck_parse_year(const char *s, int *out)
{
	if (s == NULL || strlen(s) != 4 || !digits(s, 4) || atoi(s) == 0)
		return -1;
	*out = atoi(s);
	return 0;
}

int
ck_date_cmp(const struct vb_date *a, const struct vb_date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	return (a->day > b->day) - (a->day < b->day);
}

/* ---- message helpers ---- */

#define QUOTE_MAX 60	/* characters */

char *
ck_quote(const char *s)
{
	size_t chars = 0, i = 0;
	if (s == NULL)
		s = "";
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && chars++ == QUOTE_MAX)
			break;
	}
	if (s[i] == '\0')
		return vb_strdup(s);
	return vb_asprintf("%.*s…", (int)i, s);
}

char *
ck_join(const char *const *v, size_t n, const char *last_sep)
{
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(v[i]) + strlen(last_sep) + 2;
	char *out = vb_malloc(len);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strcat(out, i + 1 == n ? last_sep : ", ");
		strcat(out, v[i]);
	}
	return out;
}

/* ---- suggestions ---- */

#define FOLD_MAX 120

/* Folds s into out (FOLD_MAX bytes); returns its length, or -1 when too
 * long to be worth comparing. */
static int
fold(const char *s, char *out)
{
	int n = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p++;
		if (c == 0xc3 && *p) {	/* Latin-1 supplement, 2 bytes */
			unsigned d = *p++;
			switch (d) {
			case 0xa5: case 0xa4: case 0x85: case 0x84:
			case 0xa0: case 0xa1: case 0x80: case 0x81:
				c = 'a'; break;		/* å ä à á */
			case 0xb6: case 0x96: case 0xb8: case 0x98:
				c = 'o'; break;		/* ö ø */
			case 0xa9: case 0xa8: case 0x89: case 0x88:
				c = 'e'; break;		/* é è */
			case 0xbc: case 0x9c:
				c = 'u'; break;		/* ü */
			default:
				c = 0x80 + d; break;	/* keep distinct */
			}
		} else if (c >= 'A' && c <= 'Z') {
			c += 'a' - 'A';
		} else if (c == ' ' || c == '-' || c == '.' || c == '_' ||
			   c == '\'') {
			continue;
		}
		if (n + 1 >= FOLD_MAX)
			return -1;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return n;
}

static int
ends_with_ci(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++) {
		char a = s[n - k + i];
		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (a != suf[i])
			return 0;
	}
	return 1;
}

static int
lev(const char *a, int na, const char *b, int nb)
{
	int row[FOLD_MAX + 1];
	for (int j = 0; j <= nb; j++)
		row[j] = j;
	for (int i = 1; i <= na; i++) {
		int diag = row[0];
		row[0] = i;
		for (int j = 1; j <= nb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[nb];
}

/* Distance from a folded input to one candidate spelling. */
static int
dist_to(const char *const forms[2], const int nforms[2], const char *cand)
{
	char fc[FOLD_MAX];
	int nc = fold(cand, fc);
	int best = 1 << 20;
	if (nc < 0)
		return best;
	for (int k = 0; k < 2; k++) {
		if (nforms[k] < 0)
			continue;
		int dd = lev(forms[k], nforms[k], fc, nc);
		if (dd < best)
			best = dd;
	}
	return best;
}

/* Whether one of the words of cand (split at spaces and hyphens) is,
 * folded, within one edit of the folded input f (n bytes). */
static int
has_part(const char *cand, const char *f, int n)
{
	const char *p = cand;
	while (*p) {
		size_t k = strcspn(p, " -");
		if (k > 0 && k < FOLD_MAX) {
			char *w = vb_strndup(p, k);
			char fw[FOLD_MAX];
			int nw = fold(w, fw);
			free(w);
			if (nw > 0 && lev(f, n, fw, nw) <= (nw <= 4 ? 0 : 1))
				return 1;
		}
		p += k;
		if (*p)
			p++;
	}
	return 0;
}

const char *
ck_suggest(const char *s, const char *const *cand,
	   const char *const *aliases, size_t n)
{
	if (s == NULL || *s == '\0')
		return NULL;
	/* Drop " kommun", " stad", " stadsdel" and the genitive s before
	 * it: "Göteborgs stad" means Göteborg. */
	size_t len = strlen(s);
	int stripped = 0;
	static const char *const suffixes[] = { " kommun", " stad",
						" stadsdel" };
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		if (ends_with_ci(s, len, suffixes[i]) &&
		    len > strlen(suffixes[i])) {
			len -= strlen(suffixes[i]);
			stripped = 1;
			break;
		}
	}
	char *base = vb_strndup(s, len);
	char f0[FOLD_MAX], f1[FOLD_MAX];
	int n0 = fold(base, f0), n1 = -1;
	free(base);
	if (n0 <= 0)
		return NULL;
	if (stripped && n0 > 1 && f0[n0 - 1] == 's') {
		memcpy(f1, f0, (size_t)n0 - 1);
		f1[n0 - 1] = '\0';
		n1 = n0 - 1;
	}
	const char *const forms[2] = { f0, f1 };
	const int nforms[2] = { n0, n1 };
	int limit = n0 <= 4 ? 1 : n0 <= 8 ? 2 : 3;

	const char *best = NULL;
	int bestd = limit + 1, tie = 0;
	for (size_t i = 0; i < n; i++) {
		if (cand[i] == NULL)
			continue;
		int dd = dist_to(forms, nforms, cand[i]);
		if (aliases && aliases[i]) {
			int da = dist_to(forms, nforms, aliases[i]);
			if (da == 0)
				dd = 0;
		}
		if (dd < bestd) {
			best = cand[i];
			bestd = dd;
			tie = 0;
		} else if (dd == bestd && best && strcmp(best, cand[i]) != 0) {
			tie = 1;
		}
	}
	if (best || tie || n0 < 4)
		return tie ? NULL : best;

	/* A part of a longer name: "Askim" was merged into
	 * "Askim-Frölunda-Högsbo". Only when one candidate has it. */
	for (size_t i = 0; i < n; i++) {
		if (cand[i] == NULL || !has_part(cand[i], f0, n0))
			continue;
		if (best && strcmp(best, cand[i]) != 0)
			return NULL;
		best = cand[i];
	}
	return best;
}
