/*
 * kernel/backtrace.h - which calls led here: a walk of the frame-pointer chain.
 *
 * The kernel is built with -marm -fno-omit-frame-pointer, so GCC gives every
 * C function a frame record on the stack and points fp (r11) at it. There
 * are two shapes (not an AAPCS rule: GCC's ARM-state layout, checked against
 * the disassembly of this kernel):
 *
 *   a function that calls              a leaf, which calls nothing
 *     push {..., fp, lr}                 push {..., fp}
 *     add  fp, sp, #4 * (pushed - 1)     add  fp, sp, #4 * (pushed - 1)
 *
 *     fp -> | return address (lr) |      fp -> | caller's fp |
 *           | caller's fp         |            (lr stays in the register)
 *           | (callee-saved regs) |      (addresses decrease downwards)
 *
 * Every record that a walk reaches through the chain belongs to a function
 * that was calling another, so it has the first shape. Only the innermost frame
 * of an interrupted context can be a leaf, or a function that has not pushed
 * its record yet; backtrace_collect() tells them apart by reading the
 * function's prologue (and, as GCC may move a prologue past an early exit,
 * by checking what fp points at), and then takes the caller from lr. The
 * boot stub sets fp = 0 before kmain, which ends every chain.
 *
 * A walk reads memory only inside the stack it was given (or the kernel stack
 * that holds sp, include/layout.h) and the kernel text, checks that each record is word aligned,
 * lies above the one before, and holds a return address inside the kernel
 * text, and stops with a reason (enum backtrace_stop) at the first thing that
 * does not hold. So a corrupt stack gives a short backtrace and a note, never
 * a fault.
 *
 * A function that ends in a tail call has no frame left when its callee
 * runs, so it is missing from the trace (as in every frame-pointer walk).
 */
#ifndef BRAMBLE_KERNEL_BACKTRACE_H
#define BRAMBLE_KERNEL_BACKTRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* At most this many frames are printed (a recursion would print forever). */
#define BACKTRACE_MAX_FRAMES 32

/* Memory a walk may read frame records from: [low, high). */
struct backtrace_stack {
	uintptr_t low;
	uintptr_t high;
};

/* Where a walk starts: the registers of the code it describes. */
struct backtrace_start {
	uintptr_t pc;                 /* where that code is: the first frame */
	uintptr_t lr;                 /* its caller, while pc's function has lr unsaved */
	uintptr_t fp;                 /* r11 */
	uintptr_t sp;                 /* which kernel stack the records are on ... */
	struct backtrace_stack stack; /* ... unless this is given (high != 0) */
};

/* Why a walk ended. */
enum backtrace_stop {
	BACKTRACE_STOP_END,             /* fp = 0: the outermost frame */
	BACKTRACE_STOP_FULL,            /* as many frames as there was room for */
	BACKTRACE_STOP_NO_STACK,        /* sp (and fp) on no kernel stack, and none given */
	BACKTRACE_STOP_FP_OUTSIDE,      /* a record not wholly on the stack */
	BACKTRACE_STOP_FP_MISALIGNED,   /* fp not a multiple of 4 */
	BACKTRACE_STOP_FP_NOT_ABOVE,    /* a record not above the one before: a loop, or garbage */
	BACKTRACE_STOP_PC_OUTSIDE_TEXT, /* a return address outside the kernel text */
};

struct backtrace_end {
	enum backtrace_stop stop;
	uintptr_t value;              /* the fp or return address that stopped the walk */
	struct backtrace_stack stack; /* the stack walked (0, 0 if none) */
};

/*
 * Walk from start: pcs[0] = start->pc, then the return address of each
 * caller, innermost first. Returns how many (at most max) were stored; *end
 * says why the walk stopped.
 */
unsigned backtrace_collect(const struct backtrace_start *start, uintptr_t *pcs, unsigned max,
			   struct backtrace_end *end);

/*
 * Walk from the caller of this function: pcs[0] is the return address into
 * the caller, pcs[1] into its caller, and so on. stack: the caller's stack,
 * or NULL for the kernel stack that holds it.
 */
unsigned backtrace_collect_here(const struct backtrace_stack *stack, uintptr_t *pcs, unsigned max,
				struct backtrace_end *end) __attribute__((noinline));

/* The kernel stack (include/layout.h: a mode's stack of one core) that holds address. */
bool backtrace_kernel_stack(uintptr_t address, struct backtrace_stack *stack);

/*
 * Print collected frames through kprintf, one a line, "  #1 0x80012345
 * name+0x1c", then a note unless the walk reached the outermost frame.
 * pcs[0] is named as it is; the others are return addresses, named by the
 * call before them (a call to a function that does not return may be the
 * last instruction of its caller).
 */
void backtrace_print(const uintptr_t *pcs, unsigned count, const struct backtrace_end *end);

/* One frame's line of backtrace_print(), without the newline, cut to fit size. */
#define BACKTRACE_LINE_SIZE 96
void backtrace_format_frame(char *buffer, size_t size, unsigned index, uintptr_t address,
			    bool return_address);

/* Collect and print, from given registers (an exception frame) or from the caller. */
void backtrace_from(uintptr_t pc, uintptr_t lr, uintptr_t fp, uintptr_t sp);
void backtrace_here(void) __attribute__((noinline));

#endif /* BRAMBLE_KERNEL_BACKTRACE_H */
