build-smp/obj/boot/start.S.o: boot/start.S include/layout.h \
 include/arch/arm.h include/arch/bits.h include/arch/maintenance.h \
 include/arch/mmu.h include/kernel/boot_info.h \
 include/drivers/bcm2836_local.h include/drivers/systimer.h \
 include/arch/hyp.h
include/layout.h:
include/arch/arm.h:
include/arch/bits.h:
include/arch/maintenance.h:
include/arch/mmu.h:
include/kernel/boot_info.h:
include/drivers/bcm2836_local.h:
include/drivers/systimer.h:
include/arch/hyp.h:
