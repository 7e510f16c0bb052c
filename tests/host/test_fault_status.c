/*
 * tests/host/test_fault_status.c - the fault status and mode decoders.
 *
 * Expected names and classes are typed in from ARM ARM Table B3-23, not
 * derived from the table under test.
 */
#include "kernel/fault_status.h"
#include "tap.h"

struct expectation {
	uint32_t fsr;
	enum fault_class class;
	enum fault_level level;
	const char *text;
};

static const struct expectation expected[] = {
	{ 0x001, FAULT_CLASS_ALIGNMENT, FAULT_LEVEL_NONE, "alignment fault" },
	{ 0x005, FAULT_CLASS_TRANSLATION, FAULT_LEVEL_SECTION, "translation fault (section)" },
	{ 0x007, FAULT_CLASS_TRANSLATION, FAULT_LEVEL_PAGE, "translation fault (page)" },
	{ 0x003, FAULT_CLASS_ACCESS_FLAG, FAULT_LEVEL_SECTION, "access flag fault (section)" },
	{ 0x006, FAULT_CLASS_ACCESS_FLAG, FAULT_LEVEL_PAGE, "access flag fault (page)" },
	{ 0x009, FAULT_CLASS_DOMAIN, FAULT_LEVEL_SECTION, "domain fault (section)" },
	{ 0x00B, FAULT_CLASS_DOMAIN, FAULT_LEVEL_PAGE, "domain fault (page)" },
	{ 0x00D, FAULT_CLASS_PERMISSION, FAULT_LEVEL_SECTION, "permission fault (section)" },
	{ 0x00F, FAULT_CLASS_PERMISSION, FAULT_LEVEL_PAGE, "permission fault (page)" },
	{ 0x008, FAULT_CLASS_EXTERNAL, FAULT_LEVEL_NONE, "synchronous external abort" },
	{ 0x406, FAULT_CLASS_EXTERNAL, FAULT_LEVEL_NONE, "asynchronous external abort" },
	{ 0x00C, FAULT_CLASS_EXTERNAL, FAULT_LEVEL_SECTION,
	  "synchronous external abort on translation table walk (section)" },
	{ 0x40C, FAULT_CLASS_PARITY, FAULT_LEVEL_SECTION,
	  "synchronous parity error on translation table walk (section)" },
	{ 0x002, FAULT_CLASS_DEBUG, FAULT_LEVEL_NONE, "debug event" },
	{ 0x004, FAULT_CLASS_CACHE_MAINTENANCE, FAULT_LEVEL_NONE,
	  "fault on instruction cache maintenance" },
	/* Bits outside FS must not change the decoding: WnR, domain, ExT, CM. */
	{ 0x805, FAULT_CLASS_TRANSLATION, FAULT_LEVEL_SECTION, "translation fault (section)" },
	{ 0x3A0F, FAULT_CLASS_PERMISSION, FAULT_LEVEL_PAGE, "permission fault (page)" },
	/* Codes with no meaning are named as unknown, with the code. */
	{ 0x000, FAULT_CLASS_UNKNOWN, FAULT_LEVEL_NONE, "unknown fault status 0x00" },
	{ 0x41F, FAULT_CLASS_UNKNOWN, FAULT_LEVEL_NONE, "unknown fault status 0x1f" },
};

#define COUNT (sizeof(expected) / sizeof(expected[0]))

int main(void)
{
	char text[200], what[160];

	tap_plan(3 * COUNT + 22);
	for (size_t i = 0; i < COUNT; i++) {
		const struct fault_status_desc *desc = fault_status_decode(expected[i].fsr);

		snprintf(what, sizeof(what), "fsr 0x%03x class", expected[i].fsr);
		TAP_EQ_U32(expected[i].class, desc->class, what);
		snprintf(what, sizeof(what), "fsr 0x%03x level", expected[i].fsr);
		TAP_EQ_U32(expected[i].level, desc->level, what);
		fault_status_describe(text, sizeof(text), expected[i].fsr);
		snprintf(what, sizeof(what), "fsr 0x%03x text", expected[i].fsr);
		TAP_EQ_STR(expected[i].text, text, what);
	}

	TAP_EQ_U32(0x16, fault_status_code(0x406), "FS[4] comes from bit 10");
	TAP_EQ_U32(0x0F, fault_status_code(0xFFFFFBFF), "only FS bits make the code");

	/* A short buffer is cut, terminated, and the full length is reported. */
	size_t n = fault_status_describe(text, 12, 0x005);
	TAP_EQ_U32(strlen("translation fault (section)"), n, "describe reports the full length");
	TAP_EQ_STR("translation", text, "describe cuts to the buffer");

	/* A synchronous abort has an address; an asynchronous one has none to give. */
	struct fault_info sync = { FAULT_DATA_ABORT, 0x807, 0x1000, 0x80009a24, 0x600001D3 };
	struct fault_info async = { FAULT_DATA_ABORT, 0x1406, 0xDEADBEEF, 0x80009a24, 0x600001D3 };
	struct fault_info fetch = { FAULT_PREFETCH_ABORT, 0x406, 0x2000, 0x2000, 0x600001D3 };

	fault_describe(text, sizeof(text), &sync);
	TAP_EQ_STR(
		"data abort: translation fault (page) on write at 0x00001000, pc 0x80009a24 (SVC)",
		text, "a synchronous abort names its address");
	TAP_OK(fault_status_decode(0x1406)->async, "FS 0b10110 is asynchronous");
	TAP_OK(!fault_status_decode(0x008)->async, "FS 0b01000 is not");
	fault_describe(text, sizeof(text), &async);
	TAP_EQ_STR(
		"data abort: asynchronous external abort, address unknown (DFAR is not valid for "
		"asynchronous aborts), taken at pc 0x80009a24 (SVC)",
		text, "an asynchronous abort says DFAR is unknown, and prints no address");
	fault_describe(text, sizeof(text), &fetch);
	TAP_OK(strstr(text, "at 0x00002000") != NULL, "a prefetch abort keeps its address");

	/* The action column: what a page-fault handler gets to see. */
	TAP_EQ_U32(FAULT_ACTION_MEMORY, fault_status_decode(0x007)->action,
		   "translation (page): memory");
	TAP_EQ_U32(FAULT_ACTION_MEMORY, fault_status_decode(0x80D)->action,
		   "permission (section): memory");
	TAP_EQ_U32(FAULT_ACTION_REPORT, fault_status_decode(0x008)->action,
		   "external abort: report");
	TAP_EQ_U32(FAULT_ACTION_REPORT, fault_status_decode(0x000)->action, "unknown: report");
	unsigned consistent = 0;
	for (uint32_t code = 0; code < 32; code++) {
		const struct fault_status_desc *d =
			fault_status_decode((code & 0xF) | ((code & 0x10) << 6));

		consistent += d->code == code || d->class == FAULT_CLASS_UNKNOWN;
	}
	TAP_EQ_U32(32, consistent, "every FS decodes to its own row or to unknown");

	TAP_EQ_STR("SVC", psr_mode_name(0x600001D3), "mode SVC");
	TAP_EQ_STR("HYP", psr_mode_name(0x000001DA), "mode HYP");
	TAP_EQ_STR("ABT", psr_mode_name(0x17), "mode ABT");
	TAP_EQ_STR("UND", psr_mode_name(0x1B), "mode UND");
	TAP_EQ_STR("USR", psr_mode_name(0x10), "mode USR");
	TAP_EQ_STR("SYS", psr_mode_name(0x1F), "mode SYS");
	TAP_EQ_STR("MON", psr_mode_name(0x16), "mode MON");
	TAP_EQ_STR("???", psr_mode_name(0x14), "mode that does not exist");
	return tap_done();
}
