#define _POSIX_C_SOURCE 200809L
/* validate.c - see validate.h. */
#include "xml/validate.h"

#include <stdlib.h>
#include <unistd.h>

#include <libxml/xmlschemas.h>

#include "util/alloc.h"
#include "xml/schema_sv.h"

struct vb_schema {
	xmlSchemaPtr xsd;
	enum vb_doc_kind kind;
};

struct collect {
	struct vb_diags *d;
	enum vb_doc_kind kind;
	int errors;
};

static void
on_schema_error(void *user, xmlErrorPtr err)
{
	struct collect *c = user;
	if (err == NULL || err->level < XML_ERR_ERROR)
		return;
	c->errors++;
	/* Past the cap only the count is kept: wording costs more than the
	 * validation itself when a file has tens of thousands of faults. */
	if (vb_diags_full(c->d, VB_E_SCHEMA)) {
		vb_diag(c->d, VB_E_SCHEMA, err->line, NULL);
		return;
	}
	vb_schema_error_sv(err, c->kind, c->d);
}

/* Errors while compiling our own XSD mean a broken installation. */
static void
on_compile_error(void *user, xmlErrorPtr err)
{
	int *n = user;
	if (err && err->level >= XML_ERR_ERROR)
		(*n)++;
}

struct vb_schema *
vb_schema_load(const char *path, enum vb_doc_kind kind, char **err)
{
	*err = NULL;
	/* Checked first: libxml2 would print its own English I/O warning. */
	if (access(path, R_OK) != 0) {
		*err = vb_asprintf("schemat %s saknas", path);
		return NULL;
	}
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
	if (pc == NULL) {
		*err = vb_asprintf("kan inte läsa schemat %s", path);
		return NULL;
	}
	int nerr = 0;
	xmlSchemaSetParserStructuredErrors(pc, on_compile_error, &nerr);
	xmlSchemaPtr xsd = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (xsd == NULL || nerr > 0) {
		if (xsd)
			xmlSchemaFree(xsd);
		*err = vb_asprintf("schemat %s saknas eller är trasigt", path);
		return NULL;
	}
	struct vb_schema *s = vb_calloc(1, sizeof(*s));
	s->xsd = xsd;
	s->kind = kind;
	return s;
}

void
vb_schema_free(struct vb_schema *s)
{
	if (s == NULL)
		return;
	xmlSchemaFree(s->xsd);
	free(s);
}

int
vb_schema_validate(const struct vb_schema *s, xmlDocPtr doc,
		   struct vb_diags *d)
{
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s->xsd);
	if (vc == NULL) {
		vb_diag(d, VB_S_DATA, 0, "schemat kunde inte användas");
		return 1;
	}
	struct collect c = { .d = d, .kind = s->kind };
	xmlSchemaSetValidStructuredErrors(vc, on_schema_error, &c);
	int r = xmlSchemaValidateDoc(vc, doc);
	xmlSchemaFreeValidCtxt(vc);
	if (r != 0 && c.errors == 0) {
		vb_diag(d, VB_E_SCHEMA, 0, "filen följer inte formatet");
		c.errors = 1;
	}
	return c.errors;
}
