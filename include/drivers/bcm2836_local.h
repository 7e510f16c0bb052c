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
#define LOCAL_MAILBOX_SET(core, n) (0x80 + 0x10 * (core) + 4 * (n))
#define LOCAL_MAILBOX_CLR(core, n) (0xC0 + 0x10 * (core) + 4 * (n))
#define LOCAL_BOOT_MAILBOX         3
#define LOCAL_MAILBOX_STRIDE       0x10 /* between one core's registers and the next's */

/*
 * Per-core interrupt control (QA7 4.6, 4.7): for the four generic timer
 * interrupts (CNTPS, CNTPNS, CNTHP, CNTV), and for the core's four
 * mailboxes, bit n routes source n to the core's IRQ, bit 4 + n to its FIQ
 * (FIQ wins when both are set). The PMU's routes are set and cleared
 * through their own pair of registers: bit n IRQ to core n, 4 + n FIQ.
 */
#define LOCAL_GPU_ROUTE                       0x0C /* bits 1:0: the core the GPU IRQ goes to */
#define LOCAL_TIMER_INTERRUPT_CONTROL(core)   (0x40 + 4 * (core))
#define LOCAL_MAILBOX_INTERRUPT_CONTROL(core) (0x50 + 4 * (core))
#define LOCAL_PMU_ROUTE_SET                   0x10
#define LOCAL_PMU_ROUTE_CLEAR                 0x14
#define LOCAL_ROUTE_IRQ(n)                    (1 << (n))
#define LOCAL_ROUTE_FIQ(n)                    (1 << (4 + (n)))
#define LOCAL_ROUTE_FIQ_ALL                   0xF0U

/*
 * What is interrupting core core (QA7 4.10): bit 0 CNTPS, 1 CNTPNS, 2 CNTHP,
 * 3 CNTV, 4-7 mailboxes 0-3, 8 the GPU (the ARM interrupt controller: see
 * its own pending registers), 9 PMU, 10 AXI outstanding (core 0), 11 the
 * local timer. A source shows only while its route to this core is on.
 */
#define LOCAL_IRQ_SOURCE(core) (0x60 + 4 * (core))
#define LOCAL_SOURCE_GPU       8
#define LOCAL_SOURCE_COUNT     12

#ifndef __ASSEMBLER__
#include <stdbool.h>
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

/* What interrupts core core now: LOCAL_IRQ_SOURCE's bits. */
uint32_t local_irq_source(unsigned core);

/*
 * Core core's timer interrupt n (0 CNTPS, 1 CNTPNS, 2 CNTHP, 3 CNTV) to its
 * IRQ, or not. Only core core may call it for itself: it is a
 * read-modify-write of that core's register.
 */
void local_timer_irq(unsigned core, unsigned n, bool on);

/* Core core's mailbox n interrupt to its IRQ, or not (the same rule). */
void local_mailbox_irq(unsigned core, unsigned n, bool on);

/* The PMU's interrupt to core core's IRQ, or not. */
void local_pmu_irq(unsigned core, bool on);

/* The GPU interrupt (the ARM interrupt controller's output) to core core's IRQ. */
void local_gpu_route(unsigned core);

/* Where core core's mailbox n set register is mapped (for code that writes it itself). */
vaddr_t local_mailbox_set_address(unsigned core, unsigned n);

/* Route core core's mailbox interrupts: LOCAL_ROUTE_IRQ/FIQ bits, the rest off. */
void local_mailbox_interrupts(unsigned core, uint32_t routes);
uint32_t local_mailbox_interrupts_read(unsigned core);

/*
 * Whatever the core-local block could send core core as an FIQ, off: its
 * timers' and mailboxes' FIQ routes, and the PMU's. (The GPU interrupt's
 * FIQ is the ARM interrupt controller's to stop.)
 */
void local_fiq_sources_off(unsigned core);
#endif

#endif /* BRAMBLE_DRIVERS_BCM2836_LOCAL_H */
