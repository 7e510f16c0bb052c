build-smp/obj/kernel/stack.c.o: kernel/stack.c include/kernel/stack.h \
 include/kernel/sections.h include/layout.h
include/kernel/stack.h:
include/kernel/sections.h:
include/layout.h:
