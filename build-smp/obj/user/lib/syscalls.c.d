build-smp/obj/user/lib/syscalls.c.o: user/lib/syscalls.c \
 user/include/sys/mman.h user/include/bramble/syscall.h
user/include/sys/mman.h:
user/include/bramble/syscall.h:
