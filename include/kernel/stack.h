/*
 * kernel/stack.h - which stack a guard page belongs to.
 *
 * Every kernel stack has an unmapped guard page just below it (layout.h;
 * the boot stub leaves those pages out of the image's mapping), so running
 * off the bottom of a stack faults on the guard. The fault reports ask here
 * whose guard an address is in, to say "stack overflow" and name the stack
 * instead of reporting a random translation fault.
 */
#ifndef BRAMBLE_KERNEL_STACK_H
#define BRAMBLE_KERNEL_STACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STACK_EXTRA_MAX 4 /* stacks other than the kernel's own, e.g. a test's */

struct stack_guard {
	char name[32];   /* "core 0 SVC stack", "test stack" */
	uintptr_t guard; /* the guard page (unmapped) */
	uintptr_t top;   /* the stack's initial sp; the stack is [guard + page, top) */
};

/* The initial sp of a core's SVC stack (layout.h). */
uintptr_t stack_top_svc(unsigned core);

/*
 * If address is in the guard page of a stack, describe that stack in *out
 * and return true.
 */
bool stack_guard_find(uintptr_t address, struct stack_guard *out);

/*
 * Make another stack known (name, guard page, top). Returns 0, or -1 when
 * STACK_EXTRA_MAX are known already. stack_forget() removes it again.
 */
int stack_register(const char *name, uintptr_t guard, uintptr_t top);
void stack_forget(uintptr_t guard);

#endif /* BRAMBLE_KERNEL_STACK_H */
