/*
 * mm/descriptor.c - from memory kind and permissions to descriptor bits, and
 * back, through one table each.
 *
 * A memory type is TEX[0], C, B, which TEX remap (SCTLR.TRE = 1) turns
 * into one of PRRR/NMRR's regions, programmed so that each code means what
 * ARM ARM Table B3-10 says it means with TEX remap off (arch/mmu.h); S
 * makes Normal memory shareable. The fields sit at different bits in
 * section and small page descriptors, so each row gives both encodings.
 * Access permissions are AP[2:0] with the access flag off (Table B3-6):
 * 0b001 kernel read-write, 0b101 kernel read-only (PL0 none); for a
 * process's pages 0b011 read-write and 0b111 read-only at both levels,
 * and nG set, so that the entry is tagged with the ASID.
 */
#include "mm/descriptor.h"

#include "arch/mmu.h"

#define SECT_TEX(t) ((uint32_t)(t) << L1_SECT_TEX_SHIFT)
#define PAGE_TEX(t) ((uint32_t)(t) << L2_PAGE_TEX_SHIFT)

struct mem_kind_row {
	const char *name;
	uint32_t section; /* TEX, C, B, S in a section descriptor */
	uint32_t page;    /* the same in a small page descriptor */
};

/* The kind bits of a small page, for both tables below. */
#define PAGE_NORMAL    (PAGE_TEX(1) | L2_PAGE_C | L2_PAGE_B | L2_PAGE_S)
#define PAGE_NORMAL_NC (PAGE_TEX(1) | L2_PAGE_S)
#define PAGE_DEVICE    L2_PAGE_B
#define PAGE_SO        0

static const struct mem_kind_row mem_kinds[MEM_KIND_COUNT] = {
	[MEM_NORMAL] = { "Normal", SECT_TEX(1) | L1_SECT_C | L1_SECT_B | L1_SECT_S, PAGE_NORMAL },
	[MEM_NORMAL_UNCACHED] = { "Normal-NC", SECT_TEX(1) | L1_SECT_S, PAGE_NORMAL_NC },
	[MEM_DEVICE] = { "Device", L1_SECT_B, PAGE_DEVICE },
	[MEM_STRONGLY_ORDERED] = { "Strongly-ordered", 0, PAGE_SO },
};

/* All bits that the kind rows use, per descriptor format. */
#define SECTION_KIND_BITS (SECT_TEX(7) | L1_SECT_C | L1_SECT_B | L1_SECT_S)
#define PAGE_KIND_BITS    (PAGE_TEX(7) | L2_PAGE_C | L2_PAGE_B | L2_PAGE_S)

struct mem_perm_row {
	uint32_t section; /* AP and XN bits of a section */
	uint32_t page;
};

/* The permission bits of a small page, for both tables below. */
#define PAGE_RO_NX      (L2_PAGE_AP2 | L2_PAGE_AP0 | L2_PAGE_XN)
#define PAGE_RW_NX      (L2_PAGE_AP0 | L2_PAGE_XN)
#define PAGE_RO_X       (L2_PAGE_AP2 | L2_PAGE_AP0)
#define PAGE_RW_X       L2_PAGE_AP0
#define PAGE_USER_RO    (L2_PAGE_AP2 | L2_PAGE_AP1 | L2_PAGE_AP0 | L2_PAGE_NG)
#define PAGE_USER_RW    (L2_PAGE_AP1 | L2_PAGE_AP0 | L2_PAGE_NG)
#define PAGE_USER_RO_NX (PAGE_USER_RO | L2_PAGE_XN)
#define PAGE_USER_RW_NX (PAGE_USER_RW | L2_PAGE_XN)
#define SECT_USER_RO    (L1_SECT_AP2 | L1_SECT_AP1 | L1_SECT_AP0 | L1_SECT_NG)
#define SECT_USER_RW    (L1_SECT_AP1 | L1_SECT_AP0 | L1_SECT_NG)

static const struct mem_perm_row mem_perms[MEM_PERM_MASK + 1] = {
	[MEM_READ] = { L1_SECT_AP2 | L1_SECT_AP0 | L1_SECT_XN, PAGE_RO_NX },
	[MEM_WRITE] = { L1_SECT_AP0 | L1_SECT_XN, PAGE_RW_NX },
	[MEM_EXEC] = { L1_SECT_AP2 | L1_SECT_AP0, PAGE_RO_X },
	[MEM_WRITE | MEM_EXEC] = { L1_SECT_AP0, PAGE_RW_X },
	[MEM_USER] = { SECT_USER_RO | L1_SECT_XN, PAGE_USER_RO_NX },
	[MEM_USER | MEM_WRITE] = { SECT_USER_RW | L1_SECT_XN, PAGE_USER_RW_NX },
	[MEM_USER | MEM_EXEC] = { SECT_USER_RO, PAGE_USER_RO },
	[MEM_USER | MEM_WRITE | MEM_EXEC] = { SECT_USER_RW, PAGE_USER_RW },
};

/*
 * Each kind and permission a small page may have, as the bits of its
 * descriptor (with the type); 0 for what no table may hold: writable and
 * executable at once (W^X), or executable memory that is not Normal
 * cacheable (instruction fetches may be speculative, ARM ARM B3.7.2, so
 * Device and Strongly-ordered memory must be execute-never; and Normal
 * non-cacheable RAM has a cacheable alias in the linear map, A3.5.7).
 */
#define PAGE(kind, perm) (L2_TYPE_SMALL | (kind) | (perm))
const uint32_t descriptor_page_bits[MEM_KIND_COUNT][MEM_PERM_MASK + 1] = {
	[MEM_NORMAL] = { PAGE(PAGE_NORMAL, PAGE_RO_NX), PAGE(PAGE_NORMAL, PAGE_RW_NX),
			 PAGE(PAGE_NORMAL, PAGE_RO_X), 0, PAGE(PAGE_NORMAL, PAGE_USER_RO_NX),
			 PAGE(PAGE_NORMAL, PAGE_USER_RW_NX), PAGE(PAGE_NORMAL, PAGE_USER_RO), 0 },
	[MEM_NORMAL_UNCACHED] = { PAGE(PAGE_NORMAL_NC, PAGE_RO_NX),
				  PAGE(PAGE_NORMAL_NC, PAGE_RW_NX), 0, 0 },
	[MEM_DEVICE] = { PAGE(PAGE_DEVICE, PAGE_RO_NX), PAGE(PAGE_DEVICE, PAGE_RW_NX), 0, 0 },
	[MEM_STRONGLY_ORDERED] = { PAGE(PAGE_SO, PAGE_RO_NX), PAGE(PAGE_SO, PAGE_RW_NX), 0, 0 },
};

#define SECTION_PERM_BITS (L1_SECT_AP2 | L1_SECT_AP1 | L1_SECT_AP0 | L1_SECT_XN | L1_SECT_NG)
#define PAGE_PERM_BITS    (L2_PAGE_AP2 | L2_PAGE_AP1 | L2_PAGE_AP0 | L2_PAGE_XN | L2_PAGE_NG)

const char *mem_kind_name(enum mem_kind kind)
{
	return (unsigned)kind < MEM_KIND_COUNT ? mem_kinds[kind].name : "???";
}

uint32_t descriptor_section(paddr_t base, enum mem_kind kind, unsigned perm)
{
	return (base & L1_SECT_BASE_MASK) | L1_TYPE_SECTION | mem_kinds[kind].section |
	       mem_perms[perm & MEM_PERM_MASK].section;
}

uint32_t descriptor_page(paddr_t base, enum mem_kind kind, unsigned perm)
{
	return (base & L2_PAGE_BASE_MASK) | L2_TYPE_SMALL | mem_kinds[kind].page |
	       mem_perms[perm & MEM_PERM_MASK].page;
}

uint32_t descriptor_page_table(paddr_t table)
{
	return (table & L1_PAGE_TABLE_BASE_MASK) | L1_TYPE_PAGE_TABLE; /* domain 0 */
}

static int decode(uint32_t kind_bits, uint32_t perm_bits, int is_section,
		  struct mem_attributes *out)
{
	int kind = -1, perm = -1;

	for (int k = 0; k < MEM_KIND_COUNT; k++) {
		if ((is_section ? mem_kinds[k].section : mem_kinds[k].page) == kind_bits)
			kind = k;
	}
	for (int p = 0; p <= (int)MEM_PERM_MASK; p++) {
		if ((is_section ? mem_perms[p].section : mem_perms[p].page) == perm_bits)
			perm = p;
	}
	/* Device and strongly-ordered ignore S: accept either. */
	if (kind < 0 && is_section && (kind_bits & ~L1_SECT_S) == mem_kinds[MEM_DEVICE].section)
		kind = MEM_DEVICE;
	if (kind < 0 && !is_section && (kind_bits & ~L2_PAGE_S) == mem_kinds[MEM_DEVICE].page)
		kind = MEM_DEVICE;
	if (kind < 0 || perm < 0)
		return -1;
	out->kind = (enum mem_kind)kind;
	out->perm = (unsigned)perm;
	return 0;
}

int descriptor_decode_section(uint32_t descriptor, struct mem_attributes *out)
{
	if ((descriptor & L1_TYPE_MASK) != L1_TYPE_SECTION || (descriptor & L1_SECT_SUPERSECTION))
		return -1;
	if (decode(descriptor & SECTION_KIND_BITS, descriptor & SECTION_PERM_BITS, 1, out))
		return -1;
	out->base = descriptor & L1_SECT_BASE_MASK;
	return 0;
}

int descriptor_decode_page(uint32_t descriptor, struct mem_attributes *out)
{
	if (!(descriptor & L2_TYPE_SMALL))
		return -1;
	if (decode(descriptor & PAGE_KIND_BITS, descriptor & PAGE_PERM_BITS, 0, out))
		return -1;
	out->base = descriptor & L2_PAGE_BASE_MASK;
	return 0;
}
