/*
 * kernel/irq.h - interrupt lines, their handlers, and their counts.
 *
 * The Pi 2 has two interrupt controllers in a chain. Each core has its own
 * sources in the BCM2836 core-local block (its four generic timers, its
 * four mailboxes, the PMU, the local timer); one of them is the output of
 * the BCM2835 ARM interrupt controller, which gathers the 64 GPU
 * interrupts (the UART, the system timer, GPIO, ...) and 8 ARM sources,
 * and is routed to one core. bramble numbers every source as one line:
 *
 *	 0-11  core-local source n (the bit of LOCAL_IRQ_SOURCE; 8 is the
 *	       cascade to the ARM controller, 10 the AXI counter: neither can
 *	       be registered)
 *	16-79  GPU interrupt n - 16 ("BCM2835 ARM Peripherals" 7.5)
 *	80-87  ARM controller basic source n - 80 (the ARM timer, doorbells, ...)
 *
 * A core-local line is per core: enabling or disabling it acts on the core
 * that calls. GPU and basic lines go to the core the GPU route names (core
 * 0). Handlers run in SVC mode on the interrupted core's SVC stack, with
 * IRQs masked, and must make their device stop asserting the line.
 */
#ifndef BRAMBLE_KERNEL_IRQ_H
#define BRAMBLE_KERNEL_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm.h"
#include "kernel/exception.h"

#define IRQ_CNTPS       0 /* secure physical timer (entered in secure SVC) */
#define IRQ_CNTPNS      1 /* non-secure physical timer */
#define IRQ_CNTHP       2 /* Hyp timer */
#define IRQ_CNTV        3 /* virtual timer: the kernel's tick */
#define IRQ_MAILBOX(n)  (4 + (n))
#define IRQ_GPU_CASCADE 8
#define IRQ_PMU         9
#define IRQ_AXI         10
#define IRQ_LOCAL_TIMER 11
#define IRQ_GPU(n)      (16 + (n))
#define IRQ_BASIC(n)    (80 + (n))
#define IRQ_SYSTIMER(n) IRQ_GPU(n) /* system timer compare n (1 and 3 are the ARM's) */
#define IRQ_UART        IRQ_GPU(57)
#define IRQ_LINES       88

typedef void (*irq_handler_fn)(void *arg);

/*
 * Give line its handler (called with arg). Returns 0; ERR_INVALID for a
 * line that does not exist or cannot be registered, or a NULL handler;
 * ERR_EXISTS when the line has a handler already. Registering leaves the
 * line disabled.
 */
int irq_register(unsigned line, irq_handler_fn handler, void *arg);

/* Disable line and forget its handler. ERR_INVALID, or ERR_NOT_FOUND when it has none. */
int irq_unregister(unsigned line);

/*
 * Let line interrupt (on this core, for a core-local line), or stop it.
 * ERR_INVALID for a line that does not exist, ERR_NOT_FOUND for one
 * without a handler.
 */
int irq_enable(unsigned line);
int irq_disable(unsigned line);

/*
 * Set up both controllers: every source off, the GPU interrupt routed to
 * this core (core 0), nothing to FIQ. IRQs stay masked (irq_unmask).
 */
void irq_init(void);

/* Called by the IRQ vector (boot/vectors.S, through exception_irq). */
void irq_dispatch(struct exception_frame *frame);

/* Counts: times line's handler ran on core, and IRQs that found nothing to run. */
uint32_t irq_count(unsigned line, unsigned core);

/* In a handler: the frame of what this core's interrupt interrupted (where it was). */
struct exception_frame *irq_frame(void);
uint32_t irq_spurious_count(unsigned core);

/* What the console's irq command shows: the line's source, its handler. */
const char *irq_line_name(unsigned line);
bool irq_line_info(unsigned line, irq_handler_fn *handler, bool *enabled);

/*
 * The CPSR's IRQ mask. irq_save() masks and returns the previous state,
 * for irq_restore(): the way to keep a handler out of a few lines of code.
 */
static inline uint32_t irq_save(void)
{
	uint32_t cpsr;

	__asm__ volatile("mrs %0, cpsr\n\tcpsid i" : "=r"(cpsr) : : "memory");
	return cpsr;
}

/*
 * The control and extension fields: the IRQ mask and the asynchronous-abort
 * mask (A, bit 8) both as they were. A thread switched out from inside an
 * IRQ or an abort (which set A on entry) and another switched in through
 * schedule() must get its own A back, not the trap's.
 */
static inline void irq_restore(uint32_t cpsr)
{
	__asm__ volatile("msr cpsr_xc, %0" : : "r"(cpsr) : "memory");
}

static inline void irq_unmask(void)
{
	__asm__ volatile("cpsie i" : : : "memory");
}

static inline void irq_mask(void)
{
	__asm__ volatile("cpsid i" : : : "memory");
}

static inline bool irq_masked(void)
{
	uint32_t cpsr;

	__asm__ volatile("mrs %0, cpsr" : "=r"(cpsr));
	return (cpsr & PSR_I) != 0;
}

/*
 * Sleep until an interrupt: wfi. Call with IRQs masked after checking that
 * there is nothing to do; the interrupt that ends the wait is taken when
 * this unmasks them again (a pending interrupt wakes wfi even while
 * masked), so that none is lost between the check and the wait.
 */
static inline void irq_wait(void)
{
	__asm__ volatile("dsb\n\twfi\n\tcpsie i\n\tcpsid i" : : : "memory");
}

#endif /* BRAMBLE_KERNEL_IRQ_H */
