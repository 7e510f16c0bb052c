/*
 * user/lib/syscalls.c - the system layer newlib-nano expects (_write,
 * _read, _sbrk, _exit, ...), on Linux's system calls, and the start of a
 * program.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>

#include <sys/mman.h>

#include "bramble/syscall.h"

extern char **environ;
int main(int argc, char **argv, char **envp);
void user_start(int argc, char **argv, char **envp) __attribute__((noreturn));
extern void __libc_init_array(void);

void user_start(int argc, char **argv, char **envp)
{
	environ = envp;
	__libc_init_array();
	exit(main(argc, argv, envp));
}

/* A result of the kernel's: -errno into errno and -1, or the value. */
static long result(long r)
{
	if ((unsigned long)r >= (unsigned long)-4095) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

int _write(int fd, const void *buffer, size_t length)
{
	return (int)result(sys_write(fd, buffer, length));
}

int _read(int fd, void *buffer, size_t length)
{
	return (int)result(sys_read(fd, buffer, length));
}

void _exit(int code)
{
	sys_exit_group(code);
}

int _fork(void)
{
	return (int)result(sys_fork());
}

int _execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)result(sys_execve(path, argv, envp));
}

int _wait(int *status)
{
	return (int)result(sys_wait4(-1, status, 0, 0));
}

int waitpid(int pid, int *status, int options);
int waitpid(int pid, int *status, int options)
{
	return (int)result(sys_wait4(pid, status, options, 0));
}

void *mmap(void *address, size_t length, int prot, int flags, int fd, off_t offset)
{
	long r;

	if (offset & 4095) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	r = sys_mmap2(address, length, prot, flags, fd, (unsigned long)offset >> 12);
	return MAP_FAILED_RAW(r) ? (errno = (int)-r, MAP_FAILED) : (void *)r;
}

int munmap(void *address, size_t length)
{
	return (int)result(sys_munmap(address, length));
}

int mprotect(void *address, size_t length, int prot)
{
	return (int)result(sys_mprotect(address, length, prot));
}

int _getpid(void)
{
	return (int)sys_getpid();
}

int _kill(int pid, int signal)
{
	return (int)result(sys_kill(pid, signal));
}

/* The heap on brk: the kernel answers with the break it ends up with. */
void *_sbrk(ptrdiff_t increment)
{
	static uintptr_t current;
	uintptr_t wanted;

	if (!current)
		current = (uintptr_t)sys_brk(0);
	wanted = current + (uintptr_t)increment;
	if (increment && (uintptr_t)sys_brk((void *)wanted) != wanted) {
		errno = ENOMEM;
		return (void *)-1;
	}
	current = wanted;
	return (void *)(wanted - (uintptr_t)increment);
}

/* No files yet: fds 0-2 are the console, a character device. */
int _close(int fd)
{
	(void)fd;
	errno = EBADF;
	return -1;
}

int _lseek(int fd, int offset, int whence)
{
	(void)fd, (void)offset, (void)whence;
	errno = ESPIPE;
	return -1;
}

int _fstat(int fd, struct stat *st)
{
	if (fd < 0 || fd > 2) {
		errno = EBADF;
		return -1;
	}
	st->st_mode = S_IFCHR;
	return 0;
}

int _isatty(int fd)
{
	return fd >= 0 && fd <= 2;
}

int _gettimeofday(struct timeval *tv, void *zone)
{
	struct bramble_timespec t;

	(void)zone;
	if (result(sys_clock_gettime(0, &t)) < 0)
		return -1;
	tv->tv_sec = t.tv_sec;
	tv->tv_usec = t.tv_nsec / 1000;
	return 0;
}

clock_t _times(struct tms *buffer)
{
	(void)buffer;
	errno = ENOSYS;
	return (clock_t)-1;
}

/* newlib's __libc_init_array calls these (crti/crtn are not linked): nothing to do. */
void _init(void);
void _fini(void);

void _init(void)
{
}

void _fini(void)
{
}
