build-smp/obj/drivers/watchdog.c.o: drivers/watchdog.c \
 include/drivers/watchdog.h include/layout.h include/arch/mmio.h \
 include/drivers/systimer.h include/kernel/fatal.h \
 include/kernel/printk.h
include/drivers/watchdog.h:
include/layout.h:
include/arch/mmio.h:
include/drivers/systimer.h:
include/kernel/fatal.h:
include/kernel/printk.h:
