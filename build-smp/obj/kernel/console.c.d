build-smp/obj/kernel/console.c.o: kernel/console.c \
 include/kernel/console.h include/drivers/board.h include/layout.h \
 include/drivers/pl011.h include/drivers/watchdog.h \
 include/kernel/banner.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/initramfs.h \
 include/kernel/irq.h include/arch/arm.h include/arch/bits.h \
 include/kernel/ksyms.h include/kernel/ktest.h include/kernel/line_edit.h \
 include/kernel/panic.h include/kernel/parse.h include/kernel/printk.h \
 include/kernel/process.h include/kernel/file.h include/kernel/ramfs.h \
 include/kernel/cpio.h include/kernel/error.h include/kernel/signal.h \
 include/kernel/thread.h include/kernel/fpu.h include/mm/mmu.h \
 include/mm/descriptor.h include/arch/mmu.h include/mm/pmm.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/lockdep.h \
 include/mm/ptdump.h include/mm/vm_map.h include/kernel/syscall.h \
 include/kernel/errno.h include/kernel/tty.h include/kernel/timer.h \
 include/lib/ring.h include/mm/context.h include/mm/kernel_map.h \
 include/mm/kheap.h include/mm/mm.h include/mm/window.h include/mm/mmio.h
include/kernel/console.h:
include/drivers/board.h:
include/layout.h:
include/drivers/pl011.h:
include/drivers/watchdog.h:
include/kernel/banner.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/initramfs.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/ksyms.h:
include/kernel/ktest.h:
include/kernel/line_edit.h:
include/kernel/panic.h:
include/kernel/parse.h:
include/kernel/printk.h:
include/kernel/process.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/error.h:
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
include/kernel/syscall.h:
include/kernel/errno.h:
include/kernel/tty.h:
include/kernel/timer.h:
include/lib/ring.h:
include/mm/context.h:
include/mm/kernel_map.h:
include/mm/kheap.h:
include/mm/mm.h:
include/mm/window.h:
include/mm/mmio.h:
