/*
 * diag.c - Swedish texts of the diagnostics table and the one printer.
 * The array below is in the same order as enum vb_diag_code (diag.h).
 * An empty text means the detail carries the whole message (e.g. XSD
 * findings that were translated one by one).
 */
#include "diag/diag.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/termtext.h"

static const char *const texts[VB_D__MAX] = {
	/* warnings */
	"VARNING",
	"inlämnad för sent",
	"kommunen och delregionen hör inte ihop enligt vår tabell",
	"gruppen har inte ledamöter från både kommun och region",
	"stadsdel saknas",
	"fältet är inte ifyllt",
	"tecken saknas i typsnitten",
	"",

	/* errors */
	"FEL",
	"filen är inte korrekt XML",
	"filen innehåller en dokumenttypsdeklaration (<!DOCTYPE …>), vilket inte är tillåtet",
	"filen är inte sparad som UTF-8",
	"filen är för stor",
	"filen är tom",
	"",
	"filen är inte en årsberättelse",
	"fältet är inte ifyllt",
	"antalet möten stämmer inte med de listade mötena",
	"antalet avvikelser stämmer inte med de listade avvikelserna",
	"datumet ligger inte i rapportåret",
	"inlämningsdatumet måste ligga efter rapportåret",
	"gruppen saknar ordförande",
	"gruppen har mer än en ordförande",
	"okänd kommun",
	"stadsdel anges bara för Göteborg",
	"okänd stadsdel",
	"okänd delregion",
	"analys saknas trots att det finns avvikelser",
	"texten innehåller ett personnummer eller samordningsnummer",
	"",

	/* system errors */
	"SYSTEMFEL",
	"kan inte läsa filen",
	"kan inte skriva filen",
	"programmets datafiler saknas eller är trasiga",
	"kunde inte framställa dokumentet",
};

enum vb_level
vb_diag_level(enum vb_diag_code code)
{
	if (code >= VB_D_SYSERR_MARK)
		return VB_LEVEL_SYSERR;
	if (code >= VB_D_ERROR_MARK)
		return VB_LEVEL_ERROR;
	return VB_LEVEL_WARNING;
}

const char *
vb_diag_text(enum vb_diag_code code)
{
	return code < VB_D__MAX ? texts[code] : "";
}

const char *
vb_level_name(enum vb_level level)
{
	switch (level) {
	case VB_LEVEL_WARNING:
		return "varning";
	case VB_LEVEL_ERROR:
		return "fel";
	case VB_LEVEL_SYSERR:
		return "systemfel";
	default:
		return "ok";
	}
}

void
vb_diags_init(struct vb_diags *d, const char *file)
{
	memset(d, 0, sizeof(*d));
	d->file = vb_strdup(file ? file : "-");
}

void
vb_diags_free(struct vb_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].detail);
	free(d->v);
	free(d->file);
	memset(d, 0, sizeof(*d));
}

void
vb_vdiag(struct vb_diags *d, enum vb_diag_code code, long line,
	 const char *fmt, va_list ap)
{
	enum vb_level lv = vb_diag_level(code);
	if (lv > d->worst)
		d->worst = lv;
	if (++d->per_code[code] > VB_DIAG_MAX_PER_CODE)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = vb_reallocarray(d->v, d->cap, sizeof(*d->v));
	}
	struct vb_diag *g = &d->v[d->n];
	g->code = code;
	g->line = line < 0 ? 0 : line;
	g->detail = fmt ? vb_vasprintf(fmt, ap) : NULL;
	g->seq = d->n++;
}

void
vb_diag(struct vb_diags *d, enum vb_diag_code code, long line,
	const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vb_vdiag(d, code, line, fmt, ap);
	va_end(ap);
}

int
vb_diags_full(const struct vb_diags *d, enum vb_diag_code code)
{
	return d->per_code[code] >= VB_DIAG_MAX_PER_CODE;
}

size_t
vb_diags_count(const struct vb_diags *d, enum vb_level level)
{
	size_t n = 0;
	for (int c = 0; c < VB_D__MAX; c++)
		if (vb_diag_level((enum vb_diag_code)c) == level &&
		    c != VB_D_WARNING_MARK && c != VB_D_ERROR_MARK &&
		    c != VB_D_SYSERR_MARK)
			n += d->per_code[c];
	return n;
}

int
vb_diags_has(const struct vb_diags *d, enum vb_diag_code code)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].code == code)
			return 1;
	return 0;
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct vb_diag *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
vb_diags_print(struct vb_diags *d, FILE *fp)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp_diag);
	/* The file name and the detail come from outside (a command line,
	 * a file's content): escaped so that the terminal shows them. */
	char *file = vb_term_escape(d->file);
	for (size_t i = 0; i < d->n; i++) {
		const struct vb_diag *g = &d->v[i];
		const char *text = vb_diag_text(g->code);
		char *detail = g->detail ? vb_term_escape(g->detail) : NULL;
		if (g->line > 0)
			fprintf(fp, "%s:%ld: ", file, g->line);
		else
			fprintf(fp, "%s: ", file);
		fprintf(fp, "%s: ", vb_level_name(vb_diag_level(g->code)));
		if (*text && detail)
			fprintf(fp, "%s: %s\n", text, detail);
		else if (*text)
			fprintf(fp, "%s\n", text);
		else
			fprintf(fp, "%s\n", detail ? detail : "");
		free(detail);
	}
	for (int c = 0; c < VB_D__MAX; c++) {
		if (d->per_code[c] <= VB_DIAG_MAX_PER_CODE)
			continue;
		enum vb_level lv = vb_diag_level((enum vb_diag_code)c);
		size_t more = d->per_code[c] - VB_DIAG_MAX_PER_CODE;
		const char *what = lv == VB_LEVEL_WARNING
			? (more == 1 ? "varning" : "varningar")
			: vb_level_name(lv);
		fprintf(fp, "%s: %s: ytterligare %zu %s av samma slag visas inte"
			" (de första %d står ovan)\n", file, vb_level_name(lv),
			more, what, VB_DIAG_MAX_PER_CODE);
	}
	free(file);
}
