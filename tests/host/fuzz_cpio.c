/*
 * tests/host/fuzz_cpio.c - libFuzzer target for the newc archive reader.
 *
 * An input is read one of two ways:
 *   raw: when it begins with "0707" (or is shorter than 4 bytes), the
 *      input is the archive;
 *   written: else the input is a program for a small archive writer
 *      (write_archive()), so the fuzzer spends its time past the first
 *      header: entries with names from a table cpio_find() is asked for,
 *      every file type, both magics, right and wrong sums, and now and
 *      then a header field, a name size or a padding made wrong.
 * Either way the archive is handed over in a heap buffer of exactly its
 * size, so AddressSanitizer reports any read past it. Then a walk with
 * cpio_next() must end in ERR_NOT_FOUND or ERR_INVALID, every step moving
 * forward to a multiple of 4, every name and data inside the buffer, a
 * failure leaving *offset and *out alone; cpio_is_newc() must agree with
 * the first step; and cpio_find() must answer for each name the walk saw
 * (and each table name, in each path form) what the walk says it should:
 * the first regular file of that name, else ERR_INVALID if the walk
 * broke, else ERR_NOT_FOUND. A breach aborts, which libFuzzer reports
 * with the input that did it.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/cpio.h"
#include "kernel/error.h"

#define MAX_ENTRIES 64 /* entries the walk remembers for cpio_find() */
#define FIELDS      13
#define FIELD_MODE  1
#define FIELD_SIZE  6
#define FIELD_NAME  11
#define FIELD_CHECK 12

static const char *const names[] = {
	"bin/hello", "./bin/hello", "/bin/hello", "bin", "./bin",      ".",
	"init",      "./init",      "etc/motd",   "a",   "TRAILER!!!",
};

static const uint32_t modes[] = { 0100755, 0100644, 0040755, 0120777, 0020666, 0010644 };

static volatile uint8_t sink;

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_cpio: %s\n", what);
	abort();
}

struct archive_writer {
	uint8_t *data;
	size_t size, capacity;
};

static void emit(struct archive_writer *w, const void *bytes, size_t length)
{
	if (length > w->capacity - w->size)
		fail("writer: out of room");
	memcpy(w->data + w->size, bytes, length);
	w->size += length;
}

static void emit_padding(struct archive_writer *w)
{
	static const uint8_t zeros[3];

	emit(w, zeros, (4 - w->size % 4) % 4);
}

static void put_hex(uint8_t *p, uint32_t value)
{
	static const char digits[] = "0123456789ABCDEF";

	for (int i = 7; i >= 0; i--) {
		p[i] = (uint8_t)digits[value & 15];
		value >>= 4;
	}
}

/* Up to n bytes of the program's input as an operand, zeros past its end. */
static const uint8_t *operand(const uint8_t *data, size_t length, size_t *at, size_t n,
			      uint8_t *scratch)
{
	memset(scratch, 0, n);
	for (size_t i = 0; i < n && *at < length; i++)
		scratch[i] = data[(*at)++];
	return scratch;
}

/*
 * The writer's program, an entry at a time: [op] [size] [data...]
 *   op % 16 < 11: an entry named names[op % 16 % 11], mode from
 *      modes[op / 16 % 6], size % 48 bytes of data from the input;
 *   op % 16 == 11: the trailer;   12: size % 64 raw bytes of input;
 *   13, 14, 15: the same entry as < 11 (name "bin/hello") made wrong:
 *      13 a field's digit set to 'g' (field size % 13), 14 namesize off
 *      by -1 or +1, 15 the padding after the name left out.
 * Bit 7 of size makes the entry 070702, with its sum, wrong when bit 6
 * is set too. Nothing is added at the end: a trailer is the program's.
 */
static uint8_t *write_archive(const uint8_t *data, size_t length, size_t *size)
{
	struct archive_writer w;
	size_t at = 0;
	uint8_t scratch[64];

	/* An input byte writes at most a 110-byte header, a 12-byte name and 3 of padding. */
	w.capacity = length * (CPIO_HEADER_SIZE + 16) + 64;
	w.size = 0;
	w.data = malloc(w.capacity);
	if (!w.data)
		fail("out of memory");
	while (at < length) {
		unsigned op = data[at++], kind = op % 16;
		unsigned count = at < length ? data[at++] : 0;
		const char *name = kind < 11 ? names[kind] : "bin/hello";
		uint32_t fields[FIELDS] = { 0 }, namesize = (uint32_t)strlen(name) + 1, sum = 0;
		uint8_t header[CPIO_HEADER_SIZE];
		size_t filesize = kind == 11 ? 0 : count % 48;
		const uint8_t *bytes;

		if (kind == 11) {
			name = "TRAILER!!!";
			namesize = sizeof("TRAILER!!!");
		}

		if (kind == 12) {
			bytes = operand(data, length, &at, count % 64, scratch);
			emit(&w, bytes, count % 64);
			continue;
		}
		bytes = operand(data, length, &at, filesize, scratch);
		for (size_t i = 0; i < filesize; i++)
			sum += bytes[i];
		fields[0] = (uint32_t)at;
		fields[FIELD_MODE] = kind == 11 ? 0 : modes[op / 16 % 6];
		fields[4] = 1;
		fields[FIELD_SIZE] = (uint32_t)filesize;
		fields[FIELD_NAME] = namesize;
		if (kind == 14)
			fields[FIELD_NAME] += count & 1 ? 1 : (uint32_t)-1;
		fields[FIELD_CHECK] = count & 128 ? sum + (count & 64 ? 1 : 0) : 0;
		memcpy(header, count & 128 ? "070702" : "070701", 6);
		for (int i = 0; i < FIELDS; i++)
			put_hex(header + 6 + 8 * i, fields[i]);
		if (kind == 13)
			header[6 + 8 * (count % 13) + count / 16 % 8] = 'g';
		emit(&w, header, sizeof(header));
		emit(&w, name, strlen(name) + 1);
		if (kind != 15)
			emit_padding(&w);
		emit(&w, bytes, filesize);
		emit_padding(&w);
	}
	*size = w.size;
	return w.data;
}

/* What the walk saw: each entry's name, whether it is a regular file, where. */
struct seen {
	const char *name;
	const void *data;
	uint32_t size;
	bool regular;
};

static const char *without_prefix(const char *name)
{
	for (;;) {
		if (name[0] == '/')
			name++;
		else if (name[0] == '.' && name[1] == '/')
			name += 2;
		else
			return name;
	}
}

/* [p, p + length) inside the archive, every byte read for ASan. */
static void check_inside(const uint8_t *a, size_t size, const void *p, size_t length,
			 const char *what)
{
	const uint8_t *q = p;
	uint8_t sum = 0;

	if (q < a || q > a + size || length > (size_t)(a + size - q))
		fail(what);
	for (size_t i = 0; i < length; i++)
		sum ^= q[i];
	sink = sum;
}

/* The walk; returns how it ended, with up to MAX_ENTRIES entries in seen. */
static int walk(const uint8_t *a, size_t size, struct seen *seen, unsigned *count)
{
	struct cpio_file f, before;
	size_t offset = 0, was;
	unsigned steps = 0;
	int error;

	*count = 0;
	for (;;) {
		memset(&f, 0xA5, sizeof(f));
		before = f;
		was = offset;
		error = cpio_next(a, size, &offset, &f);
		if (error) {
			if (error != ERR_NOT_FOUND && error != ERR_INVALID)
				fail("cpio_next: an error it does not give");
			if (offset != was || memcmp(&f, &before, sizeof(f)) != 0)
				fail("cpio_next failed but moved *offset or wrote *out");
			return error;
		}
		if (offset <= was || offset > size || offset % 4 ||
		    offset - was < CPIO_HEADER_SIZE + 2)
			fail("cpio_next: an entry that does not move forward to a multiple of 4");
		check_inside(a, size, f.name, strlen(f.name) + 1, "a name outside the archive");
		check_inside(a, size, f.data, f.size, "data outside the archive");
		if ((const uint8_t *)f.name < a + was + CPIO_HEADER_SIZE ||
		    (const uint8_t *)f.data < (const uint8_t *)f.name + strlen(f.name) + 1 ||
		    (size_t)((const uint8_t *)f.data - a) % 4 ||
		    (const uint8_t *)f.data + f.size > a + offset)
			fail("name and data not where the entry is");
		if (*count < MAX_ENTRIES) {
			seen[*count].name = f.name;
			seen[*count].data = f.data;
			seen[*count].size = f.size;
			seen[*count].regular = (f.mode & CPIO_MODE_TYPE) == CPIO_MODE_REGULAR;
			++*count;
		}
		if (++steps > size / CPIO_HEADER_SIZE)
			fail("more entries than fit");
	}
}

/* What cpio_find(path) must answer, from the walk. */
static void check_find(const uint8_t *a, size_t size, const struct seen *seen, unsigned count,
		       bool complete, int end, const char *path)
{
	const char *want = without_prefix(path);
	struct cpio_file f;
	int error = cpio_find(a, size, path, &f);

	for (unsigned i = 0; i < count; i++) {
		if (!seen[i].regular || strcmp(without_prefix(seen[i].name), want) != 0)
			continue;
		if (error != 0 || f.name != seen[i].name || f.data != seen[i].data ||
		    f.size != seen[i].size)
			fail("cpio_find did not answer the first regular file of the name");
		return;
	}
	if (!complete)
		return; /* the walk remembered only the first MAX_ENTRIES */
	if (error != end)
		fail("cpio_find of a name not there: not how the walk ended");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t length);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t length)
{
	static const char *const prefixes[] = { "", "/", "./", "/./" };
	struct seen seen[MAX_ENTRIES];
	unsigned count;
	uint8_t *archive;
	size_t size;
	int end;
	bool complete;

	if (length >= 4 && memcmp(data, "0707", 4) != 0) {
		archive = write_archive(data, length, &size);
	} else {
		size = length;
		archive = malloc(size ? size : 1);
		if (!archive)
			fail("out of memory");
		memcpy(archive, data, size);
	}

	end = walk(archive, size, seen, &count);
	complete = count < MAX_ENTRIES;
	{
		size_t offset = 0;
		struct cpio_file f;
		int first = cpio_next(archive, size, &offset, &f);
		bool header = cpio_is_newc(archive, size);

		if ((first == 0 && !header) || (size > 0 && first == ERR_NOT_FOUND && !header))
			fail("cpio_is_newc said no to an archive cpio_next reads");
		if (size < CPIO_HEADER_SIZE && header)
			fail("cpio_is_newc said yes to less than a header");
	}
	for (unsigned i = 0; i < count && i < 16; i++)
		check_find(archive, size, seen, count, complete, end, seen[i].name);
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		for (unsigned p = 0; p < sizeof(prefixes) / sizeof(prefixes[0]); p++) {
			char path[32];

			snprintf(path, sizeof(path), "%s%s", prefixes[p], names[i]);
			check_find(archive, size, seen, count, complete, end, path);
		}
	free(archive);
	return 0;
}
