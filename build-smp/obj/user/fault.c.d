build-smp/obj/user/fault.c.o: user/fault.c
