/*
 * arsbok_int.h - path helpers shared by the files of src/arsbok/ only.
 */
#ifndef VB_ARSBOK_INT_H
#define VB_ARSBOK_INT_H

/* The folder of path ("." when none). malloc'd. */
char *vb_ab_dir_of(const char *path);

/* fil joined to dir ("." leaves fil as it is). malloc'd. */
char *vb_ab_join(const char *dir, const char *fil);

/* When path exists: whether its real location lies below base's. 1 yes
 * or path missing, 0 no. */
int vb_ab_stays_below(const char *base, const char *path);

#endif
