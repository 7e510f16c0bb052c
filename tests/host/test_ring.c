/*
 * tests/host/test_ring.c - the byte ring: order, the full and empty edges,
 * refusals, and both wraps (the slot index round a small buffer, the
 * counters across 2^32).
 */
#include <stdint.h>
#include <string.h>

#include "lib/ring.h"
#include "lib/xorshift.h"
#include "tap.h"

static bool same_ring(const struct ring *a, const struct ring *b)
{
	return a->buffer == b->buffer && a->size == b->size && a->head == b->head &&
	       a->tail == b->tail && a->overflows == b->overflows;
}

static void test_init_refusals(void)
{
	uint8_t buffer[8];
	struct ring ring = { .buffer = NULL, .size = 0, .head = 7, .tail = 7, .overflows = 3 };
	struct ring before = ring;

	TAP_OK(!ring_init(&ring, NULL, 8), "init: a NULL buffer is refused");
	TAP_OK(!ring_init(&ring, buffer, 0), "init: a size of 0 is refused");
	TAP_OK(!ring_init(&ring, buffer, 6), "init: 6 is not a power of two");
	TAP_OK(!ring_init_at(&ring, buffer, 0x80000001U, 5), "init_at: nor is 2^31 + 1");
	TAP_OK(same_ring(&ring, &before), "init: a refusal leaves the ring as it was");
	TAP_OK(ring_init(&ring, buffer, 1), "init: 1 is a power of two");
	TAP_OK(ring_init(&ring, buffer, sizeof(buffer)), "init: 8 is taken");
	TAP_OK(ring.head == 0 && ring.tail == 0 && ring.overflows == 0,
	       "init: counters and overflows start at 0");
}

static void test_never_set_up(void)
{
	struct ring ring = { 0 };
	uint8_t byte = 42;

	TAP_OK(ring_empty(&ring) && ring_full(&ring), "all zeroes: both empty and full");
	TAP_OK(!ring_put(&ring, 1), "all zeroes: put refused");
	TAP_EQ_U32(1, ring_overflows(&ring), "all zeroes: and counted");
	TAP_OK(!ring_get(&ring, &byte) && byte == 42, "all zeroes: get finds nothing");
}

static void test_order_and_edges(void)
{
	uint8_t buffer[8], copy[8], byte = 42;
	struct ring ring, before;
	bool ok = true;

	(void)ring_init(&ring, buffer, sizeof(buffer));
	TAP_OK(ring_empty(&ring) && !ring_full(&ring), "fresh: empty, not full");
	TAP_EQ_U32(0, ring_count(&ring), "fresh: count 0");
	TAP_EQ_U32(8, ring_space(&ring), "fresh: space 8");
	TAP_OK(!ring_get(&ring, &byte) && byte == 42, "fresh: get refused, byte untouched");

	TAP_OK(ring_put(&ring, 'a') && ring_put(&ring, 'b') && ring_put(&ring, 'c'), "put three");
	TAP_EQ_U32(3, ring_count(&ring), "count 3");
	TAP_EQ_U32(5, ring_space(&ring), "space 5");
	TAP_OK(ring_get(&ring, &byte) && byte == 'a', "first in, first out: a");
	TAP_OK(ring_get(&ring, &byte) && byte == 'b', "then b");
	TAP_OK(ring_get(&ring, &byte) && byte == 'c', "then c");
	TAP_OK(ring_empty(&ring) && !ring_get(&ring, &byte), "drained: empty again");

	for (unsigned i = 0; i < 8; i++)
		ok = ring_put(&ring, (uint8_t)(0x10 + i)) && ok;
	TAP_OK(ok, "eight puts fill a ring of 8");
	TAP_OK(ring_full(&ring) && !ring_empty(&ring), "full, not empty");
	TAP_EQ_U32(8, ring_count(&ring), "full: count 8");
	TAP_EQ_U32(0, ring_space(&ring), "full: space 0");

	before = ring;
	memcpy(copy, buffer, sizeof(buffer));
	TAP_OK(!ring_put(&ring, 0xEE), "full: put refused");
	TAP_EQ_U32(1, ring_overflows(&ring), "the refusal is counted");
	before.overflows++;
	TAP_OK(same_ring(&ring, &before), "the refusal changes only overflows");
	TAP_OK(memcmp(copy, buffer, sizeof(buffer)) == 0, "and no byte of the buffer");
	for (unsigned i = 0; i < 4; i++)
		(void)ring_put(&ring, 0xEE);
	TAP_EQ_U32(5, ring_overflows(&ring), "each refusal counts");

	TAP_OK(ring_get(&ring, &byte) && byte == 0x10, "full: the oldest comes out");
	TAP_OK(ring_put(&ring, 0x18) && ring_full(&ring), "one out, one in: full again");
	ok = true;
	for (unsigned i = 1; i <= 8; i++)
		ok = ring_get(&ring, &byte) && byte == 0x10 + i && ok;
	TAP_OK(ok, "the rest in order, the last put last");
	TAP_OK(ring_empty(&ring) && !ring_get(&ring, &byte), "drained");
	TAP_EQ_U32(5, ring_overflows(&ring), "taking does not touch overflows");
}

/*
 * Many times round a ring of 4 in batches of random size, checked against
 * the sequence that went in; the guard bytes on both sides stay as they were.
 */
static void test_index_wrap(void)
{
	uint8_t memory[4 + 8];
	uint8_t *buffer = memory + 4;
	struct ring ring;
	uint32_t random = 12345;
	uint8_t next_in = 0, next_out = 0;
	unsigned held = 0, rounds = 0;
	bool order_ok = true, count_ok = true;

	memset(memory, 0xA5, sizeof(memory));
	(void)ring_init(&ring, buffer, 4);
	while (rounds < 5000) {
		unsigned puts = xorshift32(&random) % 6, gets = xorshift32(&random) % 6;

		for (unsigned i = 0; i < puts; i++) {
			bool took = ring_put(&ring, next_in);

			if (took != (held < 4))
				order_ok = false;
			if (took) {
				next_in++;
				held++;
			}
		}
		count_ok = count_ok && ring_count(&ring) == held && ring_space(&ring) == 4 - held;
		for (unsigned i = 0; i < gets; i++) {
			uint8_t byte;
			bool got = ring_get(&ring, &byte);

			if (got != (held > 0) || (got && byte != next_out))
				order_ok = false;
			if (got) {
				next_out++;
				held--;
			}
		}
		count_ok = count_ok && ring_count(&ring) == held;
		rounds++;
	}
	TAP_OK(ring.head > 4 * 1000, "index wrap: the ring went round many times");
	TAP_OK(order_ok, "index wrap: every byte out in order, refusals exactly when full");
	TAP_OK(count_ok, "index wrap: count and space right after every batch");
	TAP_EQ_U32(ring.head - ring.tail, held, "index wrap: head - tail is what is held");
	TAP_OK(memory[0] == 0xA5 && memory[1] == 0xA5 && memory[2] == 0xA5 && memory[3] == 0xA5 &&
		       memory[8] == 0xA5 && memory[9] == 0xA5 && memory[10] == 0xA5 &&
		       memory[11] == 0xA5,
	       "index wrap: nothing written outside the buffer");
}

/* The counters start just below 2^32: head wraps to small numbers while tail has not. */
static void test_counter_wrap(void)
{
	uint8_t buffer[8], byte = 0;
	struct ring ring;
	bool ok = true;

	TAP_OK(ring_init_at(&ring, buffer, sizeof(buffer), UINT32_MAX - 2), "init_at: taken");
	TAP_OK(ring.head == UINT32_MAX - 2 && ring.tail == UINT32_MAX - 2,
	       "init_at: both counters at start");
	TAP_OK(ring_empty(&ring), "init_at: empty");
	for (unsigned i = 0; i < 6; i++) {
		ok = ring_put(&ring, (uint8_t)i) && ok;
		ok = ring_count(&ring) == i + 1 && ok;
	}
	TAP_OK(ok, "counter wrap: six puts, count right at each");
	TAP_EQ_U32(3, ring.head, "counter wrap: head went past 2^32");
	TAP_OK(ring.tail > ring.head, "counter wrap: tail numerically above head");
	TAP_EQ_U32(6, ring_count(&ring), "counter wrap: count is still 6");
	TAP_EQ_U32(2, ring_space(&ring), "counter wrap: space 2");
	TAP_OK(ring_put(&ring, 6) && ring_put(&ring, 7) && ring_full(&ring),
	       "counter wrap: full at 8");
	TAP_OK(!ring_put(&ring, 99) && ring_overflows(&ring) == 1,
	       "counter wrap: a full ring refuses");
	ok = true;
	for (unsigned i = 0; i < 8; i++)
		ok = ring_get(&ring, &byte) && byte == i && ok;
	TAP_OK(ok, "counter wrap: all eight in order");
	TAP_OK(ring_empty(&ring) && ring.tail == 5, "counter wrap: tail past 2^32 too, empty");

	(void)ring_init_at(&ring, buffer, sizeof(buffer), UINT32_MAX);
	TAP_OK(ring_put(&ring, 'x') && ring.head == 0 && ring_count(&ring) == 1,
	       "counter wrap: head from UINT32_MAX to 0, count 1");
	TAP_OK(ring_get(&ring, &byte) && byte == 'x' && ring.tail == 0 && ring_empty(&ring),
	       "counter wrap: tail from UINT32_MAX to 0, empty");
}

int main(void)
{
	tap_plan(56);
	test_init_refusals();
	test_never_set_up();
	test_order_and_edges();
	test_index_wrap();
	test_counter_wrap();
	return tap_done();
}
