/* ts_spellidx.c - the index of the sv_SE .dic that `make` builds once
 * (tools/spellidx.c), so that ts_spell_filter() probes it once per string
 * of its set H instead of reading every line of the .dic (152 000 lines,
 * about 120 M instructions for every report).
 *
 * This file knows only the file format: which lines there are, which are
 * kept whatever the words (ts_spell.c decides that), and for each other
 * line the hashes under which it can be found. The index names the .aff
 * and the .dic it was made from by size, modification time and a hash of
 * their first bytes: a dictionary updated since (a new hunspell-sv)
 * makes it stale, and ts_spell.c then reads the .dic line by line as
 * without an index (the same lines kept, only slower). */
#define _POSIX_C_SOURCE 200809L
#include "ts.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "VBSPIDX4"
#define HEAD_BYTES 4096       /* of each source file, hashed */

typedef struct {
    uint64_t size;
    int64_t mtime_sec, mtime_nsec;
    uint32_t head;            /* fnv of the first HEAD_BYTES */
    uint32_t pad;
} srcid;

typedef struct {
    char magic[8];
    uint32_t order;           /* 0x01020304 as written: same byte order */
    uint32_t entsize;         /* sizeof(ts_sxent) */
    srcid aff, dic;
    uint32_t nlines;          /* lines after the count line */
    uint32_t nalways;
    uint32_t bits;            /* buckets: 1 << bits */
    uint32_t nents;
    uint32_t linebits;        /* an entry: the line in its low linebits
                                 bits, the hash's high bits above */
    uint32_t pad;
} ixhead;
/* then: uint32_t lineoff[nlines + 1]; uint32_t always[nalways];
 * uint32_t bucket[(1 << bits) + 1]; uint32_t ents[nents]. An entry is
 * 4 bytes, not 8 (the bucket gives the hash's low bits, the entry its high
 * ones): the pages a yearbook's 250 000 probes touch count in its peak
 * memory. */

struct ts_spellidx {
    void *map;
    size_t maplen;
    const ixhead *h;
    const uint32_t *lineoff, *always, *bucket, *ents;
    char *dic;                /* the .dic, mapped */
    size_t dicsize;
};

static bool source_id(const char *path, srcid *id)
{
    memset(id, 0, sizeof *id);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    struct stat st;
    unsigned char buf[HEAD_BYTES];
    ssize_t n = 0;
    bool ok = fstat(fd, &st) == 0 && (n = read(fd, buf, sizeof buf)) >= 0;
    close(fd);
    if (!ok)
        return false;
    id->size = (uint64_t)st.st_size;
    id->mtime_sec = (int64_t)st.st_mtim.tv_sec;
    id->mtime_nsec = (int64_t)st.st_mtim.tv_nsec;
    uint32_t h = 2166136261u;
    for (ssize_t i = 0; i < n; i++)
        h = (h ^ buf[i]) * 16777619u;
    id->head = h;
    return true;
}

static int by_bucket_bits;

static int cmp_ent(const void *a, const void *b)
{
    const ts_sxent *x = a, *y = b;
    uint32_t m = (1u << by_bucket_bits) - 1;
    uint32_t bx = x->hash & m, by = y->hash & m;
    if (bx != by)
        return bx < by ? -1 : 1;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

bool ts_spellidx_write(FILE *out, const char *aff, const char *dic,
                       const uint32_t *lineoff, uint32_t nlines,
                       const uint32_t *always, uint32_t nalways,
                       ts_sxent *ents, uint32_t nents)
{
    ixhead h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, MAGIC, 8);
    h.order = 0x01020304u;
    h.entsize = 4;
    if (!source_id(aff, &h.aff) || !source_id(dic, &h.dic))
        return false;
    h.nlines = nlines;
    h.nalways = nalways;
    /* a bucket for two entries: one probe reads a short run */
    h.bits = 10;
    while (h.bits < 28 && (1u << h.bits) < (uint64_t)nents / 2)
        h.bits++;
    h.nents = nents;
    h.linebits = 1;
    while (h.linebits < 31 && ((uint64_t)1 << h.linebits) <= nlines)
        h.linebits++;
    by_bucket_bits = (int)h.bits;
    qsort(ents, nents, sizeof *ents, cmp_ent);
    size_t nb = ((size_t)1 << h.bits) + 1;
    uint32_t *bucket = calloc(nb, sizeof *bucket);
    if (!bucket)
        return false;
    /* bucket[b]: the first entry of bucket b */
    uint32_t m = (1u << h.bits) - 1;
    for (uint32_t i = 0; i < nents; i++)
        bucket[(ents[i].hash & m) + 1]++;
    for (size_t b = 1; b < nb; b++)
        bucket[b] += bucket[b - 1];
    /* packed in place: ents[i] as uint32_t */
    uint32_t *packed = (uint32_t *)ents;
    uint32_t lm = (1u << h.linebits) - 1;
    for (uint32_t i = 0; i < nents; i++)
        packed[i] = (ents[i].hash & ~lm) | ents[i].line;
    bool ok = fwrite(&h, sizeof h, 1, out) == 1 &&
              fwrite(lineoff, sizeof *lineoff, (size_t)nlines + 1, out) ==
                  (size_t)nlines + 1 &&
              fwrite(always, sizeof *always, nalways, out) == nalways &&
              fwrite(bucket, sizeof *bucket, nb, out) == nb &&
              fwrite(packed, sizeof *packed, nents, out) == nents &&
              fflush(out) == 0;
    free(bucket);
    return ok;
}

void ts_spellidx_close(ts_spellidx *ix)
{
    if (!ix)
        return;
    if (ix->map)
        munmap(ix->map, ix->maplen);
    if (ix->dic)
        munmap(ix->dic, ix->dicsize);
    free(ix);
}

static void *map_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct stat st;
    void *p = NULL;
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
        p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED)
            p = NULL;
        *len = (size_t)st.st_size;
    }
    close(fd);
    return p;
}

ts_spellidx *ts_spellidx_open(const char *path, const char *aff,
                              const char *dic)
{
    if (!path || !*path)
        return NULL;
    ts_spellidx *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->map = map_file(path, &ix->maplen);
    if (!ix->map || ix->maplen < sizeof(ixhead))
        goto stale;
    const ixhead *h = ix->map;
    srcid a, d;
    if (memcmp(h->magic, MAGIC, 8) || h->order != 0x01020304u ||
        h->entsize != 4 || h->bits > 28 || h->linebits == 0 ||
        h->linebits > 31 || ((uint64_t)1 << h->linebits) <= h->nlines ||
        !source_id(aff, &a) || !source_id(dic, &d) ||
        memcmp(&a, &h->aff, sizeof a) || memcmp(&d, &h->dic, sizeof d))
        goto stale;
    /* the sizes the counts give must be the file's */
    uint64_t nb = ((uint64_t)1 << h->bits) + 1;
    uint64_t want = sizeof *h + 4 * ((uint64_t)h->nlines + 1) +
                    4 * (uint64_t)h->nalways + 4 * nb +
                    4 * (uint64_t)h->nents;
    if (want != ix->maplen)
        goto stale;
    ix->h = h;
    ix->lineoff = (const uint32_t *)(h + 1);
    ix->always = ix->lineoff + h->nlines + 1;
    ix->bucket = ix->always + h->nalways;
    ix->ents = ix->bucket + nb;
    if (ix->bucket[nb - 1] != h->nents)
        goto stale;
    ix->dic = map_file(dic, &ix->dicsize);
    if (!ix->dic || ix->dicsize != h->dic.size ||
        ix->lineoff[h->nlines] > ix->dicsize + 1)
        goto stale;
    return ix;
stale:
    ts_spellidx_close(ix);
    return NULL;
}

bool ts_spellidx_usable(const char *path, const char *aff, const char *dic)
{
    ts_spellidx *ix = ts_spellidx_open(path, aff, dic);
    ts_spellidx_close(ix);
    return ix != NULL;
}

uint32_t ts_spellidx_lines(const ts_spellidx *ix)
{
    return ix->h->nlines;
}

const char *ts_spellidx_line(const ts_spellidx *ix, uint32_t i, size_t *len)
{
    /* a line ends before the next one's start, less its '\n' (the last
     * line may have none: then the next start is the size plus one) */
    uint32_t a = ix->lineoff[i], b = ix->lineoff[i + 1];
    if (i >= ix->h->nlines || b <= a || b > ix->dicsize + 1)
        return NULL;
    *len = b - a - 1;
    return ix->dic + a;
}

const uint32_t *ts_spellidx_always(const ts_spellidx *ix, size_t *n)
{
    *n = ix->h->nalways;
    return ix->always;
}

const uint32_t *ts_spellidx_find(const ts_spellidx *ix, uint32_t hash,
                                 size_t *n, uint32_t *linebits)
{
    *linebits = ix->h->linebits;
    uint32_t b = hash & ((1u << ix->h->bits) - 1);
    uint32_t lo = ix->bucket[b], hi = ix->bucket[b + 1];
    if (lo > hi || hi > ix->h->nents) {
        *n = 0;
        return NULL;
    }
    *n = hi - lo;
    return ix->ents + lo;
}
