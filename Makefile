# bramble: build, run and test.
#
#   make            build/kernel7.elf, build/kernel7.img and build/kernel7.map
#   make run        boot build/kernel7.img in QEMU, UART on this terminal
#   make test       host tests and a QEMU boot by every loader, through prove
#   make bench      benchmarks, in guest instructions (QEMU -icount)
#   make fuzz       the fuzz targets (heap/window, device tree) for 10 minutes (FUZZ_SECONDS)
#   make sdcard     build/sdcard.img: a card that boots the Pi 2 (scripts/sdcard)
#   make debug      QEMU halted with a gdb server, gdb-multiarch attached
#   make format     reformat the C sources (.clang-format)
#   make lint       formatting checked, and cppcheck (part of make test)
#   make clean      remove build/
#   V=1             show full command lines

CROSS   ?= arm-none-eabi-
CC      := $(CROSS)gcc
OBJCOPY := $(CROSS)objcopy
HOSTCC  ?= gcc

.DEFAULT_GOAL := all

BUILD   := build
OBJ     := $(BUILD)/obj

ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-7s %s\n' $(1) $(2);
endif

# The kernel: C11, freestanding, ARM state, soft float (newlib-nano's
# thumb/v7-a/nofp multilib), tuned for the Pi 2's Cortex-A7.
ARCHFLAGS := -mcpu=cortex-a7 -marm -mfloat-abi=soft
CFLAGS    := $(ARCHFLAGS) -std=c11 -ffreestanding -O2 -g -Wall -Wextra -Werror \
             -fno-toplevel-reorder \
             -fno-common -fno-omit-frame-pointer -Iinclude -MMD -MP
# make ASID_LIMIT=6 BUILD=build-asid6: a kernel with only 6 ASIDs (6 to 256), so
# that every few switches roll the generation over (include/mm/context.h).
# A build directory of its own keeps its objects apart from the default's.
ifdef ASID_LIMIT
CFLAGS    += -DASID_LIMIT=$(ASID_LIMIT)
endif
# make SMP_PROCESSES=1 BUILD=build-smp: processes on every core, under the big
# lock (include/kernel/thread.h); docs/smp.md says what is left before it is the default.
ifdef SMP_PROCESSES
CFLAGS    += -DSMP_PROCESSES
endif
# make LOCK_DEBUG=1 BUILD=build-lockdep: every spinlock acquisition checked
# against the lock-order rule (include/kernel/lockdep.h).
ifeq ($(LOCK_DEBUG),1)
CFLAGS    += -DLOCK_DEBUG
endif
ASFLAGS   := $(ARCHFLAGS) -g -Iinclude -MMD -MP -D__ASSEMBLER__
LDFLAGS   := $(ARCHFLAGS) -nostartfiles --specs=nano.specs -Wl,--no-warn-rwx-segments \
             -Wl,-Map=$(BUILD)/kernel7.map -Wl,--fatal-warnings

KERNEL_SRCS := \
	boot/start.S \
	boot/vectors.S \
	kernel/main.c \
	kernel/printk.c \
	kernel/panic.c \
	kernel/fatal.c \
	kernel/ksyms.c \
	kernel/arm/backtrace.c \
	kernel/error.c \
	kernel/arm/exception.c \
	kernel/arm/fault_status.c \
	kernel/arm/semihost.c \
	kernel/ktest.c \
	kernel/bootargs.c \
	kernel/cmdline.c \
	kernel/fdt.c \
	kernel/platform.c \
	kernel/newlib_glue.c \
	kernel/stack.c \
	kernel/irq.c \
	kernel/timer.c \
	kernel/parse.c \
	kernel/line_edit.c \
	kernel/banner.c \
	kernel/console.c \
	kernel/thread.c \
	kernel/arm/switch.S \
	kernel/arm/fpu.c \
	kernel/arm/fpu_regs.S \
	kernel/elf.c \
	kernel/cpio.c \
	kernel/ramfs.c \
	kernel/initramfs.c \
	kernel/initramfs_builtin.S \
	kernel/process.c \
	kernel/syscall.c \
	kernel/syscall_file.c \
	kernel/file.c \
	kernel/vfs.c \
	kernel/pipe.c \
	kernel/tty.c \
	kernel/signal.c \
	kernel/lockdep.c \
	kernel/smp.c \
	kernel/uaccess.c \
	kernel/arm/uaccess.S \
	drivers/mailbox.c \
	drivers/gpio.c \
	drivers/pl011.c \
	drivers/systimer.c \
	drivers/local.c \
	drivers/bcm2835_intc.c \
	drivers/rng.c \
	drivers/watchdog.c \
	drivers/board.c \
	mm/linear_map.c \
	mm/pmm.c \
	mm/mm.c \
	mm/arm/descriptor.c \
	mm/arm/mmu.c \
	mm/arm/context.c \
	mm/window.c \
	mm/kheap.c \
	mm/kheap_kernel.c \
	mm/mmio.c \
	mm/arm/ptdump.c \
	mm/kernel_map.c \
	mm/vm_map.c \
	mm/page_fault.c \
	kernel/boot_test.c \
	kernel/arm/exception_test.c \
	kernel/arm/backtrace_test.c \
	kernel/platform_test.c \
	kernel/irq_test.c \
	kernel/timer_test.c \
	kernel/console_test.c \
	kernel/process_test.c \
	kernel/spinlock_test.c \
	kernel/smp_test.c \
	kernel/sched_test.c \
	mm/linear_map_test.c \
	mm/pmm_test.c \
	mm/mmu_test.c \
	mm/protection_test.c \
	mm/kheap_test.c

KERNEL_OBJS := $(patsubst %,$(OBJ)/%.o,$(KERNEL_SRCS))

# The benchmark image: the same objects, plus the benchmarks (kernel/bench.h).
BENCH_SRCS := \
	bench/bench.c \
	bench/mm_bench.c \
	bench/newlib_full.c \
	bench/kheap_bench.c \
	bench/irq_bench.c \
	bench/process_bench.c \
	bench/lock_bench.c \
	bench/smp_bench.c
BENCH_OBJS := $(patsubst %,$(OBJ)/%.o,$(BENCH_SRCS))

# Full newlib's malloc (the dlmalloc-derived one, not nano's), for make bench
# to measure beside nano's: its objects from the toolchain's libc.a, every
# symbol prefixed with full_ so that they link beside libc_nano.a; the bench
# gives it its own _sbrk_r and lock (bench/newlib_full.c).
NEWLIB_FULL_LIBC = $(shell $(CC) $(ARCHFLAGS) -print-file-name=libc.a)
$(BUILD)/bench/newlib_full_malloc.o: Makefile
	@mkdir -p $(BUILD)/bench/newlib_full
	$(call say,AR,$@)
	$(Q)cd $(BUILD)/bench/newlib_full && $(CROSS)ar x $(NEWLIB_FULL_LIBC) lib_a-mallocr.o lib_a-freer.o
	$(Q)$(CROSS)ld -r -o $(BUILD)/bench/newlib_full/malloc.o \
		$(BUILD)/bench/newlib_full/lib_a-mallocr.o $(BUILD)/bench/newlib_full/lib_a-freer.o
	$(Q)$(OBJCOPY) --prefix-symbols=full_ $(BUILD)/bench/newlib_full/malloc.o $@
BENCH_OBJS += $(BUILD)/bench/newlib_full_malloc.o

# The crash image: the same objects, plus the crashes on request that
# tests/qemu/crash.t asks for (tests/kernel/crash.c).
CRASH_SRCS := tests/kernel/crash.c
CRASH_OBJS := $(patsubst %,$(OBJ)/%.o,$(CRASH_SRCS))

# Flags live here: a change to this file rebuilds everything.
$(KERNEL_OBJS) $(filter %.c.o,$(BENCH_OBJS)) $(CRASH_OBJS) $(BUILD)/linker.ld: Makefile

.PHONY: all clean run test prove smp-image bench fuzz debug host-tests deps sdcard format format-check lint
all: $(BUILD)/kernel7.img

$(OBJ)/%.c.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(OBJ)/%.S.o: %.S
	@mkdir -p $(dir $@)
	$(call say,AS,$<)
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

# The linker script goes through the C preprocessor for include/layout.h.
$(BUILD)/linker.ld: linker.ld
	@mkdir -p $(dir $@)
	$(call say,CPP,$<)
	$(Q)$(CC) -E -P -x c -undef -D__ASSEMBLER__ -Iinclude -MMD -MP -MT $@ -MF $@.d $< -o $@

# Both images carry their symbol table (kernel/ksyms.h), which takes two
# links: the first with an empty table, whose text symbols scripts/gen-ksyms
# writes out as the table for the second. The second link must not move any
# of them (linker.ld puts the table behind the text); if it does, no image.
# $(call link_with_ksyms,LDFLAGS,OBJECTS) links $@ so.
KSYMS_NM := $(CROSS)nm -n -S --special-syms
define link_with_ksyms
	$(call say,LD,$@)
	$(Q)scripts/gen-ksyms --empty >$(basename $@).ksyms.s
	$(Q)$(CC) $(ARCHFLAGS) -c $(basename $@).ksyms.s -o $(basename $@).ksyms.o
	$(Q)$(CC) $(1) -T $(BUILD)/linker.ld $(2) $(basename $@).ksyms.o -o $(basename $@).pass1.elf
	$(Q)$(KSYMS_NM) $(basename $@).pass1.elf | scripts/gen-ksyms >$(basename $@).ksyms.s
	$(Q)$(CC) $(ARCHFLAGS) -c $(basename $@).ksyms.s -o $(basename $@).ksyms.o
	$(Q)$(CC) $(1) -T $(BUILD)/linker.ld $(2) $(basename $@).ksyms.o -o $@
	$(Q)$(KSYMS_NM) $@ | scripts/gen-ksyms | cmp -s - $(basename $@).ksyms.s || { rm -f $@; \
		echo "$@: text symbols moved between the two links (see $(basename $@).pass1.elf)" >&2; \
		exit 1; }
endef

# The user programs and the initramfs (user/Makefile.inc); the built-in copy of
# the archive is assembled into the kernel (kernel/initramfs_builtin.S).
include user/Makefile.inc
$(OBJ)/kernel/initramfs_builtin.S.o: ASFLAGS += -DINITRAMFS_PATH='"$(BUILD)/initramfs.cpio"'
$(OBJ)/kernel/initramfs_builtin.S.o: $(BUILD)/initramfs.cpio

$(BUILD)/kernel7.elf: $(KERNEL_OBJS) $(BUILD)/linker.ld scripts/gen-ksyms
	$(call link_with_ksyms,$(LDFLAGS),$(KERNEL_OBJS))

$(BUILD)/kernel7.img: $(BUILD)/kernel7.elf
	$(call say,OBJCOPY,$@)
	$(Q)$(OBJCOPY) -O binary $< $@

$(BUILD)/bench/kernel7.elf: $(KERNEL_OBJS) $(BENCH_OBJS) $(BUILD)/linker.ld scripts/gen-ksyms
	@mkdir -p $(dir $@)
	$(call link_with_ksyms,$(subst kernel7.map,bench/kernel7.map,$(LDFLAGS)),$(KERNEL_OBJS) $(BENCH_OBJS))

$(BUILD)/crash/kernel7.elf: $(KERNEL_OBJS) $(CRASH_OBJS) $(BUILD)/linker.ld scripts/gen-ksyms
	@mkdir -p $(dir $@)
	$(call link_with_ksyms,$(subst kernel7.map,crash/kernel7.map,$(LDFLAGS)),$(KERNEL_OBJS) $(CRASH_OBJS))

$(BUILD)/crash/kernel7.img: $(BUILD)/crash/kernel7.elf
	$(call say,OBJCOPY,$@)
	$(Q)$(OBJCOPY) -O binary $< $@

# The firmware-handoff emulator for the HYP boot test (tests/qemu/fwstub.S).
$(BUILD)/tests/fwstub.bin: tests/qemu/fwstub.S
	@mkdir -p $(dir $@)
	$(call say,AS,$<)
	$(Q)$(CC) $(ARCHFLAGS) -c $< -o $(BUILD)/tests/fwstub.o
	$(Q)$(CC) $(ARCHFLAGS) -nostdlib -nostartfiles -Wl,-Ttext=0 $(BUILD)/tests/fwstub.o \
		-o $(BUILD)/tests/fwstub.elf
	$(Q)$(OBJCOPY) -O binary $(BUILD)/tests/fwstub.elf $@

# What the boot tests hand the kernel as a loader would: a device tree
# (tests/qemu/dt/board.dts) and an initrd of 5000 bytes of a fixed pattern,
# whose byte sum the kernel prints and the harness compares.
BOOT_TEST_FILES := $(BUILD)/tests/board.dtb $(BUILD)/tests/initrd.bin
$(BUILD)/tests/board.dtb: tests/qemu/dt/board.dts
	@mkdir -p $(dir $@)
	$(call say,DTC,$<)
	$(Q)dtc -q -I dts -O dtb -o $@ $<
$(BUILD)/tests/initrd.bin:
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)
	$(Q)perl -e 'print map { chr(($$_ * 7) % 251) } 0 .. 4999' >$@

# Host tests: logic without hardware, under AddressSanitizer and UBSan.
HOST_CFLAGS := -std=c11 -O1 -g -Wall -Wextra -Werror -Iinclude -Itests/lib \
               -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
               -MMD -MP
HOST_TESTS  := fault_status bootargs cmdline fdt pmm descriptor kheap ptdump ring line_edit parse elf cpio ramfs vm_map lockdep
HOST_BINS   := $(patsubst %,$(BUILD)/host/test_%,$(HOST_TESTS))

$(BUILD)/host/test_fault_status: tests/host/test_fault_status.c kernel/arm/fault_status.c
$(BUILD)/host/test_bootargs: tests/host/test_bootargs.c kernel/bootargs.c
$(BUILD)/host/test_fdt: tests/host/test_fdt.c kernel/fdt.c
$(BUILD)/host/test_cmdline: tests/host/test_cmdline.c kernel/cmdline.c
$(BUILD)/host/test_pmm: tests/host/test_pmm.c mm/pmm.c
$(BUILD)/host/test_descriptor: tests/host/test_descriptor.c mm/arm/descriptor.c
$(BUILD)/host/test_kheap: tests/host/test_kheap.c mm/kheap.c mm/window.c
$(BUILD)/host/test_ptdump: tests/host/test_ptdump.c mm/arm/ptdump.c mm/arm/descriptor.c
$(BUILD)/host/test_ring: tests/host/test_ring.c
$(BUILD)/host/test_parse: tests/host/test_parse.c kernel/parse.c
$(BUILD)/host/test_vm_map: tests/host/test_vm_map.c mm/vm_map.c
$(BUILD)/host/test_line_edit: tests/host/test_line_edit.c kernel/line_edit.c
$(BUILD)/host/test_elf: tests/host/test_elf.c kernel/elf.c
$(BUILD)/host/test_cpio: tests/host/test_cpio.c kernel/cpio.c
$(BUILD)/host/test_ramfs: tests/host/test_ramfs.c kernel/ramfs.c kernel/cpio.c
$(BUILD)/host/test_lockdep: tests/host/test_lockdep.c kernel/lockdep.c

$(BUILD)/host/test_%:
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(filter %.c,$^) -o $@

host-tests: $(HOST_BINS) $(BUILD)/host/fuzz_kheap $(BUILD)/host/fuzz_fdt $(BUILD)/host/fuzz_elf \
            $(BUILD)/host/fuzz_cpio

# The fuzz targets (libFuzzer, with AddressSanitizer and UBSan): clang.
FUZZ_CC     ?= clang
FUZZ_CFLAGS := -std=c11 -O1 -g -Wall -Wextra -Werror -Iinclude -Itests/lib \
               -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
$(BUILD)/host/fuzz_kheap: tests/host/fuzz_kheap.c mm/kheap.c mm/window.c tests/host/heap_host.h
	@mkdir -p $(dir $@)
	$(call say,FUZZCC,$@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(filter %.c,$^) -o $@
$(BUILD)/host/fuzz_fdt: tests/host/fuzz_fdt.c kernel/fdt.c
	@mkdir -p $(dir $@)
	$(call say,FUZZCC,$@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(filter %.c,$^) -o $@
$(BUILD)/host/fuzz_elf: tests/host/fuzz_elf.c kernel/elf.c
	@mkdir -p $(dir $@)
	$(call say,FUZZCC,$@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(filter %.c,$^) -o $@
$(BUILD)/host/fuzz_cpio: tests/host/fuzz_cpio.c kernel/cpio.c
	@mkdir -p $(dir $@)
	$(call say,FUZZCC,$@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(filter %.c,$^) -o $@

# make run / make test set up a fresh machine first (scripts/install-deps is
# idempotent and quiet when everything is there).
deps:
	$(Q)scripts/install-deps

run: deps
	$(Q)$(MAKE) --no-print-directory all
	scripts/qemu-run build/kernel7.img

debug: deps
	$(Q)$(MAKE) --no-print-directory all
	scripts/qemu-debug

# Both build and tests run a job per core: the tests are independent files
# (each boot keeps its own log), and the fuzz run takes one core while the
# boots share the rest. The lint runs beside them.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

test: deps
	$(Q)$(MAKE) --no-print-directory -j$(JOBS) lint prove

# Style and static analysis. Formatting is clang-format's with the project's
# .clang-format; cppcheck looks for real bugs (warning, portability and
# performance classes) in every C file, with the kernel's include path. The
# only suppression is for comparisons of linker-script symbols (section
# starts and ends), which cppcheck takes for pointers into different objects.
# Its build folder keeps each file's results: a file that has not changed
# (nor any header it includes) is not analysed again.
C_SOURCES = $(shell git ls-files '*.c' '*.h' 2>/dev/null || find boot kernel mm drivers include bench tests -name '*.[ch]')
CPPCHECK := cppcheck -q -j$(JOBS) --std=c11 --enable=warning,portability,performance --inline-suppr \
            -Iinclude -Itests/lib -U__ASSEMBLER__ --suppress=missingIncludeSystem \
            --suppress=comparePointers --error-exitcode=1 \
            --template='{file}:{line}: {severity} {id}: {message}'

format:
	$(Q)clang-format -i $(C_SOURCES)

format-check:
	$(call say,FORMAT,check)
	$(Q)clang-format --dry-run -Werror $(C_SOURCES) || { echo "not formatted: make format"; exit 1; }

lint: format-check
	$(call say,CPPCHECK,boot kernel mm drivers bench tests)
	@mkdir -p $(BUILD)/cppcheck
	$(Q)$(CPPCHECK) --cppcheck-build-dir=$(BUILD)/cppcheck boot kernel mm drivers bench tests/kernel tests/host

# Benchmarks: guest instructions, deterministic under -icount (kernel/bench.h).
bench: deps
	$(Q)$(MAKE) --no-print-directory $(BUILD)/bench/kernel7.elf
	scripts/bench $(BUILD)/bench/kernel7.elf

# The SD card image: the kernel, sdcard/config.txt and the Pi firmware, which
# scripts/sdcard downloads once (Debian's raspi-firmware) into build/firmware.
sdcard: deps
	$(Q)$(MAKE) --no-print-directory $(BUILD)/sdcard.img

$(BUILD)/sdcard.img: $(BUILD)/kernel7.img sdcard/config.txt $(BUILD)/initramfs.cpio scripts/sdcard
	$(call say,SDCARD,$@)
	$(Q)scripts/sdcard $(BUILD)/kernel7.img sdcard/config.txt $@ $(BUILD)/initramfs.cpio

# The tests themselves: the image `make` builds, booted by every loader.
prove: all host-tests $(BUILD)/tests/fwstub.bin $(BOOT_TEST_FILES) $(BUILD)/bench/kernel7.elf \
       $(BUILD)/crash/kernel7.img $(BUILD)/sdcard.img smp-image
	prove -j$(JOBS) -f tests/host/fuzz.t $(HOST_BINS) tests/qemu/*.t tests/image/*.t

# The kernel with processes on every core, for tests/qemu/smp.t: a build of its own.
smp-image:
	$(Q)$(MAKE) --no-print-directory SMP_PROCESSES=1 BUILD=$(BUILD)/smp BUSYBOX_DIR=$(BUSYBOX_DIR) all

# The fuzz targets for longer than make test gives them (FUZZ_SECONDS, default 600).
fuzz: deps
	$(Q)$(MAKE) --no-print-directory $(BUILD)/host/fuzz_kheap $(BUILD)/host/fuzz_fdt \
		$(BUILD)/host/fuzz_elf $(BUILD)/host/fuzz_cpio
	FUZZ_SECONDS=$${FUZZ_SECONDS:-600} prove -v tests/host/fuzz.t

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
