build-smp/obj/drivers/gpio.c.o: drivers/gpio.c include/drivers/gpio.h \
 include/layout.h include/arch/cp15.h include/arch/mmio.h \
 include/drivers/systimer.h include/kernel/error.h
include/drivers/gpio.h:
include/layout.h:
include/arch/cp15.h:
include/arch/mmio.h:
include/drivers/systimer.h:
include/kernel/error.h:
