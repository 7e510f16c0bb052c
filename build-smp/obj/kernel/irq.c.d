build-smp/obj/kernel/irq.c.o: kernel/irq.c include/kernel/irq.h \
 include/arch/arm.h include/arch/bits.h include/kernel/exception.h \
 include/kernel/fault_status.h include/arch/cp15.h \
 include/drivers/bcm2835_intc.h include/layout.h \
 include/drivers/bcm2836_local.h include/kernel/error.h \
 include/kernel/printk.h
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/arch/cp15.h:
include/drivers/bcm2835_intc.h:
include/layout.h:
include/drivers/bcm2836_local.h:
include/kernel/error.h:
include/kernel/printk.h:
