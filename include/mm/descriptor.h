/*
 * mm/descriptor.h - memory kinds and permissions, and the short-descriptor
 * entries that express them (ARM ARM B3.5, B3.8). Pure functions: compiled
 * into the kernel and into the host tests (tests/host/test_descriptor.c).
 */
#ifndef BRAMBLE_MM_DESCRIPTOR_H
#define BRAMBLE_MM_DESCRIPTOR_H

#include <stdint.h>

#include "arch/mmu.h"
#include "layout.h"

enum mem_kind {
	MEM_NORMAL,           /* RAM: write-back, write-allocate, shareable */
	MEM_NORMAL_UNCACHED,  /* RAM the CPU must not cache: frame buffers, DMA */
	MEM_DEVICE,           /* device registers: no speculation, writes may be buffered */
	MEM_STRONGLY_ORDERED, /* device registers that need every access to complete in order */
	MEM_KIND_COUNT,
};

/*
 * Permissions: a mask. Without MEM_USER, kernel-only (PL0 has no access)
 * and global. With it, a process's page: PL0 has the same access as PL1
 * (the kernel reads and writes user memory only as PL0 would, with LDRT
 * and STRT), the entry is non-global (nG: it belongs to one ASID), and
 * only Normal memory may be user memory.
 */
#define MEM_READ      0         /* read-only, execute-never */
#define MEM_WRITE     (1U << 0) /* writable */
#define MEM_EXEC      (1U << 1) /* executable */
#define MEM_USER      (1U << 2) /* PL0 too; non-global */
#define MEM_PERM_MASK (MEM_WRITE | MEM_EXEC | MEM_USER)

/* What a descriptor says. */
struct mem_attributes {
	paddr_t base; /* physical base of the section or page */
	enum mem_kind kind;
	unsigned perm;
};

const char *mem_kind_name(enum mem_kind kind);

/* Section (1 MiB) and small page (4 KiB) descriptors. base must be aligned. */
uint32_t descriptor_section(paddr_t base, enum mem_kind kind, unsigned perm);
uint32_t descriptor_page(paddr_t base, enum mem_kind kind, unsigned perm);

/*
 * The bits of a small page of each kind and permission that a table may
 * hold (type, memory type, access, execute-never), to be or-ed with the
 * frame's address; 0 for a combination no table may hold (W+X, executable
 * non-Normal memory). kind < MEM_KIND_COUNT and perm <= MEM_PERM_MASK.
 */
extern const uint32_t descriptor_page_bits[MEM_KIND_COUNT][MEM_PERM_MASK + 1];

static inline uint32_t descriptor_page_attributes(enum mem_kind kind, unsigned perm)
{
	return descriptor_page_bits[kind][perm];
}

/* First-level entry pointing at a second-level table (1 KiB aligned). */
uint32_t descriptor_page_table(paddr_t table);

/*
 * Decode a section or a small page descriptor. Returns 0, or -1 if it is
 * not one, or uses attributes that are not one of the kinds (then *out is
 * left alone).
 */
int descriptor_decode_section(uint32_t descriptor, struct mem_attributes *out);
int descriptor_decode_page(uint32_t descriptor, struct mem_attributes *out);

#endif /* BRAMBLE_MM_DESCRIPTOR_H */
