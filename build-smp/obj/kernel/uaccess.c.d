build-smp/obj/kernel/uaccess.c.o: kernel/uaccess.c \
 include/kernel/uaccess.h include/layout.h include/kernel/error.h
include/kernel/uaccess.h:
include/layout.h:
include/kernel/error.h:
