build-smp/obj/kernel/panic.c.o: kernel/panic.c include/kernel/panic.h \
 include/kernel/backtrace.h include/kernel/fatal.h \
 include/kernel/printk.h
include/kernel/panic.h:
include/kernel/backtrace.h:
include/kernel/fatal.h:
include/kernel/printk.h:
