/*
 * kernel/platform.h - what the kernel learns about the board at boot: RAM
 * (from the firmware, cross-checked with the loader's ATAGs), the board,
 * the clocks, and what r2 pointed at.
 */
#ifndef BRAMBLE_KERNEL_PLATFORM_H
#define BRAMBLE_KERNEL_PLATFORM_H

#include <stdint.h>

#include "drivers/mailbox.h"
#include "kernel/boot_info.h"
#include "kernel/bootargs.h"

struct platform {
	struct bootargs bootargs;       /* what r2 pointed at */
	paddr_t bootargs_phys;          /* and where (0 if nothing) */
	struct mailbox_memory ram;      /* the ARM's RAM */
	const char *ram_source;         /* "mailbox" or "ATAG_MEM" */
	int vc_error;
	struct mailbox_memory vc;       /* the VideoCore's RAM */
	int revision_error;
	uint32_t revision;
	int arm_clock_error;
	uint32_t arm_clock_hz;
};

extern struct platform platform;

/*
 * Ask the firmware (mailbox) and the loader (r2) about the board. RAM must
 * be known: from the mailbox, or else from ATAG_MEM; with neither the
 * kernel cannot go on and panics. Prints the findings, and any
 * disagreement between the two sources.
 */
void platform_discover(const struct boot_info *info);

#endif /* BRAMBLE_KERNEL_PLATFORM_H */
