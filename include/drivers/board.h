/*
 * drivers/board.h - the board's devices: each driver's register window, in
 * one table (drivers/board.c), mapped through the MMIO allocator.
 */
#ifndef BRAMBLE_DRIVERS_BOARD_H
#define BRAMBLE_DRIVERS_BOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"

/*
 * Give every driver its registers from the MMIO allocator (Device,
 * execute-never), then remove the boot stub's peripheral window. Prints
 * where each went. Panics if a device cannot be mapped: the kernel needs
 * them all.
 */
void board_map_devices(void);

/* Virtual address of the named device's registers ("uart", "local", ...), or 0. */
vaddr_t device_registers(const char *name);

/*
 * The devices one by one, for the console: index from 0 until it returns
 * false. The register window is [*phys, *phys + *size), now at *virt.
 */
bool board_device(unsigned index, const char **name, paddr_t *phys, size_t *size, vaddr_t *virt);

#endif /* BRAMBLE_DRIVERS_BOARD_H */
