/*
 * drivers/pl011.h - the PL011 UART (UART0), the kernel's console.
 */
#ifndef BRAMBLE_DRIVERS_PL011_H
#define BRAMBLE_DRIVERS_PL011_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout.h"

struct ring; /* lib/ring.h */

#define PL011_OFFSET         0x201000 /* into the peripheral window */
#define PL011_BAUD           115200
#define PL011_TX_PIN         14 /* GPIO 14: TXD0 in ALT0 */
#define PL011_RX_PIN         15 /* GPIO 15: RXD0 in ALT0 */
#define PL011_REGISTERS_SIZE 0x90

/* Divisor for baud from the UART reference clock: IBRD in [21:6], FBRD in [5:0]. */
uint32_t pl011_divisor(uint32_t clock_hz, uint32_t baud);

/* Set up the UART at registers for 8N1 at baud, from clock_hz. */
int pl011_init(vaddr_t registers, uint32_t clock_hz, uint32_t baud);

/* The same UART, now reached at another virtual address. */
void pl011_rebase(vaddr_t registers);

/*
 * Console sink: write text, turning "\n" into "\r\n". Never waits for
 * ever: a byte that finds no room in the FIFO within 10 ms of the system
 * timer (the UART disabled, its clock off) is dropped.
 */
void pl011_write(const char *text, size_t length);

/*
 * The same from an interrupt handler (the terminal's echo): into the
 * transmit ring, for the transmit interrupt to send, without first
 * draining what the ring holds as a write with IRQs masked does (up to
 * 8 KiB at 115200 baud: 0.7 s with IRQs masked, and the receive FIFO's 16
 * bytes overrun meanwhile). Waits only when the ring is full.
 */
void pl011_echo(const char *text, size_t length);

/* Bytes dropped so far because the FIFO stayed full. */
uint32_t pl011_dropped_bytes(void);

/*
 * Interrupt mode, once IRQs can be taken: received bytes go into rx (from
 * the receive and receive-timeout interrupts), and pl011_write puts text
 * into tx for the transmit interrupt to send, so that a long print does
 * not hold the core while it goes out at 115200 baud. A write made with
 * IRQs masked (the boot, a handler, a panic) still goes out before it
 * returns. received (if not NULL) is called from the interrupt when bytes
 * have come. The caller registers pl011_interrupt on IRQ_UART and enables it.
 */
void pl011_start_interrupts(struct ring *rx, struct ring *tx, void (*received)(void));
void pl011_interrupt(void *arg);

/* Everything written so far, out on the line (polled), before it returns. */
void pl011_flush(void);

/* Bytes in the transmit ring, not yet in the FIFO. */
uint32_t pl011_tx_pending(void);

/* The next received byte, if there is one. */
bool pl011_read_byte(uint8_t *byte);

struct pl011_stats {
	uint32_t rx_bytes;          /* bytes read from the receive FIFO */
	uint32_t rx_errors;         /* of those, framing, parity or break errors (dropped) */
	uint32_t rx_overruns;       /* the FIFO was full: the UART lost bytes */
	uint32_t rx_ring_overflows; /* the receive ring was full: bytes lost */
	uint32_t tx_waits;          /* the transmit ring was full: the writer polled */
	uint32_t tx_dropped;        /* the FIFO stayed full (pl011_dropped_bytes) */
};

void pl011_get_stats(struct pl011_stats *stats);

#endif /* BRAMBLE_DRIVERS_PL011_H */
