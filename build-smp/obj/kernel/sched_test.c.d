build-smp/obj/kernel/sched_test.c.o: kernel/sched_test.c \
 include/kernel/thread.h include/kernel/fpu.h include/layout.h \
 include/arch/arm.h include/arch/bits.h include/arch/cp15.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/ktest.h include/kernel/smp.h include/kernel/spinlock.h \
 include/kernel/irq.h include/kernel/lockdep.h include/kernel/timer.h \
 include/lib/xorshift.h include/mm/kernel_map.h include/mm/ptdump.h \
 include/mm/kheap.h include/mm/mm_lock.h include/mm/mm.h include/mm/pmm.h \
 include/kernel/error.h include/mm/window.h include/mm/mmu.h \
 include/mm/descriptor.h include/arch/mmu.h
include/kernel/thread.h:
include/kernel/fpu.h:
include/layout.h:
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/ktest.h:
include/kernel/smp.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/kernel/lockdep.h:
include/kernel/timer.h:
include/lib/xorshift.h:
include/mm/kernel_map.h:
include/mm/ptdump.h:
include/mm/kheap.h:
include/mm/mm_lock.h:
include/mm/mm.h:
include/mm/pmm.h:
include/kernel/error.h:
include/mm/window.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
