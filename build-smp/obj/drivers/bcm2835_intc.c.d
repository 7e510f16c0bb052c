build-smp/obj/drivers/bcm2835_intc.c.o: drivers/bcm2835_intc.c \
 include/drivers/bcm2835_intc.h include/layout.h include/arch/mmio.h
include/drivers/bcm2835_intc.h:
include/layout.h:
include/arch/mmio.h:
