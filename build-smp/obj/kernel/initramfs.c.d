build-smp/obj/kernel/initramfs.c.o: kernel/initramfs.c \
 include/kernel/initramfs.h include/kernel/cpio.h include/kernel/error.h \
 include/kernel/ramfs.h include/kernel/platform.h \
 include/drivers/mailbox.h include/layout.h include/kernel/boot_info.h \
 include/kernel/bootargs.h include/kernel/fdt.h include/mm/pmm.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/irq.h \
 include/arch/arm.h include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/lockdep.h \
 include/kernel/printk.h
include/kernel/initramfs.h:
include/kernel/cpio.h:
include/kernel/error.h:
include/kernel/ramfs.h:
include/kernel/platform.h:
include/drivers/mailbox.h:
include/layout.h:
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
include/kernel/printk.h:
