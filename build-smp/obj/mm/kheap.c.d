build-smp/obj/mm/kheap.c.o: mm/kheap.c include/mm/kheap.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/irq.h \
 include/arch/arm.h include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/lockdep.h include/layout.h \
 include/lib/check.h include/kernel/error.h
include/mm/kheap.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/layout.h:
include/lib/check.h:
include/kernel/error.h:
