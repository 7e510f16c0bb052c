build-smp/obj/kernel/arm/exception.c.o: kernel/arm/exception.c \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/arch/arm.h include/arch/bits.h include/arch/cp15.h \
 include/drivers/bcm2836_local.h include/layout.h \
 include/kernel/backtrace.h include/kernel/error.h include/kernel/fatal.h \
 include/kernel/fpu.h include/kernel/irq.h include/kernel/panic.h \
 include/kernel/printk.h include/kernel/process.h include/kernel/file.h \
 include/kernel/ramfs.h include/kernel/cpio.h include/kernel/signal.h \
 include/kernel/thread.h include/mm/mmu.h include/mm/descriptor.h \
 include/arch/mmu.h include/mm/pmm.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/lockdep.h include/mm/ptdump.h \
 include/mm/vm_map.h include/kernel/syscall.h include/kernel/errno.h \
 include/kernel/semihost.h include/kernel/stack.h include/mm/kernel_map.h
include/kernel/exception.h:
include/kernel/fault_status.h:
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/drivers/bcm2836_local.h:
include/layout.h:
include/kernel/backtrace.h:
include/kernel/error.h:
include/kernel/fatal.h:
include/kernel/fpu.h:
include/kernel/irq.h:
include/kernel/panic.h:
include/kernel/printk.h:
include/kernel/process.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/signal.h:
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
include/kernel/syscall.h:
include/kernel/errno.h:
include/kernel/semihost.h:
include/kernel/stack.h:
include/mm/kernel_map.h:
