/*
 * kernel/parse.c - words and numbers from a typed line (kernel/parse.h).
 */
#include "kernel/parse.h"

#include <stddef.h>

static int digit_value(char c, unsigned base)
{
	int value;

	if (c >= '0' && c <= '9')
		value = c - '0';
	else if (c >= 'a' && c <= 'f')
		value = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		value = c - 'A' + 10;
	else
		return -1;
	return (unsigned)value < base ? value : -1;
}

bool parse_u32(const char *text, uint32_t *value)
{
	unsigned base = 10;
	uint32_t result = 0;

	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
		base = 16;
		text += 2;
	}
	if (*text == '\0')
		return false;
	for (; *text; text++) {
		int digit = digit_value(*text, base);

		if (digit < 0 || result > (UINT32_MAX - (uint32_t)digit) / base)
			return false;
		result = result * base + (uint32_t)digit;
	}
	*value = result;
	return true;
}

unsigned split_words(char *line, char **words, unsigned max)
{
	unsigned count = 0;

	for (;;) {
		while (*line == ' ')
			*line++ = '\0';
		if (*line == '\0')
			return count;
		if (count == max)
			return max + 1;
		words[count++] = line;
		while (*line && *line != ' ')
			line++;
	}
}
