/*
 * mm/page_fault.c - demand paging and the faults that kill a process
 * (mm/page_fault.h).
 *
 * Which accesses a region allows: a read needs VM_READ (or VM_WRITE or
 * VM_EXEC: ARM's short descriptors cannot make a page writable or
 * executable without making it readable, so a region with either is
 * readable), a write VM_WRITE, an instruction fetch VM_EXEC. A guard
 * region allows nothing. Translation faults are resolved here, and
 * permission faults of writes that the region allows (copy-on-write, see
 * mm/page_fault.h); any other permission fault means the page is mapped
 * with the region's permissions and the access is not one of them.
 *
 * A fault on a user address from the kernel comes only from the user
 * copies (kernel/uaccess.h). Another kernel fault on a user address is a
 * kernel bug, and goes on to the report.
 */
#include "mm/page_fault.h"

#include <stdio.h>
#include <string.h>

#include "arch/arm.h"
#include "arch/maintenance.h"
#include "kernel/error.h"
#include "kernel/exception.h"
#include "kernel/fault_status.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/signal.h"
#include "kernel/uaccess.h"
#include "layout.h"
#include "mm/mm.h"
#include "mm/mmu.h"
#include "mm/pmm.h"
#include "mm/vm_map.h"

/* Counted per core: a demand fault runs without the big lock, on any core. */
static struct page_fault_stats core_stats[CORE_COUNT];
#define stats (core_stats[read_mpidr() & 3])

void page_fault_get_stats(struct page_fault_stats *out)
{
	uint32_t *sum = (uint32_t *)out;

	_Static_assert(sizeof(*out) % sizeof(uint32_t) == 0, "page_fault_stats: counters only");
	memset(out, 0, sizeof(*out));
	for (unsigned core = 0; core < CORE_COUNT; core++)
		for (size_t i = 0; i < sizeof(*out) / sizeof(uint32_t); i++)
			sum[i] += ((const uint32_t *)&core_stats[core])[i];
}

void page_sync_icache(uintptr_t kernel_va)
{
	sync_new_code((const void *)kernel_va, PAGE_SIZE);
	stats.icache_syncs++;
}

static const char *const kind_names[VM_KIND_COUNT] = {
	[VM_ANON] = "anonymous",
	[VM_FILE] = "program file",
	[VM_STACK] = "stack",
	[VM_GUARD] = "stack guard",
};

/* "0x00010000-0x00012fff r-x program file" into buffer. */
static void describe_region(char *buffer, size_t size, const struct vm_region *region)
{
	if (!region) {
		snprintf(buffer, size, "no region");
		return;
	}
	snprintf(buffer, size, "region 0x%08lx-0x%08lx %c%c%c %s", (unsigned long)region->start,
		 (unsigned long)region->end - 1, region->prot & VM_READ ? 'r' : '-',
		 region->prot & VM_WRITE ? 'w' : '-', region->prot & VM_EXEC ? 'x' : '-',
		 kind_names[region->kind]);
}

/* Whether the region allows the access the fault was. */
static bool allows(const struct vm_region *region, const struct fault_info *fault)
{
	unsigned prot = region->prot;

	if (region->kind == VM_GUARD)
		return false;
	if (fault->kind == FAULT_PREFETCH_ABORT)
		return prot & VM_EXEC;
	if (fault->status & FSR_WNR)
		return prot & VM_WRITE;
	return prot & (VM_READ | VM_WRITE | VM_EXEC);
}

/* A frame for page, filled as the region says, mapped with its permissions. */
static int map_page(struct process *p, const struct vm_region *region, vaddr_t page)
{
	unsigned perm = MEM_USER | (region->prot & VM_WRITE ? MEM_WRITE : 0) |
			(region->prot & VM_EXEC ? MEM_EXEC : 0);
	paddr_t frame;
	uint8_t *bytes;
	int error;

	error = pmm_alloc_frame(&kernel_pmm, &frame);
	if (error)
		return error;
	bytes = (uint8_t *)phys_to_virt(frame);
	if (region->kind == VM_FILE) {
		uint32_t offset = page - region->start;
		uint32_t from_file = offset < region->file_size ? region->file_size - offset : 0;

		if (from_file > PAGE_SIZE)
			from_file = PAGE_SIZE;
		memcpy(bytes, region->file + offset, from_file);
		memset(bytes + from_file, 0, PAGE_SIZE - from_file);
		stats.demand_file++;
	} else {
		memset(bytes, 0, PAGE_SIZE);
		stats.demand_zero++;
	}
	if (perm & MEM_EXEC) {
		page_sync_icache((uintptr_t)bytes);
		stats.exec_faults++;
	}
	error = mmu_user_map_new_frame(&p->aspace, page, frame, perm);
	if (error) {
		pmm_free_frame(&kernel_pmm, frame);
		return error;
	}
	p->resident++;
	p->faults++;
	return 0;
}

/* A write to a read-only page of a writable region: copy-on-write (see mm/page_fault.h). */
static int copy_on_write(struct process *p, vaddr_t page)
{
	paddr_t old, frame;
	bool writable;
	int error;

	if (mmu_user_page(&p->aspace, page, &old, &writable))
		return ERR_NOT_FOUND;
	if (writable)
		return 0; /* another core (or a stale TLB entry) got here first */
	if (pmm_frame_refs(&kernel_pmm, old) == 1) {
		stats.cow_reuses++;
		return mmu_user_make_writable(&p->aspace, page);
	}
	error = pmm_alloc_frame(&kernel_pmm, &frame);
	if (error)
		return error;
	memcpy((void *)phys_to_virt(frame), (const void *)phys_to_virt(old), PAGE_SIZE);
	error = mmu_user_replace(&p->aspace, page, frame, MEM_USER | MEM_WRITE);
	if (error) {
		pmm_free_frame(&kernel_pmm, frame);
		return error;
	}
	/*
	 * Our reference: the others keep it. Share counts of frames that other
	 * address spaces hold change under the big lock (their forks and exits
	 * run under it), so the drop takes it when the fault came without it;
	 * the copy above did not need it.
	 */
	if (GIANT_LOCKING && !giant_held()) {
		giant_lock();
		pmm_free_frame(&kernel_pmm, old);
		giant_unlock();
	} else {
		pmm_free_frame(&kernel_pmm, old);
	}
	stats.cow_copies++;
	return 0;
}

/* The report of a process killed by a fault, in one or two lines. */
static void report_kill(const struct process *p, const struct fault_info *fault,
			const struct vm_region *region, const char *why)
{
	char line[160], where[80];

	fault_describe(line, sizeof(line), fault);
	describe_region(where, sizeof(where), region);
	kprintf("process %d (%s): killed: %s\n", p->pid, p->name, why);
	kprintf("  %s; %s\n", line, where);
}

/*
 * A fault the process cannot go on from: its report, then its handler for
 * sig if it has one that is not blocked (true: the handler runs on the way
 * back to user mode; if it returns, the instruction faults again, as on
 * Linux). Otherwise the process ends by sig, as Linux's force_sig leaves
 * it when the signal is blocked or ignored.
 */
static bool fatal_fault(struct process *p, const struct fault_info *fault,
			const struct vm_region *region, const char *why, int sig)
{
	const struct signal_action *action = &p->sig.actions[sig - 1];

	if (action->handler != SIG_DFL && action->handler != SIG_IGN &&
	    !(p->sig.blocked & SIG_BIT(sig))) {
		char line[160];

		fault_describe(line, sizeof(line), fault);
		kprintf("process %d (%s): %s, to its handler: %s\n", p->pid, p->name, why, line);
		struct signal_info info = { sig == SIGSEGV  ? (region ? SEGV_ACCERR : SEGV_MAPERR)
					    : sig == SIGBUS ? BUS_ADRALN
							    : ILL_ILLOPC,
					    0, fault->address };

		stats.handled++;
		signal_send_info(p, sig, &info);
		return true;
	}
	report_kill(p, fault, region, why);
	stats.kills++;
	process_exit(sig);
}

/*
 * The memory-fault handler: true when the fault is resolved (a page
 * mapped, or a user copy sent to its fixup). From user mode it never
 * returns false: the process is killed instead.
 */
static bool handle(const struct fault_info *fault, struct exception_frame *frame);

/*
 * A user-mode fault that its own address space resolves: a page of its
 * region mapped (a translation fault) or copied for a write (a permission
 * fault on a copy-on-write page), true. Anything else (another kind of
 * fault, no region, no memory): false, nothing changed, and handle()
 * decides under the lock.
 */
static bool own_fault(const struct fault_info *fault)
{
	struct process *p = process_current();
	const struct fault_status_desc *desc = fault_status_decode(fault->status);
	const struct vm_region *region;
	bool write_to_shared;

	if (!p || fault->kind == FAULT_UNDEFINED || fault->address >= USER_SPACE_END || desc->async)
		return false;
	if (desc->class == FAULT_CLASS_TRANSLATION)
		write_to_shared = false;
	else if (desc->class == FAULT_CLASS_PERMISSION && fault->kind == FAULT_DATA_ABORT &&
		 (fault->status & FSR_WNR))
		write_to_shared = true;
	else
		return false;
	region = vm_find(&p->map, fault->address);
	if (!region || !allows(region, fault))
		return false;
	return (write_to_shared ? copy_on_write(p, fault->address & ~(PAGE_SIZE - 1))
				: map_page(p, region, fault->address & ~(PAGE_SIZE - 1))) == 0;
}

/*
 * From user mode, a fault runs without the big lock, and takes it for
 * anything its own address space does not resolve. A demand fault or a
 * copy-on-write fault touches the process's own tables and map, which no
 * other thread changes while this one runs (processes have one thread),
 * and frames from the PMM's per-core cache; the one thing it shares is the
 * old frame's share count, which copy_on_write changes under the lock. A
 * kill or a signal is the process layer's: those run under the lock.
 */
static bool page_fault(const struct fault_info *fault, struct exception_frame *frame)
{
	bool resolved, took = false;

	if (GIANT_LOCKING && (frame->cpsr & MODE_MASK) == MODE_USR && !giant_held()) {
		if (own_fault(fault))
			return true;
		giant_lock();
		took = true;
	}
	resolved = handle(fault, frame);
	if (took)
		giant_unlock();
	return resolved;
}

static bool handle(const struct fault_info *fault, struct exception_frame *frame)
{
	bool from_user = (frame->cpsr & MODE_MASK) == MODE_USR;
	struct process *p = process_current();
	const struct fault_status_desc *desc = fault_status_decode(fault->status);
	const struct vm_region *region = NULL;
	uintptr_t fixup;

	if (fault->kind == FAULT_UNDEFINED) {
		if (!from_user || !p)
			return false;
		return fatal_fault(p, fault, NULL, "undefined instruction (SIGILL)", SIGILL);
	}
	if (p && fault->address < USER_SPACE_END && !desc->async)
		region = vm_find(&p->map, fault->address);
	if (region && allows(region, fault) &&
	    (desc->class == FAULT_CLASS_TRANSLATION ||
	     (desc->class == FAULT_CLASS_PERMISSION && fault->kind == FAULT_DATA_ABORT &&
	      (fault->status & FSR_WNR))) &&
	    (from_user || fault->kind == FAULT_DATA_ABORT)) {
		vaddr_t page = fault->address & ~(PAGE_SIZE - 1);
		int error = desc->class == FAULT_CLASS_TRANSLATION ? map_page(p, region, page)
								   : copy_on_write(p, page);

		if (error == 0)
			return true;
		if (error == ERR_NO_MEMORY) {
			stats.out_of_memory++;
			if (from_user) {
				report_kill(p, fault, region, "out of memory (SIGKILL)");
				stats.kills++;
				process_exit(SIGNAL_KILL);
			}
			p->kill_pending = true; /* dies on its way back to user mode */
			p->kill_signal = SIGNAL_KILL;
		}
	}
	if (!from_user) {
		fixup = uaccess_fixup(frame->pc); /* a user copy (with or without a process) */
		if (!fixup)
			return false;
		frame->pc = fixup;
		return true;
	}
	if (desc->class == FAULT_CLASS_ALIGNMENT)
		return fatal_fault(p, fault, region, "alignment fault (SIGBUS)", SIGBUS);
	return fatal_fault(p, fault, region, "segmentation fault (SIGSEGV)", SIGSEGV);
}

void page_fault_init(void)
{
	(void)fault_set_handler(FAULT_ACTION_MEMORY, page_fault);
	fault_set_user_handler(page_fault);
}
