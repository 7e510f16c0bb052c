/*
 * kernel/arm/switch.S - switching the core from one thread to another
 * (kernel/thread.h).
 *
 * A switch is a function call that returns in another thread: the
 * registers AAPCS makes a callee keep (r4-r11), sp and the return address
 * go into the old thread's struct thread_context, the new thread's come
 * out of its own. Everything else the caller of thread_switch already
 * treats as clobbered. (STM and LDM with sp in the list are deprecated in
 * ARM state, ARM ARM A8.8.199: sp and lr go separately.)
 */
#include "arch/arm.h"

	.syntax unified
	.arm
	.text

/* void thread_switch(struct thread_context *from, struct thread_context *to) */
	.global thread_switch
	.type	thread_switch, %function
thread_switch:
	stmia	r0, {r4-r11}
	str	sp, [r0, #32]
	str	lr, [r0, #36]
	ldmia	r1, {r4-r11}
	ldr	sp, [r1, #32]
	ldr	lr, [r1, #36]
	bx	lr
	.size	thread_switch, . - thread_switch

/*
 * Where a new kernel thread's first switch returns to: r4 = its function,
 * r5 = the argument (thread_create put them in its context).
 */
	.global thread_start_kernel
	.type	thread_start_kernel, %function
thread_start_kernel:
	mov	fp, #0                          @ backtraces end here
	mov	r0, r4
	mov	r1, r5
	bl	thread_entry                    @ never returns
	.size	thread_start_kernel, . - thread_start_kernel

/*
 * Where a new user thread's first switch returns to: r4 = its trap frame,
 * at the top of its kernel stack. After the scheduler's bookkeeping, the
 * frame goes back to user mode as any return from an exception does.
 */
	.global thread_start_user
	.type	thread_start_user, %function
thread_start_user:
	mov	fp, #0
	bl	thread_started
	mov	sp, r4
	b	trap_return
	.size	thread_start_user, . - thread_start_user
