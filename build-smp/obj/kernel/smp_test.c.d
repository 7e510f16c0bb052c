build-smp/obj/kernel/smp_test.c.o: kernel/smp_test.c include/kernel/smp.h \
 include/layout.h include/arch/arm.h include/arch/bits.h \
 include/arch/cp15.h include/kernel/boot_info.h include/kernel/error.h \
 include/kernel/ktest.h include/kernel/stack.h
include/kernel/smp.h:
include/layout.h:
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/kernel/boot_info.h:
include/kernel/error.h:
include/kernel/ktest.h:
include/kernel/stack.h:
