build-smp/obj/mm/mmio.c.o: mm/mmio.c include/mm/mmio.h include/layout.h \
 include/mm/descriptor.h include/arch/mmu.h include/arch/bits.h \
 include/mm/kernel_map.h include/mm/ptdump.h include/kernel/error.h \
 include/mm/mm.h include/mm/pmm.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/irq.h include/arch/arm.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/lockdep.h include/mm/window.h include/mm/mmu.h
include/mm/mmio.h:
include/layout.h:
include/mm/descriptor.h:
include/arch/mmu.h:
include/arch/bits.h:
include/mm/kernel_map.h:
include/mm/ptdump.h:
include/kernel/error.h:
include/mm/mm.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/mm/window.h:
include/mm/mmu.h:
