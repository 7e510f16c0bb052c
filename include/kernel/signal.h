/*
 * kernel/signal.h - POSIX signals, as Linux's ARM EABI delivers them.
 *
 * Each process has an action per signal (default, ignore, or a handler
 * with its flags and mask), a set of pending signals and a set of blocked
 * ones. A signal sent is made pending; a blocked wait of the process (a
 * read, a pipe, wait4, a sleep) is cut short, and its call returns
 * -ERESTARTSYS. On the way back to user mode the lowest pending signal not
 * blocked is taken:
 *   - ignored: dropped (an interrupted call runs again);
 *   - default: terminate (most), ignore (SIGCHLD, SIGURG, SIGWINCH,
 *     SIGCONT), or stop (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) until
 *     SIGCONT; SIGKILL and SIGSTOP cannot be caught, blocked or ignored;
 *   - a handler: a frame is pushed on the user stack, as Linux's ARM
 *     kernel pushes it: a ucontext with the interrupted registers, the old
 *     mask and the FPU's registers, after a siginfo for an SA_SIGINFO
 *     handler (rt_sigframe; else a sigframe). The handler runs with r0 =
 *     the signal (and r1 = &info, r2 = &ucontext with SA_SIGINFO), lr =
 *     the action's restorer, or, without SA_RESTORER, the return code on
 *     the signal page that the kernel maps into every process
 *     (USER_SIGPAGE); its rt_sigreturn (or sigreturn) puts everything
 *     back. An interrupted call gives -EINTR to the handler's return, or
 *     runs again with SA_RESTART.
 */
#ifndef BRAMBLE_KERNEL_SIGNAL_H
#define BRAMBLE_KERNEL_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/exception.h"

#define NSIG 64 /* signals 1..64 */

#define SIGHUP   1
#define SIGINT   2
#define SIGQUIT  3
#define SIGILL   4
#define SIGTRAP  5
#define SIGABRT  6
#define SIGBUS   7
#define SIGFPE   8
#define SIGKILL  9
#define SIGUSR1  10
#define SIGSEGV  11
#define SIGUSR2  12
#define SIGPIPE  13
#define SIGALRM  14
#define SIGTERM  15
#define SIGCHLD  17
#define SIGCONT  18
#define SIGSTOP  19
#define SIGTSTP  20
#define SIGTTIN  21
#define SIGTTOU  22
#define SIGURG   23
#define SIGWINCH 28

#define SIG_DFL 0U
#define SIG_IGN 1U

#define SA_NOCLDSTOP 0x00000001U
#define SA_SIGINFO   0x00000004U
#define SA_RESTORER  0x04000000U
#define SA_ONSTACK   0x08000000U
#define SA_RESTART   0x10000000U
#define SA_NODEFER   0x40000000U
#define SA_RESETHAND 0x80000000U

/* Where on the signal page (USER_SIGPAGE) each return code is. */
#define SIGPAGE_RT_SIGRETURN 0
#define SIGPAGE_SIGRETURN    8

#define SIG_BIT(sig) (1ULL << ((sig)-1))

struct signal_action {
	uint32_t handler; /* SIG_DFL, SIG_IGN or the handler's address */
	uint32_t flags;
	uint32_t restorer;
	uint64_t mask;
};

/* What a handler's siginfo says of a signal: si_code, the sender, and si_status or si_addr. */
struct signal_info {
	int32_t code; /* SI_USER (0), SI_KERNEL, or the signal's own (CLD_EXITED, SEGV_MAPERR...) */
	int32_t pid;  /* the sender, or the child (SIGCHLD) */
	uint32_t
		value; /* SIGCHLD: the child's status or signal; SIGSEGV, SIGBUS, SIGILL: the address */
};

#define SI_USER       0
#define SI_KERNEL     0x80
#define CLD_EXITED    1
#define CLD_KILLED    2
#define CLD_STOPPED   5
#define CLD_CONTINUED 6
#define SEGV_MAPERR   1
#define SEGV_ACCERR   2
#define BUS_ADRALN    1
#define ILL_ILLOPC    1

struct signal_state {
	struct signal_action actions[NSIG];
	uint64_t pending, blocked;
	struct signal_info info[NSIG]; /* of each pending signal: what its siginfo says */
	bool ready; /* pending & ~blocked is not empty: read on every return to user */
};

/* After a change of pending or blocked: ready again as they say. */
static inline void signal_update(struct signal_state *state)
{
	state->ready = (state->pending & ~state->blocked) != 0;
}

struct process;
struct waitq;

/* A fresh process's (all default, none pending or blocked). */
void signal_init(struct signal_state *state);

/* exec: handlers go back to default (an ignored signal stays ignored); mask and pending stay. */
void signal_exec(struct signal_state *state);

/*
 * Send sig (1..NSIG) to p: it is pending, and p's wait is cut short. 0
 * does nothing. From the current process (its pid is the siginfo's
 * sender), or from the kernel itself (a fault, the terminal: sender 0).
 */
void signal_send(struct process *p, int sig);
void signal_send_kernel(struct process *p, int sig);

/* The same with what the siginfo says (a fault's code and address, a child's end). */
void signal_send_info(struct process *p, int sig, const struct signal_info *info);

/* To the current process (a write to a pipe nobody reads: SIGPIPE). */
void signal_send_current(int sig);

/* To every process of group pgid (from the kernel, or from the current process): how many got it. */
unsigned signal_send_group(int pgid, int sig, bool from_kernel);

/* Whether the current process has a signal to take (one pending and not blocked). */
bool signal_pending_current(void);

/*
 * thread_wait for a process's thread that a signal cuts short: false at
 * once when one is already pending, or when one comes. IRQs masked.
 */
bool signal_wait(struct waitq *q);

/* The same for a condition lock guards (thread_wait_locked). */
struct spinlock;
bool signal_wait_locked(struct waitq *q, struct spinlock *lock);

/*
 * On the way back to user mode with frame: take the pending signals (a
 * handler's frame, a stop, the end of the process). syscall: frame is a
 * system call's, whose result may be -ERESTARTSYS and whose first argument
 * was r0.
 */
void signal_deliver(struct exception_frame *frame, bool syscall, uint32_t r0);

/* The system calls. */
int32_t signal_sys_rt_sigaction(uint32_t sig, uint32_t act, uint32_t old, uint32_t size);
int32_t signal_sys_rt_sigprocmask(uint32_t how, uint32_t set, uint32_t old, uint32_t size);
int32_t signal_sys_rt_sigreturn(struct exception_frame *frame);
int32_t signal_sys_sigreturn(struct exception_frame *frame);
int32_t signal_sys_rt_sigpending(uint32_t set, uint32_t size);
int32_t signal_sys_rt_sigsuspend(uint32_t set, uint32_t size);

/* Signals delivered to handlers so far, for the self-tests and bench. */
uint32_t signal_handled(void);

#endif /* BRAMBLE_KERNEL_SIGNAL_H */
