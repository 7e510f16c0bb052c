build-smp/obj/kernel/fdt.c.o: kernel/fdt.c include/kernel/fdt.h \
 include/kernel/error.h
include/kernel/fdt.h:
include/kernel/error.h:
