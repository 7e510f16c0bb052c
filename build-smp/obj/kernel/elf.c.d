build-smp/obj/kernel/elf.c.o: kernel/elf.c include/kernel/elf.h \
 include/kernel/error.h
include/kernel/elf.h:
include/kernel/error.h:
