/* pipeline_pdf.c - a layout tree to PDF: lay_read() checks it,
 * ts_typeset() makes the pages, pdf_write_unpacked() writes them and
 * pdf_pack() packs the file once the pages are freed. The typesetter
 * and the PDF device never call each other; they meet here. */
#include "pipeline/pipeline.h"

#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "pdf/pdf.h"
#include "typeset/typeset.h"

/* s copied into a (NULL stays NULL); *ok cleared when memory runs out. */
static const char *
own(lay_arena *a, const char *s, int *ok)
{
	if (s == NULL)
		return NULL;
	char *c = lay_arena_strdup(a, s);
	if (c == NULL) {
		*ok = 0;
		return s;
	}
	return c;
}

/* The pages point into the layout tree for a few strings: link targets,
 * anchor ids, languages, page label prefixes and the metadata. Copying
 * them into the pages' own arena lets the tree (as large as the book's
 * text) be freed before the PDF is written, so that the tree, the pages
 * and libharu's document never live at once. 0, or -1 out of memory. */
static int
own_strings(ts_result *r, lay_arena *a)
{
	int ok = 1;
	const char *from = NULL, *to = NULL;	/* a link's ops share one target */
	for (int p = 0; p < r->npages; p++)
		for (ts_op *o = r->pages[p].ops; o; o = o->next) {
			if (o->dest == NULL)
				continue;
			if (o->dest != from) {
				from = o->dest;
				to = own(a, from, &ok);
			}
			o->dest = to;
		}
	for (int i = 0; i < r->nanchors; i++)
		r->anchors[i].id = own(a, r->anchors[i].id, &ok);
	for (int i = 0; i < r->noutline; i++)
		r->outline[i].title = own(a, r->outline[i].title, &ok);
	for (int i = 0; i < r->nsnodes; i++) {
		r->snodes[i].lang = own(a, r->snodes[i].lang, &ok);
		r->snodes[i].alt = own(a, r->snodes[i].alt, &ok);
	}
	for (int i = 0; i < r->nlabels; i++)
		r->labels[i].prefix = own(a, r->labels[i].prefix, &ok);
	r->title = own(a, r->title, &ok);
	r->author = own(a, r->author, &ok);
	r->subject = own(a, r->subject, &ok);
	r->keywords = own(a, r->keywords, &ok);
	r->lang = own(a, r->lang, &ok);
	r->creator = own(a, r->creator, &ok);
	return ok ? 0 : -1;
}

static unsigned char *
render(xmlDocPtr layout, int take, int last, enum vb_layout_from from,
       size_t *len, struct vb_diags *d)
{
	*len = 0;
	char *err = NULL;
	long line = 0;
	lay_doc *doc = lay_read(layout, &line, &err);
	if (take)
		xmlFreeDoc(layout);	/* the lay_doc holds copies */
	if (doc == NULL) {
		/* A fault in a tree the user wrote is the user's: an error on
		 * its line. In a tree our stylesheet made, it is ours, and the
		 * line is not one of the file the user gave. */
		if (line < 0)
			vb_diag(d, VB_S_RENDER, 0, "%s", err);
		else if (from == VB_LAYOUT_USER)
			vb_diag(d, VB_E_LAYOUT, line, "%s", err);
		else
			vb_diag(d, VB_S_RENDER, 0,
				"layoutträdet från formatmallen, rad %ld: %s",
				line, err);
		free(err);
		return NULL;
	}
	ts_result *pages = NULL;
	lay_arena *arena = NULL;
	unsigned char *pdf = NULL;
	pdf_tree *tree = NULL;
	int trc = ts_typeset_at(doc, &pages, &arena, &line, &err);
	if (last)
		ts_release();	/* nothing more to hyphenate in this run */
	if (trc == 0 && pages && own_strings(pages, arena) != 0) {
		vb_diag(d, VB_S_RENDER, 0, "slut på minne");
		lay_arena_free(arena);
		lay_free(doc);
		return NULL;
	}
	/* The tree is done with once the pages own what they show. */
	lay_free(doc);
	doc = NULL;
	if (trc != 0 && line > 0 && from == VB_LAYOUT_USER) {
		/* The tree asked for something this machine cannot give
		 * (a font family): the user's to change, on that line. */
		vb_diag(d, VB_E_LAYOUT, line, "%s", err);
		free(err);
		pdf = NULL;
		*len = 0;
	} else if (pages == NULL ||
		   pdf_write_unpacked(pages, &pdf, len, &tree, &err) != 0) {
		vb_diag(d, VB_S_RENDER, 0, "%s", err ? err : "okänt fel");
		free(err);
		pdf = NULL;
		*len = 0;
	} else if (pages->warning) {
		vb_diag(d, VB_W_GLYPH, 0, "%s", pages->warning);
	}
	/* The pages are done with: freed before packing, which holds every
	 * object of the file at once. */
	lay_arena_free(arena);
	if (pdf != NULL && pdf_pack(&pdf, len, tree, &err) != 0) {
		vb_diag(d, VB_S_RENDER, 0, "%s", err);
		free(err);
		free(pdf);
		pdf = NULL;
		*len = 0;
	}
	pdf_tree_free(tree);
	return pdf;
}

unsigned char *
vb_render_pdf(xmlDocPtr layout, enum vb_layout_from from, size_t *len,
	      struct vb_diags *d)
{
	return render(layout, 0, 0, from, len, d);
}

unsigned char *
vb_render_pdf_take(xmlDocPtr layout, enum vb_layout_from from, size_t *len,
		   struct vb_diags *d)
{
	return render(layout, 1, 0, from, len, d);
}

unsigned char *
vb_render_pdf_last(xmlDocPtr layout, enum vb_layout_from from, size_t *len,
		   struct vb_diags *d)
{
	return render(layout, 1, 1, from, len, d);
}
