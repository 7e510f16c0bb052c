build-smp/obj/mm/linear_map.c.o: mm/linear_map.c include/mm/linear_map.h \
 include/layout.h include/kernel/error.h include/kernel/panic.h \
 include/mm/mmu.h include/mm/descriptor.h include/arch/mmu.h \
 include/arch/bits.h include/mm/pmm.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/irq.h include/arch/arm.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/lockdep.h include/mm/ptdump.h
include/mm/linear_map.h:
include/layout.h:
include/kernel/error.h:
include/kernel/panic.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
include/arch/bits.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/mm/ptdump.h:
