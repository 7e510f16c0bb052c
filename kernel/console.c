/*
 * kernel/console.c - the UART's rings, the prompt, and the commands
 * (kernel/console.h).
 *
 * Each command reads the kernel's state through the same interfaces the
 * self-tests use (the PMM's and the heap's statistics and checkers, the
 * MMIO list, the page-table dump, the interrupt counts); none keeps a copy
 * of its own. Errors are one line, and the prompt comes back.
 */
#include "kernel/console.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "drivers/board.h"
#include "drivers/pl011.h"
#include "drivers/watchdog.h"
#include "kernel/banner.h"
#include "kernel/exception.h"
#include "kernel/fault_status.h"
#include "kernel/initramfs.h"
#include "kernel/irq.h"
#include "kernel/ksyms.h"
#include "kernel/ktest.h"
#include "kernel/line_edit.h"
#include "kernel/panic.h"
#include "kernel/parse.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/syscall.h"
#include "kernel/thread.h"
#include "kernel/tty.h"
#include "kernel/timer.h"
#include "lib/ring.h"
#include "mm/context.h"
#include "mm/descriptor.h"
#include "mm/kernel_map.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/mmio.h"
#include "mm/pmm.h"

#define MAX_WORDS     (PROCESS_ARGS_MAX + 2) /* run PROG ARGS... & */
#define X_DEFAULT     64                     /* bytes x shows when not told */
#define X_MAX         4096                   /* and at most */
#define X_PER_LINE    16
#define REPORT_LENGTH 160

static uint8_t rx_buffer[CONSOLE_RX_RING];
static uint8_t tx_buffer[CONSOLE_TX_RING];
static struct ring rx_ring, tx_ring;
static struct waitq input; /* threads waiting for a received byte */

/* From the UART's receive interrupt: the bytes are a program's (the tty's), or the prompt's. */
static void received(void)
{
	if (tty_active())
		tty_receive();
	else
		thread_wake_all(&input);
}

void console_start_interrupts(void)
{
	int error;

	if (!ring_init(&rx_ring, rx_buffer, sizeof(rx_buffer)) ||
	    !ring_init(&tx_ring, tx_buffer, sizeof(tx_buffer)))
		panic("console: ring sizes %u and %u are not powers of two", CONSOLE_RX_RING,
		      CONSOLE_TX_RING);
	pl011_start_interrupts(&rx_ring, &tx_ring, received);
	error = irq_register(IRQ_UART, pl011_interrupt, NULL);
	if (error == 0)
		error = irq_enable(IRQ_UART);
	if (error)
		panic("console: cannot take the UART's interrupt (line %u): %d", IRQ_UART, error);
}

/* The commands. Each gets its words (argv[0] is its name), already counted against its usage. */
struct command {
	const char *name;
	const char *usage; /* the arguments, for help and errors */
	const char *help;
	unsigned min_args, max_args;
	bool (*run)(unsigned argc, char **argv);
};

static const struct command commands[];
static const unsigned command_count;

static bool bad_number(const char *command, const char *word)
{
	kprintf("%s: '%s' is not a number (decimal, or hexadecimal with 0x)\n", command, word);
	return false;
}

static bool cmd_help(unsigned argc, char **argv)
{
	(void)argc;
	(void)argv;
	kprintf("commands:\n");
	for (unsigned i = 0; i < command_count; i++) {
		char left[32];

		snprintf(left, sizeof(left), "%s %s", commands[i].name, commands[i].usage);
		kprintf("  %-20s %s\n", left, commands[i].help);
	}
	kprintf("keys: Backspace, Ctrl-U erases the line, Ctrl-C cancels it, Up/Down: history\n");
	return true;
}

static unsigned long mib(uint32_t frames)
{
	return (unsigned long)(frames / (1024 * 1024 / PAGE_SIZE));
}

static bool cmd_mem(unsigned argc, char **argv)
{
	struct pmm_stats stats;

	(void)argc;
	(void)argv;
	pmm_get_stats(&kernel_pmm, &stats);
	kprintf("mem: frames of 4 KiB: total %lu (%lu MiB), free %lu (%lu MiB), reserved %lu, "
		"allocated %lu (shared %lu)\n",
		(unsigned long)stats.total, mib(stats.total), (unsigned long)stats.free,
		mib(stats.free), (unsigned long)stats.reserved, (unsigned long)stats.allocated,
		(unsigned long)stats.shared);
	kprintf("mem: largest free run %lu frames (%lu MiB); frame table %lu KiB\n",
		(unsigned long)stats.largest_free_run, mib(stats.largest_free_run),
		(unsigned long)(stats.metadata_bytes / 1024));
	return true;
}

static bool cmd_heap(unsigned argc, char **argv)
{
	struct kheap_stats stats;
	char report[REPORT_LENGTH];
	unsigned problems;

	if (argc == 2) {
		if (strcmp(argv[1], "check") != 0) {
			kprintf("heap: unknown argument '%s' (heap, or heap check)\n", argv[1]);
			return false;
		}
		problems = kheap_kernel_check(report, sizeof(report));
		if (problems)
			kprintf("heap check: %u problems; the first: %s\n", problems, report);
		else
			kprintf("heap check: every block and list consistent, 0 problems\n");
		return problems == 0;
	}
	kheap_kernel_stats(&stats);
	kprintf("heap: break 0x%08lx, %lu KiB from 0x%08lx\n",
		(unsigned long)kernel_window.heap_break, (unsigned long)(stats.heap_bytes / 1024),
		(unsigned long)kernel_window.base);
	kprintf("heap: live %lu blocks, %lu bytes; free %lu bytes in %lu blocks (largest %lu); "
		"cached %lu blocks\n",
		(unsigned long)stats.live_blocks, (unsigned long)stats.live_bytes,
		(unsigned long)stats.free_bytes, (unsigned long)stats.free_blocks,
		(unsigned long)stats.largest_free, (unsigned long)stats.cached_blocks);
	if (stats.live_bytes)
		kprintf("heap: footprint %lu.%02lu x the live bytes\n",
			(unsigned long)(stats.heap_bytes / stats.live_bytes),
			(unsigned long)(stats.heap_bytes % stats.live_bytes * 100 /
					stats.live_bytes));
	return true;
}

/* The devices whose registers are in [virt, virt + size), as a list of names. */
static void mapping_owners(vaddr_t virt, uint32_t size, char *out, size_t out_size)
{
	const char *name;
	paddr_t phys;
	size_t length, used = 0;
	vaddr_t device;

	out[0] = '\0';
	for (unsigned i = 0; board_device(i, &name, &phys, &length, &device); i++) {
		if (device < virt || device - virt >= size || used + strlen(name) + 2 > out_size)
			continue;
		used += (size_t)snprintf(out + used, out_size - used, "%s%s", used ? " " : "",
					 name);
	}
	if (!out[0])
		snprintf(out, out_size, "(no board device)");
}

static bool cmd_mmio(unsigned argc, char **argv)
{
	struct mmio_mapping_info mappings[MMIO_MAX_MAPPINGS];
	unsigned count = mmio_list(mappings, MMIO_MAX_MAPPINGS);
	char owners[64];

	(void)argc;
	(void)argv;
	kprintf("mmio: %u mappings, floor 0x%08lx\n", count,
		(unsigned long)kernel_window.mmio_floor);
	kprintf("  %-10s    %-10s  %6s  %-16s %4s  %s\n", "physical", "virtual", "size", "kind",
		"refs", "owner");
	for (unsigned i = 0; i < count; i++) {
		mapping_owners(mappings[i].virt, mappings[i].pages * PAGE_SIZE, owners,
			       sizeof(owners));
		kprintf("  0x%08lx -> 0x%08lx  %4lu K  %-16s %4lu  %s\n",
			(unsigned long)mappings[i].phys, (unsigned long)mappings[i].virt,
			(unsigned long)(mappings[i].pages * PAGE_SIZE / 1024),
			mem_kind_name(mappings[i].kind), (unsigned long)mappings[i].references,
			owners);
	}
	return true;
}

static bool cmd_layout(unsigned argc, char **argv)
{
	(void)argc;
	(void)argv;
	layout_print();
	return true;
}

static bool cmd_pt_process(struct process *p);
static struct process *process_named(const char *command, const char *word);

static bool cmd_pt(unsigned argc, char **argv)
{
	uint32_t from = 0, last = 0xFFFFFFFF;

	/* pt PID: a process's table (a number below the process half's end is a pid). */
	if (argc == 2 && parse_u32(argv[1], &from) && from < USER_LOW_LIMIT) {
		struct process *p = process_named(argv[0], argv[1]);

		return p && cmd_pt_process(p);
	}

	if (argc >= 2 && !parse_u32(argv[1], &from))
		return bad_number(argv[0], argv[1]);
	if (argc >= 3 && !parse_u32(argv[2], &last))
		return bad_number(argv[0], argv[2]);
	if (last < from) {
		kprintf("pt: the range ends (0x%08lx) before it starts (0x%08lx)\n",
			(unsigned long)last, (unsigned long)from);
		return false;
	}
	kernel_map_dump_range(from, last);
	return true;
}

/* One word of kernel-virtual memory, or false (and the fault in *fault) when the read faults. */
static bool read_word(uint32_t address, uint32_t *value, struct fault_info *fault)
{
	struct fault_catcher catcher;

	if (fault_catch(&catcher, FAULT_DATA_ABORT | FAULT_CATCH_QUIET) == 0) {
		*value = *(const volatile uint32_t *)address;
		fault_catch_cancel();
		return true;
	}
	*fault = catcher.fault;
	return false;
}

static bool cmd_x(unsigned argc, char **argv)
{
	uint32_t address, length = X_DEFAULT;
	struct fault_info fault;
	char report[REPORT_LENGTH];

	if (!parse_u32(argv[1], &address))
		return bad_number(argv[0], argv[1]);
	if (argc == 3 && !parse_u32(argv[2], &length))
		return bad_number(argv[0], argv[2]);
	if (address & 3) {
		kprintf("x: 0x%08lx is not a multiple of 4 (x reads whole words)\n",
			(unsigned long)address);
		return false;
	}
	if (length == 0 || length > X_MAX) {
		kprintf("x: %lu bytes: from 1 to %u\n", (unsigned long)length, X_MAX);
		return false;
	}
	if (address + (length - 1) < address) {
		kprintf("x: 0x%08lx + %lu runs past the top of the address space\n",
			(unsigned long)address, (unsigned long)length);
		return false;
	}
	for (uint32_t offset = 0; offset < length; offset += X_PER_LINE) {
		uint32_t words[X_PER_LINE / 4] = { 0 };
		unsigned count = 0;
		char text[X_PER_LINE + 1];

		for (; count < X_PER_LINE / 4 && offset + count * 4 < length; count++) {
			if (!read_word(address + offset + count * 4, &words[count], &fault)) {
				fault_describe(report, sizeof(report), &fault);
				kprintf("x: 0x%08lx cannot be read: %s\n",
					(unsigned long)(address + offset + count * 4), report);
				return false;
			}
		}
		memcpy(text, words, count * 4);
		for (unsigned i = 0; i < count * 4; i++)
			if (text[i] < 0x20 || text[i] > 0x7E)
				text[i] = '.';
		text[count * 4] = '\0';
		kprintf("0x%08lx:", (unsigned long)(address + offset));
		for (unsigned i = 0; i < X_PER_LINE / 4; i++) {
			if (i < count)
				kprintf(" %08lx", (unsigned long)words[i]);
			else
				kprintf("         ");
		}
		kprintf("  %s\n", text);
	}
	return true;
}

static bool cmd_irq(unsigned argc, char **argv)
{
	struct pl011_stats uart;

	(void)argc;
	(void)argv;
	kprintf("irq: %-4s %-32s %-20s %-3s %10s %8s %8s %8s\n", "line", "source", "handler", "on",
		"core 0", "core 1", "core 2", "core 3");
	for (unsigned line = 0; line < IRQ_LINES; line++) {
		irq_handler_fn handler;
		bool enabled;
		uintptr_t offset;
		const char *name;
		uint32_t any = 0;

		for (unsigned core = 0; core < CORE_COUNT; core++)
			any |= irq_count(line, core);
		if (!irq_line_info(line, &handler, &enabled) || (!handler && !any))
			continue;
		name = handler ? ksyms_lookup((uintptr_t)handler, &offset) : "-";
		kprintf("irq: %4u %-32s %-20s %-3s %10lu %8lu %8lu %8lu\n", line,
			irq_line_name(line), name ? name : "?", enabled ? "yes" : "no",
			(unsigned long)irq_count(line, 0), (unsigned long)irq_count(line, 1),
			(unsigned long)irq_count(line, 2), (unsigned long)irq_count(line, 3));
	}
	kprintf("irq: spurious %lu %lu %lu %lu (a core's IRQ with nothing pending, or pending "
		"without a handler)\n",
		(unsigned long)irq_spurious_count(0), (unsigned long)irq_spurious_count(1),
		(unsigned long)irq_spurious_count(2), (unsigned long)irq_spurious_count(3));
	pl011_get_stats(&uart);
	kprintf("uart: received %lu bytes, %lu errors, %lu FIFO overruns, %lu lost to a full "
		"ring; transmit ring full %lu times\n",
		(unsigned long)uart.rx_bytes, (unsigned long)uart.rx_errors,
		(unsigned long)uart.rx_overruns, (unsigned long)uart.rx_ring_overflows,
		(unsigned long)uart.tx_waits);
	return true;
}

static bool cmd_uptime(unsigned argc, char **argv)
{
	uint64_t ns = clock_ns();

	(void)argc;
	(void)argv;
	kprintf("up %lu.%06lu s; %lu ticks at %u Hz, %lu missed; counter at %lu Hz\n",
		(unsigned long)(ns / 1000000000ULL), (unsigned long)(ns % 1000000000ULL / 1000),
		(unsigned long)timer_ticks(), TIMER_TICK_HZ, (unsigned long)timer_missed_ticks(),
		(unsigned long)timer_frequency());
	return true;
}

static bool cmd_test(unsigned argc, char **argv)
{
	const char *filter = argc == 2 ? argv[1] : NULL;
	unsigned failures;

	if (ktest_count_matching(filter) == 0) {
		kprintf("test: no self-test is called '%s' (SUITE or SUITE.NAME)\n", filter);
		return false;
	}
	failures = ktest_run_matching(filter);
	return failures == 0;
}

/* Linked in only in the benchmark image (kernel/bench.h). */
void bench_run_all(void) __attribute__((weak));

static bool cmd_bench(unsigned argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (!bench_run_all) {
		kprintf("bench: this image has no benchmarks; make bench builds and runs the "
			"benchmark image\n");
		return false;
	}
	bench_run_all();
	return true;
}

static const char *const state_names[] = {
	[THREAD_RUNNING] = "running",
	[THREAD_RUNNABLE] = "ready",
	[THREAD_BLOCKED] = "waiting",
	[THREAD_DEAD] = "dead",
};

/* Linux's names for the calls programs are known to ask for that are not here. */
static const char *missing_name(uint32_t number)
{
	static const struct {
		uint32_t number;
		const char *name;
	} names[] = {
		{ 239, "sendfile64" },    { 398, "rseq" },         { 240, "futex" },
		{ 186, "sigaltstack" },   { 104, "setitimer" },    { 116, "sysinfo" },
		{ 142, "_newselect" },    { 336, "ppoll" },        { 335, "pselect6" },
		{ 266, "statfs64" },      { 15, "chmod" },         { 92, "truncate" },
		{ 118, "fsync" },         { 163, "mremap" },       { 144, "msync" },
		{ 341, "set_mempolicy" }, { 413, "futex_time64" }, { 265, "clock_nanosleep" },
	};

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].number == number)
			return names[i].name;
	return "?";
}

/* sys: the system calls made, and those asked for that are not here (each answered -ENOSYS). */
static bool cmd_sys(unsigned argc, char **argv)
{
	const struct syscall_missing *missing;
	unsigned count = syscall_missing(&missing);
	int pid;
	uint32_t first = tty_first_wait(&pid);

	(void)argc, (void)argv;
	if (first)
		kprintf("sys: the first wait for typing: process %d, at %lu cycles from reset\n",
			pid, (unsigned long)first);
	kprintf("sys: %lu calls made; %u asked for that bramble lacks (each answered -ENOSYS)%s\n",
		syscall_count(), count, count ? ":" : "");
	for (unsigned i = 0; i < count; i++)
		kprintf("  %4lu %-16s %lu calls\n", (unsigned long)missing[i].number,
			missing_name(missing[i].number), (unsigned long)missing[i].calls);
	return true;
}

static bool cmd_ps(unsigned argc, char **argv)
{
	(void)argc;
	(void)argv;
	/* Resident: frames mapped, in pages; tables: the L1 and L2 tables' bytes. */
	kprintf("  %5s %5s %-8s %4s %-20s %8s %10s %6s\n", "pid", "ppid", "state", "core",
		"program", "resident", "pt bytes", "faults");
	for (struct process *p = process_first(); p; p = p->next) {
		const char *state = p->state == PROCESS_ZOMBIE ? "zombie"
				    : p->thread                ? state_names[p->thread->state]
							       : "?";

		kprintf("  %5d %5d %-8s %4u %-20s %8lu %10lu %6lu\n", p->pid,
			p->parent ? p->parent->pid : 0, state, p->thread ? p->thread->core : 0,
			p->name, (unsigned long)p->resident,
			(unsigned long)(p->aspace.l1 ? mmu_table_bytes(&p->aspace) : 0),
			(unsigned long)p->faults);
	}
	kprintf("ps: %u processes; %lu context switches, %lu system calls\n", process_count(),
		(unsigned long)sched_switches(), syscall_count());
	return true;
}

/* A pid from a word: a number, and a process that exists. */
static struct process *process_named(const char *command, const char *word)
{
	uint32_t pid;
	struct process *p;

	if (!parse_u32(word, &pid)) {
		(void)bad_number(command, word);
		return NULL;
	}
	p = process_find((int)pid);
	if (!p)
		kprintf("%s: no process %lu\n", command, (unsigned long)pid);
	return p;
}

/*
 * run PROG [ARGS] [&]: in the foreground the console waits for it (and
 * what is typed meanwhile is the program's, on fd 0); with a last word
 * "&" it runs on its own and the prompt comes back at once.
 */
static bool cmd_run(unsigned argc, char **argv)
{
	bool background = argc > 2 && strcmp(argv[argc - 1], "&") == 0;
	struct process *p;
	int status, error;

	if (background)
		argc--;
	error = process_spawn(argv[1], (int)argc - 1, (const char *const *)&argv[1], NULL,
			      background, &p);
	if (error) {
		kprintf("run: %s: %s\n", argv[1],
			error == ERR_NOT_FOUND ? "no such program (ls lists them)"
			: error == ERR_INVALID ? "not a program this kernel runs"
			: error == ERR_RANGE   ? "too many arguments"
					       : "no memory (or too many processes)");
		return false;
	}
	if (background) {
		kprintf("run: %s started as process %d\n", argv[1], p->pid);
		return true;
	}
	/* The program has the terminal until it ends: what is typed, Ctrl-C, its group. */
	tty_reset();
	tty_set_foreground(p->pgid);
	tty_set_session(p->sid);
	tty_set_active(true);
	(void)process_wait(p, &status);
	tty_set_active(false);
	tty_set_foreground(0);
	tty_set_session(0);
	if (EXIT_SIGNAL(status))
		kprintf("run: %s: killed by signal %d\n", argv[1], EXIT_SIGNAL(status));
	else if (EXIT_CODE(status))
		kprintf("run: %s: exit status %d\n", argv[1], EXIT_CODE(status));
	return status == 0;
}

/* sh: the UART goes to a shell (init sh: init reaps what the shell leaves) until it exits. */
static bool cmd_sh(unsigned argc, char **argv)
{
	static char run[] = "run", init[] = "init", sh[] = "sh";

	(void)argc, (void)argv;
	return cmd_run(3, (char *[]){ run, init, sh });
}

static bool cmd_kill(unsigned argc, char **argv)
{
	struct process *p = process_named(argv[0], argv[1]);

	(void)argc;
	if (!p)
		return false;
	if (p->state == PROCESS_ZOMBIE) {
		kprintf("kill: process %d has ended already\n", p->pid);
		return false;
	}
	(void)process_kill(p->pid, SIGNAL_KILL);
	kprintf("kill: process %d (%s) killed\n", p->pid, p->name);
	return true;
}

static void print_dump_line(void *context, const char *line)
{
	(void)context;
	kprintf("  %s\n", line);
}

static bool cmd_pt_process(struct process *p)
{
	struct ptdump_source source;
	struct ptdump_region regions[16];
	unsigned count = 0;

	if (!p->aspace.l1) {
		kprintf("pt: process %d has no address space any more\n", p->pid);
		return false;
	}
	for (unsigned i = 0; i < p->map.count && count < 16; i++) {
		static const char *const names[VM_KIND_COUNT] = { "anonymous", "program", "stack",
								  "guard" };

		regions[count].start = p->map.regions[i].start;
		regions[count].last = p->map.regions[i].end - 1;
		regions[count].name = names[p->map.regions[i].kind];
		count++;
	}
	mmu_table_source(&p->aspace, &source);
	kprintf("pt: process %d (%s), ASID %u, tables %lu KiB\n", p->pid, p->name,
		context_asid(&p->aspace), (unsigned long)(mmu_table_bytes(&p->aspace) / 1024));
	ptdump_dump(&source, regions, count, print_dump_line, NULL);
	return true;
}

static bool cmd_vm(unsigned argc, char **argv)
{
	static const char *const names[VM_KIND_COUNT] = {
		[VM_ANON] = "anonymous",
		[VM_FILE] = "program file",
		[VM_STACK] = "stack",
		[VM_GUARD] = "guard",
	};
	struct process *p = process_named(argv[0], argv[1]);

	(void)argc;
	if (!p)
		return false;
	kprintf("vm: process %d (%s): brk 0x%08lx-0x%08lx, %lu pages resident\n", p->pid, p->name,
		(unsigned long)p->brk_start, (unsigned long)p->brk, (unsigned long)p->resident);
	for (unsigned i = 0; i < p->map.count; i++) {
		const struct vm_region *r = &p->map.regions[i];

		kprintf("  0x%08lx-0x%08lx %7lu K %c%c%c %s\n", (unsigned long)r->start,
			(unsigned long)r->end - 1, (unsigned long)((r->end - r->start) / 1024),
			r->prot & VM_READ ? 'r' : '-', r->prot & VM_WRITE ? 'w' : '-',
			r->prot & VM_EXEC ? 'x' : '-', names[r->kind]);
	}
	return true;
}

static void list_file(void *context, const struct initramfs_file *file)
{
	(void)context;
	kprintf("  %-24s %8lu bytes\n", file->name, (unsigned long)file->size);
}

static bool cmd_ls(unsigned argc, char **argv)
{
	(void)argc;
	(void)argv;
	kprintf("ls: the initramfs (%s):\n", initramfs_source());
	(void)initramfs_list(list_file, NULL);
	return true;
}

static bool cmd_reboot(unsigned argc, char **argv)
{
	(void)argc;
	(void)argv;
	kprintf("reboot: through the watchdog\n");
	pl011_flush();
	watchdog_reset();
}

static const struct command commands[] = {
	{ "help", "", "this list", 0, 0, cmd_help },
	{ "mem", "", "physical memory: total, free, reserved, largest free run", 0, 0, cmd_mem },
	{ "heap", "[check]", "the kernel heap; check runs its checker", 0, 1, cmd_heap },
	{ "mmio", "", "every MMIO mapping and whose it is", 0, 0, cmd_mmio },
	{ "layout", "", "the kernel's layout, as at boot", 0, 0, cmd_layout },
	{ "pt", "[FROM [TO] | PID]",
	  "the kernel's page tables (ranges meeting FROM-TO), or a "
	  "process's",
	  0, 2, cmd_pt },
	{ "x", "ADDR [N]", "N bytes (64) of kernel memory, as words", 1, 2, cmd_x },
	{ "irq", "", "interrupt lines and their counts, the UART's figures", 0, 0, cmd_irq },
	{ "uptime", "", "time since the counter started, ticks", 0, 0, cmd_uptime },
	{ "test", "[SUITE[.NAME]]", "run the self-tests again (TAP)", 0, 1, cmd_test },
	{ "bench", "", "the benchmarks (benchmark image only)", 0, 0, cmd_bench },
	{ "ls", "", "the programs in the initramfs", 0, 0, cmd_ls },
	{ "run", "PROG [ARGS] [&]", "start a program (in the background with &)", 1, MAX_WORDS - 1,
	  cmd_run },
	{ "sh", "", "a shell (init sh) on the console, until its exit", 0, 0, cmd_sh },
	{ "ps", "", "processes: state, program, memory", 0, 0, cmd_ps },
	{ "sys", "", "system calls made, and those missing", 0, 0, cmd_sys },
	{ "kill", "PID", "kill a process", 1, 1, cmd_kill },
	{ "vm", "PID", "a process's regions", 1, 1, cmd_vm },
	{ "reboot", "", "reset the board (watchdog)", 0, 0, cmd_reboot },
};

static const unsigned command_count = sizeof(commands) / sizeof(commands[0]);

bool console_execute(char *line)
{
	char *argv[MAX_WORDS];
	unsigned argc = split_words(line, argv, MAX_WORDS);

	if (argc == 0)
		return true;
	for (unsigned i = 0; i < command_count; i++) {
		const struct command *command = &commands[i];

		if (strcmp(argv[0], command->name) != 0)
			continue;
		if (argc - 1 < command->min_args || argc - 1 > command->max_args) {
			kprintf("usage: %s %s\n", command->name, command->usage);
			return false;
		}
		return command->run(argc, argv);
	}
	kprintf("%s: unknown command (help lists them)\n", argv[0]);
	return false;
}

/* The next byte typed: the thread blocks until one comes (the core idles meanwhile). */
static char read_byte(void)
{
	uint32_t cpsr = irq_save();
	uint8_t byte;

	while (!pl011_read_byte(&byte))
		(void)thread_wait(&input);
	irq_restore(cpsr);
	return (char)byte;
}

static void echo(const char *text, size_t length)
{
	console_write(text, length);
}

void console_run(bool shell_first)
{
	static struct line_editor editor;
	uint32_t lost_reported = 0;
	char line[LINE_EDIT_MAX + 1];

	line_edit_init(&editor, echo);
	tty_set_active(false); /* the UART is the prompt's, but while a program runs */
	if (shell_first) {
		static char sh[] = "sh";

		kprintf("console: bramble.sh: /bin/sh on the console; the prompt comes when it "
			"exits\n");
		(void)console_execute(sh);
	}
	kprintf("console: type help for the commands\n");
	for (;;) {
		struct pl011_stats uart;

		pl011_get_stats(&uart);
		if (uart.rx_ring_overflows != lost_reported) {
			kprintf("console: %lu bytes of input lost: the receive ring (%u bytes) was "
				"full\n",
				(unsigned long)(uart.rx_ring_overflows - lost_reported),
				CONSOLE_RX_RING);
			lost_reported = uart.rx_ring_overflows;
		}
		kprintf("%s", CONSOLE_PROMPT);
		for (;;) {
			enum line_event event = line_edit_feed(&editor, read_byte());

			if (event == LINE_NONE)
				continue;
			if (event == LINE_READY) {
				strcpy(line, line_edit_line(&editor));
				(void)console_execute(line);
			} else if (event == LINE_TOO_LONG) {
				kprintf("line too long: at most %u characters\n", LINE_EDIT_MAX);
			}
			break;
		}
	}
}
