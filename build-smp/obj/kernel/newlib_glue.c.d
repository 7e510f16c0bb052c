build-smp/obj/kernel/newlib_glue.c.o: kernel/newlib_glue.c \
 include/kernel/newlib_glue.h
include/kernel/newlib_glue.h:
