build-smp/obj/mm/pmm.c.o: mm/pmm.c include/mm/pmm.h \
 include/kernel/error.h include/layout.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/irq.h include/arch/arm.h \
 include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/lockdep.h \
 include/lib/check.h
include/mm/pmm.h:
include/kernel/error.h:
include/layout.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/lib/check.h:
