build-smp/obj/kernel/arm/backtrace.c.o: kernel/arm/backtrace.c \
 include/kernel/backtrace.h include/kernel/ksyms.h \
 include/kernel/printk.h include/kernel/sections.h include/layout.h
include/kernel/backtrace.h:
include/kernel/ksyms.h:
include/kernel/printk.h:
include/kernel/sections.h:
include/layout.h:
