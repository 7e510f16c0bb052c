build-smp/obj/kernel/syscall_file.c.o: kernel/syscall_file.c \
 include/kernel/errno.h include/kernel/file.h include/kernel/ramfs.h \
 include/kernel/cpio.h include/kernel/error.h include/kernel/irq.h \
 include/arch/arm.h include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/pipe.h \
 include/kernel/process.h include/kernel/signal.h include/kernel/thread.h \
 include/kernel/fpu.h include/layout.h include/mm/mmu.h \
 include/mm/descriptor.h include/arch/mmu.h include/mm/pmm.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/lockdep.h \
 include/mm/ptdump.h include/mm/vm_map.h include/kernel/syscall_calls.h \
 include/kernel/timer.h include/kernel/tty.h include/kernel/uaccess.h \
 include/kernel/vfs.h
include/kernel/errno.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/error.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/pipe.h:
include/kernel/process.h:
include/kernel/signal.h:
include/kernel/thread.h:
include/kernel/fpu.h:
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
include/kernel/syscall_calls.h:
include/kernel/timer.h:
include/kernel/tty.h:
include/kernel/uaccess.h:
include/kernel/vfs.h:
