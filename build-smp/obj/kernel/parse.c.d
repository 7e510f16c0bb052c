build-smp/obj/kernel/parse.c.o: kernel/parse.c include/kernel/parse.h
include/kernel/parse.h:
