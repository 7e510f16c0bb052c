build-smp/obj/drivers/rng.c.o: drivers/rng.c include/drivers/rng.h \
 include/layout.h include/arch/mmio.h include/drivers/systimer.h \
 include/kernel/error.h
include/drivers/rng.h:
include/layout.h:
include/arch/mmio.h:
include/drivers/systimer.h:
include/kernel/error.h:
