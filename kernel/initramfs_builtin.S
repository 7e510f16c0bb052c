/*
 * kernel/initramfs_builtin.S - the archive of user programs, linked into
 * the image (kernel/initramfs.h), read-only. The Makefile builds it
 * (build/initramfs.cpio) before this file is assembled.
 */
	.section .rodata.initramfs, "a"
	.balign 4
	.global initramfs_builtin_start, initramfs_builtin_end
initramfs_builtin_start:
	.incbin INITRAMFS_PATH
initramfs_builtin_end:
	.balign 4
