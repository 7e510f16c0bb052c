/*
 * kernel/signal.c - signals (kernel/signal.h).
 *
 * The frame a handler gets is Linux's rt_sigframe for ARM
 * (arch/arm/kernel/signal.c and uapi asm/sigcontext.h, asm/ucontext.h):
 * C libraries that read the ucontext find what they expect in it.
 */
#include "kernel/signal.h"

#include <stddef.h>
#include <string.h>

#include "arch/arm.h"
#include "kernel/errno.h"
#include "kernel/fpu.h"
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/thread.h"
#include "kernel/uaccess.h"
#include "layout.h"

#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define UNBLOCKABLE (SIG_BIT(SIGKILL) | SIG_BIT(SIGSTOP))
#define STOPS       (SIG_BIT(SIGSTOP) | SIG_BIT(SIGTSTP) | SIG_BIT(SIGTTIN) | SIG_BIT(SIGTTOU))
#define IGNORED_BY_DEFAULT \
	(SIG_BIT(SIGCHLD) | SIG_BIT(SIGURG) | SIG_BIT(SIGWINCH) | SIG_BIT(SIGCONT))

/* What User mode may set in the CPSR through a frame: flags, GE, IT, T, E (never the mode, A, I, F). */
#define USER_PSR_BITS 0xFE0FFE20U

#define VFP_MAGIC      0x56465001U
#define VFP_FRAME_SIZE 288

/* The user's view of the saved state, as Linux lays it out. */
struct user_sigcontext {
	uint32_t trap_no, error_code, oldmask;
	uint32_t r[11]; /* r0-r10 */
	uint32_t fp, ip, sp, lr, pc, cpsr;
	uint32_t fault_address;
};

/* struct vfp_sigframe: magic, size, struct user_vfp (264 bytes: its 8-byte alignment pads fpscr), user_vfp_exc. */
struct user_vfp_frame {
	uint32_t magic, size;
	uint64_t d[FPU_DREGS];
	uint32_t fpscr, fpscr_padding;
	uint32_t fpexc, fpinst, fpinst2;
};

struct user_ucontext {
	uint32_t flags, link;
	uint32_t stack_sp, stack_flags, stack_size;
	struct user_sigcontext mcontext;
	uint64_t sigmask;
	uint32_t sigmask_unused[30]; /* sigset_t is padded to 128 bytes here */
	union {
		struct user_vfp_frame vfp;
		uint32_t words[128];
	} regspace __attribute__((aligned(8)));
};

struct user_siginfo {
	int32_t signo, error, code;
	union {
		struct {
			int32_t pid;
			uint32_t uid;
		} kill;
		struct {
			int32_t pid;
			uint32_t uid;
			int32_t status;
		} child;
		uint32_t address;
		uint32_t padding[29];
	} fields;
};

/* A handler without SA_SIGINFO gets this (returning through sigreturn); with it, rt_sigframe. */
struct sigframe {
	struct user_ucontext uc;
	uint32_t retcode[4];
};

struct rt_sigframe {
	struct user_siginfo info;
	struct user_ucontext uc;
	uint32_t retcode[4];
};

_Static_assert(sizeof(struct user_sigcontext) == 84, "sigcontext");
_Static_assert(offsetof(struct user_ucontext, sigmask) == 104, "ucontext");
_Static_assert(offsetof(struct user_ucontext, regspace) == 232, "ucontext");
_Static_assert(sizeof(struct user_vfp_frame) == VFP_FRAME_SIZE, "vfp frame");
_Static_assert(offsetof(struct user_vfp_frame, fpexc) == 272, "vfp frame: user_vfp_exc");
_Static_assert(sizeof(struct user_siginfo) == 128, "siginfo");
_Static_assert(offsetof(struct rt_sigframe, uc) == 128, "rt_sigframe");

static uint32_t handled;

uint32_t signal_handled(void)
{
	return handled;
}

void signal_init(struct signal_state *state)
{
	memset(state, 0, sizeof(*state));
}

void signal_exec(struct signal_state *state)
{
	for (int i = 0; i < NSIG; i++) {
		struct signal_action *action = &state->actions[i];

		if (action->handler != SIG_IGN)
			*action = (struct signal_action){ 0 };
	}
}

static bool valid(uint32_t sig)
{
	return sig >= 1 && sig <= NSIG;
}

static bool wants_stop_notice(const struct process *parent)
{
	return !(parent->sig.actions[SIGCHLD - 1].flags & SA_NOCLDSTOP);
}

static void send(struct process *p, int sig, const struct signal_info *info)
{
	uint32_t cpsr;

	if (!valid((uint32_t)sig) || p->state != PROCESS_RUNNING)
		return;
	if (sig == SIGKILL) {
		(void)process_kill(p->pid, SIGKILL);
		return;
	}
	cpsr = irq_save();
	if (sig == SIGCONT) {
		p->sig.pending &= ~STOPS;
		signal_update(&p->sig);
		if (p->stopped) {
			p->stopped = false;
			p->continue_reported = false;
			thread_wake_all(&p->continued);
			if (p->parent) {
				thread_wake_all(&p->parent->child_exited);
				if (wants_stop_notice(p->parent))
					send(p->parent, SIGCHLD,
					     &(struct signal_info){ CLD_CONTINUED, p->pid,
								    SIGCONT });
			}
		}
	} else if (SIG_BIT(sig) & STOPS) {
		p->sig.pending &= ~SIG_BIT(SIGCONT);
		signal_update(&p->sig);
	}
	/* Ignored and not blocked: nothing to do, now or later (a stopped process's SIGCONT is done). */
	if (!(p->sig.blocked & SIG_BIT(sig))) {
		uint32_t handler = p->sig.actions[sig - 1].handler;

		if (handler == SIG_IGN ||
		    (handler == SIG_DFL && (SIG_BIT(sig) & IGNORED_BY_DEFAULT))) {
			irq_restore(cpsr);
			return;
		}
	}
	p->sig.pending |= SIG_BIT(sig);
	signal_update(&p->sig);
	p->sig.info[sig - 1] = *info;
	/* A wait or a sleep of the process's is cut short (thread_interrupt takes either). */
	if (!(p->sig.blocked & SIG_BIT(sig)) && p->thread && p->thread->state == THREAD_BLOCKED)
		thread_interrupt(p->thread);
	irq_restore(cpsr);
}

void signal_send(struct process *p, int sig)
{
	const struct process *self = process_current();

	send(p, sig, &(struct signal_info){ self ? SI_USER : SI_KERNEL, self ? self->pid : 0, 0 });
}

void signal_send_kernel(struct process *p, int sig)
{
	send(p, sig, &(struct signal_info){ SI_KERNEL, 0, 0 });
}

void signal_send_info(struct process *p, int sig, const struct signal_info *info)
{
	send(p, sig, info);
}

void signal_send_current(int sig)
{
	signal_send(process_current(), sig);
}

unsigned signal_send_group(int pgid, int sig, bool from_kernel)
{
	const struct process *self = process_current();
	unsigned n = 0;

	for (struct process *p = process_first(); p; p = p->next) {
		if (p->pgid != pgid || p->state != PROCESS_RUNNING)
			continue;
		if (from_kernel || !self)
			send(p, sig, &(struct signal_info){ SI_KERNEL, 0, 0 });
		else
			send(p, sig, &(struct signal_info){ SI_USER, self->pid, 0 });
		n++;
	}
	return n;
}

static uint64_t deliverable(const struct process *p)
{
	return p->sig.pending & ~p->sig.blocked;
}

bool signal_pending_current(void)
{
	struct process *p = process_current();

	return p && (deliverable(p) || p->kill_pending);
}

bool signal_wait(struct waitq *q)
{
	return signal_wait_locked(q, NULL);
}

bool signal_wait_locked(struct waitq *q, struct spinlock *lock)
{
	if (signal_pending_current())
		return false;
	return thread_wait_locked(q, lock);
}

/* Stopped by sig until SIGCONT (or a kill). The parent hears of it. */
static void stop(struct process *p, int sig)
{
	uint32_t cpsr = irq_save();

	p->stopped = true;
	p->stop_signal = sig;
	p->stop_reported = false;
	if (p->parent) {
		thread_wake_all(&p->parent->child_exited);
		if (wants_stop_notice(p->parent))
			send(p->parent, SIGCHLD,
			     &(struct signal_info){ CLD_STOPPED, p->pid, (uint32_t)sig });
	}
	while (p->stopped && !p->kill_pending)
		(void)thread_wait(&p->continued);
	irq_restore(cpsr);
}

/* A call cut short by a signal: -ERESTARTSYS (runs again with SA_RESTART), -ERESTARTNOHAND (only when no handler runs). */
static bool restartable(const struct exception_frame *frame)
{
	int32_t r = (int32_t)frame->r[0];

	return r == -ERESTARTSYS || r == -ERESTARTNOHAND;
}

/* The call runs again: its first argument back in r0, pc back on its svc (2 bytes in Thumb). */
static void restart(struct exception_frame *frame, uint32_t r0)
{
	frame->r[0] = r0;
	frame->pc -= frame->cpsr & PSR_T ? 2 : 4;
}

static int lowest(uint64_t set)
{
	return __builtin_ctzll(set) + 1;
}

/* The ucontext of a frame: the interrupted registers, the mask to restore, the FPU's registers. */
static void fill_ucontext(struct user_ucontext *uc, const struct exception_frame *frame,
			  uint64_t mask)
{
	struct thread *thread = current_thread();

	uc->mcontext.oldmask = (uint32_t)mask;
	memcpy(uc->mcontext.r, frame->r, sizeof(uc->mcontext.r));
	uc->mcontext.fp = frame->r[11];
	uc->mcontext.ip = frame->r[12];
	uc->mcontext.sp = frame->sp;
	uc->mcontext.lr = frame->lr;
	uc->mcontext.pc = frame->pc;
	uc->mcontext.cpsr = frame->cpsr;
	uc->sigmask = mask;
	/*
	 * The FPU's registers, always (as Linux writes them): a thread that has
	 * not used the unit yet records its zeroed state, so that a handler
	 * that takes the unit up leaves nothing of its own behind.
	 */
	if (thread->fpu_used) {
		fpu_save_current();
		memcpy(uc->regspace.vfp.d, thread->fpu.d, sizeof(uc->regspace.vfp.d));
		uc->regspace.vfp.fpscr = thread->fpu.fpscr;
	}
	uc->regspace.vfp.magic = VFP_MAGIC;
	uc->regspace.vfp.size = VFP_FRAME_SIZE;
	uc->regspace.vfp.fpexc = 1U << 30;
}

/*
 * The handler's frame, on the user stack below sp, as Linux's ARM kernel
 * builds it: an rt_sigframe for an SA_SIGINFO handler (r1 = &info, r2 =
 * &uc), else a sigframe (r0 alone). false if it cannot be written.
 */
static bool push_frame(struct exception_frame *frame, int sig, const struct signal_action *action,
		       uint64_t mask)
{
	union {
		struct sigframe plain;
		struct rt_sigframe rt;
	} f; /* (888 bytes of the 8 KiB kernel stack) */
	bool rt = action->flags & SA_SIGINFO;
	uint32_t size = rt ? sizeof(f.rt) : sizeof(f.plain);
	uint32_t at = (frame->sp - size) & ~7U;

	memset(&f, 0, sizeof(f));
	if (rt) {
		const struct signal_info *info = &process_current()->sig.info[sig - 1];

		f.rt.info.signo = sig;
		f.rt.info.code = info->code;
		if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL) {
			f.rt.info.fields.address = info->value;
		} else {
			f.rt.info.fields.child.pid = info->pid;
			if (sig == SIGCHLD)
				f.rt.info.fields.child.status = (int32_t)info->value;
		}
		fill_ucontext(&f.rt.uc, frame, mask);
	} else {
		fill_ucontext(&f.plain.uc, frame, mask);
	}
	if (at >= frame->sp || copy_to_user((void *)at, &f, size))
		return false;
	frame->r[0] = (uint32_t)sig;
	frame->r[1] = rt ? at + offsetof(struct rt_sigframe, info) : 0;
	frame->r[2] = rt ? at + offsetof(struct rt_sigframe, uc) : 0;
	frame->sp = at;
	frame->lr = action->flags & SA_RESTORER ? action->restorer
		    : rt                        ? USER_SIGPAGE + SIGPAGE_RT_SIGRETURN
						: USER_SIGPAGE + SIGPAGE_SIGRETURN;
	frame->pc = action->handler & ~1U;
	/* The handler's instruction set is its address's bit 0; it starts outside any IT block. */
	frame->cpsr = (frame->cpsr & ~(PSR_T | 0x0600FC00U)) | (action->handler & 1 ? PSR_T : 0);
	return true;
}

void signal_deliver(struct exception_frame *frame, bool syscall, uint32_t r0)
{
	struct process *p = process_current();
	/* The mask the handler's return restores: rt_sigsuspend's caller's, else the one in force. */
	uint64_t mask = p->restore_blocked ? p->saved_blocked : p->sig.blocked;

	p->restore_blocked = false;
	for (;;) {
		uint64_t ready = deliverable(p);
		struct signal_action *action;
		int sig;

		if (p->kill_pending)
			process_exit(p->kill_signal);
		if (!ready)
			break;
		sig = lowest(ready);
		p->sig.pending &= ~SIG_BIT(sig);
		signal_update(&p->sig);
		action = &p->sig.actions[sig - 1];
		if (action->handler == SIG_IGN)
			continue;
		if (action->handler == SIG_DFL) {
			if (SIG_BIT(sig) & IGNORED_BY_DEFAULT)
				continue;
			if (SIG_BIT(sig) & STOPS) {
				stop(p, sig);
				continue;
			}
			process_exit(sig);
		}
		if (syscall && restartable(frame)) {
			if ((int32_t)frame->r[0] == -ERESTARTSYS && (action->flags & SA_RESTART))
				restart(frame, r0);
			else
				frame->r[0] = (uint32_t)-EINTR;
			syscall = false;
		}
		if (!push_frame(frame, sig, action, mask)) {
			kprintf("process %d (%s): no room on its stack for signal %d's frame (sp "
				"0x%08lx): killed by SIGSEGV\n",
				p->pid, p->name, sig, (unsigned long)frame->sp);
			process_exit(SIGSEGV);
		}
		p->sig.blocked |= action->mask | (action->flags & SA_NODEFER ? 0 : SIG_BIT(sig));
		p->sig.blocked &= ~UNBLOCKABLE;
		signal_update(&p->sig);
		if (action->flags & SA_RESETHAND)
			*action = (struct signal_action){ 0 };
		handled++;
		return; /* one handler at a time: the next on the way back from it */
	}
	p->sig.blocked = mask;
	signal_update(&p->sig);
	/* No handler took the call's interruption: it runs again. */
	if (syscall && restartable(frame))
		restart(frame, r0);
}

/* struct sigaction as the rt calls pass it on ARM. */
struct user_sigaction {
	uint32_t handler, flags, restorer;
	uint64_t mask;
} __attribute__((packed, aligned(4)));

/*
 * The new action (or mask) is read in whole before the old one is written
 * out, as Linux does: old and new may be the same buffer. The change is
 * made with IRQs masked: the terminal's interrupt sends signals too.
 */
int32_t signal_sys_rt_sigaction(uint32_t sig, uint32_t act, uint32_t old, uint32_t size)
{
	struct process *p = process_current();
	struct signal_action *action, was;
	struct user_sigaction u;
	uint32_t cpsr;

	if (size != 8)
		return -EINVAL;
	if (!valid(sig))
		return -EINVAL;
	action = &p->sig.actions[sig - 1];
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (act && copy_from_user(&u, (const void *)act, sizeof(u)))
		return -EFAULT;
	was = *action;
	if (act) {
		cpsr = irq_save();
		*action = (struct signal_action){ u.handler, u.flags, u.restorer,
						  u.mask & ~UNBLOCKABLE };
		/* Ignoring a pending signal discards it (POSIX). */
		if (u.handler == SIG_IGN ||
		    (u.handler == SIG_DFL && (SIG_BIT(sig) & IGNORED_BY_DEFAULT)))
			p->sig.pending &= ~SIG_BIT(sig);
		signal_update(&p->sig);
		irq_restore(cpsr);
	}
	if (old) {
		u = (struct user_sigaction){ was.handler, was.flags, was.restorer, was.mask };
		if (copy_to_user((void *)old, &u, sizeof(u)))
			return -EFAULT;
	}
	return 0;
}

int32_t signal_sys_rt_sigprocmask(uint32_t how, uint32_t set, uint32_t old, uint32_t size)
{
	struct process *p = process_current();
	uint64_t mask = 0, was = p->sig.blocked;
	uint32_t cpsr;

	if (size != 8)
		return -EINVAL;
	if (set && copy_from_user(&mask, (const void *)set, 8))
		return -EFAULT;
	if (set && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
		return -EINVAL;
	if (set) {
		cpsr = irq_save();
		if (how == SIG_BLOCK)
			p->sig.blocked |= mask;
		else if (how == SIG_UNBLOCK)
			p->sig.blocked &= ~mask;
		else
			p->sig.blocked = mask;
		p->sig.blocked &= ~UNBLOCKABLE;
		signal_update(&p->sig);
		irq_restore(cpsr);
	}
	if (old && copy_to_user((void *)old, &was, 8))
		return -EFAULT;
	return 0;
}

int32_t signal_sys_rt_sigpending(uint32_t set, uint32_t size)
{
	struct process *p = process_current();
	uint64_t pending = p->sig.pending & p->sig.blocked;

	if (size != 8)
		return -EINVAL;
	return copy_to_user((void *)set, &pending, 8) ? -EFAULT : 0;
}

/* Wait with the mask set until a signal is taken; the old mask comes back with the handler's return. */
int32_t signal_sys_rt_sigsuspend(uint32_t set, uint32_t size)
{
	struct process *p = process_current();
	struct waitq never = { 0 };
	uint64_t mask, saved = p->sig.blocked;
	uint32_t cpsr;

	if (size != 8)
		return -EINVAL;
	if (copy_from_user(&mask, (const void *)set, 8))
		return -EFAULT;
	cpsr = irq_save();
	p->sig.blocked = mask & ~UNBLOCKABLE;
	signal_update(&p->sig);
	while (signal_wait(&never))
		;
	/* The handler's frame records the mask it interrupted: the caller's, as POSIX wants. */
	p->saved_blocked = saved;
	p->restore_blocked = true;
	irq_restore(cpsr);
	/* -EINTR once a handler runs; a stop and SIGCONT, or an ignored signal, wait on. */
	return -ERESTARTNOHAND;
}

/* Back from a handler: the ucontext at uc_at (on the user stack) puts everything back. */
static int32_t restore(struct exception_frame *frame, uint32_t uc_at)
{
	struct process *p = process_current();
	struct thread *thread = current_thread();
	struct user_ucontext uc;
	const struct user_sigcontext *m = &uc.mcontext;
	uint32_t cpsr;

	if ((frame->sp & 7) || copy_from_user(&uc, (const void *)uc_at, sizeof(uc))) {
		kprintf("process %d (%s): sigreturn with no signal frame at sp 0x%08lx: killed "
			"by SIGSEGV\n",
			p->pid, p->name, (unsigned long)frame->sp);
		process_exit(SIGSEGV);
	}
	memcpy(frame->r, m->r, sizeof(m->r));
	frame->r[11] = m->fp;
	frame->r[12] = m->ip;
	frame->sp = m->sp;
	frame->lr = m->lr;
	frame->pc = m->pc;
	frame->cpsr = (m->cpsr & USER_PSR_BITS) | MODE_USR;
	cpsr = irq_save();
	p->sig.blocked = uc.sigmask & ~UNBLOCKABLE;
	signal_update(&p->sig);
	irq_restore(cpsr);
	if (thread->fpu_used && uc.regspace.vfp.magic == VFP_MAGIC &&
	    uc.regspace.vfp.size == VFP_FRAME_SIZE) {
		memcpy(thread->fpu.d, uc.regspace.vfp.d, sizeof(thread->fpu.d));
		thread->fpu.fpscr = uc.regspace.vfp.fpscr;
		fpu_load_current();
	}
	return (int32_t)frame->r[0];
}

int32_t signal_sys_rt_sigreturn(struct exception_frame *frame)
{
	return restore(frame, frame->sp + offsetof(struct rt_sigframe, uc));
}

int32_t signal_sys_sigreturn(struct exception_frame *frame)
{
	return restore(frame, frame->sp + offsetof(struct sigframe, uc));
}
