build-smp/obj/mm/vm_map.c.o: mm/vm_map.c include/mm/vm_map.h \
 include/layout.h include/kernel/error.h
include/mm/vm_map.h:
include/layout.h:
include/kernel/error.h:
