/*
 * kernel/fault_status.h - decoding the short-descriptor fault status
 * registers DFSR and IFSR (ARM ARM B4.1.52, B4.1.96; the codes are
 * Table B3-23) and the program status mode field.
 *
 * Pure functions on numbers: compiled into the kernel and into the host
 * tests (tests/host/test_fault_status.c).
 */
#ifndef BRAMBLE_KERNEL_FAULT_STATUS_H
#define BRAMBLE_KERNEL_FAULT_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Fields of DFSR/IFSR, short-descriptor format. */
#define FSR_FS_LOW_MASK  0xF       /* FS[3:0] */
#define FSR_FS_HIGH      (1 << 10) /* FS[4] */
#define FSR_DOMAIN_SHIFT 4         /* DFSR only, [7:4] */
#define FSR_DOMAIN_MASK  0xF
#define FSR_WNR          (1 << 11) /* DFSR: the access was a write */
#define FSR_EXT          (1 << 12) /* external abort type */
#define FSR_CM           (1 << 13) /* DFSR: during cache maintenance */

/* What a fault status means, grouped. */
enum fault_class {
	FAULT_CLASS_UNKNOWN,
	FAULT_CLASS_ALIGNMENT,
	FAULT_CLASS_TRANSLATION,
	FAULT_CLASS_ACCESS_FLAG,
	FAULT_CLASS_DOMAIN,
	FAULT_CLASS_PERMISSION,
	FAULT_CLASS_EXTERNAL,
	FAULT_CLASS_PARITY,
	FAULT_CLASS_DEBUG,
	FAULT_CLASS_CACHE_MAINTENANCE,
	FAULT_CLASS_IMPLEMENTATION_DEFINED,
};

/* Where in a translation the fault was found. */
enum fault_level {
	FAULT_LEVEL_NONE,    /* not a translation-table fault */
	FAULT_LEVEL_SECTION, /* first level: section or L1 entry */
	FAULT_LEVEL_PAGE,    /* second level: page or L2 entry */
};

/* Who handles a fault (kernel/arm/exception.c, fault_set_handler()). */
enum fault_action {
	FAULT_ACTION_REPORT, /* nobody can fix it: report it */
	FAULT_ACTION_MEMORY, /* a page-fault handler may resolve it (translation, permission...) */
	FAULT_ACTION_UNDEFINED, /* an undefined instruction */
	FAULT_ACTION_COUNT,
};

struct fault_status_desc {
	uint8_t code; /* FS[4:0] */
	enum fault_class class;
	enum fault_level level;
	bool async; /* asynchronous: DFAR is UNKNOWN, the pc is where it was taken */
	enum fault_action action;
	const char *name;
};

/* What kind of exception a fault was. */
enum fault_kind {
	FAULT_UNDEFINED = 1 << 0,      /* undefined instruction */
	FAULT_PREFETCH_ABORT = 1 << 1, /* instruction fetch faulted */
	FAULT_DATA_ABORT = 1 << 2,     /* data access faulted */
};

/* A fault as the exception handler saw it. */
struct fault_info {
	enum fault_kind kind;
	uint32_t status;  /* DFSR or IFSR; the instruction for an undefined one */
	uint32_t address; /* DFAR or IFAR; the instruction's address for undefined */
	uint32_t pc;      /* the faulting instruction */
	uint32_t cpsr;    /* the state it ran in */
};

/* FS[4:0] of a DFSR or IFSR value. */
uint32_t fault_status_code(uint32_t fsr);

/* The table entry for a DFSR/IFSR value, by its FS; never NULL (unknown codes have one). */
const struct fault_status_desc *fault_status_decode(uint32_t fsr);

/* "translation fault (section)"-style text for a status, into buf. */
size_t fault_status_describe(char *buf, size_t size, uint32_t fsr);

/*
 * One line saying what a fault was, e.g.
 * "data abort: translation fault (section) on read at 0x00000000, pc 0x80009a24 (SVC)".
 * An asynchronous abort has no address (ARM ARM B4.1.52: DFAR is UNKNOWN
 * for it) and is taken some time after the access that caused it:
 * "data abort: asynchronous external abort, address unknown (DFAR is not
 * valid for asynchronous aborts), taken at pc 0x80009a24 (SVC)".
 */
size_t fault_describe(char *buf, size_t size, const struct fault_info *fault);

/* Name of a processor mode from a PSR value: "SVC", "HYP", ... or "???". */
const char *psr_mode_name(uint32_t psr);

#endif /* BRAMBLE_KERNEL_FAULT_STATUS_H */
