/*
 * kernel/main.c - kmain: the boot sequence in C.
 *
 * Entered from boot/start.S with the MMU on, running in the higher half, on
 * core 0's SVC stack, with the boot-time peripheral mapping in place:
 *   1. console on the boot-time mapping of the UART (clock from the mailbox);
 *   2. banner: where the loader left us and the layout as it really is;
 *   3. memory management, the devices, interrupts and the tick;
 *   4. the self-tests, in TAP;
 *   5. exit status to the host (semihosting), or, when there is none, the
 *      console (kernel/console.h).
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "arch/mmu.h"
#include "drivers/bcm2836_local.h"
#include "drivers/gpio.h"
#include "drivers/mailbox.h"
#include "drivers/pl011.h"
#include "drivers/rng.h"
#include "drivers/systimer.h"
#include "kernel/banner.h"
#include "kernel/boot_info.h"
#include "drivers/board.h"
#include "kernel/cmdline.h"
#include "kernel/console.h"
#include "kernel/error.h"
#include "kernel/fault_status.h"
#include "kernel/fpu.h"
#include "kernel/initramfs.h"
#include "kernel/irq.h"
#include "kernel/ktest.h"
#include "kernel/panic.h"
#include "kernel/platform.h"
#include "kernel/printk.h"
#include "kernel/sections.h"
#include "kernel/semihost.h"
#include "kernel/smp.h"
#include "kernel/thread.h"
#include "kernel/timer.h"
#include "kernel/tty.h"
#include "layout.h"
#include "mm/descriptor.h"
#include "mm/kernel_map.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/mmio.h"
#include "mm/mmu.h"
#include "mm/page_fault.h"

/* When the mailbox cannot say, the firmware's default UART clock. */
#define UART_CLOCK_FALLBACK_HZ 48000000

/* Filled by boot/start.S; in .data because BSS is cleared after it is written. */
struct boot_info boot_info __attribute__((section(".data")));

static uint32_t kmain_cycles; /* the cycle counter when kmain began */
static int uart_clock_error;
static uint32_t uart_clock_hz;

static void console_init(void)
{
	vaddr_t periph = VIRT_EARLY_PERIPH;

	systimer_init(periph + SYSTIMER_OFFSET);
	mailbox_init(periph + MAILBOX_OFFSET);
	gpio_init(periph + GPIO_OFFSET);
	rng_init(periph +
		 RNG_OFFSET); /* warming up from now: AT_RANDOM wants it at the first exec */
	uart_clock_error = mailbox_get_clock_rate(MAILBOX_CLOCK_UART, &uart_clock_hz);
	if (uart_clock_error)
		uart_clock_hz = UART_CLOCK_FALLBACK_HZ;
	gpio_set_function(PL011_TX_PIN, GPIO_ALT0);
	gpio_set_function(PL011_RX_PIN, GPIO_ALT0);
	gpio_set_pull(PL011_TX_PIN, GPIO_PULL_NONE);
	gpio_set_pull(PL011_RX_PIN, GPIO_PULL_UP); /* an unconnected RX must not float */
	if (pl011_init(periph + PL011_OFFSET, uart_clock_hz, PL011_BAUD) == 0)
		console_set_sink(pl011_write);
}

/* Which loader the entry state points to (platform facts, README). */
static const char *loader_guess(const struct boot_info *info)
{
	if ((info->entry_cpsr & MODE_MASK) == MODE_HYP)
		return "Raspberry Pi firmware (or its emulation)";
	if (info->load_address == PHYS_RAW_IMAGE_QEMU)
		return "QEMU -kernel with the raw image";
	if (info->load_address == PHYS_KERNEL_LOAD)
		return "QEMU -kernel ELF or -bios";
	return "unknown loader";
}

/* M, C and I as the loader left them, and ACTLR.SMP as it stuck. */
static void banner_entry_state(const struct boot_info *info)
{
	uint32_t sctlr = info->entry_sctlr;
	bool hyp = (info->entry_cpsr & MODE_MASK) == MODE_HYP;
	uint32_t part = (read_midr() >> MIDR_PART_SHIFT) & MIDR_PART_MASK;

	kprintf("boot: entered with the MMU %s, data cache %s, instruction cache %s (%s 0x%08lx)%s\n",
		(sctlr & SCTLR_M) ? "on" : "off", (sctlr & SCTLR_C) ? "on" : "off",
		(sctlr & SCTLR_I) ? "on" : "off", hyp ? "HSCTLR" : "SCTLR", (unsigned long)sctlr,
		(sctlr & (SCTLR_M | SCTLR_C)) ? ": turned off, caches cleaned and invalidated"
					      : "");
	if (part != MIDR_PART_CORTEX_A7)
		kprintf("boot: MIDR 0x%08lx is not a Cortex-A7: ACTLR.SMP left to the firmware\n",
			(unsigned long)read_midr());
	else if (!(info->actlr & ACTLR_SMP))
		kprintf("boot: WARNING: ACTLR.SMP reads back clear (ACTLR 0x%08lx): this core is "
			"outside coherency (non-secure code can set it only when NSACR.NS_SMP allows)\n",
			(unsigned long)info->actlr);
}

static void banner(const struct boot_info *info)
{
	kprintf("\nbramble: a kernel for the Raspberry Pi 2\n");
	kprintf("boot: entered in %s mode at 0x%08lx by %s\n", psr_mode_name(info->entry_cpsr),
		(unsigned long)info->load_address, loader_guess(info));
	kprintf("boot: r0 0x%08lx r1 0x%08lx r2 0x%08lx\n", (unsigned long)info->r0,
		(unsigned long)info->r1, (unsigned long)info->r2);
	kprintf("boot: cores waiting in the kernel's parking loop: %s%s%s%s\n",
		(info->parked_cores & 2) ? "1 " : "", (info->parked_cores & 4) ? "2 " : "",
		(info->parked_cores & 8) ? "3 " : "", (info->parked_cores & 0xE) ? "" : "none");
	banner_entry_state(info);
	kprintf("boot: cycle counter from entry: %lu to kmain, %lu to the first UART byte "
		"(PMCCNTR: cycles; under QEMU -icount, instructions)\n",
		(unsigned long)kmain_cycles, (unsigned long)console_first_byte_cycles());
	if (uart_clock_error)
		kprintf("uart: clock unknown (mailbox: %s), assumed %lu Hz\n",
			error_name(uart_clock_error), (unsigned long)uart_clock_hz);
	else
		kprintf("uart: PL011, %u baud 8N1 from a %lu Hz clock\n", PL011_BAUD,
			(unsigned long)uart_clock_hz);
}

/* The layout, the table and the W^X check; returns the number of W+X mappings found. */
static unsigned banner_layout(void)
{
	layout_print();
	kprintf("translation table (every range; last addresses inclusive):\n");
	kernel_map_dump();
	return kernel_map_check_wx();
}

/*
 * Memory management over the RAM the firmware reported, keeping what the
 * loader left (the blob r2 points at, an initrd, the tree's reservations),
 * after moving any of it that lies where the PMM's metadata goes.
 */
static void memory_init(void)
{
	paddr_t ram_end = platform.ram.base + platform.ram.size;
	paddr_t kernel_end = virt_to_phys_linear((vaddr_t)__kernel_end);
	struct phys_range keep[2 + PLATFORM_KEEP_MAX];

	platform_move_out_of(kernel_end, kernel_end + pmm_metadata_bytes(kernel_end, ram_end));
	mm_init(ram_end, keep, platform_ranges_to_keep(keep, sizeof(keep) / sizeof(keep[0])));
	/* The heap ships fast (magics, double- and foreign-free checks); kheap.debug checks it all. */
	if (cmdline_flag(platform.cmdline, "kheap.debug")) {
		kheap_set_debug(&kernel_heap, true);
		kprintf("kheap: debug mode (kheap.debug): canaries, poison, no quick bins\n");
	}
}

/* Linked in only in the benchmark image (make bench): see kernel/bench.h. */
void bench_run_all(void) __attribute__((weak));

void kmain(struct boot_info *info);

void kmain(struct boot_info *info)
{
	unsigned failures, wx_offenders;

	kmain_cycles = read_pmccntr();
	console_init();
	banner(info);
	platform_discover(info);
	memory_init();
	board_map_devices();
	irq_init();
	sched_init();
	(void)fpu_init(); /* (it says when processes get no FPU) */
	tty_reset();
	tty_set_active(true); /* until the console's prompt takes the UART */
	timer_init();
	{
		uint32_t cores = smp_boot();

		kprintf("smp: cores online: %s%s%s%s\n", cores & 1 ? "0 " : "",
			cores & 2 ? "1 " : "", cores & 4 ? "2 " : "", cores & 8 ? "3" : "");
	}
	console_start_interrupts();
	irq_unmask();
	page_fault_init();
	initramfs_init();
	wx_offenders = banner_layout();
	/*
	 * The self-test protect.wx_check_clean looks at the table again and
	 * fails the boot; this check fails it too, so that an offender that is
	 * gone by then still counts.
	 */
	if (wx_offenders)
		kprintf("W^X: not kept (%u writable and executable, listed above): this boot fails\n",
			wx_offenders);
	if (bench_run_all) {
		/* Measured with IRQs masked: a tick inside an interval would be counted in it. */
		irq_mask();
		bench_run_all();
		pl011_flush();
		semihost_exit(0);
		irq_unmask();
	} else {
		failures = ktest_run_all();
		pl011_flush();
		semihost_exit(failures || wx_offenders ? 1 : 0);
		kprintf("bramble: self-tests done (%u failed%s) at %lu cycles\n", failures,
			wx_offenders ? ", W+X mappings at boot" : "",
			(unsigned long)read_pmccntr());
	}
	console_run(cmdline_flag(platform.cmdline, "bramble.sh"));
}
