build-smp/obj/kernel/console_test.c.o: kernel/console_test.c \
 include/kernel/console.h include/kernel/irq.h include/arch/arm.h \
 include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/ktest.h \
 include/kernel/printk.h include/kernel/stack.h include/lib/ring.h \
 include/lib/textbuf.h include/mm/kheap.h include/mm/mm_lock.h \
 include/kernel/spinlock.h include/kernel/lockdep.h include/layout.h \
 include/mm/mm.h include/mm/pmm.h include/kernel/error.h \
 include/mm/window.h
include/kernel/console.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/ktest.h:
include/kernel/printk.h:
include/kernel/stack.h:
include/lib/ring.h:
include/lib/textbuf.h:
include/mm/kheap.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/lockdep.h:
include/layout.h:
include/mm/mm.h:
include/mm/pmm.h:
include/kernel/error.h:
include/mm/window.h:
