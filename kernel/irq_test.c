/*
 * kernel/irq_test.c - self-tests of the interrupt dispatch, with the one
 * source a core can raise by itself: its own mailbox.
 */
#include <stddef.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "drivers/bcm2836_local.h"
#include "drivers/mailbox.h"
#include "drivers/pl011.h"
#include "drivers/systimer.h"
#include "kernel/error.h"
#include "kernel/irq.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"
#include "kernel/timer.h"
#include "layout.h"

#define TEST_MAILBOX 0
#define TEST_LINE    IRQ_MAILBOX(TEST_MAILBOX)
#define TEST_VALUE   0x5A5A0001U

struct mailbox_record {
	unsigned calls;
	void *arg;
	uint32_t value;     /* what the mailbox held */
	uint32_t cpsr;      /* the mode and mask the handler ran with */
	uint32_t left_over; /* the mailbox after the handler cleared it */
};

static struct mailbox_record record;

/* Takes the interrupt back: the mailbox source stays asserted until the mailbox is 0. */
static void mailbox_handler(void *arg)
{
	unsigned core = read_mpidr() & 3;

	record.calls++;
	record.arg = arg;
	record.cpsr = read_cpsr();
	record.value = local_mailbox_read(core, TEST_MAILBOX);
	local_mailbox_clear(core, TEST_MAILBOX, record.value);
	record.left_over = local_mailbox_read(core, TEST_MAILBOX);
}

static void other_handler(void *arg)
{
	(void)arg;
}

KTEST(irq, mailbox_reaches_handler_once)
{
	unsigned core = read_mpidr() & 3;
	uint32_t before = irq_count(TEST_LINE, core);
	uint32_t spurious = irq_spurious_count(core);
	uint32_t cpsr;
	int error;

	record = (struct mailbox_record){ 0 };
	KT_ASSERT_EQ(0, irq_register(TEST_LINE, mailbox_handler, &record));
	KT_ASSERT_EQ(0, irq_enable(TEST_LINE));
	cpsr = irq_save();
	local_mailbox_set(core, TEST_MAILBOX, TEST_VALUE);
	KT_ASSERT_EQ(0, record.calls); /* masked: pending, not taken */
	KT_ASSERT(local_irq_source(core) & (1U << TEST_LINE));
	irq_unmask(); /* taken here */
	__asm__ volatile("nop\n\tnop" ::: "memory");
	irq_restore(cpsr);
	error = irq_unregister(TEST_LINE);
	KT_ASSERT_EQ(1, record.calls);
	KT_ASSERT(record.arg == &record);
	KT_ASSERT_EQ(TEST_VALUE, record.value);
	KT_ASSERT_EQ(0, record.left_over);
	KT_ASSERT_EQ(MODE_SVC, record.cpsr & MODE_MASK);
	KT_ASSERT(record.cpsr & PSR_I); /* handlers run with IRQs masked */
	KT_ASSERT_EQ(before + 1, irq_count(TEST_LINE, core));
	KT_ASSERT_EQ(spurious, irq_spurious_count(core));
	KT_ASSERT_EQ(0, error);
}

/*
 * A line that interrupts with no handler behind it (routed at the
 * controller by hand here): counted with the spurious ones, said, and
 * switched off at its controller, so that it cannot take the core over.
 */
KTEST(irq, line_without_handler_switched_off)
{
	unsigned core = read_mpidr() & 3;
	uint32_t spurious = irq_spurious_count(core), handled = irq_count(TEST_LINE, core), cpsr;
	irq_handler_fn handler;
	bool enabled;

	KT_ASSERT(irq_line_info(TEST_LINE, &handler, &enabled));
	KT_ASSERT(handler == NULL);
	cpsr = irq_save();
	local_mailbox_irq(core, TEST_MAILBOX, true);
	local_mailbox_set(core, TEST_MAILBOX, TEST_VALUE);
	irq_unmask(); /* taken here: nobody's */
	__asm__ volatile("nop\n\tnop" ::: "memory");
	irq_restore(cpsr);
	local_mailbox_clear(core, TEST_MAILBOX, ~0U);
	KT_ASSERT_EQ(spurious + 1, irq_spurious_count(core));
	KT_ASSERT_EQ(0, local_mailbox_interrupts_read(core) & LOCAL_ROUTE_IRQ(TEST_MAILBOX));
	KT_ASSERT_EQ(handled, irq_count(TEST_LINE, core)); /* (no handler ran) */
}

KTEST(irq, refusals_change_nothing)
{
	static const unsigned bad_lines[] = {
		IRQ_GPU_CASCADE, IRQ_AXI, 12, 15, IRQ_LINES, 1000,
	};
	irq_handler_fn handler;
	bool enabled;

	KT_ASSERT_EQ(ERR_INVALID, irq_register(TEST_LINE, NULL, NULL));
	KT_ASSERT_EQ(ERR_NOT_FOUND, irq_enable(TEST_LINE));
	KT_ASSERT_EQ(ERR_NOT_FOUND, irq_disable(TEST_LINE));
	KT_ASSERT_EQ(ERR_NOT_FOUND, irq_unregister(TEST_LINE));
	for (unsigned i = 0; i < sizeof(bad_lines) / sizeof(bad_lines[0]); i++) {
		KT_ASSERT_EQ(ERR_INVALID, irq_register(bad_lines[i], other_handler, NULL));
		KT_ASSERT_EQ(ERR_INVALID, irq_enable(bad_lines[i]));
		KT_ASSERT_EQ(ERR_INVALID, irq_unregister(bad_lines[i]));
	}
	KT_ASSERT_EQ(0, irq_register(TEST_LINE, mailbox_handler, &record));
	KT_ASSERT_EQ(ERR_EXISTS, irq_register(TEST_LINE, other_handler, NULL));
	KT_ASSERT(irq_line_info(TEST_LINE, &handler, &enabled));
	KT_ASSERT(handler == mailbox_handler); /* the first registration stands */
	KT_ASSERT(!enabled);
	KT_ASSERT_EQ(0, irq_unregister(TEST_LINE));
	KT_ASSERT(irq_line_info(TEST_LINE, &handler, &enabled));
	KT_ASSERT(handler == NULL);
	/* The tick and the UART are the kernel's: registering over them is refused. */
	KT_ASSERT_EQ(ERR_EXISTS, irq_register(IRQ_CNTV, other_handler, NULL));
	KT_ASSERT_EQ(ERR_EXISTS, irq_register(IRQ_UART, other_handler, NULL));
}

/*
 * Every register as it was: the interrupted code sets r0-r12, lr and the
 * flags to known values, lets the mailbox interrupt in, and stores what it
 * then holds. In SVC mode, as here, lr is SVC's own, which the handler's
 * calls overwrite: the exit must put it back.
 * r0 = the mailbox's set register, r1 = the value, r2 = out[16]:
 * r0-r12, lr, CPSR flags, sp before minus sp after.
 */
void irq_test_registers(uint32_t set_register, uint32_t value, uint32_t *out);
__asm__(".text\n"
	".arm\n"
	".type irq_test_registers, %function\n"
	"irq_test_registers:\n"
	"	push	{r4-r11, lr}\n"
	"	push	{r2}\n"
	"	mov	r2, sp\n"
	"	push	{r2}\n"     /* sp as it was before the interrupt */
	"	str	r1, [r0]\n" /* pending, masked */
	"	dsb\n"
	"	ldr	r0, =0x10000000\n"
	"	ldr	r1, =0x11111111\n"
	"	ldr	r2, =0x22222222\n"
	"	ldr	r3, =0x33333333\n"
	"	ldr	r4, =0x44444444\n"
	"	ldr	r5, =0x55555555\n"
	"	ldr	r6, =0x66666666\n"
	"	ldr	r7, =0x77777777\n"
	"	ldr	r8, =0x88888888\n"
	"	ldr	r9, =0x99999999\n"
	"	ldr	r10, =0xAAAAAAAA\n"
	"	ldr	r11, =0xBBBBBBBB\n"
	"	ldr	r12, =0xCCCCCCCC\n"
	"	ldr	lr, =0xEEEEEEEE\n"
	"	msr	APSR_nzcvq, #0xA0000000\n" /* N and C */
	"	cpsie	i\n"
	"	nop\n"
	"	nop\n"
	"	cpsid	i\n"
	"	push	{r0-r12, lr}\n"
	"	mrs	r0, cpsr\n"
	"	ldr	r1, [sp, #60]\n" /* out */
	"	str	r0, [r1, #56]\n"
	"	ldr	r3, [sp, #56]\n" /* sp before */
	"	add	r4, sp, #60\n"   /* sp after, as it was before the two pushes since */
	"	sub	r3, r3, r4\n"
	"	str	r3, [r1, #60]\n" /* out[15]: 0 when the exit put sp back */
	"	mov	r2, #0\n"
	"1:	ldr	r3, [sp, r2, lsl #2]\n"
	"	str	r3, [r1, r2, lsl #2]\n"
	"	add	r2, r2, #1\n"
	"	cmp	r2, #14\n"
	"	blo	1b\n"
	"	add	sp, sp, #64\n"
	"	pop	{r4-r11, pc}\n"
	".ltorg\n");

KTEST(irq, interrupted_registers_kept)
{
	static const uint32_t expected[14] = {
		0x10000000, 0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555, 0x66666666,
		0x77777777, 0x88888888, 0x99999999, 0xAAAAAAAA, 0xBBBBBBBB, 0xCCCCCCCC, 0xEEEEEEEE,
	};
	unsigned core = read_mpidr() & 3;
	uint32_t out[16] = { 0 };
	uint32_t cpsr;
	int error;

	record = (struct mailbox_record){ 0 };
	KT_ASSERT_EQ(0, irq_register(TEST_LINE, mailbox_handler, &record));
	KT_ASSERT_EQ(0, irq_enable(TEST_LINE));
	cpsr = irq_save();
	irq_test_registers(local_mailbox_set_address(core, TEST_MAILBOX), TEST_VALUE, out);
	irq_restore(cpsr);
	error = irq_unregister(TEST_LINE);
	KT_ASSERT_EQ(1, record.calls);
	for (unsigned i = 0; i < 14; i++)
		KT_ASSERT_EQ(expected[i], out[i]);
	KT_ASSERT_EQ(0xA0000000, out[14] & 0xF8000000);
	KT_ASSERT_EQ(MODE_SVC, out[14] & MODE_MASK);
	KT_ASSERT_EQ(0, out[15]); /* sp as it was */
	KT_ASSERT_EQ(0, error);
}

static volatile uint32_t systimer_matches;

static void systimer_handler(void *arg)
{
	(void)arg;
	systimer_clear_match(3);
	systimer_matches++;
}

/*
 * The second level through pending register 1: the system timer's compare
 * 3 (GPU interrupt 3) reaches its handler once, on the core the GPU's
 * interrupt is routed to.
 */
KTEST(irq, system_timer_through_pending_1)
{
	uint32_t before = irq_count(IRQ_SYSTIMER(3), 0), spurious = irq_spurious_count(0);
	uint32_t start;

	if (read_mpidr() & 3)
		KT_SKIP("the GPU's interrupts go to core 0");
	if (irq_masked())
		KT_SKIP("IRQs are masked here");
	systimer_matches = 0;
	KT_ASSERT_EQ(0, irq_register(IRQ_SYSTIMER(3), systimer_handler, NULL));
	KT_ASSERT_EQ(0, irq_enable(IRQ_SYSTIMER(3)));
	start = systimer_now_us(); /* (before the arming: the match is at least 1000 us after it) */
	systimer_arm_match(3, 1000);
	while (!systimer_matches && systimer_now_us() - start < 20000)
		__asm__ volatile("nop" ::: "memory"); /* IRQs on: it comes here */
	KT_ASSERT_EQ(0, irq_unregister(IRQ_SYSTIMER(3)));
	KT_ASSERT_EQ(1, systimer_matches);
	KT_ASSERT(systimer_now_us() - start >= 900); /* at its match, not at once */
	KT_ASSERT_EQ(before + 1, irq_count(IRQ_SYSTIMER(3), 0));
	KT_ASSERT_EQ(spurious, irq_spurious_count(0));
}

static volatile uint32_t mailbox_answers;

static void mailbox_answer_handler(void *arg)
{
	(void)arg;
	mailbox_answer_irq(false); /* the answer is the polling call's to read */
	mailbox_answers++;
}

/*
 * The second level through the basic pending register: the VideoCore
 * mailbox's answer interrupt (IRQ_BASIC(1)), raised by a property call,
 * reaches its handler once.
 */
KTEST(irq, mailbox_answer_through_basic)
{
	uint32_t before = irq_count(IRQ_BASIC(1), 0), revision = 0;

	if (read_mpidr() & 3)
		KT_SKIP("the GPU's interrupts go to core 0");
	if (irq_masked())
		KT_SKIP("IRQs are masked here");
	mailbox_answers = 0;
	KT_ASSERT_EQ(0, irq_register(IRQ_BASIC(1), mailbox_answer_handler, NULL));
	KT_ASSERT_EQ(0, irq_enable(IRQ_BASIC(1)));
	mailbox_answer_irq(true);
	KT_ASSERT_EQ(0, mailbox_get_board_revision(&revision));
	mailbox_answer_irq(false);
	KT_ASSERT_EQ(0, irq_unregister(IRQ_BASIC(1)));
	KT_ASSERT_EQ(1, mailbox_answers);
	KT_ASSERT_EQ(before + 1, irq_count(IRQ_BASIC(1), 0));
	KT_ASSERT(revision != 0);
}

/* The UART sends a long print from its transmit interrupt, not by waiting. */
KTEST(irq, uart_transmits_by_interrupt)
{
	uint32_t before = irq_count(IRQ_UART, 0);
	struct pl011_stats stats;

	if (irq_masked())
		KT_SKIP("IRQs are masked here");
	kprintf("uart: 4 x 64 bytes through the transmit ring:\n");
	for (int i = 0; i < 4; i++)
		kprintf("%s\n", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd");
	for (int i = 0; i < 100 && pl011_tx_pending() > 0; i++)
		ksleep_ms(1);
	KT_ASSERT_EQ(0, pl011_tx_pending());
	/* A write puts at most a FIFO's worth (16 bytes) out itself; the interrupt sends the rest. */
	if (irq_count(IRQ_UART, 0) - before < 4 * 64 / 16 - 4)
		KT_FAIL("%lu UART interrupts sent 4 x 64 bytes",
			(unsigned long)(irq_count(IRQ_UART, 0) - before));
	pl011_get_stats(&stats);
	KT_ASSERT_EQ(0, stats.tx_dropped);
}
