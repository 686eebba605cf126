/*
 * sde.h - the one reader of SOURCE_DATE_EPOCH
 * (https://reproducible-builds.org/specs/source-date-epoch/).
 *
 * With it set, a run's dates (the PDF's CreationDate and XMP dates, the
 * yearbook's date of printing) are that moment in UTC, so the same input
 * gives the same bytes.
 */
#ifndef VB_SDE_H
#define VB_SDE_H

#include <time.h>

/* 1 and *t when SOURCE_DATE_EPOCH holds a whole number of seconds from
 * 1970 up to the end of year 9999; else 0 and *t is now. */
int vb_source_date(time_t *t);

#endif
