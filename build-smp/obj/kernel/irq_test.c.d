build-smp/obj/kernel/irq_test.c.o: kernel/irq_test.c include/arch/arm.h \
 include/arch/bits.h include/arch/cp15.h include/drivers/bcm2836_local.h \
 include/layout.h include/drivers/pl011.h include/kernel/error.h \
 include/kernel/irq.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/ktest.h \
 include/kernel/printk.h include/kernel/timer.h
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/drivers/bcm2836_local.h:
include/layout.h:
include/drivers/pl011.h:
include/kernel/error.h:
include/kernel/irq.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/ktest.h:
include/kernel/printk.h:
include/kernel/timer.h:
