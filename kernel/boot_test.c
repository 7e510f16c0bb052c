/*
 * kernel/boot_test.c - self-tests of what boot/start.S set up.
 */
#include <string.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "arch/mmu.h"
#include "kernel/boot_info.h"
#include "kernel/bootargs.h"
#include "kernel/platform.h"
#include "kernel/exception.h"
#include "kernel/ktest.h"
#include "kernel/timer.h"
#include "kernel/sections.h"
#include "mm/mm.h"
#include "layout.h"

/* Translate va as a PL1 read with the MMU (ATS1CPR); PAR.F set means it faults. */
static uint32_t translate_read(vaddr_t va)
{
	write_ats1cpr(va);
	isb();
	return read_par();
}

KTEST(boot, higher_half)
{
	uint32_t pc, sp;

	__asm__ volatile("adr %0, ." : "=r"(pc));
	__asm__ volatile("mov %0, sp" : "=r"(sp));
	KT_ASSERT(pc >= KERNEL_VIRT_BASE);
	KT_ASSERT(pc >= (uint32_t)__text_start && pc < (uint32_t)__text_end);
	/* The code is where it was linked: its link address translates to where it was loaded. */
	KT_ASSERT_EQ(virt_to_phys_linear(pc) & PAR_PA_MASK, translate_read(pc) & PAR_PA_MASK);
	/* Running on core 0's SVC stack, also in the higher half. */
	KT_ASSERT(sp > (uint32_t)__stacks_start + STACK_GUARD_SIZE);
	KT_ASSERT(sp <= (uint32_t)__stacks_start + STACK_TOP_SVC);
}

KTEST(boot, l1_table)
{
	const uint32_t *l1 = (const uint32_t *)VIRT_L1_TABLE;
	uint32_t first = l1[KERNEL_VIRT_BASE >> SECTION_SHIFT];

	/* The kernel's table is TTBR1's; the lower 2 GiB are TTBR0's, walks off with no process. */
	KT_ASSERT_EQ(PHYS_L1_TABLE, read_ttbr1() & ~(uint32_t)(L1_TABLE_SIZE - 1));
	KT_ASSERT_EQ(TTBR_WALK_FLAGS, read_ttbr1() & (L1_TABLE_SIZE - 1));
	KT_ASSERT_EQ(TTBCR_N_2GIB | TTBCR_PD0, read_ttbcr());
	uint32_t linear = l1[(KERNEL_VIRT_BASE + KERNEL_PAGED_SIZE) >> SECTION_SHIFT];

	/* The image's first MiB is in pages, through the table in .pgtables... */
	KT_ASSERT_EQ(L1_TYPE_PAGE_TABLE, first & L1_TYPE_MASK);
	KT_ASSERT_EQ(virt_to_phys_linear((vaddr_t)__kernel_l2_start),
		     first & L1_PAGE_TABLE_BASE_MASK);
	/* ...and the linear map after it is Normal, kernel-only read-write, execute-never sections. */
	KT_ASSERT_EQ(L1_TYPE_SECTION, linear & L1_TYPE_MASK);
	KT_ASSERT_EQ(KERNEL_PAGED_SIZE, linear & L1_SECT_BASE_MASK);
	KT_ASSERT_EQ(L1_SECT_NORMAL_WBWA | L1_SECT_KERNEL_RW | L1_SECT_XN,
		     linear & (L1_SECT_NORMAL_WBWA | L1_SECT_KERNEL_RW | L1_SECT_AP1 | L1_SECT_AP2 |
			       L1_SECT_XN));
	/* ...and the MMU agrees: the table itself is at 0x80004000 -> 0x4000. */
	KT_ASSERT_EQ(0, translate_read(KERNEL_VIRT_BASE) & (PAR_PA_MASK | PAR_F));
	KT_ASSERT_EQ(PHYS_L1_TABLE, translate_read(VIRT_L1_TABLE) & (PAR_PA_MASK | PAR_F));
}

KTEST(boot, mmu_and_caches_on)
{
	uint32_t sctlr = read_sctlr();

	KT_ASSERT_EQ(SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_Z | SCTLR_TRE,
		     sctlr & (SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_Z | SCTLR_TRE));
	KT_ASSERT_EQ(0, sctlr & (SCTLR_A | SCTLR_V | SCTLR_AFE | SCTLR_TE | SCTLR_EE | SCTLR_WXN));
	KT_ASSERT_EQ(DACR_DOMAIN0_CLIENT, read_dacr());
}

/*
 * TEX remap: the eight regions as arch/mmu.h describes them, so that
 * Normal memory (and with it the tables the walker reads) is inner
 * shareable, as TTBR0's walk attributes say.
 */
KTEST(boot, tex_remap)
{
	KT_ASSERT_EQ(PRRR_VALUE, read_prrr());
	KT_ASSERT_EQ(NMRR_VALUE, read_nmrr());
	KT_ASSERT(read_prrr() & PRRR_NOS(7)); /* Normal write-back: inner shareable */
	KT_ASSERT(read_ttbr0() & TTBR_NOS);   /* and so are the walks */
	/*
	 * CONTEXTIDR: no PROCID, and an ASID of 0 until a process has run;
	 * after that the last process's stays (the switch back is cheap, and
	 * PD0 keeps the kernel off its table).
	 */
	KT_ASSERT_EQ(0, read_contextidr() >> 8);
	KT_ASSERT(read_ttbcr() & TTBCR_PD0);
}

/*
 * The firmware's armstub (and tests/qemu/fwstub.S after it) leaves the
 * virtual timer enabled with its interrupt unmasked: the stub stops both
 * timers of every core that boots, before anything could unmask IRQs. The
 * physical timer stays stopped; the virtual one is the tick's now, and
 * timer_init saw it as the stub left it.
 */
KTEST(boot, timers_stopped)
{
	KT_ASSERT_EQ(0, timer_ctl_at_init() & CNT_CTL_ENABLE);
	KT_ASSERT_EQ(0, read_cntp_ctl() & CNT_CTL_ENABLE);
	KT_ASSERT_EQ(CNT_CTL_ENABLE, read_cntv_ctl() & (CNT_CTL_ENABLE | CNT_CTL_IMASK));
}

/* Asynchronous aborts are taken (and reported) once the vectors are there. */
KTEST(boot, async_aborts_unmasked)
{
	KT_ASSERT_EQ(0, read_cpsr() & PSR_A);
}

/* Nothing below 0x80000000 is mapped: reads fault with a translation fault. */
static void expect_translation_fault(struct ktest_context *ktest_context, vaddr_t va)
{
	struct fault_catcher catcher;

	KT_ASSERT(translate_read(va) & PAR_F);
	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
		(void)*(volatile uint32_t *)va;
		fault_catch_cancel();
		KT_FAIL("read at 0x%08lx did not fault", (unsigned long)va);
	}
	KT_ASSERT_EQ(FAULT_DATA_ABORT, catcher.fault.kind);
	KT_ASSERT_EQ(va, catcher.fault.address);
	KT_ASSERT_EQ(FAULT_CLASS_TRANSLATION, fault_status_decode(catcher.fault.status)->class);
	KT_ASSERT_STREQ("translation fault", fault_status_decode(catcher.fault.status)->name);
	KT_ASSERT_EQ(0, catcher.fault.status & FSR_WNR);
}

KTEST(boot, low_memory_unmapped)
{
	static const vaddr_t probes[] = { 0x00000000, PHYS_KERNEL_LOAD, 0x7FFFF000, 0x7FFFFFFC };

	for (unsigned i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		expect_translation_fault(ktest_context, probes[i]);
		if (ktest_context->failed)
			return;
	}
}

KTEST(boot, vectors)
{
	KT_ASSERT_EQ(VIRT_VECTORS, read_vbar());
	KT_ASSERT(vectors_end - vectors_start <= (int)PHYS_VECTORS_LIMIT);
	KT_ASSERT(memcmp((const void *)VIRT_VECTORS, vectors_start,
			 (size_t)(vectors_end - vectors_start)) == 0);
}

/*
 * Never written by anyone. The QEMU boot tests put a non-zero word here
 * before the kernel starts (tests/qemu/boot-test), so this fails if BSS was
 * not cleared.
 */
uint32_t boot_bss_probe[4];

KTEST(boot, bss_zero)
{
	for (unsigned i = 0; i < 4; i++)
		KT_ASSERT_EQ(0, boot_bss_probe[i]);
	KT_ASSERT((uintptr_t)__bss_start % 16 == 0 && (uintptr_t)__bss_end % 16 == 0);
}

KTEST(boot, registers_recorded)
{
	const struct boot_info *info = &boot_info;
	uint32_t mode = info->entry_cpsr & MODE_MASK;

	KT_ASSERT_EQ(BOOT_INFO_MAGIC_VALUE, info->magic);
	KT_ASSERT(mode == MODE_HYP || mode == MODE_SVC);
	KT_ASSERT(info->load_address == PHYS_KERNEL_LOAD ||
		  info->load_address == PHYS_RAW_IMAGE_QEMU);
	/* Interrupts were masked at entry by every loader. */
	KT_ASSERT_EQ(PSR_I | PSR_F, info->entry_cpsr & (PSR_I | PSR_F));
	/* r2, when set, points at ATAGs or a device tree (where the kernel moved it, if it did). */
	if (info->r2 != 0) {
		paddr_t at = platform.bootargs_moved_from == info->r2 ? platform.bootargs_phys
								      : info->r2;

		KT_ASSERT(at < PHYS_RAM_MAX - PAGE_SIZE);
		enum bootargs_kind kind =
			bootargs_parse((const uint32_t *)phys_to_virt(at), PAGE_SIZE).kind;
		KT_ASSERT(kind == BOOTARGS_ATAGS || kind == BOOTARGS_DEVICE_TREE);
	}
	/* The firmware (HYP) loads at 0x8000; QEMU's raw-image loader passes ATAGs at 0x100. */
	if (mode == MODE_HYP)
		KT_ASSERT_EQ(PHYS_KERNEL_LOAD, info->load_address);
	if (info->load_address == PHYS_RAW_IMAGE_QEMU && platform.bootargs.kind == BOOTARGS_ATAGS)
		KT_ASSERT_EQ(PHYS_ATAGS_DEFAULT, info->r2);
}

KTEST(boot, cores_parked)
{
	/* Every core answered the boot mailbox and waits in the kernel's own loop. */
	KT_ASSERT_EQ((1U << CORE_COUNT) - 1, boot_info.parked_cores);
}

/*
 * Entered in HYP, the kernel sets CNTVOFF to 0 (the firmware's stub in the
 * tests leaves a large one): the virtual count is the physical count.
 */
KTEST(boot, virtual_count_without_offset)
{
	uint64_t physical, virtual_count;

	if ((boot_info.entry_cpsr & MODE_MASK) != MODE_HYP)
		KT_SKIP("entered in SVC: CNTVOFF is the loader's");
	virtual_count = read_cntvct();
	physical = read_cntpct();
	KT_ASSERT(physical >= virtual_count);
	KT_ASSERT(physical - virtual_count < timer_frequency() / 1000); /* under a millisecond */
}
