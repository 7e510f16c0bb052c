/*
 * kernel/thread.c - threads and the round-robin scheduler (kernel/thread.h).
 *
 * Everything here runs with IRQs masked while it touches the run queue,
 * the sleepers or a wait queue: interrupt handlers wake threads, and with
 * one core running threads that is the only concurrency. (Several cores
 * will need a lock here.)
 *
 * A thread that ends cannot free the stack it is running on: it is marked
 * DEAD and switched away from for good, and the next thread to run on
 * this core frees the stack (reap). A process's thread's trap frame sits
 * at the top of its kernel stack, so that entering the kernel from user
 * mode (boot/vectors.S: SP_svc) lands on it.
 */
#include "kernel/thread.h"

#include <string.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "kernel/exception.h"
#include "kernel/irq.h"
#include "kernel/panic.h"
#include "kernel/process.h"
#include "kernel/timer.h"
#include "mm/context.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/pmm.h"

void thread_switch(struct thread_context *from, struct thread_context *to);
void thread_start_kernel(void);
void thread_start_user(void);
void thread_entry(void (*fn)(void *), void *arg) __attribute__((noreturn));
void thread_started(void);

static struct thread boot_thread, idle;
static struct thread *run_first, *run_last;
static struct thread *sleepers;            /* by deadline, earliest first */
static struct thread *dead;                /* its stack to free */
bool sched_resched_pending, sched_started; /* read inline: include/kernel/thread.h */
static uint32_t switches;

uint32_t sched_switches(void)
{
	return switches;
}

static void enqueue(struct thread *thread)
{
	thread->state = THREAD_RUNNABLE;
	thread->next = NULL;
	if (run_last)
		run_last->next = thread;
	else
		run_first = thread;
	run_last = thread;
	if (current_thread() == &idle)
		sched_resched_pending = true;
}

static struct thread *dequeue(void)
{
	struct thread *thread = run_first;

	if (thread) {
		run_first = thread->next;
		if (!run_first)
			run_last = NULL;
		thread->next = NULL;
	}
	return thread;
}

/* A dead thread's stack, now that another thread runs. Its struct goes with its process. */
static void reap(void)
{
	struct thread *thread = dead;

	if (!thread || thread == current_thread())
		return;
	dead = NULL;
	if (thread->stack) {
		if (*(const uint32_t *)thread->stack != THREAD_STACK_MAGIC)
			panic("thread %s: its kernel stack overflowed (the magic word at 0x%08lx is "
			      "0x%08lx)",
			      thread->name, (unsigned long)thread->stack,
			      (unsigned long)*(const uint32_t *)thread->stack);
		pmm_free_contiguous(&kernel_pmm, virt_to_phys_linear(thread->stack),
				    THREAD_STACK_SIZE / PAGE_SIZE);
		thread->stack = 0;
	}
	if (thread->process)
		process_thread_gone(thread->process);
	else
		kfree(thread);
}

void schedule(void)
{
	uint32_t cpsr = irq_save();
	struct thread *prev = current_thread(), *next;

	if (prev->state == THREAD_RUNNING && prev != &idle)
		enqueue(prev);
	next = dequeue();
	if (!next)
		next = prev->state == THREAD_RUNNABLE || prev->state == THREAD_RUNNING ? prev
										       : &idle;
	sched_resched_pending = false;
	next->state = THREAD_RUNNING;
	next->slice = SCHED_SLICE_TICKS;
	if (next != prev) {
		if (next->process)
			context_switch(process_aspace(next->process));
		else
			context_switch_kernel();
		next->switches++;
		switches++;
		/* The FPU's registers, for the threads that have them; every thread's TLS registers. */
		if (prev->fpu_used || next->fpu_used)
			fpu_switch_unit(prev, next);
		prev->tls_rw = read_tpidrurw();
		write_tpidruro(next->tls);
		write_tpidrurw(next->tls_rw);
		write_tpidrprw((uint32_t)next);
		thread_switch(&prev->context, &next->context);
		reap();
	}
	irq_restore(cpsr);
}

void thread_yield(void)
{
	schedule();
}

static void idle_loop(void *arg)
{
	(void)arg;
	for (;;) {
		uint32_t cpsr = irq_save();

		if (!run_first)
			irq_wait(); /* the interrupt that ends it runs its handler here */
		irq_restore(cpsr);
		schedule();
	}
}

/* A stack from the PMM (physically contiguous, through the linear map), its magic at the bottom. */
static bool give_stack(struct thread *thread)
{
	paddr_t stack;

	if (pmm_alloc_contiguous(&kernel_pmm, THREAD_STACK_SIZE / PAGE_SIZE, 1, &stack))
		return false;
	thread->stack = phys_to_virt(stack);
	thread->stack_size = THREAD_STACK_SIZE;
	*(uint32_t *)thread->stack = THREAD_STACK_MAGIC;
	return true;
}

void sched_init(void)
{
	strcpy(boot_thread.name, "kernel");
	boot_thread.state = THREAD_RUNNING;
	boot_thread.slice = SCHED_SLICE_TICKS;
	write_tpidrprw((uint32_t)&boot_thread);
	/* The idle thread: its first switch starts idle_loop (on a stack of its own). */
	strcpy(idle.name, "idle");
	if (!give_stack(&idle))
		panic("sched: no memory for the idle thread's stack");
	idle.context.sp = idle.stack + THREAD_STACK_SIZE;
	idle.context.lr = (uint32_t)thread_start_kernel;
	idle.context.r4 = (uint32_t)idle_loop;
	idle.state = THREAD_RUNNABLE;
	sched_started = true;
}

struct thread *thread_create(const char *name, void (*fn)(void *arg), void *arg)
{
	struct thread *thread = kcalloc(1, sizeof(*thread));

	if (!thread)
		return NULL;
	if (!give_stack(thread)) {
		kfree(thread);
		return NULL;
	}
	strncpy(thread->name, name, sizeof(thread->name) - 1);
	thread->context.sp = thread->stack + THREAD_STACK_SIZE;
	thread->context.lr = (uint32_t)thread_start_kernel;
	thread->context.r4 = (uint32_t)fn;
	thread->context.r5 = (uint32_t)arg;
	thread_start(thread);
	return thread;
}

struct exception_frame *thread_user_frame(struct thread *thread)
{
	return (struct exception_frame *)(thread->stack + thread->stack_size -
					  sizeof(struct exception_frame));
}

struct thread *thread_create_user(const char *name, struct process *process)
{
	struct thread *thread = kcalloc(1, sizeof(*thread));
	struct exception_frame *frame;

	if (!thread)
		return NULL;
	if (!give_stack(thread)) {
		kfree(thread);
		return NULL;
	}
	strncpy(thread->name, name, sizeof(thread->name) - 1);
	thread->process = process;
	frame = thread_user_frame(thread);
	memset(frame, 0, sizeof(*frame));
	frame->cpsr = MODE_USR;
	thread->context.sp = (uint32_t)frame;
	thread->context.lr = (uint32_t)thread_start_user;
	thread->context.r4 = (uint32_t)frame;
	thread->state = THREAD_BLOCKED;
	return thread;
}

void thread_start(struct thread *thread)
{
	uint32_t cpsr = irq_save();

	enqueue(thread);
	irq_restore(cpsr);
}

void thread_started(void)
{
	reap();
	process_started();
	process_return_to_user(); /* killed before it ever ran, or its turn already over */
}

void thread_entry(void (*fn)(void *), void *arg)
{
	reap();
	/* Whoever switched here may have been in a trap: IRQs and asynchronous aborts on. */
	__asm__ volatile("cpsie ai" : : : "memory");
	fn(arg);
	thread_exit();
}

void thread_exit(void)
{
	struct thread *self = current_thread();

	irq_mask();
	if (self == &boot_thread || self == &idle)
		panic("thread_exit: the %s thread cannot end", self->name);
	reap(); /* at most one dead thread waits at a time */
	self->state = THREAD_DEAD;
	dead = self;
	schedule();
	panic("thread_exit: a dead thread (%s) ran again", self->name);
}

bool thread_wait(struct waitq *q)
{
	struct thread *self = current_thread();

	self->interrupted = false;
	self->state = THREAD_BLOCKED;
	self->waiting = q;
	self->next = q->first;
	q->first = self;
	schedule();
	return !self->interrupted;
}

void thread_wake_all(struct waitq *q)
{
	uint32_t cpsr = irq_save();
	struct thread *thread = q->first;

	q->first = NULL;
	while (thread) {
		struct thread *next = thread->next;

		thread->waiting = NULL;
		enqueue(thread);
		thread = next;
	}
	irq_restore(cpsr);
}

/* Sleepers are kept by deadline; the timer is set for the first. */
static void sleepers_insert(struct thread *thread)
{
	struct thread **at = &sleepers;

	while (*at && (*at)->wake_at <= thread->wake_at)
		at = &(*at)->next;
	thread->next = *at;
	*at = thread;
}

static void sleepers_remove(struct thread *thread)
{
	for (struct thread **at = &sleepers; *at; at = &(*at)->next) {
		if (*at == thread) {
			*at = thread->next;
			return;
		}
	}
}

uint64_t sched_next_wakeup(void)
{
	return sleepers ? sleepers->wake_at : 0;
}

bool thread_sleep_until(uint64_t deadline)
{
	struct thread *self = current_thread();
	uint32_t cpsr = irq_save();
	bool completed;

	self->interrupted = false;
	if (timer_count() < deadline) {
		self->wake_at = deadline;
		self->state = THREAD_BLOCKED;
		sleepers_insert(self);
		timer_wakeup_changed();
		schedule();
	}
	completed = !self->interrupted;
	self->wake_at = 0;
	irq_restore(cpsr);
	return completed;
}

void thread_interrupt(struct thread *thread)
{
	uint32_t cpsr = irq_save();

	if (thread->state == THREAD_BLOCKED) {
		if (thread->wake_at) {
			sleepers_remove(thread);
			thread->wake_at = 0;
		} else if (thread->waiting) {
			for (struct thread **at = &thread->waiting->first; *at; at = &(*at)->next) {
				if (*at == thread) {
					*at = thread->next;
					break;
				}
			}
			thread->waiting = NULL;
		}
		thread->interrupted = true;
		enqueue(thread);
	}
	irq_restore(cpsr);
}

void sched_wake_sleepers(uint64_t now)
{
	while (sleepers && sleepers->wake_at <= now) {
		struct thread *thread = sleepers;

		sleepers = thread->next;
		thread->wake_at = 0;
		enqueue(thread);
	}
}

void sched_tick(void)
{
	struct thread *self = current_thread();

	if (self->process && self->slice && --self->slice == 0)
		sched_resched_pending = true;
}
