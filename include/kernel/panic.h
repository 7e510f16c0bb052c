/*
 * kernel/panic.h - stopping the kernel when an invariant is broken.
 *
 * panic() is for broken invariants only: errors a caller can act on are
 * return values. Its message says what broke and with which values:
 *	panic("pmm: frame 0x%08x freed twice", frame);
 * It prints the message and a backtrace, then stops (kernel/fatal.h).
 */
#ifndef BRAMBLE_KERNEL_PANIC_H
#define BRAMBLE_KERNEL_PANIC_H

#define panic(...) panic_at(__FILE__, __LINE__, __VA_ARGS__)

void panic_at(const char *file, int line, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 3, 4)));

#endif /* BRAMBLE_KERNEL_PANIC_H */
