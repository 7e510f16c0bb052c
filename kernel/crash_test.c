/*
 * kernel/crash_test.c - a crash on request, to show (and test) what an
 * unexpected fault and a panic report: the decoded fault, the table walk
 * for the address, the registers, the backtrace by name, "Bail out!".
 *
 * A normal boot skips it. tests/qemu/crash.t writes a request into
 * crash_request (physical address from the symbol table) before the
 * kernel starts, and checks the report on the UART.
 */
#include "kernel/ktest.h"
#include "kernel/panic.h"
#include "kernel/sections.h"

#define CRASH_REQUEST_FAULT     0xC4A50001U     /* write to rodata: permission fault */
#define CRASH_REQUEST_PANIC     0xC4A50002U     /* panic with a value */

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

static void __attribute__((noinline)) crash_nested(uint32_t request)
{
	if (request == CRASH_REQUEST_FAULT)
		crash_write_rodata((volatile uint32_t *)__rodata_start);
	else
		panic("crash test: panic on request, value 0x%08lx", (unsigned long)request);
	__asm__ volatile("" ::: "memory"); /* keeps the calls above from being tail calls */
}

KTEST(crash, on_request)
{
	uint32_t request = crash_request[0];

	if ((request != CRASH_REQUEST_FAULT && request != CRASH_REQUEST_PANIC) ||
	    crash_request[1] != ~request)
		KT_SKIP("runs only when tests/qemu/crash.t asks");
	crash_nested(request);
	KT_FAIL("the requested crash 0x%08lx did not happen", (unsigned long)request);
}
