build-smp/obj/user/spin.c.o: user/spin.c user/include/bramble/syscall.h
user/include/bramble/syscall.h:
