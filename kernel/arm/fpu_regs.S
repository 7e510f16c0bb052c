/*
 * kernel/arm/fpu_regs.S - the FPU's registers, which the kernel's C
 * (built for soft float) cannot name: FPEXC, MVFR0/1, and d0-d31 with
 * FPSCR to and from a struct fpu_state (kernel/fpu.h). The kernel has
 * only these few instructions for the unit, so it is described to the
 * assembler here alone.
 */
	.syntax unified
	.arm
	.fpu	neon-vfpv4
	.text

/* uint32_t fpu_read_fpexc(void) */
	.global fpu_read_fpexc
	.type	fpu_read_fpexc, %function
fpu_read_fpexc:
	vmrs	r0, fpexc
	bx	lr
	.size	fpu_read_fpexc, . - fpu_read_fpexc

/* void fpu_write_fpexc(uint32_t value): an ISB after it, so what follows sees it */
	.global fpu_write_fpexc
	.type	fpu_write_fpexc, %function
fpu_write_fpexc:
	vmsr	fpexc, r0
	isb
	bx	lr
	.size	fpu_write_fpexc, . - fpu_write_fpexc

/* uint32_t fpu_read_mvfr0(void), fpu_read_mvfr1(void) */
	.global fpu_read_mvfr0
	.type	fpu_read_mvfr0, %function
fpu_read_mvfr0:
	vmrs	r0, mvfr0
	bx	lr
	.size	fpu_read_mvfr0, . - fpu_read_mvfr0

	.global fpu_read_mvfr1
	.type	fpu_read_mvfr1, %function
fpu_read_mvfr1:
	vmrs	r0, mvfr1
	bx	lr
	.size	fpu_read_mvfr1, . - fpu_read_mvfr1

/* void fpu_save_regs(struct fpu_state *to): the unit must be on */
	.global fpu_save_regs
	.type	fpu_save_regs, %function
fpu_save_regs:
	vstmia	r0!, {d0-d15}
	vstmia	r0!, {d16-d31}
	vmrs	r1, fpscr
	str	r1, [r0]
	bx	lr
	.size	fpu_save_regs, . - fpu_save_regs

/* void fpu_load_regs(const struct fpu_state *from): the unit must be on */
	.global fpu_load_regs
	.type	fpu_load_regs, %function
fpu_load_regs:
	vldmia	r0!, {d0-d15}
	vldmia	r0!, {d16-d31}
	ldr	r1, [r0]
	vmsr	fpscr, r1
	bx	lr
	.size	fpu_load_regs, . - fpu_load_regs
