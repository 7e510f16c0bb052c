/*
 * kernel/newlib_glue.h - the arena newlib's malloc may use (benchmarks only).
 */
#ifndef BRAMBLE_KERNEL_NEWLIB_GLUE_H
#define BRAMBLE_KERNEL_NEWLIB_GLUE_H

#include <stddef.h>

/* Let newlib's _sbrk hand out [start, start + size). Without it, _sbrk refuses. */
void newlib_set_arena(void *start, size_t size);

/* Bytes of the arena newlib has taken so far. */
size_t newlib_arena_used(void);

#endif /* BRAMBLE_KERNEL_NEWLIB_GLUE_H */
