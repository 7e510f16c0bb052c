build-smp/obj/kernel/initramfs_builtin.S.o: kernel/initramfs_builtin.S
