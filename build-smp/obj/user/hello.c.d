build-smp/obj/user/hello.c.o: user/hello.c
