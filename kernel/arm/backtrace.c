/*
 * kernel/arm/backtrace.c - frame-pointer backtraces (see kernel/backtrace.h).
 *
 * A walk is a loop over frame records, each checked before it is read:
 *
 *   fp == 0                       the end
 *   fp % 4 != 0                   stop: misaligned
 *   [fp - 4, fp + 4) not in stack stop: outside
 *   fp <= the previous record     stop: not above (the stack grows down, so
 *                                 callers' records are at higher addresses)
 *   [fp] not in the kernel text   stop: not a return address
 *   else                          record [fp], go on with fp = [fp - 4]
 *
 * Only the first frame of a walk from registers needs more: its function may
 * be a leaf, or may not have pushed its record yet (frame_shape_at(), and
 * frame_shape_confirm() where the prologue is not at the function's start).
 */
#include "kernel/backtrace.h"

#include <stddef.h>
#include <stdio.h>

#include "kernel/ksyms.h"
#include "kernel/printk.h"
#include "kernel/sections.h"
#include "layout.h"

/*
 * The instructions of GCC's ARM-state prologue (ARM ARM A8.8, "PUSH",
 * "STR (immediate, ARM)", "ADD (SP plus immediate)"; condition AL), and
 * of a call ("BL, BLX (immediate)": cond 1011 imm24, target = its address
 * + 8 + imm24 * 4; cond 1111 is BLX, a call into Thumb code):
 *   push {list}            stmdb sp!, {list}   0xE92D0000 | list
 *   push {fp}              str fp, [sp, #-4]!  0xE52DB004
 *   add fp, sp, #imm                           0xE28DB000 | imm12
 *   bl<cond> label                             0x0B000000 | cond << 28 | imm24
 */
#define INSN_PUSH_MASK          0xFFFF0000U
#define INSN_PUSH               0xE92D0000U
#define INSN_PUSH_FP            0xE52DB004U
#define INSN_ADD_FP_SP_MASK     0xFFFFF000U
#define INSN_ADD_FP_SP          0xE28DB000U
#define INSN_BL_MASK            0x0F000000U
#define INSN_BL                 0x0B000000U
#define INSN_COND_UNCONDITIONAL 0xFU
#define REGISTER_BIT(n)         (1U << (n))
#define REG_FP                  11
#define REG_LR                  14

/*
 * How far into a function its prologue may reach: GCC schedules other
 * instructions in between (loads of arguments, the varargs push), but the
 * record is always set up within the first few.
 */
#define PROLOGUE_MAX_INSNS 16

/* The shape of the innermost frame of interrupted code (kernel/backtrace.h). */
enum frame_shape {
	FRAME_NOT_SET_UP, /* fp is still the caller's; the caller is in lr */
	FRAME_LEAF,       /* fp -> the caller's fp; the caller is in lr */
	FRAME_RECORD,     /* fp -> the return address, fp - 4 -> the caller's fp */
};

/* Each mode's stack in a core's block of .stacks (include/layout.h). */
static const struct {
	uint32_t top; /* offset of its initial sp from the block's start */
	uint32_t size;
} kernel_stacks[] = {
	{ STACK_TOP_SVC, STACK_SIZE_SVC },       { STACK_TOP_ABT, STACK_SIZE_EXCEPTION },
	{ STACK_TOP_UND, STACK_SIZE_EXCEPTION }, { STACK_TOP_IRQ, STACK_SIZE_EXCEPTION },
	{ STACK_TOP_FIQ, STACK_SIZE_EXCEPTION },
};

static const char *const stop_reasons[] = {
	[BACKTRACE_STOP_END] = "the outermost frame",
	[BACKTRACE_STOP_FULL] = "more frames not shown, next fp",
	[BACKTRACE_STOP_NO_STACK] = "sp is on no kernel stack",
	[BACKTRACE_STOP_FP_OUTSIDE] = "frame pointer outside the stack",
	[BACKTRACE_STOP_FP_MISALIGNED] = "frame pointer not word aligned",
	[BACKTRACE_STOP_FP_NOT_ABOVE] = "frame pointer not above the frame before",
	[BACKTRACE_STOP_PC_OUTSIDE_TEXT] = "return address outside the kernel text",
};

bool backtrace_kernel_stack(uintptr_t address, struct backtrace_stack *stack)
{
	uintptr_t start = (uintptr_t)__stacks_start, offset, block;

	if (address < start || address >= (uintptr_t)__stacks_end)
		return false;
	offset = (address - start) % CORE_STACKS_SIZE;
	block = address - offset;
	for (unsigned i = 0; i < sizeof(kernel_stacks) / sizeof(kernel_stacks[0]); i++) {
		if (offset >= kernel_stacks[i].top - kernel_stacks[i].size &&
		    offset < kernel_stacks[i].top) {
			stack->low = block + kernel_stacks[i].top - kernel_stacks[i].size;
			stack->high = block + kernel_stacks[i].top;
			return true;
		}
	}
	return false; /* a guard page */
}

static bool in_text(uintptr_t address)
{
	return address >= (uintptr_t)__text_start && address < (uintptr_t)__text_end;
}

/* Whether the words [fp - below, fp + 4) are on the stack (written to avoid overflow). */
static bool on_stack(uintptr_t fp, uintptr_t below, const struct backtrace_stack *stack)
{
	return fp >= stack->low && fp - stack->low >= below && fp < stack->high &&
	       stack->high - fp >= 4;
}

/* Check the record at fp (see the table at the top); 0 if it may be read. */
static int check_record(uintptr_t fp, uintptr_t below, uintptr_t previous,
			const struct backtrace_stack *stack, struct backtrace_end *end)
{
	end->value = fp;
	if (fp & 3)
		end->stop = BACKTRACE_STOP_FP_MISALIGNED;
	else if (!on_stack(fp, below, stack))
		end->stop = BACKTRACE_STOP_FP_OUTSIDE;
	else if (fp <= previous)
		end->stop = BACKTRACE_STOP_FP_NOT_ABOVE;
	else
		return 0;
	return -1;
}

/* Follow the chain of full records from fp, appending to pcs[count..max). */
static unsigned walk_records(uintptr_t fp, uintptr_t previous, const struct backtrace_stack *stack,
			     uintptr_t *pcs, unsigned count, unsigned max,
			     struct backtrace_end *end)
{
	for (;;) {
		uintptr_t return_address;

		if (fp == 0) {
			end->stop = BACKTRACE_STOP_END;
			end->value = 0;
			return count;
		}
		if (count >= max) {
			end->stop = BACKTRACE_STOP_FULL;
			end->value = fp;
			return count;
		}
		if (check_record(fp, 4, previous, stack, end))
			return count;
		return_address =
			((const uint32_t *)fp)[0] & ~1U; /* bit 0: a return to Thumb code */
		if (!in_text(return_address)) {
			end->stop = BACKTRACE_STOP_PC_OUTSIDE_TEXT;
			end->value = return_address;
			return count;
		}
		pcs[count++] = return_address;
		previous = fp;
		fp = ((const uint32_t *)fp)[-1];
	}
}

/*
 * Whether the function holding pc had set up its record when it was
 * stopped there, and of which shape: look for the push that saves fp and
 * the add that points fp at it, between the function's start (*function)
 * and pc. A function the table does not know, or Thumb code, has no such
 * prologue.
 */
static enum frame_shape frame_shape_at(uintptr_t pc, uintptr_t *function)
{
	enum frame_shape pushed = FRAME_NOT_SET_UP;
	uintptr_t offset, address;

	*function = 0;
	if ((pc & 3) || !ksyms_lookup(pc, &offset))
		return FRAME_NOT_SET_UP;
	*function = pc - offset;
	for (address = *function; address < pc && address - *function < PROLOGUE_MAX_INSNS * 4;
	     address += 4) {
		uint32_t insn = *(const uint32_t *)address;

		if ((insn & INSN_PUSH_MASK) == INSN_PUSH && (insn & REGISTER_BIT(REG_FP)))
			pushed = (insn & REGISTER_BIT(REG_LR)) ? FRAME_RECORD : FRAME_LEAF;
		else if (insn == INSN_PUSH_FP)
			pushed = FRAME_LEAF;
		else if ((insn & INSN_ADD_FP_SP_MASK) == INSN_ADD_FP_SP &&
			 pushed != FRAME_NOT_SET_UP)
			return pushed;
	}
	return FRAME_NOT_SET_UP;
}

/* The function the call before return_address calls, if that is a BL; else 0. */
static uintptr_t call_target(uintptr_t return_address)
{
	uintptr_t call = return_address - 4;
	uint32_t insn;

	if ((call & 3) || !in_text(call))
		return 0;
	insn = *(const uint32_t *)call;
	if ((insn & INSN_BL_MASK) != INSN_BL || (insn >> 28) == INSN_COND_UNCONDITIONAL)
		return 0;
	return call + 8 + (uintptr_t)((int32_t)(insn << 8) >> 6);
}

/*
 * GCC's shrink-wrapping may place the prologue after an early exit, so code
 * that lies past the prologue can run without it. Cross-check the shape
 * with what fp points at: a leaf's record holds a saved fp (a stack address
 * or 0), never a text address; a full record set up by this function holds
 * a return address from a call of it, so one whose call went elsewhere,
 * while lr does come from a call of this function, is the caller's.
 */
static enum frame_shape frame_shape_confirm(enum frame_shape shape, uintptr_t function,
					    uintptr_t fp, uintptr_t lr,
					    const struct backtrace_stack *stack)
{
	uintptr_t saved, target;

	if (shape == FRAME_NOT_SET_UP || (fp & 3) || !on_stack(fp, 0, stack))
		return shape;
	saved = *(const uint32_t *)fp;
	if (shape == FRAME_LEAF)
		return in_text(saved & ~1U) ? FRAME_NOT_SET_UP : FRAME_LEAF;
	target = call_target(saved & ~1U);
	if (target != 0 && target != function && call_target(lr & ~1U) == function)
		return FRAME_NOT_SET_UP;
	return FRAME_RECORD;
}

static bool stack_of(const struct backtrace_start *start, struct backtrace_stack *stack)
{
	if (start->stack.high != 0) {
		*stack = start->stack;
		return stack->low < stack->high;
	}
	return backtrace_kernel_stack(start->sp, stack) || backtrace_kernel_stack(start->fp, stack);
}

unsigned backtrace_collect(const struct backtrace_start *start, uintptr_t *pcs, unsigned max,
			   struct backtrace_end *end)
{
	struct backtrace_stack stack = { 0, 0 };
	enum frame_shape shape;
	uintptr_t fp = start->fp, previous = 0, caller = start->lr & ~1U, function;
	unsigned count = 0;

	*end = (struct backtrace_end){ BACKTRACE_STOP_FULL, start->pc, stack };
	if (max == 0)
		return 0;
	pcs[count++] = start->pc; /* even outside the text: a jump to nowhere */
	if (!stack_of(start, &stack)) {
		end->stop = BACKTRACE_STOP_NO_STACK;
		end->value = start->sp;
		return count;
	}
	end->stack = stack;
	shape = frame_shape_at(start->pc, &function);
	shape = frame_shape_confirm(shape, function, fp, start->lr, &stack);
	if (shape == FRAME_RECORD)
		return walk_records(fp, previous, &stack, pcs, count, max, end);

	/* The caller is in lr; a leaf's record holds just the caller's fp. */
	if (count >= max) {
		end->value = caller;
		return count;
	}
	if (!in_text(caller)) {
		end->stop = BACKTRACE_STOP_PC_OUTSIDE_TEXT;
		end->value = caller;
		return count;
	}
	pcs[count++] = caller;
	if (shape == FRAME_LEAF) {
		if (check_record(fp, 0, previous, &stack, end))
			return count;
		previous = fp;
		fp = *(const uint32_t *)fp;
	}
	return walk_records(fp, previous, &stack, pcs, count, max, end);
}

/*
 * The walk behind backtrace_collect_here() and backtrace_here(), from their
 * own record. Out of line, so that they call something and so have a full
 * record (a leaf's holds no return address).
 */
static __attribute__((noinline)) unsigned collect_from_record(uintptr_t fp,
							      const struct backtrace_stack *given,
							      uintptr_t *pcs, unsigned max,
							      struct backtrace_end *end)
{
	struct backtrace_stack stack = { 0, 0 };

	*end = (struct backtrace_end){ BACKTRACE_STOP_NO_STACK, fp, stack };
	if (given)
		stack = *given;
	else if (!backtrace_kernel_stack(fp, &stack))
		return 0;
	end->stack = stack;
	return walk_records(fp, 0, &stack, pcs, 0, max, end);
}

unsigned backtrace_collect_here(const struct backtrace_stack *stack, uintptr_t *pcs, unsigned max,
				struct backtrace_end *end)
{
	unsigned count =
		collect_from_record((uintptr_t)__builtin_frame_address(0), stack, pcs, max, end);

	/* Not a tail call: this record must stay on the stack while it is walked. */
	__asm__ volatile("" ::: "memory");
	return count;
}

void backtrace_format_frame(char *buffer, size_t size, unsigned index, uintptr_t address,
			    bool return_address)
{
	/* A return address is named by its call, the instruction before it. */
	uintptr_t adjust = return_address ? 1 : 0, offset;
	const char *name = ksyms_lookup(address - adjust, &offset);

	if (name)
		snprintf(buffer, size, "  #%u 0x%08lx %s+0x%lx", index, (unsigned long)address,
			 name, (unsigned long)(offset + adjust));
	else
		snprintf(buffer, size, "  #%u 0x%08lx ?", index, (unsigned long)address);
}

void backtrace_print(const uintptr_t *pcs, unsigned count, const struct backtrace_end *end)
{
	char line[BACKTRACE_LINE_SIZE];

	kprintf("backtrace:\n");
	for (unsigned i = 0; i < count; i++) {
		backtrace_format_frame(line, sizeof(line), i, pcs[i], i > 0);
		kprintf("%s\n", line);
	}
	if (end->stop == BACKTRACE_STOP_END)
		return;
	kprintf("  (%s: 0x%08lx", stop_reasons[end->stop], (unsigned long)end->value);
	if (end->stack.high)
		kprintf("; stack 0x%08lx-0x%08lx", (unsigned long)end->stack.low,
			(unsigned long)end->stack.high - 1);
	kprintf(")\n");
}

void backtrace_from(uintptr_t pc, uintptr_t lr, uintptr_t fp, uintptr_t sp)
{
	struct backtrace_start start = { pc, lr, fp, sp, { 0, 0 } };
	struct backtrace_end end;
	uintptr_t pcs[BACKTRACE_MAX_FRAMES];
	unsigned count = backtrace_collect(&start, pcs, BACKTRACE_MAX_FRAMES, &end);

	backtrace_print(pcs, count, &end);
}

void backtrace_here(void)
{
	struct backtrace_end end;
	uintptr_t pcs[BACKTRACE_MAX_FRAMES];
	unsigned count = collect_from_record((uintptr_t)__builtin_frame_address(0), NULL, pcs,
					     BACKTRACE_MAX_FRAMES, &end);

	backtrace_print(pcs, count, &end);
}
