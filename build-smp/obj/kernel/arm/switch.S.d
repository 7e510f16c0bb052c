build-smp/obj/kernel/arm/switch.S.o: kernel/arm/switch.S \
 include/arch/arm.h include/arch/bits.h
include/arch/arm.h:
include/arch/bits.h:
