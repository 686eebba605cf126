/*
 * diag.h - the one table of graded diagnostics (after mandoc's mandocerr).
 *
 * Every message vastbus can say about an input file is an entry of
 * enum vb_diag_code. Entries are grouped by severity; a marker entry opens
 * each group, so a message's level follows from its position and call
 * sites never pass a level. The Swedish texts live in diag.c in the same
 * order. Code deep inside the program never prints: it adds findings to a
 * struct vb_diags, and the command line prints them, sorted by line, as
 *
 *     fil:rad: varning: meddelande: detalj
 *     fil:rad: fel: meddelande: detalj
 */
#ifndef VB_DIAG_H
#define VB_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

enum vb_level {
	VB_LEVEL_OK = 0,
	VB_LEVEL_WARNING,	/* "varning": the file is still valid */
	VB_LEVEL_ERROR,		/* "fel": the file is invalid */
	VB_LEVEL_SYSERR		/* "systemfel": could not read/write, no memory, no data */
};

enum vb_diag_code {
	VB_D_WARNING_MARK = 0,	/* ---- warnings ---- */
	VB_W_LATE,		/* handed in after 1 March */
	VB_W_DELREGION,		/* kommun and delregion do not pair in our table */
	VB_W_PRINCIPALS,	/* not both kommun and region represented */
	VB_W_STADSDEL_MISSING,	/* Göteborg without stadsdel */
	VB_W_BLANK_OPTIONAL,	/* optional field left as in the blank template */
	VB_W_GLYPH,		/* characters no installed font has */
	VB_W_ARSBOK,		/* yearbook folder: a second version, an unknown
				 * file, a link out (detail only) */

	VB_D_ERROR_MARK,	/* ---- errors ---- */
	VB_E_XML,		/* not well-formed; detail says where and what */
	VB_E_DTD,		/* document type declaration present */
	VB_E_ENCODING,		/* not valid UTF-8 / unknown encoding */
	VB_E_TOO_BIG,		/* file larger than the bound */
	VB_E_EMPTY_FILE,	/* nothing in the file */
	VB_E_SCHEMA,		/* XSD finding, already translated into Swedish */
	VB_E_NOT_REPORT,	/* root is not an arsberattelse in our namespace */
	VB_E_BLANK,		/* a required field left blank (from the template) */
	VB_E_COUNT_MOTEN,	/* moten/@antal differs from listed mote */
	VB_E_COUNT_AVVIKELSER,	/* avvikelser/@antal differs from listed avvikelse */
	VB_E_DATE_OUTSIDE_YEAR,	/* a listed date not in the reporting year */
	VB_E_HANDIN_TOO_EARLY,	/* inlamning/@datum not after the year */
	VB_E_NO_CHAIR,		/* no ordforande */
	VB_E_MANY_CHAIRS,	/* more than one ordforande */
	VB_E_KOMMUN,		/* not one of the 49 municipalities */
	VB_E_STADSDEL_NOT_GBG,	/* stadsdel given for another municipality */
	VB_E_STADSDEL,		/* no such city district in the reporting year */
	VB_E_DELREGION,		/* not one of the four subregions */
	VB_E_NO_ANALYSIS,	/* deviations but no analys */
	VB_E_PERSONNUMMER,	/* personal identity number in free text */
	VB_E_LAYOUT,		/* layout tree breaks the vocabulary */

	VB_D_SYSERR_MARK,	/* ---- system errors ---- */
	VB_S_READ,		/* cannot read the file */
	VB_S_WRITE,		/* cannot write the output */
	VB_S_DATA,		/* the program's data files are missing or broken */
	VB_S_RENDER,		/* the renderer failed (XSLT or typesetter) */

	VB_D__MAX
};

/* One finding. Owned by the struct vb_diags that holds it. */
struct vb_diag {
	enum vb_diag_code code;
	long line;		/* 1-based; 0 when the finding concerns the whole file */
	char *detail;		/* Swedish detail after the message, or NULL */
	size_t seq;		/* insertion order, to keep the sort stable */
};

/* At most this many findings of one code are kept and printed; the rest
 * are counted and summed up in one line. A file with 66 000 wrong
 * attributes would otherwise print some 132 000 lines that nobody reads
 * and hold them all in memory; the first hundred show the pattern. */
#define VB_DIAG_MAX_PER_CODE 100

/* All findings for one input file. */
struct vb_diags {
	char *file;		/* the name to print, owned */
	struct vb_diag *v;
	size_t n, cap;
	size_t per_code[VB_D__MAX];	/* findings of each code, kept or not */
	enum vb_level worst;
};

void vb_diags_init(struct vb_diags *d, const char *file);
void vb_diags_free(struct vb_diags *d);

/* Adds a finding; fmt (may be NULL) formats the detail. */
void vb_diag(struct vb_diags *d, enum vb_diag_code code, long line,
	     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void vb_vdiag(struct vb_diags *d, enum vb_diag_code code, long line,
	      const char *fmt, va_list ap);

/* True when no further finding of this code is kept (only counted): a
 * caller can skip the work of wording its detail. */
int vb_diags_full(const struct vb_diags *d, enum vb_diag_code code);

/* Findings of exactly this level, counting those not kept. */
size_t vb_diags_count(const struct vb_diags *d, enum vb_level level);

/* True when a finding of exactly this code already exists (for dedup). */
int vb_diags_has(const struct vb_diags *d, enum vb_diag_code code);

enum vb_level vb_diag_level(enum vb_diag_code code);
const char *vb_diag_text(enum vb_diag_code code);	/* Swedish message */
const char *vb_level_name(enum vb_level level);		/* "varning", "fel", … */

/* Sorts by line (stable) and prints one line per finding to fp, then one
 * line per code with findings beyond VB_DIAG_MAX_PER_CODE. */
void vb_diags_print(struct vb_diags *d, FILE *fp);

#endif
