build-smp/obj/drivers/pl011.c.o: drivers/pl011.c include/drivers/pl011.h \
 include/layout.h include/kernel/fatal.h include/kernel/spinlock.h \
 include/kernel/irq.h include/arch/arm.h include/arch/bits.h \
 include/kernel/exception.h include/kernel/fault_status.h \
 include/kernel/lockdep.h include/arch/mmio.h include/drivers/systimer.h \
 include/kernel/error.h include/lib/ring.h
include/drivers/pl011.h:
include/layout.h:
include/kernel/fatal.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/arch/mmio.h:
include/drivers/systimer.h:
include/kernel/error.h:
include/lib/ring.h:
