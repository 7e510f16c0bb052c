/*
 * kernel/cmdline.c - the kernel command line (kernel/cmdline.h).
 */
#include "kernel/cmdline.h"

#include <string.h>

const char *cmdline_value(const char *cmdline, const char *name, size_t *length)
{
	size_t name_length = strlen(name);
	const char *found = NULL;

	if (!cmdline || name_length == 0)
		return NULL;
	for (const char *word = cmdline; *word;) {
		size_t word_length = strcspn(word, " ");

		if (word_length >= name_length && memcmp(word, name, name_length) == 0) {
			if (word_length == name_length) {
				found = word + word_length;
				*length = 0;
			} else if (word[name_length] == '=') {
				found = word + name_length + 1;
				*length = word_length - name_length - 1;
			}
		}
		word += word_length;
		word += strspn(word, " ");
	}
	return found;
}

static bool is(const char *value, size_t length, const char *text)
{
	return length == strlen(text) && memcmp(value, text, length) == 0;
}

bool cmdline_flag(const char *cmdline, const char *name)
{
	size_t length = 0;
	const char *value = cmdline_value(cmdline, name, &length);

	if (!value)
		return false;
	return length == 0 || is(value, length, "1") || is(value, length, "y") ||
	       is(value, length, "yes") || is(value, length, "on");
}
