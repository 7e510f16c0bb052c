build-smp/obj/kernel/process_test.c.o: kernel/process_test.c \
 include/arch/arm.h include/arch/bits.h include/arch/mmu.h \
 include/drivers/rng.h include/layout.h include/kernel/error.h \
 include/kernel/ktest.h include/kernel/printk.h include/kernel/file.h \
 include/kernel/ramfs.h include/kernel/cpio.h include/kernel/fpu.h \
 include/kernel/initramfs.h include/kernel/pipe.h \
 include/kernel/process.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/signal.h \
 include/kernel/thread.h include/mm/mmu.h include/mm/descriptor.h \
 include/mm/pmm.h include/mm/mm_lock.h include/kernel/spinlock.h \
 include/kernel/irq.h include/kernel/lockdep.h include/mm/ptdump.h \
 include/mm/vm_map.h include/kernel/timer.h include/kernel/uaccess.h \
 include/mm/context.h include/mm/kheap.h include/lib/textbuf.h \
 include/mm/mm.h include/mm/window.h include/mm/page_fault.h
include/arch/arm.h:
include/arch/bits.h:
include/arch/mmu.h:
include/drivers/rng.h:
include/layout.h:
include/kernel/error.h:
include/kernel/ktest.h:
include/kernel/printk.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/fpu.h:
include/kernel/initramfs.h:
include/kernel/pipe.h:
include/kernel/process.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/signal.h:
include/kernel/thread.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/kernel/lockdep.h:
include/mm/ptdump.h:
include/mm/vm_map.h:
include/kernel/timer.h:
include/kernel/uaccess.h:
include/mm/context.h:
include/mm/kheap.h:
include/lib/textbuf.h:
include/mm/mm.h:
include/mm/window.h:
include/mm/page_fault.h:
