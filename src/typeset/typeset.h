/* typeset.h - the typesetter's entry point: a checked layout tree in,
 * finished pages out (src/page/page.h). It never writes a file format;
 * src/pdf/ turns the pages into PDF, and src/pipeline/ joins the two. */
#ifndef VB_TYPESET_H
#define VB_TYPESET_H

#include "../layout/layout.h"
#include "../page/page.h"

/* Typesets a checked layout tree into pages. On success returns 0; *res
 * lives in *arena, which the caller frees with lay_arena_free(). On
 * failure returns -1 with a malloc'd Swedish *err (a fault of the
 * machine, e.g. a font that cannot be read: the tree itself was checked
 * by lay_read()). */
int ts_typeset(const lay_doc *doc, ts_result **res, lay_arena **arena,
               char **err);

/* As ts_typeset, and on failure *errline tells whose fault it is: the
 * line of the tree's element at fault (a <font> family that is not
 * installed or lacks a style), or 0 for a fault of the machine. */
int ts_typeset_at(const lay_doc *doc, ts_result **res, lay_arena **arena,
                  long *errline, char **err);

/* The Swedish hyphenation patterns and the Hunspell dictionary are loaded
 * on first use and kept for the rest of the process (each report of a
 * batch would load them again); this frees them. */
void ts_release(void);

/* The data folder (schema/, xslt/, data/): the index of the Hunspell
 * dictionary that `make` wrote is data/sv_SE.spellidx there. Without it
 * (or with a stale one) the dictionary is read line by line: the same
 * output, only slower. */
void ts_set_datadir(const char *dir);

#endif
