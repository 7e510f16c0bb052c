build-smp/obj/mm/window.c.o: mm/window.c include/mm/window.h \
 include/layout.h include/kernel/error.h
include/mm/window.h:
include/layout.h:
include/kernel/error.h:
