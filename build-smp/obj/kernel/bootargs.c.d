build-smp/obj/kernel/bootargs.c.o: kernel/bootargs.c \
 include/kernel/bootargs.h
include/kernel/bootargs.h:
