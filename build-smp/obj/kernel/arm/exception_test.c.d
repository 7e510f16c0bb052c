build-smp/obj/kernel/arm/exception_test.c.o: kernel/arm/exception_test.c \
 include/arch/arm.h include/arch/bits.h include/arch/cp15.h \
 include/arch/hyp.h include/drivers/bcm2836_local.h include/layout.h \
 include/kernel/boot_info.h include/kernel/error.h \
 include/kernel/exception.h include/kernel/fault_status.h include/mm/mm.h \
 include/mm/pmm.h include/mm/mm_lock.h include/kernel/spinlock.h \
 include/kernel/irq.h include/kernel/lockdep.h include/mm/window.h \
 include/mm/mmu.h include/mm/descriptor.h include/arch/mmu.h \
 include/mm/ptdump.h include/kernel/ktest.h
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/arch/hyp.h:
include/drivers/bcm2836_local.h:
include/layout.h:
include/kernel/boot_info.h:
include/kernel/error.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/mm/mm.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/kernel/lockdep.h:
include/mm/window.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
include/mm/ptdump.h:
include/kernel/ktest.h:
