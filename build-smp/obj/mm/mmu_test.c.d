build-smp/obj/mm/mmu_test.c.o: mm/mmu_test.c include/arch/arm.h \
 include/arch/bits.h include/arch/cp15.h include/arch/maintenance.h \
 include/arch/mmu.h include/kernel/error.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/ktest.h include/mm/mm.h \
 include/layout.h include/mm/pmm.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/irq.h include/kernel/lockdep.h \
 include/mm/window.h include/mm/mmu.h include/mm/descriptor.h \
 include/mm/ptdump.h
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/arch/maintenance.h:
include/arch/mmu.h:
include/kernel/error.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/ktest.h:
include/mm/mm.h:
include/layout.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/kernel/lockdep.h:
include/mm/window.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/mm/ptdump.h:
