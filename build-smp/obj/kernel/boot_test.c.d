build-smp/obj/kernel/boot_test.c.o: kernel/boot_test.c include/arch/arm.h \
 include/arch/bits.h include/arch/cp15.h include/arch/mmu.h \
 include/kernel/boot_info.h include/kernel/bootargs.h \
 include/kernel/platform.h include/drivers/mailbox.h include/layout.h \
 include/kernel/fdt.h include/kernel/error.h include/mm/pmm.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/irq.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/lockdep.h include/kernel/ktest.h include/kernel/timer.h \
 include/kernel/sections.h include/mm/mm.h include/mm/window.h
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/arch/mmu.h:
include/kernel/boot_info.h:
include/kernel/bootargs.h:
include/kernel/platform.h:
include/drivers/mailbox.h:
include/layout.h:
include/kernel/fdt.h:
include/kernel/error.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/kernel/ktest.h:
include/kernel/timer.h:
include/kernel/sections.h:
include/mm/mm.h:
include/mm/window.h:
