build-smp/obj/kernel/pipe.c.o: kernel/pipe.c include/kernel/pipe.h \
 include/kernel/file.h include/kernel/ramfs.h include/kernel/cpio.h \
 include/kernel/error.h include/kernel/errno.h include/kernel/irq.h \
 include/arch/arm.h include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/signal.h \
 include/kernel/thread.h include/kernel/fpu.h include/layout.h \
 include/kernel/uaccess.h include/mm/kheap.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/lockdep.h
include/kernel/pipe.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/error.h:
include/kernel/errno.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/signal.h:
include/kernel/thread.h:
include/kernel/fpu.h:
include/layout.h:
include/kernel/uaccess.h:
include/mm/kheap.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/lockdep.h:
