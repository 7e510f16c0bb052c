build-smp/obj/kernel/syscall.c.o: kernel/syscall.c \
 include/kernel/syscall.h include/kernel/errno.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/console.h include/kernel/fpu.h include/kernel/initramfs.h \
 include/kernel/signal.h include/kernel/syscall_calls.h \
 include/kernel/tty.h include/kernel/file.h include/kernel/ramfs.h \
 include/kernel/cpio.h include/kernel/error.h include/kernel/vfs.h \
 include/drivers/rng.h include/layout.h include/kernel/irq.h \
 include/arch/arm.h include/arch/bits.h include/kernel/printk.h \
 include/kernel/process.h include/kernel/thread.h include/mm/mmu.h \
 include/mm/descriptor.h include/arch/mmu.h include/mm/pmm.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/lockdep.h \
 include/mm/ptdump.h include/mm/vm_map.h include/kernel/timer.h \
 include/kernel/uaccess.h include/mm/kheap.h include/mm/mm.h \
 include/mm/window.h include/mm/page_fault.h
include/kernel/syscall.h:
include/kernel/errno.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/console.h:
include/kernel/fpu.h:
include/kernel/initramfs.h:
include/kernel/signal.h:
include/kernel/syscall_calls.h:
include/kernel/tty.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/error.h:
include/kernel/vfs.h:
include/drivers/rng.h:
include/layout.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/printk.h:
include/kernel/process.h:
include/kernel/thread.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/lockdep.h:
include/mm/ptdump.h:
include/mm/vm_map.h:
include/kernel/timer.h:
include/kernel/uaccess.h:
include/mm/kheap.h:
include/mm/mm.h:
include/mm/window.h:
include/mm/page_fault.h:
