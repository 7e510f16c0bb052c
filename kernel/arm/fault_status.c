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

static const struct fault_status_desc fault_status_table[] = {
	{ 0x01, FAULT_CLASS_ALIGNMENT, FAULT_LEVEL_NONE, false, "alignment fault" },
	{ 0x04, FAULT_CLASS_CACHE_MAINTENANCE, FAULT_LEVEL_NONE, false,
	  "fault on instruction cache maintenance" },
	{ 0x0C, FAULT_CLASS_EXTERNAL, FAULT_LEVEL_SECTION, false,
	  "synchronous external abort on translation table walk" },
	{ 0x0E, FAULT_CLASS_EXTERNAL, FAULT_LEVEL_PAGE, false,
	  "synchronous external abort on translation table walk" },
	{ 0x1C, FAULT_CLASS_PARITY, FAULT_LEVEL_SECTION, false,
	  "synchronous parity error on translation table walk" },
	{ 0x1E, FAULT_CLASS_PARITY, FAULT_LEVEL_PAGE, false,
	  "synchronous parity error on translation table walk" },
	{ 0x05, FAULT_CLASS_TRANSLATION, FAULT_LEVEL_SECTION, false, "translation fault" },
	{ 0x07, FAULT_CLASS_TRANSLATION, FAULT_LEVEL_PAGE, false, "translation fault" },
	{ 0x03, FAULT_CLASS_ACCESS_FLAG, FAULT_LEVEL_SECTION, false, "access flag fault" },
	{ 0x06, FAULT_CLASS_ACCESS_FLAG, FAULT_LEVEL_PAGE, false, "access flag fault" },
	{ 0x09, FAULT_CLASS_DOMAIN, FAULT_LEVEL_SECTION, false, "domain fault" },
	{ 0x0B, FAULT_CLASS_DOMAIN, FAULT_LEVEL_PAGE, false, "domain fault" },
	{ 0x0D, FAULT_CLASS_PERMISSION, FAULT_LEVEL_SECTION, false, "permission fault" },
	{ 0x0F, FAULT_CLASS_PERMISSION, FAULT_LEVEL_PAGE, false, "permission fault" },
	{ 0x02, FAULT_CLASS_DEBUG, FAULT_LEVEL_NONE, false, "debug event" },
	{ 0x08, FAULT_CLASS_EXTERNAL, FAULT_LEVEL_NONE, false, "synchronous external abort" },
	{ 0x19, FAULT_CLASS_PARITY, FAULT_LEVEL_NONE, false, "synchronous parity error on memory access" },
	{ 0x16, FAULT_CLASS_EXTERNAL, FAULT_LEVEL_NONE, true, "asynchronous external abort" },
	{ 0x18, FAULT_CLASS_PARITY, FAULT_LEVEL_NONE, true, "asynchronous parity error on memory access" },
	{ 0x14, FAULT_CLASS_IMPLEMENTATION_DEFINED, FAULT_LEVEL_NONE, false, "lockdown abort" },
	{ 0x1A, FAULT_CLASS_IMPLEMENTATION_DEFINED, FAULT_LEVEL_NONE, false, "coprocessor abort" },
};

static const struct fault_status_desc fault_status_unknown = {
	0xFF, FAULT_CLASS_UNKNOWN, FAULT_LEVEL_NONE, false, "unknown fault status"
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
	uint32_t code = fault_status_code(fsr);

	for (size_t i = 0; i < sizeof(fault_status_table) / sizeof(fault_status_table[0]); i++) {
		if (fault_status_table[i].code == code)
			return &fault_status_table[i];
	}
	return &fault_status_unknown;
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
	{ MODE_USR, "USR" }, { MODE_FIQ, "FIQ" }, { MODE_IRQ, "IRQ" }, { MODE_SVC, "SVC" },
	{ MODE_MON, "MON" }, { MODE_ABT, "ABT" }, { MODE_HYP, "HYP" }, { MODE_UND, "UND" },
	{ MODE_SYS, "SYS" },
};

const char *psr_mode_name(uint32_t psr)
{
	for (size_t i = 0; i < sizeof(mode_names) / sizeof(mode_names[0]); i++) {
		if (mode_names[i].mode == (psr & MODE_MASK))
			return mode_names[i].name;
	}
	return "???";
}
