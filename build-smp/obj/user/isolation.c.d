build-smp/obj/user/isolation.c.o: user/isolation.c \
 user/include/bramble/syscall.h
user/include/bramble/syscall.h:
