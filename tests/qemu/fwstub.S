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
 * Deliberately NOT emulated: CNTFRQ is left at QEMU's value (62.5 MHz, the
 * rate QEMU's timer really ticks at; the firmware writes 19.2 MHz, which
 * would be a lie under QEMU), and the firmware's I-cache enable is skipped
 * (it only touches the secure SCTLR bank, which the kernel never sees).
 *
 * Layout: code 0x00-0xFF (asserted below), ATAGs at 0x100, nothing after.
 */

        .syntax unified
        .arch_extension sec
        .arm

        .equ    KERNEL_ENTRY,   0x8000
        .equ    MACHINE_ID,     0xC42           @ BCM2708/2709 machine type
        .equ    ATAGS_ADDR,     0x100
        .equ    MBOX3_RDCLR,    0x400000CC      @ core n: + 0x10*n

        .equ    NSACR_VAL,      0x63FFF         @ cp0-13, NS_SMP (18), bit 17: as armstub7
        .equ    SCR_VAL,        0x131           @ NS(0) | FW(4) | AW(5) | HCE(8)
        .equ    SPSR_HYP,       0x1DA           @ HYP (0x1A) | A | I | F
        .equ    ACTLR_SMP,      (1 << 6)

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
        movweq  r3, #KERNEL_ENTRY       @ core 0: r3 = 0x8000
        beq     enter

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
