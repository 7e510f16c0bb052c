/*
 * kernel/platform.c - discovering the board (kernel/platform.h).
 */
#include "kernel/platform.h"

#include "kernel/error.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include <string.h>

#include "kernel/sections.h"
#include "layout.h"
#include "mm/linear_map.h"

/* How much of what r2 points at is read to recognise it. */
#define BOOTARGS_READ_LIMIT 4096

struct platform platform;

/* Whether [start, start + size) and [first, end) share a byte. */
static bool overlaps(uint64_t start, uint64_t size, uint64_t first, uint64_t end)
{
	return size && start < end && start + size > first;
}

/*
 * What r2 points at, if the linear map reaches it (all of RAM once it has
 * been extended; before that only the first KERNEL_PAGED_SIZE). A blob the
 * boot stub has already written over (the vectors, the L1 table, the
 * image) is not read at all.
 */
static void discover_bootargs(uint32_t r2)
{
	paddr_t mapped = linear_map_end();
	paddr_t image_end = virt_to_phys_linear((vaddr_t)__kernel_end);

	platform.bootargs_phys = r2;
	if (r2 == 0) {
		platform.bootargs = bootargs_parse(NULL, 0);
		return;
	}
	if ((r2 & 3) || r2 > mapped || mapped - r2 < BOOTARGS_READ_LIMIT ||
	    overlaps(r2, BOOTARGS_READ_LIMIT, PHYS_L1_TABLE, image_end)) {
		platform.bootargs = (struct bootargs){ .kind = BOOTARGS_UNKNOWN };
		return;
	}
	platform.bootargs = bootargs_parse((const uint32_t *)phys_to_virt(r2), BOOTARGS_READ_LIMIT);
	if (platform.bootargs.kind == BOOTARGS_DEVICE_TREE &&
	    (platform.bootargs.size > mapped - r2 ||
	     overlaps(r2, platform.bootargs.size, PHYS_L1_TABLE, image_end)))
		platform.bootargs.kind = BOOTARGS_UNKNOWN;
}

/* The command line, copied (the blob it came from may move); cut to PLATFORM_CMDLINE_MAX. */
static void keep_cmdline(const char *text)
{
	const char *nul = memchr(text, '\0', sizeof(platform.cmdline) - 1);
	size_t n = nul ? (size_t)(nul - text) : sizeof(platform.cmdline) - 1;

	memcpy(platform.cmdline, text, n);
	platform.cmdline[n] = '\0';
}

/* The initrd a loader names, if it lies in the ARM's RAM. */
static void keep_initrd(uint64_t start, uint64_t size)
{
	uint64_t ram_end = (uint64_t)platform.ram.base + platform.ram.size;

	if (size == 0)
		return;
	if (start < PHYS_KERNEL_LOAD || start + size > ram_end || start + size < start) {
		kprintf("initrd: WARNING: 0x%llx bytes at 0x%llx are not in the ARM's RAM: ignored\n",
			(unsigned long long)size, (unsigned long long)start);
		return;
	}
	platform.initrd.start = (paddr_t)start;
	platform.initrd.size = (uint32_t)size;
}

/* What the tree at platform.bootargs_phys says: memory, command line, initrd, reservations. */
static void read_device_tree(void)
{
	struct fdt tree;
	uint64_t address, size;

	platform.dt_error = fdt_open(&tree, (const void *)phys_to_virt(platform.bootargs_phys),
				     platform.bootargs.size);
	if (platform.dt_error == 0)
		platform.dt_error = fdt_read_boot(&tree, &platform.dt);
	if (platform.dt_error)
		return;
	if (platform.dt.has_bootargs)
		keep_cmdline(platform.dt.bootargs);
	if (platform.dt.has_initrd)
		keep_initrd(platform.dt.initrd_start,
			    platform.dt.initrd_end - platform.dt.initrd_start);
	for (unsigned i = 0; fdt_reservation(&tree, i, &address, &size) == 0; i++) {
		if (address >= (uint64_t)platform.ram.base + platform.ram.size || size == 0)
			continue;
		if (platform.keep_count == PLATFORM_KEEP_MAX) {
			kprintf("dt: WARNING: more than %u reservations: the rest not kept\n",
				PLATFORM_KEEP_MAX);
			break;
		}
		if (address + size > (uint64_t)platform.ram.base + platform.ram.size)
			size = (uint64_t)platform.ram.base + platform.ram.size - address;
		platform.keep[platform.keep_count++] =
			(struct phys_range){ (paddr_t)address, (uint32_t)size };
	}
}

/* The command line and initrd of ATAGs. */
static void read_atags(void)
{
	if (platform.bootargs.cmdline)
		keep_cmdline(platform.bootargs.cmdline);
	if (platform.bootargs.has_initrd)
		keep_initrd(platform.bootargs.initrd_start, platform.bootargs.initrd_size);
}

/*
 * The ARM's RAM, from the firmware; only if it cannot say, from ATAG_MEM,
 * which can then only be read if it lies in the boot-time linear map (the
 * ATAGs at 0x100 do).
 */
static void discover_ram(uint32_t r2)
{
	int error = mailbox_get_arm_memory(&platform.ram);

	if (error == 0) {
		platform.ram_source = "mailbox";
		return;
	}
	discover_bootargs(r2);
	if (!platform.bootargs.has_memory)
		panic("ram: the mailbox cannot say how much RAM there is (%s) and no ATAG_MEM either",
		      error_name(error));
	kprintf("ram: WARNING: mailbox failed (%s); using ATAG_MEM\n", error_name(error));
	platform.ram.base = platform.bootargs.memory_base;
	platform.ram.size = platform.bootargs.memory_size;
	platform.ram_source = "ATAG_MEM";
}

/* What the loader says about RAM against what the firmware said. */
static void cross_check_ram(void)
{
	const struct bootargs *args = &platform.bootargs;
	const struct fdt_boot *dt = &platform.dt;

	if (args->kind == BOOTARGS_ATAGS && args->has_memory &&
	    (args->memory_base != platform.ram.base || args->memory_size != platform.ram.size))
		kprintf("ram: WARNING: ATAG_MEM says 0x%08lx bytes at 0x%08lx, the %s "
			"0x%08lx at 0x%08lx; using the %s\n",
			(unsigned long)args->memory_size, (unsigned long)args->memory_base,
			platform.ram_source, (unsigned long)platform.ram.size,
			(unsigned long)platform.ram.base, platform.ram_source);
	if (args->kind == BOOTARGS_DEVICE_TREE && platform.dt_error == 0 && dt->has_memory &&
	    (dt->memory[0].base != platform.ram.base || dt->memory[0].size != platform.ram.size))
		kprintf("ram: WARNING: the device tree's memory node says 0x%08llx bytes at 0x%08llx, "
			"the %s 0x%08lx at 0x%08lx; using the %s\n",
			(unsigned long long)dt->memory[0].size,
			(unsigned long long)dt->memory[0].base, platform.ram_source,
			(unsigned long)platform.ram.size, (unsigned long)platform.ram.base,
			platform.ram_source);
}

/* The bytes of a range added up (mod 2^32): what the boot tests compare with the file. */
static uint32_t platform_byte_sum(struct phys_range range)
{
	const uint8_t *bytes = (const uint8_t *)phys_to_virt(range.start);
	uint32_t sum = 0;

	for (uint32_t i = 0; i < range.size; i++)
		sum += bytes[i];
	return sum;
}

/* Move one range of the loader's to dest; say so. */
static void move_range(const char *what, struct phys_range *range, paddr_t dest,
		       paddr_t *moved_from)
{
	memmove((void *)phys_to_virt(dest), (const void *)phys_to_virt(range->start), range->size);
	kprintf("%s: moved from 0x%08lx to 0x%08lx: it lay where the PMM's metadata goes\n", what,
		(unsigned long)range->start, (unsigned long)dest);
	*moved_from = range->start;
	range->start = dest;
}

void platform_move_out_of(paddr_t start, paddr_t end)
{
	struct phys_range blob = { platform.bootargs_phys, platform.bootargs.size };
	bool keep_blob = platform.bootargs.kind == BOOTARGS_ATAGS ||
			 platform.bootargs.kind == BOOTARGS_DEVICE_TREE;
	uint64_t above = end, ram_end = (uint64_t)platform.ram.base + platform.ram.size;

	/* Above both ranges and the area to clear: no copy can land on another range. */
	if (keep_blob && (uint64_t)blob.start + blob.size > above)
		above = (uint64_t)blob.start + blob.size;
	if ((uint64_t)platform.initrd.start + platform.initrd.size > above)
		above = (uint64_t)platform.initrd.start + platform.initrd.size;
	above = (above + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
	for (unsigned i = 0; i < platform.keep_count; i++)
		if (overlaps(platform.keep[i].start, platform.keep[i].size, start, end))
			panic("dt: the reservation 0x%08lx+0x%lx lies where the PMM's metadata goes "
			      "(0x%08lx-0x%08lx)",
			      (unsigned long)platform.keep[i].start,
			      (unsigned long)platform.keep[i].size, (unsigned long)start,
			      (unsigned long)end - 1);
	if (keep_blob && overlaps(blob.start, blob.size, start, end)) {
		if (above + blob.size > ram_end)
			panic("bootargs: no room to move %lu bytes above 0x%08llx",
			      (unsigned long)blob.size, (unsigned long long)above);
		move_range(platform.bootargs.kind == BOOTARGS_ATAGS ? "bootargs: the ATAGs"
								    : "bootargs: the device tree",
			   &blob, (paddr_t)above, &platform.bootargs_moved_from);
		platform.bootargs_phys = blob.start;
		above = (above + blob.size + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
	}
	if (overlaps(platform.initrd.start, platform.initrd.size, start, end)) {
		if (above + platform.initrd.size > ram_end)
			panic("initrd: no room to move %lu bytes above 0x%08llx",
			      (unsigned long)platform.initrd.size, (unsigned long long)above);
		move_range("initrd", &platform.initrd, (paddr_t)above, &platform.initrd_moved_from);
	}
}

unsigned platform_ranges_to_keep(struct phys_range *ranges, unsigned max)
{
	unsigned n = 0;

	if ((platform.bootargs.kind == BOOTARGS_ATAGS ||
	     platform.bootargs.kind == BOOTARGS_DEVICE_TREE) &&
	    n < max)
		ranges[n++] = (struct phys_range){ platform.bootargs_phys, platform.bootargs.size };
	if (platform.initrd.size && n < max)
		ranges[n++] = platform.initrd;
	for (unsigned i = 0; i < platform.keep_count && n < max; i++)
		ranges[n++] = platform.keep[i];
	return n;
}

void platform_discover(const struct boot_info *info)
{
	discover_ram(info->r2);
	if (platform.ram.base != 0 || platform.ram.size < KERNEL_PAGED_SIZE)
		panic("ram: 0x%08lx bytes at 0x%08lx: bramble needs RAM from 0, at least 0x%08lx bytes",
		      (unsigned long)platform.ram.size, (unsigned long)platform.ram.base,
		      (unsigned long)KERNEL_PAGED_SIZE);
	linear_map_extend(platform.ram.base + platform.ram.size);
	discover_bootargs(info->r2);
	if (platform.bootargs.kind == BOOTARGS_DEVICE_TREE)
		read_device_tree();
	else if (platform.bootargs.kind == BOOTARGS_ATAGS)
		read_atags();
	cross_check_ram();
	platform.vc_error = mailbox_get_vc_memory(&platform.vc);
	platform.revision_error = mailbox_get_board_revision(&platform.revision);
	platform.arm_clock_error =
		mailbox_get_clock_rate(MAILBOX_CLOCK_ARM, &platform.arm_clock_hz);

	kprintf("ram: ARM 0x%08lx-0x%08lx, %lu MiB (from the %s)\n",
		(unsigned long)platform.ram.base,
		(unsigned long)(platform.ram.base + platform.ram.size - 1),
		(unsigned long)(platform.ram.size >> 20), platform.ram_source);
	if (platform.vc_error == 0)
		kprintf("ram: VideoCore 0x%08lx-0x%08lx, %lu MiB\n",
			(unsigned long)platform.vc.base,
			(unsigned long)(platform.vc.base + platform.vc.size - 1),
			(unsigned long)(platform.vc.size >> 20));
	else
		kprintf("ram: VideoCore memory unknown (%s)\n", error_name(platform.vc_error));
	if (platform.revision_error == 0)
		kprintf("board: revision 0x%08lx\n", (unsigned long)platform.revision);
	else
		kprintf("board: revision unknown (%s)\n", error_name(platform.revision_error));
	if (platform.arm_clock_error == 0)
		kprintf("clock: ARM %lu Hz\n", (unsigned long)platform.arm_clock_hz);
	else
		kprintf("clock: ARM unknown (%s)\n", error_name(platform.arm_clock_error));
	switch (platform.bootargs.kind) {
	case BOOTARGS_ATAGS:
		kprintf("bootargs: ATAGs at 0x%08lx, %lu bytes%s\n",
			(unsigned long)platform.bootargs_phys,
			(unsigned long)platform.bootargs.size,
			platform.bootargs.has_memory ? ", with ATAG_MEM" : "");
		break;
	case BOOTARGS_DEVICE_TREE:
		if (platform.dt_error)
			kprintf("bootargs: device tree at 0x%08lx, %lu bytes, unreadable (%s): kept, "
				"not used\n",
				(unsigned long)platform.bootargs_phys,
				(unsigned long)platform.bootargs.size,
				error_name(platform.dt_error));
		else
			kprintf("bootargs: device tree at 0x%08lx, %lu bytes: %u memory range%s, "
				"%u reservation%s\n",
				(unsigned long)platform.bootargs_phys,
				(unsigned long)platform.bootargs.size, platform.dt.memory_count,
				platform.dt.memory_count == 1 ? "" : "s", platform.keep_count,
				platform.keep_count == 1 ? "" : "s");
		break;
	case BOOTARGS_NONE:
		kprintf("bootargs: none (r2 = 0)\n");
		break;
	default:
		kprintf("bootargs: r2 = 0x%08lx points at nothing recognisable\n",
			(unsigned long)platform.bootargs_phys);
		break;
	}
	if (platform.cmdline[0])
		kprintf("cmdline: %s\n", platform.cmdline);
	if (platform.initrd.size)
		kprintf("initrd: %lu bytes at 0x%08lx, byte sum 0x%08lx\n",
			(unsigned long)platform.initrd.size, (unsigned long)platform.initrd.start,
			(unsigned long)platform_byte_sum(platform.initrd));
}
