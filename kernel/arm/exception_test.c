/*
 * kernel/arm/exception_test.c - self-tests of exception handling and expected faults.
 */
#include <string.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "arch/hyp.h"
#include "drivers/bcm2836_local.h"
#include "kernel/boot_info.h"
#include "kernel/error.h"
#include "kernel/exception.h"
#include "mm/mm.h"
#include "mm/mmu.h"
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

/*
 * An asynchronous abort is taken and reported as one. QEMU raises no
 * external aborts of its own, but the Hyp stub can make a virtual one
 * pending (arch/hyp.h): it is taken as soon as CPSR.A is clear, which it
 * is once the vectors are up (boot/start.S, 10b). With CPSR.A left set it
 * would stay pending and this test would fail. Needs the kernel to have
 * been entered in HYP (the firmware's hand-off).
 */
KTEST(exceptions, async_abort_reported)
{
	struct fault_catcher catcher;
	char line[200];

	if ((boot_info.entry_cpsr & MODE_MASK) != MODE_HYP)
		KT_SKIP("no Hyp stub: the loader entered in SVC");
	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
		KT_ASSERT_EQ(0, hyp_call(HYP_CALL_VIRTUAL_ABORT));
		isb();
		for (volatile int i = 0; i < 16; i++)
			;
		fault_catch_cancel();
		hyp_call(HYP_CALL_ABORTS_TO_PL1);
		KT_FAIL("no asynchronous abort was taken (CPSR 0x%08lx)",
			(unsigned long)read_cpsr());
	}
	KT_ASSERT_EQ(0, hyp_call(HYP_CALL_ABORTS_TO_PL1));
	KT_ASSERT_EQ(FAULT_DATA_ABORT, catcher.fault.kind);
	KT_ASSERT_EQ(0x16, fault_status_code(catcher.fault.status));
	KT_ASSERT(fault_status_decode(catcher.fault.status)->async);
	KT_ASSERT_EQ(0, catcher.fault.address); /* DFAR is not read as an address */
	fault_describe(line, sizeof(line), &catcher.fault);
	KT_ASSERT(strstr(line, "data abort: asynchronous external abort, address unknown") == line);
	KT_ASSERT_EQ(-1, hyp_call(0x7FFFFFFF)); /* and the stub refuses what it does not know */
}

/*
 * An FIQ saves the interrupted code's r8-r12, not FIQ mode's own. The
 * core's mailbox 0, routed to FIQ, raises one; the helper holds known
 * values in r8-r12 while it unmasks FIQs. bramble has no FIQ handler, so
 * the FIQ is reported, the core's FIQ sources go off, and the helper goes
 * on with FIQs masked.
 */
uint32_t test_fiq_with_registers(uint32_t unused);
__asm__(".text\n"
	".arm\n"
	".type test_fiq_with_registers, %function\n"
	"test_fiq_with_registers:\n"
	"	push {r4-r11, lr}\n"
	"	ldr r8, =0x88888888\n"
	"	ldr r9, =0x99999999\n"
	"	ldr r10, =0xAAAAAAAA\n"
	"	ldr r11, =0xBBBBBBBB\n"
	"	ldr r12, =0xCCCCCCCC\n"
	"	cpsie f\n"
	"	nop\n"
	"	nop\n"
	"	nop\n"
	"	nop\n"
	"	mrs r0, cpsr\n" /* what the FIQ left: F set again */
	"	cpsid f\n"
	"	pop {r4-r11, pc}\n"
	".ltorg\n");

KTEST(exceptions, fiq_frame_and_survival)
{
	unsigned before = exception_fiq_count();
	const struct exception_frame *frame = exception_last_fiq();
	uint32_t cpsr_after, routes = local_mailbox_interrupts_read(0);

	/* Mailbox 0 to FIQ for the while; the others' routes (core 0's IPIs) come back after. */
	local_mailbox_interrupts(0, LOCAL_ROUTE_FIQ(0));
	local_mailbox_set(0, 0, 1);
	cpsr_after = test_fiq_with_registers(0);
	local_mailbox_clear(0, 0, ~0U);
	local_mailbox_interrupts(0, routes);
	KT_ASSERT_EQ(routes, local_mailbox_interrupts_read(0));
	KT_ASSERT_EQ(before + 1, exception_fiq_count());
	KT_ASSERT_EQ(0x88888888, frame->r[8]);
	KT_ASSERT_EQ(0x99999999, frame->r[9]);
	KT_ASSERT_EQ(0xAAAAAAAA, frame->r[10]);
	KT_ASSERT_EQ(0xBBBBBBBB, frame->r[11]);
	KT_ASSERT_EQ(0xCCCCCCCC, frame->r[12]);
	KT_ASSERT_EQ(MODE_SVC, frame->cpsr & MODE_MASK);
	KT_ASSERT(cpsr_after & PSR_F); /* it went on with FIQs masked */
	KT_ASSERT_EQ(0, local_mailbox_interrupts_read(0) & LOCAL_ROUTE_FIQ_ALL);
}

/*
 * Fault dispatch by the table's action column: a handler set for
 * FAULT_ACTION_MEMORY sees a translation fault first, and when it maps the
 * page and says so, the access is made again and succeeds, as demand
 * paging will do it. A fault it declines goes on to the catcher.
 */
#define DISPATCH_TEST_VA (VIRT_HEAP_BASE + 0x30000000)
static paddr_t dispatch_frame;
static unsigned dispatch_calls;

static bool map_on_fault(const struct fault_info *fault, struct exception_frame *frame)
{
	(void)frame;
	dispatch_calls++;
	if (fault->kind != FAULT_DATA_ABORT ||
	    (fault->address & ~(PAGE_SIZE - 1)) != DISPATCH_TEST_VA)
		return false;
	return mmu_map_page(&kernel_aspace, DISPATCH_TEST_VA, dispatch_frame, MEM_NORMAL,
			    MEM_READ) == 0;
}

KTEST(exceptions, memory_faults_dispatched)
{
	fault_handler_fn previous = fault_get_handler(FAULT_ACTION_MEMORY);
	struct fault_catcher catcher;
	uint32_t value;

	KT_ASSERT_EQ(0, pmm_alloc_frame(&kernel_pmm, &dispatch_frame));
	*(volatile uint32_t *)phys_to_virt(dispatch_frame) = 0xD15BA7C4;
	dispatch_calls = 0;
	KT_ASSERT_EQ(ERR_INVALID, fault_set_handler(FAULT_ACTION_REPORT, map_on_fault));
	KT_ASSERT_EQ(0, fault_set_handler(FAULT_ACTION_MEMORY, map_on_fault));
	value = *(volatile uint32_t *)DISPATCH_TEST_VA; /* faults once, then reads the frame */
	/* A fault the handler declines reaches the catcher as before. */
	if (fault_catch(&catcher, FAULT_DATA_ABORT) == 0) {
		(void)*(volatile uint32_t *)(DISPATCH_TEST_VA + SECTION_SIZE);
		fault_catch_cancel();
	}
	KT_ASSERT_EQ(0,
		     fault_set_handler(FAULT_ACTION_MEMORY, previous)); /* the page-fault handler */
	KT_ASSERT_EQ(0, mmu_unmap_page(&kernel_aspace, DISPATCH_TEST_VA));
	KT_ASSERT_EQ(0, pmm_free_frame(&kernel_pmm, dispatch_frame));
	KT_ASSERT_EQ(0xD15BA7C4, value);
	KT_ASSERT_EQ(2, dispatch_calls);
	KT_ASSERT_EQ(DISPATCH_TEST_VA + SECTION_SIZE, catcher.fault.address);
}
