build-smp/obj/mm/arm/context.c.o: mm/arm/context.c include/mm/context.h \
 include/mm/mmu.h include/mm/descriptor.h include/arch/mmu.h \
 include/arch/bits.h include/layout.h include/mm/pmm.h \
 include/kernel/error.h include/mm/mm_lock.h include/kernel/spinlock.h \
 include/kernel/irq.h include/arch/arm.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/lockdep.h \
 include/mm/ptdump.h include/arch/cp15.h include/arch/maintenance.h \
 include/kernel/panic.h
include/mm/context.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
include/arch/bits.h:
include/layout.h:
include/mm/pmm.h:
include/kernel/error.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/mm/ptdump.h:
include/arch/cp15.h:
include/arch/maintenance.h:
include/kernel/panic.h:
