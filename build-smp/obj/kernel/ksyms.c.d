build-smp/obj/kernel/ksyms.c.o: kernel/ksyms.c include/kernel/ksyms.h \
 include/kernel/sections.h
include/kernel/ksyms.h:
include/kernel/sections.h:
