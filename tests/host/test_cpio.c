/*
 * tests/host/test_cpio.c - the newc archive reader, under ASan/UBSan.
 *
 * Archives are made here by a small writer (header, name, padding, data,
 * padding, as cpio(5) lays out the new ASCII format) and handed over in a
 * heap buffer of exactly their size, so a read one byte past the archive
 * is an AddressSanitizer report. Iteration first, with every padding a
 * name and a file can need; then lookups by every path form; then a
 * symbolic link, read as one and passed over by lookups; then every
 * malformation, each with its error and with *offset and *out left as
 * they were; then sweeps: every truncation and every single byte changed.
 * Last, an archive written by the real cpio(1), when it is installed (a
 * TAP SKIP when it is not).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <unistd.h>

#include "kernel/cpio.h"
#include "kernel/error.h"
#include "tap.h"

#define ARCHIVE_MAX 16384

/* The header's fields, by byte offset: the magic, then 8 hex digits each. */
#define H_MODE     14
#define H_FILESIZE 54
#define H_NAMESIZE 94
#define H_CHECK    102

#define MODE_FILE      0100644
#define MODE_DIRECTORY 0040755
#define MODE_SYMLINK   0120777

struct writer {
	uint8_t data[ARCHIVE_MAX];
	size_t size;
	bool checked; /* write 070702 headers, with the data's sum */
	uint32_t ino;
};

static void die(const char *what)
{
	printf("Bail out! %s\n", what);
	exit(1);
}

static void writer_init(struct writer *w)
{
	memset(w, 0, sizeof(*w));
}

static void emit(struct writer *w, const void *bytes, size_t length)
{
	if (length > ARCHIVE_MAX - w->size)
		die("writer: archive full");
	memcpy(w->data + w->size, bytes, length);
	w->size += length;
}

static void pad(struct writer *w)
{
	static const uint8_t zeros[3];

	emit(w, zeros, (4 - w->size % 4) % 4);
}

static void put_hex(uint8_t *p, uint32_t value)
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 7; i >= 0; i--) {
		p[i] = (uint8_t)digits[value & 15];
		value >>= 4;
	}
}

/* One entry; returns the offset of its header. */
static size_t add_entry(struct writer *w, const char *name, uint32_t mode, const void *data,
			uint32_t size)
{
	uint32_t fields[13] = { 0 }, sum = 0;
	uint8_t header[CPIO_HEADER_SIZE];
	size_t at = w->size;

	for (uint32_t i = 0; i < size; i++)
		sum += ((const uint8_t *)data)[i];
	fields[0] = ++w->ino;
	fields[1] = mode;
	fields[4] = 1;          /* nlink */
	fields[5] = 0x5F000000; /* mtime */
	fields[6] = size;
	fields[11] = (uint32_t)strlen(name) + 1;
	fields[12] = w->checked ? sum : 0;
	memcpy(header, w->checked ? "070702" : "070701", 6);
	for (int i = 0; i < 13; i++)
		put_hex(header + 6 + 8 * i, fields[i]);
	emit(w, header, sizeof(header));
	emit(w, name, strlen(name) + 1);
	pad(w);
	emit(w, data, size);
	pad(w);
	return at;
}

static size_t add_file(struct writer *w, const char *name, const char *text)
{
	return add_entry(w, name, MODE_FILE, text, (uint32_t)strlen(text));
}

static size_t add_trailer(struct writer *w)
{
	return add_entry(w, "TRAILER!!!", 0, "", 0);
}

/* A copy of size bytes in a buffer of exactly that size. */
static uint8_t *copy_exact(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);

	if (!copy)
		die("out of memory");
	memcpy(copy, data, size);
	return copy;
}

/* The archive most tests start from. */
static void build_small(struct writer *w)
{
	writer_init(w);
	add_entry(w, "bin", MODE_DIRECTORY, "", 0);
	add_file(w, "bin/hello", "hello\n");
	add_file(w, "etc/motd", "hi!\n");
	add_file(w, "empty", "");
	add_entry(w, "lib", MODE_SYMLINK, "usr/lib", 7);
	add_trailer(w);
}

static bool file_is(const struct cpio_file *f, const char *name, uint32_t mode, const char *text)
{
	size_t length = strlen(text);

	return strcmp(f->name, name) == 0 && f->mode == mode && f->size == length &&
	       memcmp(f->data, text, length) == 0;
}

static void test_is_newc(void)
{
	struct writer w;
	uint8_t *a;

	build_small(&w);
	a = copy_exact(w.data, w.size);
	TAP_OK(cpio_is_newc(a, w.size), "cpio_is_newc: a newc archive");
	TAP_OK(cpio_is_newc(a, CPIO_HEADER_SIZE), "cpio_is_newc: its first header alone");
	TAP_OK(!cpio_is_newc(a, CPIO_HEADER_SIZE - 1), "cpio_is_newc: one byte short of a header");
	TAP_OK(!cpio_is_newc(a, 0) && !cpio_is_newc(NULL, 4096), "cpio_is_newc: nothing");
	a[5] = '7';
	TAP_OK(!cpio_is_newc(a, w.size), "cpio_is_newc: 070707 (the old portable format)");
	a[5] = '2';
	TAP_OK(cpio_is_newc(a, w.size), "cpio_is_newc: 070702");
	a[5] = '1';
	a[H_MODE] = 'A';
	a[H_MODE + 1] = 'f';
	TAP_OK(cpio_is_newc(a, w.size), "cpio_is_newc: hex digits of either case");
	a[CPIO_HEADER_SIZE - 1] = 'g';
	TAP_OK(!cpio_is_newc(a, w.size), "cpio_is_newc: a non-hex digit in the last field");
	free(a);
}

static void test_iteration(void)
{
	struct writer w;
	struct cpio_file f, before;
	size_t offset = 0, trailer;
	uint8_t *a;
	bool all = true;

	build_small(&w);
	a = copy_exact(w.data, w.size);
	TAP_OK(cpio_next(a, w.size, &offset, &f) == 0 && file_is(&f, "bin", MODE_DIRECTORY, "") &&
		       offset == 116,
	       "a directory: 110 + 4 bytes of name, padded to 116");
	TAP_OK(cpio_next(a, w.size, &offset, &f) == 0 &&
		       file_is(&f, "bin/hello", MODE_FILE, "hello\n") &&
		       (const uint8_t *)f.data == a + 116 + 120 && offset == 116 + 128,
	       "a file: name padded to 4, then data padded to 4");
	TAP_OK(cpio_next(a, w.size, &offset, &f) == 0 &&
		       file_is(&f, "etc/motd", MODE_FILE, "hi!\n"),
	       "a file of 4 bytes: no padding after it");
	TAP_OK(cpio_next(a, w.size, &offset, &f) == 0 && file_is(&f, "empty", MODE_FILE, "") &&
		       f.data != NULL,
	       "an empty file");
	TAP_OK(cpio_next(a, w.size, &offset, &f) == 0 &&
		       file_is(&f, "lib", MODE_SYMLINK, "usr/lib"),
	       "a symbolic link: its target is the data");
	trailer = offset;
	before = f;
	TAP_OK(cpio_next(a, w.size, &offset, &f) == ERR_NOT_FOUND && offset == trailer &&
		       memcmp(&f, &before, sizeof(f)) == 0,
	       "the trailer: ERR_NOT_FOUND, offset and file untouched");
	TAP_EQ_U32(ERR_NOT_FOUND, cpio_next(a, w.size, &offset, &f), "and again");
	offset = w.size;
	TAP_EQ_U32(ERR_NOT_FOUND, cpio_next(a, w.size, &offset, &f),
		   "the end of the buffer is the end");
	offset = trailer;
	TAP_EQ_U32(ERR_NOT_FOUND, cpio_next(a, trailer, &offset, &f),
		   "an archive without a trailer ends at the end of its buffer");
	TAP_EQ_U32(ERR_INVALID, cpio_next(NULL, w.size, &offset, &f), "no archive");
	TAP_EQ_U32(ERR_INVALID, cpio_next(a, w.size, NULL, &f), "no offset");
	TAP_EQ_U32(ERR_INVALID, cpio_next(a, w.size, &offset, NULL), "no file to fill");
	free(a);

	/* Every name length against every data length mod 4: every padding. */
	writer_init(&w);
	for (unsigned n = 1; n <= 4; n++)
		for (unsigned d = 0; d <= 4; d++) {
			char name[8] = "abcd";

			name[n] = 0;
			add_entry(&w, name, MODE_FILE, "wxyz", d);
		}
	add_trailer(&w);
	a = copy_exact(w.data, w.size);
	offset = 0;
	for (unsigned n = 1; n <= 4; n++)
		for (unsigned d = 0; d <= 4; d++) {
			size_t start = offset;

			all &= cpio_next(a, w.size, &offset, &f) == 0 && strlen(f.name) == n &&
			       f.size == d && memcmp(f.data, "wxyz", d) == 0 &&
			       (size_t)((const uint8_t *)f.data - a) % 4 == 0 && offset % 4 == 0 &&
			       (const uint8_t *)f.data - a >=
				       (ptrdiff_t)(start + CPIO_HEADER_SIZE + n + 1);
		}
	all &= cpio_next(a, w.size, &offset, &f) == ERR_NOT_FOUND;
	TAP_OK(all, "names of 1 to 4 bytes, data of 0 to 4: every padding");
	free(a);

	/* Entries after the trailer are not part of the archive. */
	writer_init(&w);
	add_file(&w, "a", "1");
	add_trailer(&w);
	add_file(&w, "b", "2");
	a = copy_exact(w.data, w.size);
	offset = 0;
	TAP_OK(cpio_next(a, w.size, &offset, &f) == 0 &&
		       cpio_next(a, w.size, &offset, &f) == ERR_NOT_FOUND,
	       "nothing is read past the trailer");
	free(a);
}

/* cpio_find() on a fresh exact copy of the writer's archive. */
static int find_in(const struct writer *w, const char *path, struct cpio_file *out)
{
	uint8_t *a = copy_exact(w->data, w->size);
	int error = cpio_find(a, w->size, path, out);

	/* out points into a: keep only what the tests compare. */
	if (error == 0) {
		static char name[64];

		snprintf(name, sizeof(name), "%s", out->name);
		out->name = name;
		out->data = NULL;
	}
	free(a);
	return error;
}

static void test_find(void)
{
	static const char *const forms[] = { "bin/hello", "/bin/hello", "./bin/hello" };
	struct writer plain, dotted, w;
	struct cpio_file f;
	uint8_t *a;

	build_small(&plain);
	writer_init(&dotted);
	add_entry(&dotted, ".", MODE_DIRECTORY, "", 0);
	add_entry(&dotted, "./bin", MODE_DIRECTORY, "", 0);
	add_file(&dotted, "./bin/hello", "hello\n");
	add_trailer(&dotted);

	for (unsigned i = 0; i < 3; i++) {
		char what[80];

		snprintf(what, sizeof(what), "find \"%s\" in an archive naming it \"bin/hello\"",
			 forms[i]);
		TAP_OK(find_in(&plain, forms[i], &f) == 0 && strcmp(f.name, "bin/hello") == 0 &&
			       f.size == 6,
		       what);
		snprintf(what, sizeof(what), "find \"%s\" in an archive naming it \"./bin/hello\"",
			 forms[i]);
		TAP_OK(find_in(&dotted, forms[i], &f) == 0 && strcmp(f.name, "./bin/hello") == 0 &&
			       f.size == 6,
		       what);
	}
	a = copy_exact(plain.data, plain.size);
	TAP_OK(cpio_find(a, plain.size, "bin/hello", &f) == 0 &&
		       (const uint8_t *)f.data == a + 116 + 120 &&
		       memcmp(f.data, "hello\n", 6) == 0,
	       "the data found points into the archive");
	free(a);
	TAP_OK(find_in(&plain, "empty", &f) == 0 && f.size == 0, "an empty file is found");
	TAP_EQ_U32(ERR_NOT_FOUND, find_in(&plain, "bin", &f), "a directory is not a file");
	TAP_EQ_U32(ERR_NOT_FOUND, find_in(&plain, "/bin", &f), "nor by /bin");
	TAP_EQ_U32(ERR_NOT_FOUND, find_in(&dotted, "./bin", &f), "nor by ./bin");
	TAP_EQ_U32(ERR_NOT_FOUND, find_in(&plain, "lib", &f), "a symbolic link is not a file");
	TAP_EQ_U32(ERR_NOT_FOUND, find_in(&plain, "bin/hell", &f), "a prefix does not match");
	TAP_EQ_U32(ERR_NOT_FOUND, find_in(&plain, "bin/hello/", &f), "nor a longer name");
	TAP_EQ_U32(ERR_NOT_FOUND, find_in(&plain, "BIN/HELLO", &f), "names match exactly");
	TAP_EQ_U32(ERR_NOT_FOUND, find_in(&plain, "TRAILER!!!", &f), "the trailer is not a file");
	TAP_EQ_U32(ERR_NOT_FOUND, find_in(&plain, "", &f), "nor is an empty path");
	TAP_EQ_U32(ERR_INVALID, find_in(&plain, NULL, &f), "no path");
	TAP_EQ_U32(ERR_INVALID, cpio_find(plain.data, plain.size, "bin/hello", NULL),
		   "nowhere to put the file");
	TAP_EQ_U32(ERR_INVALID, cpio_find(NULL, 0, "bin/hello", &f), "no archive");
	TAP_EQ_U32(ERR_NOT_FOUND, cpio_find(plain.data, 0, "bin/hello", &f),
		   "an empty archive has nothing in it");

	writer_init(&w);
	add_entry(&w, "init", MODE_DIRECTORY, "", 0);
	add_file(&w, "./init", "first");
	add_file(&w, "/init", "second");
	add_trailer(&w);
	TAP_OK(find_in(&w, "init", &f) == 0 && strcmp(f.name, "./init") == 0 && f.size == 5,
	       "a directory is passed over; the first file of the name wins");
	TAP_OK(find_in(&w, "/./init", &f) == 0 && strcmp(f.name, "./init") == 0,
	       "leading / and ./ in any number are dropped");

	/* Found before the damage: 0; looked for past it: ERR_INVALID. */
	writer_init(&w);
	add_file(&w, "good", "data");
	w.data[add_file(&w, "bad", "data")] = 'X';
	add_file(&w, "after", "data");
	add_trailer(&w);
	TAP_EQ_U32(0, find_in(&w, "good", &f), "an entry before a malformed one is found");
	TAP_EQ_U32(ERR_INVALID, find_in(&w, "after", &f), "one after it is ERR_INVALID");
	TAP_EQ_U32(ERR_INVALID, find_in(&w, "missing", &f), "and so is one not there");
}

/*
 * A symbolic link as scripts/mkcpio writes one for the initramfs (bin/sh to
 * busybox, as Debian installs it): the reader hands it over as an entry of
 * its own type with the target as its data, and a lookup of its name passes
 * it over: cpio_find answers with regular files only, and does not follow
 * links.
 */
static void test_symlink(void)
{
	struct writer w;
	struct cpio_file f;
	size_t offset = 0;
	uint8_t *a;
	bool linked;

	writer_init(&w);
	add_entry(&w, "bin", MODE_DIRECTORY, "", 0);
	add_file(&w, "bin/busybox", "\177ELF");
	add_entry(&w, "bin/sh", MODE_SYMLINK, "busybox", 7);
	add_trailer(&w);
	a = copy_exact(w.data, w.size);
	linked = cpio_next(a, w.size, &offset, &f) == 0 && cpio_next(a, w.size, &offset, &f) == 0 &&
		 cpio_next(a, w.size, &offset, &f) == 0;
	TAP_OK(linked && strcmp(f.name, "bin/sh") == 0 &&
		       (f.mode & CPIO_MODE_TYPE) == CPIO_MODE_SYMLINK && f.size == 7 &&
		       memcmp(f.data, "busybox", 7) == 0,
	       "a symbolic link: CPIO_MODE_SYMLINK, its target (no NUL) the data");
	free(a);
	TAP_OK(find_in(&w, "bin/sh", &f) == ERR_NOT_FOUND && find_in(&w, "bin/busybox", &f) == 0 &&
		       (f.mode & CPIO_MODE_TYPE) == CPIO_MODE_REGULAR,
	       "cpio_find passes the link over, and finds the file it names");
}

/*
 * cpio_next() at offset 0 of an archive, checking that a failure leaves
 * *offset and *out as they were.
 */
static int next_untouched(const uint8_t *data, size_t size, size_t at)
{
	uint8_t *a = copy_exact(data, size);
	struct cpio_file f, before;
	size_t offset = at;
	int error;

	memset(&f, 0x5A, sizeof(f));
	before = f;
	error = cpio_next(a, size, &offset, &f);
	if (error && (offset != at || memcmp(&f, &before, sizeof(f)) != 0))
		error = 100; /* not what any test expects */
	free(a);
	return error;
}

/* A one-entry archive, "name" with "data!", its header at 0. */
static void build_one(struct writer *w)
{
	writer_init(w);
	add_file(w, "name", "data!");
	add_trailer(w);
}

static int next_with_field(size_t field, uint32_t value)
{
	struct writer w;

	build_one(&w);
	put_hex(w.data + field, value);
	return next_untouched(w.data, w.size, 0);
}

static void test_malformed(void)
{
	struct writer w;
	bool all = true;

	build_one(&w);
	TAP_EQ_U32(0, next_untouched(w.data, w.size, 0), "the one-entry archive reads");
	w.data[5] = '7';
	TAP_EQ_U32(ERR_INVALID, next_untouched(w.data, w.size, 0), "bad magic, untouched");
	w.data[0] = 0;
	TAP_EQ_U32(ERR_INVALID, next_untouched(w.data, w.size, 0),
		   "zeros where a header should be");

	for (unsigned field = 0; field < 13; field++)
		for (unsigned digit = 0; digit < 8; digit++) {
			static const char bad[] = { 'g', ' ', 'x', '\0' };

			build_one(&w);
			w.data[6 + 8 * field + digit] = (uint8_t)bad[(field + digit) % 4];
			all &= next_untouched(w.data, w.size, 0) == ERR_INVALID;
		}
	TAP_OK(all, "a non-hex character in any digit of any field");

	TAP_EQ_U32(ERR_INVALID, next_with_field(H_NAMESIZE, 0), "namesize 0");
	TAP_EQ_U32(ERR_INVALID, next_with_field(H_NAMESIZE, 1), "namesize 1: an empty name");
	TAP_EQ_U32(ERR_INVALID, next_with_field(H_NAMESIZE, 4),
		   "namesize one short: no NUL at namesize - 1");
	TAP_EQ_U32(ERR_INVALID, next_with_field(H_NAMESIZE, 6),
		   "namesize one long: a NUL inside the name");
	TAP_EQ_U32(ERR_INVALID, next_with_field(H_NAMESIZE, 0xFFFFFFFF), "namesize 4 GiB - 1");
	build_one(&w);
	TAP_EQ_U32(ERR_INVALID, next_with_field(H_NAMESIZE, (uint32_t)w.size - 110 + 1),
		   "namesize one past the buffer");
	TAP_EQ_U32(ERR_INVALID, next_with_field(H_FILESIZE, 0xFFFFFFFF), "filesize 4 GiB - 1");
	TAP_EQ_U32(ERR_INVALID, next_with_field(H_FILESIZE, (uint32_t)w.size - 116 + 1),
		   "filesize one past the buffer");
	TAP_EQ_U32(0, next_with_field(H_FILESIZE, 8), "filesize reaching into the trailer: read");
	TAP_EQ_U32(0, next_with_field(H_MODE, 0xFFFFFFFF), "any mode is read as it is");

	/* The last entry's padding must be in the buffer too. */
	writer_init(&w);
	add_file(&w, "name", "data!");
	TAP_EQ_U32(0, next_untouched(w.data, w.size, 0), "an archive ending after its padding");
	TAP_EQ_U32(ERR_INVALID, next_untouched(w.data, w.size - 1, 0),
		   "one ending inside the data's padding");
	TAP_EQ_U32(ERR_INVALID, next_untouched(w.data, 116 + 5, 0), "one ending after the data");
	TAP_EQ_U32(ERR_INVALID, next_untouched(w.data, 116, 0), "one ending before the data");
	TAP_EQ_U32(ERR_INVALID, next_untouched(w.data, 115, 0),
		   "one ending inside the name's padding");

	build_one(&w);
	TAP_EQ_U32(ERR_INVALID, next_untouched(w.data, w.size, 2), "an offset not a multiple of 4");
	TAP_EQ_U32(ERR_INVALID, next_untouched(w.data, w.size, w.size + 4),
		   "an offset past the buffer");
	TAP_EQ_U32(ERR_INVALID, next_untouched(w.data, w.size, w.size - 4),
		   "an offset with less than a header left");

	/* 070702: the check field is the data's byte sum. */
	writer_init(&w);
	w.checked = true;
	add_file(&w, "name", "data!");
	add_trailer(&w);
	TAP_EQ_U32(0, next_untouched(w.data, w.size, 0), "070702 with the right sum");
	put_hex(w.data + H_CHECK, 'd' + 'a' + 't' + 'a' + '!' + 1);
	TAP_EQ_U32(ERR_INVALID, next_untouched(w.data, w.size, 0), "070702 with a wrong sum");
	writer_init(&w);
	add_file(&w, "name", "data!");
	put_hex(w.data + H_CHECK, 0x12345678);
	TAP_EQ_U32(0, next_untouched(w.data, w.size, 0), "070701: the check field is not read");
}

/* Walk the whole archive: 0 until the end, which must be one of the two. */
static bool walk_ends_well(const uint8_t *a, size_t size, unsigned *entries)
{
	struct cpio_file f;
	size_t offset = 0;
	int error;

	*entries = 0;
	while ((error = cpio_next(a, size, &offset, &f)) == 0) {
		const uint8_t *name = (const uint8_t *)f.name, *data = f.data;

		if (name < a || name >= a + size || !memchr(name, 0, (size_t)(a + size - name)) ||
		    data < a || data > a + size || f.size > (size_t)(a + size - data) ||
		    offset > size || offset % 4 || ++*entries > size / CPIO_HEADER_SIZE)
			return false;
	}
	return error == ERR_NOT_FOUND || error == ERR_INVALID;
}

static void test_sweeps(void)
{
	struct writer w;
	struct cpio_file f;
	unsigned entries, whole;
	bool all = true;

	build_small(&w);
	walk_ends_well(w.data, w.size, &whole);
	for (size_t k = 0; k <= w.size; k++) {
		uint8_t *cut = copy_exact(w.data, k);
		int error = cpio_find(cut, k, "lib/none", &f);

		all &= walk_ends_well(cut, k, &entries) && entries <= whole &&
		       (error == ERR_NOT_FOUND || error == ERR_INVALID);
		error = cpio_find(cut, k, "empty", &f);
		all &= error == 0 || error == ERR_NOT_FOUND || error == ERR_INVALID;
		free(cut);
	}
	TAP_OK(all, "every truncation: no crash, ERR_INVALID or ERR_NOT_FOUND");
	TAP_EQ_U32(5, whole, "and the whole archive has its five entries");

	all = true;
	for (size_t at = 0; at < w.size; at++) {
		static const uint8_t flips[] = { 0x01, 0x08, 0x40, 0xFF };

		for (unsigned v = 0; v <= sizeof(flips); v++) {
			uint8_t *copy = copy_exact(w.data, w.size);
			int error;

			copy[at] = v < sizeof(flips) ? copy[at] ^ flips[v] : 0;
			all &= walk_ends_well(copy, w.size, &entries);
			error = cpio_find(copy, w.size, "bin/hello", &f);
			all &= error == ERR_NOT_FOUND || error == ERR_INVALID ||
			       (error == 0 && (const uint8_t *)f.data >= copy &&
				f.size <= (size_t)(copy + w.size - (const uint8_t *)f.data));
			free(copy);
		}
	}
	TAP_OK(all, "every byte changed: the walk ends, every answer inside the buffer");
}

static void skip(unsigned n, const char *reason)
{
	for (unsigned i = 0; i < n; i++) {
		tap_count++;
		printf("ok %u # SKIP %s\n", tap_count, reason);
	}
}

static uint8_t *read_whole_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data;
	long length;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (length = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	data = malloc(length ? (size_t)length : 1);
	if (data && fread(data, 1, (size_t)length, f) != (size_t)length) {
		free(data);
		data = NULL;
	}
	fclose(f);
	*size = (size_t)length;
	return data;
}

/* Run a shell command; false if it did not exit 0. */
static bool shell(const char *command)
{
	return system(command) == 0;
}

#define TOOL_CHECKS 9

static const char hello_text[] = "hello, world\n";

/* An archive cpio(1) wrote of dir/root, in format (newc or crc). */
static uint8_t *tool_archive(const char *dir, const char *format, size_t *size)
{
	char command[512], path[256];

	snprintf(path, sizeof(path), "%s/%s.cpio", dir, format);
	snprintf(command, sizeof(command), "cd %s/root && find . | cpio -o -H %s --quiet >%s", dir,
		 format, path);
	if (!shell(command))
		return NULL;
	return read_whole_file(path, size);
}

static void check_tool_archives(const char *dir)
{
	static const char *const forms[] = { "bin/hello", "/bin/hello", "./bin/hello" };
	struct cpio_file f;
	size_t size = 0, crc_size = 0;
	uint8_t *newc = tool_archive(dir, "newc", &size);
	uint8_t *crc = tool_archive(dir, "crc", &crc_size);
	unsigned entries = 0;
	bool all = true;

	TAP_OK(newc && crc && cpio_is_newc(newc, size) && cpio_is_newc(crc, crc_size),
	       "cpio(1): both archives written, both newc");
	if (!newc || !crc) {
		skip(TOOL_CHECKS - 1, "cpio(1) wrote no archive");
		free(newc);
		free(crc);
		return;
	}
	for (unsigned i = 0; i < 3; i++)
		all &= cpio_find(newc, size, forms[i], &f) == 0 && f.size == strlen(hello_text) &&
		       memcmp(f.data, hello_text, f.size) == 0;
	TAP_OK(all, "cpio(1): bin/hello by each path form, its data intact");
	TAP_OK(cpio_find(newc, size, "etc/motd", &f) == 0 && f.size == 0 &&
		       (f.mode & CPIO_MODE_TYPE) == CPIO_MODE_REGULAR,
	       "cpio(1): an empty file");
	TAP_EQ_U32(ERR_NOT_FOUND, cpio_find(newc, size, "bin", &f), "cpio(1): a directory");
	TAP_EQ_U32(ERR_NOT_FOUND, cpio_find(newc, size, "var/empty", &f),
		   "cpio(1): an empty directory");
	TAP_EQ_U32(ERR_NOT_FOUND, cpio_find(newc, size, "bin/none", &f), "cpio(1): not there");
	TAP_OK(walk_ends_well(newc, size, &entries) && entries == 7,
	       "cpio(1): seven entries (., bin, bin/hello, etc, etc/motd, var, var/empty)");
	TAP_OK(cpio_find(crc, crc_size, "bin/hello", &f) == 0 &&
		       memcmp(f.data, hello_text, f.size) == 0,
	       "cpio(1) -H crc: its sums check out");
	if (cpio_find(crc, crc_size, "bin/hello", &f) == 0)
		((uint8_t *)f.data)[0] ^= 1;
	TAP_EQ_U32(ERR_INVALID, cpio_find(crc, crc_size, "bin/hello", &f),
		   "cpio(1) -H crc: a changed data byte breaks its sum");
	free(newc);
	free(crc);
}

static void test_real_tool(void)
{
	char dir[] = "/tmp/bramble-cpio-XXXXXX", command[512];

	if (!shell("command -v cpio >/dev/null 2>&1")) {
		skip(TOOL_CHECKS, "cpio is not installed");
		return;
	}
	if (!mkdtemp(dir))
		die("mkdtemp failed");
	snprintf(command, sizeof(command),
		 "cd %s && mkdir -p root/bin root/etc root/var/empty && "
		 "printf 'hello, world\\n' >root/bin/hello && : >root/etc/motd",
		 dir);
	if (!shell(command))
		die("cannot make the tree to archive");
	check_tool_archives(dir);
	snprintf(command, sizeof(command), "rm -rf %s", dir);
	shell(command);
}

int main(void)
{
	tap_plan(87);
	test_is_newc();
	test_iteration();
	test_find();
	test_symlink();
	test_malformed();
	test_sweeps();
	test_real_tool();
	return tap_done();
}
