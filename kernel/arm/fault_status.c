/*
 * kernel/arm/fault_status.c - fault status and mode decoding, by table.
 *
 * The fault status codes are ARM ARM Table B3-23 ("Short-descriptor
 * translation table format FSR encodings"). Only the data side can report
 * the asynchronous ones; the tables do not need to know which side asked.
 */
#include "kernel/fault_status.h"

#include "arch/arm.h"

#include <stdio.h>

/*
 * Indexed by FS[4:0]. The action column says who handles a fault of that
 * kind (kernel/arm/exception.c dispatches on it): translation, access
 * flag, domain and permission faults are what a page-fault handler can
 * resolve; everything else is reported.
 */
#define ROW(fs, class, level, async, action, name) \
	[fs] = { fs, FAULT_CLASS_##class, FAULT_LEVEL_##level, async, FAULT_ACTION_##action, name }

static const struct fault_status_desc fault_status_table[32] = {
	ROW(0x01, ALIGNMENT, NONE, false, REPORT, "alignment fault"),
	ROW(0x02, DEBUG, NONE, false, REPORT, "debug event"),
	ROW(0x03, ACCESS_FLAG, SECTION, false, MEMORY, "access flag fault"),
	ROW(0x04, CACHE_MAINTENANCE, NONE, false, REPORT, "fault on instruction cache maintenance"),
	ROW(0x05, TRANSLATION, SECTION, false, MEMORY, "translation fault"),
	ROW(0x06, ACCESS_FLAG, PAGE, false, MEMORY, "access flag fault"),
	ROW(0x07, TRANSLATION, PAGE, false, MEMORY, "translation fault"),
	ROW(0x08, EXTERNAL, NONE, false, REPORT, "synchronous external abort"),
	ROW(0x09, DOMAIN, SECTION, false, MEMORY, "domain fault"),
	ROW(0x0B, DOMAIN, PAGE, false, MEMORY, "domain fault"),
	ROW(0x0C, EXTERNAL, SECTION, false, REPORT,
	    "synchronous external abort on translation table walk"),
	ROW(0x0D, PERMISSION, SECTION, false, MEMORY, "permission fault"),
	ROW(0x0E, EXTERNAL, PAGE, false, REPORT,
	    "synchronous external abort on translation table walk"),
	ROW(0x0F, PERMISSION, PAGE, false, MEMORY, "permission fault"),
	ROW(0x14, IMPLEMENTATION_DEFINED, NONE, false, REPORT, "lockdown abort"),
	ROW(0x16, EXTERNAL, NONE, true, REPORT, "asynchronous external abort"),
	ROW(0x18, PARITY, NONE, true, REPORT, "asynchronous parity error on memory access"),
	ROW(0x19, PARITY, NONE, false, REPORT, "synchronous parity error on memory access"),
	ROW(0x1A, IMPLEMENTATION_DEFINED, NONE, false, REPORT, "coprocessor abort"),
	ROW(0x1C, PARITY, SECTION, false, REPORT,
	    "synchronous parity error on translation table walk"),
	ROW(0x1E, PARITY, PAGE, false, REPORT,
	    "synchronous parity error on translation table walk"),
};

static const struct fault_status_desc fault_status_unknown = {
	0xFF,  FAULT_CLASS_UNKNOWN, FAULT_LEVEL_NONE,
	false, FAULT_ACTION_REPORT, "unknown fault status"
};

static const char *const fault_level_names[] = {
	[FAULT_LEVEL_NONE] = "",
	[FAULT_LEVEL_SECTION] = " (section)",
	[FAULT_LEVEL_PAGE] = " (page)",
};

uint32_t fault_status_code(uint32_t fsr)
{
	return (fsr & FSR_FS_LOW_MASK) | ((fsr & FSR_FS_HIGH) ? 0x10 : 0);
}

const struct fault_status_desc *fault_status_decode(uint32_t fsr)
{
	const struct fault_status_desc *desc = &fault_status_table[fault_status_code(fsr)];

	return desc->name ? desc : &fault_status_unknown;
}

size_t fault_status_describe(char *buf, size_t size, uint32_t fsr)
{
	const struct fault_status_desc *desc = fault_status_decode(fsr);
	int n;

	if (desc->class == FAULT_CLASS_UNKNOWN)
		n = snprintf(buf, size, "%s 0x%02x", desc->name, (unsigned)fault_status_code(fsr));
	else
		n = snprintf(buf, size, "%s%s", desc->name, fault_level_names[desc->level]);
	return n < 0 ? 0 : (size_t)n;
}

static const char *const fault_kind_names[] = {
	[FAULT_UNDEFINED] = "undefined instruction",
	[FAULT_PREFETCH_ABORT] = "prefetch abort",
	[FAULT_DATA_ABORT] = "data abort",
};

size_t fault_describe(char *buf, size_t size, const struct fault_info *fault)
{
	char status[80];
	int n;

	if (fault->kind == FAULT_UNDEFINED) {
		n = snprintf(buf, size, "undefined instruction 0x%08lx at pc 0x%08lx (%s, %s)",
			     (unsigned long)fault->status, (unsigned long)fault->pc,
			     psr_mode_name(fault->cpsr), (fault->cpsr & PSR_T) ? "Thumb" : "ARM");
	} else if (fault->kind == FAULT_DATA_ABORT && fault_status_decode(fault->status)->async) {
		fault_status_describe(status, sizeof(status), fault->status);
		n = snprintf(buf, size,
			     "%s: %s, address unknown (DFAR is not valid for asynchronous aborts), "
			     "taken at pc 0x%08lx (%s)",
			     fault_kind_names[fault->kind], status, (unsigned long)fault->pc,
			     psr_mode_name(fault->cpsr));
	} else {
		fault_status_describe(status, sizeof(status), fault->status);
		n = snprintf(buf, size, "%s: %s%s at 0x%08lx, pc 0x%08lx (%s)",
			     fault_kind_names[fault->kind], status,
			     fault->kind != FAULT_DATA_ABORT ? ""
			     : (fault->status & FSR_WNR)     ? " on write"
							     : " on read",
			     (unsigned long)fault->address, (unsigned long)fault->pc,
			     psr_mode_name(fault->cpsr));
	}
	return n < 0 ? 0 : (size_t)n;
}

struct mode_name {
	uint8_t mode;
	const char *name;
};

static const struct mode_name mode_names[] = {
	{ MODE_USR, "USR" }, { MODE_FIQ, "FIQ" }, { MODE_IRQ, "IRQ" },
	{ MODE_SVC, "SVC" }, { MODE_MON, "MON" }, { MODE_ABT, "ABT" },
	{ MODE_HYP, "HYP" }, { MODE_UND, "UND" }, { MODE_SYS, "SYS" },
};

const char *psr_mode_name(uint32_t psr)
{
	for (size_t i = 0; i < sizeof(mode_names) / sizeof(mode_names[0]); i++) {
		if (mode_names[i].mode == (psr & MODE_MASK))
			return mode_names[i].name;
	}
	return "???";
}
