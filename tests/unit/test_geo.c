/* test_geo.c - data/geografi.xml as the rule checks see it: the 49
 * municipalities, the four subregions, pairings by year, Göteborg's
 * districts by period, Swedish order, and refusal of broken data files. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "geo/geo.h"

#define DATA "data/geografi.xml"

static int
setup(void **state)
{
	char *err = NULL;
	struct vb_geo *g = vb_geo_load(DATA, &err);
	if (g == NULL) {
		print_error("%s\n", err ? err : "?");
		free(err);
		return -1;
	}
	*state = g;
	return 0;
}

static int
teardown(void **state)
{
	vb_geo_free(*state);
	return 0;
}

static void
counts(void **state)
{
	const struct vb_geo *g = *state;
	assert_int_equal(g->nkommuner, 49);
	assert_int_equal(g->ndelregioner, 4);
	size_t per[4] = { 0 };
	const char *names[4] = { "Göteborgsregionen", "Fyrbodal", "Skaraborg",
				 "Södra Älvsborg" };
	for (size_t i = 0; i < g->nkommuner; i++)
		for (int r = 0; r < 4; r++)
			per[r] += vb_geo_pairs(g, g->kommuner[i].namn,
					       names[r], 2019) == 1;
	assert_int_equal(per[0], 12);
	assert_int_equal(per[1], 14);
	assert_int_equal(per[2], 15);
	assert_int_equal(per[3], 8);
}

static void
exact_spelling(void **state)
{
	const struct vb_geo *g = *state;
	assert_true(vb_geo_has_kommun(g, "Göteborg"));
	assert_true(vb_geo_has_kommun(g, "Lilla Edet"));
	assert_true(vb_geo_has_kommun(g, "Dals-Ed"));
	assert_true(vb_geo_has_kommun(g, "Åmål"));
	assert_false(vb_geo_has_kommun(g, "göteborg"));
	assert_false(vb_geo_has_kommun(g, "Goteborg"));
	assert_false(vb_geo_has_kommun(g, "Göteborgs stad"));
	assert_false(vb_geo_has_kommun(g, "Kungsbacka"));	/* Halland */
	assert_false(vb_geo_has_kommun(g, ""));
	assert_false(vb_geo_has_kommun(g, NULL));
	assert_true(vb_geo_has_delregion(g, "Södra Älvsborg"));
	assert_false(vb_geo_has_delregion(g, "Sjuhärad"));
	assert_string_equal(vb_geo_delregion(g, "Göteborgsregionen")->id, "gr");
}

static void
pairing_by_year(void **state)
{
	const struct vb_geo *g = *state;
	assert_int_equal(vb_geo_pairs(g, "Ale", "Göteborgsregionen", 2019), 1);
	assert_int_equal(vb_geo_pairs(g, "Ale", "Fyrbodal", 2019), 0);
	assert_int_equal(vb_geo_pairs(g, "Skövde", "Skaraborg", 2005), 1);
	/* before the table starts: unknown, not wrong */
	assert_int_equal(vb_geo_pairs(g, "Ale", "Fyrbodal", 2003), -1);
	assert_int_equal(vb_geo_pairs(g, "Nowhere", "Fyrbodal", 2019), -1);
	/* Alingsås sat with Södra Älvsborg for a period: both accepted */
	assert_int_equal(vb_geo_pairs(g, "Alingsås", "Södra Älvsborg", 2012), 1);
	assert_int_equal(vb_geo_pairs(g, "Alingsås", "Göteborgsregionen", 2012), 1);
	assert_int_equal(vb_geo_pairs(g, "Alingsås", "Södra Älvsborg", 2019), 0);
	const char *v[4];
	assert_int_equal(vb_geo_delregioner_for(g, "Lerum", 2012, v, 4), 2);
	assert_int_equal(vb_geo_delregioner_for(g, "Lerum", 2019, v, 4), 1);
	assert_string_equal(v[0], "Göteborgsregionen");
	assert_int_equal(vb_geo_delregioner_for(g, "Lerum", 2019, NULL, 0), 1);
}

static void
districts_by_period(void **state)
{
	const struct vb_geo *g = *state;
	const char *v[64];
	assert_int_equal(vb_geo_stadsdelar(g, "Göteborg", 2019, v, 64), 10);
	assert_int_equal(vb_geo_stadsdelar(g, "Göteborg", 2011, v, 64), 10);
	assert_int_equal(vb_geo_stadsdelar(g, "Göteborg", 2020, v, 64), 10);
	assert_int_equal(vb_geo_stadsdelar(g, "Göteborg", 2021, v, 64), 0);
	assert_int_equal(vb_geo_stadsdelar(g, "Göteborg", 2010, v, 64), 21);
	assert_int_equal(vb_geo_stadsdelar(g, "Ale", 2019, v, 64), 0);
	/* Swedish order: Ö last */
	vb_geo_stadsdelar(g, "Göteborg", 2019, v, 64);
	assert_string_equal(v[0], "Angered");
	assert_string_equal(v[8], "Örgryte-Härlanda");
	assert_string_equal(v[9], "Östra Göteborg");
	/* max bounds the output but not the count */
	assert_int_equal(vb_geo_stadsdelar(g, "Göteborg", 2019, v, 2), 10);

	assert_true(vb_geo_has_any_stadsdel(g, "Göteborg"));
	assert_false(vb_geo_has_any_stadsdel(g, "Borås"));
	assert_true(vb_geo_has_stadsdel(g, "Göteborg", "Angered", 2019));
	assert_false(vb_geo_has_stadsdel(g, "Göteborg", "Angered", 2021));
	assert_false(vb_geo_has_stadsdel(g, "Göteborg", "Askim", 2019));
	assert_true(vb_geo_has_stadsdel(g, "Göteborg", "Askim", 2008));
	assert_true(vb_geo_has_stadsdel(g, "Göteborg", "Centrum", 2008));
	assert_true(vb_geo_has_stadsdel(g, "Göteborg", "Centrum", 2019));
	assert_false(vb_geo_has_stadsdel(g, "Ale", "Angered", 2019));
	const struct vb_geo_period *p =
	    vb_geo_stadsdel_period(g, "Göteborg", "Askim");
	assert_non_null(p);
	assert_int_equal(p->till, 2010);
	assert_null(vb_geo_stadsdel_period(g, "Göteborg", "Nowhere"));
}

static void
swedish_order(void **state)
{
	const struct vb_geo *g = *state;
	assert_string_equal(g->kommuner[0].namn, "Ale");
	assert_string_equal(g->kommuner[g->nkommuner - 2].namn, "Åmål");
	assert_string_equal(g->kommuner[g->nkommuner - 1].namn, "Öckerö");
	for (size_t i = 1; i < g->nkommuner; i++)
		assert_true(vb_geo_sv_cmp(g->kommuner[i - 1].namn,
					  g->kommuner[i].namn) < 0);
	assert_true(vb_geo_sv_cmp("Zeta", "Åmål") < 0);
	assert_true(vb_geo_sv_cmp("Åmål", "Älvsborg") < 0);
	assert_true(vb_geo_sv_cmp("Älvsborg", "Öckerö") < 0);
	assert_true(vb_geo_sv_cmp("ale", "Ale") < 0);
	assert_true(vb_geo_sv_cmp("Ale", "Alingsås") < 0);
	assert_true(vb_geo_sv_cmp("Lilla Edet", "Lillaby") < 0);
	assert_true(vb_geo_sv_cmp("Linné", "Linnf") < 0);	/* é as e */
	assert_int_equal(vb_geo_sv_cmp("Mark", "Mark"), 0);
}

/* Writes text to a temporary file and tries to load it. */
static char *
load_error(const char *text)
{
	char path[] = "/tmp/vastbus-geo-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	char *err = NULL;
	struct vb_geo *g = vb_geo_load(path, &err);
	unlink(path);
	assert_null(g);
	assert_non_null(err);
	return err;
}

#define HEAD "<geografi xmlns=\"urn:vastbus:geografi:1\">" \
	     "<delregion id=\"a\" namn=\"A\"/>\n"

static void
broken_files_are_refused(void **state)
{
	(void)state;
	char *err = NULL;
	assert_null(vb_geo_load("/nonexistent/geografi.xml", &err));
	assert_non_null(strstr(err, "kan inte läsas"));
	free(err);
	assert_null(vb_geo_load("/nonexistent/geografi.xml", NULL));

	const struct {
		const char *xml, *want;
	} cases[] = {
		{ "<geografi", "inte korrekt XML" },
		{ "<geografi/>", "rotelementet" },
		{ HEAD "</geografi>", "saknar delregioner eller kommuner" },
		{ HEAD "<kommun namn=\"K\"/></geografi>", "saknar <tillhor>" },
		{ HEAD "<kommun namn=\"K\"><tillhor delregion=\"B\" fran=\"2005\"/>"
		  "</kommun></geografi>", "delregionen B är inte deklarerad" },
		{ HEAD "<kommun namn=\"K\"><tillhor delregion=\"A\" fran=\"2010\" "
		  "till=\"2005\"/></kommun></geografi>", "slutar innan" },
		{ HEAD "<kommun namn=\"K\"><tillhor delregion=\"A\" fran=\"20x5\"/>"
		  "</kommun></geografi>", "inte ett årtal" },
		{ HEAD "<kommun namn=\"K\"><tillhor delregion=\"A\" fran=\"2005\"/>"
		  "</kommun>\n<kommun namn=\"K\"><tillhor delregion=\"A\" "
		  "fran=\"2005\"/></kommun></geografi>", ":3: kommunen K står två gånger" },
		{ HEAD "<kommun><tillhor delregion=\"A\" fran=\"2005\"/></kommun>"
		  "</geografi>", "saknar attributet namn" },
		{ HEAD "<okand/></geografi>", "okänt element <okand>" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		err = load_error(cases[i].xml);
		if (strstr(err, cases[i].want) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err,
				 cases[i].want);
		free(err);
	}
}

static void
minimal_file_loads(void **state)
{
	(void)state;
	const char *xml = HEAD
	    "<kommun namn=\"K\"><tillhor delregion=\"A\" fran=\"2005\"/>"
	    "<stadsdel namn=\"S\" fran=\"2011\" till=\"2020\"/></kommun>"
	    "</geografi>";
	char path[] = "/tmp/vastbus-geo-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, xml, strlen(xml)), (ssize_t)strlen(xml));
	close(fd);
	char *err = NULL;
	struct vb_geo *g = vb_geo_load(path, &err);
	unlink(path);
	assert_non_null(g);
	assert_null(err);
	assert_int_equal(vb_geo_pairs(g, "K", "A", 2100), 1);	/* open end */
	assert_true(vb_geo_has_stadsdel(g, "K", "S", 2015));
	vb_geo_free(g);
	vb_geo_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts),
		cmocka_unit_test(exact_spelling),
		cmocka_unit_test(pairing_by_year),
		cmocka_unit_test(districts_by_period),
		cmocka_unit_test(swedish_order),
		cmocka_unit_test(broken_files_are_refused),
		cmocka_unit_test(minimal_file_loads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
