/*
 * kernel/panic.c - panic(): a broken invariant, reported, then fatal_stop().
 */
#include "kernel/panic.h"

#include <stdarg.h>
#include <stdio.h>

#include "kernel/backtrace.h"
#include "kernel/fatal.h"
#include "kernel/printk.h"

void panic_at(const char *file, int line, const char *fmt, ...)
{
	static char message[160];
	static bool panicking;
	va_list args;

	__asm__ volatile("cpsid aif" ::: "memory");
	if (panicking || fatal_stopping()) {
		/* A panic while stopping: say the least, and stop. */
		kprintf("\nnested panic at %s:%d\n", file, line);
		halt();
	}
	panicking = true;
	va_start(args, fmt);
	vsnprintf(message, sizeof(message), fmt, args);
	va_end(args);
	kprintf("\nPANIC at %s:%d: %s\n", file, line, message);
	backtrace_here();
	fatal_stop(message);
}
