/*
 * space.h - whitespace as XML Schema's xs:token and XPath's
 * normalize-space() see it: the four XML space characters (space, tab,
 * CR, LF), runs of them one space, none at either end. The one helper for
 * every value read from a document (check rules, geography, yearbook
 * manifest, form); the typesetter and the personal-number reader keep
 * their own streaming rules (they also drop or map other characters).
 */
#ifndef VB_SPACE_H
#define VB_SPACE_H

/* True for the XML space characters (XML 1.0, production S). */
int vb_is_xml_space(int c);

/* Collapses s in place; returns s. */
char *vb_collapse_space(char *s);

/* A collapsed copy of s (vb_malloc'd, caller frees); "" for NULL. */
char *vb_collapsed(const char *s);

#endif
