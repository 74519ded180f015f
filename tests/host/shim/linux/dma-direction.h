/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: which way a bus master moves a buffer's bytes. */
#ifndef HOST_SHIM_LINUX_DMA_DIRECTION_H
#define HOST_SHIM_LINUX_DMA_DIRECTION_H
enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
};
#endif
