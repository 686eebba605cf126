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
