build-smp/obj/user/bench.c.o: user/bench.c user/include/bramble/syscall.h
user/include/bramble/syscall.h:
