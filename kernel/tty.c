/*
 * kernel/tty.c - the console as a terminal (kernel/tty.h).
 *
 * One terminal, the UART. Typed bytes are taken in the receive interrupt
 * (so that Ctrl-C reaches a program that is not reading), edited into
 * line[] in canonical mode and moved to the input ring when the line
 * ends; in non-canonical mode they go to the ring at once. Readers wait on
 * readable. All of it runs with IRQs masked: the interrupt and the
 * readers share it.
 */
#include "kernel/tty.h"

#include <string.h>

#include "drivers/pl011.h"
#include "kernel/console.h"
#include "kernel/errno.h"
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/signal.h"
#include "kernel/spinlock.h"
#include "kernel/thread.h"
#include "kernel/uaccess.h"
#include "arch/cp15.h"

/* struct termios as Linux's TCGETS passes it (asm-generic/termbits.h). */
#define NCCS 19
struct termios {
	uint32_t iflag, oflag, cflag, lflag;
	uint8_t line;
	uint8_t cc[NCCS];
};
_Static_assert(sizeof(struct termios) == 36, "termios");

#define VINTR    0
#define VQUIT    1
#define VERASE   2
#define VKILL    3
#define VEOF     4
#define VTIME    5
#define VMIN     6
#define VSTART   8
#define VSTOP    9
#define VSUSP    10
#define VEOL     11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE  14
#define VLNEXT   15
#define VEOL2    16

#define INLCR 0000100
#define IGNCR 0000200
#define ICRNL 0000400
#define IXON  0002000

#define OPOST 0000001
#define ONLCR 0000004

#define B115200 0010002
#define CS8     0000060
#define CREAD   0000200
#define HUPCL   0002000
#define CLOCAL  0004000

#define ISIG    0000001
#define ICANON  0000002
#define ECHO    0000010
#define ECHOE   0000020
#define ECHOK   0000040
#define ECHONL  0000100
#define NOFLSH  0000200
#define ECHOCTL 0001000
#define ECHOKE  0004000
#define IEXTEN  0100000

#define TCGETS     0x5401
#define TCSETS     0x5402
#define TCSETSW    0x5403
#define TCSETSF    0x5404
#define TIOCSCTTY  0x540E
#define TIOCGPGRP  0x540F
#define TIOCSPGRP  0x5410
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD   0x541B
#define TIOCNOTTY  0x5422
#define TIOCGSID   0x5429

#define DISABLED 0 /* _POSIX_VDISABLE: a cc[] entry of 0 matches no byte */

struct winsize {
	uint16_t rows, cols, xpixel, ypixel;
};

static struct {
	struct termios termios;
	struct winsize winsize;
	uint8_t ring[TTY_INPUT];         /* what a read takes */
	uint32_t head, tail;             /* free-running: head - tail bytes there */
	uint32_t ends[TTY_LINES];        /* where each whole line in the ring ends (head then) */
	uint32_t ends_first, ends_count; /* canonical reads take one line: up to its end */
	char line[TTY_INPUT];            /* the line being edited (canonical) */
	uint32_t line_length;
	bool literal_next; /* after LNEXT */
	bool active;
	int foreground, session;
	uint32_t first_wait; /* the cycle counter when a program first waited for typing */
	int first_waiter;
	struct waitq readable;
	uint32_t signals;      /* typed (ISIG), for the signal thread to send: a bit a signal */
	int signal_group;      /* the foreground group they are for */
	struct waitq signal_q; /* the signal thread, waiting for some */
	bool signal_thread;    /* started */
} tty;

/*
 * Everything above is the tty's lock's, taken with IRQs masked: the UART's
 * interrupt comes to core 0 while a program reads on any core.
 */
static const struct lock_class tty_class = { LOCK_RANK_TTY, "tty" };
static struct spinlock tty_lock = SPINLOCK_INIT(&tty_class);

static const struct termios initial = {
	.iflag = ICRNL | IXON,
	.oflag = OPOST | ONLCR,
	.cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL,
	.lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.cc = { [VINTR] = 3,
		[VQUIT] = 0x1C,
		[VERASE] = 0x7F,
		[VKILL] = 0x15,
		[VEOF] = 4,
		[VTIME] = 0,
		[VMIN] = 1,
		[VSTART] = 0x11,
		[VSTOP] = 0x13,
		[VSUSP] = 0x1A,
		[VREPRINT] = 0x12,
		[VDISCARD] = 0x0F,
		[VWERASE] = 0x17,
		[VLNEXT] = 0x16 },
};

/*
 * The signals typed at the terminal go out from here, a kernel thread
 * with the big lock: the receive interrupt that sees Ctrl-C never touches
 * processes (they are the big lock's, and it may be held on another core).
 */
static struct thread signal_sender; /* (kept here: not a heap block held for good) */

static void signal_thread(void *unused)
{
	(void)unused;
	for (;;) {
		uint32_t cpsr = spin_lock_irqsave(&tty_lock), signals;
		int group;

		while (!tty.signals)
			(void)thread_wait_locked(&tty.signal_q, &tty_lock);
		signals = tty.signals;
		group = tty.signal_group;
		tty.signals = 0;
		spin_unlock_irqrestore(&tty_lock, cpsr);
		for (int sig = 1; sig < 32; sig++)
			if ((signals & (1U << sig)) && group > 0)
				(void)signal_send_group(group, sig, true); /* (typed: no sender) */
	}
}

void tty_reset(void)
{
	uint32_t cpsr = spin_lock_irqsave(&tty_lock);

	tty.termios = initial;
	tty.winsize = (struct winsize){ 24, 80, 0, 0 };
	tty.head = tty.tail = tty.ends_count = tty.line_length = 0;
	tty.literal_next = false;
	spin_unlock_irqrestore(&tty_lock, cpsr);
	if (!tty.signal_thread && sched_running())
		tty.signal_thread =
			thread_create_static(&signal_sender, "tty signals", signal_thread, NULL);
}

static void flush_input(void)
{
	tty.head = tty.tail = tty.ends_count = tty.line_length = 0;
	tty.literal_next = false;
}

static bool lflag(uint32_t bit)
{
	return (tty.termios.lflag & bit) != 0;
}

static void put_ring(uint8_t byte)
{
	if (tty.head - tty.tail < TTY_INPUT)
		tty.ring[tty.head++ % TTY_INPUT] = byte;
}

/*
 * Echo runs in the receive interrupt: on the UART it only queues (a write
 * with IRQs masked would first drain the whole transmit ring); to any
 * other sink (a self-test's capture) it is an ordinary console write.
 */
static void echo_text(const char *text, size_t length)
{
	if (console_get_sink() == pl011_write)
		pl011_echo(text, length);
	else
		console_write(text, length);
}

/* A byte as ECHO shows it: a control character as ^X with ECHOCTL (not tab or newline). */
static void echo_byte(uint8_t byte)
{
	if (lflag(ECHOCTL) && (byte < 0x20 || byte == 0x7F) && byte != '\t' && byte != '\n') {
		char caret[2] = { '^', (char)(byte == 0x7F ? '?' : byte + '@') };

		echo_text(caret, 2);
	} else {
		echo_text((const char *)&byte, 1);
	}
}

/* Columns a byte of the line took when echoed. */
static unsigned echo_width(uint8_t byte)
{
	return lflag(ECHOCTL) && (byte < 0x20 || byte == 0x7F) && byte != '\t' ? 2 : 1;
}

static void erase_one(void)
{
	uint8_t byte;

	if (!tty.line_length)
		return;
	byte = (uint8_t)tty.line[--tty.line_length];
	if (lflag(ECHO) && lflag(ECHOE))
		for (unsigned i = echo_width(byte); i > 0; i--)
			echo_text("\b \b", 3);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * The edited line (and its end byte, unless EOF ended it) becomes input, a
 * whole line: all of it, or (no room in the ring) none of it.
 */
static void commit_line(bool with_end, uint8_t end)
{
	uint32_t need = tty.line_length + (with_end ? 1 : 0);

	if (TTY_INPUT - (tty.head - tty.tail) >= need && tty.ends_count < TTY_LINES) {
		for (uint32_t i = 0; i < tty.line_length; i++)
			put_ring((uint8_t)tty.line[i]);
		if (with_end)
			put_ring(end);
		tty.ends[(tty.ends_first + tty.ends_count++) % TTY_LINES] = tty.head;
	}
	tty.line_length = 0;
}

static void send_signal(int sig, uint8_t byte)
{
	if (!(tty.termios.lflag & NOFLSH))
		flush_input();
	if (lflag(ECHO))
		echo_byte(byte);
	if (tty.foreground > 0) {
		tty.signals |= 1U << sig;
		tty.signal_group = tty.foreground;
		thread_wake_all(&tty.signal_q);
	}
}

/* One typed byte, through the line discipline. IRQs masked. */
static void input(uint8_t byte)
{
	const uint8_t *cc = tty.termios.cc;

	if (tty.literal_next) {
		tty.literal_next = false;
		goto ordinary;
	}
	if (byte == '\r') {
		if (tty.termios.iflag & IGNCR)
			return;
		if (tty.termios.iflag & ICRNL)
			byte = '\n';
	} else if (byte == '\n' && (tty.termios.iflag & INLCR)) {
		byte = '\r';
	}
	if (lflag(ISIG) && byte != DISABLED) {
		if (byte == cc[VINTR])
			return send_signal(SIGINT, byte);
		if (byte == cc[VQUIT])
			return send_signal(SIGQUIT, byte);
		if (byte == cc[VSUSP])
			return send_signal(SIGTSTP, byte);
	}
	if (!lflag(ICANON))
		goto ordinary;
	if (lflag(IEXTEN) && byte == cc[VLNEXT] && byte != DISABLED) {
		tty.literal_next = true;
		return;
	}
	if (byte == cc[VERASE] && byte != DISABLED) {
		erase_one();
		return;
	}
	if (byte == cc[VWERASE] && byte != DISABLED && lflag(IEXTEN)) {
		while (tty.line_length && is_space(tty.line[tty.line_length - 1]))
			erase_one();
		while (tty.line_length && !is_space(tty.line[tty.line_length - 1]))
			erase_one();
		return;
	}
	if (byte == cc[VKILL] && byte != DISABLED) {
		if (lflag(ECHO) && lflag(ECHOK) && !lflag(ECHOKE)) {
			echo_byte(byte);
			echo_text("\n", 1);
			tty.line_length = 0;
		} else {
			while (tty.line_length)
				erase_one();
		}
		return;
	}
	if (byte == cc[VREPRINT] && byte != DISABLED && lflag(IEXTEN)) {
		if (lflag(ECHO)) {
			echo_byte(byte);
			echo_text("\n", 1);
			for (uint32_t i = 0; i < tty.line_length; i++)
				echo_byte((uint8_t)tty.line[i]);
		}
		return;
	}
	if (byte == cc[VEOF] && byte != DISABLED) {
		commit_line(false, 0);
		thread_wake_all(&tty.readable);
		return;
	}
	if (byte == '\n' || (byte == cc[VEOL] && byte != DISABLED) ||
	    (byte == cc[VEOL2] && byte != DISABLED)) {
		if (lflag(ECHO) || (byte == '\n' && lflag(ECHONL)))
			echo_text((const char *)&byte, 1);
		commit_line(true, byte);
		thread_wake_all(&tty.readable);
		return;
	}
	if (tty.line_length >= TTY_INPUT - 1)
		return; /* the line is full: the byte is dropped, as Linux's N_TTY drops it */
	if (lflag(ECHO))
		echo_byte(byte);
	tty.line[tty.line_length++] = (char)byte;
	return;
ordinary:
	if (lflag(ICANON)) {
		if (tty.line_length < TTY_INPUT - 1) {
			if (lflag(ECHO))
				echo_byte(byte);
			tty.line[tty.line_length++] = (char)byte;
		}
		return;
	}
	if (lflag(ECHO))
		echo_byte(byte);
	put_ring(byte);
	thread_wake_all(&tty.readable);
}

void tty_input_byte(uint8_t byte)
{
	uint32_t cpsr = spin_lock_irqsave(&tty_lock);

	input(byte);
	file_poll_wake();
	spin_unlock_irqrestore(&tty_lock, cpsr);
}

static void receive_locked(void)
{
	uint8_t byte;
	bool any = false;

	while (pl011_read_byte(&byte)) {
		input(byte);
		any = true;
	}
	if (any)
		file_poll_wake();
}

void tty_receive(void)
{
	uint32_t cpsr = spin_lock_irqsave(&tty_lock);

	receive_locked();
	spin_unlock_irqrestore(&tty_lock, cpsr);
}

void tty_set_active(bool active)
{
	uint32_t cpsr = spin_lock_irqsave(&tty_lock);

	if (tty.active && !active)
		flush_input();
	tty.active = active;
	if (active)
		receive_locked(); /* what came while the kernel's prompt had it, in order */
	spin_unlock_irqrestore(&tty_lock, cpsr);
}

bool tty_active(void)
{
	return tty.active;
}

void tty_set_foreground(int pgid)
{
	tty.foreground = pgid;
}

int tty_foreground(void)
{
	return tty.foreground;
}

void tty_set_session(int sid)
{
	tty.session = sid;
}

int tty_session(void)
{
	return tty.session;
}

/*
 * A program waits for typing for the first time: a shell's first prompt.
 * The cycle counter then (guest instructions under -icount), once, for
 * the boot-to-prompt figure (docs/processes.md).
 */
static void first_wait(void)
{
	const struct process *p = process_current();

	if (tty.first_wait)
		return;
	tty.first_wait = read_pmccntr();
	tty.first_waiter = p ? p->pid : 0;
}

uint32_t tty_first_wait(int *pid)
{
	*pid = tty.first_waiter;
	return tty.first_wait;
}

void tty_waited(void)
{
	first_wait();
}

/* What a read may take now: a whole line (canonical), or the bytes there (any, with VMIN 0). */
static bool ready(void)
{
	if (lflag(ICANON))
		return tty.ends_count > 0;
	return tty.head != tty.tail || tty.termios.cc[VMIN] == 0;
}

uint32_t tty_readable(void)
{
	if (!lflag(ICANON))
		return tty.head - tty.tail;
	return tty.ends_count
		       ? tty.ends[(tty.ends_first + tty.ends_count - 1) % TTY_LINES] - tty.tail
		       : 0;
}

/*
 * Bytes from the ring into chunk, at most max: in canonical mode not past
 * the first line's end, which is then taken off the queue (*line_done).
 * IRQs masked.
 */
static uint32_t take(uint8_t *chunk, uint32_t max, bool *line_done)
{
	uint32_t n = 0, end = tty.head;

	*line_done = false;
	if (lflag(ICANON)) {
		if (!tty.ends_count) {
			*line_done = true; /* (flushed meanwhile: the line is gone) */
			return 0;
		}
		end = tty.ends[tty.ends_first];
	}
	while (n < max && tty.tail != end)
		chunk[n++] = tty.ring[tty.tail++ % TTY_INPUT];
	if (lflag(ICANON) && tty.tail == end) {
		tty.ends_first = (tty.ends_first + 1) % TTY_LINES;
		tty.ends_count--;
		*line_done = true;
	}
	return n;
}

static int32_t tty_read(struct file *file, uint32_t buffer, uint32_t length)
{
	uint8_t chunk[128];
	uint32_t done = 0, cpsr;
	bool line_done = false;

	if (!user_range_ok(buffer, length))
		return -EFAULT;
	if (length == 0)
		return 0;
	cpsr = spin_lock_irqsave(&tty_lock);
	while (!ready()) {
		if (file->flags & O_NONBLOCK) {
			spin_unlock_irqrestore(&tty_lock, cpsr);
			return -EAGAIN;
		}
		first_wait();
		if (!signal_wait_locked(&tty.readable, &tty_lock)) {
			spin_unlock_irqrestore(&tty_lock, cpsr);
			return -ERESTARTSYS;
		}
	}
	/* In pieces, each taken under the lock and copied out without it (it may fault). */
	while (done < length && !line_done) {
		uint32_t max = length - done < sizeof(chunk) ? length - done : sizeof(chunk);
		uint32_t n = take(chunk, max, &line_done);

		if (!lflag(ICANON) && n == 0)
			break;
		spin_unlock_irqrestore(&tty_lock, cpsr);
		if (n && copy_to_user((void *)(buffer + done), chunk, n))
			return done ? (int32_t)done : -EFAULT;
		done += n;
		cpsr = spin_lock_irqsave(&tty_lock);
	}
	spin_unlock_irqrestore(&tty_lock, cpsr);
	return (int32_t)done;
}

static void to_console(void *context, const char *text, size_t length)
{
	(void)context;
	console_write(text, length);
}

static int32_t tty_write(struct file *file, uint32_t buffer, uint32_t length)
{
	(void)file;
	return file_write_out(buffer, length, to_console, NULL);
}

static int32_t tty_ioctl(struct file *file, uint32_t request, uint32_t argument)
{
	struct process *self = process_current();
	struct termios t;
	int32_t value;
	uint32_t cpsr;

	(void)file;
	switch (request) {
	case TCGETS:
		return copy_to_user((void *)argument, &tty.termios, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW: /* (output is never held back: nothing to drain) */
	case TCSETSF:
		if (copy_from_user(&t, (const void *)argument, sizeof(t)))
			return -EFAULT;
		cpsr = spin_lock_irqsave(&tty_lock);
		if (request == TCSETSF)
			flush_input();
		/* Leaving canonical mode: the line being edited is input as it is. */
		if ((tty.termios.lflag & ICANON) && !(t.lflag & ICANON) && tty.line_length) {
			for (uint32_t i = 0; i < tty.line_length; i++)
				put_ring((uint8_t)tty.line[i]);
			tty.line_length = 0;
		}
		/* Into canonical mode: what is there reads as one line; out of it: as bytes. */
		if ((tty.termios.lflag ^ t.lflag) & ICANON) {
			tty.ends_first = tty.ends_count = 0;
			if ((t.lflag & ICANON) && tty.head != tty.tail)
				tty.ends[tty.ends_count++] = tty.head;
		}
		tty.termios = t;
		thread_wake_all(&tty.readable);
		file_poll_wake();
		spin_unlock_irqrestore(&tty_lock, cpsr);
		return 0;
	case TIOCGWINSZ:
		return copy_to_user((void *)argument, &tty.winsize, sizeof(tty.winsize)) ? -EFAULT
											 : 0;
	case TIOCSWINSZ:
		return copy_from_user(&tty.winsize, (const void *)argument, sizeof(tty.winsize))
			       ? -EFAULT
			       : 0;
	case TIOCGPGRP:
		value = tty.foreground;
		return copy_to_user((void *)argument, &value, 4) ? -EFAULT : 0;
	case TIOCSPGRP:
		if (copy_from_user(&value, (const void *)argument, 4))
			return -EFAULT;
		if (value <= 0)
			return -EINVAL;
		tty.foreground = value;
		return 0;
	case TIOCGSID:
		value = tty.session ? tty.session : (self ? self->sid : 0);
		return copy_to_user((void *)argument, &value, 4) ? -EFAULT : 0;
	case TIOCSCTTY:
		if (self)
			tty.session = self->sid;
		return 0;
	case TIOCNOTTY:
		return 0;
	case FIONREAD:
		value = (int32_t)tty_readable();
		return copy_to_user((void *)argument, &value, 4) ? -EFAULT : 0;
	default:
		return -ENOTTY;
	}
}

/* POLLIN: a read would find something (with VMIN 0 a read returns at once, but empty-handed). */
static uint32_t tty_poll(struct file *file)
{
	bool in = lflag(ICANON) ? tty.ends_count > 0 : tty.head != tty.tail;

	(void)file;
	return (in ? POLLIN : 0) | POLLOUT;
}

static void tty_stat(struct file *file, struct kstat *out)
{
	(void)file;
	file_stat_device(out, (5U << 8) | 1); /* 5:1, /dev/console */
	out->mode = 0020620;
}

const struct file_ops tty_file_ops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.stat = tty_stat,
	.poll = tty_poll,
};

struct file *tty_open(void)
{
	return file_new(&tty_file_ops, O_RDWR, NULL);
}
