/*
 * kernel/error.h - error values. Functions that can fail return 0 or one of
 * these (negative), and leave everything as it was when they fail.
 */
#ifndef BRAMBLE_KERNEL_ERROR_H
#define BRAMBLE_KERNEL_ERROR_H

#define ERR_INVALID       (-1)  /* bad argument: misaligned, out of range, zero size */
#define ERR_TIMEOUT       (-2)  /* a device did not answer in time */
#define ERR_DEVICE        (-3)  /* a device answered with an error */
#define ERR_NO_MEMORY     (-4)  /* nothing left to allocate */
#define ERR_EXISTS        (-5)  /* already there (a mapping over a mapping) */
#define ERR_NOT_FOUND     (-6)  /* not there (unmapping what is not mapped) */
#define ERR_RANGE         (-7)  /* outside what the allocator or table manages */
#define ERR_RESERVED      (-8)  /* reserved memory: never handed out, never freed */
#define ERR_NOT_ALLOCATED (-9)  /* freeing what is free (a double free) */
#define ERR_INTERRUPTED   (-10) /* a wait cut short (the waiter was killed) */
#define ERR_NOT_DIR       (-11) /* a path goes through something that is not a directory */
#define ERR_LOOP          (-12) /* too many symbolic links in one path */

const char *error_name(int error);

#endif /* BRAMBLE_KERNEL_ERROR_H */
