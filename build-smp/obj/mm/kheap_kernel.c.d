build-smp/obj/mm/kheap_kernel.c.o: mm/kheap_kernel.c \
 include/kernel/error.h include/kernel/printk.h include/mm/kernel_map.h \
 include/mm/ptdump.h include/layout.h include/mm/kheap.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/irq.h \
 include/arch/arm.h include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/lockdep.h include/mm/mm.h \
 include/mm/pmm.h include/mm/window.h include/mm/mmu.h \
 include/mm/descriptor.h include/arch/mmu.h
include/kernel/error.h:
include/kernel/printk.h:
include/mm/kernel_map.h:
include/mm/ptdump.h:
include/layout.h:
include/mm/kheap.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/mm/mm.h:
include/mm/pmm.h:
include/mm/window.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
