/*
 * kernel/devices.h - where each driver's registers were mapped (kernel/main.c).
 */
#ifndef BRAMBLE_KERNEL_DEVICES_H
#define BRAMBLE_KERNEL_DEVICES_H

#include "layout.h"

/* Virtual address of the named device's registers ("uart", "local", ...), or 0. */
vaddr_t device_registers(const char *name);

#endif /* BRAMBLE_KERNEL_DEVICES_H */
