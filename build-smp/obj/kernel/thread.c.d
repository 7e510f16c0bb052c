build-smp/obj/kernel/thread.c.o: kernel/thread.c include/kernel/thread.h \
 include/kernel/fpu.h include/layout.h include/arch/arm.h \
 include/arch/bits.h include/arch/cp15.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/irq.h \
 include/kernel/panic.h include/kernel/printk.h include/kernel/process.h \
 include/kernel/file.h include/kernel/ramfs.h include/kernel/cpio.h \
 include/kernel/error.h include/kernel/signal.h include/mm/mmu.h \
 include/mm/descriptor.h include/arch/mmu.h include/mm/pmm.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/lockdep.h \
 include/mm/ptdump.h include/mm/vm_map.h include/kernel/smp.h \
 include/kernel/timer.h include/mm/context.h include/mm/kheap.h \
 include/mm/mm.h include/mm/window.h
include/kernel/thread.h:
include/kernel/fpu.h:
include/layout.h:
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/irq.h:
include/kernel/panic.h:
include/kernel/printk.h:
include/kernel/process.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/error.h:
include/kernel/signal.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/lockdep.h:
include/mm/ptdump.h:
include/mm/vm_map.h:
include/kernel/smp.h:
include/kernel/timer.h:
include/mm/context.h:
include/mm/kheap.h:
include/mm/mm.h:
include/mm/window.h:
