/*
 * kernel/uaccess.c - the checks around the user copies (kernel/uaccess.h).
 */
#include "kernel/uaccess.h"

#include "kernel/error.h"

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

int copy_to_user(void *user_to, const void *from, size_t size)
{
	if (!user_range_ok((uintptr_t)user_to, size))
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
