/*
 * tests/host/test_parse.c - numbers and words from a typed console line.
 */
#include <string.h>

#include "kernel/parse.h"
#include "tap.h"

static int number_is(const char *text, uint32_t expected)
{
	uint32_t value = 12345;

	return parse_u32(text, &value) && value == expected;
}

static int refused(const char *text)
{
	uint32_t value = 12345;

	return !parse_u32(text, &value) && value == 12345;
}

int main(void)
{
	char line[64];
	char *words[3];

	tap_plan(20);
	TAP_OK(number_is("0", 0), "zero");
	TAP_OK(number_is("4096", 4096), "decimal");
	TAP_OK(number_is("0x80008000", 0x80008000U), "hexadecimal");
	TAP_OK(number_is("0XffFF", 0xFFFF), "0X and mixed case");
	TAP_OK(number_is("4294967295", UINT32_MAX), "the largest decimal");
	TAP_OK(number_is("0xFFFFFFFF", UINT32_MAX), "the largest hexadecimal");
	TAP_OK(refused("4294967296"), "one past it, decimal: refused, value untouched");
	TAP_OK(refused("0x100000000"), "one past it, hexadecimal: refused");
	TAP_OK(refused(""), "an empty word");
	TAP_OK(refused("0x"), "0x alone");
	TAP_OK(refused("-1"), "a sign");
	TAP_OK(refused("12z"), "a stray character");
	TAP_OK(refused("0x12g"), "a stray hexadecimal digit");
	TAP_OK(refused("1f"), "hexadecimal digits without 0x");

	strcpy(line, "  x  0x80000000 16 ");
	TAP_OK(split_words(line, words, 3) == 3, "three words among extra spaces");
	TAP_OK(strcmp(words[0], "x") == 0 && strcmp(words[1], "0x80000000") == 0 &&
		       strcmp(words[2], "16") == 0,
	       "each word NUL-terminated, in order");
	strcpy(line, "pt 1 2 3");
	TAP_OK(split_words(line, words, 3) == 4, "more than max: max + 1");
	TAP_OK(strcmp(words[2], "2") == 0, "the first max filled in");
	strcpy(line, "   ");
	TAP_OK(split_words(line, words, 3) == 0, "only spaces: no words");
	strcpy(line, "");
	TAP_OK(split_words(line, words, 3) == 0, "an empty line: no words");
	return tap_done();
}
