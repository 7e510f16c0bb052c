build-smp/obj/user/init.c.o: user/init.c user/include/bramble/syscall.h
user/include/bramble/syscall.h:
