build-smp/obj/kernel/ktest.c.o: kernel/ktest.c include/kernel/ktest.h \
 include/arch/cp15.h include/kernel/fatal.h include/kernel/printk.h
include/kernel/ktest.h:
include/arch/cp15.h:
include/kernel/fatal.h:
include/kernel/printk.h:
