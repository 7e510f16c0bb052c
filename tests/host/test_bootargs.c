/*
 * tests/host/test_bootargs.c - recognising ATAGs and device trees.
 */
#include "kernel/bootargs.h"
#include "tap.h"

int main(void)
{
	/* What QEMU's raw-image loader and the firmware emulation pass at 0x100. */
	const uint32_t qemu_atags[] = {
		5, ATAG_CORE, 0, 4096, 0, 4, ATAG_MEM, 0x3C000000, 0, 0, ATAG_NONE,
	};
	const uint32_t two_mems[] = {
		2, ATAG_CORE, 4,      ATAG_MEM, 0x1000000, 0x2000000,
		4, ATAG_MEM,  0x9999, 0x8888,   0,         ATAG_NONE,
	};
	const uint32_t no_end[] = { 5, ATAG_CORE, 0, 4096, 0, 4, ATAG_MEM, 0x3C000000, 0 };
	const uint32_t zero_size[] = { 5, ATAG_CORE, 0, 4096, 0, 1, ATAG_MEM, 0, 0, 0, 0 };
	const uint32_t huge_size[] = { 5, ATAG_CORE, 0, 4096, 0, 0x40000000, ATAG_MEM, 0, 0 };
	const uint32_t device_tree[] = { 0xEDFE0DD0, 0x00800000 /* 0x8000 big-endian */, 0, 0 };
	const uint32_t garbage[] = { 0x12345678, 0x9ABCDEF0, 0, 0 };
	struct bootargs b;

	tap_plan(28);

	b = bootargs_parse(qemu_atags, sizeof(qemu_atags));
	TAP_EQ_U32(BOOTARGS_ATAGS, b.kind, "QEMU's ATAGs are ATAGs");
	TAP_EQ_U32(sizeof(qemu_atags), b.size, "their size runs to ATAG_NONE");
	TAP_OK(b.has_memory, "they have ATAG_MEM");
	TAP_EQ_U32(0x3C000000, b.memory_size, "ATAG_MEM size");
	TAP_EQ_U32(0, b.memory_base, "ATAG_MEM start");

	b = bootargs_parse(two_mems, sizeof(two_mems));
	TAP_EQ_U32(BOOTARGS_ATAGS, b.kind, "a minimal ATAG_CORE is accepted");
	TAP_EQ_U32(0x1000000, b.memory_size, "the first ATAG_MEM counts (size)");
	TAP_EQ_U32(0x2000000, b.memory_base, "the first ATAG_MEM counts (start)");

	b = bootargs_parse(no_end, sizeof(no_end));
	TAP_EQ_U32(BOOTARGS_UNKNOWN, b.kind,
		   "a list without ATAG_NONE in the limit is not trusted");
	TAP_OK(!b.has_memory, "and yields no memory");

	b = bootargs_parse(zero_size, sizeof(zero_size));
	TAP_EQ_U32(BOOTARGS_UNKNOWN, b.kind, "a tag shorter than its header breaks the list");

	b = bootargs_parse(huge_size, sizeof(huge_size));
	TAP_EQ_U32(BOOTARGS_UNKNOWN, b.kind, "a tag running past the limit breaks the list");

	b = bootargs_parse(device_tree, sizeof(device_tree));
	TAP_EQ_U32(BOOTARGS_DEVICE_TREE, b.kind, "0xD00DFEED big-endian is a device tree");
	TAP_EQ_U32(0x8000, b.size, "its total size is read big-endian");

	/* What QEMU passes with -append and -initrd. */
	const uint32_t with_cmdline[] = {
		2, ATAG_CORE,    4,          ATAG_INITRD2, 0x08000000, 0x1234,
		5, ATAG_CMDLINE, 0x736E6F63, 0x3D656C6F,   0x00303030, /* "console=000" */
		0, ATAG_NONE,
	};
	const uint32_t cmdline_unterminated[] = {
		2, ATAG_CORE, 4, ATAG_CMDLINE, 0x736E6F63, 0x3D656C6F, 0, ATAG_NONE,
	};
	b = bootargs_parse(with_cmdline, sizeof(with_cmdline));
	TAP_EQ_U32(BOOTARGS_ATAGS, b.kind, "ATAGs with a command line and an initrd");
	TAP_EQ_STR("console=000", b.cmdline, "ATAG_CMDLINE's text");
	TAP_OK(b.cmdline == (const char *)&with_cmdline[8], "points into the list");
	TAP_OK(b.has_initrd, "ATAG_INITRD2 found");
	TAP_EQ_U32(0x08000000, b.initrd_start, "its start");
	TAP_EQ_U32(0x1234, b.initrd_size, "its size");
	b = bootargs_parse(cmdline_unterminated, sizeof(cmdline_unterminated));
	TAP_EQ_U32(BOOTARGS_UNKNOWN, b.kind,
		   "a command line with no NUL in its tag breaks the list");
	TAP_OK(b.cmdline == NULL && !b.has_initrd, "and nothing of it is kept");

	b = bootargs_parse(garbage, sizeof(garbage));
	TAP_EQ_U32(BOOTARGS_UNKNOWN, b.kind, "garbage is unknown");

	b = bootargs_parse(NULL, 0);
	TAP_EQ_U32(BOOTARGS_NONE, b.kind, "no pointer is nothing");

	b = bootargs_parse(qemu_atags, 4);
	TAP_EQ_U32(BOOTARGS_UNKNOWN, b.kind, "less than a header is unknown");

	b = bootargs_parse(qemu_atags, sizeof(qemu_atags) - 4);
	TAP_EQ_U32(BOOTARGS_UNKNOWN, b.kind, "a limit that cuts ATAG_NONE is unknown");

	TAP_EQ_STR("ATAGs", bootargs_kind_name(BOOTARGS_ATAGS), "kind name ATAGs");
	TAP_EQ_STR("a device tree", bootargs_kind_name(BOOTARGS_DEVICE_TREE), "kind name tree");
	return tap_done();
}
