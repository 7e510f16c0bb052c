/*
 * bench/irq_bench.c - what interrupts cost (make bench).
 *
 * IRQ round trip: the core sends itself a mailbox interrupt with IRQs
 * masked, then unmasks them: the IRQ is taken on the next instruction, runs
 * the vector, the dispatch and the handler, and returns. The handler reads
 * the cycle counter first thing, so the trip splits into entry (unmask to
 * the handler's first instruction), the handler's own work (measured alone,
 * by calling it directly), and exit (the rest).
 *
 * The tick: a loop reads the cycle counter back to back with IRQs on; a
 * tick shows as one long gap between two readings, and the gap less the
 * loop's usual step is what the tick cost (its IRQ, the timer's handler,
 * and the return). Under -icount a tick comes every 10 ms of guest
 * instructions (1 ns each).
 *
 * A received byte at the console: what the console does with one byte
 * from the moment it is in the UART's receive FIFO (the receive ring's put
 * and get, the line editor, the echo through the transmit ring, with IRQs
 * masked here, so written out at once), for the bytes of a typed line.
 * The receive interrupt that brings them comes once per FIFO's worth of
 * bytes at 115200 baud (the IRQ round trip above, plus the cascade).
 */
#include <string.h>

#include "arch/cp15.h"
#include "drivers/bcm2836_local.h"
#include "kernel/bench.h"
#include "kernel/irq.h"
#include "kernel/line_edit.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/timer.h"
#include "lib/ring.h"

#define ROUNDS      100
#define BENCH_MBOX  0
#define TICKS       5
#define TYPED_LINE  "x 0x80008000 64\r"
#define TICK_STEP_X 4 /* a gap this many times the loop's step is a tick */

static volatile uint32_t handler_start;

static void mailbox_handler(void *arg)
{
	unsigned core = (unsigned)(uintptr_t)arg;

	handler_start = bench_now();
	local_mailbox_clear(core, BENCH_MBOX, local_mailbox_read(core, BENCH_MBOX));
}

/* One trip: *entry to the handler, returns the whole trip. IRQs masked on entry and exit. */
static uint32_t __attribute__((noinline)) time_round_trip(unsigned core, uint32_t *entry)
{
	uint32_t start, stop;

	local_mailbox_set(core, BENCH_MBOX, 1);
	start = bench_now();
	irq_unmask();
	stop = bench_now();
	irq_mask();
	*entry = bench_less(handler_start, start);
	return stop - start;
}

static uint32_t __attribute__((noinline)) time_handler_alone(unsigned core)
{
	uint32_t start;

	local_mailbox_set(core, BENCH_MBOX, 1);
	start = bench_now();
	mailbox_handler((void *)(uintptr_t)core);
	return bench_now() - start;
}

KBENCH(irq_round_trip)
{
	unsigned core = read_mpidr() & 3;
	uint32_t overhead = bench_overhead();
	uint32_t best = ~0U, worst = 0, entry_best = ~0U, body_best = ~0U;
	uint64_t sum = 0;

	if (irq_register(IRQ_MAILBOX(BENCH_MBOX), mailbox_handler, (void *)(uintptr_t)core) ||
	    irq_enable(IRQ_MAILBOX(BENCH_MBOX)))
		panic("bench: cannot take mailbox %u's interrupt", BENCH_MBOX);
	for (int i = 0; i < ROUNDS; i++) {
		uint32_t entry, trip = bench_less(time_round_trip(core, &entry), overhead);
		uint32_t body = bench_less(time_handler_alone(core), overhead);

		sum += trip;
		best = trip < best ? trip : best;
		worst = trip > worst ? trip : worst;
		entry_best = entry < entry_best ? entry : entry_best;
		body_best = body < body_best ? body : body_best;
	}
	irq_unregister(IRQ_MAILBOX(BENCH_MBOX));
	kprintf("bench: irq round trip (core-local mailbox): %lu instructions, of which the "
		"handler's own %lu: entry to handler and back %lu (target <= 120); "
		"entry %lu, exit %lu; mean trip %lu, worst %lu\n",
		(unsigned long)best, (unsigned long)body_best,
		(unsigned long)bench_less(best, body_best), (unsigned long)entry_best,
		(unsigned long)bench_less(bench_less(best, body_best), entry_best),
		(unsigned long)(sum / ROUNDS), (unsigned long)worst);
	bench_target("IRQ entry to handler and back", bench_less(best, body_best), 120);
}

/*
 * A pause in a tight loop is a tick only when the tick count moved across
 * it: another interrupt (an IPI, the UART) makes a pause too, and is not
 * counted.
 */
KBENCH(tick_cost)
{
	uint64_t ticks_before = timer_ticks(), ticks, last;
	uint32_t gaps[TICKS] = { 0 };
	uint32_t step = ~0U, previous, now, seen = 0, others = 0, sum = 0;

	/* The loop's usual step (the same body), with IRQs masked: no tick can fall in it. */
	previous = bench_now();
	last = timer_ticks();
	for (int i = 0; i < 64; i++) {
		ticks = timer_ticks();
		now = bench_now();
		step = now - previous < step ? now - previous : step;
		previous = now;
		last = ticks;
	}
	irq_unmask();
	previous = bench_now();
	last = timer_ticks();
	while (seen < TICKS) {
		ticks = timer_ticks();
		now = bench_now();
		if (now - previous > TICK_STEP_X * step) {
			if (ticks == last + 1)
				gaps[seen++] = now - previous - step;
			else
				others++;
		}
		previous = now;
		last = ticks;
	}
	irq_mask();
	kprintf("bench: tick (%u Hz, virtual timer): %lu ticks taken, %lu other interrupts "
		"left out; instructions per tick:",
		TIMER_TICK_HZ, (unsigned long)(timer_ticks() - ticks_before),
		(unsigned long)others);
	for (unsigned i = 0; i < TICKS; i++) {
		kprintf(" %lu", (unsigned long)gaps[i]);
		sum += gaps[i];
	}
	kprintf(" (%lu per second of %u ticks, from their mean)\n",
		(unsigned long)(sum / TICKS * TIMER_TICK_HZ), TIMER_TICK_HZ);
}

/* The console's work for one byte: receive ring in and out, the editor, the echo. */
static uint32_t __attribute__((noinline))
time_console_byte(struct ring *ring, struct line_editor *editor, char byte)
{
	uint32_t start = bench_now();
	uint8_t got = 0;

	(void)ring_put(ring, (uint8_t)byte);
	(void)ring_get(ring, &got);
	(void)line_edit_feed(editor, (char)got);
	return bench_now() - start;
}

static void echo_to_console(const char *text, size_t length)
{
	console_write(text, length);
}

KBENCH(console_per_byte)
{
	static uint8_t buffer[64];
	static struct line_editor editor;
	uint32_t overhead = bench_overhead();
	const char *line = TYPED_LINE;
	size_t length = strlen(line);
	struct ring ring;
	uint64_t printable = 0, enter = 0;

	if (!ring_init(&ring, buffer, sizeof(buffer)))
		panic("bench: ring");
	line_edit_init(&editor, echo_to_console);
	kprintf("bench: console: typing '%.*s' (echoed here):\n", (int)(length - 1), line);
	for (size_t i = 0; i < length; i++) {
		uint32_t cost = time_console_byte(&ring, &editor, line[i]) - overhead;

		if (line[i] == '\r')
			enter = cost;
		else
			printable += cost;
	}
	kprintf("\nbench: console per received byte: %lu instructions (ring in and out, line "
		"editor, echo written to the UART); Enter %lu (the line handed over)\n",
		(unsigned long)(printable / (length - 1)), (unsigned long)enter);
}
