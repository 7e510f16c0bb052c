build-smp/obj/kernel/banner.c.o: kernel/banner.c include/kernel/banner.h \
 include/arch/mmu.h include/arch/bits.h include/kernel/printk.h \
 include/kernel/sections.h include/layout.h include/mm/mm.h \
 include/mm/pmm.h include/kernel/error.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/irq.h include/arch/arm.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/lockdep.h include/mm/window.h
include/kernel/banner.h:
include/arch/mmu.h:
include/arch/bits.h:
include/kernel/printk.h:
include/kernel/sections.h:
include/layout.h:
include/mm/mm.h:
include/mm/pmm.h:
include/kernel/error.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/mm/window.h:
