/*
 * kernel/exception_test.c - self-tests of exception handling and expected faults.
 */
#include <string.h>

#include "arch/arm.h"
#include "kernel/exception.h"
#include "kernel/ktest.h"
#include "layout.h"

/* An undefined instruction (UDF #0x42, ARM encoding 0xE7F004F2) at a known address. */
void test_undefined_site(void);
__asm__(".text\n"
	".arm\n"
	".type test_undefined_site, %function\n"
	"test_undefined_site:\n"
	"	udf #0x42\n"
	"	bx lr\n");

KTEST(exceptions, undefined_recovered)
{
	struct fault_catcher catcher;
	char line[160];

	if (fault_catch(&catcher, FAULT_UNDEFINED) == 0) {
		test_undefined_site();
		fault_catch_cancel();
		KT_FAIL("udf did not raise an undefined instruction exception");
	}
	KT_ASSERT_EQ(FAULT_UNDEFINED, catcher.fault.kind);
	KT_ASSERT_EQ((uint32_t)test_undefined_site, catcher.fault.pc);
	KT_ASSERT_EQ(0xE7F004F2, catcher.fault.status);
	KT_ASSERT_EQ(MODE_SVC, catcher.fault.cpsr & MODE_MASK);
	fault_describe(line, sizeof(line), &catcher.fault);
	KT_ASSERT(strstr(line, "undefined instruction 0xe7f004f2") != NULL);
}

KTEST(exceptions, data_abort_on_write)
{
	struct fault_catcher catcher;
	char line[160];

	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
		*(volatile uint32_t *)0x00001000 = 0xBAD;
		fault_catch_cancel();
		KT_FAIL("write to 0x00001000 did not fault");
	}
	KT_ASSERT_EQ(0x00001000, catcher.fault.address);
	KT_ASSERT(catcher.fault.status & FSR_WNR);
	fault_describe(line, sizeof(line), &catcher.fault);
	KT_ASSERT(strstr(line, "data abort: translation fault (section) on write at 0x00001000") ==
		  line);
}

KTEST(exceptions, prefetch_abort)
{
	struct fault_catcher catcher;
	void (*nowhere)(void) = (void (*)(void))0x00002000;

	if (fault_catch(&catcher, FAULT_PREFETCH_ABORT) == 0) {
		nowhere();
		fault_catch_cancel();
		KT_FAIL("a jump to 0x00002000 did not fault");
	}
	KT_ASSERT_EQ(FAULT_PREFETCH_ABORT, catcher.fault.kind);
	KT_ASSERT_EQ(0x00002000, catcher.fault.pc);
	KT_ASSERT_EQ(0x00002000, catcher.fault.address);
	KT_ASSERT_EQ(FAULT_CLASS_TRANSLATION, fault_status_decode(catcher.fault.status)->class);
}

/* A catcher for one kind does not swallow another; a cancelled one catches nothing. */
KTEST(exceptions, catcher_kinds)
{
	struct fault_catcher outer, inner;
	volatile int second_return = 0;

	if (fault_catch(&outer, FAULT_DATA_ABORT) == 0) {
		if (fault_catch(&inner, FAULT_UNDEFINED) == 0) {
			/* inner replaced outer as the armed catcher; a data abort must not go to it. */
			fault_catch_cancel();
			if (fault_catch(&outer, FAULT_DATA_ABORT | FAULT_UNDEFINED) == 0) {
				(void)*(volatile uint32_t *)0x00003000;
				fault_catch_cancel();
				KT_FAIL("read of 0x00003000 did not fault");
			}
			second_return = 1;
		} else {
			KT_FAIL("the undefined-only catcher took a fault");
		}
	} else {
		second_return = 2;
	}
	KT_ASSERT_EQ(1, second_return);
	KT_ASSERT_EQ(FAULT_DATA_ABORT, outer.fault.kind);
	KT_ASSERT_EQ(0x00003000, outer.fault.address);
}
