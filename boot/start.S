/*
 * boot/start.S - the first code bramble runs, at physical 0x8000.
 *
 * Entered with the MMU and data cache off, in one of these states
 * (../README.md, "How each loader enters bramble"):
 *
 *   Raspberry Pi firmware   HYP, non-secure; r0 = 0, r1 = machine type,
 *                           r2 = ATAGs or device tree; cores 1-3 wait in
 *                           the firmware's stub at 0x0-0xFF.
 *   qemu -kernel ELF/-bios  SVC, secure; r0-r2 = 0; all four cores run this
 *                           code at the same time.
 *   qemu -kernel raw image  SVC, non-secure, image at 0x10000 (not 0x8000);
 *                           r2 = ATAGs at 0x100; cores 1-3 wait in QEMU's
 *                           stub at 0x300.
 *
 * What happens, in order:
 *   1. start the cycle counter (boot time is measured from here);
 *   2. cores 1-3, if they run this code, go to the parking loop;
 *   3. core 0 leaves HYP for SVC (before touching any banked register)
 *      and sets ACTLR.SMP (before any cache or TLB maintenance);
 *   4. if the image is not at 0x8000, it moves itself there;
 *   5. cores 1-3 wherever a loader parked them are moved into the kernel's
 *      parking loop; only after that is any memory below 0x8000 written;
 *   6. the boot record (r0-r2, entry mode, load address) is stored, and
 *      the vector table is copied to physical 0;
 *   7. the first L1 table is built at 0x4000, with the image in 4 KiB pages
 *      (W^X, guard pages below the stacks); the caches, TLB and branch
 *      predictor are invalidated, the MMU and caches are turned on;
 *   8. jump to the higher half (start_high in this file, linked at 0x8000xxxx).
 *   9. there: stacks, VBAR, identity map removed, BSS cleared,
 *      kmain(&boot_info).
 *
 * Register use up to the jump high (nothing here uses a stack):
 *   r8  = loader's r0      r9  = loader's r1      r10 = loader's r2
 *   r11 = CPSR at entry    r12 = physical address the image was entered at
 *   r7  = bitmask of parked cores (from step 5 on)
 */
#include "layout.h"
#include "arch/arm.h"
#include "arch/mmu.h"
#include "kernel/boot_info.h"
#include "drivers/bcm2836_local.h"
#include "drivers/systimer.h"

	.syntax unified
	.arm
	.arch_extension virt            /* eret, msr elr_hyp */

/* How long core 0 waits for a parked core to take its mailbox: 1 s. */
#define PARK_WAIT_US            1000000

/* Physical address of a symbol linked in the higher half. */
#define PHYS(sym)               ((sym) - KERNEL_VIRT_BASE)

	.section .boot.entry, "ax"
	.global _start
	.type	_start, %function
_start:
	/*
	 * 1. Count instructions from here: reset and start the cycle counter
	 * (under QEMU with -icount it counts one per instruction). PMCCFILTR.NSH
	 * makes it count in HYP mode too. Clobbers r3.
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
	 * 3. Leave HYP (ARM ARM B1.8, B9.3.3): the firmware enters in HYP, the
	 * kernel runs in SVC. cps and msr cpsr_c cannot leave HYP; an exception
	 * return can: SPSR_hyp = SVC with A, I, F masked, ELR_hyp = where to go.
	 * Before that, give PL1 what it needs: no traps of CP15 or PMU accesses,
	 * none of the FPU (CP10/CP11) or CPACR either (HCPTR, ARM ARM B4.1.72:
	 * the firmware leaves it as it was at reset, and once out of HYP no
	 * one can clear it), the physical timer and counter usable, the
	 * virtual offset zero.
	 * In: r11 = CPSR. Clobbers r0-r3.
	 */
	and	r0, r11, #MODE_MASK
	cmp	r0, #MODE_HYP
	bne	in_svc
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
	adr	r0, in_svc
	msr	elr_hyp, r0
	mov	r0, #(MODE_SVC | PSR_A | PSR_I | PSR_F)
	msr	spsr_cxsf, r0                   @ SPSR_hyp (the current mode's SPSR)
	isb
	eret

in_svc:
	/* Mask interrupts whatever the loader left (the firmware path already did). */
	cpsid	aif

	/*
	 * ACTLR.SMP: the A7 TRM (4.3.31) requires it before the caches and
	 * MMU are enabled and before any cache or TLB maintenance, and the
	 * relocation below already invalidates the I-cache. The firmware has
	 * usually set it; in non-secure state it is writable only when
	 * NSACR.NS_SMP is set (a write is ignored otherwise), so it is
	 * written only when clear. Clobbers r0.
	 */
	mrc	p15, 0, r0, c1, c0, 1           @ ACTLR
	tst	r0, #ACTLR_SMP
	orreq	r0, r0, #ACTLR_SMP
	mcreq	p15, 0, r0, c1, c0, 1
	isb

	/*
	 * 4. Move to 0x8000 if loaded elsewhere (qemu -kernel with the raw image
	 * puts it at 0x10000). Only loading above the link address is supported;
	 * then the copy runs upwards, which is safe for overlapping ranges, but
	 * the copy loop itself would be overwritten by later parts of the image.
	 * So first copy just the boot stub (at most a page, linker.ld; no overlap
	 * as long as the image sits at least the stub's size higher), continue
	 * in that copy, and let it copy the rest. Out: r12 = physical address entered at.
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
	/*
	 * Fresh instructions at 0x8000 (ARM ARM B2.2.9): the stores complete
	 * (DSB), then no stale I-cache lines or predictions, DSB, ISB.
	 */
	dsb
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0           @ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6           @ BPIALL
	dsb
	isb
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
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0           @ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6           @ BPIALL
	dsb
	isb

relocated:
	/*
	 * 5. Park cores 1-3 in the kernel's own loop, wherever they wait: in the
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

	/*
	 * 6. The boot record, at its physical address (the MMU is off). It lives
	 * in .data, which clearing BSS does not touch.
	 */
	ldr	r0, =PHYS(boot_info)
	ldr	r1, =BOOT_INFO_MAGIC_VALUE
	str	r1, [r0, #BOOT_INFO_MAGIC]
	str	r8, [r0, #BOOT_INFO_R0]
	str	r9, [r0, #BOOT_INFO_R1]
	str	r10, [r0, #BOOT_INFO_R2]
	str	r11, [r0, #BOOT_INFO_ENTRY_CPSR]
	str	r12, [r0, #BOOT_INFO_LOAD_ADDRESS]
	str	r7, [r0, #BOOT_INFO_PARKED_CORES]

	/*
	 * 6b. The vector table to physical 0, where VBAR = VIRT_VECTORS will find
	 * it, now that the MMU and the data cache are off: the stores go to
	 * memory, and the I-cache and branch predictor are invalidated before
	 * the MMU goes on (7c). If a core did not answer its mailbox, it may
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
	 * 7a. The first L1 table at PHYS_L1_TABLE (ARM ARM B3.5.1): all faults,
	 * then
	 *   - the linear map: virtual KERNEL_VIRT_BASE + p -> physical p for all
	 *     of RAM that can exist (below the peripheral window), Normal
	 *     write-back, execute-never (the image's own pages follow in 7b),
	 *   - the identity map of the section holding this code, executable, for
	 *     the few instructions between MMU on and the jump high,
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

	ldr	r0, =(PHYS_L1_TABLE + (KERNEL_VIRT_BASE >> SECTION_SHIFT) * 4)
	ldr	r1, =BOOT_SECT_RAM
	mov	r4, #0                          @ physical address of the section
	ldr	r5, =PHYS_RAM_MAX
2:	orr	r6, r4, r1
	str	r6, [r0], #4
	add	r4, r4, #SECTION_SIZE
	cmp	r4, r5
	blo	2b

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
	 * 7b. W^X for the image: the first KERNEL_PAGED_SIZE bytes of the linear
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
	 * 7c. Turn on the MMU and caches (ACTLR.SMP was set in step 3).
	 * Caches may hold anything after reset (ARM ARM B2.2.2: their state is
	 * IMPLEMENTATION DEFINED); invalidate them, and the TLB and branch
	 * predictor, before they are used. Invalidate only: with the caches off
	 * nothing of ours can be dirty in them.
	 */
	bl	invalidate_dcache_all           @ clobbers r0-r6
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0           @ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6           @ BPIALL
	mcr	p15, 0, r0, c8, c7, 0           @ TLBIALL
	dsb
	isb

	mov	r0, #DACR_DOMAIN0_CLIENT
	mcr	p15, 0, r0, c3, c0, 0           @ DACR: domain 0 checks permissions
	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2           @ TTBCR: N = 0, TTBR0 walks all 4 GiB
	ldr	r0, =(PHYS_L1_TABLE | TTBR_WALK_FLAGS)
	mcr	p15, 0, r0, c2, c0, 0           @ TTBR0
	isb

	mrc	p15, 0, r0, c1, c0, 0           @ SCTLR
	ldr	r1, =(SCTLR_A | SCTLR_V | SCTLR_WXN | SCTLR_UWXN | SCTLR_EE | SCTLR_TRE | SCTLR_AFE | SCTLR_TE)
	bic	r0, r0, r1
	ldr	r1, =(SCTLR_M | SCTLR_C | SCTLR_Z | SCTLR_I)
	orr	r0, r0, r1
	dsb                                     @ table writes complete before the walker runs
	mcr	p15, 0, r0, c1, c0, 0
	isb                                     @ B3.10.3: later instructions see the MMU on

	/* 8. Jump to the higher half (absolute address from the literal pool). */
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
 * invalidate_dcache_all: invalidate every data or unified cache up to the
 * level of coherency, by set/way (ARM ARM B4.2.1, "Performing cache
 * maintenance by set/way"; CLIDR, CSSELR and CCSIDR describe the caches).
 * In: nothing. Clobbers r0-r6.
 */
invalidate_dcache_all:
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
	mcr	p15, 0, r0, c7, c6, 2           @ DCISW
	subs	r6, r6, #1
	bge	dc_set
	subs	r5, r5, #1
	bge	dc_way
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
 * The firmware's protocol: wait for an entry address in this core's
 * mailbox 3, clear the mailbox (write the value back to the read/clear
 * register), jump to the address. In: nothing. Clobbers r0-r2.
 */
	.global secondary_park
	.type	secondary_park, %function
secondary_park:
	mrc	p15, 0, r0, c0, c0, 5           @ MPIDR
	and	r0, r0, #3
	ldr	r1, =(PHYS_LOCAL_BASE + LOCAL_MAILBOX_CLR(0, LOCAL_BOOT_MAILBOX))
	add	r1, r1, r0, lsl #4
park_loop:
	wfe
	ldr	r2, [r1]
	cmp	r2, #0
	beq	park_loop
	str	r2, [r1]                        @ clear what we read
	dsb
	sev                                     @ tell core 0 the mailbox is taken
	bx	r2

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
	 * 9a. Stacks for every mode of core 0 (layout.h: each has a guard page
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
	 * 9b. VBAR: the copy of the vector table at physical 0 (made in step 6b),
	 * or, if a core did not answer and 0 was left alone, the table where it
	 * was linked.
	 */
	ldr	r0, =boot_info
	ldr	r0, [r0, #BOOT_INFO_PARKED_CORES]
	cmp	r0, #((1 << CORE_COUNT) - 1)
	ldreq	r0, =VIRT_VECTORS
	ldrne	r0, =vectors_start
	mcr	p15, 0, r0, c12, c0, 0          @ VBAR
	dsb
	isb

	/*
	 * 9c. Remove the identity map, so that nothing below KERNEL_VIRT_BASE is
	 * mapped. ARM ARM B3.10.1: write the descriptor, clean it to the point
	 * of unification (a no-op where table walks are coherent), DSB, then
	 * invalidate the TLB and the branch predictor, DSB, ISB.
	 */
	ldr	r0, =_start                     @ linked (and now running) at its physical address
	lsr	r0, r0, #SECTION_SHIFT          @ the identity-mapped section
	ldr	r1, =VIRT_L1_TABLE
	add	r1, r1, r0, lsl #2
	mov	r0, #0
	str	r0, [r1]
	mcr	p15, 0, r1, c7, c11, 1          @ DCCMVAU the descriptor
	dsb
	mcr	p15, 0, r0, c8, c7, 0           @ TLBIALL
	mcr	p15, 0, r0, c7, c5, 6           @ BPIALL
	dsb
	isb

	/* 9d. Clear BSS (16-byte aligned and sized, linker.ld). */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
	mov	r3, #0
3:	cmp	r0, r1
	stmialo	r0!, {r2, r3}
	blo	3b

	/* 9e. C. fp = 0 ends backtraces here. */
	mov	fp, #0
	ldr	r0, =boot_info
	bl	kmain
4:	wfi
	b	4b
	.size	start_high, . - start_high
