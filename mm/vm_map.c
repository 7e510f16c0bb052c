/*
 * mm/vm_map.c - a process's regions (mm/vm_map.h).
 *
 * Every change has the same shape: check everything, reserve room for the
 * entries it may add (a remove splits at most one region in two, a
 * protect at most two: count + 2), then split at the bounds of the range,
 * so that the regions it covers are whole entries [first, last), change
 * those, and merge what became alike around them. Splitting does not
 * change what the map says, so it is safe to do before the change itself;
 * nothing after the reservation can fail.
 */
#include "mm/vm_map.h"

#include <stdbool.h>
#include <string.h>

#include "kernel/error.h"

void vm_map_init(struct vm_map *map, void *(*resize)(void *, void *, size_t), void *context)
{
	map->regions = NULL;
	map->count = 0;
	map->capacity = 0;
	map->resize = resize;
	map->context = context;
}

void vm_map_free(struct vm_map *map)
{
	if (map->regions)
		(void)map->resize(map->context, map->regions, 0);
	map->regions = NULL;
	map->count = 0;
	map->capacity = 0;
}

static bool aligned(vaddr_t address)
{
	return (address & (PAGE_SIZE - 1)) == 0;
}

static bool range_valid(vaddr_t start, vaddr_t end)
{
	return aligned(start) && aligned(end) && start < end && end <= USER_SPACE_END;
}

/* Room for count + extra entries. */
static int reserve(struct vm_map *map, unsigned extra)
{
	unsigned wanted = map->count + extra, capacity;
	struct vm_region *grown;

	if (wanted <= map->capacity)
		return 0;
	capacity = map->capacity ? map->capacity * 2 : 8;
	while (capacity < wanted)
		capacity *= 2;
	grown = map->resize(map->context, map->regions, capacity * sizeof(*grown));
	if (!grown)
		return ERR_NO_MEMORY;
	map->regions = grown;
	map->capacity = capacity;
	return 0;
}

int vm_map_copy(struct vm_map *to, const struct vm_map *from)
{
	if (to->count || reserve(to, from->count))
		return ERR_NO_MEMORY;
	if (from->count)
		memcpy(to->regions, from->regions, from->count * sizeof(from->regions[0]));
	to->count = from->count;
	return 0;
}

/* The index of the first region whose end is above addr (count if none). */
static unsigned first_ending_above(const struct vm_map *map, vaddr_t addr)
{
	unsigned low = 0, high = map->count;

	while (low < high) {
		unsigned middle = low + (high - low) / 2;

		if (map->regions[middle].end <= addr)
			low = middle + 1;
		else
			high = middle;
	}
	return low;
}

const struct vm_region *vm_find(const struct vm_map *map, vaddr_t addr)
{
	unsigned i = first_ending_above(map, addr);

	return i < map->count && map->regions[i].start <= addr ? &map->regions[i] : NULL;
}

/* Whether right may be folded into left, which it touches. */
static bool alike(const struct vm_region *left, const struct vm_region *right)
{
	if (left->end != right->start || left->kind != right->kind || left->prot != right->prot)
		return false;
	if (left->kind != VM_FILE || right->file_size == 0)
		return true; /* (a file region's pages past its bytes read zero, as anonymous ones) */
	return left->file_size == left->end - left->start &&
	       left->file + left->file_size == right->file;
}

static void merge_into_left(struct vm_region *left, const struct vm_region *right)
{
	if (left->kind == VM_FILE && right->file_size)
		left->file_size += right->file_size;
	left->end = right->end;
}

static void erase(struct vm_map *map, unsigned first, unsigned count)
{
	memmove(&map->regions[first], &map->regions[first + count],
		(map->count - first - count) * sizeof(map->regions[0]));
	map->count -= count;
}

/* Merge alike neighbours among entries [from, to] (clamped to the map). */
static void merge_around(struct vm_map *map, unsigned from, unsigned to)
{
	if (to >= map->count)
		to = map->count ? map->count - 1 : 0;
	for (unsigned i = from; i < to && i + 1 < map->count;) {
		if (alike(&map->regions[i], &map->regions[i + 1])) {
			merge_into_left(&map->regions[i], &map->regions[i + 1]);
			erase(map, i + 1, 1);
			to--;
		} else {
			i++;
		}
	}
}

/* If addr falls strictly inside a region, make it two (room must be reserved). */
static void split_at(struct vm_map *map, vaddr_t addr)
{
	unsigned i = first_ending_above(map, addr);
	struct vm_region *region, *right;
	uint32_t offset;

	if (i == map->count || map->regions[i].start >= addr)
		return;
	memmove(&map->regions[i + 1], &map->regions[i], (map->count - i) * sizeof(map->regions[0]));
	map->count++;
	region = &map->regions[i];
	right = &map->regions[i + 1];
	offset = addr - region->start;
	right->start = addr;
	region->end = addr;
	if (region->kind == VM_FILE) {
		right->file = region->file + offset;
		right->file_size = region->file_size > offset ? region->file_size - offset : 0;
		if (region->file_size > offset)
			region->file_size = offset;
	}
}

int vm_insert(struct vm_map *map, const struct vm_region *region)
{
	unsigned i;

	if (!range_valid(region->start, region->end) || (region->prot & ~VM_PROT_MASK) ||
	    (unsigned)region->kind >= VM_KIND_COUNT)
		return ERR_INVALID;
	if (region->kind == VM_FILE &&
	    (!region->file || region->file_size > region->end - region->start))
		return ERR_INVALID;
	i = first_ending_above(map, region->start);
	if (i < map->count && map->regions[i].start < region->end)
		return ERR_EXISTS;
	if (reserve(map, 1))
		return ERR_NO_MEMORY;
	memmove(&map->regions[i + 1], &map->regions[i], (map->count - i) * sizeof(map->regions[0]));
	map->regions[i] = *region;
	if (region->kind != VM_FILE) {
		map->regions[i].file = NULL;
		map->regions[i].file_size = 0;
	}
	map->count++;
	merge_around(map, i ? i - 1 : 0, i + 1);
	return 0;
}

/* After split_at(start) and split_at(end): the entries inside [start, end) are [*first, *last). */
static void whole_entries(const struct vm_map *map, vaddr_t start, vaddr_t end, unsigned *first,
			  unsigned *last)
{
	*first = first_ending_above(map, start);
	*last = *first;
	while (*last < map->count && map->regions[*last].end <= end)
		(*last)++;
}

int vm_remove(struct vm_map *map, vaddr_t start, vaddr_t end, vm_range_fn removed, void *context)
{
	unsigned first, last;

	if (!range_valid(start, end))
		return ERR_INVALID;
	/* Two splits when the hole is inside one region: room for both. */
	if (reserve(map, 2))
		return ERR_NO_MEMORY;
	for (unsigned i = first_ending_above(map, start);
	     i < map->count && map->regions[i].start < end; i++) {
		const struct vm_region *was = &map->regions[i];
		vaddr_t from = was->start > start ? was->start : start;
		vaddr_t to = was->end < end ? was->end : end;

		if (removed)
			removed(context, from, to, was);
	}
	split_at(map, start);
	split_at(map, end);
	whole_entries(map, start, end, &first, &last);
	erase(map, first, last - first);
	return 0;
}

int vm_protect(struct vm_map *map, vaddr_t start, vaddr_t end, unsigned prot, vm_range_fn changed,
	       void *context)
{
	unsigned first, last;
	vaddr_t covered = start;

	if (!range_valid(start, end) || (prot & ~VM_PROT_MASK))
		return ERR_INVALID;
	bool guard = false;

	for (unsigned i = first_ending_above(map, start);
	     i < map->count && map->regions[i].start < end; i++) {
		if (map->regions[i].start > covered)
			return ERR_NOT_FOUND;
		guard |= map->regions[i].kind == VM_GUARD;
		covered = map->regions[i].end;
	}
	if (covered < end)
		return ERR_NOT_FOUND; /* a hole: that first, as Linux's mprotect (-ENOMEM) */
	if (guard)
		return ERR_INVALID;
	if (reserve(map, 2))
		return ERR_NO_MEMORY;
	for (unsigned i = first_ending_above(map, start);
	     i < map->count && map->regions[i].start < end; i++) {
		const struct vm_region *was = &map->regions[i];

		if (changed)
			changed(context, was->start > start ? was->start : start,
				was->end < end ? was->end : end, was);
	}
	split_at(map, start);
	split_at(map, end);
	whole_entries(map, start, end, &first, &last);
	for (unsigned i = first; i < last; i++)
		map->regions[i].prot = prot;
	merge_around(map, first ? first - 1 : 0, last);
	return 0;
}

int vm_find_free(const struct vm_map *map, uint32_t size, vaddr_t low, vaddr_t high, vaddr_t *start)
{
	vaddr_t top = high;
	unsigned i;

	if (size == 0 || !aligned(size) || !aligned(low) || !aligned(high) || low >= high)
		return ERR_NO_MEMORY;
	/* From the highest region below high down: each gap above a region, then below the lowest. */
	i = first_ending_above(map, high);
	if (i < map->count && map->regions[i].start < high)
		top = map->regions[i].start; /* a region reaches into the top of the range */
	while (true) {
		vaddr_t floor = low;

		if (i > 0 && map->regions[i - 1].end > low)
			floor = map->regions[i - 1].end;
		if (top > floor && top - floor >= size) {
			*start = top - size;
			return 0;
		}
		if (i == 0 || map->regions[i - 1].end <= low)
			return ERR_NO_MEMORY;
		i--;
		top = map->regions[i].start;
		if (top <= low)
			return ERR_NO_MEMORY;
	}
}
