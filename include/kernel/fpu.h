/*
 * kernel/fpu.h - the floating-point and Advanced SIMD unit (VFPv4 and
 * NEON on the Cortex-A7) for processes, and their thread registers.
 *
 * The kernel itself never uses the FPU (it is built for soft float), so
 * the unit's registers belong to processes alone. A thread starts without
 * FPU state and with the unit off (FPEXC.EN = 0): its first VFP or NEON
 * instruction is undefined, the trap gives the thread a zeroed state and
 * turns the unit on, and the instruction runs again. From then on its
 * registers (d0-d31, FPSCR) are saved and loaded at every switch away
 * from and to it (eagerly: the state is the thread's, in its struct, and
 * never left live in the unit across a switch, so that nothing about the
 * unit's contents depends on which core last ran whom). Threads that never
 * touch the unit pay nothing.
 *
 * The thread ID registers are the C library's: TPIDRURO (read-only to
 * User mode, set by the ARM set_tls call: glibc's thread pointer) and
 * TPIDRURW (User read/write). Both are per thread, saved and restored at
 * every switch.
 */
#ifndef BRAMBLE_KERNEL_FPU_H
#define BRAMBLE_KERNEL_FPU_H

#include <stdbool.h>
#include <stdint.h>

#define FPU_DREGS 32

/* A thread's FPU registers, as VSTM/VMRS leave them (and as a signal frame holds them). */
struct fpu_state {
	uint64_t d[FPU_DREGS];
	uint32_t fpscr;
	uint32_t reserved;
};

/* The unit's features, for the auxiliary vector's AT_HWCAP (Linux's HWCAP_* bits). */
#define HWCAP_SWP       (1U << 0)
#define HWCAP_HALF      (1U << 1)
#define HWCAP_THUMB     (1U << 2)
#define HWCAP_FAST_MULT (1U << 4)
#define HWCAP_VFP       (1U << 6)
#define HWCAP_EDSP      (1U << 7)
#define HWCAP_NEON      (1U << 12)
#define HWCAP_VFPv3     (1U << 13)
#define HWCAP_TLS       (1U << 15)
#define HWCAP_VFPv4     (1U << 16)
#define HWCAP_IDIVA     (1U << 17)
#define HWCAP_IDIVT     (1U << 18)
#define HWCAP_VFPD32    (1U << 19)
#define HWCAP_LPAE      (1U << 20)

struct thread;

/*
 * Give PL0 and PL1 access to CP10/CP11 (CPACR), if the security state
 * allows it (NSACR), and read what the unit has (MVFR0/MVFR1). On each
 * core, before any process runs. Returns whether there is a usable unit.
 */
bool fpu_init(void);

/* The HWCAP bits processes are told: the CPU's, and the unit's when it is usable. */
/* Cores 1-3: the access core 0's fpu_init gave itself (after it, as smp_boot runs later). */
void fpu_init_secondary(void);

uint32_t fpu_hwcap(void);

/*
 * An undefined instruction from thread's User mode: when it is the
 * thread's first use of the unit, the unit is the thread's from now on and
 * the instruction should run again (true). false: a real undefined
 * instruction (the unit was already on for it, or there is none).
 */
bool fpu_first_use(struct thread *thread);

/*
 * The switch from prev to next when either has FPU state (kernel/thread.c,
 * which also moves the thread registers on every switch).
 */
void fpu_switch_unit(struct thread *prev, struct thread *next);

/* The current thread's live registers into its struct (before fork copies them). */
void fpu_save_current(void);

/* The current thread starts a new program: no FPU state, unit off, thread registers zero. */
void fpu_reset_current(void);

/* The current thread's state is changed in its struct (a signal's return): load it. */
void fpu_load_current(void);

/* set_tls: the current thread's TPIDRURO. */
void fpu_set_tls(uint32_t value);

/* How many threads took up the unit, for the self-tests. */
uint32_t fpu_first_uses(void);

#endif /* BRAMBLE_KERNEL_FPU_H */
