build-smp/obj/mm/linear_map_test.c.o: mm/linear_map_test.c \
 include/arch/cp15.h include/arch/mmu.h include/arch/bits.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/ktest.h include/kernel/platform.h \
 include/drivers/mailbox.h include/layout.h include/kernel/boot_info.h \
 include/kernel/bootargs.h include/kernel/fdt.h include/kernel/error.h \
 include/mm/pmm.h include/mm/mm_lock.h include/kernel/spinlock.h \
 include/kernel/irq.h include/arch/arm.h include/kernel/lockdep.h \
 include/mm/linear_map.h
include/arch/cp15.h:
include/arch/mmu.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/ktest.h:
include/kernel/platform.h:
include/drivers/mailbox.h:
include/layout.h:
include/kernel/boot_info.h:
include/kernel/bootargs.h:
include/kernel/fdt.h:
include/kernel/error.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/kernel/lockdep.h:
include/mm/linear_map.h:
