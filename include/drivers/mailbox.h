/*
 * drivers/mailbox.h - the VideoCore mailbox property interface (channel 8).
 */
#ifndef BRAMBLE_DRIVERS_MAILBOX_H
#define BRAMBLE_DRIVERS_MAILBOX_H

#include <stdbool.h>
#include <stdint.h>

#include "layout.h"

/* Clock ids of the "get clock rate" tag. */
#define MAILBOX_CLOCK_UART 2
#define MAILBOX_CLOCK_ARM  3

/* Registers start at this offset into the peripheral window. */
#define MAILBOX_OFFSET 0xB880
#define MAILBOX_REGISTERS_SIZE \
	0x40 /* mailbox 0 and 1: read, status, write (BCM2835 ARM mailboxes) */

/* Use the mailbox registers at this virtual address (the block's base). */
void mailbox_init(vaddr_t registers);

/*
 * One property call with one tag: send value[0..request_words) and receive
 * up to response_words into value. Returns 0 or an ERR_* value.
 */
int mailbox_property(uint32_t tag, uint32_t *value, unsigned request_words,
		     unsigned response_words);

/* A block of memory as the firmware reports it (physical base, bytes). */
struct mailbox_memory {
	paddr_t base;
	uint32_t size;
};

int mailbox_get_clock_rate(uint32_t clock_id, uint32_t *hz);
int mailbox_get_board_revision(uint32_t *revision);

/*
 * The ARM's mailbox interrupt (the basic pending register's bit 1,
 * IRQ_BASIC(1)) while an answer waits in mailbox 0, or not. The calls
 * above poll; a handler that wants the interrupt turns it off again.
 */
void mailbox_answer_irq(bool on);
int mailbox_get_arm_memory(struct mailbox_memory *memory); /* tag 0x00010005 */
int mailbox_get_vc_memory(struct mailbox_memory *memory);  /* tag 0x00010006 */

#endif /* BRAMBLE_DRIVERS_MAILBOX_H */
