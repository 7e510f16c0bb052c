/*
 * kernel/vfs.c - names to files (kernel/vfs.h).
 */
#include "kernel/vfs.h"

#include <string.h>

#include "kernel/errno.h"
#include "kernel/initramfs.h"
#include "kernel/process.h"
#include "kernel/tty.h"
#include "kernel/uaccess.h"

#define PROC_SELF_EXE "/proc/self/exe"

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

/* The device a path names, or -1. Only absolute /dev/NAME paths name them. */
/* /dev itself, listed and stat'ed as a directory of the devices above (outside the archive). */
#define DEV_DIR_INO 0x7FFFFFF0U
#define ROOT_DEV_NEXT \
	0x7FFFFFFFULL /* a root listing's offset once "dev" is listed (fits an off_t) */

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
			if (file->offset == ROOT_DEV_NEXT)
				break;
			error = ramfs_readdir(fs, &file->node, &cookie, &child, &name,
					      &name_length);
			if (error == ERR_NOT_FOUND && file->node.ino == RAMFS_INO_ROOT &&
			    ramfs_lookup(fs, &file->node, "dev", false, &child) == ERR_NOT_FOUND) {
				/* The root lists /dev too (it is not in the archive). */
				n = dirent(record, sizeof(record), DEV_DIR_INO, ROOT_DEV_NEXT,
					   DT_DIR, "dev", 3);
				next = ROOT_DEV_NEXT;
				goto put;
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
put:
		if (n > length - done) {
			if (!done)
				return -EINVAL; /* the buffer cannot hold one record */
			break;
		}
		if (copy_to_user((void *)(buffer + done), record, n))
			return done ? (int32_t)done : -EFAULT;
		done += n;
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
		if (n > length - done) {
			if (!done)
				return -EINVAL;
			break;
		}
		if (copy_to_user((void *)(buffer + done), record, n))
			return done ? (int32_t)done : -EFAULT;
		done += n;
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

int vfs_open(struct process *p, const struct ramfs_node *from, const char *path, uint32_t flags,
	     struct file **out)
{
	uint32_t access = flags & O_ACCMODE;
	struct ramfs_node node;
	struct file *file;
	int device = device_of(path), error;

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
	if (strcmp(path, PROC_SELF_EXE) == 0) {
		if (!follow) {
			file_stat_device(out, 0);
			out->mode = CPIO_MODE_SYMLINK | 0777;
			out->size = strlen(p->exe);
			return 0;
		}
		path = p->exe;
		from = NULL;
	}
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

	if (strcmp(path, PROC_SELF_EXE) == 0) {
		uint32_t n = (uint32_t)strlen(p->exe);

		n = n < size ? n : size;
		memcpy(buf, p->exe, n);
		return (int)n;
	}
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

	if (strcmp(path, PROC_SELF_EXE) == 0)
		path = p->exe;
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
