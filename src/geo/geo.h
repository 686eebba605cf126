/*
 * geo.h - the geography the rule checks read: data/geografi.xml
 * (namespace urn:vastbus:geografi:1, schema/geografi.xsd).
 *
 * The four subregions, the municipalities of Västra Götaland with the
 * subregion(s) each reported to by year, and the city districts of the
 * municipalities that had them (Göteborg), by year. Periods are whole
 * years, both ends inclusive; an open end is VB_GEO_OPEN.
 *
 * The data file is ours and trusted, but the loader still checks its
 * shape and refuses a broken file with a Swedish reason, so a bad edit
 * never turns into silent wrong verdicts. The loaded struct is read-only
 * after vb_geo_load() and owns all its strings; vb_geo_free() releases
 * everything. Municipalities and districts are kept in Swedish
 * alphabetical order (Å, Ä, Ö after Z), subregions in file order.
 */
#ifndef VB_GEO_H
#define VB_GEO_H

#include <stddef.h>

#define VB_GEO_NS "urn:vastbus:geografi:1"
#define VB_GEO_OPEN 9999	/* "till" of a period that is still valid */

struct vb_geo_period {
	char *namn;		/* subregion name (tillhor) or district name */
	int fran, till;		/* years, inclusive */
};

struct vb_geo_kommun {
	char *namn;
	struct vb_geo_period *tillhor;	/* subregion by period */
	size_t ntillhor;
	struct vb_geo_period *stadsdelar; /* districts by period, may be 0 */
	size_t nstadsdelar;
};

struct vb_geo_delregion {
	char *id;		/* short ASCII handle, e.g. "gr" */
	char *namn;		/* as written in reports, e.g. "Göteborgsregionen" */
};

struct vb_geo {
	struct vb_geo_delregion *delregioner;
	size_t ndelregioner;
	struct vb_geo_kommun *kommuner;
	size_t nkommuner;
};

/* Loads path. Returns the table, or NULL with *err set to a Swedish
 * reason the caller frees (err may be NULL). */
struct vb_geo *vb_geo_load(const char *path, char **err);
void vb_geo_free(struct vb_geo *geo);

/* Exact-spelling look-ups; NULL when there is no such name. */
const struct vb_geo_kommun *vb_geo_kommun(const struct vb_geo *geo,
					  const char *namn);
const struct vb_geo_delregion *vb_geo_delregion(const struct vb_geo *geo,
						const char *namn);
int vb_geo_has_kommun(const struct vb_geo *geo, const char *namn);
int vb_geo_has_delregion(const struct vb_geo *geo, const char *namn);

/* Whether kommun reported to delregion in year: 1 yes, 0 no, -1 when the
 * table records no subregion at all for that kommun and year (unknown). */
int vb_geo_pairs(const struct vb_geo *geo, const char *kommun,
		 const char *delregion, int year);

/* The subregions kommun reported to in year, at most max of them, in
 * file order; returns how many there are (may exceed max). */
size_t vb_geo_delregioner_for(const struct vb_geo *geo, const char *kommun,
			      int year, const char **out, size_t max);

/* Whether kommun had city districts at all (in any year). */
int vb_geo_has_any_stadsdel(const struct vb_geo *geo, const char *kommun);

/* The districts of kommun in year, in Swedish order, at most max; returns
 * how many there are (0 when the municipality had none that year). */
size_t vb_geo_stadsdelar(const struct vb_geo *geo, const char *kommun,
			 int year, const char **out, size_t max);

/* Whether stadsdel was a district of kommun in year. */
int vb_geo_has_stadsdel(const struct vb_geo *geo, const char *kommun,
			const char *stadsdel, int year);

/* The first period in which stadsdel was a district of kommun, or NULL. */
const struct vb_geo_period *vb_geo_stadsdel_period(const struct vb_geo *geo,
						   const char *kommun,
						   const char *stadsdel);

/* Compares two UTF-8 strings in Swedish alphabetical order (a–z, then
 * å, ä, ö; case folded first, then case as a tie-break). */
int vb_geo_sv_cmp(const char *a, const char *b);

#endif
