build-smp/obj/drivers/mailbox.c.o: drivers/mailbox.c \
 include/drivers/mailbox.h include/layout.h include/arch/cp15.h \
 include/arch/maintenance.h include/arch/mmio.h \
 include/drivers/systimer.h include/kernel/error.h
include/drivers/mailbox.h:
include/layout.h:
include/arch/cp15.h:
include/arch/maintenance.h:
include/arch/mmio.h:
include/drivers/systimer.h:
include/kernel/error.h:
