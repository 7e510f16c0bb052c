/*
 * user/lib/crt0.S - where a program starts: the state Linux gives a static
 * ARM program (sp at argc, then argv[], NULL, envp[], NULL, the auxiliary
 * vector), so the same binary starts on bramble and under qemu-arm.
 * r0 may hold a function to register with atexit (Linux passes 0); it is
 * not used. bss is zero already (the kernel's pages start zeroed).
 */
	.syntax unified
	.arm
	.text
	.global _start
	.type	_start, %function
_start:
	mov	fp, #0
	mov	lr, #0
	ldr	r0, [sp]                @ argc
	add	r1, sp, #4              @ argv
	add	r2, r1, r0, lsl #2
	add	r2, r2, #4              @ envp: past argv's NULL
	bic	sp, sp, #7              @ AAPCS: 8-byte aligned at calls
	bl	user_start              @ never returns
	.size	_start, . - _start
