/* test_typeset_spellidx.c - the index of the .dic (ts_spellidx.c, made by
 * ts_spell_index()) gives the filter exactly the lines it gives without
 * one, and a missing, stale or broken index is not used.
 *
 * Words: the domain compounds of tests/typeset/sammansattningar.txt and
 * every 50th dictionary word of 6 bytes or more, 300 at a time (a
 * report's count) and all at once (a yearbook's). Each set is filtered
 * with the index and by reading the .dic line by line; the two outputs
 * must be the same bytes. Then a small .dic of our own (the sv_SE .aff):
 * a last line without '\n', lines with a space or a tab, an empty line,
 * the kept word; and the same .dic changed after its index was made. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/typeset/ts.h"
#include "ts_wordlist.h"

#define AFF "/usr/share/hunspell/sv_SE.aff"
#define DIC "/usr/share/hunspell/sv_SE.dic"
#define MAXW 4000

static char *words[MAXW];
static int nwords;
static char dir[64];

static bool have_dictionary(void)
{
    return access(AFF, R_OK) == 0 && access(DIC, R_OK) == 0;
}

static char *path(const char *name)
{
    static char buf[4][128];
    static int k;
    char *p = buf[k++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s", dir, name);
    return p;
}

/* the whole of a FILE, malloc'd and NUL-terminated, *n its length */
static char *slurp(FILE *f, size_t *n)
{
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long l = ftell(f);
    assert_true(l >= 0);
    rewind(f);
    char *b = malloc((size_t)l + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)l, f), (size_t)l);
    b[l] = 0;                 /* for strstr() */
    *n = (size_t)l;
    return b;
}

static void make_index(const char *aff, const char *dic, const char *out)
{
    FILE *f = fopen(out, "wb");
    assert_non_null(f);
    assert_true(ts_spell_index(aff, dic, f));
    assert_int_equal(fclose(f), 0);
}

/* the filter's output for words[from..to) with index ix (NULL: none) */
static char *filter(const char *aff, const char *dic, const char *ix,
                    int from, int to, const char *const *keep, size_t *n)
{
    ts_sset *W = ts_sset_new();
    assert_non_null(W);
    for (int i = from; i < to; i++)
        assert_true(ts_sset_add(W, words[i], strlen(words[i])));
    FILE *t = tmpfile();
    assert_non_null(t);
    assert_true(ts_spell_filter_ix(aff, dic, ix, W, keep, t));
    char *b = slurp(t, n);
    fclose(t);
    ts_sset_free(W);
    return b;
}

/* the output with the index equals the output without, for
 * words[from..to); returns the number of lines kept */
static long same_lines(const char *aff, const char *dic, const char *ix,
                       int from, int to, const char *const *keep)
{
    size_t na, nb;
    char *a = filter(aff, dic, ix, from, to, keep, &na);
    char *b = filter(aff, dic, NULL, from, to, keep, &nb);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na);
    long kept = strtol(a, NULL, 10);
    free(a);
    free(b);
    return kept;
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/vb-spellidx-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    const char *names[] = {"sv.idx", "small.dic", "small.idx", NULL};
    for (int i = 0; names[i]; i++)
        remove(path(names[i]));
    rmdir(dir);
    for (int i = 0; i < nwords; i++)
        free(words[i]);
    return 0;
}

static void index_equals_scan(void **state)
{
    (void)state;
    if (!have_dictionary())
        skip();
    assert_int_equal(wl_load_compounds(words, &nwords, MAXW, NULL), 0);
    FILE *f = fopen(DIC, "r");
    assert_non_null(f);
    char line[512];
    int k = 0;
    while (fgets(line, sizeof line, f) && nwords < MAXW) {
        line[strcspn(line, "/\n\t ")] = 0;
        if (strlen(line) >= 6 && k++ % 50 == 0)
            wl_add(words, &nwords, MAXW, line);
    }
    fclose(f);
    assert_true(nwords > 900);
    char *ix = path("sv.idx");
    make_index(AFF, DIC, ix);
    const char *const keep[] = {"buss", NULL};
    for (int i = 0; i + 300 <= nwords && i < 900; i += 300)
        assert_true(same_lines(AFF, DIC, ix, i, i + 300, keep) > 1000);
    /* a yearbook's words at once */
    assert_true(same_lines(AFF, DIC, ix, 0, nwords, keep) > 10000);
    /* no words: the lines always kept, and the kept word */
    assert_true(same_lines(AFF, DIC, ix, 0, 0, keep) > 1);
}

static void write_file(const char *p, const char *text)
{
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

static void small_and_stale(void **state)
{
    (void)state;
    if (!have_dictionary())
        skip();
    /* words[] holds the compounds: "skola" and its kin reach some lines,
     * "buss" only through keep[] */
    static const char small[] =
        "9\n"
        "skola/ADGv\n"
        "förvaltning/ADGv\n"
        "med tab\there\n"
        "\n"
        "buss/ADGv\n"
        "zzzzzz/A\n"
        "grund/ADGv\n"
        "skolor x\n"
        "aff\\/fix";       /* the last line, no '\n' */
    char *dic = path("small.dic"), *ix = path("small.idx");
    write_file(dic, small);
    make_index(AFF, dic, ix);
    const char *const keep[] = {"buss", NULL};
    int from = 0, to = nwords < 300 ? nwords : 300;
    ts_spellidx *x = ts_spellidx_open(ix, AFF, dic);
    assert_non_null(x);
    assert_int_equal(ts_spellidx_lines(x), 9);
    size_t len;
    const char *l = ts_spellidx_line(x, 8, &len);
    assert_non_null(l);
    assert_int_equal(len, strlen("aff\\/fix"));
    ts_spellidx_close(x);
    long kept = same_lines(AFF, dic, ix, from, to, keep);
    /* "zzzzzz" is reached by no word and not kept */
    assert_true(kept >= 5 && kept < 9);
    size_t n;
    char *out = filter(AFF, dic, ix, from, to, keep, &n);
    assert_non_null(strstr(out, "\nbuss/ADGv\n"));
    assert_null(strstr(out, "zzzzzz"));
    assert_non_null(strstr(out, "\naff\\/fix\n"));
    free(out);

    /* stale: the .dic changed after the index was made (same size, so
     * the first bytes or the time tell), and an index of another .dic */
    char changed[sizeof small];
    memcpy(changed, small, sizeof small);
    memcpy(strstr(changed, "zzzzzz"), "skolan", 6);
    write_file(dic, changed);
    struct timespec ts[2] = {{0, UTIME_OMIT}, {1000000000, 0}};
    assert_int_equal(utimensat(AT_FDCWD, dic, ts, 0), 0);
    assert_null(ts_spellidx_open(ix, AFF, dic));
    same_lines(AFF, dic, ix, from, to, keep);
    out = filter(AFF, dic, ix, from, to, keep, &n);
    assert_non_null(strstr(out, "\nskolan/A\n"));
    free(out);
    assert_null(ts_spellidx_open(path("sv.idx"), AFF, dic));

    /* missing, empty, cut short */
    assert_null(ts_spellidx_open(path("none.idx"), AFF, dic));
    make_index(AFF, dic, ix);
    assert_non_null(x = ts_spellidx_open(ix, AFF, dic));
    ts_spellidx_close(x);
    FILE *f = fopen(ix, "rb");
    assert_non_null(f);
    char *b = slurp(f, &n);
    fclose(f);
    f = fopen(ix, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n - 4, f), n - 4);
    fclose(f);
    free(b);
    assert_null(ts_spellidx_open(ix, AFF, dic));
    same_lines(AFF, dic, ix, from, to, keep);
    write_file(ix, "");
    assert_null(ts_spellidx_open(ix, AFF, dic));
    same_lines(AFF, dic, ix, from, to, keep);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(index_equals_scan),
        cmocka_unit_test(small_and_stale),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
