/*
 * tests/host/test_lockdep.c - the lock-order rule (kernel/lockdep.h): a
 * lock may be taken only while every lock held ranks lower; a conflict
 * names the first held class that does not.
 */
#include <stddef.h>

#include "kernel/lockdep.h"
#include "tap.h"

static const struct lock_class pmm = { 10, "pmm" }, heap = { 20, "heap" },
			       process = { 30, "process" }, tty = { 40, "tty" },
			       heap_again = { 20, "another heap-ranked lock" };

int main(void)
{
	const struct lock_class *held[4] = { NULL };

	tap_plan(7);
	TAP_OK(lockdep_check(held, 0, &heap) == NULL, "nothing held: any lock may be taken");
	held[0] = &pmm;
	TAP_OK(lockdep_check(held, 1, &heap) == NULL, "a higher rank after a lower one");
	held[1] = &heap;
	held[2] = &process;
	TAP_OK(lockdep_check(held, 3, &tty) == NULL, "a chain of rising ranks");
	TAP_OK(lockdep_check(held, 3, &pmm) == &pmm, "a lower rank than one held: that one named");
	TAP_OK(lockdep_check(held, 3, &heap_again) == &heap,
	       "the same rank as one held is out of order too (two such locks could cross)");
	TAP_OK(lockdep_check(held, 2, &heap) == &heap, "a lock's own class while holding it");
	held[0] = &tty;
	TAP_OK(lockdep_check(held, 1, &process) == &tty, "after a release, the rule is the same");
	return tap_done();
}
