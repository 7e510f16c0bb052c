/*
 * kernel/arm/uaccess.S - copies to and from user memory with the
 * unprivileged loads and stores (kernel/uaccess.h).
 *
 * Each LDRT/STRT is one that may fault; the USER macro records its
 * address and its fixup in __ex_table. A fault the page-fault handler
 * cannot resolve resumes at the fixup with the registers as they were at
 * the faulting instruction: r2 still holds the bytes not yet copied,
 * which is what the copy returns. Word copies when both pointers are
 * word aligned, bytes for the rest.
 */
	.syntax unified
	.arm
	.text

.macro USER insn:vararg
9990:	\insn
	.pushsection __ex_table, "a"
	.balign 4
	.word	9990b, uaccess_fault
	.popsection
.endm

/* size_t uaccess_copy_from(void *to, const void *user_from, size_t size) */
	.global uaccess_copy_from
	.type	uaccess_copy_from, %function
uaccess_copy_from:
	orr	r3, r0, r1
	tst	r3, #3
	bne	2f
1:	cmp	r2, #4
	blo	2f
	USER	ldrt	r3, [r1], #4
	str	r3, [r0], #4
	sub	r2, r2, #4
	b	1b
2:	cmp	r2, #0
	beq	3f
	USER	ldrbt	r3, [r1], #1
	strb	r3, [r0], #1
	sub	r2, r2, #1
	b	2b
3:	mov	r0, #0
	bx	lr
	.size	uaccess_copy_from, . - uaccess_copy_from

/* size_t uaccess_copy_to(void *user_to, const void *from, size_t size) */
	.global uaccess_copy_to
	.type	uaccess_copy_to, %function
uaccess_copy_to:
	orr	r3, r0, r1
	tst	r3, #3
	bne	2f
1:	cmp	r2, #4
	blo	2f
	ldr	r3, [r1], #4
	USER	strt	r3, [r0], #4
	sub	r2, r2, #4
	b	1b
2:	cmp	r2, #0
	beq	3f
	ldrb	r3, [r1], #1
	USER	strbt	r3, [r0], #1
	sub	r2, r2, #1
	b	2b
3:	mov	r0, #0
	bx	lr
	.size	uaccess_copy_to, . - uaccess_copy_to

/* The fixup: the bytes left, as the return value. */
uaccess_fault:
	mov	r0, r2
	bx	lr
