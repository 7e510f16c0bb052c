/*
 * kernel/stack.c - naming the stack whose guard page a fault hit.
 *
 * The kernel's own stacks are found by arithmetic on the layout (layout.h:
 * per core a block of guard + SVC stack, then guard + stack for each
 * exception mode); other stacks, such as a test's, are registered.
 */
#include "kernel/stack.h"

#include <stdio.h>
#include <string.h>

#include "kernel/sections.h"
#include "layout.h"

/* Where each guard sits in a core's block, and the stack above it. */
static const struct {
	uint32_t guard_offset;
	uint32_t top_offset;
	const char *mode;
} core_stacks[] = {
	{ 0, STACK_TOP_SVC, "SVC" },
	{ STACK_TOP_SVC, STACK_TOP_ABT, "abort" },
	{ STACK_TOP_ABT, STACK_TOP_UND, "undefined" },
	{ STACK_TOP_UND, STACK_TOP_IRQ, "IRQ" },
	{ STACK_TOP_IRQ, STACK_TOP_FIQ, "FIQ" },
};

static struct stack_guard extra[STACK_EXTRA_MAX];

static bool in_page(uintptr_t address, uintptr_t page)
{
	return address - page < PAGE_SIZE;
}

uintptr_t stack_top_svc(unsigned core)
{
	return (uintptr_t)__stacks_start + core * CORE_STACKS_SIZE + STACK_TOP_SVC;
}

bool stack_guard_find(uintptr_t address, struct stack_guard *out)
{
	uintptr_t start = (uintptr_t)__stacks_start;

	if (address >= start && address < (uintptr_t)__stacks_end) {
		uint32_t core = (address - start) / CORE_STACKS_SIZE;
		uintptr_t block = start + core * CORE_STACKS_SIZE;

		for (size_t i = 0; i < sizeof(core_stacks) / sizeof(core_stacks[0]); i++) {
			if (!in_page(address, block + core_stacks[i].guard_offset))
				continue;
			snprintf(out->name, sizeof(out->name), "core %lu %s stack",
				 (unsigned long)core, core_stacks[i].mode);
			out->guard = block + core_stacks[i].guard_offset;
			out->top = block + core_stacks[i].top_offset;
			return true;
		}
		return false;
	}
	for (size_t i = 0; i < STACK_EXTRA_MAX; i++) {
		if (extra[i].top && in_page(address, extra[i].guard)) {
			*out = extra[i];
			return true;
		}
	}
	return false;
}

int stack_register(const char *name, uintptr_t guard, uintptr_t top)
{
	for (size_t i = 0; i < STACK_EXTRA_MAX; i++) {
		if (extra[i].top)
			continue;
		snprintf(extra[i].name, sizeof(extra[i].name), "%s", name);
		extra[i].guard = guard;
		extra[i].top = top;
		return 0;
	}
	return -1;
}

void stack_forget(uintptr_t guard)
{
	for (size_t i = 0; i < STACK_EXTRA_MAX; i++)
		if (extra[i].top && extra[i].guard == guard)
			memset(&extra[i], 0, sizeof(extra[i]));
}
