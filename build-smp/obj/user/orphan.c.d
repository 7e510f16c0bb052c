build-smp/obj/user/orphan.c.o: user/orphan.c \
 user/include/bramble/syscall.h
user/include/bramble/syscall.h:
