/*
 * user/hello.c - the smallest program that shows the C library works:
 * printf, malloc (on brk) and the arguments and environment it was
 * started with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp)
{
	size_t total = 0;

	printf("hello from pid %d\n", getpid());
	for (int i = 0; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	for (int i = 0; envp[i]; i++)
		printf("envp[%d] = %s\n", i, envp[i]);
	/* Blocks of growing sizes, each filled and checked: the heap grows through brk. */
	for (size_t size = 16; size <= 64 * 1024; size *= 4) {
		unsigned char *block = malloc(size);

		if (!block) {
			printf("malloc(%u) failed\n", (unsigned)size);
			return 1;
		}
		memset(block, (int)(size & 0xFF), size);
		for (size_t k = 0; k < size; k++) {
			if (block[k] != (unsigned char)(size & 0xFF)) {
				printf("malloc(%u): byte %u is wrong\n", (unsigned)size,
				       (unsigned)k);
				return 1;
			}
		}
		total += size;
		free(block);
	}
	printf("malloc: %u bytes written and read back\n", (unsigned)total);
	return 0;
}
