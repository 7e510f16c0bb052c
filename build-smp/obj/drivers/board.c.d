build-smp/obj/drivers/board.c.o: drivers/board.c include/drivers/board.h \
 include/layout.h include/drivers/bcm2835_intc.h \
 include/drivers/bcm2836_local.h include/drivers/gpio.h \
 include/drivers/mailbox.h include/drivers/pl011.h include/drivers/rng.h \
 include/drivers/systimer.h include/drivers/watchdog.h \
 include/kernel/error.h include/kernel/panic.h include/kernel/printk.h \
 include/mm/mmio.h include/mm/descriptor.h include/arch/mmu.h \
 include/arch/bits.h include/mm/mmu.h include/mm/pmm.h \
 include/mm/mm_lock.h include/kernel/spinlock.h include/kernel/irq.h \
 include/arch/arm.h include/kernel/exception.h \
 include/kernel/fault_status.h include/kernel/lockdep.h \
 include/mm/ptdump.h
include/drivers/board.h:
include/layout.h:
include/drivers/bcm2835_intc.h:
include/drivers/bcm2836_local.h:
include/drivers/gpio.h:
include/drivers/mailbox.h:
include/drivers/pl011.h:
include/drivers/rng.h:
include/drivers/systimer.h:
include/drivers/watchdog.h:
include/kernel/error.h:
include/kernel/panic.h:
include/kernel/printk.h:
include/mm/mmio.h:
include/mm/descriptor.h:
include/arch/mmu.h:
include/arch/bits.h:
include/mm/mmu.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/irq.h:
include/arch/arm.h:
include/kernel/exception.h:
include/kernel/fault_status.h:
include/kernel/lockdep.h:
include/mm/ptdump.h:
