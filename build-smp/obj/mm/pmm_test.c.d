build-smp/obj/mm/pmm_test.c.o: mm/pmm_test.c include/kernel/error.h \
 include/kernel/ktest.h include/kernel/thread.h include/kernel/fpu.h \
 include/layout.h include/kernel/platform.h include/drivers/mailbox.h \
 include/kernel/boot_info.h include/kernel/bootargs.h \
 include/kernel/fdt.h include/mm/pmm.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/irq.h include/arch/arm.h \
 include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/lockdep.h include/mm/mm.h \
 include/mm/window.h
include/kernel/error.h:
include/kernel/ktest.h:
include/kernel/thread.h:
include/kernel/fpu.h:
include/layout.h:
include/kernel/platform.h:
include/drivers/mailbox.h:
include/kernel/boot_info.h:
include/kernel/bootargs.h:
include/kernel/fdt.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/mm/mm.h:
include/mm/window.h:
