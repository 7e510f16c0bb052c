/*
 * kernel/newlib_glue.c - what newlib-nano needs from the kernel.
 *
 * bramble uses newlib-nano for string functions and vsnprintf with integer
 * formats, which never allocate. The printf core still refers to malloc
 * (for the floating-point formats), and so to _sbrk. The kernel gives
 * newlib no memory: _sbrk refuses, so any allocation through newlib fails
 * cleanly instead of taking memory the kernel does not know about. Only the
 * benchmark image, which compares newlib's malloc with kmalloc, lends it an
 * arena of its own (newlib_set_arena).
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/newlib_glue.h"

static char *arena_start, *arena_break, *arena_end;

void newlib_set_arena(void *start, size_t size)
{
	arena_start = arena_break = start;
	arena_end = (char *)start + size;
}

size_t newlib_arena_used(void)
{
	return (size_t)(arena_break - arena_start);
}

void *_sbrk(ptrdiff_t increment);

void *_sbrk(ptrdiff_t increment)
{
	char *previous = arena_break;

	if (!arena_start || increment > arena_end - arena_break ||
	    increment < arena_start - arena_break) {
		errno = ENOMEM;
		return (void *)-1;
	}
	arena_break += increment;
	return previous;
}
