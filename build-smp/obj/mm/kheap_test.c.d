build-smp/obj/mm/kheap_test.c.o: mm/kheap_test.c include/arch/mmu.h \
 include/arch/bits.h include/drivers/systimer.h include/layout.h \
 include/drivers/board.h include/kernel/error.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/ktest.h include/kernel/printk.h include/mm/kheap.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/irq.h \
 include/arch/arm.h include/kernel/lockdep.h include/mm/mm.h \
 include/mm/pmm.h include/mm/window.h include/mm/mmio.h \
 include/mm/descriptor.h include/mm/mmu.h include/mm/ptdump.h
include/arch/mmu.h:
include/arch/bits.h:
include/drivers/systimer.h:
include/layout.h:
include/drivers/board.h:
include/kernel/error.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/ktest.h:
include/kernel/printk.h:
include/mm/kheap.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/kernel/lockdep.h:
include/mm/mm.h:
include/mm/pmm.h:
include/mm/window.h:
include/mm/mmio.h:
include/mm/descriptor.h:
include/mm/mmu.h:
include/mm/ptdump.h:
