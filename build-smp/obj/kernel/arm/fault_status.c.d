build-smp/obj/kernel/arm/fault_status.c.o: kernel/arm/fault_status.c \
 include/kernel/fault_status.h include/arch/arm.h include/arch/bits.h
include/kernel/fault_status.h:
include/arch/arm.h:
include/arch/bits.h:
