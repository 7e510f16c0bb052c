build-smp/linker.ld: linker.ld include/arch/mmu.h include/arch/bits.h \
 include/layout.h
include/arch/mmu.h:
include/arch/bits.h:
include/layout.h:
