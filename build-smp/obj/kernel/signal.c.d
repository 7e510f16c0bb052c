build-smp/obj/kernel/signal.c.o: kernel/signal.c include/kernel/signal.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/arch/arm.h include/arch/bits.h include/kernel/errno.h \
 include/kernel/fpu.h include/kernel/irq.h include/kernel/printk.h \
 include/kernel/process.h include/kernel/file.h include/kernel/ramfs.h \
 include/kernel/cpio.h include/kernel/error.h include/kernel/thread.h \
 include/layout.h include/mm/mmu.h include/mm/descriptor.h \
 include/arch/mmu.h include/mm/pmm.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/lockdep.h include/mm/ptdump.h \
 include/mm/vm_map.h include/kernel/uaccess.h
include/kernel/signal.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/errno.h:
include/kernel/fpu.h:
include/kernel/irq.h:
include/kernel/printk.h:
include/kernel/process.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/error.h:
include/kernel/thread.h:
include/layout.h:
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
