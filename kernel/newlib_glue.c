/*
 * kernel/newlib_glue.c - what newlib-nano needs from the kernel.
 *
 * bramble uses newlib-nano only for string functions and vsnprintf with
 * integer formats, which never allocate. The printf core still refers to
 * malloc (for the floating-point formats), and so to _sbrk: here it refuses,
 * so any allocation through newlib fails cleanly instead of taking memory
 * the kernel does not know about.
 */
#include <errno.h>
#include <stddef.h>

void *_sbrk(ptrdiff_t increment);

void *_sbrk(ptrdiff_t increment)
{
	(void)increment;
	errno = ENOMEM;
	return (void *)-1;
}
