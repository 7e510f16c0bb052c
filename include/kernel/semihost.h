/*
 * kernel/semihost.h - asking a debugger or emulator host to end the run.
 *
 * ARM semihosting (ARM DUI 0471, "Semihosting operations"): a privileged
 * `svc 0x123456` in ARM state is caught by the host when there is one
 * (QEMU with -semihosting). On hardware, or in QEMU without -semihosting,
 * it is an ordinary SVC exception, which bramble's handler answers with
 * "no host" (exception_svc): the call returns, and the kernel goes on.
 */
#ifndef BRAMBLE_KERNEL_SEMIHOST_H
#define BRAMBLE_KERNEL_SEMIHOST_H

#include <stdint.h>

#define SEMIHOST_SVC_ARM           0x123456
#define SEMIHOST_SYS_EXIT_EXTENDED 0x20
#define SEMIHOST_APPLICATION_EXIT  0x20026     /* ADP_Stopped_ApplicationExit */
#define SEMIHOST_NO_HOST           0xFFFFFFFFU /* r0 when no host answered */

/* Ask the host to exit with status. Returns only when there is no host. */
void semihost_exit(uint32_t status);

#endif /* BRAMBLE_KERNEL_SEMIHOST_H */
