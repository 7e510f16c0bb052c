/*
 * fwstub.S - test-only emulation of the Raspberry Pi 2 firmware's ARM stub.
 *
 * Why: QEMU's raspi2b never enters a kernel the way the real firmware does.
 * With -kernel it enters in SVC (secure for ELF, non-secure for a raw image
 * at 0x10000) and parks cores 1-3 in its own stub at 0x300.  The real
 * firmware (raspberrypi/tools armstubs/armstub7.S) enters kernel7.img at
 * 0x8000 in NON-SECURE HYP mode and keeps cores 1-3 spinning inside its stub
 * at 0x0-0xFF.  This stub reproduces that hand-off so the kernel's HYP-entry
 * and core-adoption paths can be tested under QEMU.
 *
 * How it is used (no -kernel, no -bios):
 *   qemu-system-arm -M raspi2b -smp 4 -m 1G \
 *     -device loader,file=build/tests/fwstub.bin,addr=0x0 \
 *     -device loader,file=build/kernel7.img,addr=0x8000
 * QEMU then resets all four cores at 0x0 in secure SVC mode with A/I/F
 * masked, MMU and caches off (CPSR 0x1D3, SCR 0, SCTLR 0x00C50078).
 *
 * Contract (what the kernel sees):
 *   every core:  non-secure HYP mode, CPSR = 0x1DA (HYP, A/I/F masked),
 *                SCR = NS|FW|AW|HCE (0x131), NSACR = 0x63FFF,
 *                ACTLR.SMP set (QEMU ignores it), MMU/caches off.
 *   core 0:      enters 0x8000 with r0 = 0, r1 = 0xC42 (machine id),
 *                r2 = 0x100 (ATAGs below).
 *   cores 1-3:   spin in park_loop (inside 0x0-0xFF) on their mailbox 3:
 *                  wfe; v = [0x400000CC + 0x10*n]; until v != 0;
 *                  [0x400000CC + 0x10*n] = v (clear); jump to v
 *                with r0 = 0, r1 = 0xC42, r2 = 0x100 (as the firmware).
 *                Release: write the entry address to the SET register
 *                0x4000008C + 0x10*n, then sev.
 *
 * The table at 0x0 is also what NS VBAR and HVBAR (both 0 at reset) point
 * at until the kernel installs its own vectors: an early exception or an
 * svc without -semihosting ends in one of the `b .` hangs below (an svc hits
 * 0x08, runs monitor_smc in non-secure SVC, traps on the NSACR write and
 * hangs at 0x04).  The real firmware leaves the same trap for the kernel.
 *
 * Like the firmware's armstub, every core enables its virtual timer with the
 * interrupt unmasked (CNTV_CTL = 1) before entering non-secure state: the
 * kernel must stop it.
 *
 * Other loaders, chosen by two words the harness writes with QEMU's loader
 * device (outside this file, so that nothing overwrites them):
 *   FWSTUB_FLAGS (0x3F8), 0 for the firmware's own hand-off:
 *     FLAG_GO   core 0 enters as U-Boot's `go` does: the MMU on with an
 *               identity map, data and instruction caches on (in HYP: a
 *               long-descriptor Hyp table, HSCTLR; in SVC: a short-descriptor
 *               table, SCTLR), r0 = 0 (argc), r1 = a pointer to a NULL argv
 *               entry, r2 = 0, some data written with the caches on;
 *     FLAG_SVC  core 0 leaves HYP for non-secure SVC first (a loader built
 *               without Hyp support);
 *     FLAG_R2   r2 = FWSTUB_R2 (0x3FC) instead of the ATAGs: a device tree
 *               the harness placed, as U-Boot's bootm passes one.
 *   The loader's translation tables are at LOADER_TABLES (64 MiB), well
 *   clear of the kernel image and its built-in initramfs (megabytes from
 *   0x8000), as U-Boot keeps its own at the top of RAM; the kernel's PMM
 *   later hands that memory out as free RAM.
 *
 * Deliberately NOT emulated: CNTFRQ is left at QEMU's value (62.5 MHz, the
 * rate QEMU's timer really ticks at; the firmware writes 19.2 MHz, which
 * would be a lie under QEMU), and the firmware's I-cache enable is skipped
 * (it only touches the secure SCTLR bank, which the kernel never sees).
 *
 * Layout: code 0x00-0xFF (asserted below), ATAGs at 0x100, core 0's
 * loader code after them, up to 0x3F0; the parameters at 0x3F8.
 */

        .syntax unified
        .arch_extension sec
        .arch_extension virt
        .arm

        .equ    KERNEL_ENTRY,   0x8000
        .equ    MACHINE_ID,     0xC42           @ BCM2708/2709 machine type
        .equ    ATAGS_ADDR,     0x100
        .equ    MBOX3_RDCLR,    0x400000CC      @ core n: + 0x10*n

        .equ    NSACR_VAL,      0x63FFF         @ cp0-13, NS_SMP (18), bit 17: as armstub7
        .equ    SCR_VAL,        0x131           @ NS(0) | FW(4) | AW(5) | HCE(8)
        .equ    SPSR_HYP,       0x1DA           @ HYP (0x1A) | A | I | F
        .equ    ACTLR_SMP,      (1 << 6)

        .equ    FWSTUB_FLAGS,   0x3F8
        .equ    FWSTUB_R2,      0x3FC
        .equ    GO_ARGV,        0x3F0           @ a NULL word: the argv U-Boot's go passes
        .equ    FLAG_GO,        (1 << 0)
        .equ    FLAG_SVC,       (1 << 1)
        .equ    FLAG_R2,        (1 << 2)
        .equ    LOADER_TABLES,  0x04000000      @ 16 KiB aligned, clear of what loads low
        .equ    SPSR_SVC,       0x1D3           @ SVC (0x13) | A | I | F
        .equ    SCTLR_M,        (1 << 0)
        .equ    SCTLR_C,        (1 << 2)
        .equ    SCTLR_Z,        (1 << 11)
        .equ    SCTLR_I,        (1 << 12)

        .section .text
        .global _start

/*
 * 0x00: reset vector for all cores, and also the monitor vector table
 * (MVBAR = 0, as in the real firmware).  Only the reset entry and the
 * monitor's SMC entry (offset 0x08) are used; anything else hangs here.
 */
_start:
vectors:
        b       reset                   @ 0x00 reset (secure SVC)
        b       .                       @ 0x04 undefined
        b       monitor_smc             @ 0x08 monitor: SMC
        b       .                       @ 0x0C prefetch abort
        b       .                       @ 0x10 data abort
        b       .                       @ 0x14 (unused)
        b       .                       @ 0x18 IRQ
        b       .                       @ 0x1C FIQ

/*
 * Secure SVC, every core.  In: nothing.  Out (after smc): non-secure HYP.
 */
reset:
        mov     r0, #1
        mcr     p15, 0, r0, c14, c3, 1  @ CNTV_CTL = 1: enabled, unmasked (armstub)
        adr     r0, vectors             @ r0 = monitor vector table (= 0x0)
        mcr     p15, 0, r0, c12, c0, 1  @ MVBAR = r0
        isb
        smc     #0                      @ -> monitor_smc; returns to the next
                                        @    instruction in non-secure HYP

/*
 * Non-secure HYP, every core.  Core 0 goes to the kernel, the others park.
 * r3 = entry address for the common exit below.
 */
hyp_entry:
        mrc     p15, 0, r4, c0, c0, 5   @ r4 = MPIDR
        ands    r4, r4, #3              @ r4 = core number n
        beq     core0                   @ core 0: the loader's part, after the ATAGs

/*
 * Cores 1-3: the firmware's parking protocol on mailbox 3.
 * r5 = address of this core's mailbox 3 read/clear register.
 */
        movw    r5, #:lower16:MBOX3_RDCLR
        movt    r5, #:upper16:MBOX3_RDCLR
        add     r5, r5, r4, lsl #4      @ r5 = 0x400000CC + 0x10*n
park_loop:
        wfe                             @ sleep until an event (kernel's sev)
        ldr     r3, [r5]                @ r3 = mailbox 3 content
        cmp     r3, #0
        beq     park_loop               @ empty: keep waiting
        str     r3, [r5]                @ write-1-to-clear: mailbox back to 0

/*
 * Common exit (HYP): r0 = 0, r1 = machine id, r2 = ATAGs, jump to r3.
 */
enter:
        mov     r0, #0
        movw    r1, #MACHINE_ID
        mov     r2, #ATAGS_ADDR
        bx      r3

/*
 * Monitor mode (secure), entered by smc #0 from reset.  lr_mon = address of
 * hyp_entry.  Uses r1 only.
 */
monitor_smc:
        movw    r1, #:lower16:NSACR_VAL
        movt    r1, #:upper16:NSACR_VAL
        mcr     p15, 0, r1, c1, c1, 2   @ NSACR: non-secure cp10/cp11 + NS_SMP
        mrc     p15, 0, r1, c1, c0, 1
        orr     r1, r1, #ACTLR_SMP
        mcr     p15, 0, r1, c1, c0, 1   @ ACTLR.SMP = 1 (coherency on)
        movw    r1, #SCR_VAL
        mcr     p15, 0, r1, c1, c1, 0   @ SCR = NS | FW | AW | HCE
        isb
        movw    r1, #SPSR_HYP
        msr     spsr_cxsf, r1           @ return mode: HYP, A/I/F masked
        movs    pc, lr                  @ exception return -> NS HYP, hyp_entry

/*
 * 0x100: ATAGs, as the firmware (and QEMU's own loader) provides them.
 * .org also guards the size: the assembler fails ("attempt to move .org
 * backwards") if the code above ever grows past 0x100.
 */
        .org    ATAGS_ADDR
atags:
        .word   5, 0x54410001           @ ATAG_CORE, 5 words
        .word   0                       @   flags
        .word   4096                    @   page size
        .word   0                       @   root device
        .word   4, 0x54410002           @ ATAG_MEM, 4 words
        .word   0x3C000000              @   size: 960 MiB (ARM part)
        .word   0                       @   start
        .word   0, 0                    @ ATAG_NONE

/*
 * Core 0 in non-secure HYP: the firmware's hand-off, or another loader's
 * (FWSTUB_FLAGS above). Ends in a jump to KERNEL_ENTRY.
 */
core0:
        mov     r0, #0
        ldr     r6, [r0, #FWSTUB_FLAGS]
        tst     r6, #FLAG_SVC           @ a kernel entered in HYP must clear CNTVOFF
        movweq  r1, #0x10               @ itself: leave it 2^36 counts (18 min) behind
        mcrreq  p15, 4, r0, r1, c14     @ CNTVOFF = 0x10_00000000 (r0 = 0)
        tst     r6, #(FLAG_GO | FLAG_SVC)
        bne     other_loader
        movw    r3, #KERNEL_ENTRY
        tst     r6, #FLAG_R2
        beq     enter
        mov     r0, #0
        movw    r1, #MACHINE_ID
        ldr     r2, [r0, #FWSTUB_R2]
        bx      r3

other_loader:
        tst     r6, #FLAG_SVC
        beq     go_hyp
        adr     r0, go_svc              @ leave HYP for non-secure SVC
        msr     elr_hyp, r0
        movw    r0, #SPSR_SVC
        msr     spsr_cxsf, r0
        eret

/*
 * Non-secure SVC: a short-descriptor identity map in sections (Normal
 * write-back below the peripherals, Device for them and the local block,
 * full access), the MMU and caches on.
 */
go_svc:
        tst     r6, #FLAG_GO
        beq     go_enter
        movw    r0, #:lower16:LOADER_TABLES
        movt    r0, #:upper16:LOADER_TABLES
        mov     r1, #0                  @ section number
1:      lsl     r2, r1, #20
        cmp     r1, #0x3F0
        movwlo  r3, #0x1C0E             @ TEX 001, C, B, AP 11, section
        movtlo  r3, #0x0001             @ S
        movwhs  r3, #0x0C16             @ B, XN, AP 11, section: Device
        cmp     r1, #0x410
        movhs   r3, #0                  @ nothing above the local block
        orr     r2, r2, r3
        str     r2, [r0, r1, lsl #2]
        add     r1, r1, #1
        cmp     r1, #4096
        blo     1b
        mvn     r1, #0
        mcr     p15, 0, r1, c3, c0, 0   @ DACR: every domain a manager (as U-Boot)
        mov     r1, #0
        mcr     p15, 0, r1, c2, c0, 2   @ TTBCR = 0
        mcr     p15, 0, r0, c2, c0, 0   @ TTBR0
        mcr     p15, 0, r1, c8, c7, 0   @ TLBIALL
        mcr     p15, 0, r1, c7, c5, 0   @ ICIALLU
        dsb
        isb
        mrc     p15, 0, r1, c1, c0, 0
        movw    r2, #(SCTLR_M | SCTLR_C | SCTLR_Z | SCTLR_I)
        orr     r1, r1, r2
        mcr     p15, 0, r1, c1, c0, 0   @ SCTLR: MMU and caches on
        isb
        b       go_dirty

/*
 * Non-secure HYP: a long-descriptor Hyp table (HTTBR, HTCR, HMAIR0): the
 * first GiB in 2 MiB blocks (Normal write-back below the peripherals,
 * Device from 0x3F000000), the second GiB one Device block (the local
 * block), HSCTLR.M, C, I on.
 */
go_hyp:
        movw    r0, #:lower16:LOADER_TABLES
        movt    r0, #:upper16:LOADER_TABLES
        add     r1, r0, #0x1000         @ the level 2 table
        orr     r2, r1, #3              @ level 1 entry 0: table
        mov     r3, #0
        strd    r2, r3, [r0]
        movw    r2, #0x0645             @ block, AttrIndx 1, AP[1], AF: Device
        movt    r2, #0x4000             @ at 0x40000000
        mov     r3, #0x00400000         @ XN (bit 54)
        strd    r2, r3, [r0, #8]        @ level 1 entry 1
        mov     r2, #0
        strd    r2, r3, [r0, #16]       @ entries 2 and 3: nothing
        strd    r2, r3, [r0, #24]
        mov     r4, #0                  @ block number
2:      lsl     r2, r4, #21
        cmp     r4, #0x1F8              @ 0x3F000000 >> 21
        orrlo   r2, r2, #0x700          @ SH 11, AF
        orrlo   r2, r2, #0x41           @ AP[1], block, AttrIndx 0: Normal
        movlo   r3, #0
        orrhs   r2, r2, #0x600          @ SH 10, AF
        orrhs   r2, r2, #0x45           @ AP[1], block, AttrIndx 1: Device
        movhs   r3, #0x00400000         @ XN
        strd    r2, r3, [r1], #8
        add     r4, r4, #1
        cmp     r4, #512
        blo     2b
        movw    r1, #0x04FF             @ attr0 Normal write-back, attr1 Device
        mcr     p15, 4, r1, c10, c2, 0  @ HMAIR0
        movw    r1, #0x3500             @ SH0 inner, ORGN0/IRGN0 write-back, T0SZ 0
        movt    r1, #0x8080             @ RES1 bits
        mcr     p15, 4, r1, c2, c0, 2   @ HTCR
        mov     r1, #0
        mcrr    p15, 4, r0, r1, c2      @ HTTBR
        mcr     p15, 4, r1, c8, c7, 0   @ TLBIALLH
        mcr     p15, 0, r1, c7, c5, 0   @ ICIALLU
        dsb
        isb
        mrc     p15, 4, r1, c1, c0, 0
        movw    r2, #(SCTLR_M | SCTLR_C | SCTLR_I)
        orr     r1, r1, r2
        mcr     p15, 4, r1, c1, c0, 0   @ HSCTLR: MMU and caches on
        isb

/* Data written with the caches on, as a loader leaves it: the argv, a pattern. */
go_dirty:
        mov     r0, #0
        str     r0, [r0, #GO_ARGV]
        movw    r1, #:lower16:(LOADER_TABLES + 0x4000)
        movt    r1, #:upper16:(LOADER_TABLES + 0x4000)
        str     r1, [r1]                @ the word after the loader's tables
go_enter:
        mov     r0, #0
        mov     r1, #GO_ARGV
        mov     r2, #0
        movw    r3, #KERNEL_ENTRY
        bx      r3

        .org    GO_ARGV                 @ the code above must stay below the parameters
