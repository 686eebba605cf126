/*
 * sasong.h - the coordinator's season, shared by `vastbus arsbok`,
 * `status` and `statistik`: a manifest opened and checked, its reports
 * found (by fil or by content), checked and matched, and the foregaende
 * chain followed back year by year.
 */
#ifndef VB_CLI_SASONG_H
#define VB_CLI_SASONG_H

#include <stdio.h>

#include "arsbok/arsbok.h"
#include "cli/cli.h"

/* How far back foregaende is followed: this year and nine before. */
#define VB_SASONG_MAX_YEARS 10

/* The total input budget of one run over a season (arsbok, status,
 * statistik): the manifests and the reports they name, of every year
 * along the foregaende chain, together. Each file is capped on its own
 * (VB_MAX_INPUT_BYTES, 8 MiB), but a yearbook holds every report in
 * memory at once and typesets this year's: peak memory grows about 35
 * bytes per input byte for a report full of tables (2 maximal reports,
 * 13.6 MB: 0.46 GB). 20 MiB keeps every input set under 0.75 GB and
 * still takes two maximal reports, or ten years of 49 real ones (about
 * 3.5 MB), with room to spare. */
#define VB_SASONG_MAX_BYTES (20u * 1024u * 1024u)

/* Parses, validates (XSD as for reports, then the manifest's own rules)
 * and opens a manifest, then finds its reports by content
 * (vb_arsbok_discover). NULL when it has errors; findings in d. */
struct vb_arsbok *vb_sasong_open(struct vb_ctx *ctx, const char *path,
				 struct vb_diags *d);

/* Follows ab's foregaende back (at most VB_SASONG_MAX_YEARS years in
 * all), each one year earlier than the one before; sets ab->prev,
 * ab->prev->prev, … A manifest with errors, a wrong year or a cycle is an
 * error in md (the link's line in ab's or the later manifest) and returns
 * -1; the findings of the older manifests are printed to err. */
int vb_sasong_chain(struct vb_ctx *ctx, struct vb_arsbok *ab,
		    struct vb_diags *md, FILE *err);

/* The budget above: sums the sizes of ab's manifest and reports and of
 * every earlier year's (ab->prev…), as they are on disk now (files that
 * are missing or not regular count nothing: they are not read). Over
 * the budget: an error in md naming the total and the bound, and -1. */
int vb_sasong_budget(const struct vb_arsbok *ab, struct vb_diags *md);

/* Checks each report of ab (vb_check_document + vb_arsbok_match) and sets
 * its status and first error. verbose: print every finding to err; else
 * only those of invalid reports (quiet: none at all). Returns the number
 * of invalid reports. */
size_t vb_sasong_load(struct vb_ctx *ctx, struct vb_arsbok *ab, int verbose,
		      int quiet, FILE *err);

/* vb_sasong_load for every earlier year of the chain, quietly but for a
 * one-line count of invalid reports per year. */
void vb_sasong_load_chain(struct vb_ctx *ctx, struct vb_arsbok *ab, FILE *err);

#endif
