build-smp/obj/drivers/local.c.o: drivers/local.c \
 include/drivers/bcm2836_local.h include/layout.h include/arch/cp15.h \
 include/arch/mmio.h
include/drivers/bcm2836_local.h:
include/layout.h:
include/arch/cp15.h:
include/arch/mmio.h:
