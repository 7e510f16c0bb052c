build-smp/obj/user/forkbomb.c.o: user/forkbomb.c \
 user/include/bramble/syscall.h
user/include/bramble/syscall.h:
