/*
 * boot/vectors.S - the exception vector table, exception entry and exit,
 * and the assembly half of expected faults (fault_catch).
 *
 * The table is position independent (each entry loads an absolute address
 * from the literal that follows the table), so start.S can copy it to
 * physical 0, where VBAR = 0x80000000 finds it through the linear map.
 */
#include "arch/arm.h"
#include "kernel/exception.h"

	.syntax unified
	.arm

	.section .text.vectors, "ax"
	.balign 32                              @ VBAR needs 32-byte alignment
	.global vectors_start, vectors_end
vectors_start:
	ldr	pc, vector_reset
	ldr	pc, vector_undefined
	ldr	pc, vector_svc
	ldr	pc, vector_prefetch_abort
	ldr	pc, vector_data_abort
	ldr	pc, vector_unused               @ 0x14: Hyp trap, only in Hyp's own table
	ldr	pc, vector_irq
	ldr	pc, vector_fiq
vector_reset:           .word entry_unused
vector_undefined:       .word entry_undefined
vector_svc:             .word entry_svc
vector_prefetch_abort:  .word entry_prefetch_abort
vector_data_abort:      .word entry_data_abort
vector_unused:          .word entry_unused
vector_irq:             .word entry_irq
vector_fiq:             .word entry_fiq
vectors_end:

	.text

/*
 * exception_entry: save the interrupted context as a struct exception_frame
 * on this mode's stack, call the C handler with it, and return through
 * exception_return.
 *   mode       the mode this exception is taken in (for srs)
 *   lr_offset  what to subtract from lr to get the return address
 *              (ARM ARM B1.8.3, Table B1-7: prefetch abort, IRQ, FIQ 4,
 *              data abort 8; undefined and SVC are left as they are, their
 *              handlers know the instruction set from the SPSR)
 *   handler    C function taking the frame
 * FIQ mode has r8-r12 of its own (B1.3.2): there the interrupted mode's
 * r8-r12 are saved and restored with the User-register forms of STM and
 * LDM, which reach the r8-r12 that every mode but FIQ shares (an FIQ never
 * interrupts FIQ mode: entry masks FIQ).
 */
.macro exception_entry mode, lr_offset, handler
	.if \lr_offset
	sub	lr, lr, #\lr_offset
	.endif
	srsdb	sp!, #\mode                     @ push return address, then SPSR
	sub	sp, sp, #(FRAME_PC - FRAME_SP)  @ sp, lr, reserved
	.if \mode == MODE_FIQ
	sub	sp, sp, #(FRAME_SP - FRAME_R8)
	stmia	sp, {r8-r12}^                   @ the interrupted mode's r8-r12
	push	{r0-r7}
	.else
	push	{r0-r12}
	.endif
	mov	r0, sp
	bl	save_interrupted_sp_lr
	mov	r4, sp                          @ the frame; r4 survives the call
	bic	sp, sp, #7                      @ AAPCS: 8-byte aligned stack at calls
	mov	r0, r4
	bl	\handler
	mov	sp, r4
	.if \mode == MODE_FIQ
	b	exception_return_fiq
	.else
	b	exception_return
	.endif
.endm

/*
 * trap_to_svc: the same frame, built on the SVC stack, for what the kernel
 * handles in SVC mode: every IRQ, every SVC, and faults taken from user
 * mode (the processes' kernel stacks are SVC stacks). lr already holds the
 * return address. The interrupted sp and lr are the User bank's (STM of
 * the User registers) when it was User or System mode; when it was SVC,
 * its sp is the stack above the frame and its lr is the one SVC mode still
 * holds (an IRQ or a fault does not change lr_svc; an SVC taken in SVC mode
 * has overwritten it with the return address, as semihosting's callers
 * know). trap_return restores both on the way back. Clobbers nothing the
 * frame does not hold.
 */
.macro trap_to_svc handler
	srsdb	sp!, #MODE_SVC                  @ the return address and SPSR, onto the SVC stack
	cps	#MODE_SVC
	sub	sp, sp, #FRAME_PC               @ r0-r12, sp, lr, reserved
	stmia	sp, {r0-r12}
	add	r0, sp, #FRAME_SP
	stmia	r0, {sp, lr}^                   @ User's sp and lr
	ldr	r1, [sp, #FRAME_CPSR]
	tst	r1, #(MODE_MASK & ~MODE_USR)    @ User (0x10): no other mode bit set
	beq	1f
	and	r1, r1, #MODE_MASK
	cmp	r1, #MODE_SYS                   @ System mode banks with User
	addne	r2, sp, #FRAME_SIZE             @ SVC: its sp was above the frame
	stmiane	r0, {r2, lr}                    @ ...and its lr is ours
1:	mov	r4, sp                          @ the frame; r4 survives the call
	bic	sp, sp, #7                      @ AAPCS: 8-byte aligned stack at calls
	mov	r0, r4
	bl	\handler
	mov	sp, r4
	b	trap_return
.endm

/*
 * A fault: on its own mode's stack when the kernel faulted (so that even
 * an SVC stack run into its guard page is reported from a good stack), on
 * the SVC stack when a user program did. The test needs one scratch
 * register, kept below the mode's stack meanwhile.
 */
.macro fault_entry mode, lr_offset, handler
	.if \lr_offset
	sub	lr, lr, #\lr_offset
	.endif
	str	r0, [sp, #-4]
	mrs	r0, spsr
	tst	r0, #(MODE_MASK & ~MODE_USR)
	ldr	r0, [sp, #-4]
	beq	2f
	exception_entry \mode, 0, \handler
2:	trap_to_svc \handler
.endm

/*
 * entry_svc: a system call from a process, the common case, takes the
 * short way: the frame as trap_to_svc builds it for User mode, straight
 * to syscall_from_user (the number is r7's, as the EABI has it), and back
 * by trap_return_user. The SVC exception itself entered SVC mode, so no
 * cps. An SVC from the kernel (a semihosting call) undoes the first three
 * steps, whose stores went only to free stack below sp with IRQs masked,
 * and takes the general way to exception_svc.
 */
entry_svc:
	srsdb	sp!, #MODE_SVC                  @ the return address and SPSR
	sub	sp, sp, #FRAME_PC
	stmia	sp, {r0-r12}
	mrs	r0, spsr
	tst	r0, #(MODE_MASK & ~MODE_USR)    @ User (0x10): no other mode bit set
	bne	1f
	add	r0, sp, #FRAME_SP
	stmia	r0, {sp, lr}^                   @ User's sp and lr
	mov	r0, sp                          @ the frame: 8-byte aligned (a kernel stack's top less 72)
	bl	syscall_from_user
	b	trap_return_user
1:	ldr	r0, [sp]
	add	sp, sp, #(FRAME_PC + 8)
	trap_to_svc exception_svc

entry_undefined:        fault_entry MODE_UND, 0, exception_undefined
entry_prefetch_abort:   fault_entry MODE_ABT, 4, exception_prefetch_abort
entry_data_abort:       fault_entry MODE_ABT, 8, exception_data_abort
entry_irq:              sub lr, lr, #4
			trap_to_svc exception_irq
entry_fiq:              exception_entry MODE_FIQ, 4, exception_fiq
entry_unused:           exception_entry MODE_SVC, 0, exception_unused

/*
 * trap_return: from a frame on the SVC stack (trap_to_svc), in SVC mode:
 * IRQs masked again, the interrupted sp and lr back where they live (the
 * User bank, or SVC's lr), r0-r12, then the return address and CPSR (rfe).
 * In: sp = frame.
 */
	.global trap_return
	.type	trap_return, %function
trap_return:
	cpsid	i
	ldr	r1, [sp, #FRAME_CPSR]
	add	r0, sp, #FRAME_SP
	tst	r1, #(MODE_MASK & ~MODE_USR)
	beq	1f
	and	r1, r1, #MODE_MASK
	cmp	r1, #MODE_SYS
	ldrne	lr, [sp, #FRAME_LR]             @ SVC: its lr
	bne	2f
1:	ldmia	r0, {sp, lr}^                   @ User or System: the User bank's
2:	ldmia	sp, {r0-r12}
	add	sp, sp, #FRAME_PC
	rfeia	sp!

/*
 * trap_return_user: trap_return for a frame known to return to User mode
 * (a system call's): the User bank's sp and lr, r0-r12, the return address
 * and CPSR. In: sp = frame, IRQs masked. syscall_from_user returns with them
 * masked on every path (the SVC entry masked them, and whatever unmasks
 * them in between masks them again or restores the CPSR it found), so no
 * cpsid here: an IRQ after the User bank is loaded could switch threads and
 * load another's.
 */
	.global trap_return_user
	.type	trap_return_user, %function
trap_return_user:
	add	r0, sp, #FRAME_SP
	ldmia	r0, {sp, lr}^
	ldmia	sp, {r0-r12}
	add	sp, sp, #FRAME_PC
	rfeia	sp!

/*
 * exception_return: restore r0-r12 from the frame on the stack and return
 * to frame->pc with CPSR = frame->cpsr (rfe). In: sp = frame.
 */
exception_return:
	pop	{r0-r12}
	add	sp, sp, #(FRAME_PC - FRAME_SP)
	rfeia	sp!

/* The same from FIQ mode: r8-r12 go back to the interrupted mode (see above). */
exception_return_fiq:
	pop	{r0-r7}
	ldmia	sp, {r8-r12}^
	add	sp, sp, #(FRAME_PC - FRAME_R8)
	rfeia	sp!

/*
 * save_interrupted_sp_lr: fill frame->sp and frame->lr with the banked sp
 * and lr of the mode the exception interrupted, by visiting that mode
 * (User's registers are System's). If it is this very mode, the sp before
 * the exception is just above the frame and lr was overwritten by the
 * exception itself, so frame->lr gets the return address.
 * In: r0 = frame. Clobbers r1-r3.
 */
save_interrupted_sp_lr:
	ldr	r1, [r0, #FRAME_CPSR]
	and	r1, r1, #MODE_MASK
	cmp	r1, #MODE_USR
	moveq	r1, #MODE_SYS
	mrs	r2, cpsr
	and	r3, r2, #MODE_MASK
	cmp	r1, r3
	beq	1f
	orr	r1, r1, #(PSR_I | PSR_F)
	msr	cpsr_c, r1
	mov	r3, sp
	mov	r1, lr
	msr	cpsr_c, r2
	str	r3, [r0, #FRAME_SP]
	str	r1, [r0, #FRAME_LR]
	bx	lr
1:	add	r3, r0, #FRAME_SIZE
	str	r3, [r0, #FRAME_SP]
	ldr	r1, [r0, #FRAME_PC]
	str	r1, [r0, #FRAME_LR]
	bx	lr

/*
 * int fault_catch(struct fault_catcher *catcher, unsigned kinds)
 * Arm the catcher: record the callee-saved registers, sp, lr and CPSR
 * (include/kernel/exception.h, struct fault_catcher) and the kinds of fault
 * expected, make it the armed catcher, return 0.
 * In: r0 = catcher, r1 = kinds. Out: r0 = 0. Clobbers r2, r3.
 */
	.global fault_catch
	.type	fault_catch, %function
fault_catch:
	stmia	r0, {r4-r11}
	str	sp, [r0, #CATCHER_SP]
	str	lr, [r0, #CATCHER_LR]
	mrs	r2, cpsr
	str	r2, [r0, #CATCHER_CPSR]
	str	r1, [r0, #CATCHER_KINDS]
	ldr	r2, =fault_catcher_armed        @ this core's slot: armed[MPIDR & 3]
	mrc	p15, 0, r3, c0, c0, 5
	and	r3, r3, #3
	str	r0, [r2, r3, lsl #2]
	mov	r0, #0
	bx	lr

/*
 * fault_catch_resume: second return from fault_catch(), with 1. The abort
 * handler returns here (frame->pc) in the catcher's mode, with r0 = catcher.
 */
	.global fault_catch_resume
	.type	fault_catch_resume, %function
fault_catch_resume:
	ldmia	r0, {r4-r11}
	ldr	sp, [r0, #CATCHER_SP]
	ldr	lr, [r0, #CATCHER_LR]
	mov	r0, #1
	bx	lr
