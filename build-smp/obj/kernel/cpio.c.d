build-smp/obj/kernel/cpio.c.o: kernel/cpio.c include/kernel/cpio.h \
 include/kernel/error.h
include/kernel/cpio.h:
include/kernel/error.h:
