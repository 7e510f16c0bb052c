build-smp/obj/kernel/process.c.o: kernel/process.c \
 include/kernel/process.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/file.h \
 include/kernel/ramfs.h include/kernel/cpio.h include/kernel/error.h \
 include/kernel/signal.h include/kernel/thread.h include/kernel/fpu.h \
 include/layout.h include/mm/mmu.h include/mm/descriptor.h \
 include/arch/mmu.h include/arch/bits.h include/mm/pmm.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/irq.h \
 include/arch/arm.h include/kernel/lockdep.h include/mm/ptdump.h \
 include/mm/vm_map.h include/arch/cp15.h include/drivers/rng.h \
 include/kernel/elf.h include/kernel/errno.h include/kernel/tty.h \
 include/kernel/uaccess.h include/kernel/vfs.h include/kernel/initramfs.h \
 include/kernel/panic.h include/kernel/printk.h include/lib/xorshift.h \
 include/mm/context.h include/mm/kheap.h include/mm/mm.h \
 include/mm/window.h
include/kernel/process.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/error.h:
include/kernel/signal.h:
include/kernel/thread.h:
include/kernel/fpu.h:
include/layout.h:
include/mm/mmu.h:
include/mm/descriptor.h:
include/arch/mmu.h:
include/arch/bits.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/kernel/lockdep.h:
include/mm/ptdump.h:
include/mm/vm_map.h:
include/arch/cp15.h:
include/drivers/rng.h:
include/kernel/elf.h:
include/kernel/errno.h:
include/kernel/tty.h:
include/kernel/uaccess.h:
include/kernel/vfs.h:
include/kernel/initramfs.h:
include/kernel/panic.h:
include/kernel/printk.h:
include/lib/xorshift.h:
include/mm/context.h:
include/mm/kheap.h:
include/mm/mm.h:
include/mm/window.h:
