/*
 * kernel/arm/fpu.c - the FPU for processes, and their thread registers
 * (kernel/fpu.h).
 */
#include "kernel/fpu.h"

#include <string.h>

#include "arch/cp15.h"
#include "kernel/printk.h"
#include "kernel/thread.h"

/* kernel/arm/fpu_regs.S */
uint32_t fpu_read_fpexc(void);
void fpu_write_fpexc(uint32_t value);
uint32_t fpu_read_mvfr0(void);
uint32_t fpu_read_mvfr1(void);
void fpu_save_regs(struct fpu_state *to);
void fpu_load_regs(const struct fpu_state *from);

#define FPEXC_EN (1U << 30)

#define CPACR_CP10_CP11 (0xFU << 20) /* full access to both, at PL0 and PL1 */
#define NSACR_CP10_CP11 (3U << 10)   /* non-secure code may use them */

/* What every ARMv7-A Cortex-A7 has; TLS: the kernel keeps TPIDRURO per thread. */
#define CPU_HWCAP (HWCAP_HALF | HWCAP_THUMB | HWCAP_FAST_MULT | HWCAP_EDSP | HWCAP_TLS)

static bool usable;
static uint32_t hwcap = CPU_HWCAP, first_uses;

static uint32_t field(uint32_t value, unsigned shift)
{
	return (value >> shift) & 0xF;
}

bool fpu_init(void)
{
	uint32_t mvfr0, mvfr1, isar0 = read_id_isar0();

	/* ID_ISAR0.Divide_instrs (B4.1.50): 1 SDIV/UDIV in Thumb, 2 in ARM too. */
	if (field(isar0, 24) >= 1)
		hwcap |= HWCAP_IDIVT;
	if (field(isar0, 24) >= 2)
		hwcap |= HWCAP_IDIVA;
	/* ID_MMFR0.VMSA support 5: the Long-descriptor format too. */
	if (field(read_id_mmfr0(), 0) >= 5)
		hwcap |= HWCAP_LPAE;
	/*
	 * CPACR's CP10/CP11 bits read back as written only where the unit is
	 * there and this security state may use it (B4.1.40: NSACR decides for
	 * non-secure code; the bits stay 0 otherwise).
	 */
	write_cpacr(read_cpacr() | CPACR_CP10_CP11);
	isb();
	if ((read_cpacr() & CPACR_CP10_CP11) != CPACR_CP10_CP11) {
		kprintf("fpu: no access to CP10/CP11 (NSACR 0x%08lx): processes get no FPU\n",
			(unsigned long)read_nsacr());
		return false;
	}
	fpu_write_fpexc(0); /* off until a thread's first use */
	mvfr0 = fpu_read_mvfr0();
	mvfr1 = fpu_read_mvfr1();
	/* MVFR0 (B6.1.8): A_SIMD registers [3:0], single [7:4], double [11:8] precision. */
	if (field(mvfr0, 4) || field(mvfr0, 8))
		hwcap |= HWCAP_VFP;
	if (field(mvfr0, 4) >= 2 || field(mvfr0, 8) >= 2)
		hwcap |= HWCAP_VFPv3;
	if (field(mvfr0, 0) == 2)
		hwcap |= HWCAP_VFPD32;
	/* MVFR1 (B6.1.9): A_SIMD integer [11:8], VFP fused multiply-accumulate [31:28]. */
	if (field(mvfr1, 8))
		hwcap |= HWCAP_NEON;
	if (field(mvfr1, 28))
		hwcap |= HWCAP_VFPv4;
	usable = true;
	return true;
}

void fpu_init_secondary(void)
{
	if (!usable)
		return;
	/* CPACR and FPEXC are each core's own: the same access as core 0's, the unit off. */
	write_cpacr(read_cpacr() | CPACR_CP10_CP11);
	isb();
	fpu_write_fpexc(0);
}

uint32_t fpu_hwcap(void)
{
	return hwcap;
}

bool fpu_first_use(struct thread *thread)
{
	if (!usable || thread->fpu_used || !thread->process)
		return false;
	memset(&thread->fpu, 0, sizeof(thread->fpu)); /* FPSCR 0: round to nearest, no flush */
	thread->fpu_used = true;
	fpu_write_fpexc(FPEXC_EN);
	fpu_load_regs(&thread->fpu);
	first_uses++;
	return true;
}

void fpu_switch_unit(struct thread *prev, struct thread *next)
{
	if (prev->fpu_used)
		fpu_save_regs(&prev->fpu);
	if (next->fpu_used) {
		if (!prev->fpu_used)
			fpu_write_fpexc(FPEXC_EN);
		fpu_load_regs(&next->fpu);
	} else {
		fpu_write_fpexc(0);
	}
}

void fpu_save_current(void)
{
	struct thread *thread = current_thread();

	if (thread->fpu_used)
		fpu_save_regs(&thread->fpu);
	thread->tls_rw = read_tpidrurw();
}

void fpu_load_current(void)
{
	struct thread *thread = current_thread();

	if (thread->fpu_used)
		fpu_load_regs(&thread->fpu);
}

void fpu_reset_current(void)
{
	struct thread *thread = current_thread();

	if (thread->fpu_used)
		fpu_write_fpexc(0);
	thread->fpu_used = false;
	thread->tls = thread->tls_rw = 0;
	write_tpidruro(0);
	write_tpidrurw(0);
}

void fpu_set_tls(uint32_t value)
{
	current_thread()->tls = value;
	write_tpidruro(value);
}

uint32_t fpu_first_uses(void)
{
	return first_uses;
}
