/* test_pnr.c - personnummer and samordningsnummer in free text: Luhn,
 * real dates, the accepted shapes, and what must not be flagged (phone
 * numbers, case numbers, dates, amounts, longer digit runs). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "check/pnr.h"

/* Valid numbers used below (Luhn checked by hand and by a script):
 *   850709-9805, 811218-9876, 640823-3234, 121212-1212, 120315-2382
 *   070471-2389 (samordningsnummer: 11 July 2007 + 60) */

static int
found(const char *s)
{
	struct vb_pnr_hit h;
	return vb_pnr_find(s, strlen(s), 0, &h);
}

static void
luhn_true_and_false(void **state)
{
	(void)state;
	assert_true(vb_pnr_luhn_ok("8507099805"));
	assert_true(vb_pnr_luhn_ok("8112189876"));
	assert_true(vb_pnr_luhn_ok("6408233234"));
	assert_true(vb_pnr_luhn_ok("1212121212"));
	assert_false(vb_pnr_luhn_ok("8507099806"));
	assert_false(vb_pnr_luhn_ok("8507099804"));
	assert_false(vb_pnr_luhn_ok("1212121213"));
	/* a swap of two digits is caught */
	assert_false(vb_pnr_luhn_ok("8507099850"));
	assert_false(vb_pnr_luhn_ok("85070998a5"));
}

static void
all_shapes_are_found(void **state)
{
	(void)state;
	assert_true(found("850709-9805"));
	assert_true(found("850709+9805"));	/* over 100 years old */
	assert_true(found("8507099805"));
	assert_true(found("19850709-9805"));
	assert_true(found("198507099805"));
	assert_true(found("19850709+9805"));
	assert_true(found("Barnet (121212-1212) uteblev."));
	assert_true(found("pnr:8112189876."));
}

static void
hit_position_and_length(void **state)
{
	(void)state;
	struct vb_pnr_hit h;
	const char *s = "Gäller 19850709-9805 och inget mer";
	assert_true(vb_pnr_find(s, strlen(s), 0, &h));
	assert_int_equal(h.off, strlen("Gäller "));
	assert_int_equal(h.len, 13);
	assert_int_equal(h.datelen, 8);
	assert_false(h.samordning);

	s = "a 850709-9805 b 640823-3234";
	assert_true(vb_pnr_find(s, strlen(s), 0, &h));
	assert_int_equal(h.off, 2);
	assert_true(vb_pnr_find(s, strlen(s), h.off + h.len, &h));
	assert_int_equal(h.off, 16);
	assert_false(vb_pnr_find(s, strlen(s), h.off + h.len, &h));
}

static void
samordningsnummer(void **state)
{
	(void)state;
	struct vb_pnr_hit h;
	const char *s = "070471-2389";
	assert_true(vb_pnr_find(s, strlen(s), 0, &h));
	assert_true(h.samordning);
	assert_true(found("200704712389"));
	/* day 71 - 60 = 11: fine; day 92 - 60 = 32: no such day */
	assert_false(found("070492-2384"));	/* Luhn-valid */
}

static void
wrong_check_digit_is_not_flagged(void **state)
{
	(void)state;
	for (char d = '0'; d <= '9'; d++) {
		char s[] = "850709-980X";
		s[10] = d;
		assert_int_equal(found(s), d == '5');
	}
}

static void
dates_must_be_real(void **state)
{
	(void)state;
	/* all Luhn-valid, but: 13th month, day 0, 31 April */
	assert_false(found("851309-9807"));	/* month 13 */
	assert_false(found("850700-9804"));	/* day 0 */
	assert_false(found("850431-9800"));	/* 31 April */
	assert_true(found("850430-9801"));	/* 30 April */
	/* 29 February: only in leap years */
	assert_true(found("040229-9804"));
	assert_false(found("050229-9803"));
	assert_true(found("20000229-9808"));
	assert_false(found("19000229-9808"));
	/* the twelve-digit form needs a plausible century */
	assert_false(found("21850709-9805"));
	assert_false(found("17850709-9805"));
	assert_true(found("18850709-9805"));
}

static void
phone_numbers_are_not_flagged(void **state)
{
	(void)state;
	assert_false(found("031-123 45 67"));
	assert_false(found("0701234567"));
	assert_false(found("070-123 45 67"));
	assert_false(found("+46701234567"));
	assert_false(found("0303-33 00 00"));
	assert_false(found("Ring 010-441 00 00 eller 0522-69 60 00."));
	assert_false(found("08-123 456 78"));
}

static void
case_numbers_dates_amounts_are_not_flagged(void **state)
{
	(void)state;
	assert_false(found("Dnr 2019-1234"));
	assert_false(found("SN 2019/123-45"));
	assert_false(found("2019-05-14"));
	assert_false(found("20190514"));
	assert_false(found("Kostnaden var 1 250 000 kr"));
	assert_false(found("1250000"));
	assert_false(found("ärende 123456-7897"));	/* Luhn-valid, month 34 */
	assert_false(found("190514-12"));
}

static void
longer_digit_runs_are_not_flagged(void **state)
{
	(void)state;
	assert_false(found("98507099805"));	/* 11 digits */
	assert_false(found("85070998051"));
	assert_false(found("1850709-9805"));
	assert_false(found("850709-98051"));
	assert_false(found("0019850709-9805"));
	assert_false(found("1198507099805"));	/* 13 digits */
	/* boundaries: start and end of the text, punctuation around */
	assert_true(found("850709-9805"));
	assert_true(found("(850709-9805)"));
	assert_true(found("x850709-9805x"));
	assert_true(found("850709-9805,"));
}

static void
incomplete_forms(void **state)
{
	(void)state;
	assert_false(found(""));
	assert_false(found("850709-"));
	assert_false(found("850709-980"));
	/* a space (in reader text: any space) is a shape since issue 11 */
	assert_true(found("850709 9805"));
	assert_true(found("850709 - 9805"));
	assert_false(found("850709  9805"));	/* reader text has one space */
	assert_false(found("850709 -- 9805"));
	assert_false(found("850709--9805"));
	assert_false(found("85-07-09-9805"));
	struct vb_pnr_hit h;
	assert_false(vb_pnr_find(NULL, 0, 0, &h));
	/* the length bounds the search: no reading past n */
	assert_false(vb_pnr_find("850709-9805", 10, 0, &h));
	assert_true(vb_pnr_find("850709-9805", 11, 0, &h));
}

static void
mask_hides_the_last_four(void **state)
{
	(void)state;
	struct vb_pnr_hit h;
	char buf[VB_PNR_MASK_SIZE];
	const char *cases[][2] = {
		{ "850709-9805", "850709-****" },
		{ "8507099805", "850709-****" },
		{ "850709+9805", "850709+****" },
		{ "198507099805", "19850709-****" },
		{ "19850709-9805", "19850709-****" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *s = cases[i][0];
		assert_true(vb_pnr_find(s, strlen(s), 0, &h));
		vb_pnr_mask(s, &h, buf);
		assert_string_equal(buf, cases[i][1]);
		assert_null(strstr(buf, "9805"));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(luhn_true_and_false),
		cmocka_unit_test(all_shapes_are_found),
		cmocka_unit_test(hit_position_and_length),
		cmocka_unit_test(samordningsnummer),
		cmocka_unit_test(wrong_check_digit_is_not_flagged),
		cmocka_unit_test(dates_must_be_real),
		cmocka_unit_test(phone_numbers_are_not_flagged),
		cmocka_unit_test(case_numbers_dates_amounts_are_not_flagged),
		cmocka_unit_test(longer_digit_runs_are_not_flagged),
		cmocka_unit_test(incomplete_forms),
		cmocka_unit_test(mask_hides_the_last_four),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
