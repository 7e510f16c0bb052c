/*
 * kernel/printk.h - the kernel's console: kprintf and where its bytes go.
 *
 * Drivers register a sink; nothing below kernel/ calls a driver to print.
 * While the self-tests run, the console is in comment mode: every line it
 * prints starts with "# ", so that only the test runner's own lines (written
 * with console_write_tap_line) are TAP.
 */
#ifndef BRAMBLE_KERNEL_PRINTK_H
#define BRAMBLE_KERNEL_PRINTK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void (*console_sink_fn)(const char *text, size_t length);

void console_set_sink(console_sink_fn sink);
console_sink_fn console_get_sink(void);
void console_set_comment_mode(bool on);
bool console_comment_mode(void);
void console_write(const char *text, size_t length);

/* Write one TAP line (no "# " prefix), starting on a fresh line. */
void console_write_tap_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int kvprintf(const char *fmt, va_list args);

/* Cycle counter reading when the console's first byte went out (0 if none yet). */
uint32_t console_first_byte_cycles(void);

#endif /* BRAMBLE_KERNEL_PRINTK_H */
