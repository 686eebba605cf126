/* pnr.c - see pnr.h. */
#include "check/pnr.h"

#include <string.h>

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

static int
num2(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

static int
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdig(s[i]))
			return 0;
	return 1;
}

int
vb_pnr_luhn_ok(const char *ten)
{
	if (!all_digits(ten, 10))
		return 0;
	int sum = 0;
	for (int i = 0; i < 9; i++) {
		int v = (ten[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += v > 9 ? v - 9 : v;
	}
	return (10 - sum % 10) % 10 == ten[9] - '0';
}

static int
days_in_month(int month, int leap)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				       30, 31 };
	return month == 2 && leap ? 29 : days[month - 1];
}

/* Checks month and day (possibly + 60). leap: whether 29 Feb exists. */
static int
date_ok(int month, int day, int leap, int *samordning)
{
	if (month < 1 || month > 12)
		return 0;
	*samordning = 0;
	if (day > 60) {
		day -= 60;
		*samordning = 1;
	}
	return day >= 1 && day <= days_in_month(month, leap);
}

/* Tries an identity number whose date part (datelen digits) starts at
 * s[i]; s[i-1] is known not to be a digit. */
static int
try_at(const char *s, size_t n, size_t i, int datelen,
       struct vb_pnr_hit *hit)
{
	size_t p = i + (size_t)datelen;
	size_t seplen = 0;
	if (p > n)
		return 0;
	if (!all_digits(s + i, (size_t)datelen))
		return 0;
	/* The separator: nothing, '-', '+' or one space, or a dash or plus
	 * with one space either side (the reader text has already turned
	 * every space into one ' ' and every dash into '-'). */
	if (p + seplen < n && s[p + seplen] == ' ')
		seplen++;
	if (p + seplen < n && (s[p + seplen] == '-' || s[p + seplen] == '+')) {
		seplen++;
		if (p + seplen < n && s[p + seplen] == ' ')
			seplen++;
	}
	size_t end = p + seplen + 4;
	if (end > n || !all_digits(s + p + seplen, 4))
		return 0;
	if (end < n && isdig(s[end]))
		return 0;	/* part of a longer run of digits */

	const char *d = s + i + (datelen == 8 ? 2 : 0);	/* YYMMDD */
	int leap;
	if (datelen == 8) {
		int cc = num2(s + i);
		if (cc < 18 || cc > 20)
			return 0;
		int y = cc * 100 + num2(d);
		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	} else {
		/* century unknown: 00 is a leap year in 2000 */
		leap = num2(d) % 4 == 0;
	}
	int samordning;
	if (!date_ok(num2(d + 2), num2(d + 4), leap, &samordning))
		return 0;

	char ten[10];
	memcpy(ten, d, 6);
	memcpy(ten + 6, s + p + seplen, 4);
	if (!vb_pnr_luhn_ok(ten))
		return 0;

	hit->off = i;
	hit->len = end - i;
	hit->samordning = samordning;
	hit->datelen = datelen;
	return 1;
}

int
vb_pnr_find(const char *s, size_t n, size_t start, struct vb_pnr_hit *hit)
{
	if (s == NULL)
		return 0;
	for (size_t i = start; i < n; i++) {
		if (!isdig(s[i]))
			continue;
		if (i > 0 && isdig(s[i - 1]))
			continue;	/* not the start of a digit run */
		/* The twelve-digit forms first: "198507099805" must not be
		 * read as a ten-digit number (it cannot: the run is longer),
		 * and "19850709-9805" leaves "850709" inside a run. */
		if (try_at(s, n, i, 8, hit) || try_at(s, n, i, 6, hit))
			return 1;
	}
	return 0;
}

void
vb_pnr_mask(const char *s, const struct vb_pnr_hit *hit, char *buf)
{
	size_t dl = hit->datelen == 8 ? 8 : 6;
	memcpy(buf, s + hit->off, dl);
	char sep = '-';
	for (size_t k = hit->off + dl; k < hit->off + hit->len - 4; k++)
		if (s[k] == '+')
			sep = '+';
	buf[dl] = sep;
	memcpy(buf + dl + 1, "****", 5);
}
