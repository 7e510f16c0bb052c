/*
 * kernel/fatal.h - stopping the kernel for good.
 *
 * Every fatal path (panic(), an unexpected fault) ends in fatal_stop():
 *   1. the fatal hook, once, if one is set: whoever needs to know that the
 *      kernel stops registers it (the self-test runner ends its TAP stream
 *      with "Bail out!"), so that the fatal paths never reach into them;
 *   2. halt().
 * halt() masks IRQ, FIQ and asynchronous aborts, asks a semihosting host
 * to exit with status 1, and where there is none (a board, QEMU without
 * -semihosting) prints "bramble: halted" and stops the core in wfi for
 * good: one report, then a quiet core.
 *
 * The semihosting call is an SVC, which the core takes on SP_svc. After
 * the SVC stack ran into its guard page, that sp is the one that faulted:
 * so halt() first points SP_svc at the top of this core's SVC stack (it is
 * never returned to), and the SVC cannot fault again (ARM ARM B1.8.3: the
 * exception pushes on the stack of the mode it is taken to).
 */
#ifndef BRAMBLE_KERNEL_FATAL_H
#define BRAMBLE_KERNEL_FATAL_H

#include <stdbool.h>

typedef void (*fatal_hook_fn)(const char *reason);

/* The one hook fatal_stop() calls first (NULL: none). */
void fatal_set_hook(fatal_hook_fn hook);

/*
 * Stop: the hook with reason, then halt(). A second fatal_stop() while the
 * first is under way (a fault in a report) says so in one line and halts.
 */
void fatal_stop(const char *reason) __attribute__((noreturn));

/* Whether a fatal stop is under way on this core. */
bool fatal_stopping(void);

/* Stop for good: exit status 1 to a host if there is one, else idle in wfi. */
void halt(void) __attribute__((noreturn));

#endif /* BRAMBLE_KERNEL_FATAL_H */
