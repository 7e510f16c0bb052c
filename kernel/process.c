/*
 * kernel/process.c - starting, ending and waiting for processes
 * (kernel/process.h).
 *
 * The start follows the order that lets a failure leave nothing behind:
 * everything that can be refused (the file, the ELF checks, the
 * arguments, the process limit) is checked before anything is allocated;
 * then the address space, the regions, the stack page and the thread,
 * each undone in reverse if the next one fails.
 *
 * The initial stack is the one Linux gives a static ARM program (the ELF
 * ABI's process entry; Linux's create_elf_tables): at sp, argc; then argv[]
 * and a NULL; envp[] (empty) and a NULL; the auxiliary vector, pairs of
 * words ending in AT_NULL; above them, the strings and AT_RANDOM's bytes.
 * sp is 8-byte aligned (AAPCS); r0 is 0 (no function for atexit).
 */
#include "kernel/process.h"

#include <stdio.h>
#include <string.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "drivers/rng.h"
#include "kernel/elf.h"
#include "kernel/error.h"
#include "kernel/errno.h"
#include "kernel/file.h"
#include "kernel/fpu.h"
#include "kernel/signal.h"
#include "kernel/tty.h"
#include "kernel/uaccess.h"
#include "kernel/vfs.h"
#include "kernel/exception.h"
#include "kernel/initramfs.h"
#include "kernel/irq.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "layout.h"
#include "lib/xorshift.h"
#include "mm/context.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/pmm.h"

/* Auxiliary vector entries (the ELF ABI's AT_* numbers, as Linux uses them). */
#define AT_NULL     0
#define AT_PHDR     3
#define AT_PHENT    4
#define AT_PHNUM    5
#define AT_PAGESZ   6
#define AT_BASE     7
#define AT_FLAGS    8
#define AT_ENTRY    9
#define AT_UID      11
#define AT_EUID     12
#define AT_GID      13
#define AT_EGID     14
#define AT_PLATFORM 15
#define AT_HWCAP    16
#define AT_CLKTCK   17
#define AT_SECURE   23
#define AT_RANDOM   25
#define AT_EXECFN   31
#define AUXV_PAIRS  18

#define STACK_GUARD_PAGES 1
_Static_assert(USER_SIGPAGE + PAGE_SIZE ==
		       USER_STACK_TOP - USER_STACK_LIMIT - STACK_GUARD_PAGES * PAGE_SIZE,
	       "the signal page sits right below the stack's guard");
#define RANDOM_BYTES 16

static struct process *processes; /* by pid */
static unsigned count;
static int next_pid = 1;
static struct process *init_process; /* orphans' parent: the first "init" started, while it lives */
static uint32_t random_state = 0x2545F491;

struct process *process_first(void)
{
	return processes;
}

unsigned process_count(void)
{
	return count;
}

struct process *process_find(int pid)
{
	for (struct process *p = processes; p; p = p->next)
		if (p->pid == pid)
			return p;
	return NULL;
}

static void *resize(void *context, void *old, size_t bytes)
{
	(void)context;
	if (bytes == 0) {
		kfree(old);
		return NULL;
	}
	return krealloc(old, bytes);
}

/*
 * The signal page's code, at USER_SIGPAGE in every process: a handler
 * started without SA_RESTORER returns here (ARM code: lr's bit 0 is clear).
 */
static const uint32_t sigpage_code[] = {
	0xE3A070AD, /* SIGPAGE_RT_SIGRETURN: mov r7, #173 (rt_sigreturn) */
	0xEF000000, /* svc #0 */
	0xE3A07077, /* SIGPAGE_SIGRETURN: mov r7, #119 (sigreturn) */
	0xEF000000, /* svc #0 */
};

/* The address space and the regions: gone, every frame back. */
static void teardown(struct process *p)
{
	if (p->aspace.l1)
		(void)mmu_user_destroy(&p->aspace, NULL, NULL); /* each page's reference dropped */
	vm_map_free(&p->map);
	p->resident = 0;
}

/* The segments as regions backed by the file; the stack and its guard; the heap's start. */
static int add_regions(struct process *p, const struct elf_image *image, const uint8_t *file)
{
	vaddr_t stack_limit = USER_STACK_TOP - USER_STACK_LIMIT;
	struct vm_region region;
	int error;

	for (unsigned i = 0; i < image->count; i++) {
		const struct elf_segment *segment = &image->segments[i];
		uint32_t lead = segment->vaddr & (PAGE_SIZE - 1);

		region = (struct vm_region){
			.start = segment->vaddr - lead,
			.end = (segment->vaddr + segment->memsz + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1),
			.prot = (segment->prot & ELF_PROT_READ ? VM_READ : 0) |
				(segment->prot & ELF_PROT_WRITE ? VM_WRITE : 0) |
				(segment->prot & ELF_PROT_EXEC ? VM_EXEC : 0),
			.kind = VM_FILE,
			/* The page's bytes from its start: the segment's offset and vaddr agree mod 4 KiB. */
			.file = file + segment->offset - lead,
			.file_size = segment->filesz + lead,
		};
		error = vm_insert(&p->map, &region);
		if (error)
			return error;
	}
	region = (struct vm_region){ .start = stack_limit,
				     .end = USER_STACK_TOP,
				     .prot = VM_READ | VM_WRITE,
				     .kind = VM_STACK };
	error = vm_insert(&p->map, &region);
	if (error)
		return error;
	region = (struct vm_region){ .start = stack_limit - STACK_GUARD_PAGES * PAGE_SIZE,
				     .end = stack_limit,
				     .prot = 0,
				     .kind = VM_GUARD };
	error = vm_insert(&p->map, &region);
	if (error)
		return error;
	/* The signal page: what a handler returns through (kernel/signal.h). */
	region = (struct vm_region){ .start = USER_SIGPAGE,
				     .end = USER_SIGPAGE + PAGE_SIZE,
				     .prot = VM_READ | VM_EXEC,
				     .kind = VM_FILE,
				     .file = (const uint8_t *)sigpage_code,
				     .file_size = sizeof(sigpage_code) };
	error = vm_insert(&p->map, &region);
	if (error)
		return error;
	p->brk_start = p->brk = image->end;
	p->mmap_low = image->end;
	return 0;
}

/* Bytes the arguments take on the stack; ERR_RANGE past the limits. */
static int argument_bytes(int argc, const char *const *argv, int envc, const char *const *envp)
{
	size_t total = 0;

	if (argc < 1 || argc > PROCESS_ARGS_MAX || envc < 0 || envc > PROCESS_ARGS_MAX)
		return ERR_RANGE;
	for (int i = 0; i < argc + envc; i++) {
		total += strlen(i < argc ? argv[i] : envp[i - argc]) + 1;
		if (total > PROCESS_ARG_BYTES)
			return ERR_RANGE;
	}
	return 0;
}

/*
 * The stack's top page: strings at the top, then (8-byte aligned) argc,
 * argv, envp, auxv, from sp up. Written through the linear map into a
 * fresh frame, which is then mapped; *sp is the program's sp.
 */
static int setup_stack(struct process *p, int argc, const char *const *argv, int envc,
		       const char *const *envp, const struct elf_image *image, vaddr_t *sp)
{
	static const char platform[] = "v7l";
	vaddr_t page = USER_STACK_TOP - PAGE_SIZE;
	uint32_t words[1 + PROCESS_ARGS_MAX + 1 + PROCESS_ARGS_MAX + 1 + 2 * AUXV_PAIRS];
	uint32_t argv_at[PROCESS_ARGS_MAX], envp_at[PROCESS_ARGS_MAX];
	unsigned n = 0;
	paddr_t frame;
	uint8_t *top;
	size_t at = PAGE_SIZE;
	vaddr_t random_at, platform_at;
	int error;

	error = pmm_alloc_frame(&kernel_pmm, &frame);
	if (error)
		return error;
	top = (uint8_t *)phys_to_virt(frame);
	memset(top, 0, PAGE_SIZE);
	for (int i = envc - 1; i >= 0; i--) {
		size_t length = strlen(envp[i]) + 1;

		at -= length;
		memcpy(top + at, envp[i], length);
		envp_at[i] = page + at;
	}
	for (int i = argc - 1; i >= 0; i--) {
		size_t length = strlen(argv[i]) + 1;

		at -= length;
		memcpy(top + at, argv[i], length);
		argv_at[i] = page + at;
	}
	at -= sizeof(platform);
	memcpy(top + at, platform, sizeof(platform));
	platform_at = page + at;
	at = (at - RANDOM_BYTES) & ~3U;
	if (rng_read(top + at, RANDOM_BYTES)) {
		/* No generator: the best there is, a counter and a generator's state mixed. */
		for (unsigned i = 0; i < RANDOM_BYTES; i += 4) {
			uint32_t r = xorshift32(&random_state) ^ (uint32_t)read_cntvct();

			memcpy(top + at + i, &r, 4);
		}
	}
	random_at = page + at;

	words[n++] = (uint32_t)argc;
	for (int i = 0; i < argc; i++)
		words[n++] = argv_at[i];
	words[n++] = 0; /* argv's end */
	for (int i = 0; i < envc; i++)
		words[n++] = envp_at[i];
	words[n++] = 0; /* envp's end */
#define AUX(type, value)                        \
	do {                                    \
		words[n++] = (type);            \
		words[n++] = (uint32_t)(value); \
	} while (0)
	AUX(AT_PHDR, image->phdr_vaddr);
	AUX(AT_PHENT, image->phentsize);
	AUX(AT_PHNUM, image->phnum);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, image->entry);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_HWCAP, fpu_hwcap());
	AUX(AT_CLKTCK, 100);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, random_at);
	AUX(AT_PLATFORM, platform_at);
	AUX(AT_EXECFN, argv_at[0]);
	AUX(AT_NULL, 0);
#undef AUX
	_Static_assert(sizeof(words) / 4 >= 1 + 2 * PROCESS_ARGS_MAX + 2 + 2 * AUXV_PAIRS, "words");
	_Static_assert(sizeof(words) + PROCESS_ARG_BYTES + 64 <= PAGE_SIZE,
		       "one page holds it all");
	at = (at - n * 4) & ~7U;
	memcpy(top + at, words, n * 4);
	error = mmu_map_page(&p->aspace, page, frame, MEM_NORMAL, MEM_USER | MEM_WRITE);
	if (error) {
		pmm_free_frame(&kernel_pmm, frame);
		return error;
	}
	p->resident++;
	*sp = page + at;
	return 0;
}

static void list_insert(struct process *p)
{
	struct process **at = &processes;

	while (*at)
		at = &(*at)->next;
	p->next = NULL;
	*at = p;
	count++;
}

static void list_remove(struct process *p)
{
	for (struct process **at = &processes; *at; at = &(*at)->next) {
		if (*at == p) {
			*at = p->next;
			count--;
			return;
		}
	}
}

static bool is_init(const struct process *p);
static void vfork_release(struct process *p);

/*
 * The program at path, loaded into p (fresh: zeroed, with its map
 * initialised): its address space, regions, stack; *entry is where it
 * starts. Everything that can be refused is checked before anything is
 * allocated; on an error, what was built is p's to tear down.
 */
static int load(struct process *p, const char *path, int argc, const char *const *argv, int envc,
		const char *const *envp, vaddr_t *entry, vaddr_t *sp)
{
	struct elf_image image;
	struct initramfs_file file;
	const char *why = NULL;
	int error;

	error = initramfs_find(path, &file);
	if (error)
		return error;
	if (elf_parse(file.data, file.size, USER_LOW_LIMIT, USER_MMAP_TOP, &image, &why)) {
		kprintf("exec: %s: not a program this kernel runs: %s\n", file.name,
			why ? why : "?");
		return ERR_INVALID;
	}
	error = argument_bytes(argc, argv, envc, envp);
	if (error)
		return error;
	memset(p->name, 0, sizeof(p->name));
	strncpy(p->name, file.name, sizeof(p->name) - 1);
	snprintf(p->exe, sizeof(p->exe), "/%s", file.name);
	process_set_comm(p, path);
	p->cmdline_length = 0;
	for (int i = 0; i < argc && p->cmdline_length < sizeof(p->cmdline); i++) {
		size_t n = strlen(argv[i]) + 1, room = sizeof(p->cmdline) - p->cmdline_length;

		memcpy(p->cmdline + p->cmdline_length, argv[i], n < room ? n : room);
		p->cmdline_length += (uint32_t)(n < room ? n : room);
	}
	p->image = file.data;
	error = mmu_user_create(&p->aspace, &kernel_pmm);
	if (error)
		return error;
	error = add_regions(p, &image, file.data);
	if (error)
		return error;
	error = setup_stack(p, argc, argv, envc, envp, &image, sp);
	if (error)
		return error;
	*entry = image.entry;
	return 0;
}

/* The frame a process starts its program with: everything zero but pc, sp and the mode. */
static void start_frame(struct exception_frame *frame, vaddr_t entry, vaddr_t sp)
{
	memset(frame, 0, sizeof(*frame));
	frame->pc = entry & ~1U;
	frame->cpsr = MODE_USR | (entry & 1 ? PSR_T : 0);
	frame->sp = sp;
}

static struct process *new_process(struct process *parent, bool detached, process_output_fn output,
				   void *output_context)
{
	struct process *p;

	if (count >= PROCESS_MAX)
		return NULL;
	p = kcalloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->parent = parent;
	p->detached = detached;
	p->output = output;
	p->output_context = output_context;
	signal_init(&p->sig);
	p->continue_reported = true; /* nothing to report until a SIGCONT ends a stop */
	if (parent) {
		p->pgid = parent->pgid;
		p->sid = parent->sid;
		p->cwd = parent->cwd;
		p->umask = parent->umask;
	} else {
		vfs_root(&p->cwd);
		p->umask = 022;
	}
	vm_map_init(&p->map, resize, NULL);
	return p;
}

/* Where a test's capture of fds 1 and 2 goes: the process's output function. */
struct capture {
	process_output_fn output;
	void *context;
};

/* (The capture is the file's own: the children that share it may outlive the process.) */
static int32_t capture_write(struct file *file, uint32_t buffer, uint32_t length)
{
	const struct capture *capture = file->private;

	return file_write_out(buffer, length, capture->output, capture->context);
}

static int32_t capture_read(struct file *file, uint32_t buffer, uint32_t length)
{
	(void)file, (void)buffer, (void)length;
	return -EBADF;
}

static void capture_stat(struct file *file, struct kstat *out)
{
	(void)file;
	file_stat_device(out, 0);
	out->mode = 0010600; /* a FIFO, as output captured by a pipe would be */
}

static void capture_release(struct file *file)
{
	kfree(file->private);
}

static const struct file_ops capture_ops = {
	.read = capture_read,
	.write = capture_write,
	.stat = capture_stat,
	.release = capture_release,
};

static struct file *capture_open(struct process *p)
{
	struct capture *capture = kmalloc(sizeof(*capture));
	struct file *file;

	if (!capture)
		return NULL;
	*capture = (struct capture){ p->output, p->output_context };
	file = file_new(&capture_ops, O_WRONLY, capture);
	if (!file)
		kfree(capture);
	return file;
}

/* A process the kernel starts: fd 0 the console, 1 and 2 the console or the capture. */
static int open_standard_files(struct process *p)
{
	struct file *in = tty_open(), *out;

	if (!in)
		return ERR_NO_MEMORY;
	out = p->output ? capture_open(p) : file_get(in);
	if (!out) {
		file_put(in);
		return ERR_NO_MEMORY;
	}
	p->fds.files[0] = in;
	p->fds.files[1] = out;
	p->fds.files[2] = file_get(out);
	return 0;
}

/* p, built, gets its pid and its place in the list, and runs. */
static void start(struct process *p)
{
	p->pid = next_pid++;
	p->state = PROCESS_RUNNING;
	if (!p->parent)
		p->pgid = p->sid = p->pid; /* the kernel's: each its own session */
	list_insert(p);
	if (!init_process && is_init(p))
		init_process = p;
	thread_start(p->thread);
}

int process_spawn_output(const char *path, int argc, const char *const *argv,
			 struct process *parent, bool detached, process_output_fn output,
			 void *output_context, struct process **out)
{
	struct process *p;
	vaddr_t entry, sp;
	int error;

	p = new_process(parent, detached, output, output_context);
	if (!p)
		return ERR_NO_MEMORY;
	error = load(p, path, argc, argv, 0, NULL, &entry, &sp);
	if (error)
		goto fail;
	if (parent && !output)
		fd_table_copy(&p->fds, &parent->fds);
	else
		error = open_standard_files(p);
	if (error)
		goto fail;
	p->thread = thread_create_user(p->name[0] ? p->name : "process", p);
	if (!p->thread) {
		error = ERR_NO_MEMORY;
		goto fail;
	}
	start_frame(thread_user_frame(p->thread), entry, sp);
	if (out)
		*out = p;
	start(p);
	return 0;
fail:
	fd_table_close_all(&p->fds);
	teardown(p);
	kfree(p);
	return error;
}

int process_fork(const struct exception_frame *frame, struct process **out)
{
	struct process *self = process_current(), *p;
	uint32_t pages;
	int error;

	p = new_process(self, false, self->output, self->output_context);
	if (!p)
		return ERR_NO_MEMORY;
	memcpy(p->name, self->name, sizeof(p->name));
	memcpy(p->exe, self->exe, sizeof(p->exe));
	memcpy(p->comm, self->comm, sizeof(p->comm));
	memcpy(p->cmdline, self->cmdline, sizeof(p->cmdline));
	p->cmdline_length = self->cmdline_length;
	memcpy(p->sig.actions, self->sig.actions, sizeof(p->sig.actions));
	p->sig.blocked = self->sig.blocked; /* (pending signals are the parent's alone) */
	signal_update(&p->sig);
	p->image = self->image;
	p->brk_start = self->brk_start;
	p->brk = self->brk;
	p->mmap_low = self->mmap_low;
	error = vm_map_copy(&p->map, &self->map);
	if (error)
		goto fail;
	error = mmu_user_create(&p->aspace, &kernel_pmm);
	if (error)
		goto fail;
	error = mmu_user_fork(&p->aspace, &self->aspace, &pages);
	p->resident = pages;
	if (error)
		goto fail;
	p->thread = thread_create_user(p->name, p);
	if (!p->thread) {
		error = ERR_NO_MEMORY;
		goto fail;
	}
	*thread_user_frame(p->thread) = *frame;
	thread_user_frame(p->thread)->r[0] = 0; /* fork returns 0 in the child */
	/* The FPU's registers and the thread registers, as the parent has them now. */
	fpu_save_current();
	p->thread->fpu_used = current_thread()->fpu_used;
	p->thread->fpu = current_thread()->fpu;
	p->thread->tls = current_thread()->tls;
	p->thread->tls_rw = current_thread()->tls_rw;
	fd_table_copy(&p->fds, &self->fds);
	p->vfork_pending = true; /* (only a vfork's parent waits for it) */
	*out = p;
	start(p);
	return 0;
fail:
	teardown(p);
	kfree(p);
	return error;
}

int process_exec(struct exception_frame *frame, const char *path, int argc, const char *const *argv,
		 int envc, const char *const *envp)
{
	struct process *self = process_current(), *staged;
	vaddr_t entry, sp;
	int error;

	staged = kcalloc(1, sizeof(*staged));
	if (!staged)
		return ERR_NO_MEMORY;
	vm_map_init(&staged->map, resize, NULL);
	error = load(staged, path, argc, argv, envc, envp, &entry, &sp);
	if (error) {
		teardown(staged);
		kfree(staged);
		return error;
	}
	/* The new program is whole: now the old one goes, and the process is the new one. */
	context_switch_kernel();
	teardown(self);
	self->aspace = staged->aspace;
	self->map = staged->map;
	memcpy(self->name, staged->name, sizeof(self->name));
	strncpy(self->thread->name, self->name, sizeof(self->thread->name) - 1);
	self->image = staged->image;
	self->brk_start = staged->brk_start;
	self->brk = staged->brk;
	self->mmap_low = staged->mmap_low;
	self->resident = staged->resident;
	memcpy(self->exe, staged->exe, sizeof(self->exe));
	memcpy(self->comm, staged->comm, sizeof(self->comm));
	memcpy(self->cmdline, staged->cmdline, sizeof(self->cmdline));
	self->cmdline_length = staged->cmdline_length;
	kfree(staged);
	fd_table_exec(&self->fds);
	signal_exec(&self->sig);
	vfork_release(self);
	context_switch(&self->aspace);
	start_frame(frame, entry, sp);
	fpu_reset_current(); /* the new program starts with neither FPU state nor TLS */
	if (!init_process && is_init(self))
		init_process = self;
	return 0;
}

int process_spawn(const char *path, int argc, const char *const *argv, struct process *parent,
		  bool detached, struct process **out)
{
	return process_spawn_output(path, argc, argv, parent, detached, NULL, NULL, out);
}

/* The struct itself, once nobody needs it: not before its thread's stack is gone. */
static void process_free(struct process *p)
{
	list_remove(p);
	kfree(p->thread);
	kfree(p);
}

void process_thread_gone(struct process *p)
{
	/* (The thread's struct goes with the process: process_wait reads its state.) */
	if (p->detached)
		process_free(p);
}

/* A vfork's parent may go on: the child has its own program now, or has ended. */
static void vfork_release(struct process *p)
{
	if (!p->vfork_pending)
		return;
	p->vfork_pending = false;
	thread_wake_all(&p->vfork_done);
}

void process_set_comm(struct process *p, const char *path)
{
	const char *last = strrchr(path, '/');

	memset(p->comm, 0, sizeof(p->comm));
	strncpy(p->comm, last ? last + 1 : path, sizeof(p->comm) - 1);
}

void process_vfork_wait(struct process *child)
{
	struct process *self = process_current();
	uint32_t cpsr = irq_save();

	while (child->vfork_pending && !self->kill_pending)
		(void)thread_wait(&child->vfork_done);
	irq_restore(cpsr);
}

void process_started(void)
{
	struct process *p = process_current();

	if (p && p->set_child_tid) {
		int32_t pid = p->pid;

		(void)copy_to_user((void *)p->set_child_tid, &pid, 4);
		p->set_child_tid = 0;
	}
}

void process_exit(int status)
{
	struct process *p = process_current();

	if (!p)
		panic("process_exit from a kernel thread");
	if (p->clear_child_tid) {
		const uint32_t zero = 0;

		(void)copy_to_user((void *)p->clear_child_tid, &zero,
				   4); /* (no futex waiters yet) */
	}
	fd_table_close_all(&p->fds);
	context_switch_kernel(); /* this core stops walking p's table before it goes */
	teardown(p);
	irq_mask();
	vfork_release(p);
	if (p == init_process)
		init_process = NULL;
	/*
	 * Its children go to init, which waits for them; without an init, to
	 * the kernel, which does not: they go as soon as they end (a zombie
	 * among them at once).
	 */
	for (struct process *child = processes, *next; child; child = next) {
		next = child->next;
		if (child->parent != p)
			continue;
		child->parent = init_process;
		if (init_process) {
			if (child->state == PROCESS_ZOMBIE)
				thread_wake_all(&init_process->child_exited);
			continue;
		}
		child->detached = true;
		if (child->state == PROCESS_ZOMBIE && !(child->thread && child->thread->stack))
			process_free(child);
	}
	p->status = status;
	p->state = PROCESS_ZOMBIE;
	p->kill_pending = false;
	thread_wake_all(&p->exited);
	if (p->parent) {
		thread_wake_all(&p->parent->child_exited);
		struct signal_info info = { EXIT_SIGNAL(status) ? CLD_KILLED : CLD_EXITED, p->pid,
					    EXIT_SIGNAL(status) ? (uint32_t)EXIT_SIGNAL(status)
								: (uint32_t)EXIT_CODE(status) };

		signal_send_info(p->parent, SIGCHLD, &info);
	}
	thread_exit();
}

/* A zombie's status into *status (if not NULL), and it is gone. IRQs masked. */
static void reap(struct process *p, int *status)
{
	/* Its thread ran its last before the waiter was woken: the stack goes soon after. */
	while (p->thread && p->thread->stack)
		thread_yield();
	if (status)
		*status = p->status;
	process_free(p);
}

int process_wait(struct process *p, int *status)
{
	struct process *self = process_current();
	uint32_t cpsr;

	if (!p || p->parent != self || p->detached)
		return ERR_NOT_FOUND;
	cpsr = irq_save();
	while (p->state != PROCESS_ZOMBIE)
		(void)thread_wait(&p->exited);
	reap(p, status);
	irq_restore(cpsr);
	return 0;
}

static bool is_init(const struct process *p)
{
	return p->parent == NULL && strcmp(p->name, "bin/init") == 0;
}

static bool selected(const struct process *c, const struct process *self, int pid)
{
	if (c->parent != self || c->detached)
		return false;
	if (pid > 0)
		return c->pid == pid;
	if (pid == 0)
		return c->pgid == self->pgid;
	return pid == -1 || c->pgid == -pid;
}

int process_wait_child(int pid, bool nohang, bool untraced, bool continued, int *status)
{
	struct process *self = process_current(), *zombie = NULL;
	uint32_t cpsr = irq_save();
	int error = 0;

	while (!zombie) {
		bool any = false;

		for (struct process *c = processes; c; c = c->next) {
			if (!selected(c, self, pid))
				continue;
			any = true;
			if (c->state == PROCESS_ZOMBIE) {
				zombie = c;
				break;
			}
			if (untraced && c->stopped && !c->stop_reported) {
				c->stop_reported = true;
				*status = 0x7F | (c->stop_signal << 8);
				irq_restore(cpsr);
				return c->pid;
			}
			if (continued && !c->stopped && !c->continue_reported) {
				c->continue_reported = true;
				*status = 0xFFFF;
				irq_restore(cpsr);
				return c->pid;
			}
		}
		if (!any) {
			error = ERR_NOT_FOUND;
			break;
		}
		if (zombie)
			break;
		if (nohang || !signal_wait(&self->child_exited)) {
			error = nohang ? 0 : ERR_INTERRUPTED;
			break;
		}
	}
	if (zombie) {
		error = zombie->pid;
		reap(zombie, status);
	}
	irq_restore(cpsr);
	return error;
}

int process_kill(int pid, int signal)
{
	struct process *p = process_find(pid);

	if (!p || p->state != PROCESS_RUNNING)
		return ERR_NOT_FOUND;
	p->kill_pending = true;
	p->kill_signal = signal & 0x7F;
	thread_interrupt(p->thread);
	return 0;
}

void process_return_to_user_slow(struct exception_frame *frame, bool syscall, uint32_t r0)
{
	struct process *p = process_current();

	if (!p)
		return;
	giant_lock(); /* (a kill, a signal: the process layer's) */
	for (;;) {
		if (p->kill_pending)
			process_exit(p->kill_signal);
		if (p->sig.ready || p->restore_blocked ||
		    (syscall && (frame->r[0] == (uint32_t)-ERESTARTSYS ||
				 frame->r[0] == (uint32_t)-ERESTARTNOHAND))) {
			signal_deliver(frame, syscall, r0);
			syscall =
				false; /* (a restart or -EINTR is done: r0 is no result any more) */
		}
		if (!sched_need_resched())
			break;
		schedule();
	}
	giant_unlock();
}
