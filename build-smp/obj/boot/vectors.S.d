build-smp/obj/boot/vectors.S.o: boot/vectors.S include/arch/arm.h \
 include/arch/bits.h include/kernel/exception.h
include/arch/arm.h:
include/arch/bits.h:
include/kernel/exception.h:
