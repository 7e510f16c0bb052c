/*
 * kernel/platform.c - discovering the board (kernel/platform.h).
 */
#include "kernel/platform.h"

#include "kernel/error.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "layout.h"
#include "mm/linear_map.h"

/* How much of what r2 points at is read to recognise it. */
#define BOOTARGS_READ_LIMIT     4096

struct platform platform;

/*
 * What r2 points at, if the linear map reaches it (all of RAM once it has
 * been extended; before that only the first KERNEL_PAGED_SIZE).
 */
static void discover_bootargs(uint32_t r2)
{
	platform.bootargs_phys = r2;
	if (r2 == 0) {
		platform.bootargs = bootargs_parse(NULL, 0);
		return;
	}
	if ((r2 & 3) || r2 > linear_map_end() || linear_map_end() - r2 < BOOTARGS_READ_LIMIT) {
		platform.bootargs.kind = BOOTARGS_UNKNOWN;
		return;
	}
	platform.bootargs =
		bootargs_parse((const uint32_t *)phys_to_virt(r2), BOOTARGS_READ_LIMIT);
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

	if (args->has_memory &&
	    (args->memory_base != platform.ram.base || args->memory_size != platform.ram.size))
		kprintf("ram: WARNING: ATAG_MEM says 0x%08lx bytes at 0x%08lx, the %s "
			"0x%08lx at 0x%08lx; using the %s\n",
			(unsigned long)args->memory_size, (unsigned long)args->memory_base,
			platform.ram_source, (unsigned long)platform.ram.size,
			(unsigned long)platform.ram.base, platform.ram_source);
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
	cross_check_ram();
	platform.vc_error = mailbox_get_vc_memory(&platform.vc);
	platform.revision_error = mailbox_get_board_revision(&platform.revision);
	platform.arm_clock_error = mailbox_get_clock_rate(MAILBOX_CLOCK_ARM, &platform.arm_clock_hz);

	kprintf("ram: ARM 0x%08lx-0x%08lx, %lu MiB (from the %s)\n",
		(unsigned long)platform.ram.base,
		(unsigned long)(platform.ram.base + platform.ram.size - 1),
		(unsigned long)(platform.ram.size >> 20), platform.ram_source);
	if (platform.vc_error == 0)
		kprintf("ram: VideoCore 0x%08lx-0x%08lx, %lu MiB\n", (unsigned long)platform.vc.base,
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
			(unsigned long)platform.bootargs_phys, (unsigned long)platform.bootargs.size,
			platform.bootargs.has_memory ? ", with ATAG_MEM" : "");
		break;
	case BOOTARGS_DEVICE_TREE:
		kprintf("bootargs: device tree at 0x%08lx, %lu bytes (kept, not parsed)\n",
			(unsigned long)platform.bootargs_phys, (unsigned long)platform.bootargs.size);
		break;
	case BOOTARGS_NONE:
		kprintf("bootargs: none (r2 = 0)\n");
		break;
	default:
		kprintf("bootargs: r2 = 0x%08lx points at nothing recognisable\n",
			(unsigned long)platform.bootargs_phys);
		break;
	}
}
