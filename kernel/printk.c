/*
 * kernel/printk.c - formatted output to the console sink.
 *
 * Formatting is newlib-nano's vsnprintf (integer formats only: it never
 * allocates) into a buffer on the caller's stack, so kprintf works from any
 * mode with a stack, including the exception handlers. Lines longer than the
 * buffer are cut, and the cut is marked.
 */
#include "kernel/printk.h"

#include <stdio.h>
#include <string.h>

#include "arch/cp15.h"

#define KPRINTF_BUFFER 256

static console_sink_fn console_sink;
static bool comment_mode;
static bool at_line_start = true;
static uint32_t first_byte_cycles;

void console_set_sink(console_sink_fn sink)
{
	console_sink = sink;
}

console_sink_fn console_get_sink(void)
{
	return console_sink;
}

void console_set_comment_mode(bool on)
{
	comment_mode = on;
}

bool console_comment_mode(void)
{
	return comment_mode;
}

uint32_t console_first_byte_cycles(void)
{
	return first_byte_cycles;
}

static void sink_write(const char *text, size_t length)
{
	if (!console_sink || length == 0)
		return;
	if (first_byte_cycles == 0)
		first_byte_cycles = read_pmccntr();
	console_sink(text, length);
}

/* Write text, starting each line with "# " in comment mode. */
void console_write(const char *text, size_t length)
{
	while (length > 0) {
		const char *newline = memchr(text, '\n', length);
		size_t chunk = newline ? (size_t)(newline - text) + 1 : length;

		if (comment_mode && at_line_start)
			sink_write("# ", 2);
		sink_write(text, chunk);
		at_line_start = newline != NULL;
		text += chunk;
		length -= chunk;
	}
}

void console_write_tap_line(const char *fmt, ...)
{
	char buffer[KPRINTF_BUFFER];
	va_list args;
	int n;

	if (!at_line_start)
		sink_write("\n", 1);
	va_start(args, fmt);
	n = vsnprintf(buffer, sizeof(buffer) - 1, fmt, args);
	va_end(args);
	if (n < 0)
		n = 0;
	if ((size_t)n > sizeof(buffer) - 2)
		n = sizeof(buffer) - 2;
	buffer[n++] = '\n';
	sink_write(buffer, (size_t)n);
	at_line_start = true;
}

int kvprintf(const char *fmt, va_list args)
{
	static const char cut_mark[] = "...[cut]\n";
	char buffer[KPRINTF_BUFFER];
	int n = vsnprintf(buffer, sizeof(buffer), fmt, args);

	if (n < 0)
		return n;
	if ((size_t)n >= sizeof(buffer)) {
		console_write(buffer, sizeof(buffer) - 1);
		console_write(cut_mark, sizeof(cut_mark) - 1);
	} else {
		console_write(buffer, (size_t)n);
	}
	return n;
}

int kprintf(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = kvprintf(fmt, args);
	va_end(args);
	return n;
}
