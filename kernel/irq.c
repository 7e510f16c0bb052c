/*
 * kernel/irq.c - the two-level interrupt dispatch (kernel/irq.h).
 *
 * An IRQ is read from the top: the core-local block says which of this
 * core's sources interrupts it; when one is the GPU cascade, the ARM
 * controller's pending registers say which GPU or basic sources. Every
 * source found pending gets its handler once per IRQ, lowest line first;
 * whatever is still (or newly) asserted when the handlers return raises
 * the IRQ again at once. A source that is pending without a handler (one
 * that was enabled behind the dispatch's back) is switched off at its
 * controller and counted, so that it cannot hold the core in a loop of
 * IRQs.
 */
#include "kernel/irq.h"

#include <stddef.h>

#include "arch/cp15.h"
#include "drivers/bcm2835_intc.h"
#include "drivers/bcm2836_local.h"
#include "kernel/error.h"
#include "kernel/printk.h"
#include "layout.h"

struct irq_line {
	irq_handler_fn handler;
	void *arg;
	bool enabled;
	uint32_t count[CORE_COUNT];
};

static struct irq_line lines[IRQ_LINES];
static uint32_t spurious[CORE_COUNT];
static uint32_t unhandled[CORE_COUNT];

static const char *const local_names[LOCAL_SOURCE_COUNT] = {
	"CNTPS (secure physical timer)",
	"CNTPNS (physical timer)",
	"CNTHP (Hyp timer)",
	"CNTV (virtual timer)",
	"mailbox 0",
	"mailbox 1",
	"mailbox 2",
	"mailbox 3",
	"GPU (ARM interrupt controller)",
	"PMU",
	"AXI outstanding",
	"local timer",
};

static unsigned this_core(void)
{
	return read_mpidr() & 3;
}

/* Whether line is a source a handler may have. */
static bool line_valid(unsigned line)
{
	if (line < LOCAL_SOURCE_COUNT)
		return line != IRQ_GPU_CASCADE && line != IRQ_AXI;
	return line >= IRQ_GPU(0) && line < IRQ_LINES;
}

const char *irq_line_name(unsigned line)
{
	static const char *const gpu_names[] = {
		[0] = "system timer 0", [1] = "system timer 1", [2] = "system timer 2",
		[3] = "system timer 3", [29] = "mini UART",     [49] = "GPIO 0",
		[50] = "GPIO 1",        [51] = "GPIO 2",        [52] = "GPIO 3",
		[57] = "PL011 UART",
	};

	if (line < LOCAL_SOURCE_COUNT)
		return local_names[line];
	if (line >= IRQ_GPU(0) && line < IRQ_BASIC(0)) {
		unsigned n = line - IRQ_GPU(0);

		return n < sizeof(gpu_names) / sizeof(gpu_names[0]) && gpu_names[n] ? gpu_names[n]
										    : "GPU";
	}
	if (line >= IRQ_BASIC(0) && line < IRQ_LINES)
		return line == IRQ_BASIC(0) ? "ARM timer" : "ARM basic";
	return NULL;
}

/* Switch line's source on or off at its controller. */
static void line_route(unsigned line, bool on)
{
	unsigned core = this_core();

	if (line <= IRQ_CNTV)
		local_timer_irq(core, line, on);
	else if (line < IRQ_GPU_CASCADE)
		local_mailbox_irq(core, line - IRQ_MAILBOX(0), on);
	else if (line == IRQ_PMU)
		local_pmu_irq(core, on);
	else if (line == IRQ_LOCAL_TIMER)
		; /* the local timer's interrupt is its own control bit: its driver's */
	else if (line < IRQ_BASIC(0))
		intc_gpu_enable(line - IRQ_GPU(0), on);
	else
		intc_basic_enable(line - IRQ_BASIC(0), on);
}

int irq_register(unsigned line, irq_handler_fn handler, void *arg)
{
	uint32_t cpsr;

	if (!line_valid(line) || !handler)
		return ERR_INVALID;
	cpsr = irq_save();
	if (lines[line].handler) {
		irq_restore(cpsr);
		return ERR_EXISTS;
	}
	lines[line].arg = arg;
	lines[line].handler = handler;
	lines[line].enabled = false;
	irq_restore(cpsr);
	return 0;
}

int irq_unregister(unsigned line)
{
	uint32_t cpsr;

	if (!line_valid(line))
		return ERR_INVALID;
	cpsr = irq_save();
	if (!lines[line].handler) {
		irq_restore(cpsr);
		return ERR_NOT_FOUND;
	}
	line_route(line, false);
	lines[line].enabled = false;
	lines[line].handler = NULL;
	lines[line].arg = NULL;
	irq_restore(cpsr);
	return 0;
}

static int set_enabled(unsigned line, bool on)
{
	uint32_t cpsr;

	if (!line_valid(line))
		return ERR_INVALID;
	cpsr = irq_save();
	if (!lines[line].handler) {
		irq_restore(cpsr);
		return ERR_NOT_FOUND;
	}
	line_route(line, on);
	lines[line].enabled = on;
	irq_restore(cpsr);
	return 0;
}

int irq_enable(unsigned line)
{
	return set_enabled(line, true);
}

int irq_disable(unsigned line)
{
	return set_enabled(line, false);
}

void irq_init(void)
{
	unsigned core = this_core();

	intc_fiq_off();
	for (unsigned n = 0; n < INTC_GPU_COUNT; n++)
		intc_gpu_enable(n, false);
	for (unsigned n = 0; n < INTC_BASIC_COUNT; n++)
		intc_basic_enable(n, false);
	for (unsigned n = 0; n <= IRQ_CNTV; n++)
		local_timer_irq(core, n, false);
	for (unsigned n = 0; n < 4; n++)
		local_mailbox_irq(core, n, false);
	local_pmu_irq(core, false);
	local_gpu_route(core);
}

/* Run line's handler; a line without one is switched off. */
static void run(unsigned line, unsigned core)
{
	struct irq_line *entry = &lines[line];

	if (entry->handler) {
		entry->count[core]++;
		entry->handler(entry->arg);
		return;
	}
	unhandled[core]++;
	if (line_valid(line))
		line_route(line, false);
	kprintf("irq: line %u (%s) pending without a handler: switched off\n", line,
		irq_line_name(line));
}

/* Each set bit of bits, lowest first, as line base + bit. */
static unsigned run_bits(uint32_t bits, unsigned base, unsigned core)
{
	unsigned ran = 0;

	while (bits) {
		unsigned bit = (unsigned)__builtin_ctz(bits);

		bits &= bits - 1;
		run(base + bit, core);
		ran++;
	}
	return ran;
}

static struct exception_frame *handling[CORE_COUNT]; /* each core's interrupted frame */

struct exception_frame *irq_frame(void)
{
	return handling[this_core()];
}

void irq_dispatch(struct exception_frame *frame)
{
	unsigned core = this_core();
	uint32_t source = local_irq_source(core);
	unsigned ran;

	handling[core] = frame;
	ran = run_bits(source & ~(1U << LOCAL_SOURCE_GPU) & ((1U << LOCAL_SOURCE_COUNT) - 1), 0,
		       core);
	if (source & (1U << LOCAL_SOURCE_GPU)) {
		uint32_t basic, gpu_low, gpu_high;

		intc_pending(&basic, &gpu_low, &gpu_high);
		ran += run_bits(gpu_low, IRQ_GPU(0), core);
		ran += run_bits(gpu_high, IRQ_GPU(32), core);
		ran += run_bits(basic, IRQ_BASIC(0), core);
	}
	if (ran == 0)
		spurious[core]++;
}

uint32_t irq_count(unsigned line, unsigned core)
{
	return line < IRQ_LINES && core < CORE_COUNT ? lines[line].count[core] : 0;
}

uint32_t irq_spurious_count(unsigned core)
{
	return core < CORE_COUNT ? spurious[core] + unhandled[core] : 0;
}

bool irq_line_info(unsigned line, irq_handler_fn *handler, bool *enabled)
{
	if (!line_valid(line))
		return false;
	*handler = lines[line].handler;
	*enabled = lines[line].enabled;
	return true;
}
