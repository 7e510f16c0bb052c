/*
 * kernel/console.h - the console a person types into, on the UART.
 *
 * Once interrupts run, the UART works from them (drivers/pl011.h): what
 * arrives goes into a receive ring, what is printed into a transmit ring.
 * After the self-tests, where there is no semihosting host to exit to (a
 * board, make run), console_run() gives the prompt "bramble> ": a line
 * editor (kernel/line_edit.h) and the commands that help lists, each
 * reading the kernel's real state.
 */
#ifndef BRAMBLE_KERNEL_CONSOLE_H
#define BRAMBLE_KERNEL_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CONSOLE_PROMPT "bramble> "

/* Sizes of the UART's rings: what a paste or a long print may hold (powers of two). */
#define CONSOLE_RX_RING 4096
#define CONSOLE_TX_RING 8192

/* Move the UART to interrupts (IRQ_UART); call after irq_init, before unmasking. */
void console_start_interrupts(void);

/*
 * Read and run lines for ever. IRQs must be on (the UART's and the tick's).
 * shell_first (the kernel command line's bramble.sh): the sh command runs
 * first, as if typed, and the prompt comes when the shell exits.
 */
void console_run(bool shell_first) __attribute__((noreturn));

/*
 * Run one line as if it were typed (NUL-terminated, changed in place): for
 * the self-tests of the commands. Returns false for a line that got an
 * error (unknown command, bad argument).
 */
bool console_execute(char *line);

#endif /* BRAMBLE_KERNEL_CONSOLE_H */
