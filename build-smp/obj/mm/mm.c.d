build-smp/obj/mm/mm.c.o: mm/mm.c include/mm/mm.h include/layout.h \
 include/mm/pmm.h include/kernel/error.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/irq.h include/arch/arm.h \
 include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/lockdep.h \
 include/mm/window.h include/kernel/panic.h include/kernel/printk.h \
 include/kernel/sections.h include/mm/context.h include/mm/mmu.h \
 include/mm/descriptor.h include/arch/mmu.h include/mm/ptdump.h \
 include/mm/kheap.h
include/mm/mm.h:
include/layout.h:
include/mm/pmm.h:
include/kernel/error.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/mm/window.h:
include/kernel/panic.h:
include/kernel/printk.h:
include/kernel/sections.h:
include/mm/context.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
include/mm/ptdump.h:
include/mm/kheap.h:
