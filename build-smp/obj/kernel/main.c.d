build-smp/obj/kernel/main.c.o: kernel/main.c include/arch/arm.h \
 include/arch/bits.h include/arch/cp15.h include/arch/mmu.h \
 include/drivers/bcm2836_local.h include/layout.h include/drivers/gpio.h \
 include/drivers/mailbox.h include/drivers/pl011.h include/drivers/rng.h \
 include/drivers/systimer.h include/kernel/banner.h \
 include/kernel/boot_info.h include/drivers/board.h \
 include/kernel/cmdline.h include/kernel/console.h include/kernel/error.h \
 include/kernel/fault_status.h include/kernel/fpu.h \
 include/kernel/initramfs.h include/kernel/irq.h \
 include/kernel/exception.h include/kernel/ktest.h include/kernel/panic.h \
 include/kernel/platform.h include/kernel/bootargs.h include/kernel/fdt.h \
 include/mm/pmm.h include/mm/mm_lock.h include/kernel/spinlock.h \
 include/kernel/lockdep.h include/kernel/printk.h \
 include/kernel/sections.h include/kernel/semihost.h include/kernel/smp.h \
 include/kernel/thread.h include/kernel/timer.h include/kernel/tty.h \
 include/kernel/file.h include/kernel/ramfs.h include/kernel/cpio.h \
 include/mm/descriptor.h include/mm/kernel_map.h include/mm/ptdump.h \
 include/mm/kheap.h include/mm/mm.h include/mm/window.h include/mm/mmio.h \
 include/mm/mmu.h include/mm/page_fault.h
include/arch/arm.h:
include/arch/bits.h:
include/arch/cp15.h:
include/arch/mmu.h:
include/drivers/bcm2836_local.h:
include/layout.h:
include/drivers/gpio.h:
include/drivers/mailbox.h:
include/drivers/pl011.h:
include/drivers/rng.h:
include/drivers/systimer.h:
include/kernel/banner.h:
include/kernel/boot_info.h:
include/drivers/board.h:
include/kernel/cmdline.h:
include/kernel/console.h:
include/kernel/error.h:
include/kernel/fault_status.h:
include/kernel/fpu.h:
include/kernel/initramfs.h:
include/kernel/irq.h:
include/kernel/exception.h:
include/kernel/ktest.h:
include/kernel/panic.h:
include/kernel/platform.h:
include/kernel/bootargs.h:
include/kernel/fdt.h:
include/mm/pmm.h:
include/mm/mm_lock.h:
include/kernel/spinlock.h:
include/kernel/lockdep.h:
include/kernel/printk.h:
include/kernel/sections.h:
include/kernel/semihost.h:
include/kernel/smp.h:
include/kernel/thread.h:
include/kernel/timer.h:
include/kernel/tty.h:
include/kernel/file.h:
include/kernel/ramfs.h:
include/kernel/cpio.h:
include/mm/descriptor.h:
include/mm/kernel_map.h:
include/mm/ptdump.h:
include/mm/kheap.h:
include/mm/mm.h:
include/mm/window.h:
include/mm/mmio.h:
include/mm/mmu.h:
include/mm/page_fault.h:
