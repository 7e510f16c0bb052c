/*
 * kernel/vfs.c - names to files (kernel/vfs.h).
 */
#include "kernel/vfs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/errno.h"
#include "kernel/initramfs.h"
#include "kernel/process.h"
#include "kernel/tty.h"
#include "kernel/uaccess.h"
#include "kernel/timer.h"
#include "layout.h"
#include "mm/kheap.h"
#include "mm/mm.h"
#include "mm/pmm.h"

#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10

/* The initramfs's files and directories all live on one device, as one file system. */
#define RAMFS_DEV 1

static const struct {
	const char *name; /* under /dev/ */
	const struct file_ops *ops;
} devices[] = {
	{ "console", &tty_file_ops },
	{ "tty", &tty_file_ops },
	{ "null", &null_file_ops },
	{ "zero", &zero_file_ops },
};

static int errno_of(int error)
{
	switch (error) {
	case 0:
		return 0;
	case ERR_NOT_DIR:
		return -ENOTDIR;
	case ERR_LOOP:
		return -ELOOP;
	case ERR_RANGE:
		return -ENAMETOOLONG;
	case ERR_INVALID:
		return -EIO;
	default:
		return -ENOENT;
	}
}

void vfs_root(struct ramfs_node *out)
{
	ramfs_root(out);
}

static int lookup(struct process *p, const struct ramfs_node *from, const char *path, bool follow,
		  struct ramfs_node *out)
{
	const struct ramfs *fs = initramfs_fs();

	if (!fs)
		return -ENOENT;
	return errno_of(ramfs_lookup(fs, from ? from : &p->cwd, path, follow, out));
}

/* /dev itself, listed and stat'ed as a directory of the devices above (outside the archive). */
#define DEV_DIR_INO  0x7FFFFFF0U
#define PROC_DIR_INO 0x7FFFFFE0U
/* A root listing's offsets once "dev", then "proc", are listed (each fits an off_t). */
#define ROOT_DEV_NEXT  0x7FFFFFFFULL
#define ROOT_PROC_NEXT 0x7FFFFFFEULL

static bool is_dev_dir(const char *path)
{
	return strcmp(path, "/dev") == 0 || strcmp(path, "/dev/") == 0;
}

static void dev_dir_stat(struct file *file, struct kstat *out)
{
	(void)file;
	file_stat_device(out, 0);
	out->mode = CPIO_MODE_DIRECTORY | 0755;
	out->nlink = 2;
	out->ino = DEV_DIR_INO;
}

/* The device a path names, or -1. Only absolute /dev/NAME paths name them. */
static int device_of(const char *path)
{
	if (strncmp(path, "/dev/", 5) != 0)
		return -1;
	for (unsigned i = 0; i < sizeof(devices) / sizeof(devices[0]); i++)
		if (strcmp(path + 5, devices[i].name) == 0)
			return (int)i;
	return -1;
}

static void node_stat(const struct ramfs_node *node, struct kstat *out)
{
	memset(out, 0, sizeof(*out));
	out->mode = node->mode;
	out->nlink = ramfs_is_directory(node) ? 2 : 1;
	out->ino = node->ino;
	out->dev = RAMFS_DEV;
	out->size = ramfs_is_directory(node) ? 0 : node->size;
	out->blksize = 4096;
}

static int32_t regular_read(struct file *file, uint32_t buffer, uint32_t length)
{
	uint64_t left = file->offset < file->node.size ? file->node.size - file->offset : 0;
	uint32_t n = length < left ? length : (uint32_t)left;

	if (!user_range_ok(buffer, length))
		return -EFAULT;
	if (n && copy_to_user((void *)buffer, (const uint8_t *)file->node.data + file->offset, n))
		return -EFAULT;
	file->offset += n;
	return (int32_t)n;
}

static int32_t read_only(struct file *file, uint32_t buffer, uint32_t length)
{
	(void)file, (void)buffer, (void)length;
	return -EBADF; /* opened for reading only: nothing here can be written */
}

static int32_t directory_read(struct file *file, uint32_t buffer, uint32_t length)
{
	(void)file, (void)buffer, (void)length;
	return -EISDIR;
}

static void ramfs_file_stat(struct file *file, struct kstat *out)
{
	node_stat(&file->node, out);
}

/* struct linux_dirent64, one record into out: its length, or 0 if it does not fit. */
static uint32_t dirent(uint8_t *out, uint32_t room, uint64_t ino, uint64_t next, uint8_t type,
		       const char *name, uint32_t name_length)
{
	uint32_t length = (19 + name_length + 1 + 7) & ~7U;
	uint16_t reclen = (uint16_t)length;

	if (length > room)
		return 0;
	memset(out, 0, length);
	memcpy(out, &ino, 8);
	memcpy(out + 8, &next, 8);
	memcpy(out + 16, &reclen, 2);
	out[18] = type;
	memcpy(out + 19, name, name_length);
	return length;
}

/*
 * One record of a getdents64 answer out to the user's buffer at *done: 1
 * when it went, 0 when the listing stops here (no room, or a fault after
 * some records: the count so far is the answer), else -errno (no record
 * fits in the buffer: -EINVAL; a fault at once: -EFAULT).
 */
static int put_record(uint32_t buffer, uint32_t length, uint32_t *done, const uint8_t *record,
		      uint32_t n)
{
	if (n > length - *done)
		return *done ? 0 : -EINVAL;
	if (copy_to_user((void *)(buffer + *done), record, n))
		return *done ? 0 : -EFAULT;
	*done += n;
	return 1;
}

static uint8_t type_of(uint32_t mode)
{
	switch (mode & CPIO_MODE_TYPE) {
	case CPIO_MODE_DIRECTORY:
		return DT_DIR;
	case CPIO_MODE_SYMLINK:
		return DT_LNK;
	case 0020000:
		return DT_CHR;
	default:
		return DT_REG;
	}
}

/*
 * getdents64: file->offset is where the listing is: 0 before ".", 1
 * before "..", and 2 + the ramfs cookie after that (kernel/ramfs.h).
 */
static int32_t directory_getdents(struct file *file, uint32_t buffer, uint32_t length)
{
	uint8_t record[19 + RAMFS_PATH_MAX + 8];
	const struct ramfs *fs = initramfs_fs();
	uint32_t done = 0;
	int put;

	if (!user_range_ok(buffer, length))
		return -EFAULT;
	for (;;) {
		struct ramfs_node child, parent;
		const char *name;
		uint32_t name_length, n, cookie = (uint32_t)(file->offset - 2);
		uint64_t next;
		int error;

		if (file->offset == 0) {
			n = dirent(record, sizeof(record), file->node.ino, 1, DT_DIR, ".", 1);
			next = 1;
		} else if (file->offset == 1) {
			if (ramfs_lookup(fs, &file->node, "..", true, &parent))
				parent = file->node;
			n = dirent(record, sizeof(record), parent.ino, 2, DT_DIR, "..", 2);
			next = 2;
		} else {
			if (file->offset == ROOT_PROC_NEXT)
				break;
			if (file->offset == ROOT_DEV_NEXT) {
				n = dirent(record, sizeof(record), PROC_DIR_INO, ROOT_PROC_NEXT,
					   DT_DIR, "proc", 4);
				next = ROOT_PROC_NEXT;
				goto emit;
			}
			error = ramfs_readdir(fs, &file->node, &cookie, &child, &name,
					      &name_length);
			if (error == ERR_NOT_FOUND && file->node.ino == RAMFS_INO_ROOT &&
			    ramfs_lookup(fs, &file->node, "dev", false, &child) == ERR_NOT_FOUND) {
				/* The root lists /dev too (it is not in the archive). */
				n = dirent(record, sizeof(record), DEV_DIR_INO, ROOT_DEV_NEXT,
					   DT_DIR, "dev", 3);
				next = ROOT_DEV_NEXT;
				goto emit;
			}
			if (error == ERR_NOT_FOUND)
				break;
			if (error)
				return done ? (int32_t)done : -EIO;
			if (name_length > RAMFS_PATH_MAX)
				name_length = RAMFS_PATH_MAX;
			next = 2 + (uint64_t)cookie;
			n = dirent(record, sizeof(record), child.ino, next, type_of(child.mode),
				   name, name_length);
		}
emit:
		put = put_record(buffer, length, &done, record, n);
		if (put < 0)
			return put;
		if (put == 0)
			break;
		file->offset = next;
	}
	return (int32_t)done;
}

/* /dev's listing: ".", "..", then the devices; file->offset is the next record's number. */
static int32_t dev_dir_getdents(struct file *file, uint32_t buffer, uint32_t length)
{
	uint8_t record[19 + 16 + 8];
	const unsigned count = sizeof(devices) / sizeof(devices[0]);
	uint32_t done = 0;
	int put;

	if (!user_range_ok(buffer, length))
		return -EFAULT;
	while (file->offset < 2 + count) {
		uint32_t at = (uint32_t)file->offset, n;

		if (at < 2) {
			n = dirent(record, sizeof(record), at ? RAMFS_INO_ROOT : DEV_DIR_INO,
				   at + 1, DT_DIR, "..", at + 1);
		} else {
			struct kstat st;
			struct file probe = { .ops = devices[at - 2].ops };

			devices[at - 2].ops->stat(&probe, &st);
			n = dirent(record, sizeof(record), st.ino, at + 1, DT_CHR,
				   devices[at - 2].name, (uint32_t)strlen(devices[at - 2].name));
		}
		put = put_record(buffer, length, &done, record, n);
		if (put < 0)
			return put;
		if (put == 0)
			break;
		file->offset = at + 1;
	}
	return (int32_t)done;
}

static int32_t dev_dir_read(struct file *file, uint32_t buffer, uint32_t length)
{
	(void)file, (void)buffer, (void)length;
	return -EISDIR;
}

static const struct file_ops dev_dir_ops = {
	.read = dev_dir_read,
	.write = dev_dir_read,
	.getdents = dev_dir_getdents,
	.stat = dev_dir_stat,
	.seekable = true,
};

static const struct file_ops regular_ops = {
	.read = regular_read,
	.write = read_only,
	.stat = ramfs_file_stat,
	.seekable = true,
};

static const struct file_ops directory_ops = {
	.read = directory_read,
	.write = read_only,
	.getdents = directory_getdents,
	.stat = ramfs_file_stat,
	.seekable = true,
};

/*
 * /proc: what ps, free and uptime read. Each file's text is made when it
 * is opened (a snapshot, as a read of Linux's is consistent within one
 * read): /proc/meminfo, /proc/uptime, and for each process a directory
 * /proc/PID with stat (Linux's 52 fields, those bramble keeps filled in),
 * cmdline (its arguments, NUL-ended) and exe (a link to its program);
 * /proc/self is a link to the caller's. Names are absolute only, as /dev's.
 */
#define PROC_TEXT_MAX 768
#define PROC_PID_INO  0x40000000U /* + pid * 4 */

enum proc_kind {
	PROC_NONE,
	PROC_ROOT,
	PROC_SELF,
	PROC_MEMINFO,
	PROC_UPTIME,
	PROC_PID_DIR,
	PROC_PID_STAT,
	PROC_PID_CMDLINE,
	PROC_PID_EXE
};

struct proc_name {
	enum proc_kind kind;
	struct process *p; /* the PID's (or self's, once resolved) */
};

static bool is_proc(const char *path)
{
	return strncmp(path, "/proc", 5) == 0 && (path[5] == '\0' || path[5] == '/');
}

/* What a /proc path names; follow_self: "/proc/self" itself is the caller's directory. */
static struct proc_name proc_parse(struct process *self, const char *path, bool follow_self)
{
	struct proc_name name = { PROC_NONE, NULL };
	const char *at = path + 5, *rest;
	char *end;
	long pid;

	while (*at == '/')
		at++;
	if (*at == '\0')
		return (struct proc_name){ PROC_ROOT, NULL };
	if (strcmp(at, "meminfo") == 0)
		return (struct proc_name){ PROC_MEMINFO, NULL };
	if (strcmp(at, "uptime") == 0)
		return (struct proc_name){ PROC_UPTIME, NULL };
	if (strncmp(at, "self", 4) == 0 && (at[4] == '\0' || at[4] == '/')) {
		if (at[4] == '\0' && !follow_self)
			return (struct proc_name){ PROC_SELF, self };
		name.p = self;
		rest = at + 4;
	} else {
		pid = strtol(at, &end, 10);
		if (end == at || pid <= 0 || (*end != '\0' && *end != '/'))
			return name;
		name.p = process_find((int)pid);
		rest = end;
	}
	if (!name.p)
		return name;
	while (*rest == '/')
		rest++;
	if (*rest == '\0')
		name.kind = PROC_PID_DIR;
	else if (strcmp(rest, "stat") == 0)
		name.kind = PROC_PID_STAT;
	else if (strcmp(rest, "cmdline") == 0)
		name.kind = PROC_PID_CMDLINE;
	else if (strcmp(rest, "exe") == 0)
		name.kind = PROC_PID_EXE;
	return name;
}

static char state_letter(const struct process *p)
{
	if (p->state == PROCESS_ZOMBIE)
		return 'Z';
	if (p->stopped)
		return 'T';
	return p->thread && p->thread->state == THREAD_BLOCKED ? 'S' : 'R';
}

/* The text of a /proc file into buf: its length. */
static uint32_t proc_text(const struct proc_name *name, char *buf, uint32_t size)
{
	const struct process *p = name->p;
	uint64_t ns = clock_ns();
	uint32_t free_kib, total_kib;
	int n = 0;

	switch (name->kind) {
	case PROC_MEMINFO:
		total_kib = kernel_pmm.ram_frames * (PAGE_SIZE / 1024);
		free_kib = pmm_free_count(&kernel_pmm) * (PAGE_SIZE / 1024);
		n = snprintf(buf, size,
			     "MemTotal:       %8lu kB\nMemFree:        %8lu kB\n"
			     "MemAvailable:   %8lu kB\nBuffers:               0 kB\n"
			     "Cached:                0 kB\nShmem:                 0 kB\n"
			     "SwapTotal:             0 kB\nSwapFree:              0 kB\n",
			     (unsigned long)total_kib, (unsigned long)free_kib,
			     (unsigned long)free_kib);
		break;
	case PROC_UPTIME:
		n = snprintf(buf, size, "%lu.%02lu 0.00\n", (unsigned long)(ns / 1000000000ULL),
			     (unsigned long)(ns / 10000000ULL % 100));
		break;
	case PROC_PID_STAT:
		n = snprintf(
			buf, size,
			"%d (%.15s) %c %d %d %d %d %d 0 %lu 0 0 0 0 0 0 0 20 0 1 0 0 %lu %lu "
			"4294967295 65536 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n",
			p->pid, p->comm, state_letter(p), p->parent ? p->parent->pid : 0, p->pgid,
			p->sid, p->sid == tty_session() ? (5 << 8) | 1 : 0,
			p->sid == tty_session() ? tty_foreground() : -1, (unsigned long)p->faults,
			(unsigned long)(p->brk - USER_LOW_LIMIT), (unsigned long)p->resident);
		break;
	case PROC_PID_CMDLINE:
		n = (int)(p->cmdline_length < size ? p->cmdline_length : size);
		memcpy(buf, p->cmdline, (size_t)n);
		return (uint32_t)n;
	default:
		break;
	}
	return n < 0 ? 0 : (uint32_t)n < size ? (uint32_t)n : size - 1;
}

struct proc_file {
	uint32_t length;
	char text[PROC_TEXT_MAX];
};

static int32_t proc_read(struct file *file, uint32_t buffer, uint32_t length)
{
	const struct proc_file *f = file->private;
	uint64_t left = file->offset < f->length ? f->length - file->offset : 0;
	uint32_t n = length < left ? length : (uint32_t)left;

	if (!user_range_ok(buffer, length))
		return -EFAULT;
	if (n && copy_to_user((void *)buffer, f->text + file->offset, n))
		return -EFAULT;
	file->offset += n;
	return (int32_t)n;
}

static void proc_release(struct file *file)
{
	kfree(file->private);
}

static void proc_file_stat(struct file *file, struct kstat *out)
{
	const struct proc_file *f = file->private;

	file_stat_device(out, 0);
	out->mode = CPIO_MODE_REGULAR | 0444;
	out->dev = 3;
	out->size = 0; /* as Linux's: the size of a /proc file is not known before it is read */
	out->ino = PROC_DIR_INO - 1 - (f ? 0 : 1);
}

static const struct file_ops proc_file_ops = {
	.read = proc_read,
	.write = read_only,
	.stat = proc_file_stat,
	.release = proc_release,
	.seekable = true,
};

/* A /proc directory's listing: /proc (self, meminfo, uptime, each pid) or /proc/PID. */
static int32_t proc_dir_getdents(struct file *file, uint32_t buffer, uint32_t length)
{
	static const char *const top[] = { ".", "..", "self", "meminfo", "uptime" };
	static const char *const per_pid[] = { ".", "..", "stat", "cmdline", "exe" };
	bool of = file->private != NULL; /* a pid directory's listing, else /proc's */
	uint8_t record[19 + 16 + 8];
	uint32_t done = 0;
	int put;

	if (!user_range_ok(buffer, length))
		return -EFAULT;
	for (;;) {
		uint32_t at = (uint32_t)file->offset, n;
		char number[12];

		if (at < 5) {
			const char *name = of ? per_pid[at] : top[at];
			uint8_t type = at < 2           ? DT_DIR
				       : of && at == 4  ? DT_LNK
				       : !of && at == 2 ? DT_LNK
							: DT_REG;

			n = dirent(record, sizeof(record), PROC_DIR_INO + at, at + 1, type, name,
				   (uint32_t)strlen(name));
		} else if (!of) {
			const struct process *q = process_first();

			for (uint32_t i = 5; q && i < at; i++)
				q = q->next;
			if (!q)
				break;
			snprintf(number, sizeof(number), "%d", q->pid);
			n = dirent(record, sizeof(record), PROC_PID_INO + (uint32_t)q->pid * 4,
				   at + 1, DT_DIR, number, (uint32_t)strlen(number));
		} else {
			break;
		}
		put = put_record(buffer, length, &done, record, n);
		if (put < 0)
			return put;
		if (put == 0)
			break;
		file->offset = at + 1;
	}
	return (int32_t)done;
}

/* A pid directory's file keeps the pid (not the process, which may go while it is open). */
static void proc_dir_stat(struct file *file, struct kstat *out)
{
	uint32_t pid = (uint32_t)(uintptr_t)file->private;

	file_stat_device(out, 0);
	out->mode = CPIO_MODE_DIRECTORY | 0555;
	out->nlink = 2;
	out->dev = 3;
	out->ino = pid ? PROC_PID_INO + pid * 4 : PROC_DIR_INO;
}

static const struct file_ops proc_dir_ops = {
	.read = dev_dir_read,
	.write = dev_dir_read,
	.getdents = proc_dir_getdents,
	.stat = proc_dir_stat,
	.seekable = true,
};

static int proc_open(struct process *self, const char *path, uint32_t flags, struct file **out)
{
	struct proc_name name = proc_parse(self, path, true);
	struct proc_file *text;
	struct file *file;

	if (name.kind == PROC_NONE)
		return -ENOENT;
	if ((flags & O_ACCMODE) != O_RDONLY)
		return name.kind == PROC_ROOT || name.kind == PROC_PID_DIR ? -EISDIR : -EACCES;
	if (name.kind == PROC_PID_EXE)
		return vfs_open(self, NULL, name.p->exe, flags, out);
	if (name.kind == PROC_ROOT || name.kind == PROC_PID_DIR) {
		file = file_new(&proc_dir_ops, O_RDONLY,
				name.kind == PROC_ROOT ? NULL : (void *)(uintptr_t)name.p->pid);
		if (!file)
			return -ENOMEM;
		*out = file;
		return 0;
	}
	if (flags & O_DIRECTORY)
		return -ENOTDIR;
	text = kmalloc(sizeof(*text));
	if (!text)
		return -ENOMEM;
	text->length = proc_text(&name, text->text, sizeof(text->text));
	file = file_new(&proc_file_ops, O_RDONLY, text);
	if (!file) {
		kfree(text);
		return -ENOMEM;
	}
	*out = file;
	return 0;
}

static int proc_stat(struct process *self, const char *path, bool follow, struct kstat *out)
{
	struct proc_name name = proc_parse(self, path, follow);
	struct file probe = { .private = name.p ? (void *)(uintptr_t)name.p->pid : NULL };

	switch (name.kind) {
	case PROC_NONE:
		return -ENOENT;
	case PROC_SELF:
	case PROC_PID_EXE:
		if (name.kind == PROC_PID_EXE && follow)
			return vfs_stat(self, NULL, name.p->exe, true, out);
		file_stat_device(out, 0);
		out->mode = CPIO_MODE_SYMLINK | 0777;
		out->dev = 3;
		return 0;
	case PROC_ROOT:
		probe.private = NULL;
		/* fall through */
	case PROC_PID_DIR:
		proc_dir_stat(&probe, out);
		return 0;
	default:
		proc_file_stat(&probe, out);
		return 0;
	}
}

static int proc_readlink(struct process *self, const char *path, char *buf, uint32_t size)
{
	struct proc_name name = proc_parse(self, path, false);
	char text[RAMFS_PATH_MAX];
	uint32_t n;

	if (name.kind == PROC_SELF)
		snprintf(text, sizeof(text), "%d", name.p->pid);
	else if (name.kind == PROC_PID_EXE)
		snprintf(text, sizeof(text), "%s", name.p->exe);
	else
		return name.kind == PROC_NONE ? -ENOENT : -EINVAL;
	n = (uint32_t)strlen(text);
	n = n < size ? n : size;
	memcpy(buf, text, n);
	return (int)n;
}

int vfs_open(struct process *p, const struct ramfs_node *from, const char *path, uint32_t flags,
	     struct file **out)
{
	uint32_t access = flags & O_ACCMODE;
	struct ramfs_node node;
	struct file *file;
	int device = device_of(path), error;

	if (is_proc(path))
		return proc_open(p, path, flags, out);
	if (is_dev_dir(path)) {
		if (access != O_RDONLY)
			return -EISDIR;
		file = file_new(&dev_dir_ops, O_RDONLY, NULL);
		if (!file)
			return -ENOMEM;
		*out = file;
		return 0;
	}
	if (device >= 0) {
		if (flags & O_DIRECTORY)
			return -ENOTDIR;
		if (devices[device].ops == &tty_file_ops && !(flags & O_NOCTTY) && p &&
		    p->pid == p->sid)
			tty_set_session(p->sid); /* a session leader opening it: its terminal */
		file = file_new(devices[device].ops, flags & (O_ACCMODE | O_APPEND | O_NONBLOCK),
				NULL);
		if (!file)
			return -ENOMEM;
		*out = file;
		return 0;
	}
	error = lookup(p, from, path, !(flags & O_NOFOLLOW), &node);
	if (error == -ENOENT && (flags & O_CREAT))
		return -EROFS;
	if (error)
		return error;
	if ((flags & O_CREAT) && (flags & O_EXCL))
		return -EEXIST;
	if ((node.mode & CPIO_MODE_TYPE) == CPIO_MODE_SYMLINK)
		return -ELOOP; /* O_NOFOLLOW on a link */
	if (ramfs_is_directory(&node)) {
		if (access != O_RDONLY)
			return -EISDIR;
	} else if (flags & O_DIRECTORY) {
		return -ENOTDIR;
	}
	if (access != O_RDONLY || (flags & O_TRUNC))
		return -EROFS;
	file = file_new(ramfs_is_directory(&node) ? &directory_ops : &regular_ops,
			flags & (O_ACCMODE | O_APPEND | O_NONBLOCK), NULL);
	if (!file)
		return -ENOMEM;
	file->node = node;
	*out = file;
	return 0;
}

int vfs_stat(struct process *p, const struct ramfs_node *from, const char *path, bool follow,
	     struct kstat *out)
{
	struct ramfs_node node;
	int device = device_of(path), error;

	if (device >= 0 || is_dev_dir(path)) {
		const struct file_ops *ops = device >= 0 ? devices[device].ops : &dev_dir_ops;
		struct file probe = { .ops = ops };

		ops->stat(&probe, out);
		return 0;
	}
	if (is_proc(path))
		return proc_stat(p, path, follow, out);
	error = lookup(p, from, path, follow, &node);
	if (error)
		return error;
	node_stat(&node, out);
	return 0;
}

int vfs_readlink(struct process *p, const struct ramfs_node *from, const char *path, char *buf,
		 uint32_t size)
{
	struct ramfs_node node;
	int error;

	if (is_proc(path))
		return proc_readlink(p, path, buf, size);
	error = lookup(p, from, path, false, &node);
	if (error)
		return error;
	if ((node.mode & CPIO_MODE_TYPE) != CPIO_MODE_SYMLINK)
		return -EINVAL;
	return ramfs_readlink(&node, buf, size);
}

int vfs_chdir(struct process *p, const char *path)
{
	struct ramfs_node node;
	int error = lookup(p, NULL, path, true, &node);

	if (error)
		return error;
	if (!ramfs_is_directory(&node))
		return -ENOTDIR;
	p->cwd = node;
	return 0;
}

int vfs_getcwd(const struct process *p, char *buf, uint32_t size)
{
	if (ramfs_path(&p->cwd, buf, size))
		return -ERANGE;
	return (int)strlen(buf) + 1;
}

int vfs_resolve_program(struct process *p, const char *path, char *archive_path, uint32_t size)
{
	struct ramfs_node node;
	int error;

	if (is_proc(path)) {
		struct proc_name name = proc_parse(p, path, true);

		if (name.kind != PROC_PID_EXE)
			return -EACCES;
		path = name.p->exe;
	}
	error = lookup(p, NULL, path, true, &node);
	if (error)
		return error;
	if (ramfs_is_directory(&node))
		return -EACCES;
	if ((node.mode & CPIO_MODE_TYPE) != CPIO_MODE_REGULAR || !(node.mode & 0111))
		return -EACCES;
	if (node.name_length + 2 > size)
		return -ENAMETOOLONG;
	archive_path[0] = '/';
	memcpy(archive_path + 1, node.name, node.name_length);
	archive_path[node.name_length + 1] = '\0';
	return 0;
}
