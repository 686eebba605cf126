/*
 * arsbok.h - the yearbook (årsbok): the manifest's own rules and the one
 * input document the yearbook stylesheets read.
 *
 * A manifest (urn:vastbus:arsbok:1, schema/arsbok.xsd) lists the groups a
 * subregion expects a report from. After the XSD, vb_arsbok_check() holds
 * the rules an XSD cannot:
 *
 *   - a group listed twice (the same kommun without stadsdel, the same
 *     kommun and stadsdel, a whole municipality and one of its districts,
 *     or two spellings of the same file);
 *   - kommun one of the 49, stadsdel only for a municipality with districts
 *     and a real district in the manifest's year, delregion one of the four
 *     (the kommun/delregion pairing is NOT checked: listing a kommun is the
 *     subregional group's own statement that it belongs, FORMAT.md);
 *   - paths: grupp/@fil is relative to the manifest's folder and stays in
 *     it (no absolute path, no "..", no symbolic link that leads out);
 *     foregaende/@fil may also name a sibling year folder, so exactly one
 *     leading "../" is allowed there ("../gr-2018/arsbok.xml") and the file
 *     must lie below the manifest folder's parent. A listed report that does
 *     not exist is not an error: the group counts as not handed in.
 *
 * vb_arsbok_open() reads a checked manifest into a struct vb_arsbok; the
 * command line then checks each report (vb_check_document), matches it
 * against its manifest entry (vb_arsbok_match) and stores it; finally
 * vb_arsbok_indata() builds the document for xslt/arsbok-*.xsl:
 *
 *   <arsbok-indata xmlns="urn:vastbus:arsbok-indata:1" ar="2019">
 *     <arsbok xmlns="urn:vastbus:arsbok:1" …/>          the manifest, copied
 *     <grupp nr="1" id="g01-ale" kommun="Ale" [stadsdel] [fil] [hittad="ja"]
 *            status="inlamnad|sen|saknas|ogiltig" [inlamnad="2020-02-20"]
 *            [fel="N"]>
 *       <arsberattelse xmlns="urn:vastbus:arsberattelse:1">…</…>
 *                                  only for inlamnad and sen (valid reports)
 *     </grupp> …                   one per expected group, manifest order
 *     <okand fil="x.xml" orsak="…"/> …   unknown files (discover.c)
 *     <foregaende ar="2018" delregion="…">
 *       <grupp …/> … <okand/> …    the previous year, the same shape
 *     </foregaende>
 *     <tidigare ar="2017" …> …     each year before, nearest first, the
 *     </tidigare> …                same shape (the foregaende chain)
 *   </arsbok-indata>
 *
 * Status: "saknas" when the entry has no @fil or the file does not exist;
 * "ogiltig" when the file exists but the report is invalid or does not
 * match its entry (year, kommun, stadsdel, delregion); "sen" when valid
 * and handed in after 1 March of the following year; else "inlamnad".
 *
 * Nothing here prints: findings go to a struct vb_diags.
 */
#ifndef VB_ARSBOK_H
#define VB_ARSBOK_H

#include <stddef.h>
#include <libxml/tree.h>

#include "diag/diag.h"
#include "geo/geo.h"

#define VB_ARSBOK_NS "urn:vastbus:arsbok:1"
#define VB_ARSBOK_INDATA_NS "urn:vastbus:arsbok-indata:1"

enum vb_arsbok_status {
	VB_AB_SAKNAS = 0,	/* not handed in (no file, or file missing) */
	VB_AB_INLAMNAD,		/* valid, on time */
	VB_AB_SEN,		/* valid, after 1 March */
	VB_AB_OGILTIG		/* handed in but invalid */
};

struct vb_arsbok_grupp {
	char *kommun;
	char *stadsdel;		/* NULL when none */
	char *fil;		/* as written in the manifest, NULL when none */
	char *path;		/* fil joined to the manifest's folder, or NULL */
	long line;		/* line of the entry in the manifest */
	enum vb_arsbok_status status;
	xmlDocPtr report;	/* owned; only for INLAMNAD and SEN */
	size_t errors;		/* findings at error level or worse */
	int hittad;		/* fil found by content (discover.c) */
	char *first_error;	/* "fil:rad: text" of the first error, or NULL */
};

/* A file in the manifest's folder tree that is no expected group's
 * report (discover.c): shown in the status table as "okänd fil". */
struct vb_arsbok_okand {
	char *fil;		/* relative to the manifest's folder */
	char *orsak;		/* Swedish: why it matches no group */
};

struct vb_arsbok {
	char *path;		/* the manifest as named */
	char *dir;		/* its folder ("." when none) */
	xmlDocPtr manifest;	/* owned */
	int ar;
	char *delregion;
	struct vb_arsbok_grupp *g;
	size_t n;
	char *foregaende;	/* path of the previous manifest, or NULL */
	long foregaende_line;
	struct vb_arsbok *prev;	/* owned; set by the caller: the previous
				 * year, whose own prev is the year before
				 * (the foregaende chain) */
	struct vb_arsbok_okand *okand;	/* unknown files, in path order */
	size_t nokand;
};

/* The rules above, on a parsed manifest (any tree: missing parts are the
 * schema's business and are skipped). path is the manifest's own name;
 * geo may be NULL (then kommun/stadsdel/delregion are not checked).
 * Returns the number of errors added to d. */
size_t vb_arsbok_check(xmlDocPtr manifest, const char *path,
		       const struct vb_geo *geo, struct vb_diags *d);

/* Reads a checked, valid manifest into a new struct vb_arsbok that owns
 * doc. Every group starts as VB_AB_SAKNAS. */
struct vb_arsbok *vb_arsbok_open(xmlDocPtr doc, const char *path);
void vb_arsbok_free(struct vb_arsbok *ab);

/* Reports found by content (discover.c). Walks the manifest's folder
 * tree (never leaving it: symbolic links that lead out are refused with a
 * warning, linked folders are not entered; hidden entries are skipped;
 * bounded depth and file count) and reads the root of every .xml file not
 * named by an entry's fil. A report for the manifest's year, delregion,
 * kommun and stadsdel becomes the report of an entry without fil (g->path set,
 * g->hittad = 1). Two candidates for one group: the later
 * inlamning/@datum wins with a warning naming both; a tie is an error
 * naming both, and the group is "ogiltig". Every other .xml that is not a
 * yearbook manifest is an unknown file (ab->okand) with a warning. Line
 * numbers in d are the manifest's. Returns the number of errors added. */
size_t vb_arsbok_discover(struct vb_arsbok *ab, struct vb_diags *d);

/* What a report's root says about itself; strings malloc'd or NULL. */
struct vb_arsbok_rapportinfo {
	int ar;
	char *kommun, *stadsdel, *delregion, *datum;
};
/* 1 when doc is a report (then *ri is filled), else 0. */
int vb_arsbok_rapportinfo(xmlDocPtr doc, struct vb_arsbok_rapportinfo *ri);
void vb_arsbok_rapportinfo_free(struct vb_arsbok_rapportinfo *ri);

/* Whether the group's file exists (as a regular file). */
int vb_arsbok_file_exists(const struct vb_arsbok_grupp *g);

/* Compares a valid report with its manifest entry: year, kommun, stadsdel
 * and delregion must be the manifest's. Adds an error per mismatch to d
 * (with the report's line); returns the number added. */
size_t vb_arsbok_match(const struct vb_arsbok *ab,
		       const struct vb_arsbok_grupp *g, xmlDocPtr report,
		       struct vb_diags *d);

/* Whether a report for year ar was handed in after 1 March of ar + 1. */
int vb_arsbok_is_late(xmlDocPtr report, int ar);

/* Stores a checked report's outcome in g: report (taken over, may be NULL)
 * and the findings' error count decide the status. */
void vb_arsbok_set(const struct vb_arsbok *ab, struct vb_arsbok_grupp *g,
		   xmlDocPtr report, size_t errors);

/* The input document of the yearbook stylesheets (see above). Copies what
 * it needs; ab is unchanged. */
xmlDocPtr vb_arsbok_indata(const struct vb_arsbok *ab);

/* The same document, but each report (of every year in the chain) is freed
 * as soon as it is copied, so that the reports are never held twice: ab
 * keeps every status and name, and no report. */
xmlDocPtr vb_arsbok_indata_take(struct vb_arsbok *ab);

/* Default output name: arsbok-<ar><ext> in the manifest's folder. */
char *vb_arsbok_default_output(const struct vb_arsbok *ab, const char *ext);

/* "Tjörn", "Göteborg, Angered": the group as people name it. malloc'd. */
char *vb_arsbok_grupp_namn(const struct vb_arsbok_grupp *g);

/* Swedish word for a status ("saknas", "inlämnad för sent", …). */
const char *vb_arsbok_status_text(enum vb_arsbok_status s);

#endif
