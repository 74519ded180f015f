// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests: the virtual VEPU's bus (host_bus.h).
 */
#include <stdio.h>

#include "host_bus.h"

/* The model's view of the bus: a whole range inside one buffer, or a fault. */
void *vepu_virt_map(struct vepu_virt *bus, u32 addr, size_t len, enum dma_data_direction dir)
{
	unsigned int i;

	for (i = 0; i < bus->bufs; i++)
		if (addr >= host_bus_addr(i) && len <= bus->size[i] &&
		    addr - host_bus_addr(i) <= bus->size[i] - len)
			return bus->mem[i] + (addr - host_bus_addr(i));
	snprintf(bus->fault, sizeof(bus->fault), "; bus error: %s %zu bytes at 0x%08x",
		 dir == DMA_TO_DEVICE ? "read" : "write", len, addr);
	return NULL;
}

/* Nothing resets the host's model during a frame. */
bool vepu_virt_stopped(const void *vepu)
{
	(void)vepu;
	return false;
}
