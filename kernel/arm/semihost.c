/*
 * kernel/arm/semihost.c - SYS_EXIT_EXTENDED, the one semihosting call bramble makes.
 */
#include "kernel/semihost.h"

#include "kernel/printk.h"

void semihost_exit(uint32_t status)
{
	/* SYS_EXIT_EXTENDED takes a two-word block: reason, status. */
	const uint32_t block[2] = { SEMIHOST_APPLICATION_EXIT, status };
	register uint32_t r0 __asm__("r0") = SEMIHOST_SYS_EXIT_EXTENDED;
	register const uint32_t *r1 __asm__("r1") = block;

	/* An SVC taken in SVC mode overwrites lr_svc: lr is clobbered. */
	__asm__ volatile("svc %[number]"
			 : "+r"(r0)
			 : "r"(r1), [number] "i"(SEMIHOST_SVC_ARM)
			 : "memory", "lr");
	if (r0 == SEMIHOST_NO_HOST)
		kprintf("semihosting: no host to exit to (status %u)\n", (unsigned)status);
}
