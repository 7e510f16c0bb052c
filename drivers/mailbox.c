/*
 * drivers/mailbox.c - the VideoCore mailbox 0, property channel.
 *
 * A property call hands the VideoCore the bus address of a message buffer
 * in RAM; the VideoCore reads it, writes its answer into the same buffer,
 * and posts the address back. The VideoCore does not see the ARM's caches,
 * so (ARM ARM B2.2.6, cache maintenance for other observers):
 *   - before posting, the buffer is cleaned to the point of coherency;
 *   - after the answer, it is invalidated before it is read (the CPU may
 *     have fetched lines of it speculatively in the meantime).
 * The buffer owns whole cache lines (aligned and sized to 64 bytes, the
 * largest line of the Cortex-A7 and A53), so invalidating it cannot throw
 * away anyone else's data. Its address is given through the 0xC0000000 bus
 * alias, the one through which the VideoCore does not cache either.
 */
#include "drivers/mailbox.h"

#include <stddef.h>
#include <string.h>

#include "arch/cp15.h"
#include "arch/maintenance.h"
#include "arch/mmio.h"
#include "drivers/systimer.h"
#include "kernel/error.h"

/*
 * Two FIFOs: mailbox 0 carries answers from the VideoCore to the ARM (read
 * at +0x00, its status at +0x18), mailbox 1 carries requests the other way
 * (written at +0x20, its status at +0x38). "Full" is checked on the one
 * being written, "empty" on the one being read.
 */
#define MAILBOX0_READ            0x00
#define MAILBOX0_STATUS          0x18
#define MAILBOX0_CONFIG          0x1C
#define MAILBOX_CONFIG_DATA_IRQ  (1U << 0) /* interrupt while an answer waits */
#define MAILBOX1_WRITE           0x20
#define MAILBOX1_STATUS          0x38
#define MAILBOX_STATUS_FULL      (1U << 31)
#define MAILBOX_STATUS_EMPTY     (1U << 30)
#define MAILBOX_CHANNEL_PROPERTY 8
#define MAILBOX_CHANNEL_MASK     0xF

#define BUS_ALIAS_UNCACHED 0xC0000000U

#define PROPERTY_REQUEST                0x00000000U
#define PROPERTY_SUCCESS                0x80000000U
#define PROPERTY_TAG_RESPONSE           0x80000000U /* set by the VideoCore in the tag's code */
#define PROPERTY_TAG_GET_BOARD_REVISION 0x00010002U
#define PROPERTY_TAG_GET_ARM_MEMORY     0x00010005U
#define PROPERTY_TAG_GET_VC_MEMORY      0x00010006U
#define PROPERTY_TAG_GET_CLOCK_RATE     0x00030002U

/*
 * How long to wait for the VideoCore, by the system timer: the firmware
 * answers property calls in well under a millisecond, and Linux's driver
 * gives it a second too.
 */
#define MAILBOX_TIMEOUT_US   1000000
#define MAILBOX_FIFO_DEPTH   8 /* answers the read FIFO can hold */
#define MAILBOX_BUFFER_WORDS 32
#define CACHE_LINE_MAX       64

static vaddr_t mailbox_base;
static uint32_t message[MAILBOX_BUFFER_WORDS] __attribute__((aligned(CACHE_LINE_MAX)));

_Static_assert(sizeof(message) % CACHE_LINE_MAX == 0, "the buffer owns whole cache lines");

void mailbox_init(vaddr_t registers)
{
	mailbox_base = registers;
}

static void clean_buffer(void)
{
	dcache_range(dcache_clean_line_poc, (uintptr_t)message, sizeof(message));
	dsb();
}

static void invalidate_buffer(void)
{
	dcache_range(dcache_invalidate_line_poc, (uintptr_t)message, sizeof(message));
	dsb();
}

/*
 * Wait until a status bit clears, for at most MAILBOX_TIMEOUT_US. The system
 * timer is another peripheral: systimer_now_us() puts barriers around its
 * read (BCM2835 1.3), so the two devices' reads cannot pass each other.
 */
static int wait_status_clear(uint32_t status_register, uint32_t bit)
{
	uint32_t start = systimer_now_us();

	for (;;) {
		if (!(mmio_read32(mailbox_base + status_register) & bit))
			return 0;
		if (systimer_now_us() - start > MAILBOX_TIMEOUT_US)
			return ERR_TIMEOUT;
	}
}

/*
 * Throw away answers nobody waits for any more (one that arrived after a
 * call timed out would otherwise carry the same buffer address as the next
 * call's answer, and be taken for it).
 */
static void drain_answers(void)
{
	for (unsigned i = 0; i < MAILBOX_FIFO_DEPTH; i++) {
		if (mmio_read32(mailbox_base + MAILBOX0_STATUS) & MAILBOX_STATUS_EMPTY)
			return;
		(void)mmio_read32(mailbox_base + MAILBOX0_READ);
	}
}

/* Post the buffer on the property channel and wait for its answer. */
static int mailbox_call(void)
{
	uint32_t bus_address = virt_to_phys_linear((vaddr_t)message) | BUS_ALIAS_UNCACHED;
	int error;

	clean_buffer();
	mmio_barrier();
	drain_answers();
	error = wait_status_clear(MAILBOX1_STATUS, MAILBOX_STATUS_FULL);
	if (error)
		goto out;
	mmio_write32(mailbox_base + MAILBOX1_WRITE, bus_address | MAILBOX_CHANNEL_PROPERTY);
	for (;;) {
		uint32_t answer;

		error = wait_status_clear(MAILBOX0_STATUS, MAILBOX_STATUS_EMPTY);
		if (error)
			goto out;
		answer = mmio_read32(mailbox_base + MAILBOX0_READ);
		if ((answer & MAILBOX_CHANNEL_MASK) == MAILBOX_CHANNEL_PROPERTY &&
		    (answer & ~MAILBOX_CHANNEL_MASK) == bus_address)
			break;
		/* An answer on another channel is not ours: keep waiting. */
	}
out:
	/*
	 * DSB, not DMB: DMB orders memory accesses (ARM ARM A3.8.3), and the
	 * invalidation is a maintenance operation. Run before the answer has
	 * been read, it could be followed by a speculative line fill taken
	 * while the VideoCore was still writing, and that stale line would be
	 * read as the answer. DSB lets nothing after it run until the read of
	 * the answer has completed.
	 */
	dsb();
	invalidate_buffer();
	return error;
}

int mailbox_property(uint32_t tag, uint32_t *value, unsigned request_words, unsigned response_words)
{
	unsigned words = request_words > response_words ? request_words : response_words;
	int error;

	if (!mailbox_base || words + 6 > MAILBOX_BUFFER_WORDS)
		return ERR_INVALID;
	memset(message, 0, sizeof(message));
	message[0] = (words + 6) * 4; /* whole message size in bytes */
	message[1] = PROPERTY_REQUEST;
	message[2] = tag;
	message[3] = words * 4;         /* value buffer size */
	message[4] = request_words * 4; /* request: value length */
	memcpy(&message[5], value, request_words * 4);
	message[5 + words] = 0; /* end tag */
	error = mailbox_call();
	if (error)
		return error;
	if (message[1] != PROPERTY_SUCCESS || !(message[4] & PROPERTY_TAG_RESPONSE))
		return ERR_DEVICE;
	memcpy(value, &message[5], response_words * 4);
	return 0;
}

int mailbox_get_clock_rate(uint32_t clock_id, uint32_t *hz)
{
	uint32_t value[2] = { clock_id, 0 };
	int error = mailbox_property(PROPERTY_TAG_GET_CLOCK_RATE, value, 1, 2);

	if (error)
		return error;
	if (value[0] != clock_id || value[1] == 0)
		return ERR_DEVICE;
	*hz = value[1];
	return 0;
}

int mailbox_get_board_revision(uint32_t *revision)
{
	uint32_t value[1] = { 0 };
	int error = mailbox_property(PROPERTY_TAG_GET_BOARD_REVISION, value, 0, 1);

	if (error)
		return error;
	*revision = value[0];
	return 0;
}

static int get_memory(uint32_t tag, struct mailbox_memory *memory)
{
	uint32_t value[2] = { 0, 0 };
	int error = mailbox_property(tag, value, 0, 2);

	if (error)
		return error;
	if (value[1] == 0)
		return ERR_DEVICE;
	memory->base = value[0];
	memory->size = value[1];
	return 0;
}

int mailbox_get_arm_memory(struct mailbox_memory *memory)
{
	return get_memory(PROPERTY_TAG_GET_ARM_MEMORY, memory);
}

int mailbox_get_vc_memory(struct mailbox_memory *memory)
{
	return get_memory(PROPERTY_TAG_GET_VC_MEMORY, memory);
}

void mailbox_answer_irq(bool on)
{
	mmio_barrier();
	mmio_write32(mailbox_base + MAILBOX0_CONFIG, on ? MAILBOX_CONFIG_DATA_IRQ : 0);
	mmio_barrier();
}
