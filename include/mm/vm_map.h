/*
 * mm/vm_map.h - a process's regions: what each range of its address space
 * holds and what it may be used for. The page-fault handler asks it which
 * region an address lies in; brk, mmap, munmap and mprotect change it.
 *
 *   regions[]  [0x00010000 text r-x FILE][0x00011000 data rw- FILE] ...
 *              ... [0x7E7FF000 guard][0x7E800000 stack rw- STACK]
 *              sorted by start, never overlapping, end exclusive
 *
 * Decisions:
 *   - A sorted array, not a tree: a process has a handful of regions (its
 *     segments, the heap, the stack and its guard, a few mmaps). A fault
 *     finds its region by binary search, O(log n); a change moves the
 *     entries after it with memmove, O(n), and touches one allocation.
 *   - Regions are page-aligned, non-empty and below USER_SPACE_END. Only a
 *     VM_FILE region keeps file and file_size; the others hold NULL and 0.
 *     A VM_FILE region always has a file pointer, even with no bytes left.
 *     A VM_GUARD region has prot 0 and cannot be given any (it is never
 *     mapped).
 *   - Neighbours that touch and are compatible are always merged, so the
 *     array holds as few entries as the layout allows. Compatible: the same
 *     kind and prot and, for VM_FILE, either the right one has no file
 *     bytes (its pages read zero, as the left one's pages past its own
 *     bytes do), or the left one is file bytes to its end and the right
 *     one's continue them (left.file + left.file_size == right.file).
 *     The first clause makes a split followed by its undoing give back the
 *     region it began with, also past a file's last byte.
 *   - Splitting a VM_FILE region gives each piece the file bytes inside it
 *     (file moves forward, file_size is cut); a piece past the bytes keeps
 *     VM_FILE with file_size 0 and file just past the last byte.
 *   - Every refusal leaves the map exactly as it was: all checks come
 *     first, then the room the change needs is reserved, and nothing after
 *     that can fail. Room is asked for only when the change needs it: an
 *     insert that does not merge, a remove that cuts a hole inside one
 *     region, a protect that must split a region at a bound (one entry per
 *     bound, even when a merge then gives it back). The array grows by
 *     doubling and is given back only by vm_map_free().
 *   - The callbacks of vm_remove() and vm_protect() run once the change is
 *     certain (checked, room reserved) and before the map changes, once
 *     per piece of the range that lies in a region, in ascending order;
 *     was points at that region's entry as it still is. A callback must
 *     not change the map. A refused call makes no callback.
 *
 * Pure C on addresses, no globals: compiled into the kernel and into the
 * host tests (tests/host/test_vm_map.c, tests/host/fuzz_vm_map.c).
 */
#ifndef BRAMBLE_MM_VM_MAP_H
#define BRAMBLE_MM_VM_MAP_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"

enum vm_kind {
	VM_ANON,  /* zero-filled on demand */
	VM_FILE,  /* program-file bytes from its start; the rest reads zero */
	VM_STACK, /* zero-filled on demand; the stack, growing down inside its region */
	VM_GUARD, /* never mapped: every access faults */
	VM_KIND_COUNT,
};

#define VM_READ      1U
#define VM_WRITE     2U
#define VM_EXEC      4U
#define VM_PROT_MASK (VM_READ | VM_WRITE | VM_EXEC)

struct vm_region {
	vaddr_t start, end; /* page-aligned, end exclusive */
	unsigned prot;      /* VM_READ | VM_WRITE | VM_EXEC */
	enum vm_kind kind;
	const uint8_t *file; /* VM_FILE: the bytes behind [start, start + file_size) */
	uint32_t file_size;  /* bytes of file data from start; the rest reads zero */
};

struct vm_map {
	struct vm_region *regions; /* sorted by start, never overlapping, merged */
	unsigned count, capacity;  /* entries used, entries allocated */
	/* realloc-like; NULL means no memory, and old is kept. bytes 0 frees old. */
	void *(*resize)(void *context, void *old, size_t bytes);
	void *context;
};

/* An empty map that will allocate its array through resize(context, ...). */
void vm_map_init(struct vm_map *map, void *(*resize)(void *, void *, size_t), void *context);

/* The array back (resize(old, 0)); the map is empty and usable again after. */
void vm_map_free(struct vm_map *map);

/*
 * to (empty, from vm_map_init) made a copy of from, with its own array
 * (for fork). 0, or ERR_NO_MEMORY with to still empty.
 */
int vm_map_copy(struct vm_map *to, const struct vm_map *from);

/* The region holding addr, or NULL: O(log n). The pointer lasts until the next change. */
const struct vm_region *vm_find(const struct vm_map *map, vaddr_t addr);

/*
 * Add a region, merged with the neighbours it touches when they are
 * compatible (see the top). 0, or
 *   ERR_INVALID    start or end misaligned, empty, past USER_SPACE_END,
 *                  an unknown prot bit or kind, a guard with prot, a
 *                  VM_FILE region without file or with file_size past
 *                  its end;
 *   ERR_EXISTS     it overlaps a region;
 *   ERR_NO_MEMORY  it needs an entry and the array cannot grow (an insert
 *                  that merges needs none).
 * file and file_size of a region of another kind are ignored (stored as 0).
 */
int vm_insert(struct vm_map *map, const struct vm_region *region);

/*
 * Called for each piece [start, end) of a region that a remove takes out
 * or a protect covers, with was the region it lies in, before the map
 * changes (see the top).
 */
typedef void (*vm_range_fn)(void *context, vaddr_t start, vaddr_t end, const struct vm_region *was);

/*
 * Take [start, end) out of the regions it meets, cutting them at the
 * bounds; holes in the range are fine (nothing there: 0, no callback).
 * removed (may be NULL) hears of each piece. 0, or
 *   ERR_INVALID    the range is misaligned, empty or past USER_SPACE_END;
 *   ERR_NO_MEMORY  the range lies inside one region, whose two remains
 *                  need an entry more, and the array cannot grow.
 */
int vm_remove(struct vm_map *map, vaddr_t start, vaddr_t end, vm_range_fn removed, void *context);

/*
 * Set prot on [start, end), splitting the regions at the bounds and
 * merging what became compatible; changed (may be NULL) hears of each
 * piece, whether its prot differs or not. 0, or, checked in this order:
 *   ERR_INVALID    a bad range (as vm_remove) or an unknown prot bit;
 *   ERR_NOT_FOUND  the range is not covered by regions without a hole;
 *   ERR_INVALID    a VM_GUARD region lies in it;
 *   ERR_NO_MEMORY  a bound falls inside a region whose prot changes, and
 *                  the array cannot grow for the split.
 */
int vm_protect(struct vm_map *map, vaddr_t start, vaddr_t end, unsigned prot, vm_range_fn changed,
	       void *context);

/*
 * The highest page-aligned [*start, *start + size) inside [low, high) that
 * meets no region: top-down placement, as mmap's below the stack. low is
 * rounded up and high down to pages, and high is held to USER_SPACE_END.
 * O(log n) to find the top, then one step per region passed going down.
 * 0, or ERR_INVALID (size 0 or not page-aligned), or ERR_NO_MEMORY (no
 * gap that large; *start untouched).
 */
int vm_find_free(const struct vm_map *map, uint32_t size, vaddr_t low, vaddr_t high,
		 vaddr_t *start);

#endif /* BRAMBLE_MM_VM_MAP_H */
