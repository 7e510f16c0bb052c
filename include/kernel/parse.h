/*
 * kernel/parse.h - reading what a person typed: words and numbers.
 */
#ifndef BRAMBLE_KERNEL_PARSE_H
#define BRAMBLE_KERNEL_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * A whole word as an unsigned 32-bit number: decimal, or hexadecimal after
 * "0x" or "0X". False (and *value untouched) for anything else: an empty
 * word, a sign, a stray character, a value above 0xFFFFFFFF.
 */
bool parse_u32(const char *text, uint32_t *value);

/*
 * Split line in place at spaces into at most max words (pointers into
 * line, NUL-terminated). Returns the number of words, or max + 1 when
 * there are more than max (the first max are filled in).
 */
unsigned split_words(char *line, char **words, unsigned max);

#endif /* BRAMBLE_KERNEL_PARSE_H */
