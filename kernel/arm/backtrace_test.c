/*
 * kernel/arm/backtrace_test.c - self-tests of the symbol table and the backtrace walker.
 */
#include <stdio.h>
#include <string.h>

#include "kernel/backtrace.h"
#include "kernel/exception.h"
#include "kernel/ksyms.h"
#include "kernel/ktest.h"
#include "kernel/sections.h"
#include "layout.h"

struct boot_info;
void kmain(struct boot_info *info);

/* The name of the function a return address returns into (its call is before it). */
static const char *caller_name(uintptr_t return_address)
{
	return ksyms_lookup(return_address - 1, NULL);
}

/* Where the ARM BL at address goes (ARM ARM, "BL": imm24 words from its address + 8), or 0. */
static uintptr_t branch_target(uintptr_t address)
{
	uint32_t insn = *(const uint32_t *)address;
	int32_t words = (int32_t)(insn << 8) >> 8;

	if ((insn & 0xFF000000U) != 0xEB000000U) /* BL, condition AL */
		return 0;
	return address + 8 + (uintptr_t)(words * 4);
}

KTEST(ksyms, lookup_known_functions)
{
	uintptr_t offset = 0xBAD;

	KT_ASSERT_STREQ("kmain", ksyms_lookup((uintptr_t)kmain, &offset));
	KT_ASSERT_EQ(0, offset);
	KT_ASSERT_STREQ("ksyms_lookup", ksyms_lookup((uintptr_t)ksyms_lookup + 0x1c, &offset));
	KT_ASSERT_EQ(0x1c, offset);
	/* A static function, and one the offset may be left out for. */
	KT_ASSERT_STREQ("caller_name", ksyms_lookup((uintptr_t)caller_name + 4, NULL));
}

KTEST(ksyms, lookup_outside_text)
{
	uintptr_t offset = 0xBAD;
	static const char rodata_string[] = "not code";

	KT_ASSERT(ksyms_lookup(0, &offset) == NULL);
	KT_ASSERT(ksyms_lookup((uintptr_t)__text_start - 4, &offset) == NULL);
	KT_ASSERT(ksyms_lookup((uintptr_t)__text_end, &offset) == NULL);
	KT_ASSERT(ksyms_lookup((uintptr_t)rodata_string, &offset) == NULL);
	KT_ASSERT(ksyms_lookup((uintptr_t)&offset, &offset) == NULL); /* the stack */
	KT_ASSERT_EQ(0xBAD, offset);
	/* The text's last word still belongs to its last symbol. */
	KT_ASSERT(ksyms_lookup((uintptr_t)__text_end - 4, &offset) != NULL);
}

/*
 * The table: a plausible size (more than the kernel's own files have
 * functions, fewer than the text has words), sorted, inside the text, and
 * each entry found by a lookup of its own address and of its last byte.
 */
KTEST(ksyms, table_sorted_and_complete)
{
	unsigned count = ksyms_count();
	uintptr_t text_words = ((uintptr_t)__text_end - (uintptr_t)__text_start) / 4;

	KT_ASSERT(count > 100);
	KT_ASSERT(count < text_words);
	KT_ASSERT_EQ((uintptr_t)__text_start, ksyms_address(0));
	KT_ASSERT(ksyms_address(count - 1) < (uintptr_t)__text_end);
	for (unsigned i = 0; i < count; i++) {
		uintptr_t address = ksyms_address(i), offset = 0xBAD;
		uintptr_t last =
			i + 1 < count ? ksyms_address(i + 1) - 1 : (uintptr_t)__text_end - 1;
		const char *name = ksyms_name(i);

		if (i > 0 && address <= ksyms_address(i - 1))
			KT_FAIL("entry %u at 0x%08lx is not above entry %u at 0x%08lx", i,
				(unsigned long)address, i - 1, (unsigned long)ksyms_address(i - 1));
		if (!name || name[0] == '\0' || name[0] == '$' || name[0] == '.')
			KT_FAIL("entry %u at 0x%08lx has no proper name", i,
				(unsigned long)address);
		KT_ASSERT(ksyms_lookup(address, &offset) == name);
		KT_ASSERT_EQ(0, offset);
		KT_ASSERT(ksyms_lookup(last, &offset) == name);
		KT_ASSERT_EQ(last - address, offset);
	}
	KT_ASSERT(ksyms_name(count) == NULL);
}

/*
 * A known chain: the test calls backtrace_chain_a, which calls _b, which
 * calls _c, which collects. None of them may be inlined, cloned or end in a
 * tail call (the barrier after each call), or the chain would be shorter.
 */
#define CHAIN_NOT_A_TAIL_CALL() __asm__ volatile("" ::: "memory")

static __attribute__((noinline, noclone)) unsigned backtrace_chain_c(uintptr_t *pcs, unsigned max,
								     struct backtrace_end *end)
{
	unsigned count = backtrace_collect_here(NULL, pcs, max, end);

	CHAIN_NOT_A_TAIL_CALL();
	return count;
}

static __attribute__((noinline, noclone)) unsigned backtrace_chain_b(uintptr_t *pcs, unsigned max,
								     struct backtrace_end *end)
{
	unsigned count = backtrace_chain_c(pcs, max, end);

	CHAIN_NOT_A_TAIL_CALL();
	return count;
}

static __attribute__((noinline, noclone)) unsigned backtrace_chain_a(uintptr_t *pcs, unsigned max,
								     struct backtrace_end *end)
{
	unsigned count = backtrace_chain_b(pcs, max, end);

	CHAIN_NOT_A_TAIL_CALL();
	return count;
}

/* The whole way down: the chain, this test, the runner, kmain, the boot stub, fp = 0. */
KTEST(backtrace, known_chain)
{
	uintptr_t pcs[BACKTRACE_MAX_FRAMES];
	struct backtrace_end end;
	unsigned count = backtrace_chain_a(pcs, BACKTRACE_MAX_FRAMES, &end);

	KT_ASSERT_EQ(BACKTRACE_STOP_END, end.stop);
	KT_ASSERT(count >= 7);
	KT_ASSERT_STREQ("backtrace_chain_c", caller_name(pcs[0]));
	KT_ASSERT_STREQ("backtrace_chain_b", caller_name(pcs[1]));
	KT_ASSERT_STREQ("backtrace_chain_a", caller_name(pcs[2]));
	KT_ASSERT_STREQ("ktest_backtrace_known_chain", caller_name(pcs[3]));
	KT_ASSERT_STREQ("ktest_run_matching", caller_name(pcs[4]));
	KT_ASSERT_STREQ("kmain", caller_name(pcs[count - 2]));
	/* The outermost: the boot stub's "bl kmain" (start.S), just before that return address. */
	KT_ASSERT_EQ((uintptr_t)kmain, branch_target(pcs[count - 1] - 4));
	/* The stack walked is core 0's SVC stack, and it holds this test's locals. */
	KT_ASSERT_EQ((uintptr_t)__stacks_start + STACK_TOP_SVC, end.stack.high);
	KT_ASSERT((uintptr_t)&end >= end.stack.low && (uintptr_t)&end < end.stack.high);
}

KTEST(backtrace, depth_limit)
{
	uintptr_t pcs[2] = { 0, 0 };
	struct backtrace_end end;
	unsigned count = backtrace_chain_a(pcs, 2, &end);

	KT_ASSERT_EQ(2, count);
	KT_ASSERT_EQ(BACKTRACE_STOP_FULL, end.stop);
	KT_ASSERT_STREQ("backtrace_chain_b", caller_name(pcs[1]));
}

KTEST(backtrace, kernel_stacks)
{
	struct backtrace_stack stack;
	uintptr_t core1 = (uintptr_t)__stacks_start + CORE_STACKS_SIZE;

	KT_ASSERT(backtrace_kernel_stack((uintptr_t)&stack, &stack));
	KT_ASSERT_EQ((uintptr_t)__stacks_start + STACK_GUARD_SIZE, stack.low);
	KT_ASSERT(backtrace_kernel_stack(core1 + STACK_TOP_ABT - 4, &stack));
	KT_ASSERT_EQ(core1 + STACK_TOP_ABT - STACK_SIZE_EXCEPTION, stack.low);
	KT_ASSERT_EQ(core1 + STACK_TOP_ABT, stack.high);
	KT_ASSERT(!backtrace_kernel_stack(core1 + STACK_TOP_SVC, &stack)); /* a guard page */
	KT_ASSERT(!backtrace_kernel_stack(core1, &stack));
	KT_ASSERT(!backtrace_kernel_stack((uintptr_t)__stacks_end, &stack));
	KT_ASSERT(!backtrace_kernel_stack((uintptr_t)__text_start, &stack));
}

/*
 * Functions with GCC's prologues, to start walks in: one that has not set up
 * a record (its caller is in lr), a leaf (push {fp}, fp -> the caller's fp)
 * and one with a full record (push {fp, lr}, fp -> lr), each with its
 * prologue done at +8; and a caller of all three, whose return addresses
 * (+12, +16, +20) the hand-made stacks below use. Never run: the tests only
 * point pc and the stacks at them.
 */
void backtrace_test_no_record(void);
void backtrace_test_leaf(void);
void backtrace_test_record(void);
void backtrace_test_caller(void);
__asm__(".text\n"
	".arm\n"
	".type backtrace_test_no_record, %function\n"
	"backtrace_test_no_record:\n"
	"	nop\n"
	"	nop\n"
	"	bx lr\n"
	".type backtrace_test_leaf, %function\n"
	"backtrace_test_leaf:\n"
	"	push {fp}\n"
	"	add fp, sp, #0\n"
	"	nop\n"
	"	add sp, fp, #0\n"
	"	pop {fp}\n"
	"	bx lr\n"
	".type backtrace_test_record, %function\n"
	"backtrace_test_record:\n"
	"	push {fp, lr}\n"
	"	add fp, sp, #4\n"
	"	nop\n"
	"	pop {fp, pc}\n"
	".type backtrace_test_caller, %function\n"
	"backtrace_test_caller:\n"
	"	push {fp, lr}\n"
	"	add fp, sp, #4\n"
	"	bl backtrace_test_record\n"
	"	bl backtrace_test_leaf\n"
	"	bl backtrace_test_no_record\n"
	"	pop {fp, pc}\n");

#define RETURN_FROM_RECORD    ((uintptr_t)backtrace_test_caller + 12)
#define RETURN_FROM_LEAF      ((uintptr_t)backtrace_test_caller + 16)
#define RETURN_FROM_NO_RECORD ((uintptr_t)backtrace_test_caller + 20)

/*
 * A stack made by hand, [low, high) = the array, holding a leaf's record at
 * word 5 and two full records at words 11 and 21:
 *
 *   word  5: the leaf's caller's fp = &words[11]
 *   word 10: caller's fp = &words[21]   word 11: return address OUTER_RETURN
 *   word 20: caller's fp = 0 (the end)  word 21: return address OUTERMOST_RETURN
 *
 * lr is LR_RETURN unless a test says otherwise.
 */
#define FAKE_WORDS       32
#define LR_RETURN        RETURN_FROM_RECORD
#define OUTER_RETURN     RETURN_FROM_LEAF
#define OUTERMOST_RETURN RETURN_FROM_NO_RECORD

struct fake_stack {
	uint32_t words[FAKE_WORDS];
};

static void fake_stack_init(struct fake_stack *fake)
{
	memset(fake, 0, sizeof(*fake));
	fake->words[5] = (uintptr_t)&fake->words[11];
	fake->words[10] = (uintptr_t)&fake->words[21];
	fake->words[11] = OUTER_RETURN;
	fake->words[20] = 0;
	fake->words[21] = OUTERMOST_RETURN;
}

static struct backtrace_start fake_start(struct fake_stack *fake, uintptr_t pc, uintptr_t fp)
{
	struct backtrace_start start = {
		.pc = pc,
		.lr = LR_RETURN,
		.fp = fp,
		.sp = (uintptr_t)&fake->words[0],
		.stack = { (uintptr_t)&fake->words[0], (uintptr_t)&fake->words[FAKE_WORDS] },
	};

	return start;
}

/*
 * backtrace_collect() with a fault catcher armed: a walk that faults comes
 * back as count WALK_FAULTED and the faulting address in end->value, so
 * that the test fails instead of the kernel stopping.
 */
#define WALK_FAULTED (~0U)

static unsigned guarded_collect(const struct backtrace_start *start, uintptr_t *pcs, unsigned max,
				struct backtrace_end *end)
{
	struct fault_catcher catcher;

	if (fault_catch(&catcher, FAULT_DATA_ABORT | FAULT_PREFETCH_ABORT | FAULT_UNDEFINED) == 0) {
		unsigned count = backtrace_collect(start, pcs, max, end);

		fault_catch_cancel();
		return count;
	}
	end->value = catcher.fault.address;
	return WALK_FAULTED;
}

/* The walk from start must give exactly pc, then the given return addresses, and reach the end. */
#define KT_ASSERT_WALK(start, ...)                                              \
	do {                                                                    \
		const uintptr_t expected_[] = { (start)->pc, __VA_ARGS__ };     \
		unsigned count_ = sizeof(expected_) / sizeof(expected_[0]);     \
		uintptr_t pcs_[8];                                              \
		struct backtrace_end end_;                                      \
                                                                                \
		KT_ASSERT_EQ(count_, guarded_collect((start), pcs_, 8, &end_)); \
		KT_ASSERT_EQ(BACKTRACE_STOP_END, end_.stop);                    \
		for (unsigned i_ = 0; i_ < count_; i_++)                        \
			KT_ASSERT_EQ(expected_[i_], pcs_[i_]);                  \
	} while (0)

KTEST(backtrace, first_frame_shapes)
{
	struct fake_stack fake;
	struct backtrace_start start;
	uintptr_t no_record = (uintptr_t)backtrace_test_no_record;
	uintptr_t leaf = (uintptr_t)backtrace_test_leaf, record = (uintptr_t)backtrace_test_record;

	fake_stack_init(&fake);

	/* No record yet: the caller from lr, then fp is the caller's record. */
	start = fake_start(&fake, no_record, (uintptr_t)&fake.words[11]);
	KT_ASSERT_WALK(&start, LR_RETURN, OUTER_RETURN, OUTERMOST_RETURN);

	/* A leaf after its prologue: the caller from lr, its fp from the leaf's record. */
	start = fake_start(&fake, leaf + 8, (uintptr_t)&fake.words[5]);
	KT_ASSERT_WALK(&start, LR_RETURN, OUTER_RETURN, OUTERMOST_RETURN);

	/* A leaf between its push and its add: fp is still the caller's. */
	start = fake_start(&fake, leaf + 4, (uintptr_t)&fake.words[11]);
	KT_ASSERT_WALK(&start, LR_RETURN, OUTER_RETURN, OUTERMOST_RETURN);

	/* Past a leaf's prologue, but fp points at a return address: it did not run. */
	start = fake_start(&fake, leaf + 8, (uintptr_t)&fake.words[11]);
	KT_ASSERT_WALK(&start, LR_RETURN, OUTER_RETURN, OUTERMOST_RETURN);

	/* A full record: lr is stale and must not be used. */
	start = fake_start(&fake, record + 8, (uintptr_t)&fake.words[11]);
	start.lr = 0xDEAD0000;
	KT_ASSERT_WALK(&start, OUTER_RETURN, OUTERMOST_RETURN);

	/* A full record whose return address comes from a call of this very function. */
	fake.words[11] = RETURN_FROM_RECORD;
	KT_ASSERT_WALK(&start, RETURN_FROM_RECORD, OUTERMOST_RETURN);
	start.lr = RETURN_FROM_RECORD;
	KT_ASSERT_WALK(&start, RETURN_FROM_RECORD, OUTERMOST_RETURN);

	/*
	 * Past the prologue, but the record's return address comes from a call
	 * of another function, and lr's from a call of this one: the prologue
	 * did not run (shrink-wrapping), the record is the caller's.
	 */
	fake_stack_init(&fake);
	start = fake_start(&fake, record + 8, (uintptr_t)&fake.words[11]);
	KT_ASSERT_WALK(&start, LR_RETURN, OUTER_RETURN, OUTERMOST_RETURN);

	/* A jump to nowhere (a prefetch abort): pc is kept, the caller is in lr. */
	start = fake_start(&fake, 0x00002000, (uintptr_t)&fake.words[11]);
	KT_ASSERT_WALK(&start, LR_RETURN, OUTER_RETURN, OUTERMOST_RETURN);
}

/* Each kind of corruption ends the walk with its reason, after the good frames, without a fault. */
KTEST(backtrace, corrupt_frames_stop_cleanly)
{
	struct fake_stack fake;
	struct backtrace_start start;
	struct backtrace_end end;
	uintptr_t pcs[8];
	uintptr_t record = (uintptr_t)backtrace_test_record + 8;
	uintptr_t no_record = (uintptr_t)backtrace_test_no_record;

	/* fp outside the stack, at an address that is not even mapped. */
	fake_stack_init(&fake);
	start = fake_start(&fake, record, 0x00001000);
	KT_ASSERT_EQ(1, guarded_collect(&start, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_FP_OUTSIDE, end.stop);
	KT_ASSERT_EQ(0x00001000, end.value);

	/* fp at the stack's very bottom: fp - 4, the caller's fp, would be below it. */
	start = fake_start(&fake, record, (uintptr_t)&fake.words[0]);
	KT_ASSERT_EQ(1, guarded_collect(&start, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_FP_OUTSIDE, end.stop);

	/* A saved fp in the middle of the chain that points above the stack. */
	fake.words[10] = (uintptr_t)&fake.words[FAKE_WORDS];
	start = fake_start(&fake, no_record, (uintptr_t)&fake.words[11]);
	KT_ASSERT_EQ(3, guarded_collect(&start, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_FP_OUTSIDE, end.stop);
	KT_ASSERT_EQ((uintptr_t)&fake.words[FAKE_WORDS], end.value);

	/* Misaligned. */
	fake_stack_init(&fake);
	start = fake_start(&fake, record, (uintptr_t)&fake.words[11] + 2);
	KT_ASSERT_EQ(1, guarded_collect(&start, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_FP_MISALIGNED, end.stop);

	/* A record that points at itself: a loop. */
	fake.words[10] = (uintptr_t)&fake.words[11];
	start = fake_start(&fake, no_record, (uintptr_t)&fake.words[11]);
	KT_ASSERT_EQ(3, guarded_collect(&start, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_FP_NOT_ABOVE, end.stop);

	/* A record that points down the stack. */
	fake.words[10] = (uintptr_t)&fake.words[3];
	KT_ASSERT_EQ(3, guarded_collect(&start, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_FP_NOT_ABOVE, end.stop);

	/* A return address outside the text. */
	fake_stack_init(&fake);
	fake.words[21] = 0x00002000;
	KT_ASSERT_EQ(3, guarded_collect(&start, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_PC_OUTSIDE_TEXT, end.stop);
	KT_ASSERT_EQ(0x00002000, end.value);

	/* lr outside the text where the caller must come from lr. */
	fake_stack_init(&fake);
	start.lr = 0xFFFFFFF0;
	KT_ASSERT_EQ(1, guarded_collect(&start, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_PC_OUTSIDE_TEXT, end.stop);
	KT_ASSERT_EQ(0xFFFFFFF0, end.value);

	/* A leaf's fp outside the stack. */
	start = fake_start(&fake, (uintptr_t)backtrace_test_leaf + 8, 0xFFFFFFFC);
	KT_ASSERT_EQ(2, guarded_collect(&start, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_FP_OUTSIDE, end.stop);

	/* Room for two frames only. */
	start = fake_start(&fake, no_record, (uintptr_t)&fake.words[11]);
	KT_ASSERT_EQ(2, guarded_collect(&start, pcs, 2, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_FULL, end.stop);

	/* No stack given, and sp and fp on no kernel stack. */
	start = fake_start(&fake, record, 0x00001000);
	start.sp = 0x00001000;
	start.stack.high = 0;
	KT_ASSERT_EQ(1, guarded_collect(&start, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_NO_STACK, end.stop);

	/* A stack given that does not hold the walker's own frame. */
	start = fake_start(&fake, record, 0);
	KT_ASSERT_EQ(0, backtrace_collect_here(&start.stack, pcs, 8, &end));
	KT_ASSERT_EQ(BACKTRACE_STOP_FP_OUTSIDE, end.stop);
}

KTEST(backtrace, frame_lines)
{
	char line[BACKTRACE_LINE_SIZE], expected[BACKTRACE_LINE_SIZE];
	unsigned last = ksyms_count() - 1;

	backtrace_format_frame(line, sizeof(line), 0, (uintptr_t)kmain, false);
	snprintf(expected, sizeof(expected), "  #0 0x%08lx kmain+0x0", (unsigned long)kmain);
	KT_ASSERT_STREQ(expected, line);

	/* A return address at a function's start is named by the call before it. */
	backtrace_format_frame(line, sizeof(line), 3, ksyms_address(last), true);
	snprintf(expected, sizeof(expected), "  #3 0x%08lx %s+0x%lx",
		 (unsigned long)ksyms_address(last), ksyms_name(last - 1),
		 (unsigned long)(ksyms_address(last) - ksyms_address(last - 1)));
	KT_ASSERT_STREQ(expected, line);

	backtrace_format_frame(line, sizeof(line), 12, 0x00002000, false);
	KT_ASSERT_STREQ("  #12 0x00002000 ?", line);
}
