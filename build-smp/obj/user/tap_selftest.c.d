build-smp/obj/user/tap_selftest.c.o: user/tap_selftest.c \
 user/include/bramble/syscall.h user/include/bramble/tap.h
user/include/bramble/syscall.h:
user/include/bramble/tap.h:
