build-smp/obj/kernel/ramfs.c.o: kernel/ramfs.c include/kernel/ramfs.h \
 include/kernel/cpio.h include/kernel/error.h
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/kernel/error.h:
