build-smp/obj/kernel/printk.c.o: kernel/printk.c include/kernel/printk.h \
 include/arch/cp15.h
include/kernel/printk.h:
include/arch/cp15.h:
