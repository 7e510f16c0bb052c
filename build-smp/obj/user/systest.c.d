build-smp/obj/user/systest.c.o: user/systest.c \
 user/include/bramble/syscall.h user/include/bramble/tap.h
user/include/bramble/syscall.h:
user/include/bramble/tap.h:
