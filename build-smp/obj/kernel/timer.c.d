build-smp/obj/kernel/timer.c.o: kernel/timer.c include/kernel/timer.h \
 include/arch/arm.h include/arch/bits.h include/arch/cp15.h \
 include/kernel/irq.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/panic.h \
 include/kernel/printk.h include/kernel/smp.h include/layout.h \
 include/kernel/thread.h include/kernel/fpu.h
include/kernel/timer.h:
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/kernel/irq.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/panic.h:
include/kernel/printk.h:
include/kernel/smp.h:
include/layout.h:
include/kernel/thread.h:
include/kernel/fpu.h:
