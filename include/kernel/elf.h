/*
 * kernel/elf.h - checking a static ARM executable before it is loaded.
 *
 * The file comes from user space or an initramfs, so nothing in it is
 * trusted. elf_parse() reads the ELF header and program headers (System V
 * gABI, chapters 4 and 5; ARM ELF ABI, AAELF32) and either refuses the
 * file with a reason or describes the segments a loader may map as they
 * are: sorted, inside the user range, no two sharing a page, none both
 * writable and executable, their file bytes inside the file. A loader
 * then needs no check of its own beyond what it does with memory.
 *
 * Pure: no allocation, no global state, no hardware; every field is read
 * byte by byte, so the file may sit at any alignment. Compiled into the
 * kernel and into the host tests (tests/host/test_elf.c, fuzz_elf.c).
 */
#ifndef BRAMBLE_KERNEL_ELF_H
#define BRAMBLE_KERNEL_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/error.h"

#define ELF_MAX_SEGMENTS 8 /* loadable segments kept; a static program has two or three */

/* A segment's protection, as a loader maps it (not the file's PF_ bits). */
#define ELF_PROT_READ  1
#define ELF_PROT_WRITE 2
#define ELF_PROT_EXEC  4

/*
 * One PT_LOAD segment: memsz bytes at vaddr, the first filesz of them
 * from the file at offset, the rest zero.
 */
struct elf_segment {
	uint32_t vaddr, memsz, offset, filesz;
	unsigned prot;
};

struct elf_image {
	uint32_t entry;
	uint32_t flags; /* e_flags (EABI version, float ABI), for the caller to judge */
	/* Where the program headers are in memory (for AT_PHDR), 0 if not loaded. */
	uint32_t phdr_vaddr;
	uint16_t phnum, phentsize;
	/* The highest segment's vaddr + memsz, rounded up to 4096: where brk starts. */
	uint32_t end;
	bool executable_stack; /* PT_GNU_STACK with PF_X */
	unsigned count;        /* PT_LOAD segments, in ascending vaddr */
	struct elf_segment segments[ELF_MAX_SEGMENTS];
};

/*
 * Check the size bytes at file as an executable for [user_start,
 * user_end) (user_end exclusive) and describe it in *out.
 *
 * Refused: a file shorter than the 52-byte header; another magic, class
 * (not ELFCLASS32), byte order (not little-endian), version (EI_VERSION
 * and e_version must be 1) or machine (not EM_ARM); any e_type but
 * ET_EXEC; e_phentsize other than 32; e_phnum outside 1..64 or a program
 * header table not inside the file; a PT_INTERP or PT_DYNAMIC header.
 * Every PT_LOAD with p_memsz > 0 must have p_filesz <= p_memsz, its file
 * bytes inside the file, p_align 0, 1 or a power of two (and when it is
 * 4096 or more, p_vaddr and p_offset equal modulo 4096), its memory
 * inside the user range, and not both PF_W and PF_X; no two may touch a
 * common 4096-byte page; there must be one to ELF_MAX_SEGMENTS of them;
 * the image's page-rounded end must not pass 4 GiB. e_entry (its Thumb
 * bit aside) must lie in an executable segment. PT_LOAD headers with
 * p_memsz 0 are ignored, as are PT_NOTE, PT_ARM_EXIDX and the like.
 *
 * phdr_vaddr is PT_PHDR's p_vaddr when there is one (taken as the file
 * says), else the address of e_phoff inside the segment whose file bytes
 * hold the whole table, else 0. entry is e_entry as the file has it,
 * Thumb bit included.
 *
 * Returns 0, or ERR_INVALID with *why (when why is not NULL) set to a
 * static one-line reason. On failure *out may be partly written; nothing
 * else is.
 */
int elf_parse(const void *file, size_t size, uint32_t user_start, uint32_t user_end,
	      struct elf_image *out, const char **why);

#endif /* BRAMBLE_KERNEL_ELF_H */
