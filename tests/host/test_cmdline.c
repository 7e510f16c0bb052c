/*
 * tests/host/test_cmdline.c - the kernel command line's words and options.
 */
#include <string.h>

#include "kernel/cmdline.h"
#include "tap.h"

static int value_is(const char *line, const char *name, const char *expected)
{
	size_t length = 99;
	const char *value = cmdline_value(line, name, &length);

	if (!expected)
		return value == NULL;
	return value && length == strlen(expected) && memcmp(value, expected, length) == 0;
}

int main(void)
{
	const char *line = "console=serial0,115200  kheap.debug root=/dev/x  quiet=0 quiet";

	tap_plan(14);
	TAP_OK(value_is(line, "console", "serial0,115200"), "a name=value word");
	TAP_OK(value_is(line, "kheap.debug", ""), "a bare name: an empty value");
	TAP_OK(value_is(line, "root", "/dev/x"), "after two spaces");
	TAP_OK(value_is(line, "quiet", ""), "the later word wins");
	TAP_OK(value_is(line, "cons", NULL), "a prefix of a name is not the name");
	TAP_OK(value_is(line, "kheap", NULL), "nor the start of a dotted one");
	TAP_OK(value_is(NULL, "root", NULL), "no line: nothing");
	TAP_OK(value_is("", "root", NULL), "an empty line: nothing");
	TAP_OK(cmdline_flag(line, "kheap.debug"), "a bare flag is on");
	TAP_OK(cmdline_flag("kheap.debug=yes", "kheap.debug"), "=yes is on");
	TAP_OK(!cmdline_flag("kheap.debug=0", "kheap.debug"), "=0 is off");
	TAP_OK(!cmdline_flag("kheap.debug=maybe", "kheap.debug"), "anything else is off");
	TAP_OK(!cmdline_flag("console=kheap.debug", "kheap.debug"),
	       "inside another's value: not there");
	TAP_OK(!cmdline_flag(line, "missing"), "a missing flag is off");
	return tap_done();
}
