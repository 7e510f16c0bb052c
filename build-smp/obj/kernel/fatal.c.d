build-smp/obj/kernel/fatal.c.o: kernel/fatal.c include/kernel/fatal.h \
 include/arch/arm.h include/arch/bits.h include/arch/cp15.h \
 include/kernel/printk.h include/kernel/semihost.h include/kernel/smp.h \
 include/layout.h include/kernel/stack.h
include/kernel/fatal.h:
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/kernel/printk.h:
include/kernel/semihost.h:
include/kernel/smp.h:
include/layout.h:
include/kernel/stack.h:
