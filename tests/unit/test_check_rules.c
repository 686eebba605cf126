/* test_check_rules.c - each rule of FORMAT.md that the XSD cannot hold:
 * the finding, its line and its Swedish detail, and the valid neighbours
 * that must not be flagged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "check_fixture.h"

static void
base_report_is_clean(void **state)
{
	(void)state;
	expect_none(base_report);
}

/* ---- counts ---- */

static void
moten_count(void **state)
{
	(void)state;
	EXPECT_ONE(VB_E_COUNT_MOTEN, L_MOTEN,
		   "avsnitt 2, Antal möten, anger antal=\"6\" men 2 möten är listade",
		   "<moten antal=\"2\">", "<moten antal=\"6\">");
	EXPECT_ONE(VB_E_COUNT_MOTEN, L_MOTEN,
		   "avsnitt 2, Antal möten, anger antal=\"2\" men 1 möte är listat",
		   "    <mote datum=\"2019-02-12\"/>\n", "\n");
	/* no dates listed: the count alone is fine */
	EXPECT_NONE("<moten antal=\"2\">", "<moten antal=\"7\">",
		    "<mote datum=\"2019-02-12\"/>", "",
		    "<mote datum=\"2019-09-10\">Gemensamt möte med elevhälsan</mote>",
		    "");
	EXPECT_NONE("<moten antal=\"2\">", "<moten antal=\" 02 \">");
	/* malformed count: the schema's business */
	EXPECT_NONE("<moten antal=\"2\">", "<moten antal=\"två\">");
	EXPECT_NONE("<moten antal=\"2\">", "<moten antal=\"-1\">");
	EXPECT_NONE("<moten antal=\"2\">",
		    "<moten antal=\"99999999999999999999999\">");
	EXPECT_NONE("<moten antal=\"2\">", "<moten>");
}

static void
avvikelser_count(void **state)
{
	(void)state;
	EXPECT_ONE(VB_E_COUNT_AVVIKELSER, L_AVVIKELSER,
		   "avsnitt 4, Antal avvikelser, anger antal=\"3\" men 1 avvikelse är listad",
		   "<avvikelser antal=\"1\">", "<avvikelser antal=\"3\">");
	/* antal="0" with one listed: the count is wrong (no analysis needed) */
	EXPECT_ONE(VB_E_COUNT_AVVIKELSER, L_AVVIKELSER,
		   "avsnitt 4, Antal avvikelser, anger antal=\"0\" men 1 avvikelse är listad",
		   "<avvikelser antal=\"1\">", "<avvikelser antal=\"0\">");
}

static void
avvikelser_count_none_listed(void **state)
{
	(void)state;
	/* a count with no deviations listed is allowed (analysis given) */
	char *x = edit(base_report, "<avvikelser antal=\"1\">",
		       "<avvikelser antal=\"5\">", NULL);
	char *p = strstr(x, "    <avvikelse ");
	char *q = strstr(x, "    <analys>");
	memmove(p, q, strlen(q) + 1);
	expect_none(x);
	free(x);
}

/* ---- dates ---- */

static void
dates_in_year(void **state)
{
	(void)state;
	EXPECT_ONE(VB_E_DATE_OUTSIDE_YEAR, L_MOTE1,
		   "mötet 2018-12-03 i avsnitt 2 ligger inte i 2019",
		   "2019-02-12", "2018-12-03");
	EXPECT_ONE(VB_E_DATE_OUTSIDE_YEAR, L_INSATS,
		   "utbildningsinsatsen 2020-01-15 i avsnitt 3 ligger inte i 2019",
		   "2019-04-03", "2020-01-15");
	EXPECT_ONE(VB_E_DATE_OUTSIDE_YEAR, L_AVVIKELSE,
		   "avvikelsen 2020-05-14 i avsnitt 4 ligger inte i 2019",
		   "2019-05-14", "2020-05-14");
	/* the first and last day are in the year */
	EXPECT_NONE("2019-02-12", "2019-01-01", "2019-09-10", "2019-12-31");
	/* malformed dates and years: the schema's business */
	EXPECT_NONE("2019-02-12", "2019-02-30");
	EXPECT_NONE("2019-02-12", "12/2 2019");
	EXPECT_NONE("2019-02-12", "");
	EXPECT_NONE("ar=\"2019\"", "ar=\"19\"", "2019-02-12", "2018-02-12");
	EXPECT_NONE("ar=\"2019\"", "", "2019-02-12", "2018-02-12");
	EXPECT_NONE("<mote datum=\"2019-02-12\"/>", "<mote/>");
}

static void
dates_outside_year_each_reported(void **state)
{
	(void)state;
	char *x = edit(base_report, "2019-02-12", "2018-02-12", "2019-09-10",
		       "2020-09-10", NULL);
	struct vb_diags d;
	run_checks(x, &d);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].line, L_MOTE1);
	assert_int_equal(d.v[1].line, L_MOTE2);
	vb_diags_free(&d);
	free(x);
}

static void
hand_in(void **state)
{
	(void)state;
	EXPECT_ONE(VB_E_HANDIN_TOO_EARLY, L_INLAMNING,
		   "inlämnad 2019-12-18, men årsberättelsen gäller hela 2019 och lämnas in tidigast 2020-01-01",
		   "2020-02-20", "2019-12-18");
	EXPECT_ONE(VB_E_HANDIN_TOO_EARLY, L_INLAMNING, NULL,
		   "2020-02-20", "2019-12-31");
	EXPECT_ONE(VB_E_HANDIN_TOO_EARLY, L_INLAMNING, NULL,
		   "2020-02-20", "2018-02-20");
	EXPECT_NONE("2020-02-20", "2020-01-01");
	/* 1 March is the last day; 2 March is late */
	EXPECT_NONE("2020-02-20", "2020-03-01");
	EXPECT_ONE(VB_W_LATE, L_INLAMNING,
		   "2020-03-02, sista dagen var 2020-03-01",
		   "2020-02-20", "2020-03-02");
	EXPECT_ONE(VB_W_LATE, L_INLAMNING, NULL, "2020-02-20", "2021-06-01");
	EXPECT_NONE("2020-02-20", "2020-13-01");
	EXPECT_NONE("datum=\"2020-02-20\"", "");
}

/* ---- members ---- */

static void
chairs(void **state)
{
	(void)state;
	EXPECT_ONE(VB_E_MANY_CHAIRS, L_MEMBER2,
		   "Åsa Lindström på rad 10 och Göran Öberg är båda angivna som ordförande; gruppen ska ha en ordförande",
		   "roll=\"ledamot\"", "roll=\"ordforande\"");
	EXPECT_ONE(VB_E_NO_CHAIR, L_SAMMANSATTNING,
		   "ingen av medlemmarna i avsnitt 1, Gruppens sammansättning, har roll=\"ordforande\"",
		   "roll=\"ordforande\"", "roll=\"sekreterare\"");
	/* a misspelt role is the schema's finding, not "no chair" */
	EXPECT_NONE("roll=\"ordforande\"", "roll=\"ordförande\"");
	EXPECT_NONE("roll=\"ordforande\"", "");
	/* a chair without a name is named by its line */
	EXPECT_ONE(VB_E_MANY_CHAIRS, L_MEMBER2,
		   "Åsa Lindström på rad 10 och medlemmen på rad 15 är båda angivna som ordförande; gruppen ska ha en ordförande",
		   "roll=\"ledamot\"", "roll=\"ordforande\"",
		   "<namn>Göran Öberg</namn>", "");
}

static void
three_chairs(void **state)
{
	(void)state;
	char *x = edit(base_report, "roll=\"ledamot\"", "roll=\"ordforande\"",
		       "  </sammansattning>",
		       "    <medlem roll=\"ordforande\"><namn>Lena Berg</namn>"
		       "<huvudman>annan</huvudman></medlem>\n  </sammansattning>",
		       NULL);
	struct vb_diags d;
	run_checks(x, &d);
	assert_int_equal(count_code(&d, VB_E_MANY_CHAIRS), 2);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].line, L_MEMBER2);
	assert_int_equal(d.v[1].line, 19);
	assert_string_equal(d.v[1].detail,
			    "Åsa Lindström på rad 10 och Lena Berg är båda angivna som ordförande; gruppen ska ha en ordförande");
	vb_diags_free(&d);
	free(x);
}

static void
principals(void **state)
{
	(void)state;
	EXPECT_ONE(VB_W_PRINCIPALS, L_SAMMANSATTNING,
		   "ingen medlem i avsnitt 1 har huvudman region; Västbus är en överenskommelse mellan kommunerna och regionen",
		   "<huvudman>region</huvudman>", "<huvudman>kommun</huvudman>");
	EXPECT_ONE(VB_W_PRINCIPALS, L_SAMMANSATTNING,
		   "ingen medlem i avsnitt 1 har huvudman kommun; Västbus är en överenskommelse mellan kommunerna och regionen",
		   "<huvudman>kommun</huvudman>", "<huvudman>annan</huvudman>");
	EXPECT_ONE(VB_W_PRINCIPALS, L_SAMMANSATTNING, NULL,
		   "<huvudman>kommun</huvudman>", "<huvudman>annan</huvudman>",
		   "<huvudman>region</huvudman>", "<huvudman>annan</huvudman>");
	/* a missing or misspelt huvudman: the schema's finding */
	EXPECT_NONE("<huvudman>region</huvudman>", "<huvudman>Region</huvudman>");
	EXPECT_NONE("<huvudman>region</huvudman>", "");
	EXPECT_NONE("<huvudman>region</huvudman>", "<huvudman> region </huvudman>");
}

/* ---- analysis ---- */

static void
analysis(void **state)
{
	(void)state;
	EXPECT_ONE(VB_E_NO_ANALYSIS, L_AVVIKELSER,
		   "avsnitt 4 anger antal=\"1\"; skriv en analys av avvikelserna",
		   "<analys>", "<ingen-analys xmlns=\"urn:x\">",
		   "</analys>", "</ingen-analys>");
}

static void
no_analysis_needed_without_deviations(void **state)
{
	(void)state;
	char *x = edit(base_report, "<avvikelser antal=\"1\">",
		       "<avvikelser antal=\"0\">", NULL);
	char *p = strstr(x, "    <avvikelse ");
	char *q = strstr(x, "  </avvikelser>");
	memmove(p, q, strlen(q) + 1);
	expect_none(x);
	free(x);
}

/* ---- geography ---- */

static void
kommun(void **state)
{
	(void)state;
	EXPECT_ONE(VB_E_KOMMUN, L_KOMMUN,
		   "\"Göteborgs stad\" finns inte bland Västra Götalands 49 kommuner; menar du \"Göteborg\"?",
		   "<kommun>Ale</kommun>", "<kommun>Göteborgs stad</kommun>");
	EXPECT_ONE(VB_E_KOMMUN, L_KOMMUN,
		   "\"Kungsbacka\" finns inte bland Västra Götalands 49 kommuner",
		   "<kommun>Ale</kommun>", "<kommun>Kungsbacka</kommun>");
	const char *near[][2] = {
		{ "ale", "Ale" }, { "ALE", "Ale" }, { "Ale kommun", "Ale" },
		{ "Alingsas", "Alingsås" }, { "Mölndahl", "Mölndal" },
		{ "Lilla-Edet", "Lilla Edet" }, { "Dals Ed", "Dals-Ed" },
		{ "Trollhättans stad", "Trollhättan" }, { "Boras", "Borås" },
		{ "Amal", "Åmål" }, { "Ockero", "Öckerö" },
		{ "Borås Stad", "Borås" }, { "Kungalv", "Kungälv" },
	};
	for (size_t i = 0; i < sizeof(near) / sizeof(near[0]); i++) {
		char *k = vb_asprintf("<kommun>%s</kommun>", near[i][0]);
		char *want = vb_asprintf(
		    "\"%s\" finns inte bland Västra Götalands 49 kommuner; menar du \"%s\"?",
		    near[i][0], near[i][1]);
		char *x = edit(base_report, "<kommun>Ale</kommun>", k, NULL);
		struct vb_diags d;
		run_checks(x, &d);
		assert_string_equal(only(&d, VB_E_KOMMUN)->detail, want);
		vb_diags_free(&d);
		free(x);
		free(want);
		free(k);
	}
	/* whitespace is collapsed as the schema does (xs:token) */
	EXPECT_NONE("<kommun>Ale</kommun>", "<kommun>\n  Ale\n  </kommun>");
	/* empty: the schema's (or the blank template's) finding */
	EXPECT_NONE("<kommun>Ale</kommun>", "<kommun></kommun>");
	EXPECT_NONE("<kommun>Ale</kommun>", "");
}

static void
stadsdel(void **state)
{
	(void)state;
	EXPECT_ONE(VB_E_STADSDEL_NOT_GBG, L_KOMMUN,
		   "gruppen hör till Ale, men stadsdel \"Angered\" är angiven; ta bort stadsdel",
		   "<kommun>Ale</kommun>",
		   "<kommun>Ale</kommun><stadsdel>Angered</stadsdel>");
	EXPECT_NONE("<kommun>Ale</kommun>",
		    "<kommun>Göteborg</kommun><stadsdel>Angered</stadsdel>");
	EXPECT_NONE("<kommun>Ale</kommun>",
		    "<kommun>Göteborg</kommun><stadsdel>Örgryte-Härlanda</stadsdel>");
	EXPECT_ONE(VB_E_STADSDEL, L_KOMMUN,
		   "stadsdelen \"Askim\" fanns 1990–2010, inte 2019; "
		   "stadsdelarna 2019 var Angered, Askim-Frölunda-Högsbo, Centrum, Lundby, Majorna-Linné, "
		   "Norra Hisingen, Västra Göteborg, Västra Hisingen, Örgryte-Härlanda och Östra Göteborg; "
		   "menar du \"Askim-Frölunda-Högsbo\"?",
		   "<kommun>Ale</kommun>",
		   "<kommun>Göteborg</kommun><stadsdel>Askim</stadsdel>");
	EXPECT_ONE(VB_E_STADSDEL, L_KOMMUN,
		   "\"Hisingen\" är inte en stadsdel i Göteborg 2019; "
		   "stadsdelarna 2019 var Angered, Askim-Frölunda-Högsbo, Centrum, Lundby, Majorna-Linné, "
		   "Norra Hisingen, Västra Göteborg, Västra Hisingen, Örgryte-Härlanda och Östra Göteborg",
		   "<kommun>Ale</kommun>",
		   "<kommun>Göteborg</kommun><stadsdel>Hisingen</stadsdel>");
	EXPECT_ONE(VB_E_STADSDEL, L_KOMMUN, NULL,
		   "<kommun>Ale</kommun>",
		   "<kommun>Göteborg</kommun><stadsdel>askim frölunda högsbo</stadsdel>");
	/* 2008: the old districts */
	EXPECT_NONE("<kommun>Ale</kommun>",
		    "<kommun>Göteborg</kommun><stadsdel>Askim</stadsdel>",
		    "ar=\"2019\"", "ar=\"2008\"", "2020-02-20", "2009-02-20",
		    "2019-02-12", "2008-02-12", "2019-09-10", "2008-09-10",
		    "2019-04-03", "2008-04-03", "2019-05-14", "2008-05-14");
}

static void
stadsdel_after_2020(void **state)
{
	(void)state;
	const char *year[] = { "ar=\"2019\"", "ar=\"2021\"", "2020-02-20",
			       "2022-02-20", "2019-02-12", "2021-02-12",
			       "2019-09-10", "2021-09-10", "2019-04-03",
			       "2021-04-03", "2019-05-14", "2021-05-14" };
	char *x = edit(base_report, "<kommun>Ale</kommun>",
		       "<kommun>Göteborg</kommun><stadsdel>Angered</stadsdel>",
		       NULL);
	for (size_t i = 0; i < sizeof(year) / sizeof(year[0]); i += 2) {
		char *y = edit(x, year[i], year[i + 1], NULL);
		free(x);
		x = y;
	}
	expect_one(x, VB_E_STADSDEL, L_KOMMUN,
		   "Göteborg hade inga stadsdelar 2021, så \"Angered\" kan inte anges; ta bort stadsdel");
	/* and without one, no warning in 2021 */
	char *y = edit(x, "<stadsdel>Angered</stadsdel>", "", NULL);
	expect_none(y);
	free(y);
	free(x);
}

static void
goteborg_without_stadsdel(void **state)
{
	(void)state;
	EXPECT_ONE(VB_W_STADSDEL_MISSING, L_KOMMUN,
		   "Göteborg hade stadsdelar 2019, och varje stadsdel har sin egen lokala grupp; ange en av "
		   "Angered, Askim-Frölunda-Högsbo, Centrum, Lundby, Majorna-Linné, Norra Hisingen, "
		   "Västra Göteborg, Västra Hisingen, Örgryte-Härlanda och Östra Göteborg",
		   "<kommun>Ale</kommun>", "<kommun>Göteborg</kommun>");
	/* an empty stadsdel is the schema's finding */
	EXPECT_NONE("<kommun>Ale</kommun>",
		    "<kommun>Göteborg</kommun><stadsdel/>");
}

static void
delregion(void **state)
{
	(void)state;
	EXPECT_ONE(VB_E_DELREGION, L_DELREGION,
		   "\"Sjuhärad\" är inte en av delregionerna Göteborgsregionen, Fyrbodal, Skaraborg och Södra Älvsborg",
		   "<delregion>Göteborgsregionen</delregion>",
		   "<delregion>Sjuhärad</delregion>");
	EXPECT_ONE(VB_E_DELREGION, L_DELREGION,
		   "\"GR\" är inte en av delregionerna Göteborgsregionen, Fyrbodal, Skaraborg och Södra Älvsborg; menar du \"Göteborgsregionen\"?",
		   "<delregion>Göteborgsregionen</delregion>",
		   "<delregion>GR</delregion>");
	EXPECT_ONE(VB_E_DELREGION, L_DELREGION,
		   "\"Sodra Alvsborg\" är inte en av delregionerna Göteborgsregionen, Fyrbodal, Skaraborg och Södra Älvsborg; menar du \"Södra Älvsborg\"?",
		   "<delregion>Göteborgsregionen</delregion>",
		   "<delregion>Sodra Alvsborg</delregion>");
	EXPECT_ONE(VB_W_DELREGION, L_DELREGION,
		   "Ale hörde 2019 till Göteborgsregionen, inte till Fyrbodal",
		   "<delregion>Göteborgsregionen</delregion>",
		   "<delregion>Fyrbodal</delregion>");
	/* Alingsås 2012: either subregion */
	const char *y2012[] = { "ar=\"2019\"", "ar=\"2012\"", "2020-02-20",
				"2013-02-20", "2019-02-12", "2012-02-12",
				"2019-09-10", "2012-09-10", "2019-04-03",
				"2012-04-03", "2019-05-14", "2012-05-14" };
	char *x = edit(base_report, "<kommun>Ale</kommun>",
		       "<kommun>Alingsås</kommun>",
		       "<delregion>Göteborgsregionen</delregion>",
		       "<delregion>Södra Älvsborg</delregion>", NULL);
	for (size_t i = 0; i < sizeof(y2012) / sizeof(y2012[0]); i += 2) {
		char *y = edit(x, y2012[i], y2012[i + 1], NULL);
		free(x);
		x = y;
	}
	expect_none(x);
	free(x);
	/* Alingsås 2019 with Södra Älvsborg: a warning */
	EXPECT_ONE(VB_W_DELREGION, L_DELREGION,
		   "Alingsås hörde 2019 till Göteborgsregionen, inte till Södra Älvsborg",
		   "<kommun>Ale</kommun>", "<kommun>Alingsås</kommun>",
		   "<delregion>Göteborgsregionen</delregion>",
		   "<delregion>Södra Älvsborg</delregion>");
	/* unknown kommun: only the kommun is reported, not the pairing */
	EXPECT_ONE(VB_E_KOMMUN, L_KOMMUN, NULL,
		   "<kommun>Ale</kommun>", "<kommun>Kungsbacka</kommun>");
}

static void
without_geography(void **state)
{
	(void)state;
	char *x = edit(base_report, "<kommun>Ale</kommun>",
		       "<kommun>Nowhere</kommun><stadsdel>X</stadsdel>",
		       "<delregion>Göteborgsregionen</delregion>",
		       "<delregion>Y</delregion>", NULL);
	struct vb_diags d;
	run_checks_geo(x, NULL, &d);
	assert_int_equal(d.n, 0);
	vb_diags_free(&d);
	free(x);
}

/* ---- personnummer in free text ---- */

static void
pnr_in_deviation(void **state)
{
	(void)state;
	EXPECT_ONE(VB_E_PERSONNUMMER, L_BESKRIVNING,
		   "850709-**** i avsnitt 4, Avvikelser (beskrivning); ta bort numret, avvikelsetexter får aldrig kunna identifiera ett barn",
		   "Kallad part kom inte.", "Kallad part kom inte (850709-9805).");
	EXPECT_ONE(VB_E_PERSONNUMMER, L_STYCKE,
		   "20070471-**** i avsnitt 4, Avvikelser (analys); ta bort numret, avvikelsetexter får aldrig kunna identifiera ett barn",
		   "når inte rätt person.", "når inte 200704712389.");
	EXPECT_ONE(VB_E_PERSONNUMMER, L_REFLEKTION,
		   "121212-**** i reflektionen; ta bort numret, en årsberättelse får aldrig kunna identifiera ett barn",
		   "Bättre i år.", "Bättre i år för 121212-1212.");
	EXPECT_ONE(VB_E_PERSONNUMMER, L_MOTE2,
		   "850709+**** i avsnitt 2, Antal möten (anteckning om mötet); ta bort numret, en årsberättelse får aldrig kunna identifiera ett barn",
		   "med elevhälsan", "om 850709+9805");
	EXPECT_ONE(VB_E_PERSONNUMMER, 11, NULL,
		   "<funktion>Enhetschef</funktion>",
		   "<funktion>Enhetschef 8507099805</funktion>");
	EXPECT_ONE(VB_E_PERSONNUMMER, 14,
		   "850709-**** i en kommentar i filen; ta bort numret, en årsberättelse får aldrig kunna identifiera ett barn",
		   "second member", "850709-9805");
}

static void
pnr_message_never_echoes_the_number(void **state)
{
	(void)state;
	char *x = edit(base_report, "Kallad part kom inte.",
		       "Pojken 19850709-9805, syster 8112189876.", NULL);
	struct vb_diags d;
	run_checks(x, &d);
	assert_int_equal(count_code(&d, VB_E_PERSONNUMMER), 2);
	for (size_t i = 0; i < d.n; i++) {
		assert_null(strstr(d.v[i].detail, "9805"));
		assert_null(strstr(d.v[i].detail, "9876"));
	}
	vb_diags_free(&d);
	free(x);
}

static void
pnr_lines_in_long_text(void **state)
{
	(void)state;
	/* the hit on the third line of a paragraph is reported there */
	EXPECT_ONE(VB_E_PERSONNUMMER, L_BESKRIVNING + 2, NULL,
		   "Kallad part kom inte.",
		   "Kallad part\n        kom inte\n        (850709-9805).");
	/* text after a child element (mixed content) */
	EXPECT_ONE(VB_E_PERSONNUMMER, L_BESKRIVNING + 2, NULL,
		   "Kallad part kom inte.",
		   "<stycke>Ett.</stycke>\n\n 850709-9805 <stycke>Två.</stycke>");
	/* the first of two paragraphs */
	EXPECT_ONE(VB_E_PERSONNUMMER, L_BESKRIVNING + 1, NULL,
		   "Kallad part kom inte.",
		   "\n<stycke>Ett 850709-9805.</stycke>\n<stycke>Två.</stycke>");
}

static void
phone_and_case_numbers_pass(void **state)
{
	(void)state;
	EXPECT_NONE("Kallad part kom inte.",
		    "Ring 031-123 45 67 eller 0701234567, dnr 2019-1234, "
		    "kostnad 1250000 kr, möte 2019-05-14, ärende 20190514-0012.");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(base_report_is_clean),
		cmocka_unit_test(moten_count),
		cmocka_unit_test(avvikelser_count),
		cmocka_unit_test(avvikelser_count_none_listed),
		cmocka_unit_test(dates_in_year),
		cmocka_unit_test(dates_outside_year_each_reported),
		cmocka_unit_test(hand_in),
		cmocka_unit_test(chairs),
		cmocka_unit_test(three_chairs),
		cmocka_unit_test(principals),
		cmocka_unit_test(analysis),
		cmocka_unit_test(no_analysis_needed_without_deviations),
		cmocka_unit_test(kommun),
		cmocka_unit_test(stadsdel),
		cmocka_unit_test(stadsdel_after_2020),
		cmocka_unit_test(goteborg_without_stadsdel),
		cmocka_unit_test(delregion),
		cmocka_unit_test(without_geography),
		cmocka_unit_test(pnr_in_deviation),
		cmocka_unit_test(pnr_message_never_echoes_the_number),
		cmocka_unit_test(pnr_lines_in_long_text),
		cmocka_unit_test(phone_and_case_numbers_pass),
	};
	return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
