build-smp/obj/kernel/cmdline.c.o: kernel/cmdline.c \
 include/kernel/cmdline.h
include/kernel/cmdline.h:
