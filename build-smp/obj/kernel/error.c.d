build-smp/obj/kernel/error.c.o: kernel/error.c include/kernel/error.h
include/kernel/error.h:
