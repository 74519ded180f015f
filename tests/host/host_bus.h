/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host tests: the bus the virtual VEPU's register decoding runs behind on
 * the host. Buffers sit at fixed bus addresses, 16 MiB apart; an access
 * that is not wholly inside one of them is a bus error, recorded for the
 * report.
 */
#ifndef HOST_BUS_H
#define HOST_BUS_H

#include <linux/types.h>

#include "vepu_virt_run.h"

#define HOST_BUS_BUFS	16
#define HOST_BUS_BASE	0x10000000u
#define HOST_BUS_SPAN	0x01000000u

/**
 * struct vepu_virt - the host's bus
 * @mem:	each buffer's bytes
 * @size:	its size
 * @bufs:	buffers on the bus
 * @fault:	the last access outside every buffer, for the report
 */
struct vepu_virt {
	u8 *mem[HOST_BUS_BUFS];
	size_t size[HOST_BUS_BUFS];
	unsigned int bufs;
	char fault[96];
};

/* The bus address of buffer @i. */
static inline u32 host_bus_addr(unsigned int i)
{
	return HOST_BUS_BASE + i * HOST_BUS_SPAN;
}

#endif
