build-smp/obj/mm/arm/descriptor.c.o: mm/arm/descriptor.c \
 include/mm/descriptor.h include/arch/mmu.h include/arch/bits.h \
 include/layout.h
include/mm/descriptor.h:
include/arch/mmu.h:
include/arch/bits.h:
include/layout.h:
