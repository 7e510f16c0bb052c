/*
 * include/lib/textbuf.h - a fixed buffer that text is appended to, always
 * NUL-terminated, cut off (never overrun) when full: what the tests and
 * benchmarks use to catch what a command or a process printed.
 */
#ifndef BRAMBLE_LIB_TEXTBUF_H
#define BRAMBLE_LIB_TEXTBUF_H

#include <stddef.h>
#include <string.h>

struct textbuf {
	char *text;
	size_t size; /* of text, the NUL included */
	size_t length;
};

#define TEXTBUF(array)                    \
	{                                 \
		(array), sizeof(array), 0 \
	}

static inline void textbuf_clear(struct textbuf *b)
{
	b->length = 0;
	b->text[0] = '\0';
}

static inline void textbuf_append(struct textbuf *b, const char *text, size_t length)
{
	if (length > b->size - 1 - b->length)
		length = b->size - 1 - b->length;
	memcpy(b->text + b->length, text, length);
	b->length += length;
	b->text[b->length] = '\0';
}

#endif /* BRAMBLE_LIB_TEXTBUF_H */
