build-smp/obj/kernel/tty.c.o: kernel/tty.c include/kernel/tty.h \
 include/kernel/file.h include/kernel/ramfs.h include/kernel/cpio.h \
 include/kernel/error.h include/drivers/pl011.h include/layout.h \
 include/kernel/console.h include/kernel/errno.h include/kernel/irq.h \
 include/arch/arm.h include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/printk.h \
 include/kernel/process.h include/kernel/signal.h include/kernel/thread.h \
 include/kernel/fpu.h include/mm/mmu.h include/mm/descriptor.h \
 include/arch/mmu.h include/mm/pmm.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/lockdep.h include/mm/ptdump.h \
 include/mm/vm_map.h include/kernel/uaccess.h include/arch/cp15.h
include/kernel/tty.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/error.h:
include/drivers/pl011.h:
include/layout.h:
include/kernel/console.h:
include/kernel/errno.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/printk.h:
include/kernel/process.h:
include/kernel/signal.h:
include/kernel/thread.h:
include/kernel/fpu.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/lockdep.h:
include/mm/ptdump.h:
include/mm/vm_map.h:
include/kernel/uaccess.h:
include/arch/cp15.h:
