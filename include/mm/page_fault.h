/*
 * mm/page_fault.h - demand paging for processes, and what happens to a
 * process whose access cannot be allowed.
 *
 * A process's pages are mapped on first touch: a translation fault on an
 * address inside one of its regions (mm/vm_map.h), for an access the
 * region allows, takes a frame, fills it (zeroes, or the program file's
 * bytes for a VM_FILE region) and maps it with the region's permissions;
 * the access then runs again. The same holds when the kernel touches the
 * page on the process's behalf (kernel/uaccess.h). Anything else from user
 * mode (no region, the stack's guard, a write to text, execution of data,
 * an undefined instruction, an alignment fault) kills the process with a
 * report: pid, program, the decoded fault, pc, and the region or "no
 * region"; from the kernel's user copies it makes the copy fail (-EFAULT).
 * Out of memory during a fault kills the process (SIGKILL), never the
 * kernel.
 *
 * Copy-on-write (after fork, kernel/process.h): a page shared by several
 * processes is mapped read-only in each, inside a writable region. A
 * write to it is a permission fault that the region allows: if the frame
 * has other users, the page is copied into a fresh frame mapped writable
 * (break-before-make, mm/mmu.h) and the process drops its reference to the
 * old one; if it is the last user, the page is just made writable.
 */
#ifndef BRAMBLE_MM_PAGE_FAULT_H
#define BRAMBLE_MM_PAGE_FAULT_H

#include <stdint.h>

/* Take the memory faults (kernel/exception.h) and every fault from user mode. */
void page_fault_init(void);

struct page_fault_stats {
	uint32_t demand_zero;  /* pages mapped zero-filled */
	uint32_t demand_file;  /* pages mapped with the program file's bytes */
	uint32_t exec_faults;  /* of the demand faults, those that mapped an executable page */
	uint32_t icache_syncs; /* executable pages made coherent with the I-cache (B2.2.9) */
	uint32_t cow_copies;   /* copy-on-write faults that copied the page */
	uint32_t cow_reuses;   /* and those that found it had no other user: made writable */
	uint32_t kills;        /* processes killed by a fault */
	uint32_t handled; /* faults given to a process's own SIGSEGV, SIGBUS or SIGILL handler */
	uint32_t out_of_memory;
};

void page_fault_get_stats(struct page_fault_stats *stats);

/*
 * Make [kernel_va, + PAGE_SIZE) (a frame's linear-map view, just written)
 * safe to execute from any user address it is mapped at: the D-cache
 * cleaned to the point of unification, the I-cache and branch predictor
 * invalidated (ARM ARM B2.2.9). Counted in icache_syncs.
 */
void page_sync_icache(uintptr_t kernel_va);

#endif /* BRAMBLE_MM_PAGE_FAULT_H */
