build-smp/obj/kernel/lockdep.c.o: kernel/lockdep.c \
 include/kernel/lockdep.h
include/kernel/lockdep.h:
