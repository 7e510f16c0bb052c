/*
 * lib/ring.h - a byte ring for one producer and one consumer, without locks.
 *
 * Theory of operation. head counts the bytes ever put, tail the bytes ever
 * taken; both run freely and wrap at 2^32. The ring holds head - tail bytes
 * (unsigned arithmetic makes that right across the wrap, since it never
 * exceeds size), and counter & (size - 1) is a counter's slot, which is why
 * size must be a power of two:
 *
 *	        tail & (size - 1)        head & (size - 1)
 *	              v                        v
 *	+---+---+---+---+---+---+---+---+---+---+---+---+
 *	|   |   |   | a | b | c | d | e | f |   |   |   |   head - tail = 6
 *	+---+---+---+---+---+---+---+---+---+---+---+---+
 *
 * Every slot is usable (no empty slot kept to tell full from empty). Put
 * and get are O(1); the metadata is five words. A full ring refuses a byte
 * and counts it in overflows; it never overwrites.
 *
 * Who may call what:
 *   ring_init, ring_init_at    before either side runs, or while neither can
 *   ring_put                   the producer only (one context: e.g. the UART's
 *                              receive interrupt, or the code that prints)
 *   ring_get                   the consumer only (one context)
 *   ring_count, ring_space,    either side. The producer's own view is exact
 *   ring_empty, ring_full      for space and the consumer's for count; the
 *                              other side's moves only in the caller's favour
 *                              (more room, more bytes). From a third context
 *                              the value is a snapshot, kept within 0..size.
 *   ring_overflows             written by the producer only (in ring_put);
 *                              read by anyone
 *
 * Ordering. The producer writes the byte into its slot, then publishes head
 * with a release store; the consumer loads head with acquire before it reads
 * the slot. Symmetrically the consumer publishes tail with release after it
 * has read the byte, and the producer loads tail with acquire before it
 * reuses the slot. That is enough between an interrupt handler and the code
 * it interrupts on one core, and between two cores: on ARMv7 GCC makes each
 * acquire load "ldr; dmb ish" and each release store "dmb ish; str".
 */
#ifndef BRAMBLE_LIB_RING_H
#define BRAMBLE_LIB_RING_H

#include <stdbool.h>
#include <stdint.h>

struct ring {
	uint8_t *buffer;
	uint32_t size;      /* a power of two; 0 in a ring never set up */
	uint32_t head;      /* bytes put, ever (the producer's) */
	uint32_t tail;      /* bytes taken, ever (the consumer's) */
	uint32_t overflows; /* bytes refused because the ring was full (the producer's) */
};

/*
 * Set ring up over buffer (size bytes, a power of two), empty, with both
 * counters at start: a test can begin just below 2^32 to see them wrap.
 * False, and ring left as it was, for a NULL buffer, a size of 0 or a size
 * that is not a power of two. (A ring of all zeroes, as a static one is
 * before this, is safe: always full for the producer, always empty for the
 * consumer.)
 */
static inline bool ring_init_at(struct ring *ring, uint8_t *buffer, uint32_t size, uint32_t start)
{
	if (!buffer || size == 0 || (size & (size - 1)) != 0)
		return false;
	ring->buffer = buffer;
	ring->size = size;
	ring->head = start;
	ring->tail = start;
	ring->overflows = 0;
	return true;
}

/* ring_init_at with the counters at 0. */
static inline bool ring_init(struct ring *ring, uint8_t *buffer, uint32_t size)
{
	return ring_init_at(ring, buffer, size, 0);
}

/*
 * Bytes held. tail is loaded first: head only grows after that, so the
 * difference is never negative; a third context can see it above size (the
 * consumer took and the producer refilled between the loads), hence the
 * clamp.
 */
static inline uint32_t ring_count(const struct ring *ring)
{
	uint32_t tail = __atomic_load_n(&ring->tail, __ATOMIC_ACQUIRE);
	uint32_t head = __atomic_load_n(&ring->head, __ATOMIC_ACQUIRE);
	uint32_t count = head - tail;

	return count > ring->size ? ring->size : count;
}

/* Bytes that ring_put would still take. */
static inline uint32_t ring_space(const struct ring *ring)
{
	return ring->size - ring_count(ring);
}

static inline bool ring_empty(const struct ring *ring)
{
	return ring_count(ring) == 0;
}

static inline bool ring_full(const struct ring *ring)
{
	return ring_count(ring) == ring->size;
}

/* Bytes refused so far because the ring was full. */
static inline uint32_t ring_overflows(const struct ring *ring)
{
	return __atomic_load_n(&ring->overflows, __ATOMIC_RELAXED);
}

/*
 * Producer: append byte. False when the ring is full; then overflows grows
 * by one and nothing else changes.
 */
static inline bool ring_put(struct ring *ring, uint8_t byte)
{
	uint32_t head = ring->head; /* only this side writes it */
	uint32_t tail = __atomic_load_n(&ring->tail, __ATOMIC_ACQUIRE);

	if (head - tail == ring->size) {
		__atomic_store_n(&ring->overflows, ring->overflows + 1, __ATOMIC_RELAXED);
		return false;
	}
	ring->buffer[head & (ring->size - 1)] = byte;
	__atomic_store_n(&ring->head, head + 1, __ATOMIC_RELEASE);
	return true;
}

/* Consumer: take the oldest byte into *byte. False (and *byte untouched) when empty. */
static inline bool ring_get(struct ring *ring, uint8_t *byte)
{
	uint32_t tail = ring->tail; /* only this side writes it */
	uint32_t head = __atomic_load_n(&ring->head, __ATOMIC_ACQUIRE);

	if (head == tail)
		return false;
	*byte = ring->buffer[tail & (ring->size - 1)];
	__atomic_store_n(&ring->tail, tail + 1, __ATOMIC_RELEASE);
	return true;
}

#endif /* BRAMBLE_LIB_RING_H */
