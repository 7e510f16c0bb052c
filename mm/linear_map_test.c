/*
 * mm/linear_map_test.c - the linear map ends where the ARM's RAM ends.
 */
#include "arch/cp15.h"
#include "arch/mmu.h"
#include "kernel/exception.h"
#include "kernel/ktest.h"
#include "kernel/platform.h"
#include "mm/linear_map.h"

KTEST(linear_map, ends_at_ram_end)
{
	paddr_t ram_end = platform.ram.base + platform.ram.size;
	vaddr_t last = phys_to_virt(ram_end - 4), beyond = phys_to_virt(ram_end);
	struct fault_catcher catcher;

	KT_ASSERT_EQ(ram_end, linear_map_end());
	/* The last word of RAM is mapped, to itself... */
	write_ats1cpr(last);
	isb();
	KT_ASSERT_EQ((ram_end - 4) & PAR_PA_MASK, read_par() & (PAR_PA_MASK | PAR_F));
	(void)*(volatile uint32_t *)last;
	/* ...and the next MiB (VideoCore RAM) is not: reading it faults. */
	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
		(void)*(volatile uint32_t *)beyond;
		fault_catch_cancel();
		KT_FAIL("read at 0x%08lx, past the end of RAM, did not fault",
			(unsigned long)beyond);
	}
	KT_ASSERT_EQ(beyond, catcher.fault.address);
	KT_ASSERT_EQ(FAULT_CLASS_TRANSLATION, fault_status_decode(catcher.fault.status)->class);
}
