/*
 * bench/newlib_full.c - full newlib's malloc and free (the dlmalloc-derived
 * allocator, newlib's mallocr.c), for make bench to measure beside nano's.
 *
 * The Makefile takes its two objects out of the toolchain's libc.a with
 * every symbol prefixed full_, so they link beside libc_nano.a. Here are
 * what they call: a lock (the kernel is single-threaded: nothing to do),
 * and _sbrk_r over an arena of its own, already mapped, which never gives
 * memory back.
 */
#include "bench/newlib_full.h"

#include <errno.h>
#include <reent.h>
#include <stdint.h>

void *full__malloc_r(struct _reent *reent, size_t size);
void full__free_r(struct _reent *reent, void *pointer);
void full___malloc_lock(struct _reent *reent);
void full___malloc_unlock(struct _reent *reent);
void *full__sbrk_r(struct _reent *reent, ptrdiff_t increment);

static char *arena_start, *arena_break, *arena_end;
static struct _reent reent;

void full___malloc_lock(struct _reent *r)
{
	(void)r;
}

void full___malloc_unlock(struct _reent *r)
{
	(void)r;
}

void *full__sbrk_r(struct _reent *r, ptrdiff_t increment)
{
	char *previous = arena_break;

	if (!arena_start || increment > arena_end - arena_break ||
	    increment < arena_start - arena_break) {
		r->_errno = ENOMEM;
		return (void *)-1;
	}
	arena_break += increment;
	return previous;
}

void newlib_full_set_arena(void *start, size_t size)
{
	arena_start = arena_break = start;
	arena_end = (char *)start + size;
}

size_t newlib_full_arena_used(void)
{
	return (size_t)(arena_break - arena_start);
}

void *newlib_full_malloc(size_t size)
{
	return full__malloc_r(&reent, size);
}

void newlib_full_free(void *pointer)
{
	full__free_r(&reent, pointer);
}
