/*
 * drivers/pl011.c - PL011 UART ("PrimeCell UART (PL011) Technical Reference
 * Manual", ARM DDI 0183, and "BCM2835 ARM Peripherals", chapter 13).
 *
 * Set-up follows the PL011 TRM's rules for reprogramming (3.3.8, UARTCR):
 * disable the UART, wait for the current character to finish, flush the
 * FIFO by clearing LCRH.FEN, then program the divisor and LCRH (the divisor
 * only takes effect on an LCRH write), and enable. Before all that it lets
 * the transmitter drain what the firmware may still be sending: FR.BUSY
 * stays set while the transmit FIFO holds data, even with the UART disabled
 * (TRM 3.3.3; BCM2835 peripherals 13.4), so disabling first would strand
 * those characters and make the wait for BUSY run to its limit.
 *
 * The divisor comes from the UART reference clock the firmware reports,
 * which differs between firmware versions and config.txt settings (3 MHz,
 * 48 MHz), so it is never a constant.
 */
#include "drivers/pl011.h"

#include "kernel/fatal.h"
#include "kernel/spinlock.h"

#include <stdbool.h>

#include "arch/arm.h"
#include "arch/mmio.h"
#include "drivers/systimer.h"
#include "kernel/error.h"
#include "kernel/irq.h"
#include "lib/ring.h"

#define UART_DR   0x00
#define UART_FR   0x18
#define UART_IBRD 0x24
#define UART_FBRD 0x28
#define UART_LCRH 0x2C
#define UART_CR   0x30
#define UART_IFLS 0x34
#define UART_IMSC 0x38
#define UART_MIS  0x40
#define UART_ICR  0x44

#define FR_BUSY     (1 << 3)
#define FR_RXFE     (1 << 4)
#define FR_TXFF     (1 << 5)
#define LCRH_FEN    (1 << 4)
#define LCRH_WLEN_8 (3 << 5)
#define CR_UARTEN   (1 << 0)
#define CR_TXE      (1 << 8)
#define CR_RXE      (1 << 9)
#define ICR_ALL     0x7FF

/* Interrupt bits, the same in IMSC, MIS and ICR (PL011 TRM 3.3.10-3.3.13). */
#define INT_RX (1 << 4)  /* receive FIFO at its trigger level */
#define INT_TX (1 << 5)  /* transmit FIFO at or below its trigger level */
#define INT_RT (1 << 6)  /* receive timeout: data waits, fewer than the trigger level */
#define INT_OE (1 << 10) /* receive overrun: a byte was lost */

/* Receive errors, in the top of each byte read from DR (TRM 3.3.1). */
#define DR_FE (1 << 8)  /* framing */
#define DR_PE (1 << 9)  /* parity */
#define DR_BE (1 << 10) /* break */
#define DR_OE (1 << 11) /* overrun */

/* IFLS: transmit interrupt at 1/4 full (4 bytes left), receive at 1/2 (8 bytes). */
#define IFLS_TX_QUARTER (1 << 0)
#define IFLS_RX_HALF    (2 << 3)

#define FIFO_DEPTH 16

/*
 * Waits are bounded by the system timer, never by a count of polls (whose
 * length depends on the core's clock and caches). A full 16-byte FIFO
 * drains in 1.4 ms at 115200 baud and in 17 ms at 9600, the slowest rate
 * a loader might have left.
 */
#define DRAIN_TIMEOUT_US 50000
/*
 * A byte waits this long for room in the FIFO (the FIFO sends one byte
 * every 87 us at 115200). When the UART's clock is off or the UART is
 * disabled, TXFF never clears: then bytes are dropped (and counted)
 * instead of stopping the core, so that a panic can still finish.
 */
#define ROOM_TIMEOUT_US 10000

/*
 * The transmit ring's lock, taken with IRQs masked. A fatal stop prints
 * without it: the core that held it may be one of those stopped.
 */
static const struct lock_class uart_class = { LOCK_RANK_UART, "uart" };
static struct spinlock uart_spinlock = SPINLOCK_INIT(&uart_class);

static uint32_t uart_lock(void)
{
	uint32_t cpsr = irq_save();

	if (!fatal_stopping())
		spin_lock(&uart_spinlock);
	return cpsr;
}

static void uart_unlock(uint32_t cpsr)
{
	if (spin_is_locked(&uart_spinlock) && !fatal_stopping())
		spin_unlock(&uart_spinlock);
	irq_restore(cpsr);
}

static vaddr_t uart_base;
static bool stalled;     /* the last byte found no room in time */
static uint32_t dropped; /* bytes dropped because of that */

/* Interrupt mode (pl011_start_interrupts): the rings, and what went wrong. */
static struct ring *rx_ring, *tx_ring;
static void (*rx_notify)(void);
static struct pl011_stats stats;

static bool flag_clears_within(uint32_t flag, uint32_t timeout_us)
{
	uint32_t start;

	if (!(mmio_read32(uart_base + UART_FR) & flag))
		return true;
	start = systimer_now_us();
	while (mmio_read32(uart_base + UART_FR) & flag) {
		if (systimer_now_us() - start > timeout_us)
			return false;
	}
	return true;
}

/* Wait (bounded) until the transmitter is idle: FIFO empty, last stop bit sent. */
static void wait_not_busy(void)
{
	(void)flag_clears_within(FR_BUSY, DRAIN_TIMEOUT_US);
}

uint32_t pl011_dropped_bytes(void)
{
	return dropped;
}

uint32_t pl011_divisor(uint32_t clock_hz, uint32_t baud)
{
	/*
	 * divisor = clock / (16 * baud), with 6 fractional bits:
	 * divisor * 64 = clock * 4 / baud, rounded to nearest.
	 */
	uint64_t scaled = ((uint64_t)clock_hz * 4 + baud / 2) / baud;

	return (uint32_t)scaled;
}

int pl011_init(vaddr_t registers, uint32_t clock_hz, uint32_t baud)
{
	uint32_t divisor;

	if (baud == 0)
		return ERR_INVALID;
	divisor = pl011_divisor(clock_hz, baud);
	/* IBRD must be 1..65535 (PL011 TRM 3.3.6). */
	if ((divisor >> 6) == 0 || (divisor >> 6) > 0xFFFF)
		return ERR_INVALID;
	uart_base = registers;
	mmio_barrier();
	wait_not_busy(); /* the firmware's last characters go out */
	mmio_write32(uart_base + UART_CR, 0);
	wait_not_busy();                        /* TRM step 2: the character in progress */
	mmio_write32(uart_base + UART_LCRH, 0); /* FEN = 0 flushes the transmit FIFO */
	mmio_write32(uart_base + UART_IMSC, 0);
	mmio_write32(uart_base + UART_ICR, ICR_ALL);
	mmio_write32(uart_base + UART_IBRD, divisor >> 6);
	mmio_write32(uart_base + UART_FBRD, divisor & 0x3F);
	mmio_write32(uart_base + UART_LCRH, LCRH_WLEN_8 | LCRH_FEN);
	mmio_write32(uart_base + UART_CR, CR_UARTEN | CR_TXE | CR_RXE);
	mmio_barrier();
	return 0;
}

void pl011_rebase(vaddr_t registers)
{
	uart_base = registers;
}

/*
 * Once a byte has timed out, the next ones do not wait: they go out if
 * there is room right away and are dropped if not, until a byte finds room
 * again.
 */
static void put_byte(char c)
{
	if (!flag_clears_within(FR_TXFF, stalled ? 0 : ROOM_TIMEOUT_US)) {
		stalled = true;
		dropped++;
		return;
	}
	stalled = false;
	mmio_write32(uart_base + UART_DR, (uint8_t)c);
}

/*
 * Move what the transmit ring holds into the FIFO: as much as fits now, at
 * most a FIFO's worth (with IRQs masked, interrupt mode). If bytes remain,
 * the transmit interrupt comes when the FIFO has drained to its trigger
 * level; filling the FIFO past that level first is what makes the PL011
 * raise it. When the ring is empty, the interrupt is switched off.
 */
static void tx_kick(void)
{
	uint32_t mask;
	uint8_t byte;

	for (unsigned n = 0; n < FIFO_DEPTH && !ring_empty(tx_ring); n++) {
		if (mmio_read32(uart_base + UART_FR) & FR_TXFF)
			break;
		if (!ring_get(tx_ring, &byte))
			break;
		mmio_write32(uart_base + UART_DR, byte);
	}
	mask = mmio_read32(uart_base + UART_IMSC);
	mask = ring_empty(tx_ring) ? mask & ~INT_TX : mask | INT_TX;
	mmio_write32(uart_base + UART_IMSC, mask);
}

/* Everything in the transmit ring, out through the FIFO by polling. */
static void tx_drain_polled(void)
{
	uint8_t byte;

	while (ring_get(tx_ring, &byte))
		put_byte((char)byte);
}

/* One byte into the transmit ring; when it is full, make room by polling. */
static void tx_queue(char c)
{
	uint8_t byte;

	while (!ring_put(tx_ring, (uint8_t)c)) {
		stats.tx_waits++;
		if (ring_get(tx_ring, &byte))
			put_byte((char)byte);
	}
}

/*
 * Interrupt mode: with IRQs on, text goes into the transmit ring and the
 * interrupt sends it; with IRQs masked (the boot, a handler, a panic) the
 * write is complete when it returns, after what the ring held before it.
 * Either way it runs with IRQs masked and the UART's lock held, so that
 * the ring has one producer and one consumer at a time, whichever cores
 * print (the interrupt comes to core 0).
 */
static void write_buffered(const char *text, size_t length)
{
	uint32_t cpsr = uart_lock();

	for (size_t i = 0; i < length; i++) {
		if (text[i] == '\n')
			tx_queue('\r');
		tx_queue(text[i]);
	}
	if (cpsr & PSR_I)
		tx_drain_polled();
	tx_kick();
	uart_unlock(cpsr);
}

void pl011_echo(const char *text, size_t length)
{
	uint32_t cpsr;

	if (!uart_base)
		return;
	if (!tx_ring) {
		pl011_write(text, length);
		return;
	}
	cpsr = uart_lock();
	mmio_barrier();
	for (size_t i = 0; i < length; i++) {
		if (text[i] == '\n')
			tx_queue('\r');
		tx_queue(text[i]);
	}
	tx_kick();
	mmio_barrier();
	uart_unlock(cpsr);
}

void pl011_write(const char *text, size_t length)
{
	if (!uart_base)
		return;
	mmio_barrier();
	if (tx_ring) {
		write_buffered(text, length);
	} else {
		for (size_t i = 0; i < length; i++) {
			if (text[i] == '\n')
				put_byte('\r');
			put_byte(text[i]);
		}
	}
	mmio_barrier();
}

/* The receive FIFO, emptied into the ring; errors and overflows counted. */
static void rx_drain(void)
{
	while (!(mmio_read32(uart_base + UART_FR) & FR_RXFE)) {
		uint32_t data = mmio_read32(uart_base + UART_DR);

		stats.rx_bytes++;
		if (data & DR_OE)
			stats.rx_overruns++;
		if (data & (DR_FE | DR_PE | DR_BE)) {
			stats.rx_errors++;
			continue; /* a break or a garbled byte is not input */
		}
		(void)ring_put(rx_ring, (uint8_t)data); /* a full ring counts what it refuses */
	}
}

void pl011_interrupt(void *arg)
{
	uint32_t status;

	(void)arg;
	mmio_barrier();
	status = mmio_read32(uart_base + UART_MIS);
	mmio_write32(uart_base + UART_ICR, status);
	if (status & (INT_RX | INT_RT | INT_OE)) {
		rx_drain();
		if (rx_notify && !ring_empty(rx_ring))
			rx_notify();
	}
	if (status & INT_TX) {
		uint32_t cpsr = uart_lock();

		tx_kick();
		uart_unlock(cpsr);
	}
	mmio_barrier();
}

void pl011_start_interrupts(struct ring *rx, struct ring *tx, void (*received)(void))
{
	uint32_t cpsr = irq_save();

	rx_ring = rx;
	tx_ring = tx;
	rx_notify = received;
	mmio_barrier();
	mmio_write32(uart_base + UART_IFLS, IFLS_TX_QUARTER | IFLS_RX_HALF);
	mmio_write32(uart_base + UART_ICR, ICR_ALL);
	mmio_write32(uart_base + UART_IMSC, INT_RX | INT_RT | INT_OE);
	rx_drain(); /* what arrived before (the interrupt comes only for what follows) */
	mmio_barrier();
	irq_restore(cpsr);
}

void pl011_flush(void)
{
	uint32_t cpsr = uart_lock();

	mmio_barrier();
	if (tx_ring)
		tx_drain_polled();
	wait_not_busy();
	mmio_barrier();
	uart_unlock(cpsr);
}

uint32_t pl011_tx_pending(void)
{
	return tx_ring ? ring_count(tx_ring) : 0;
}

bool pl011_read_byte(uint8_t *byte)
{
	return rx_ring && ring_get(rx_ring, byte);
}

void pl011_get_stats(struct pl011_stats *out)
{
	*out = stats;
	out->tx_dropped = dropped;
	out->rx_ring_overflows = rx_ring ? ring_overflows(rx_ring) : 0;
}
