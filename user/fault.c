/*
 * user/fault.c - commit the fault argv[1] names, for the kernel's tests:
 * the kernel must kill this process (and only it) and say why. If the
 * fault does not come, the program says "survived" and exits 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const uint32_t return_instruction = 0xE12FFF1E; /* bx lr */

/* Deeper and deeper until the stack's 8 MiB are used up (the limit is never reached here). */
static int deep(int n)
{
	volatile char pad[1024];

	pad[0] = (char)n;
	if (n == -1)
		return 0;
	return deep(n + 1) + pad[0];
}

int main(int argc, char **argv)
{
	const char *kind = argc > 1 ? argv[1] : "";
	void (*call)(void);

	printf("fault: %s\n", kind);
	fflush(stdout);
	if (strcmp(kind, "null") == 0) {
		printf("%d\n", *(volatile int *)0);
	} else if (strcmp(kind, "kernel-read") == 0) {
		printf("%d\n", *(volatile int *)0x80000000);
	} else if (strcmp(kind, "kernel-write") == 0) {
		*(volatile int *)0x80000000 = 1;
	} else if (strcmp(kind, "kernel-jump") == 0) {
		call = (void (*)(void))0x80008000;
		call();
	} else if (strcmp(kind, "text-write") == 0) {
		*(volatile uint32_t *)(uintptr_t)main = 0;
	} else if (strcmp(kind, "stack-guard") == 0) {
		printf("%d\n", deep(0));
	} else if (strcmp(kind, "heap-exec") == 0) {
		uint32_t *code = malloc(64);

		code[0] = return_instruction;
		call = (void (*)(void))code;
		call();
	} else if (strcmp(kind, "stack-exec") == 0) {
		uint32_t code[4] = { return_instruction };

		call = (void (*)(void))code;
		call();
	} else if (strcmp(kind, "undefined") == 0) {
		__asm__ volatile("udf #7");
	} else {
		printf("fault: say which: null, kernel-read, kernel-write, kernel-jump, "
		       "text-write, stack-guard, heap-exec, stack-exec, undefined\n");
		return 2;
	}
	printf("survived\n");
	return 1;
}
