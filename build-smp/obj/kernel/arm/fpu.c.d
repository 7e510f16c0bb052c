build-smp/obj/kernel/arm/fpu.c.o: kernel/arm/fpu.c include/kernel/fpu.h \
 include/arch/cp15.h include/kernel/printk.h include/kernel/thread.h \
 include/layout.h
include/kernel/fpu.h:
include/arch/cp15.h:
include/kernel/printk.h:
include/kernel/thread.h:
include/layout.h:
