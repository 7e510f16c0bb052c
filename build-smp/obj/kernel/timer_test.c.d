build-smp/obj/kernel/timer_test.c.o: kernel/timer_test.c \
 include/arch/cp15.h include/drivers/systimer.h include/layout.h \
 include/kernel/irq.h include/arch/arm.h include/arch/bits.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/ktest.h include/kernel/timer.h
include/arch/cp15.h:
include/drivers/systimer.h:
include/layout.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/ktest.h:
include/kernel/timer.h:
