/*
 * pnr.h - finds Swedish personal identity numbers in free text.
 *
 * A personnummer is a date of birth and four digits, the last a Luhn check
 * digit computed on the ten-digit form YYMMDDNNNN. A samordningsnummer is
 * the same with 60 added to the day. Accepted shapes, each standing alone
 * (not part of a longer run of digits):
 *
 *     YYMMDD-NNNN   YYMMDD+NNNN   YYMMDDNNNN
 *     YYYYMMDD-NNNN YYYYMMDD+NNNN YYYYMMDDNNNN
 *
 * The separator may also be one space, or a '-' or '+' with one space
 * on either side: the scan runs on reader text (reader_text.h), where
 * every space is ' ' and every dash '-'.
 *
 * The date must be real (29 February only in leap years) and the check
 * digit correct, so phone numbers, case numbers, dates and amounts are
 * not flagged. Pure functions: no allocation, no state.
 */
#ifndef VB_CHECK_PNR_H
#define VB_CHECK_PNR_H

#include <stddef.h>

struct vb_pnr_hit {
	size_t off;		/* byte offset of the first digit */
	size_t len;		/* bytes covered, separator included */
	int samordning;		/* 1 for a samordningsnummer (day + 60) */
	int datelen;		/* 6 (YYMMDD) or 8 (YYYYMMDD) */
};

/* Luhn check on ten digits (ASCII). Returns 1 when the last digit is the
 * correct check digit of the first nine. */
int vb_pnr_luhn_ok(const char *ten);

/* Searches s[start..n) for the next identity number. Returns 1 and fills
 * hit, or 0 when there is none. */
int vb_pnr_find(const char *s, size_t n, size_t start,
		struct vb_pnr_hit *hit);

/* Writes a masked form of the hit, e.g. "850709-****", into buf (at least
 * VB_PNR_MASK_SIZE bytes): the date as written, the separator ('-' when
 * none was written), four stars. The last four digits never appear. */
#define VB_PNR_MASK_SIZE 16
void vb_pnr_mask(const char *s, const struct vb_pnr_hit *hit, char *buf);

#endif
