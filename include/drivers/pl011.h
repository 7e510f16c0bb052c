/*
 * drivers/pl011.h - the PL011 UART (UART0), the kernel's console.
 */
#ifndef BRAMBLE_DRIVERS_PL011_H
#define BRAMBLE_DRIVERS_PL011_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"

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

/* Bytes dropped so far because the FIFO stayed full. */
uint32_t pl011_dropped_bytes(void);

#endif /* BRAMBLE_DRIVERS_PL011_H */
