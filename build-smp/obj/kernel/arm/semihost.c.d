build-smp/obj/kernel/arm/semihost.c.o: kernel/arm/semihost.c \
 include/kernel/semihost.h include/kernel/printk.h
include/kernel/semihost.h:
include/kernel/printk.h:
