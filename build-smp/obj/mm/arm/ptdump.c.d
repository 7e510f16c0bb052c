build-smp/obj/mm/arm/ptdump.c.o: mm/arm/ptdump.c include/mm/ptdump.h \
 include/layout.h include/arch/mmu.h include/arch/bits.h \
 include/mm/descriptor.h
include/mm/ptdump.h:
include/layout.h:
include/arch/mmu.h:
include/arch/bits.h:
include/mm/descriptor.h:
