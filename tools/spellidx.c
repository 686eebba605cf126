/* spellidx.c - `make` runs this once to write the index of the sv_SE
 * Hunspell dictionary (ts_spell_index(), src/typeset/ts_spell.c) into the
 * data folder, where the program finds it (ts_set_datadir()).
 *
 *   spellidx AFF DIC OUT
 *
 * Writes OUT through a temporary file, so that a program running
 * meanwhile never reads half an index. Without the dictionary it writes
 * nothing and succeeds: the program then reads the .dic line by line. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "typeset/ts.h"

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "användning: spellidx AFF DIC UT\n");
        return 2;
    }
    FILE *probe = fopen(argv[2], "rb");
    if (!probe)
        return 0;
    fclose(probe);
    size_t l = strlen(argv[3]);
    char *tmp = malloc(l + 5);
    if (!tmp)
        return 1;
    memcpy(tmp, argv[3], l);
    memcpy(tmp + l, ".tmp", 5);
    FILE *out = fopen(tmp, "wb");
    bool ok = out && ts_spell_index(argv[1], argv[2], out);
    if (out && fclose(out) != 0)
        ok = false;
    if (!ok || rename(tmp, argv[3]) != 0) {
        remove(tmp);
        fprintf(stderr, "spellidx: kunde inte skriva %s\n", argv[3]);
        free(tmp);
        return 1;
    }
    free(tmp);
    return 0;
}
