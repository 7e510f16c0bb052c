/*
 * kernel/panic.c - panic() and halt().
 */
#include "kernel/panic.h"

#include <stdarg.h>
#include <stdio.h>

#include "arch/arm.h"
#include "kernel/backtrace.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"
#include "kernel/semihost.h"

void halt(void)
{
	__asm__ volatile("cpsid if");
	semihost_exit(1);
	for (;;)
		__asm__ volatile("wfi");
}

void panic_at(const char *file, int line, const char *fmt, ...)
{
	static bool panicking;
	char message[160];
	va_list args;

	__asm__ volatile("cpsid if");
	va_start(args, fmt);
	vsnprintf(message, sizeof(message), fmt, args);
	va_end(args);
	if (panicking) {
		/* A panic while reporting one: say the least, and stop. */
		kprintf("\nnested panic at %s:%d: %s\n", file, line, message);
		halt();
	}
	panicking = true;
	kprintf("\nPANIC at %s:%d: %s\n", file, line, message);
	backtrace_here();
	if (ktest_running())
		ktest_bail_out(message);
	halt();
}
