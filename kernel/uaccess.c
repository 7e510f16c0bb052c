/*
 * kernel/uaccess.c - the checks around the user copies (kernel/uaccess.h).
 */
#include "kernel/uaccess.h"

#include "kernel/error.h"
#include "kernel/process.h"
#include "mm/vm_map.h"

struct ex_table_entry {
	uintptr_t insn, fixup;
};

extern const struct ex_table_entry __ex_table_start[], __ex_table_end[];

int copy_from_user(void *to, const void *user_from, size_t size)
{
	if (!user_range_ok((uintptr_t)user_from, size))
		return ERR_RANGE;
	return uaccess_copy_from(to, user_from, size) ? ERR_RANGE : 0;
}

/*
 * Whether the process's regions let it write all of [at, at + size): a
 * copy that crosses pages is checked first, so that one which would fault
 * partway writes nothing (a copy within one page faults, if it does, at
 * its first byte). A kernel thread's copy has no regions to ask.
 */
static bool writable_throughout(uintptr_t at, size_t size)
{
	const struct process *p = process_current();
	uintptr_t end = at + size;

	if (!p || size == 0 || (at >> PAGE_SHIFT) == ((end - 1) >> PAGE_SHIFT))
		return true;
	while (at < end) {
		const struct vm_region *region = vm_find(&p->map, at);

		if (!region || !(region->prot & VM_WRITE))
			return false;
		at = region->end;
	}
	return true;
}

int copy_to_user(void *user_to, const void *from, size_t size)
{
	if (!user_range_ok((uintptr_t)user_to, size) ||
	    !writable_throughout((uintptr_t)user_to, size))
		return ERR_RANGE;
	return uaccess_copy_to(user_to, from, size) ? ERR_RANGE : 0;
}

int copy_string_from_user(char *to, const char *user_from, size_t max)
{
	for (size_t i = 0; i < max; i++) {
		if (!user_range_ok((uintptr_t)user_from + i, 1) ||
		    uaccess_copy_from(&to[i], user_from + i, 1))
			return ERR_RANGE;
		if (to[i] == '\0')
			return (int)i;
	}
	return ERR_INVALID;
}

uintptr_t uaccess_fixup(uintptr_t pc)
{
	for (const struct ex_table_entry *entry = __ex_table_start; entry < __ex_table_end; entry++)
		if (entry->insn == pc)
			return entry->fixup;
	return 0;
}
