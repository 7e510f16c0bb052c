/*
 * kernel/exception.h - exception frames, reports and expected faults.
 *
 * Every exception entry (boot/vectors.S) saves the interrupted context as a
 * struct exception_frame on the stack of the mode that took it and hands it
 * to a C handler; returning from the handler resumes from the frame, so a
 * handler may change where execution resumes (frame->pc) and with which
 * registers.
 */
#ifndef BRAMBLE_KERNEL_EXCEPTION_H
#define BRAMBLE_KERNEL_EXCEPTION_H

#define FRAME_R0   0
#define FRAME_R8   32
#define FRAME_SP   52 /* sp of the interrupted mode */
#define FRAME_LR   56 /* lr of the interrupted mode */
#define FRAME_PC   64 /* where the exception returns to */
#define FRAME_CPSR 68 /* the interrupted CPSR (the SPSR) */
#define FRAME_SIZE 72

/* struct fault_catcher, for boot/vectors.S: r4-r11 at 0, then these. */
#define CATCHER_SP    32
#define CATCHER_LR    36
#define CATCHER_CPSR  40
#define CATCHER_KINDS 44

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

#include "kernel/fault_status.h"

struct exception_frame {
	uint32_t r[13];    /* r0-r12 */
	uint32_t sp;       /* interrupted mode's sp (not restored on return) */
	uint32_t lr;       /* interrupted mode's lr (not restored on return) */
	uint32_t reserved; /* keeps the frame a multiple of 8 bytes */
	uint32_t pc;       /* return address: see each handler */
	uint32_t cpsr;     /* restored on return */
};

_Static_assert(__builtin_offsetof(struct exception_frame, r[8]) == FRAME_R8, "frame");
_Static_assert(__builtin_offsetof(struct exception_frame, sp) == FRAME_SP, "frame");
_Static_assert(__builtin_offsetof(struct exception_frame, lr) == FRAME_LR, "frame");
_Static_assert(__builtin_offsetof(struct exception_frame, pc) == FRAME_PC, "frame");
_Static_assert(__builtin_offsetof(struct exception_frame, cpsr) == FRAME_CPSR, "frame");
_Static_assert(sizeof(struct exception_frame) == FRAME_SIZE, "frame");

/*
 * Expected faults. A test that needs an access to fault arms a catcher and
 * makes the access:
 *
 *	struct fault_catcher catcher;
 *	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
 *		(void)*(volatile uint32_t *)0;          // must fault
 *		fault_catch_cancel();
 *		... the access did not fault: fail ...
 *	} else {
 *		... catcher.fault says what happened ...
 *	}
 *
 * fault_catch() returns 0 when armed; when a fault of one of the given kinds
 * then happens, the handler records it in catcher.fault, disarms, and
 * execution continues as a second return from fault_catch(), with 1, with
 * the stack and callee-saved registers as they were at the first return
 * (like setjmp). Any other fault, or one while nothing is armed, is
 * reported and is fatal.
 */
struct fault_catcher {
	uint32_t r4_r11[8];    /* the fault_catch() call's callee-saved registers */
	uint32_t sp, lr, cpsr; /* and its sp, return address and CPSR */
	unsigned kinds;        /* mask of enum fault_kind that may happen */
	struct fault_info fault;
};

_Static_assert(__builtin_offsetof(struct fault_catcher, sp) == CATCHER_SP, "catcher");
_Static_assert(__builtin_offsetof(struct fault_catcher, lr) == CATCHER_LR, "catcher");
_Static_assert(__builtin_offsetof(struct fault_catcher, cpsr) == CATCHER_CPSR, "catcher");
_Static_assert(__builtin_offsetof(struct fault_catcher, kinds) == CATCHER_KINDS, "catcher");

/*
 * A caught fault prints "expected fault caught: ..." (the self-tests' log
 * shows each); with FAULT_CATCH_QUIET among the kinds it prints nothing,
 * for a caller that reports the fault in its own words (the console's x).
 */
#define FAULT_CATCH_QUIET (1U << 8)

int fault_catch(struct fault_catcher *catcher, unsigned kinds) __attribute__((returns_twice));

/*
 * Fault dispatch: every fault goes first to the handler set for its action
 * (the fault status table's action column, kernel/fault_status.h; undefined
 * instructions have FAULT_ACTION_UNDEFINED). A handler that resolves the
 * fault returns true and the faulting code goes on; false passes it on to
 * an armed catcher, then to the report. FAULT_ACTION_REPORT has no handler.
 * Returns 0, or ERR_INVALID for an action that cannot have one.
 */
typedef bool (*fault_handler_fn)(const struct fault_info *fault, struct exception_frame *frame);
int fault_set_handler(enum fault_action action, fault_handler_fn handler);
fault_handler_fn fault_get_handler(enum fault_action action);

/*
 * Every fault taken from user mode goes to this handler instead, whatever
 * its action (mm/page_fault.c: demand paging, or the process is killed).
 * If it returns false, the fault is reported as the kernel's would be.
 */
void fault_set_user_handler(fault_handler_fn handler);
void fault_catch_cancel(void);

/* Handlers, called from boot/vectors.S with the saved frame. */
void exception_undefined(struct exception_frame *frame);
void exception_svc(struct exception_frame *frame);
void exception_prefetch_abort(struct exception_frame *frame);
void exception_data_abort(struct exception_frame *frame);
void exception_irq(struct exception_frame *frame);
void exception_fiq(struct exception_frame *frame);
void exception_unused(struct exception_frame *frame);

/* Print a frame: every register, the mode, the flags. */
void exception_print_frame(const struct exception_frame *frame);

/*
 * FIQs: bramble has no FIQ handler. One that is taken anyway is reported
 * (frame and all), counted, every FIQ source of the core is switched off,
 * and the interrupted code goes on with FIQs masked. The count and the last
 * frame are for the self-tests.
 */
unsigned exception_fiq_count(void);
const struct exception_frame *exception_last_fiq(void);
#endif

#endif /* BRAMBLE_KERNEL_EXCEPTION_H */
