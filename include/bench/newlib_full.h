/*
 * bench/newlib_full.h - full newlib's malloc for the benchmarks
 * (bench/newlib_full.c): the allocator over an arena of its own.
 */
#ifndef BRAMBLE_BENCH_NEWLIB_FULL_H
#define BRAMBLE_BENCH_NEWLIB_FULL_H

#include <stddef.h>

void newlib_full_set_arena(void *start, size_t size);
size_t newlib_full_arena_used(void);
void *newlib_full_malloc(size_t size);
void newlib_full_free(void *pointer);

#endif /* BRAMBLE_BENCH_NEWLIB_FULL_H */
