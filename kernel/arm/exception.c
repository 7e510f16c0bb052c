/*
 * kernel/arm/exception.c - what happens when the CPU takes an exception.
 *
 * Faults (undefined instruction, prefetch abort, data abort) are either
 * expected, and then handed to the armed fault catcher (include/kernel/
 * exception.h), or reported with everything a person needs to act on them:
 * the kind, the decoded fault status, the address, read or write, and the
 * full register frame. An unexpected fault is fatal (kernel/fatal.h).
 */
#include "kernel/exception.h"

#include <stddef.h>
#include <stdio.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "drivers/bcm2836_local.h"
#include "kernel/backtrace.h"
#include "kernel/error.h"
#include "kernel/fatal.h"
#include "kernel/fault_status.h"
#include "kernel/fpu.h"
#include "kernel/irq.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/syscall.h"
#include "kernel/semihost.h"
#include "kernel/stack.h"
#include "layout.h"
#include "mm/kernel_map.h"

/* Each core's armed catcher, or NULL. Written by fault_catch() in boot/vectors.S. */
struct fault_catcher *fault_catcher_armed[CORE_COUNT];
extern const char fault_catch_resume[];

static fault_handler_fn fault_handlers[FAULT_ACTION_COUNT];
static fault_handler_fn user_fault_handler;
static unsigned fiq_count;
static struct exception_frame fiq_last;

int fault_set_handler(enum fault_action action, fault_handler_fn handler)
{
	if ((unsigned)action >= FAULT_ACTION_COUNT || action == FAULT_ACTION_REPORT)
		return ERR_INVALID;
	fault_handlers[action] = handler;
	return 0;
}

fault_handler_fn fault_get_handler(enum fault_action action)
{
	return (unsigned)action < FAULT_ACTION_COUNT ? fault_handlers[action] : NULL;
}

void fault_set_user_handler(fault_handler_fn handler)
{
	user_fault_handler = handler;
}

static bool from_user(const struct exception_frame *frame)
{
	return (frame->cpsr & MODE_MASK) == MODE_USR;
}

void fault_catch_cancel(void)
{
	fault_catcher_armed[read_mpidr() & 3] = NULL;
}

/*
 * If a catcher is armed for this kind of fault, record the fault in it and
 * make the exception return to fault_catch_resume (boot/vectors.S) in the
 * catcher's mode, which returns 1 from fault_catch().
 */
static struct fault_catcher *fault_catch_take(const struct fault_info *fault,
					      struct exception_frame *frame)
{
	unsigned core = read_mpidr() & 3;
	struct fault_catcher *catcher = fault_catcher_armed[core];

	if (!catcher || !(catcher->kinds & fault->kind))
		return NULL;
	fault_catcher_armed[core] = NULL;
	catcher->fault = *fault;
	frame->r[0] = (uint32_t)catcher;
	frame->pc = (uint32_t)fault_catch_resume;
	frame->cpsr = catcher->cpsr & ~PSR_T; /* fault_catch_resume is ARM code */
	return catcher;
}

void exception_print_frame(const struct exception_frame *frame)
{
	uint32_t psr = frame->cpsr;

	kprintf("  pc  0x%08lx  cpsr 0x%08lx (%s, %s%s%s%s)\n", (unsigned long)frame->pc,
		(unsigned long)psr, psr_mode_name(psr), (psr & PSR_T) ? "Thumb" : "ARM",
		(psr & PSR_I) ? ", IRQ masked" : "", (psr & PSR_F) ? ", FIQ masked" : "",
		(psr & PSR_A) ? ", aborts masked" : "");
	for (int i = 0; i < 12; i += 4) {
		kprintf("  r%-2d 0x%08lx  r%-2d 0x%08lx  r%-2d 0x%08lx  r%-2d 0x%08lx\n", i,
			(unsigned long)frame->r[i], i + 1, (unsigned long)frame->r[i + 1], i + 2,
			(unsigned long)frame->r[i + 2], i + 3, (unsigned long)frame->r[i + 3]);
	}
	kprintf("  r12 0x%08lx  sp  0x%08lx  lr  0x%08lx\n", (unsigned long)frame->r[12],
		(unsigned long)frame->sp, (unsigned long)frame->lr);
}

/*
 * A data abort on a guard page is a stack that ran off its bottom: say so,
 * naming the stack, into line (empty if it is not one).
 */
static void describe_stack_overflow(const struct fault_info *fault, char *line, size_t size)
{
	struct stack_guard stack;

	line[0] = '\0';
	if (fault->kind == FAULT_DATA_ABORT && !fault_status_decode(fault->status)->async &&
	    stack_guard_find(fault->address, &stack))
		snprintf(line, size,
			 "stack overflow: the %s (0x%08lx-0x%08lx) ran into its guard page",
			 stack.name, (unsigned long)(stack.guard + PAGE_SIZE),
			 (unsigned long)stack.top);
}

static void fault_report(const struct fault_info *fault, const struct exception_frame *frame)
{
	char line[160];

	describe_stack_overflow(fault, line, sizeof(line));
	if (line[0])
		kprintf("\n*** %s", line);
	fault_describe(line, sizeof(line), fault);
	kprintf("\n*** %s\n", line);
	if (fault->kind != FAULT_UNDEFINED) {
		kprintf("  %s 0x%08lx: status 0x%02lx",
			fault->kind == FAULT_DATA_ABORT ? "DFSR" : "IFSR",
			(unsigned long)fault->status,
			(unsigned long)fault_status_code(fault->status));
		if (fault->kind == FAULT_DATA_ABORT &&
		    fault_status_decode(fault->status)->level != FAULT_LEVEL_NONE)
			kprintf(", domain %lu",
				(unsigned long)((fault->status >> FSR_DOMAIN_SHIFT) &
						FSR_DOMAIN_MASK));
		if (fault->status & FSR_EXT)
			kprintf(", external abort type 1");
		if (fault->kind == FAULT_DATA_ABORT && (fault->status & FSR_CM))
			kprintf(", during cache maintenance");
		kprintf("\n");
		/* What the table says about the address: which level faulted, and why. */
		if (!fault_status_decode(fault->status)->async)
			kernel_map_walk(fault->address);
	}
	exception_print_frame(frame);
	/* From the faulting instruction; r11 is the interrupted code's fp. */
	backtrace_from(fault->pc, frame->lr, frame->r[11], frame->sp);
}

static void fault_handle(const struct fault_info *fault, struct exception_frame *frame)
{
	struct fault_catcher *catcher;
	char line[160];

	enum fault_action action;

	/* A process's fault is its own: resolved, or the process is killed (mm/page_fault.c). */
	if (from_user(frame) && user_fault_handler) {
		if (user_fault_handler(fault, frame)) {
			process_return_to_user();
			return;
		}
	}
	action = fault->kind == FAULT_UNDEFINED ? FAULT_ACTION_UNDEFINED
						: fault_status_decode(fault->status)->action;
	/* Whoever handles this kind of fault first (a page-fault handler), then a test's catcher. */
	if (!from_user(frame) && fault_handlers[action] && fault_handlers[action](fault, frame))
		return;
	catcher = fault_catch_take(fault, frame);
	if (catcher) {
		if (catcher->kinds & FAULT_CATCH_QUIET)
			return; /* the catcher's owner says what happened */
		describe_stack_overflow(fault, line, sizeof(line));
		if (line[0])
			kprintf("expected fault caught: %s\n", line);
		fault_describe(line, sizeof(line), fault);
		kprintf("expected fault caught: %s\n", line);
		return;
	}
	if (fatal_stopping()) {
		/* The report of an earlier fault, or a halt, faulted: one line, and stop. */
		fault_describe(line, sizeof(line), fault);
		kprintf("\n*** %s\n", line);
		fatal_stop("a fault while stopping");
	}
	fault_report(fault, frame);
	fatal_stop("unexpected fault (report above)");
}

/*
 * Undefined instruction. frame->pc is the link value: the next instruction,
 * so the undefined one is 4 (ARM) or 2 (Thumb) before it (ARM ARM B1.9.6).
 */
void exception_undefined(struct exception_frame *frame)
{
	uint32_t size = (frame->cpsr & PSR_T) ? 2 : 4;
	uint32_t address = frame->pc - size;
	struct fault_info fault = {
		.kind = FAULT_UNDEFINED,
		.status = size == 4 ? *(const uint32_t *)address : *(const uint16_t *)address,
		.address = address,
		.pc = address,
		.cpsr = frame->cpsr,
	};

	/* A process's first VFP or NEON instruction: the unit is its now; run it again. */
	if (from_user(frame) && fpu_first_use(current_thread())) {
		frame->pc = address;
		process_return_to_user();
		return;
	}
	fault_handle(&fault, frame);
}

/* Prefetch abort: frame->pc is the instruction whose fetch faulted. */
void exception_prefetch_abort(struct exception_frame *frame)
{
	struct fault_info fault = {
		.kind = FAULT_PREFETCH_ABORT,
		.status = read_ifsr(),
		.address = read_ifar(),
		.pc = frame->pc,
		.cpsr = frame->cpsr,
	};

	fault_handle(&fault, frame);
}

/* Data abort: frame->pc is the instruction whose access faulted. */
void exception_data_abort(struct exception_frame *frame)
{
	struct fault_info fault = {
		.kind = FAULT_DATA_ABORT,
		.status = read_dfsr(),
		.address = read_dfar(),
		.pc = frame->pc,
		.cpsr = frame->cpsr,
	};

	if (fault_status_decode(fault.status)->async)
		fault.address = 0; /* DFAR is UNKNOWN (ARM ARM B4.1.52) */
	fault_handle(&fault, frame);
}

/*
 * SVC from the kernel (a process's go to syscall_from_user straight from
 * boot/vectors.S). The only one the kernel makes is the semihosting call: when it
 * arrives here, no host caught it (hardware, or QEMU without -semihosting),
 * so answer "no host" in r0 and carry on after the svc.
 */
void exception_svc(struct exception_frame *frame)
{
	uint32_t number;

	if (frame->cpsr & PSR_T)
		number = *(const uint16_t *)(frame->pc - 2) & 0xFF;
	else
		number = *(const uint32_t *)(frame->pc - 4) & 0x00FFFFFF;
	if (number == SEMIHOST_SVC_ARM && (frame->cpsr & MODE_MASK) != MODE_USR) {
		frame->r[0] = SEMIHOST_NO_HOST;
		return;
	}
	kprintf("\n*** unexpected svc 0x%06lx at pc 0x%08lx\n", (unsigned long)number,
		(unsigned long)(frame->pc - 4));
	exception_print_frame(frame);
	panic("svc 0x%06lx has no handler", (unsigned long)number);
}

/* IRQ: on the SVC stack (boot/vectors.S), IRQs masked; kernel/irq.c finds the source. */
void exception_irq(struct exception_frame *frame)
{
	irq_dispatch(frame);
	if (from_user(frame))
		process_return_to_user(); /* the end of its turn, or a kill */
}

/*
 * An FIQ, and bramble uses none: report it, switch off whatever could send
 * this core one (the core-local block's FIQ routes), and go on with FIQs
 * masked in the interrupted code, so that a source nobody knows of cannot
 * take the core over.
 */
void exception_fiq(struct exception_frame *frame)
{
	fiq_count++;
	fiq_last = *frame;
	kprintf("\n*** FIQ taken, and bramble has no FIQ handler: this core's FIQ sources are "
		"switched off, FIQs masked where it was\n");
	exception_print_frame(frame);
	local_fiq_sources_off(read_mpidr() & 3);
	frame->cpsr |= PSR_F;
}

unsigned exception_fiq_count(void)
{
	return fiq_count;
}

const struct exception_frame *exception_last_fiq(void)
{
	return &fiq_last;
}

void exception_unused(struct exception_frame *frame)
{
	exception_print_frame(frame);
	panic("exception through an unused vector (reset or Hyp trap)");
}
