/*
 * tests/host/test_vm_map.c - a process's regions: fixed cases, then a long
 * random sequence against a model that keeps one entry per page, with
 * allocations that fail on purpose.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/error.h"
#include "mm/vm_map.h"
#include "tap.h"

#define PAGES 64
#define BASE  0x00100000U

static bool fail_next; /* the next resize fails */
static unsigned resizes;

static void *resize(void *context, void *old, size_t bytes)
{
	(void)context;
	resizes++;
	if (bytes == 0) {
		free(old);
		return NULL;
	}
	if (fail_next) {
		fail_next = false;
		return NULL;
	}
	return realloc(old, bytes);
}

static const uint8_t file_bytes[PAGES * PAGE_SIZE];

static vaddr_t page(unsigned n)
{
	return BASE + n * PAGE_SIZE;
}

/* The model: per page, whether it is in a region, and the region's attributes there. */
struct model_page {
	bool used;
	unsigned prot;
	enum vm_kind kind;
	const uint8_t *file; /* VM_FILE: the byte behind the page's start, and how many follow */
	uint32_t file_bytes;
};

static struct model_page model[PAGES];

static unsigned removed_pages;

static void count_removed(void *context, vaddr_t start, vaddr_t end, const struct vm_region *was)
{
	(void)context;
	if (start < was->start || end > was->end || start >= end)
		removed_pages += 1000000; /* a piece outside its region: the check below fails */
	removed_pages += (end - start) / PAGE_SIZE;
}

/* The map is sorted, disjoint, maximally merged, and says what the model says, page by page. */
static bool consistent(const struct vm_map *map)
{
	for (unsigned i = 0; i < map->count; i++) {
		const struct vm_region *r = &map->regions[i];

		if (r->start >= r->end || (i && map->regions[i - 1].end > r->start))
			return false;
		if (i && map->regions[i - 1].end == r->start &&
		    map->regions[i - 1].kind == r->kind && map->regions[i - 1].prot == r->prot &&
		    (r->kind != VM_FILE || r->file_size == 0 ||
		     (map->regions[i - 1].file_size ==
			      map->regions[i - 1].end - map->regions[i - 1].start &&
		      map->regions[i - 1].file + map->regions[i - 1].file_size == r->file)))
			return false; /* should have been merged */
	}
	for (unsigned n = 0; n < PAGES; n++) {
		const struct vm_region *r = vm_find(map, page(n) + 123);

		if (!r != !model[n].used)
			return false;
		if (!r)
			continue;
		if (r->prot != model[n].prot || r->kind != model[n].kind)
			return false;
		if (r->kind == VM_FILE) {
			uint32_t offset = page(n) - r->start;
			uint32_t bytes = r->file_size > offset ? r->file_size - offset : 0;

			if (bytes > PAGE_SIZE)
				bytes = PAGE_SIZE;
			if (bytes != model[n].file_bytes ||
			    (bytes && r->file + offset != model[n].file))
				return false;
		}
	}
	return true;
}

static bool same_map(const struct vm_region *copy, unsigned count, const struct vm_map *map)
{
	return count == map->count && memcmp(copy, map->regions, count * sizeof(*copy)) == 0;
}

static void model_set(unsigned first, unsigned last, const struct vm_region *r)
{
	for (unsigned n = first; n < last; n++) {
		uint32_t offset = page(n) - r->start;
		uint32_t bytes = r->file_size > offset ? r->file_size - offset : 0;

		model[n] = (struct model_page){ true, r->prot, r->kind, NULL, 0 };
		if (r->kind == VM_FILE) {
			model[n].file = r->file + offset;
			model[n].file_bytes = bytes > PAGE_SIZE ? PAGE_SIZE : bytes;
		}
	}
}

/* Say where a random sequence went wrong. */
static bool failed(struct vm_map *map, unsigned step, unsigned op, unsigned first, unsigned last,
		   int line)
{
	printf("# step %u, operation %u on pages %u-%u: check at line %d\n", step, op, first, last,
	       line);
	vm_map_free(map);
	return false;
}

static bool random_sequence(unsigned steps, unsigned seed)
{
	struct vm_map map;
	struct vm_region saved[PAGES + 4];
	unsigned saved_count;

	srand(seed);
	memset(model, 0, sizeof(model));
	vm_map_init(&map, resize, NULL);
	for (unsigned step = 0; step < steps; step++) {
		unsigned a = (unsigned)rand() % PAGES, b = (unsigned)rand() % PAGES;
		unsigned first = a < b ? a : b, last = (a < b ? b : a) + 1;
		unsigned op = (unsigned)rand() % 4;
		bool failing = rand() % 8 == 0;
		int error;

		saved_count = map.count;
		memcpy(saved, map.regions ? map.regions : saved, map.count * sizeof(saved[0]));
		fail_next = failing;
		if (op == 0) {
			struct vm_region r = { .start = page(first),
					       .end = page(last),
					       .prot = (unsigned)rand() % 8,
					       .kind = (enum vm_kind)((unsigned)rand() %
								      VM_KIND_COUNT) };
			bool free_range = true;

			if (r.kind == VM_FILE) {
				r.file = file_bytes + ((unsigned)rand() % 4) * PAGE_SIZE;
				r.file_size = (uint32_t)rand() % (r.end - r.start + 1);
			}
			for (unsigned n = first; n < last; n++)
				free_range &= !model[n].used;
			error = vm_insert(&map, &r);
			if (!free_range) {
				if (error != ERR_EXISTS)
					return failed(&map, step, op, first, last, __LINE__);
			} else if (error == 0) {
				model_set(first, last, &r);
			} else if (error != ERR_NO_MEMORY || !failing) {
				return failed(&map, step, op, first, last, __LINE__);
			}
		} else if (op == 1) {
			unsigned expected = 0;

			for (unsigned n = first; n < last; n++)
				expected += model[n].used;
			removed_pages = 0;
			error = vm_remove(&map, page(first), page(last), count_removed, NULL);
			if (error == 0) {
				if (removed_pages != expected)
					return failed(&map, step, op, first, last, __LINE__);
				for (unsigned n = first; n < last; n++)
					model[n].used = false;
			} else if (error != ERR_NO_MEMORY || !failing) {
				return failed(&map, step, op, first, last, __LINE__);
			}
		} else if (op == 2) {
			unsigned prot = (unsigned)rand() % 8;
			bool covered = true, guard = false;

			for (unsigned n = first; n < last; n++) {
				covered &= model[n].used;
				guard |= model[n].used && model[n].kind == VM_GUARD;
			}
			error = vm_protect(&map, page(first), page(last), prot, NULL, NULL);
			if (!covered) {
				if (error != ERR_NOT_FOUND)
					return failed(&map, step, op, first, last, __LINE__);
			} else if (guard) {
				if (error != ERR_INVALID)
					return failed(&map, step, op, first, last, __LINE__);
			} else if (error == 0) {
				for (unsigned n = first; n < last; n++)
					model[n].prot = prot;
			} else if (error != ERR_NO_MEMORY || !failing) {
				return failed(&map, step, op, first, last, __LINE__);
			}
		} else {
			vaddr_t at = 0;
			uint32_t size = (uint32_t)(last - first) * PAGE_SIZE;
			int found = -1;

			fail_next = false;
			/* The model's answer: the highest run of free pages of that length. */
			for (int n = PAGES - (int)(last - first); n >= 0 && found < 0; n--) {
				bool free_run = true;

				for (unsigned k = 0; k < last - first; k++)
					free_run &= !model[n + (int)k].used;
				if (free_run)
					found = n;
			}
			error = vm_find_free(&map, size, page(0), page(PAGES), &at);
			if (found < 0 ? error != ERR_NO_MEMORY
				      : (error != 0 || at != page((unsigned)found)))
				return failed(&map, step, op, first, last, __LINE__);
		}
		fail_next = false;
		if (error && !same_map(saved, saved_count, &map))
			return failed(&map, step, op, first, last, __LINE__);
		if (!consistent(&map))
			return failed(&map, step, op, first, last, __LINE__);
	}
	vm_map_free(&map);
	return true;
}

int main(void)
{
	struct vm_map map;
	struct vm_region r;
	vaddr_t at = 0;
	unsigned calls;

	tap_plan(31);
	vm_map_init(&map, resize, NULL);
	r = (struct vm_region){
		.start = page(4), .end = page(8), .prot = VM_READ | VM_WRITE, .kind = VM_ANON
	};
	TAP_OK(vm_insert(&map, &r) == 0, "insert a region");
	TAP_OK(vm_find(&map, page(4)) && !vm_find(&map, page(8)) && !vm_find(&map, page(3) + 4095),
	       "find: start inside, end outside");
	r.start = page(8), r.end = page(10);
	TAP_OK(vm_insert(&map, &r) == 0 && map.count == 1 && map.regions[0].end == page(10),
	       "a touching alike region merges");
	r.start = page(10), r.end = page(12), r.prot = VM_READ;
	TAP_OK(vm_insert(&map, &r) == 0 && map.count == 2, "different permissions do not merge");
	r.start = page(9), r.end = page(11);
	TAP_OK(vm_insert(&map, &r) == ERR_EXISTS && map.count == 2, "an overlap is refused");
	r.start = page(1) + 1;
	TAP_OK(vm_insert(&map, &r) == ERR_INVALID, "a misaligned start is refused");
	r = (struct vm_region){ .start = 0x7FFFF000, .end = 0x80001000, .kind = VM_ANON };
	TAP_OK(vm_insert(&map, &r) == ERR_INVALID, "past 2 GiB is refused");
	r = (struct vm_region){ .start = page(20), .end = page(20), .kind = VM_ANON };
	TAP_OK(vm_insert(&map, &r) == ERR_INVALID, "an empty region is refused");
	r = (struct vm_region){ .start = page(20), .end = page(21), .kind = VM_FILE };
	TAP_OK(vm_insert(&map, &r) == ERR_INVALID, "a file region without a file is refused");
	r.file = file_bytes, r.file_size = PAGE_SIZE + 1;
	TAP_OK(vm_insert(&map, &r) == ERR_INVALID, "file bytes past the region are refused");
	r = (struct vm_region){ .start = page(20), .end = page(21), .prot = 8, .kind = VM_ANON };
	TAP_OK(vm_insert(&map, &r) == ERR_INVALID, "an unknown permission bit is refused");

	TAP_OK(vm_remove(&map, page(5), page(6), NULL, NULL) == 0 && map.count == 3 &&
		       map.regions[0].end == page(5) && map.regions[1].start == page(6),
	       "remove from the middle splits");
	TAP_OK(vm_remove(&map, page(30), page(40), NULL, NULL) == 0 && map.count == 3,
	       "removing a hole changes nothing");
	TAP_OK(vm_protect(&map, page(4), page(7), VM_READ, NULL, NULL) == ERR_NOT_FOUND,
	       "protect over a hole is refused");
	TAP_OK(vm_protect(&map, page(6), page(10), VM_READ, NULL, NULL) == 0 && map.count == 2 &&
		       map.regions[1].start == page(6) && map.regions[1].end == page(12),
	       "protect to a neighbour's permissions merges with it");
	r = (struct vm_region){ .start = page(40), .end = page(41), .kind = VM_GUARD };
	TAP_OK(vm_insert(&map, &r) == 0, "a guard region");
	TAP_OK(vm_protect(&map, page(40), page(41), VM_READ, NULL, NULL) == ERR_INVALID,
	       "a guard cannot be made accessible");

	/* Fill the array to its capacity, so that the split must grow it. */
	for (unsigned n = 0; map.count < map.capacity; n += 2) {
		r = (struct vm_region){ .start = page(100 + n),
					.end = page(101 + n),
					.kind = VM_ANON };
		(void)vm_insert(&map, &r);
	}
	fail_next = true;
	calls = resizes;
	TAP_OK(vm_remove(&map, page(7), page(8), NULL, NULL) == ERR_NO_MEMORY &&
		       resizes == calls + 1,
	       "a split without room fails when the array cannot grow");
	fail_next = false;
	TAP_OK(vm_find(&map, page(7)) != NULL, "and changes nothing");

	/* File regions: a split keeps each piece's bytes. */
	vm_map_free(&map);
	r = (struct vm_region){ .start = page(0),
				.end = page(4),
				.prot = VM_READ | VM_EXEC,
				.kind = VM_FILE,
				.file = file_bytes,
				.file_size = 2 * PAGE_SIZE + 10 };
	TAP_OK(vm_insert(&map, &r) == 0, "a file region");
	TAP_OK(vm_protect(&map, page(2), page(3), VM_READ, NULL, NULL) == 0 && map.count == 3 &&
		       map.regions[1].file == file_bytes + 2 * PAGE_SIZE &&
		       map.regions[1].file_size == 10 && map.regions[2].file_size == 0,
	       "split file regions keep their own bytes");
	TAP_OK(vm_protect(&map, page(2), page(3), VM_READ | VM_EXEC, NULL, NULL) == 0 &&
		       map.count == 1 && map.regions[0].file_size == 2 * PAGE_SIZE + 10,
	       "and merge back into one");

	/* find_free: top-down, exact fits, nothing. */
	vm_map_free(&map);
	r = (struct vm_region){ .start = page(10), .end = page(12), .kind = VM_ANON };
	(void)vm_insert(&map, &r);
	TAP_OK(vm_find_free(&map, 2 * PAGE_SIZE, page(0), page(14), &at) == 0 && at == page(12),
	       "find_free: the highest gap that fits");
	TAP_OK(vm_find_free(&map, 3 * PAGE_SIZE, page(0), page(14), &at) == 0 && at == page(7),
	       "find_free: below a region when the top gap is too small");
	TAP_OK(vm_find_free(&map, 10 * PAGE_SIZE, page(0), page(14), &at) == 0 && at == page(0),
	       "find_free: an exact fit at the bottom");
	TAP_OK(vm_find_free(&map, 11 * PAGE_SIZE, page(0), page(14), &at) == ERR_NO_MEMORY,
	       "find_free: no gap");
	/* copy (fork's): the same regions in an array of its own; refused whole without memory. */
	{
		struct vm_map copy;

		r = (struct vm_region){ .start = page(20), .end = page(22), .kind = VM_ANON };
		(void)vm_insert(&map, &r);
		vm_map_init(&copy, resize, NULL);
		fail_next = true;
		TAP_OK(vm_map_copy(&copy, &map) == ERR_NO_MEMORY && copy.count == 0 &&
			       !copy.regions,
		       "copy: no memory leaves the copy empty");
		fail_next = false;
		TAP_OK(vm_map_copy(&copy, &map) == 0 && copy.count == map.count &&
			       copy.regions != map.regions &&
			       memcmp(copy.regions, map.regions, map.count * sizeof(r)) == 0,
		       "copy: the same regions, in an array of its own");
		(void)vm_remove(&copy, page(10), page(12), NULL, NULL);
		TAP_OK(copy.count == map.count - 1 && vm_find(&map, page(10)) != NULL,
		       "copy: a change to the copy leaves the original alone");
		vm_map_free(&copy);
		/*
		 * One slot left in the array: a hole in the middle of one region
		 * splits it twice, and the room for both must be made first (the
		 * second split wrote past the array otherwise).
		 */
		vm_map_init(&copy, resize, NULL);
		(void)vm_map_copy(&copy, &map);
		r = (struct vm_region){ .start = page(40), .end = page(44), .kind = VM_ANON };
		(void)vm_insert(&copy, &r);
		for (unsigned k = 0; copy.count + 1 < copy.capacity; k++) {
			r = (struct vm_region){ .start = page(50 + 2 * k),
						.end = page(51 + 2 * k),
						.kind = VM_ANON };
			(void)vm_insert(&copy, &r);
		}
		calls = copy.count;
		TAP_OK(copy.capacity == copy.count + 1 &&
			       vm_remove(&copy, page(41), page(42), NULL, NULL) == 0 &&
			       copy.count == calls + 1 && copy.capacity >= copy.count &&
			       vm_find(&copy, page(40)) && !vm_find(&copy, page(41)) &&
			       vm_find(&copy, page(42)),
		       "remove: a hole inside a region of a full array makes room for two splits");
		vm_map_free(&copy);
	}
	vm_map_free(&map);

	TAP_OK(random_sequence(20000, 1) && random_sequence(20000, 2),
	       "random sequences agree with the model, failed allocations change nothing");
	return tap_done();
}
