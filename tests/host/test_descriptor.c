/*
 * tests/host/test_descriptor.c - memory kinds and permissions to descriptor
 * bits and back. Expected encodings are written out from ARM ARM B3.5 and
 * Table B3-10, not computed from the table under test.
 */
#include "arch/mmu.h"
#include <stdbool.h>

#include "mm/descriptor.h"
#include "tap.h"

int main(void)
{
	struct mem_attributes a;
	char what[96];

	tap_plan(16 + 2 * MEM_KIND_COUNT * 8 + 4 + 3 + 4);

	/* Sections: type 0b10, B 2, C 3, XN 4, AP 11:10, TEX 14:12, AP2 15, S 16. */
	TAP_EQ_U32(0x0001141E, descriptor_section(0, MEM_NORMAL, MEM_WRITE),
		   "section Normal RW NX");
	TAP_EQ_U32(0x0001140E, descriptor_section(0, MEM_NORMAL, MEM_WRITE | MEM_EXEC),
		   "section Normal RW X");
	TAP_EQ_U32(0x3F000416, descriptor_section(0x3F000000, MEM_DEVICE, MEM_WRITE),
		   "section Device RW NX");
	/* The boot stub writes its sections from arch/mmu.h: they must be the same. */
	TAP_EQ_U32(BOOT_SECT_RAM_EXEC, descriptor_section(0, MEM_NORMAL, MEM_WRITE | MEM_EXEC),
		   "boot stub kernel section = Normal RW X");
	TAP_EQ_U32(BOOT_SECT_DEVICE, descriptor_section(0, MEM_DEVICE, MEM_WRITE),
		   "boot stub peripheral section = Device RW NX");
	TAP_EQ_U32(0x00108412, descriptor_section(0x00100000, MEM_STRONGLY_ORDERED, MEM_READ),
		   "section strongly-ordered RO NX");
	TAP_EQ_U32(0x00011412, descriptor_section(0, MEM_NORMAL_UNCACHED, MEM_WRITE),
		   "section Normal-NC RW NX");
	TAP_EQ_U32(0x1001940E, descriptor_section(0x100FFFFF, MEM_NORMAL, MEM_EXEC),
		   "section base is masked to 1 MiB; RO X");
	/* Small pages: XN 0, type 1, B 2, C 3, AP 5:4, TEX 8:6, AP2 9, S 10. */
	TAP_EQ_U32(0x0000045F, descriptor_page(0, MEM_NORMAL, MEM_WRITE), "page Normal RW NX");
	TAP_EQ_U32(0x1234745E, descriptor_page(0x12347000, MEM_NORMAL, MEM_WRITE | MEM_EXEC),
		   "page Normal RW X");
	TAP_EQ_U32(0x00001017, descriptor_page(0x1000, MEM_DEVICE, MEM_WRITE), "page Device RW NX");
	TAP_EQ_U32(0x00002212, descriptor_page(0x2000, MEM_STRONGLY_ORDERED, MEM_EXEC),
		   "page strongly-ordered RO X");
	TAP_EQ_U32(0x00003653, descriptor_page(0x3000, MEM_NORMAL_UNCACHED, MEM_READ),
		   "page Normal-NC RO NX");
	TAP_EQ_U32(0x00004C01, descriptor_page_table(0x4C00), "page table entry, domain 0");

	/* Every kind and permission survives a round trip, in both formats. */
	for (int k = 0; k < MEM_KIND_COUNT; k++) {
		for (unsigned p = 0; p <= MEM_PERM_MASK; p++) {
			int ok;

			ok = descriptor_decode_section(descriptor_section(0x40000000, k, p), &a) ==
				     0 &&
			     a.kind == (enum mem_kind)k && a.perm == p && a.base == 0x40000000;
			snprintf(what, sizeof(what), "section round trip %s perm %u",
				 mem_kind_name(k), p);
			TAP_OK(ok, what);
			ok = descriptor_decode_page(descriptor_page(0x7000, k, p), &a) == 0 &&
			     a.kind == (enum mem_kind)k && a.perm == p && a.base == 0x7000;
			snprintf(what, sizeof(what), "page round trip %s perm %u", mem_kind_name(k),
				 p);
			TAP_OK(ok, what);
		}
	}
	TAP_OK(descriptor_decode_section(0x4C01, &a) != 0, "a page table entry is not a section");
	TAP_OK(descriptor_decode_section(0, &a) != 0, "a fault entry is not a section");
	TAP_OK(descriptor_decode_page(0x1, &a) != 0, "a fault entry is not a page");
	/* TEX 0b010 (device, non-shareable) is none of the kinds. */
	TAP_OK(descriptor_decode_page(0x1000 | L2_TYPE_SMALL | (2 << L2_PAGE_TEX_SHIFT), &a) != 0,
	       "an unknown memory type is refused");
	TAP_OK(descriptor_decode_section(0x3F000416 | (1 << 16), &a) == 0 && a.kind == MEM_DEVICE,
	       "Device with S set still decodes as Device");
	TAP_EQ_STR("Normal", mem_kind_name(MEM_NORMAL), "kind name");
	/* The fast path's table: what descriptor_page gives, or 0 where no table may hold it. */
	unsigned agree = 0, refused = 0;
	for (unsigned k = 0; k < MEM_KIND_COUNT; k++) {
		for (unsigned p = 0; p <= MEM_PERM_MASK; p++) {
			bool allowed = (p & (MEM_WRITE | MEM_EXEC)) != (MEM_WRITE | MEM_EXEC) &&
				       (!(p & MEM_EXEC) || k == MEM_NORMAL) &&
				       (!(p & MEM_USER) || k == MEM_NORMAL);
			uint32_t bits = descriptor_page_attributes((enum mem_kind)k, p);

			agree += allowed ? bits == descriptor_page(0, (enum mem_kind)k, p)
					 : bits == 0;
			refused += !allowed;
		}
	}
	TAP_EQ_U32(MEM_KIND_COUNT * (MEM_PERM_MASK + 1), agree,
		   "page bits table: descriptor_page's bits, 0 where refused");
	/* Per kind 8 combinations: Normal refuses the two W+X; the others W+X, X and every user one. */
	TAP_EQ_U32(2 + (MEM_KIND_COUNT - 1) * 6, refused,
		   "page bits table: W+X everywhere, X and user pages outside Normal");
	/* User pages: AP 0b011 / 0b111, nG, XN unless executable (ARM ARM Table B3-6). */
	TAP_EQ_U32(0x00005C7F, descriptor_page(0x5000, MEM_NORMAL, MEM_USER | MEM_WRITE),
		   "page Normal user RW NX nG");
	TAP_EQ_U32(0x00006E7E, descriptor_page(0x6000, MEM_NORMAL, MEM_USER | MEM_EXEC),
		   "page Normal user RO X nG");
	TAP_OK(descriptor_decode_page(0x00006E7E, &a) == 0 && a.perm == (MEM_USER | MEM_EXEC),
	       "a user page decodes as one");
	TAP_OK(descriptor_decode_page(0x00006E7E & ~L2_PAGE_NG, &a) != 0,
	       "PL0 access without nG is none of the permissions");
	TAP_EQ_U32(0x00000012, descriptor_page_attributes(MEM_NORMAL, MEM_EXEC) & 0x13,
		   "page bits table: Normal RO X is a small page, not execute-never");
	return tap_done();
}
