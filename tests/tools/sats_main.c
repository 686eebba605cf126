/* sats_main.c - dev driver: vastbus sats LAYOUT.xml -o OUT.pdf [-d]
 * (-d dumps the pages as text instead). Not part of the program. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "../../src/layout/layout.h"
#include "../../src/typeset/ts_out.h"
#include "../../src/typeset/typeset.h"

int main(int argc, char **argv)
{
    /* as the real CLI will: messages and LC_NUMERIC follow the user */
    setlocale(LC_ALL, "");
    const char *in = NULL, *outp = NULL;
    int dump = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            outp = argv[++i];
        else if (strcmp(argv[i], "-d") == 0)
            dump = 1;
        else
            in = argv[i];
    }
    if (!in) {
        fprintf(stderr, "användning: sats LAYOUT.xml [-o UT.pdf] [-d]\n");
        return 2;
    }
    xmlDocPtr doc = xmlReadFile(in, NULL, XML_PARSE_NONET);
    if (!doc) {
        fprintf(stderr, "sats: %s: kunde inte tolkas\n", in);
        return 1;
    }
    char *err = NULL;
    int rc = 0;
    if (dump) {
        lay_doc *d = lay_read(doc, &err);
        ts_result *r;
        lay_arena *a;
        if (!d || ts_typeset(d, &r, &a, &err)) {
            fprintf(stderr, "sats: %s: %s\n", in, err);
            rc = 1;
        } else {
            char *s = ts_dump(r);
            fputs(s ? s : "", stdout);
            free(s);
            lay_arena_free(a);
        }
        lay_free(d);
    } else {
        unsigned char *buf;
        size_t len;
        if (vb_typeset_pdf(doc, &buf, &len, &err)) {
            fprintf(stderr, "sats: %s: %s\n", in, err);
            rc = 1;
        } else {
            FILE *f = outp ? fopen(outp, "wb") : stdout;
            if (!f || fwrite(buf, 1, len, f) != len) {
                perror(outp);
                rc = 1;
            }
            if (f && f != stdout)
                fclose(f);
            free(buf);
        }
    }
    free(err);
    xmlFreeDoc(doc);
    return rc;
}
