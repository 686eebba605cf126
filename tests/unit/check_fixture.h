/*
 * check_fixture.h - shared by tests/unit/test_check_*.c: a valid report
 * (doc/format-exempel.xml in short), edits by text substitution, a run of
 * the rule checks, and look-ups in the findings.
 *
 * The base report's lines (numbers asserted by the tests):
 *   2 root   4 kommun   5 delregion   7 inlamning   9 sammansattning
 *  10 chair Åsa   13 huvudman kommun   15 member Göran   18 huvudman region
 *  20 moten   21-22 mote   24 utbildningsinsatser   25 insats
 *  27 avvikelser   28 avvikelse   29 beskrivning   31 analys   32 stycke
 */
#ifndef CHECK_FIXTURE_H
#define CHECK_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "check/check.h"
#include "diag/diag.h"
#include "geo/geo.h"
#include "util/alloc.h"
#include "xml/load.h"

static const char base_report[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"					/* 1 */
"<arsberattelse xmlns=\"urn:vastbus:arsberattelse:1\" ar=\"2019\" version=\"1\">\n" /* 2 */
"  <grupp><namn>Lokala Västbusgruppen i Ale</namn>\n"				/* 3 */
"    <kommun>Ale</kommun>\n"							/* 4 */
"    <delregion>Göteborgsregionen</delregion></grupp>\n"			/* 5 */
"  <inlamning\n"								/* 6 */
"    datum=\"2020-02-20\"><kontaktperson><namn>Åsa Lindström</namn>\n"		/* 7 */
"    <epost>asa@ale.se</epost><telefon>0303-33 00 00</telefon></kontaktperson></inlamning>\n" /* 8 */
"  <sammansattning>\n"								/* 9 */
"    <medlem roll=\"ordforande\">\n"						/* 10 */
"      <namn>Åsa Lindström</namn><funktion>Enhetschef</funktion>\n"		/* 11 */
"      <organisation>IFO, Ale kommun</organisation><verksamhet>socialtjanst</verksamhet>\n" /* 12 */
"      <huvudman>kommun</huvudman></medlem>\n"					/* 13 */
"    <!-- second member -->\n"							/* 14 */
"    <medlem roll=\"ledamot\">\n"						/* 15 */
"      <namn>Göran Öberg</namn><funktion>Verksamhetschef</funktion>\n"		/* 16 */
"      <organisation>BUP Kungälv</organisation><verksamhet>bup</verksamhet>\n"	/* 17 */
"      <huvudman>region</huvudman></medlem>\n"					/* 18 */
"  </sammansattning>\n"								/* 19 */
"  <moten antal=\"2\">\n"							/* 20 */
"    <mote datum=\"2019-02-12\"/>\n"						/* 21 */
"    <mote datum=\"2019-09-10\">Gemensamt möte med elevhälsan</mote></moten>\n"	/* 22 */
"  <utbildningsinsatser>\n"							/* 23 */
"    <insats datum=\"2019-04-03\" deltagare=\"45\"><titel>SIP för nya</titel>\n"	/* 24 */
"    </insats></utbildningsinsatser>\n"						/* 25 */
"  <avvikelser antal=\"1\">\n"							/* 26 */
"    <avvikelse datum=\"2019-05-14\" kategori=\"oenighet\" status=\"pagaende\">\n" /* 27 */
"      <rapporterande verksamhet=\"skola\">Elevhälsan</rapporterande><berord verksamhet=\"bup\">BUP</berord>\n" /* 28 */
"      <beskrivning>Kallad part kom inte.</beskrivning></avvikelse>\n"		/* 29 */
"    <analys>\n"								/* 30 */
"      <stycke>Kallelserutinen når inte rätt person.</stycke></analys>\n"	/* 31 */
"  </avvikelser>\n"								/* 32 */
"  <reflektion><stycke>Bättre i år.</stycke></reflektion>\n"			/* 33 */
"</arsberattelse>\n";

/* Line numbers in base_report. */
enum {
	L_ROOT = 2, L_KOMMUN = 4, L_DELREGION = 5, L_INLAMNING = 7,
	L_SAMMANSATTNING = 9, L_CHAIR = 10, L_MEMBER2 = 15, L_MOTEN = 20,
	L_MOTE1 = 21, L_MOTE2 = 22, L_INSATS = 24, L_AVVIKELSER = 26,
	L_AVVIKELSE = 27, L_BESKRIVNING = 29, L_STYCKE = 31, L_REFLEKTION = 33
};

/* base_report with each pair (from, to) of the NULL-terminated list
 * replaced once; fails the test when a from is missing. */
static inline char *
edit(const char *src, ...)
{
	va_list ap;
	char *s = vb_strdup(src);
	va_start(ap, src);
	for (;;) {
		const char *from = va_arg(ap, const char *);
		if (from == NULL)
			break;
		const char *to = va_arg(ap, const char *);
		char *p = strstr(s, from);
		if (p == NULL)
			fail_msg("edit: \"%s\" not in the report", from);
		char *t = vb_asprintf("%.*s%s%s", (int)(p - s), s, to,
				      p + strlen(from));
		free(s);
		s = t;
	}
	va_end(ap);
	return s;
}

static struct vb_geo *fixture_geo;

static inline int
fixture_setup(void **state)
{
	(void)state;
	char *err = NULL;
	fixture_geo = vb_geo_load("data/geografi.xml", &err);
	if (fixture_geo == NULL) {
		print_error("%s\n", err ? err : "?");
		free(err);
		return -1;
	}
	return 0;
}

static inline int
fixture_teardown(void **state)
{
	(void)state;
	vb_geo_free(fixture_geo);
	fixture_geo = NULL;
	return 0;
}

/* Parses xml with the program's own loader (src/xml/load.c, as the
 * check pipeline does) and runs the rule checks into d (initialised here;
 * the caller frees it). The XSD is left out on purpose: these tests feed
 * the rules trees the schema would refuse. */
static inline void
run_checks_geo(const char *xml, const struct vb_geo *geo,
	       struct vb_diags *d)
{
	vb_diags_init(d, "test.xml");
	xmlDocPtr doc = vb_xml_parse(xml, strlen(xml), "test.xml", d);
	if (doc == NULL || d->n != 0)
		fail_msg("test report is not well-formed");
	vb_check_report(doc, geo, d);
	xmlFreeDoc(doc);
}

static inline void
run_checks(const char *xml, struct vb_diags *d)
{
	run_checks_geo(xml, fixture_geo, d);
}

static inline size_t
count_code(const struct vb_diags *d, enum vb_diag_code code)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->v[i].code == code;
	return n;
}

/* The only finding with this code; fails unless there is exactly one. */
static inline const struct vb_diag *
only(const struct vb_diags *d, enum vb_diag_code code)
{
	const struct vb_diag *hit = NULL;
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].code != code)
			continue;
		if (hit)
			fail_msg("more than one finding of code %d", code);
		hit = &d->v[i];
	}
	if (hit == NULL)
		fail_msg("no finding of code %d (%zu findings)", code, d->n);
	return hit;
}

/* Asserts exactly one finding in total: code at line, detail equal. */
static inline void
expect_one(const char *xml, enum vb_diag_code code, long line,
	   const char *detail)
{
	struct vb_diags d;
	run_checks(xml, &d);
	if (d.n != 1) {
		for (size_t i = 0; i < d.n; i++)
			print_error("  finding %d line %ld: %s\n", d.v[i].code,
				    d.v[i].line,
				    d.v[i].detail ? d.v[i].detail : "");
		fail_msg("expected 1 finding, got %zu", d.n);
	}
	assert_int_equal(d.v[0].code, code);
	assert_int_equal(d.v[0].line, line);
	if (detail)
		assert_string_equal(d.v[0].detail, detail);
	vb_diags_free(&d);
}

static inline void
expect_none(const char *xml)
{
	struct vb_diags d;
	run_checks(xml, &d);
	for (size_t i = 0; i < d.n; i++)
		print_error("  finding %d line %ld: %s\n", d.v[i].code,
			    d.v[i].line, d.v[i].detail ? d.v[i].detail : "");
	assert_int_equal(d.n, 0);
	vb_diags_free(&d);
}

/* Edits base_report, expects one finding, frees the edited report. */
#define EXPECT_ONE(code, line, detail, ...)                                  \
	do {                                                                 \
		char *x_ = edit(base_report, __VA_ARGS__, NULL);             \
		expect_one(x_, code, line, detail);                          \
		free(x_);                                                    \
	} while (0)

#define EXPECT_NONE(...)                                                     \
	do {                                                                 \
		char *x_ = edit(base_report, __VA_ARGS__, NULL);             \
		expect_none(x_);                                             \
		free(x_);                                                    \
	} while (0)

#endif
