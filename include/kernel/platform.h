/*
 * kernel/platform.h - what the kernel learns about the board at boot: RAM
 * (from the firmware, cross-checked with what the loader says), the board,
 * the clocks, and what r2 pointed at: ATAGs or a device tree, and from
 * them the kernel command line, an initrd and the memory to keep.
 */
#ifndef BRAMBLE_KERNEL_PLATFORM_H
#define BRAMBLE_KERNEL_PLATFORM_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/mailbox.h"
#include "kernel/boot_info.h"
#include "kernel/bootargs.h"
#include "kernel/fdt.h"
#include "mm/pmm.h"

#define PLATFORM_CMDLINE_MAX 512 /* bytes of the command line kept, with its NUL */
#define PLATFORM_KEEP_MAX    6   /* ranges of the loader's to keep, besides the blob and initrd */

struct platform {
	struct bootargs bootargs;    /* what r2 pointed at */
	paddr_t bootargs_phys;       /* and where it is now (0 if nothing; it may have moved) */
	paddr_t bootargs_moved_from; /* where r2 pointed, if the blob was moved; else 0 */
	int dt_error;                /* a device tree that could not be read: why */
	struct fdt_boot dt;          /* what the device tree says (when dt_error is 0) */
	struct mailbox_memory ram;   /* the ARM's RAM */
	const char *ram_source;      /* "mailbox" or "ATAG_MEM" */
	int vc_error;
	struct mailbox_memory vc; /* the VideoCore's RAM */
	int revision_error;
	uint32_t revision;
	int arm_clock_error;
	uint32_t arm_clock_hz;
	char cmdline[PLATFORM_CMDLINE_MAX]; /* the kernel command line ("" if none) */
	struct phys_range initrd;           /* the loader's initrd (size 0 if none) */
	paddr_t initrd_moved_from;          /* where it was, if it was moved; else 0 */
	unsigned keep_count;                /* the device tree's reservation map, as read */
	struct phys_range keep[PLATFORM_KEEP_MAX];
};

extern struct platform platform;

/*
 * Ask the firmware (mailbox) and the loader (r2) about the board. RAM must
 * be known: from the mailbox, or else from ATAG_MEM; with neither the
 * kernel cannot go on and panics. Maps the rest of the ARM's RAM
 * (mm/linear_map.h), then reads what r2 points at anywhere in it. Prints
 * the findings, and any disagreement between the sources.
 */
void platform_discover(const struct boot_info *info);

/*
 * Move what the loader left in [start, end) (the blob r2 points at, the
 * initrd) to free RAM above everything the loader left, and say so: the
 * PMM's metadata is about to be written there. Panics if there is no room.
 */
void platform_move_out_of(paddr_t start, paddr_t end);

/* Everything of the loader's that must stay: the blob, the initrd, the tree's reservations. */
unsigned platform_ranges_to_keep(struct phys_range *ranges, unsigned max);

#endif /* BRAMBLE_KERNEL_PLATFORM_H */
