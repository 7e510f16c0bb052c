/*
 * user/hog.c - take memory until there is none: 1 MiB blocks, every page
 * touched. The kernel may kill it when a page fault finds no frame
 * (SIGKILL); if malloc fails first, it says how much it got and exits 0.
 */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	unsigned long got = 0;

	for (;;) {
		char *block = malloc(1 << 20);

		if (!block)
			break;
		for (int i = 0; i < (1 << 20); i += 4096)
			block[i] = 1;
		got++;
	}
	printf("hog: %lu MiB, then malloc failed\n", got);
	return 0;
}
