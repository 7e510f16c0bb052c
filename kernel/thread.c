/*
 * kernel/thread.c - threads and the scheduler (kernel/thread.h).
 *
 * Per core (struct cpu): a run queue, the thread on the core, its idle
 * thread, and a dead thread whose stack is still to free. One spinlock,
 * sched_lock, taken with IRQs masked, guards all of it together with the
 * sleepers and every wait queue: interrupt handlers wake threads, other
 * cores queue threads here and take them away (a core out of work steals
 * from the busiest), and a thread moves from a wait queue to a run queue
 * in one step. A switch holds sched_lock from the moment the old thread
 * is queued until the new thread runs, and the new thread lets it go
 * (finish_switch): no other core can take the old thread off its queue
 * and run it before its registers are saved.
 *
 * A thread that ends cannot free the stack it is running on: it is marked
 * DEAD and switched away from for good, and the next thread to run on
 * that core frees the stack (reap), after sched_lock is let go. A
 * process's thread's trap frame sits at the top of its kernel stack, so
 * that entering the kernel from user mode (boot/vectors.S: SP_svc) lands
 * on it.
 */
#include "kernel/thread.h"

#include <string.h>

#include "arch/arm.h"
#include "arch/cp15.h"
#include "kernel/exception.h"
#include "kernel/irq.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/smp.h"
#include "kernel/spinlock.h"
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

struct cpu {
	struct thread idle;
	struct thread *current;
	struct thread *run_first, *run_last; /* waiting for this core */
	uint32_t queued;                     /* threads in its queue */
	uint32_t movable;                    /* of those, how many may run on any core */
	struct thread *dead;                 /* its stack to free */
	uint32_t switches;
};

static struct cpu cpus[CORE_COUNT];
static struct thread boot_thread;
static uint32_t sched_online = 1; /* cores that take threads: core 0, and those that joined */
static struct thread *sleepers;   /* by deadline, earliest first */
static uint32_t thread_count;     /* made and not yet reaped (atomic: reaps run unlocked) */
bool sched_started;               /* read inline: include/kernel/thread.h */
static const struct lock_class sched_class = { LOCK_RANK_SCHED, "sched" };
static struct spinlock sched_lock = SPINLOCK_INIT(&sched_class);
static const struct lock_class giant_class = { LOCK_RANK_GIANT, "giant" };
static struct spinlock giant = SPINLOCK_INIT(&giant_class);

/*
 * The big lock's spinlock, taken with IRQs on while waiting (a holder may
 * be waiting for this core to answer an IPI), and let go. The thread's
 * giant flag is the caller's to set.
 */
static void giant_take(void)
{
	uint32_t cpsr = read_cpsr();

	irq_unmask();
	spin_lock(&giant);
	irq_restore(cpsr);
}

void giant_lock_slow(void)
{
	struct thread *self = current_thread();

	if (self->giant)
		panic("giant_lock: %s holds it already", self->name);
	giant_take();
	self->giant = true;
}

void giant_unlock_slow(void)
{
	struct thread *self = current_thread();

	if (!self->giant)
		panic("giant_unlock: %s does not hold it", self->name);
	self->giant = false;
	spin_unlock(&giant);
}

/* A thread that held the big lock when it gave the core up takes it again (its flag stayed set). */
static void giant_retake(void)
{
	struct thread *self = current_thread();

	if (GIANT_LOCKING && self->giant_dropped) {
		self->giant_dropped = false;
		giant_take();
	}
}

static unsigned this_core(void)
{
	return read_mpidr() & 3;
}

static struct cpu *this_cpu(void)
{
	return &cpus[this_core()];
}

static bool is_idle(const struct thread *thread)
{
	return thread == &cpus[thread->core].idle;
}

uint32_t sched_switches(void)
{
	uint32_t total = 0;

	for (unsigned core = 0; core < CORE_COUNT; core++)
		total += cpus[core].switches;
	return total;
}

uint32_t sched_core_switches(unsigned core)
{
	return core < CORE_COUNT ? cpus[core].switches : 0;
}

uint32_t sched_core_queued(unsigned core)
{
	return core < CORE_COUNT ? cpus[core].queued : 0;
}

uint32_t sched_cores(void)
{
	return sched_online;
}

const struct thread *sched_idle_thread(unsigned core)
{
	return core < CORE_COUNT ? &cpus[core].idle : NULL;
}

static void queue_tail(struct cpu *cpu, struct thread *thread)
{
	thread->state = THREAD_RUNNABLE;
	thread->core = (uint8_t)(cpu - cpus);
	thread->next = NULL;
	if (cpu->run_last)
		cpu->run_last->next = thread;
	else
		cpu->run_first = thread;
	cpu->run_last = thread;
	cpu->queued++;
	if (thread->affinity == SCHED_ANY_CORE)
		cpu->movable++;
}

/* Take thread out of cpu's queue; prev is the one before it, or NULL for the first. */
static void queue_remove(struct cpu *cpu, struct thread *prev, struct thread *thread)
{
	if (prev)
		prev->next = thread->next;
	else
		cpu->run_first = thread->next;
	if (cpu->run_last == thread)
		cpu->run_last = prev;
	thread->next = NULL;
	cpu->queued--;
	if (thread->affinity == SCHED_ANY_CORE)
		cpu->movable--;
}

/* Work on a core: what waits in its queue, and what runs there unless it idles. */
static uint32_t load(unsigned core)
{
	const struct cpu *cpu = &cpus[core];

	return cpu->queued + (cpu->current && cpu->current != &cpu->idle ? 1 : 0);
}

/*
 * The core a thread that becomes runnable goes to: among the cores it may
 * run on, the least loaded; on a tie its last core (its cache may still
 * hold its data), then this core.
 */
static unsigned pick_core(const struct thread *thread)
{
	uint32_t mask = thread->affinity & sched_online;
	unsigned best = thread->core, here = this_core();

	if (!(mask & (1U << best)))
		best = mask & (1U << here) ? here : (unsigned)__builtin_ctz(mask);
	for (unsigned core = 0; core < CORE_COUNT; core++)
		if ((mask & (1U << core)) && load(core) < load(best))
			best = core;
	return best;
}

/*
 * thread, runnable on the core pick_core chooses. A core that idles is
 * told: its idle thread's turn ends (here), or a reschedule IPI wakes it.
 */
static void enqueue(struct thread *thread)
{
	unsigned core = pick_core(thread);
	struct cpu *cpu = &cpus[core];

	queue_tail(cpu, thread);
	if (cpu->current == &cpu->idle) {
		cpu->idle.resched = true;
		if (core != this_core())
			smp_send_resched(core);
	}
}

/*
 * A waiting thread for cpu from the busiest other queue, one that may run
 * anywhere (a pinned thread stays where it is), or NULL.
 */
static struct thread *steal(struct cpu *cpu)
{
	struct cpu *from = NULL;
	struct thread *prev = NULL;

	for (unsigned core = 0; core < CORE_COUNT; core++)
		if (&cpus[core] != cpu && cpus[core].movable &&
		    (!from || cpus[core].queued > from->queued))
			from = &cpus[core];
	if (!from)
		return NULL;
	for (struct thread *thread = from->run_first; thread;
	     prev = thread, thread = thread->next) {
		if (thread->affinity == SCHED_ANY_CORE) {
			queue_remove(from, prev, thread);
			return thread;
		}
	}
	return NULL;
}

static struct thread *dequeue(struct cpu *cpu)
{
	struct thread *thread = cpu->run_first;

	if (thread)
		queue_remove(cpu, NULL, thread);
	return thread;
}

/* A dead thread's stack, now that another thread runs on its core. Its struct goes with its process. */
static void reap(struct thread *thread)
{
	struct process *process = thread->process;

	/*
	 * A process's thread under the big lock: its waiter (process.c's
	 * reap, on any core) frees the thread once it sees the stack gone.
	 */
	if (process && GIANT_LOCKING)
		giant_take();
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
	if (process) {
		process_thread_gone(process);
		if (GIANT_LOCKING)
			spin_unlock(&giant);
	} else {
		kfree(thread);
	}
	/* Last: whoever waits for the count to drop finds the stack and the struct gone too. */
	__atomic_fetch_sub(&thread_count, 1, __ATOMIC_RELEASE);
}

bool sched_wait_quiet(void)
{
	uint64_t give_up = timer_count_after_us(1000000);

	for (;;) {
		bool quiet = true;

		for (unsigned core = 0; core < CORE_COUNT; core++) {
			const struct cpu *cpu = &cpus[core];

			if (core == this_core() || !(sched_online & (1U << core)))
				continue;
			quiet &= cpu->current == &cpu->idle && !cpu->queued && !cpu->dead &&
				 kernel_pmm.cache[core].count == 0;
		}
		if (quiet)
			return true;
		if (timer_count() >= give_up) {
			for (unsigned core = 0; core < CORE_COUNT; core++)
				if (core != this_core() && (sched_online & (1U << core)))
					kprintf("sched: core %u runs %s, %lu queued, %lu frames cached, "
						"%lu ticks\n",
						core, cpus[core].current->name,
						(unsigned long)cpus[core].queued,
						(unsigned long)kernel_pmm.cache[core].count,
						(unsigned long)irq_count(IRQ_CNTV, core));
			return false;
		}
		ksleep_ms(1);
	}
}

uint32_t sched_thread_count(void)
{
	return __atomic_load_n(&thread_count, __ATOMIC_ACQUIRE);
}

/*
 * The other half of a switch, in the thread switched to: sched_lock goes
 * (the old thread's registers are saved by now), then the stack of a
 * thread that died on this core. IRQs stay as they are.
 */
static void finish_switch(void)
{
	struct cpu *cpu = this_cpu();
	struct thread *dead = cpu->dead;

	spin_unlock(&sched_lock);
	if (dead) {
		reap(dead);
		/*
		 * Only now: sched_wait_quiet takes a core with no dead thread
		 * for one whose frees are done. (No other thread of this core can
		 * die meanwhile: this one is the core's.)
		 */
		__atomic_store_n(&cpu->dead, NULL, __ATOMIC_RELEASE);
	}
}

/*
 * With sched_lock held: the next thread for this core, and the switch to
 * it. The caller has set its own state (RUNNING: it goes to the back of
 * this core's queue; BLOCKED, DEAD: it does not). Returns, with
 * sched_lock held again, when the caller runs again (on any core).
 */
static void switch_locked(void)
{
	struct cpu *cpu = this_cpu();
	struct thread *prev = cpu->current, *next;

	if (prev->state == THREAD_RUNNING && prev != &cpu->idle)
		queue_tail(cpu, prev);
	next = dequeue(cpu);
	if (!next)
		next = steal(cpu);
	if (!next)
		next = prev->state == THREAD_RUNNING ? prev : &cpu->idle;
	next->state = THREAD_RUNNING;
	next->slice = SCHED_SLICE_TICKS;
	next->resched = false;
	next->core = (uint8_t)(cpu - cpus);
	if (next == prev)
		return;
	if (next->process)
		context_switch(process_aspace(next->process));
	else
		context_switch_kernel();
	next->switches++;
	cpu->switches++;
	cpu->current = next;
	/* The FPU's registers, for the threads that have them; every thread's TLS registers. */
	if (prev->fpu_used || next->fpu_used)
		fpu_switch_unit(prev, next);
	prev->tls_rw = read_tpidrurw();
	write_tpidruro(next->tls);
	write_tpidrurw(next->tls_rw);
	write_tpidrprw((uint32_t)next);
	if (GIANT_LOCKING && prev->giant) {
		prev->giant_dropped = true; /* it takes the lock again when it runs */
		spin_unlock(&giant);
	}
	thread_switch(&prev->context, &next->context);
}

void schedule(void)
{
	struct thread *self = current_thread();
	uint32_t cpsr = spin_lock_irqsave(&sched_lock);

	switch_locked();
	finish_switch();
	irq_restore(cpsr);
	if (GIANT_LOCKING && self->giant && !self->giant_dropped) {
		/* Nothing else to run here: the big lock goes round, to a core waiting for it. */
		spin_unlock(&giant);
		giant_take();
	}
	giant_retake();
}

void thread_yield(void)
{
	schedule();
}

void sched_resched_ipi(void)
{
	current_thread()->resched = true;
}

static void idle_loop(void *arg)
{
	struct cpu *cpu = arg;

	for (;;) {
		uint32_t cpsr = irq_save();
		bool work = cpu->run_first != NULL;

		/* A look at the other queues without the lock: a miss costs one wake-up (their IPI). */
		for (unsigned core = 0; core < CORE_COUNT; core++)
			work |= cpus[core].movable != 0 && &cpus[core] != cpu;
		if (!work && !cpu->idle.resched) {
			/* Frames this core cached are of no use while it sleeps: back to the pool. */
			pmm_cache_drain(&kernel_pmm);
			irq_wait(); /* the interrupt that ends it runs its handler here */
		}
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
	struct cpu *cpu = &cpus[0];

	strcpy(boot_thread.name, "kernel");
	boot_thread.state = THREAD_RUNNING;
	boot_thread.slice = SCHED_SLICE_TICKS;
	boot_thread.affinity = 1;          /* the console: core 0 */
	boot_thread.giant = GIANT_LOCKING; /* kmain, the self-tests and the console use processes */
	if (GIANT_LOCKING)
		spin_lock(&giant);
	cpu->current = &boot_thread;
	write_tpidrprw((uint32_t)&boot_thread);
	/* Core 0's idle thread: its first switch starts idle_loop (on a stack of its own). */
	strcpy(cpu->idle.name, "idle0");
	cpu->idle.affinity = 1;
	if (!give_stack(&cpu->idle))
		panic("sched: no memory for the idle thread's stack");
	cpu->idle.context.sp = cpu->idle.stack + THREAD_STACK_SIZE;
	cpu->idle.context.lr = (uint32_t)thread_start_kernel;
	cpu->idle.context.r4 = (uint32_t)idle_loop;
	cpu->idle.context.r5 = (uint32_t)cpu;
	cpu->idle.state = THREAD_RUNNABLE;
	sched_started = true;
}

void sched_start_secondary(unsigned core)
{
	struct cpu *cpu = &cpus[core];
	uint32_t cpsr;

	strcpy(cpu->idle.name, "idle0");
	cpu->idle.name[4] = (char)('0' + core);
	cpu->idle.core = (uint8_t)core;
	cpu->idle.affinity = (uint8_t)(1U << core);
	cpu->idle.state = THREAD_RUNNING;
	cpu->current = &cpu->idle;
	write_tpidrprw((uint32_t)&cpu->idle);
	context_switch_kernel();
	cpsr = spin_lock_irqsave(&sched_lock);
	sched_online |= 1U << core;
	spin_unlock_irqrestore(&sched_lock, cpsr);
	irq_unmask();
	idle_loop(cpu);
	panic("sched: core %u's idle loop returned", core);
}

static struct thread *create_kernel_thread(struct thread *thread, const char *name,
					   void (*fn)(void *arg), void *arg, uint32_t affinity,
					   bool with_giant)
{
	bool own = thread == NULL;

	if (!(affinity & sched_online) || affinity > SCHED_ANY_CORE)
		return NULL;
	if (own)
		thread = kcalloc(1, sizeof(*thread));
	else
		memset(thread, 0, sizeof(*thread));
	if (!thread)
		return NULL;
	if (!give_stack(thread)) {
		if (own)
			kfree(thread);
		return NULL;
	}
	__atomic_fetch_add(&thread_count, 1, __ATOMIC_RELAXED);
	strncpy(thread->name, name, sizeof(thread->name) - 1);
	thread->affinity = (uint8_t)affinity;
	thread->core = (uint8_t)this_core();
	thread->giant = with_giant && GIANT_LOCKING; /* (not run yet: thread_entry takes it) */
	thread->giant_dropped = thread->giant;
	thread->context.sp = thread->stack + THREAD_STACK_SIZE;
	thread->context.lr = (uint32_t)thread_start_kernel;
	thread->context.r4 = (uint32_t)fn;
	thread->context.r5 = (uint32_t)arg;
	thread_start(thread);
	return thread;
}

struct thread *thread_create_on(const char *name, void (*fn)(void *arg), void *arg,
				uint32_t affinity)
{
	return create_kernel_thread(NULL, name, fn, arg, affinity, false);
}

struct thread *thread_create(const char *name, void (*fn)(void *arg), void *arg)
{
	return create_kernel_thread(NULL, name, fn, arg, SCHED_KERNEL_AFFINITY, true);
}

bool thread_create_static(struct thread *thread, const char *name, void (*fn)(void *arg), void *arg)
{
	return create_kernel_thread(thread, name, fn, arg, SCHED_KERNEL_AFFINITY, true) != NULL;
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
	__atomic_fetch_add(&thread_count, 1, __ATOMIC_RELAXED);
	strncpy(thread->name, name, sizeof(thread->name) - 1);
	thread->process = process;
	thread->affinity = SCHED_PROCESS_AFFINITY;
	thread->core = (uint8_t)this_core();
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
	uint32_t cpsr = spin_lock_irqsave(&sched_lock);

	enqueue(thread);
	spin_unlock_irqrestore(&sched_lock, cpsr);
}

/* A new thread's first moments (kernel/arm/switch.S): the switch to it is finished here. */
void thread_started(void)
{
	finish_switch();
	giant_lock();
	process_started();
	giant_unlock();
	process_return_to_user(); /* killed before it ever ran, or its turn already over */
}

void thread_entry(void (*fn)(void *), void *arg)
{
	finish_switch();
	giant_retake();
	/* Whoever switched here may have been in a trap: IRQs and asynchronous aborts on. */
	__asm__ volatile("cpsie ai" : : : "memory");
	fn(arg);
	thread_exit();
}

void thread_exit(void)
{
	struct thread *self = current_thread();
	struct cpu *cpu;

	irq_mask();
	if (self == &boot_thread || is_idle(self))
		panic("thread_exit: the %s thread cannot end", self->name);
	spin_lock(&sched_lock);
	cpu = this_cpu();
	if (cpu->dead)
		panic("thread_exit: core %u has a dead thread (%s) not yet reaped", this_core(),
		      cpu->dead->name);
	self->state = THREAD_DEAD;
	cpu->dead = self;
	switch_locked();
	panic("thread_exit: a dead thread (%s) ran again", self->name);
}

bool thread_wait_locked(struct waitq *q, struct spinlock *lock)
{
	struct thread *self = current_thread();

	spin_lock(&sched_lock);
	if (lock)
		spin_unlock(lock);
	self->interrupted = false;
	self->state = THREAD_BLOCKED;
	self->waiting = q;
	self->next = q->first;
	q->first = self;
	switch_locked();
	finish_switch();
	giant_retake(); /* (before lock: the big lock ranks first) */
	if (lock)
		spin_lock(lock);
	return !self->interrupted;
}

bool thread_wait(struct waitq *q)
{
	return thread_wait_locked(q, NULL);
}

void thread_wake_all(struct waitq *q)
{
	uint32_t cpsr = spin_lock_irqsave(&sched_lock);
	struct thread *thread = q->first;

	q->first = NULL;
	while (thread) {
		struct thread *next = thread->next;

		thread->waiting = NULL;
		enqueue(thread);
		thread = next;
	}
	spin_unlock_irqrestore(&sched_lock, cpsr);
}

/* Sleepers are kept by deadline; core 0's timer is set for the first. */
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
	uint32_t cpsr = spin_lock_irqsave(&sched_lock);
	uint64_t wakeup = sleepers ? sleepers->wake_at : 0;

	spin_unlock_irqrestore(&sched_lock, cpsr);
	return wakeup;
}

bool thread_sleep_until(uint64_t deadline)
{
	struct thread *self = current_thread();
	uint32_t cpsr = spin_lock_irqsave(&sched_lock);
	bool completed;

	self->interrupted = false;
	if (timer_count() < deadline) {
		self->wake_at = deadline;
		self->state = THREAD_BLOCKED;
		sleepers_insert(self);
		if (sleepers == self)
			timer_wakeup_changed(deadline); /* core 0's timer, at once or by an IPI */
		switch_locked();
		finish_switch();
		giant_retake();
		spin_lock(&sched_lock);
	}
	completed = !self->interrupted;
	self->wake_at = 0;
	spin_unlock_irqrestore(&sched_lock, cpsr);
	return completed;
}

void thread_interrupt(struct thread *thread)
{
	uint32_t cpsr = spin_lock_irqsave(&sched_lock);

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
	} else if (thread->state == THREAD_RUNNING && thread->core != this_core()) {
		/* Running on another core, maybe in user mode: an IPI brings it into the kernel. */
		thread->resched = true;
		smp_send_resched(thread->core);
	}
	spin_unlock_irqrestore(&sched_lock, cpsr);
}

uint64_t sched_wake_sleepers(uint64_t now)
{
	uint32_t cpsr = spin_lock_irqsave(&sched_lock);
	uint64_t next;

	while (sleepers && sleepers->wake_at <= now) {
		struct thread *thread = sleepers;

		sleepers = thread->next;
		thread->wake_at = 0;
		enqueue(thread);
	}
	next = sleepers ? sleepers->wake_at : 0;
	spin_unlock_irqrestore(&sched_lock, cpsr);
	return next;
}

void sched_tick(void)
{
	struct thread *self = current_thread();

	if (self->process && self->slice && --self->slice == 0)
		self->resched = true;
}
