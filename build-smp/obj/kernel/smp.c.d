build-smp/obj/kernel/smp.c.o: kernel/smp.c include/kernel/smp.h \
 include/layout.h include/arch/arm.h include/arch/bits.h \
 include/arch/cp15.h include/arch/maintenance.h \
 include/drivers/bcm2836_local.h include/kernel/boot_info.h \
 include/kernel/error.h include/kernel/fpu.h include/kernel/irq.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/ksyms.h include/kernel/printk.h include/kernel/spinlock.h \
 include/kernel/lockdep.h include/kernel/thread.h include/kernel/timer.h \
 include/mm/descriptor.h include/arch/mmu.h
include/kernel/smp.h:
include/layout.h:
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/arch/maintenance.h:
include/drivers/bcm2836_local.h:
include/kernel/boot_info.h:
include/kernel/error.h:
include/kernel/fpu.h:
include/kernel/irq.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/ksyms.h:
include/kernel/printk.h:
include/kernel/spinlock.h:
include/kernel/lockdep.h:
include/kernel/thread.h:
include/kernel/timer.h:
include/mm/descriptor.h:
include/arch/mmu.h:
