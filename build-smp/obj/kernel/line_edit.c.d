build-smp/obj/kernel/line_edit.c.o: kernel/line_edit.c \
 include/kernel/line_edit.h
include/kernel/line_edit.h:
