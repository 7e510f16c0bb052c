/*
 * user/include/sys/mman.h - mmap, munmap and mprotect for programs built
 * here (newlib has no <sys/mman.h> for bare ARM). Private anonymous
 * memory only, as the kernel gives it; the constants are Linux's.
 */
#ifndef BRAMBLE_USER_SYS_MMAN_H
#define BRAMBLE_USER_SYS_MMAN_H

#include <stddef.h>
#include <sys/types.h>

#ifndef PROT_READ
#define PROT_NONE     0x0
#define PROT_READ     0x1
#define PROT_WRITE    0x2
#define PROT_EXEC     0x4
#define MAP_PRIVATE   0x02
#define MAP_FIXED     0x10
#define MAP_ANONYMOUS 0x20
#endif
#define MAP_SHARED 0x01
#define MAP_ANON   MAP_ANONYMOUS
#define MAP_FAILED ((void *)-1)

/* offset is in bytes, a multiple of 4096 (the kernel's mmap2 takes pages). */
void *mmap(void *address, size_t length, int prot, int flags, int fd, off_t offset);
int munmap(void *address, size_t length);
int mprotect(void *address, size_t length, int prot);

#endif /* BRAMBLE_USER_SYS_MMAN_H */
