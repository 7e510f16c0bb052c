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

#include <stdbool.h>

#include "arch/mmio.h"
#include "drivers/systimer.h"
#include "kernel/error.h"

#define UART_DR   0x00
#define UART_FR   0x18
#define UART_IBRD 0x24
#define UART_FBRD 0x28
#define UART_LCRH 0x2C
#define UART_CR   0x30
#define UART_IMSC 0x38
#define UART_ICR  0x44

#define FR_BUSY     (1 << 3)
#define FR_TXFF     (1 << 5)
#define LCRH_FEN    (1 << 4)
#define LCRH_WLEN_8 (3 << 5)
#define CR_UARTEN   (1 << 0)
#define CR_TXE      (1 << 8)
#define CR_RXE      (1 << 9)
#define ICR_ALL     0x7FF

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

static vaddr_t uart_base;
static bool stalled;     /* the last byte found no room in time */
static uint32_t dropped; /* bytes dropped because of that */

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

void pl011_write(const char *text, size_t length)
{
	if (!uart_base)
		return;
	mmio_barrier();
	for (size_t i = 0; i < length; i++) {
		if (text[i] == '\n')
			put_byte('\r');
		put_byte(text[i]);
	}
	mmio_barrier();
}
