build-smp/obj/user/hog.c.o: user/hog.c
