build-smp/obj/drivers/systimer.c.o: drivers/systimer.c \
 include/drivers/systimer.h include/layout.h include/arch/mmio.h
include/drivers/systimer.h:
include/layout.h:
include/arch/mmio.h:
