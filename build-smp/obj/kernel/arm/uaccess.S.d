build-smp/obj/kernel/arm/uaccess.S.o: kernel/arm/uaccess.S
