build-smp/obj/mm/protection_test.c.o: mm/protection_test.c \
 include/arch/arm.h include/arch/bits.h include/arch/cp15.h \
 include/arch/maintenance.h include/arch/mmu.h include/drivers/board.h \
 include/layout.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/irq.h \
 include/kernel/ktest.h include/kernel/sections.h include/kernel/stack.h \
 include/mm/kernel_map.h include/mm/ptdump.h include/mm/kheap.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/lockdep.h \
 include/mm/mm.h include/mm/pmm.h include/kernel/error.h \
 include/mm/window.h include/mm/mmu.h include/mm/descriptor.h
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/arch/maintenance.h:
include/arch/mmu.h:
include/drivers/board.h:
include/layout.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/irq.h:
include/kernel/ktest.h:
include/kernel/sections.h:
include/kernel/stack.h:
include/mm/kernel_map.h:
include/mm/ptdump.h:
include/mm/kheap.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/lockdep.h:
include/mm/mm.h:
include/mm/pmm.h:
include/kernel/error.h:
include/mm/window.h:
include/mm/mmu.h:
include/mm/descriptor.h:
