build-smp/obj/mm/kernel_map.c.o: mm/kernel_map.c include/mm/kernel_map.h \
 include/mm/ptdump.h include/layout.h include/kernel/spinlock.h \
 include/kernel/irq.h include/arch/arm.h include/arch/bits.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/lockdep.h include/kernel/printk.h \
 include/kernel/sections.h include/mm/mm.h include/mm/pmm.h \
 include/kernel/error.h include/mm/mm_lock.h include/mm/window.h \
 include/mm/mmu.h include/mm/descriptor.h include/arch/mmu.h
include/mm/kernel_map.h:
include/mm/ptdump.h:
include/layout.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/kernel/printk.h:
include/kernel/sections.h:
include/mm/mm.h:
include/mm/pmm.h:
include/kernel/error.h:
include/mm/mm_lock.h:
include/mm/window.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
