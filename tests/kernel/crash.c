/*
 * tests/kernel/crash.c - a crash on request, to show (and test) what an
 * unexpected fault and a panic report: the decoded fault, the table walk
 * for the address, the registers, the backtrace by name, "Bail out!".
 * The faults asked for are a write to rodata (data abort) and a call into
 * rodata (prefetch abort), W^X refusing each, and a recursion that runs
 * core 0's SVC stack into its guard page.
 *
 * Linked only into the crash image (build/crash/kernel7.img), never into
 * kernel7.img. tests/qemu/crash.t writes a request into crash_request
 * (physical address from the symbol table) before the kernel starts, and
 * checks the report on the UART; without a request the test is skipped.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arm.h"
#include "kernel/ktest.h"
#include "kernel/panic.h"
#include "kernel/sections.h"

#define CRASH_REQUEST_FAULT    0xC4A50001U /* write to rodata: permission fault */
#define CRASH_REQUEST_PANIC    0xC4A50002U /* panic with a value */
#define CRASH_REQUEST_EXECUTE  0xC4A50003U /* call into rodata: permission fault on fetch */
#define CRASH_REQUEST_OVERFLOW 0xC4A50004U /* recurse off the bottom of the SVC stack */

/*
 * The request and its complement, in .noinit: QEMU's loader writes them
 * before the kernel runs, and neither loading the ELF nor clearing BSS
 * touches them. On a board the words hold whatever RAM held; a request
 * counts only if both words agree.
 */
volatile uint32_t crash_request[2] __attribute__((section(".noinit")));

static void __attribute__((noinline)) crash_write_rodata(volatile uint32_t *where)
{
	*where = 0x0BADC0DE;
}

/*
 * A return, in rodata (crash.t finds it by this name): should the page be
 * executable after all, the call comes back and the test fails, instead of
 * running whatever data sits there.
 */
const uint32_t crash_rodata_code[] = { INSN_BX_LR };

static void __attribute__((noinline)) crash_execute_rodata(void)
{
	((void (*)(void))crash_rodata_code)();
	__asm__ volatile("" ::: "memory"); /* not a tail call: this frame stays in the backtrace */
}

/*
 * Recurse for as long as the request stands, which is for ever: the test
 * runs on core 0's SVC stack, so the recursion ends in a data abort on the
 * guard page below it. The abort is taken on the abort stack, which is
 * untouched, so the report still prints. The base case is only there so
 * that the compiler sees one; the frame and the addition after the call
 * keep each level on the stack (no loop, no tail call).
 */
static uint32_t __attribute__((noinline)) crash_recurse(uint32_t depth)
{
	volatile uint32_t frame[16];

	frame[0] = depth;
	if (crash_request[0] != CRASH_REQUEST_OVERFLOW)
		return depth;
	return crash_recurse(depth + 1) + frame[0];
}

static void __attribute__((noinline)) crash_nested(uint32_t request)
{
	switch (request) {
	case CRASH_REQUEST_FAULT:
		crash_write_rodata((volatile uint32_t *)__rodata_start);
		break;
	case CRASH_REQUEST_EXECUTE:
		crash_execute_rodata();
		break;
	case CRASH_REQUEST_OVERFLOW:
		crash_recurse(0);
		break;
	default:
		panic("crash test: panic on request, value 0x%08lx", (unsigned long)request);
	}
	__asm__ volatile("" ::: "memory"); /* keeps the calls above from being tail calls */
}

static bool crash_request_known(uint32_t request)
{
	return request == CRASH_REQUEST_FAULT || request == CRASH_REQUEST_PANIC ||
	       request == CRASH_REQUEST_EXECUTE || request == CRASH_REQUEST_OVERFLOW;
}

KTEST(crash, on_request)
{
	uint32_t request = crash_request[0];

	if (!crash_request_known(request) || crash_request[1] != ~request)
		KT_SKIP("runs only when tests/qemu/crash.t asks");
	crash_nested(request);
	KT_FAIL("the requested crash 0x%08lx did not happen", (unsigned long)request);
}
