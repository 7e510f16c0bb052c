/*
 * drivers/bcm2836_local.h - the BCM2836 ARM-local peripheral block at
 * PHYS_LOCAL_BASE: per-core mailboxes, timers and interrupt routing
 * ("BCM2836 ARM-local peripherals", QA7 rev 3.4, section 4).
 *
 * Offsets from the block's base. Usable from assembly and C.
 */
#ifndef BRAMBLE_DRIVERS_BCM2836_LOCAL_H
#define BRAMBLE_DRIVERS_BCM2836_LOCAL_H

/*
 * Each core has four mailboxes. Writing to a "set" register ORs the value
 * into the mailbox; writing to the "read/clear" register clears the bits
 * written. Mailbox 3 is the boot mailbox: a parked core waits until its
 * mailbox 3 holds an entry address, clears it, and jumps there.
 */
#define LOCAL_MAILBOX_SET(core, n)      (0x80 + 0x10 * (core) + 4 * (n))
#define LOCAL_MAILBOX_CLR(core, n)      (0xC0 + 0x10 * (core) + 4 * (n))
#define LOCAL_BOOT_MAILBOX              3
#define LOCAL_MAILBOX_STRIDE            0x10 /* between one core's registers and the next's */

#ifndef __ASSEMBLER__
#include <stdint.h>

#include "layout.h"

/* Use the block's registers at this virtual address. */
void local_init(vaddr_t registers);

/*
 * Core core's mailbox n: read, OR bits in (set), clear bits. Set and clear
 * end with a DSB, so that a SEV may follow them directly.
 */
uint32_t local_mailbox_read(unsigned core, unsigned n);
void local_mailbox_set(unsigned core, unsigned n, uint32_t bits);
void local_mailbox_clear(unsigned core, unsigned n, uint32_t bits);
#endif

#endif /* BRAMBLE_DRIVERS_BCM2836_LOCAL_H */
