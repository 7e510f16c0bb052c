build-smp/obj/user/forktest.c.o: user/forktest.c user/include/sys/mman.h \
 user/include/bramble/syscall.h user/include/bramble/tap.h
user/include/sys/mman.h:
user/include/bramble/syscall.h:
user/include/bramble/tap.h:
