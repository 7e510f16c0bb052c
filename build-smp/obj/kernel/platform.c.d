build-smp/obj/kernel/platform.c.o: kernel/platform.c \
 include/kernel/platform.h include/drivers/mailbox.h include/layout.h \
 include/kernel/boot_info.h include/kernel/bootargs.h \
 include/kernel/fdt.h include/kernel/error.h include/mm/pmm.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/irq.h \
 include/arch/arm.h include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/lockdep.h \
 include/kernel/panic.h include/kernel/printk.h include/kernel/sections.h \
 include/mm/linear_map.h
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
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/kernel/panic.h:
include/kernel/printk.h:
include/kernel/sections.h:
include/mm/linear_map.h:
