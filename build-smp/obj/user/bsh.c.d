build-smp/obj/user/bsh.c.o: user/bsh.c user/include/bramble/syscall.h
user/include/bramble/syscall.h:
