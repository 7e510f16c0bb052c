build-smp/obj/kernel/arm/fpu_regs.S.o: kernel/arm/fpu_regs.S
