build-smp/obj/kernel/spinlock_test.c.o: kernel/spinlock_test.c \
 include/kernel/spinlock.h include/kernel/irq.h include/arch/arm.h \
 include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/lockdep.h \
 include/arch/cp15.h include/kernel/ktest.h
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/arch/cp15.h:
include/kernel/ktest.h:
