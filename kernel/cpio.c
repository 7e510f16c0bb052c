/*
 * kernel/cpio.c - reading a cpio "newc" archive (kernel/cpio.h).
 *
 * Theory of operation
 * -------------------
 * An archive is a chain of entries with no index, so every operation is a
 * walk from an offset: cpio_next() decodes the one entry there and moves
 * past it, cpio_find() calls it from offset 0 until a name matches (O(n)
 * in the archive's size; O(data) more for 070702 archives, whose sums are
 * checked). Each entry is checked before anything in it is handed out:
 *
 *	at        at+110           name end  (pad)   data end   (pad)
 *	| header  | name ... NUL   |         | data  |          | next entry
 *	          <-- namesize --> ^ 4-aligned <filesize>        ^ 4-aligned
 *
 * Offsets are size_t from the archive's start; each length taken from a
 * header is compared with what is left of the buffer (size - at) and only
 * then added, so no sum can wrap and no pointer is formed outside the
 * buffer. The hex fields are 8 digits, so each fits 32 bits by itself.
 * Nothing is written until an entry has passed every check.
 */
#include "kernel/cpio.h"

#define MAGIC_LENGTH 6
#define FIELD_DIGITS 8
#define FIELD_COUNT  13
#define ENTRY_ALIGN  4 /* headers and data start on multiples of 4 from the archive's start */

/* The header's fields in the order they are stored, after the magic. */
enum cpio_field {
	FIELD_INO,
	FIELD_MODE,
	FIELD_UID,
	FIELD_GID,
	FIELD_NLINK,
	FIELD_MTIME,
	FIELD_FILESIZE,
	FIELD_DEVMAJOR,
	FIELD_DEVMINOR,
	FIELD_RDEVMAJOR,
	FIELD_RDEVMINOR,
	FIELD_NAMESIZE,
	FIELD_CHECK,
};

struct header {
	uint32_t field[FIELD_COUNT];
	bool has_check; /* magic 070702: FIELD_CHECK is the sum of the data bytes */
};

static const char magic_plain[MAGIC_LENGTH] = { '0', '7', '0', '7', '0', '1' };
static const char magic_check[MAGIC_LENGTH] = { '0', '7', '0', '7', '0', '2' };
static const char trailer_name[] = "TRAILER!!!";

static bool bytes_equal(const uint8_t *a, const char *b, size_t length)
{
	for (size_t i = 0; i < length; i++)
		if (a[i] != (uint8_t)b[i])
			return false;
	return true;
}

/* One hexadecimal digit, either case. */
static bool hex_digit(uint8_t c, uint32_t *value)
{
	if (c >= '0' && c <= '9')
		*value = (uint32_t)(c - '0');
	else if (c >= 'a' && c <= 'f')
		*value = (uint32_t)(c - 'a' + 10);
	else if (c >= 'A' && c <= 'F')
		*value = (uint32_t)(c - 'A' + 10);
	else
		return false;
	return true;
}

static bool read_field(const uint8_t *p, uint32_t *value)
{
	uint32_t result = 0, digit;

	for (unsigned i = 0; i < FIELD_DIGITS; i++) {
		if (!hex_digit(p[i], &digit))
			return false;
		result = result << 4 | digit;
	}
	*value = result;
	return true;
}

/* The CPIO_HEADER_SIZE bytes at p (the caller checked they are there). */
static bool read_header(const uint8_t *p, struct header *h)
{
	if (bytes_equal(p, magic_plain, MAGIC_LENGTH))
		h->has_check = false;
	else if (bytes_equal(p, magic_check, MAGIC_LENGTH))
		h->has_check = true;
	else
		return false;
	for (unsigned i = 0; i < FIELD_COUNT; i++)
		if (!read_field(p + MAGIC_LENGTH + i * FIELD_DIGITS, &h->field[i]))
			return false;
	return true;
}

/* Move *at up to the next multiple of 4; the padding must be inside the buffer. */
static bool skip_padding(size_t size, size_t *at)
{
	size_t padding = (ENTRY_ALIGN - *at % ENTRY_ALIGN) % ENTRY_ALIGN;

	if (padding > size - *at)
		return false;
	*at += padding;
	return true;
}

/* namesize bytes holding a name of namesize - 1 bytes, then its NUL. */
static bool name_well_formed(const uint8_t *name, uint32_t namesize)
{
	if (namesize < 2 || name[namesize - 1] != 0)
		return false;
	for (uint32_t i = 0; i + 1 < namesize; i++)
		if (name[i] == 0)
			return false;
	return true;
}

static uint32_t byte_sum(const uint8_t *data, uint32_t length)
{
	uint32_t sum = 0;

	for (uint32_t i = 0; i < length; i++)
		sum += data[i];
	return sum;
}

bool cpio_is_newc(const void *archive, size_t size)
{
	struct header h;

	return archive && size >= CPIO_HEADER_SIZE && read_header(archive, &h);
}

int cpio_next(const void *archive, size_t size, size_t *offset, struct cpio_file *out)
{
	const uint8_t *base = archive, *name, *data;
	struct header h;
	uint32_t namesize, filesize;
	size_t at;

	if (!archive || !offset || !out)
		return ERR_INVALID;
	at = *offset;
	if (at > size || at % ENTRY_ALIGN)
		return ERR_INVALID;
	if (at == size)
		return ERR_NOT_FOUND;
	if (size - at < CPIO_HEADER_SIZE || !read_header(base + at, &h))
		return ERR_INVALID;
	at += CPIO_HEADER_SIZE;

	namesize = h.field[FIELD_NAMESIZE];
	if (namesize > size - at || !name_well_formed(base + at, namesize))
		return ERR_INVALID;
	name = base + at;
	at += namesize;
	if (namesize == sizeof(trailer_name) && bytes_equal(name, trailer_name, namesize))
		return ERR_NOT_FOUND;

	filesize = h.field[FIELD_FILESIZE];
	if (!skip_padding(size, &at) || filesize > size - at)
		return ERR_INVALID;
	data = base + at;
	at += filesize;
	if (!skip_padding(size, &at))
		return ERR_INVALID;
	if (h.has_check && byte_sum(data, filesize) != h.field[FIELD_CHECK])
		return ERR_INVALID;

	out->name = (const char *)name;
	out->data = data;
	out->size = filesize;
	out->mode = h.field[FIELD_MODE];
	*offset = at;
	return 0;
}

const char *cpio_name_without_prefix(const char *name)
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

static bool names_equal(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

int cpio_find(const void *archive, size_t size, const char *path, struct cpio_file *out)
{
	struct cpio_file file;
	size_t offset = 0;
	int error;

	if (!path || !out)
		return ERR_INVALID;
	path = cpio_name_without_prefix(path);
	while ((error = cpio_next(archive, size, &offset, &file)) == 0) {
		if ((file.mode & CPIO_MODE_TYPE) == CPIO_MODE_REGULAR &&
		    names_equal(cpio_name_without_prefix(file.name), path)) {
			*out = file;
			return 0;
		}
	}
	return error;
}
