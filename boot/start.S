/*
 * boot/start.S - the first code bramble runs, at physical 0x8000.
 *
 * Entered in one of these states (../README.md, "How each loader enters
 * bramble"):
 *
 *   Raspberry Pi firmware   HYP, non-secure, MMU and data cache off;
 *                           r0 = 0, r1 = machine type, r2 = ATAGs or device
 *                           tree; cores 1-3 wait in the firmware's stub at
 *                           0x0-0xFF.
 *   qemu -kernel ELF/-bios  SVC, secure, MMU off; r0-r2 = 0; all four cores
 *                           run this code at the same time.
 *   qemu -kernel raw image  SVC, non-secure, MMU off, image at 0x10000 (not
 *                           0x8000); r2 = ATAGs at 0x100; cores 1-3 wait in
 *                           QEMU's stub at 0x300.
 *   U-Boot's go, bootelf,   HYP or SVC with the loader's MMU and caches still
 *   chain-loaders           on (an identity map), its dirty lines in the
 *                           data cache.
 *
 * What happens, in order:
 *   1. start the cycle counter (boot time is measured from here);
 *   2. cores 1-3, if they run this code, go to the parking loop;
 *   3. core 0: if a loader left the MMU or caches on, turn them off and
 *      clean everything the caches hold to memory;
 *   4. leave HYP for SVC (before touching any banked register), leaving a
 *      Hyp stub behind, and set ACTLR.SMP (before any cache or TLB
 *      maintenance);
 *   5. if the image is not at 0x8000, it moves itself there;
 *   6. the boot record (r0-r2, entry mode and SCTLR, load address), and
 *      the timers a loader left running are stopped;
 *   7. cores 1-3 wherever a loader parked them are moved into the kernel's
 *      parking loop; only after that is any memory below 0x8000 written;
 *      the vector table is copied to physical 0;
 *   8. the first L1 table is built at 0x4000: the image in 4 KiB pages
 *      (W^X, guard pages below the stacks), the identity map of this code,
 *      the boot-time peripheral window; what the caches may hold of the
 *      memory written with the MMU off is invalidated, then the TLB and
 *      branch predictor, and the MMU and caches are turned on;
 *   9. jump to the higher half (start_high in this file, linked at 0x8000xxxx).
 *  10. there: stacks, VBAR, asynchronous aborts unmasked, identity map
 *      removed, BSS cleared, kmain(&boot_info).
 *
 * Register use up to the jump high (nothing here uses a stack):
 *   r8  = loader's r0      r9  = loader's r1      r10 = loader's r2
 *   r11 = CPSR at entry    r12 = physical address the image was entered at
 *   r7  = SCTLR (HSCTLR in HYP) at entry, up to step 6;
 *         from step 7 on: bitmask of parked cores
 */
#include "layout.h"
#include "arch/arm.h"
#include "arch/maintenance.h"
#include "arch/mmu.h"
#include "kernel/boot_info.h"
#include "drivers/bcm2836_local.h"
#include "drivers/systimer.h"
#include "arch/hyp.h"

	.syntax unified
	.arm
	.arch_extension virt            /* eret, msr elr_hyp, hvc */

/* How long core 0 waits for a parked core to take its mailbox: 1 s. */
#define PARK_WAIT_US            1000000

/* Physical address of a symbol linked in the higher half. */
#define PHYS(sym)               ((sym) - KERNEL_VIRT_BASE)

	.section .boot.entry, "ax"
/*
 * leave_hyp TARGET: from HYP to SVC at TARGET, A, I and F masked, leaving
 * PL1 an unvirtualised machine: no HYP traps (HCR, HCPTR, HSTR, HDCR's
 * PMU traps), the physical counter and timer PL1's (CNTHCTL), CNTVOFF and
 * VTTBR 0, and the Hyp stub below as the Hyp vectors, so that HVC has
 * somewhere to go. Core 0 and cores 1-3 leave the same way. Clobbers r0, r1.
 */
	.macro	leave_hyp target
	mov	r0, #0
	mcr	p15, 4, r0, c1, c1, 0           @ HCR = 0: no virtualisation, no traps
	mcr	p15, 4, r0, c1, c1, 2           @ HCPTR = 0: no FPU, CPACR or trace traps
	mcr	p15, 4, r0, c1, c1, 3           @ HSTR = 0: no CP15 traps
	mrc	p15, 4, r0, c1, c1, 1           @ HDCR
	bic	r0, r0, #(HDCR_TPM | HDCR_TPMCR)
	mcr	p15, 4, r0, c1, c1, 1
	mrc	p15, 4, r0, c14, c1, 0          @ CNTHCTL
	orr	r0, r0, #(CNTHCTL_PL1PCTEN | CNTHCTL_PL1PCEN)
	mcr	p15, 4, r0, c14, c1, 0
	mov	r0, #0
	mov	r1, #0
	mcrr	p15, 4, r0, r1, c14             @ CNTVOFF = 0
	mcrr	p15, 6, r0, r1, c2              @ VTTBR = 0
	adrl	r0, hyp_stub_vectors            @ position-independent: may run before the relocation
	mcr	p15, 4, r0, c12, c0, 0          @ HVBAR
	adr	r0, \target
	msr	elr_hyp, r0
	mov	r0, #(MODE_SVC | PSR_A | PSR_I | PSR_F)
	msr	spsr_cxsf, r0                   @ SPSR_hyp (the current mode's SPSR)
	isb
	eret
	.endm

	.global _start
	.type	_start, %function
_start:
	/*
	 * 1. Count instructions from here: reset and start the cycle counter
	 * (under QEMU with -icount it counts one per instruction). PMCCFILTR.NSH
	 * makes it count in HYP mode too; PMUSERENR keeps it from PL0. Clobbers r3.
	 */
	mov	r3, #(PMCR_E | PMCR_P | PMCR_C)
	mcr	p15, 0, r3, c9, c12, 0          @ PMCR
	mov	r3, #PMSELR_CYCLES
	mcr	p15, 0, r3, c9, c12, 5          @ PMSELR = 31: PMXEVTYPER is PMCCFILTR
	isb                                     @ the selection takes effect (B3.15)
	mov	r3, #PMCCFILTR_NSH
	mcr	p15, 0, r3, c9, c13, 1          @ PMCCFILTR
	mov	r3, #PMCNTEN_CYCLES
	mcr	p15, 0, r3, c9, c12, 1          @ PMCNTENSET
	mov	r3, #0
	mcr	p15, 0, r3, c9, c14, 0          @ PMUSERENR = 0: the PMU is not PL0's (reset value UNKNOWN)

	/* 2. Cores 1-3 (present here under QEMU's ELF and -bios loaders) park. */
	mrc	p15, 0, r3, c0, c0, 5           @ MPIDR
	ands	r3, r3, #3                      @ core number
	bne	secondary_park

	/* Core 0 from here. Keep the loader's registers and the entry state. */
	mov	r8, r0
	mov	r9, r1
	mov	r10, r2
	mrs	r11, cpsr

	/*
	 * 3. A loader that jumps in with its MMU and caches still on (U-Boot's
	 * go, some bootelf and chain-loaders; in HYP it is HSCTLR that says so)
	 * leaves dirty lines in the data cache: parts of this very image, the
	 * ATAGs or device tree it wrote, its own data. Everything below is
	 * written with the MMU off, which bypasses the caches (ARM ARM B3.2.1),
	 * so those lines would later be written back over it, or read instead
	 * of it. And the tables below must not be switched to under a live MMU.
	 * So, from this page, which such a loader maps one to one (its identity
	 * map): turn M, C and I off (no new lines are allocated after that),
	 * clean and invalidate every data and unified cache to the point of
	 * coherency by set/way (B2.2.6, B4.2.1), then invalidate the I-cache,
	 * the branch predictor and the TLB (B3.10.1; in HYP also the Hyp TLB
	 * entries). Nothing in between may write memory: a store with the
	 * caches off would go to memory, and the clean after it could write a
	 * stale dirty line over it.
	 * In: r11 = CPSR. Out: r7 = (H)SCTLR at entry. Clobbers r0-r6.
	 */
	and	r0, r11, #MODE_MASK
	cmp	r0, #MODE_HYP
	mrceq	p15, 4, r7, c1, c0, 0           @ HSCTLR
	mrcne	p15, 0, r7, c1, c0, 0           @ SCTLR
	tst	r7, #(SCTLR_M | SCTLR_C)
	beq	loader_state_clean
	bic	r0, r7, #(SCTLR_M | SCTLR_C)
	bic	r0, r0, #SCTLR_I
	and	r1, r11, #MODE_MASK
	cmp	r1, #MODE_HYP
	mcreq	p15, 4, r0, c1, c0, 0           @ HSCTLR: MMU, caches off
	mcrne	p15, 0, r0, c1, c0, 0           @ SCTLR: MMU, caches off
	isb
	bl	dcache_clean_invalidate_all     @ clobbers r0-r6
	and	r1, r11, #MODE_MASK
	cmp	r1, #MODE_HYP
	bne	1f
	tlb_invalidate_hyp_local r0
1:	tlb_invalidate_all_local r0
	icache_bp_invalidate_local r0
loader_state_clean:

	/*
	 * 4. Leave HYP (ARM ARM B1.8, B9.3.3): the firmware enters in HYP, the
	 * kernel runs in SVC. cps and msr cpsr_c cannot leave HYP; an exception
	 * return can: SPSR_hyp = SVC with A, I, F masked, ELR_hyp = where to go.
	 * Before that, give PL1 what it needs: no traps of CP15 or PMU accesses,
	 * none of the FPU (CP10/CP11) or CPACR either (HCPTR, ARM ARM B4.1.72:
	 * the firmware leaves it as it was at reset, and once out of HYP no
	 * one can clear it), the physical timer and counter usable, the
	 * virtual offset zero, no stage 2 table (VTTBR = 0: HCR.VM is off,
	 * but a value a loader left must not outlive it), and the Hyp stub
	 * below as the Hyp vectors, so that HVC has somewhere to go.
	 * In: r11 = CPSR. Clobbers r0-r3.
	 */
	and	r0, r11, #MODE_MASK
	cmp	r0, #MODE_HYP
	bne	in_svc
	leave_hyp in_svc

in_svc:
	/* Mask interrupts whatever the loader left (the firmware path already did). */
	cpsid	aif

	/*
	 * ACTLR.SMP: the A7 TRM (4.3.31) requires it before the caches and
	 * MMU are enabled and before any cache or TLB maintenance, and the
	 * relocation below already invalidates the I-cache. The firmware has
	 * usually set it; in non-secure state it is writable only when
	 * NSACR.NS_SMP is set (a write is ignored otherwise), so it is
	 * written only when clear; the boot record keeps what it reads back,
	 * and the banner warns when it did not stick. Only on a Cortex-A7:
	 * the Cortex-A53 of a Pi 2 v1.2 has its SMP bit elsewhere (CPUECTLR,
	 * set by its firmware), and ACTLR bit 6 means something else there.
	 * (Step 3 made maintenance before this point, with the caches off:
	 * the case of a loader that ran with them on has already broken the
	 * rule, and cleaning its lines comes first.) Clobbers r0, r1.
	 */
	mrc	p15, 0, r0, c0, c0, 0           @ MIDR
	ubfx	r0, r0, #MIDR_PART_SHIFT, #12
	ldr	r1, =MIDR_PART_CORTEX_A7
	cmp	r0, r1
	bne	actlr_done
	mrc	p15, 0, r0, c1, c0, 1           @ ACTLR
	tst	r0, #ACTLR_SMP
	orreq	r0, r0, #ACTLR_SMP
	mcreq	p15, 0, r0, c1, c0, 1
	isb
actlr_done:

	/*
	 * 5. Move to 0x8000 if loaded elsewhere (qemu -kernel with the raw image
	 * puts it at 0x10000). Only loading above the link address is supported;
	 * then the copy runs upwards, which is safe for overlapping ranges, but
	 * the copy loop itself would be overwritten by later parts of the image.
	 * So first copy just the boot stub (at most a page, linker.ld; no overlap
	 * as long as the image sits at least the stub's size higher), continue
	 * in that copy, and let it copy the rest. Each time, before running
	 * what was copied (ARM ARM B2.2.9): the stores complete (DSB; with the
	 * MMU off they went to memory), then no stale I-cache lines or
	 * predictions, DSB, ISB. Out: r12 = physical address entered at.
	 * Clobbers r0-r6.
	 */
	adr	r12, _start                     @ where we run
	ldr	r4, =_start                     @ where we are linked
	cmp	r12, r4
	beq	relocated
	blo	unsupported_load_address
	sub	r0, r12, r4                     @ distance between load and link address
	ldr	r1, =__boot_phys_end
	sub	r1, r1, r4                      @ stub size
	cmp	r0, r1
	blo	unsupported_load_address
	mov	r0, r12                         @ source
	mov	r1, r4                          @ destination
	ldr	r2, =__boot_phys_end            @ end of the stub at its destination
	bl	copy_up                         @ branch and link are PC-relative: fine here
	dsb
	icache_bp_invalidate_local r0
	ldr	pc, =relocate_rest              @ absolute: continue in the copy at 0x8000
relocate_rest:
	ldr	r4, =_start
	ldr	r5, =__boot_phys_end
	sub	r0, r5, r4                      @ stub size
	add	r0, r12, r0                     @ source: rest of the image
	mov	r1, r5                          @ destination
	ldr	r2, =__image_phys_end
	bl	copy_up
	dsb
	icache_bp_invalidate_local r0

relocated:
	/*
	 * 6. The boot record, at its physical address (the MMU is off). It lives
	 * in .data, which clearing BSS does not touch. Then the timers: the
	 * firmware's armstub leaves the virtual timer enabled with its
	 * interrupt unmasked and its compare value unknown, so that the first
	 * interrupt enable would take a timer interrupt at once; every core
	 * that boots stops both of its timers (ARM ARM chapter B8: CNTV_CTL and
	 * CNTP_CTL, ENABLE = 0). Clobbers r0, r1.
	 */
	ldr	r0, =PHYS(boot_info)
	ldr	r1, =BOOT_INFO_MAGIC_VALUE
	str	r1, [r0, #BOOT_INFO_MAGIC]
	str	r8, [r0, #BOOT_INFO_R0]
	str	r9, [r0, #BOOT_INFO_R1]
	str	r10, [r0, #BOOT_INFO_R2]
	str	r11, [r0, #BOOT_INFO_ENTRY_CPSR]
	str	r12, [r0, #BOOT_INFO_LOAD_ADDRESS]
	str	r7, [r0, #BOOT_INFO_ENTRY_SCTLR]
	mrc	p15, 0, r1, c1, c0, 1           @ ACTLR, as it reads back
	str	r1, [r0, #BOOT_INFO_ACTLR]
	mov	r0, #0
	mcr	p15, 0, r0, c14, c3, 1          @ CNTV_CTL = 0
	mcr	p15, 0, r0, c14, c2, 1          @ CNTP_CTL = 0
	isb

	/*
	 * 7. Park cores 1-3 in the kernel's own loop, wherever they wait: in the
	 * firmware's stub at 0x0-0xFF (which the vector table will overwrite),
	 * in QEMU's stub at 0x300, or already in secondary_park. All use the same
	 * protocol: write the entry address to the core's mailbox 3, sev, and the
	 * core clears the mailbox and jumps. A core that is already in
	 * secondary_park takes the address too and simply parks again.
	 * Wait until each core has cleared its mailbox: from then on it runs the
	 * kernel's code, and low memory may be written. The wait sleeps in wfe:
	 * a parked core signals (sev) when it has taken its mailbox, and the
	 * generic timer's event stream wakes core 0 regularly, so that a core
	 * that never answers within PARK_WAIT_US (system timer) costs that
	 * time, not a hang. (Under QEMU with -icount a loop without wfe never
	 * lets the other cores run; without -icount they are host threads that
	 * may take a while to be scheduled.)
	 * Out: r7 = bit n set when core n answered. Clobbers r0-r6.
	 */
	mrc	p15, 0, r0, c14, c1, 0          @ CNTKCTL
	orr	r0, r0, #CNTKCTL_EVENT_STREAM
	mcr	p15, 0, r0, c14, c1, 0          @ wake wfe regularly while waiting
	isb
	mov	r7, #1                          @ core 0 is here
	ldr	r0, =secondary_park
	ldr	r5, =(PHYS_LOCAL_BASE + LOCAL_MAILBOX_SET(0, LOCAL_BOOT_MAILBOX))
	ldr	r6, =(PHYS_LOCAL_BASE + LOCAL_MAILBOX_CLR(0, LOCAL_BOOT_MAILBOX))
	mov	r4, #1                          @ core number
park_next_core:
	str	r0, [r5, r4, lsl #4]            @ mailbox 3 of core r4 = secondary_park
	dsb
	sev
	ldr	r3, =(PHYS_PERIPH_BASE + SYSTIMER_OFFSET)
	ldr	r3, [r3, #SYSTIMER_CLO]         @ r3 = start time, microseconds
park_wait:
	wfe                                     @ the core's sev, or the event stream
	ldr	r1, [r6, r4, lsl #4]
	cmp	r1, #0
	beq	park_answered
	ldr	r1, =(PHYS_PERIPH_BASE + SYSTIMER_OFFSET)
	ldr	r1, [r1, #SYSTIMER_CLO]
	sub	r1, r1, r3                      @ time waited (wraps correctly)
	ldr	r2, =PARK_WAIT_US
	cmp	r1, r2
	blo	park_wait
	b	park_done_core                  @ no answer: leave its bit clear
park_answered:
	mov	r1, #1
	orr	r7, r7, r1, lsl r4
park_done_core:
	add	r4, r4, #1
	cmp	r4, #CORE_COUNT
	blo	park_next_core
	mrc	p15, 0, r0, c14, c1, 0          @ CNTKCTL
	bic	r0, r0, #CNTKCTL_EVENT_STREAM
	mcr	p15, 0, r0, c14, c1, 0
	ldr	r0, =PHYS(boot_info)
	str	r7, [r0, #BOOT_INFO_PARKED_CORES]

	/*
	 * 7b. The vector table to physical 0, where VBAR = VIRT_VECTORS will find
	 * it, now that the MMU and the data cache are off: the stores go to
	 * memory, and the I-cache and branch predictor are invalidated before
	 * the MMU goes on (8c). If a core did not answer its mailbox, it may
	 * still be running a loader's stub at 0x0-0xFF: then physical 0 is left
	 * alone, and VBAR will point at the table where it was linked.
	 */
	cmp	r7, #((1 << CORE_COUNT) - 1)
	bne	vectors_done
	ldr	r0, =PHYS(vectors_start)
	ldr	r2, =PHYS(vectors_end)
	ldr	r1, =PHYS_VECTORS
1:	ldr	r3, [r0], #4
	str	r3, [r1], #4
	cmp	r0, r2
	blo	1b
vectors_done:

	/*
	 * 8a. The first L1 table at PHYS_L1_TABLE (ARM ARM B3.5.1): all faults,
	 * then
	 *   - the first KERNEL_PAGED_SIZE of the linear map (virtual
	 *     KERNEL_VIRT_BASE + p -> physical p), in pages (8b). The rest of
	 *     RAM is mapped by the kernel once the firmware has said how much of
	 *     it is the ARM's (mm/linear_map.c): the VideoCore's share is never
	 *     mapped, so no line of it can ever enter the ARM's caches;
	 *   - the identity map of the section holding this code, executable, for
	 *     the few instructions between MMU on and the jump high;
	 *   - the peripheral window at VIRT_EARLY_PERIPH as Device, execute-never,
	 *     for the console until the drivers map their own registers.
	 * With the MMU off these stores go straight to memory. Clobbers r0-r6.
	 */
	ldr	r0, =PHYS_L1_TABLE
	mov	r1, #0
	add	r2, r0, #L1_TABLE_SIZE
1:	str	r1, [r0], #4
	cmp	r0, r2
	blo	1b

	ldr	r0, =PHYS_L1_TABLE
	adr	r4, .
	lsr	r4, r4, #SECTION_SHIFT          @ section holding this code
	ldr	r1, =BOOT_SECT_RAM_EXEC
	orr	r1, r1, r4, lsl #SECTION_SHIFT
	str	r1, [r0, r4, lsl #2]

	ldr	r0, =(PHYS_L1_TABLE + (VIRT_EARLY_PERIPH >> SECTION_SHIFT) * 4)
	ldr	r1, =(PHYS_PERIPH_BASE | BOOT_SECT_DEVICE)
	ldr	r2, =(PHYS_PERIPH_BASE + PHYS_PERIPH_SIZE)
3:	str	r1, [r0], #4
	add	r1, r1, #SECTION_SIZE
	cmp	r1, r2
	blo	3b

	/*
	 * 8b. W^X for the image: the first KERNEL_PAGED_SIZE bytes of the linear
	 * map (vectors, L1 table, boot stub, kernel, stacks, and the RAM after
	 * them) are mapped with small pages through the tables in .pgtables
	 * (ARM ARM B3.5.1, Figure B3-5), so that nothing is both writable and
	 * executable:
	 *   page 0 (vectors)        read-only, executable if the table was copied
	 *   PHYS_KERNEL_LOAD (stub) read-only, execute-never
	 *   text                    read-only, executable
	 *   rodata                  read-only, execute-never
	 *   everything else         read-write, execute-never
	 * and the guard page below each stack of each core is left unmapped, so
	 * that an overflow faults. Clobbers r0-r6.
	 */
	ldr	r0, =PHYS(__kernel_l2_start)
	ldr	r1, =(PHYS_L1_TABLE + (KERNEL_VIRT_BASE >> SECTION_SHIFT) * 4)
	orr	r3, r0, #L1_TYPE_PAGE_TABLE     @ domain 0
	mov	r2, #(KERNEL_PAGED_SIZE / SECTION_SIZE)
4:	str	r3, [r1], #4
	add	r3, r3, #L2_TABLE_SIZE
	subs	r2, r2, #1
	bne	4b

	mov	r4, #0                          @ physical address of the page
	ldr	r1, =BOOT_PAGE_RAM
page_next:
	mov	r6, r1
	cmp	r4, #PAGE_SIZE
	bhs	page_above_vectors
	cmp	r7, #((1 << CORE_COUNT) - 1)    @ were the vectors copied?
	ldreq	r6, =BOOT_PAGE_TEXT
	ldrne	r6, =BOOT_PAGE_READ_ONLY
	b	page_store
page_above_vectors:
	ldr	r5, =PHYS(__text_start)
	cmp	r4, r5
	bhs	page_in_image
	ldr	r5, =PHYS_KERNEL_LOAD           @ the boot stub's page
	cmp	r4, r5
	ldrhs	r6, =BOOT_PAGE_READ_ONLY
	b	page_store
page_in_image:
	ldr	r5, =PHYS(__text_end)
	cmp	r4, r5
	ldrlo	r6, =BOOT_PAGE_TEXT
	blo	page_store
	ldr	r5, =PHYS(__rodata_end)         @ rodata follows text
	cmp	r4, r5
	ldrlo	r6, =BOOT_PAGE_READ_ONLY
page_store:
	orr	r6, r6, r4
	str	r6, [r0], #4
	add	r4, r4, #PAGE_SIZE
	cmp	r4, #KERNEL_PAGED_SIZE
	blo	page_next

	/* Guard pages: below the SVC stack and below each exception stack (layout.h). */
	ldr	r0, =PHYS(__kernel_l2_start)
	ldr	r1, =PHYS(__stacks_start)
	add	r0, r0, r1, lsr #(PAGE_SHIFT - 2)       @ the L2 entry of core 0's block
	mov	r2, #CORE_COUNT
	mov	r3, #L2_TYPE_FAULT
5:	str	r3, [r0]
	str	r3, [r0, #(STACK_TOP_SVC >> (PAGE_SHIFT - 2))]
	str	r3, [r0, #(STACK_TOP_ABT >> (PAGE_SHIFT - 2))]
	str	r3, [r0, #(STACK_TOP_UND >> (PAGE_SHIFT - 2))]
	str	r3, [r0, #(STACK_TOP_IRQ >> (PAGE_SHIFT - 2))]
	add	r0, r0, #(CORE_STACKS_SIZE >> (PAGE_SHIFT - 2))
	subs	r2, r2, #1
	bne	5b

	/*
	 * 8c. Turn on the MMU and caches (ACTLR.SMP was set in step 4).
	 *
	 * What the caches may hold. The Cortex-A7 invalidates its L1 and L2
	 * caches itself at reset (unless its L1RSTDISABLE or L2RSTDISABLE
	 * input is tied high: A7 TRM, appendix A, signal descriptions; the Pi's firmware,
	 * which never invalidates them and runs its stub with the I-cache on,
	 * depends on it), and a loader that ran with the data cache on has had
	 * its lines cleaned and invalidated in step 3. What is left are lines
	 * that instruction fetches allocated with the MMU off and SCTLR.I set
	 * (such fetches are cacheable, B3.2.1, and the L2 is unified): clean
	 * copies of the loader's stub at physical 0 and of this image as it
	 * was loaded. Everything written here with the MMU off went around
	 * them: the vectors at 0, the L1 table, a relocated image, the boot
	 * record, the second-level tables. Invalidate exactly those ranges by
	 * address, to the point of coherency (B4.2.1), so that no clean but
	 * stale line shadows them once data accesses are cacheable. (This
	 * replaces an invalidation of every line by set/way, which costs a
	 * pass over the whole L2 and under QEMU, which describes a 2304-set,
	 * 16-way L2, most of the boot's instructions.)
	 * Then the I-cache, the branch predictor and the TLB (B3.10.1,
	 * B2.2.7), DSB, ISB, before the tables are used.
	 */
	mov	r0, #0
	ldr	r1, =__image_phys_end           @ vectors, L1 table, image, boot record (physical)
	bl	dcache_invalidate_range         @ clobbers r0, r2, r3
	ldr	r0, =PHYS(__kernel_l2_start)
	ldr	r1, =PHYS(__kernel_l2_end)
	bl	dcache_invalidate_range
	dsb
	tlb_invalidate_all_local r0
	icache_bp_invalidate_local r0

	/*
	 * Translation regime: domain 0 as a client, TTBCR.N = 0 (TTBR0 walks
	 * all 4 GiB; a loader's TTBCR.EAE goes too), TEX remap (arch/mmu.h),
	 * CONTEXTIDR 0, TTBR0 with the walk attributes (cacheable, inner
	 * shareable, as the tables are mapped: B4.1.154).
	 */
	mov	r0, #DACR_DOMAIN0_CLIENT
	mcr	p15, 0, r0, c3, c0, 0           @ DACR: domain 0 checks permissions
	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2           @ TTBCR
	mcr	p15, 0, r0, c13, c0, 1          @ CONTEXTIDR
	ldr	r0, =PRRR_VALUE
	mcr	p15, 0, r0, c10, c2, 0          @ PRRR
	ldr	r0, =NMRR_VALUE
	mcr	p15, 0, r0, c10, c2, 1          @ NMRR
	ldr	r0, =(PHYS_L1_TABLE | TTBR_WALK_FLAGS)
	mcr	p15, 0, r0, c2, c0, 0           @ TTBR0
	isb

	mrc	p15, 0, r0, c1, c0, 0           @ SCTLR
	ldr	r1, =(SCTLR_A | SCTLR_V | SCTLR_WXN | SCTLR_UWXN | SCTLR_EE | SCTLR_AFE | SCTLR_TE)
	bic	r0, r0, r1
	ldr	r1, =(SCTLR_M | SCTLR_C | SCTLR_Z | SCTLR_I | SCTLR_TRE)
	orr	r0, r0, r1
	dsb                                     @ table writes complete before the walker runs
	mcr	p15, 0, r0, c1, c0, 0
	isb                                     @ B3.10.3: later instructions see the MMU on

	/* 9. Jump to the higher half (absolute address from the literal pool). */
	ldr	pc, =start_high

unsupported_load_address:
	/* Loaded below 0x8000, or less than a page above it: nothing sane to do. */
	wfe
	b	unsupported_load_address

/*
 * copy_up: copy words upwards, from low addresses to high.
 * In: r0 = source, r1 = destination (r1 < r0), r2 = destination end.
 * Clobbers r0, r1, r3.
 */
copy_up:
	ldr	r3, [r0], #4
	str	r3, [r1], #4
	cmp	r1, r2
	blo	copy_up
	bx	lr

/*
 * dcache_invalidate_range: invalidate the data cache lines of [r0, r1), by
 * address, to the point of coherency (DCIMVAC, ARM ARM B4.2.1), in the
 * smallest line size of any level (CTR.DminLine). With the MMU off the
 * address is the physical one. No barrier: the caller ends with a DSB.
 * In: r0 = start, r1 = end. Clobbers r0, r2, r3.
 */
dcache_invalidate_range:
	mrc	p15, 0, r3, c0, c0, 1           @ CTR
	ubfx	r3, r3, #16, #4
	mov	r2, #4
	lsl	r2, r2, r3                      @ r2 = line size in bytes
	sub	r3, r2, #1
	bic	r0, r0, r3
1:	dcache_invalidate_line r0
	add	r0, r0, r2
	cmp	r0, r1
	blo	1b
	bx	lr

/*
 * dcache_clean_invalidate_all: clean and invalidate every data or unified
 * cache up to the level of coherency, by set/way (ARM ARM B4.2.1,
 * "Performing cache maintenance by set/way"; CLIDR, CSSELR and CCSIDR
 * describe the caches), with a DSB after each level: Cortex-A7 erratum
 * 814220 lets a set/way operation on one level overtake one on another
 * unless a DSB separates them. Only for a core with its data cache off.
 * In: nothing. Clobbers r0-r6.
 */
dcache_clean_invalidate_all:
	mrc	p15, 1, r0, c0, c0, 1           @ CLIDR
	ubfx	r1, r0, #24, #3                 @ LoC: levels to walk
	mov	r2, #0                          @ cache level - 1
dc_level:
	cmp	r2, r1
	bhs	dc_done
	mrc	p15, 1, r0, c0, c0, 1           @ CLIDR
	add	r3, r2, r2, lsl #1
	lsr	r0, r0, r3
	and	r0, r0, #7                      @ Ctype of this level
	cmp	r0, #2
	blo	dc_next_level                   @ none, or instruction cache only
	lsl	r0, r2, #1
	mcr	p15, 2, r0, c0, c0, 0           @ CSSELR: this level's data cache
	isb
	mrc	p15, 1, r0, c0, c0, 0           @ CCSIDR
	and	r3, r0, #7
	add	r3, r3, #4                      @ r3 = log2(line size in bytes)
	ubfx	r5, r0, #3, #10                 @ r5 = way (counts down from ways - 1)
	clz	r4, r5                          @ r4 = shift of the way field (32 if one way)
dc_way:
	mrc	p15, 1, r6, c0, c0, 0
	ubfx	r6, r6, #13, #15                @ r6 = set (counts down from sets - 1)
dc_set:
	lsl	r0, r5, r4                      @ way, left-aligned (0 when shifted by 32)
	orr	r0, r0, r6, lsl r3              @ set
	orr	r0, r0, r2, lsl #1              @ level
	dcache_clean_invalidate_set_way r0
	subs	r6, r6, #1
	bge	dc_set
	subs	r5, r5, #1
	bge	dc_way
	dsb                                     @ erratum 814220: this level done first
dc_next_level:
	add	r2, r2, #1
	b	dc_level
dc_done:
	mov	r0, #0
	mcr	p15, 2, r0, c0, c0, 0           @ CSSELR back to level 1
	dsb
	isb
	bx	lr

/*
 * secondary_park: where cores 1-3 wait, MMU off, in whatever mode they came.
 * First they stop their timers, as core 0 does (step 6). Then the
 * firmware's protocol: wait for an entry address in this core's mailbox 3,
 * clear the mailbox (write the value back to the read/clear register),
 * jump to the address.
 * The wait sleeps in wfi, not wfe: QEMU's TCG runs a core in wfe as a
 * spin, which costs the host a CPU per parked core, but stops a core in
 * wfi until an interrupt is pending. So the core routes its mailbox 3
 * interrupt to its IRQ (QA7 4.7) and masks IRQs: a mailbox write makes the
 * interrupt pending, which ends wfi even while masked (ARM ARM B1.8.13),
 * and nothing is taken. A write that lands between the check and the wfi
 * keeps the interrupt pending, so wfi returns at once: no wake-up is lost.
 * The route stays on; whoever the core jumps to owns its interrupts.
 * In: nothing. Clobbers r0-r2.
 */
	.global secondary_park
	.type	secondary_park, %function
secondary_park:
	cpsid	if
	mov	r0, #0
	mcr	p15, 0, r0, c14, c3, 1          @ CNTV_CTL = 0
	mcr	p15, 0, r0, c14, c2, 1          @ CNTP_CTL = 0
	isb
	mrc	p15, 0, r0, c0, c0, 5           @ MPIDR
	and	r0, r0, #3
	ldr	r1, =(PHYS_LOCAL_BASE + LOCAL_MAILBOX_INTERRUPT_CONTROL(0))
	ldr	r2, [r1, r0, lsl #2]
	orr	r2, r2, #LOCAL_ROUTE_IRQ(LOCAL_BOOT_MAILBOX)
	str	r2, [r1, r0, lsl #2]
	dsb
	ldr	r1, =(PHYS_LOCAL_BASE + LOCAL_MAILBOX_CLR(0, LOCAL_BOOT_MAILBOX))
	add	r1, r1, r0, lsl #4
	b	park_check
park_loop:
	wfi
park_check:
	ldr	r2, [r1]
	cmp	r2, #0
	beq	park_loop
	str	r2, [r1]                        @ clear what we read
	dsb
	sev                                     @ tell core 0 the mailbox is taken
	bx	r2

/*
 * secondary_entry: cores 1-3, sent here from secondary_park by core 0
 * (kernel/smp.c writes this address, a physical one: the stub is linked
 * where it runs, to their mailbox 3). MMU off, in the mode the loader
 * left them: HYP from the firmware, SVC from QEMU's loaders. Each does
 * what core 0 did for itself, in the same order: leave HYP the same way
 * (the same Hyp stub behind it), ACTLR.SMP before any cache or TLB
 * maintenance or the MMU, its own TLB and I-cache invalidated, then the
 * kernel's translation regime (the same DACR, TEX remap and TTBR walk
 * attributes as core 0: inner shareable) with the MMU and caches on,
 * through the identity section that core 0 maps for the while
 * (kernel/smp.c), and on to the higher half.
 */
	.global secondary_entry
	.type	secondary_entry, %function
secondary_entry:
	cpsid	aif
	mrs	r0, cpsr
	and	r0, r0, #MODE_MASK
	cmp	r0, #MODE_HYP
	bne	secondary_in_svc
	leave_hyp secondary_in_svc
secondary_in_svc:
	cpsid	aif
	mrc	p15, 0, r0, c0, c0, 0           @ MIDR: ACTLR.SMP on a Cortex-A7 only (step 4)
	ubfx	r0, r0, #MIDR_PART_SHIFT, #12
	ldr	r1, =MIDR_PART_CORTEX_A7
	cmp	r0, r1
	bne	1f
	mrc	p15, 0, r0, c1, c0, 1           @ ACTLR
	tst	r0, #ACTLR_SMP
	orreq	r0, r0, #ACTLR_SMP
	mcreq	p15, 0, r0, c1, c0, 1
	isb
1:	mov	r0, #0
	dsb
	tlb_invalidate_all_local r0
	icache_bp_invalidate_local r0
	mov	r0, #DACR_DOMAIN0_CLIENT
	mcr	p15, 0, r0, c3, c0, 0           @ DACR
	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2           @ TTBCR = 0: TTBR0 walks all of it, for now
	mcr	p15, 0, r0, c13, c0, 1          @ CONTEXTIDR
	ldr	r0, =PRRR_VALUE
	mcr	p15, 0, r0, c10, c2, 0          @ PRRR
	ldr	r0, =NMRR_VALUE
	mcr	p15, 0, r0, c10, c2, 1          @ NMRR
	ldr	r0, =(PHYS_L1_TABLE | TTBR_WALK_FLAGS)
	mcr	p15, 0, r0, c2, c0, 0           @ TTBR0: the kernel's table, with the identity section
	isb
	mrc	p15, 0, r0, c1, c0, 0           @ SCTLR: as core 0's
	ldr	r1, =(SCTLR_A | SCTLR_V | SCTLR_WXN | SCTLR_UWXN | SCTLR_EE | SCTLR_AFE | SCTLR_TE)
	bic	r0, r0, r1
	ldr	r1, =(SCTLR_M | SCTLR_C | SCTLR_Z | SCTLR_I | SCTLR_TRE)
	orr	r0, r0, r1
	dsb
	mcr	p15, 0, r0, c1, c0, 0
	isb
	ldr	pc, =secondary_high
	.size	secondary_entry, . - secondary_entry
	.ltorg

/*
 * The Hyp stub: what HVBAR points at once core 0 has left HYP (step 4), run
 * with the Hyp MMU off at its physical address. Like Linux's, it keeps Hyp
 * reachable for the kernel; its one service (include/arch/hyp.h) makes a
 * virtual asynchronous abort pending for PL1 (HCR.VA, with HCR.AMO: ARM ARM
 * B1.9.8), or takes that back, which is how the self-tests make an
 * asynchronous abort happen under QEMU. Every other exception taken to Hyp
 * stops the core here: nothing in Hyp could report it.
 * HVC #0 from PL1. In: r0 = HYP_CALL_*. Out: r0 = 0, or -1 for an unknown
 * call. Clobbers r1.
 */
	.balign 32                              @ HVBAR: bits [4:0] are zero
hyp_stub_vectors:
	b	.                               @ 0x00 reset (not taken to Hyp)
	b	.                               @ 0x04 undefined instruction in Hyp
	b	.                               @ 0x08 hypervisor call from Hyp
	b	.                               @ 0x0C prefetch abort in Hyp
	b	.                               @ 0x10 data abort in Hyp
	b	hyp_stub_trap                   @ 0x14 Hyp trap: HVC from PL1
	b	.                               @ 0x18 IRQ to Hyp
	b	.                               @ 0x1C FIQ to Hyp
hyp_stub_trap:
	mrc	p15, 4, r1, c1, c1, 0           @ HCR
	cmp	r0, #HYP_CALL_VIRTUAL_ABORT
	orreq	r1, r1, #(HCR_AMO | HCR_VA)
	beq	hyp_stub_set_hcr
	cmp	r0, #HYP_CALL_ABORTS_TO_PL1
	bne	hyp_stub_unknown
	bic	r1, r1, #(HCR_AMO | HCR_VA)
hyp_stub_set_hcr:
	mcr	p15, 4, r1, c1, c1, 0
	isb
	mov	r0, #0
	eret
hyp_stub_unknown:
	mvn	r0, #0
	eret

	.ltorg

/*
 * start_high: core 0, MMU on, running at its link address in the higher half.
 * In: r7-r12 as above (unused from here). Does not return.
 */
	.section .text.boot_high, "ax"
	.global start_high
	.type	start_high, %function
start_high:
	/*
	 * 10a. Stacks for every mode of core 0 (layout.h: each has a guard page
	 * below it). cps may switch between PL1 modes now that we are in SVC.
	 */
	ldr	r0, =__stacks_start             @ core 0's block
	cps	#MODE_ABT
	add	sp, r0, #STACK_TOP_ABT
	cps	#MODE_UND
	add	sp, r0, #STACK_TOP_UND
	cps	#MODE_IRQ
	add	sp, r0, #STACK_TOP_IRQ
	cps	#MODE_FIQ
	add	sp, r0, #STACK_TOP_FIQ
	cps	#MODE_SVC
	add	sp, r0, #STACK_TOP_SVC

	/*
	 * 10b. VBAR: the copy of the vector table at physical 0 (made in step
	 * 7b), or, if a core did not answer and 0 was left alone, the table
	 * where it was linked. From here an exception has somewhere to go, so
	 * asynchronous aborts are unmasked (CPSR.A, ARM ARM B1.8.3): an
	 * external abort from a bad device access is reported, not held
	 * pending for ever. IRQ and FIQ stay masked until there are handlers.
	 */
	ldr	r0, =boot_info
	ldr	r0, [r0, #BOOT_INFO_PARKED_CORES]
	cmp	r0, #((1 << CORE_COUNT) - 1)
	ldreq	r0, =VIRT_VECTORS
	ldrne	r0, =vectors_start
	mcr	p15, 0, r0, c12, c0, 0          @ VBAR
	dsb
	isb
	cpsie	a

	/*
	 * 10c. Remove the identity map, so that nothing below KERNEL_VIRT_BASE is
	 * mapped. ARM ARM B3.10.1: write the descriptor, clean it to the point
	 * of unification (a no-op where table walks are coherent), DSB, then
	 * invalidate the TLB and the branch predictor, DSB, ISB. Only this core
	 * runs with the MMU on, so the local forms suffice.
	 */
	ldr	r0, =_start                     @ linked (and now running) at its physical address
	lsr	r0, r0, #SECTION_SHIFT          @ the identity-mapped section
	ldr	r1, =VIRT_L1_TABLE
	add	r1, r1, r0, lsl #2
	mov	r0, #0
	str	r0, [r1]
	dcache_clean_line_pou r1
	dsb
	tlb_invalidate_all_local r0
	icache_bp_invalidate_local r0

	/* 10d. Clear BSS (16-byte aligned and sized, linker.ld). */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
	mov	r3, #0
3:	cmp	r0, r1
	stmialo	r0!, {r2, r3}
	blo	3b

	/* 10e. C. fp = 0 ends backtraces here. */
	mov	fp, #0
	ldr	r0, =boot_info
	bl	kmain
4:	wfi
	b	4b
	.size	start_high, . - start_high

/*
 * secondary_high: cores 1-3, MMU on, in the higher half. Their stacks
 * (each core has its block, layout.h), the linked vector table (the copy
 * at 0 is core 0's choice: it exists only when every core answered), and
 * the kernel's split of the address space as core 0 has it (TTBR1 the
 * kernel's table, TTBCR.N = 1, no TTBR0 walks: mm/arm/context.c), which
 * leaves the identity section unreachable from here on. Then C:
 * secondary_main(core) (kernel/smp.c). Does not return.
 */
	.global secondary_high
	.type	secondary_high, %function
secondary_high:
	mrc	p15, 0, r4, c0, c0, 5           @ MPIDR
	and	r4, r4, #3
	ldr	r0, =__stacks_start
	ldr	r1, =CORE_STACKS_SIZE
	mla	r0, r4, r1, r0                  @ this core's block
	cps	#MODE_ABT
	add	sp, r0, #STACK_TOP_ABT
	cps	#MODE_UND
	add	sp, r0, #STACK_TOP_UND
	cps	#MODE_IRQ
	add	sp, r0, #STACK_TOP_IRQ
	cps	#MODE_FIQ
	add	sp, r0, #STACK_TOP_FIQ
	cps	#MODE_SVC
	add	sp, r0, #STACK_TOP_SVC
	ldr	r0, =vectors_start
	mcr	p15, 0, r0, c12, c0, 0          @ VBAR
	mrc	p15, 0, r0, c2, c0, 0           @ TTBR0 (the kernel's table) to TTBR1
	mcr	p15, 0, r0, c2, c0, 1
	isb
	mov	r0, #(TTBCR_N_2GIB | TTBCR_PD0)
	mcr	p15, 0, r0, c2, c0, 2           @ TTBCR
	isb
	mov	r0, #0
	dsb
	tlb_invalidate_all_local r0
	icache_bp_invalidate_local r0
	cpsie	a
	mov	fp, #0
	mov	r0, r4
	bl	secondary_main
5:	wfi
	b	5b
	.size	secondary_high, . - secondary_high
