/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual VEPU: one frame from a register snapshot, the part of the model
 * between the register file and the codec cores. It reaches memory only
 * through vepu_virt_map(), so the host tests build it behind a bus map of
 * their own and replay the vendor's register programming through it.
 */
#ifndef VEPU_VIRT_RUN_H
#define VEPU_VIRT_RUN_H

#include <linux/dma-direction.h>
#include <linux/types.h>

#include "hantro_layout.h"
#include "vepu_frame.h"
#include "vepu_jpeg.h"

struct vepu_virt;

/**
 * enum vepu_virt_result - outcome of a frame, mapped to each IP's status bits
 * @VEPU_DONE:		frame ready
 * @VEPU_BUFFER_FULL:	the stream did not fit
 * @VEPU_BUS_ERROR:	an address the bus cannot reach, or nonsense parameters
 * @VEPU_NUM_RESULTS:	number of outcomes
 */
enum vepu_virt_result {
	VEPU_DONE,
	VEPU_BUFFER_FULL,
	VEPU_BUS_ERROR,
	VEPU_NUM_RESULTS,
};

void *vepu_virt_map(struct vepu_virt *v, u32 addr, size_t len, enum dma_data_direction dir);
bool vepu_virt_stopped(const void *vepu);
enum vepu_virt_result vepu_virt_input(struct vepu_virt *v, const struct hantro_layout *l,
				      const u32 *regs, struct vepu_frame *f);
bool vepu_virt_pic(struct vepu_virt *v, u32 y, u32 c, const struct vepu_frame *f,
		   enum dma_data_direction dir, u8 **py, u8 **pc);
enum vepu_virt_result vepu_virt_vp8(struct vepu_virt *v, const struct hantro_layout *l,
				    u32 *regs);
enum vepu_virt_result vepu_virt_run_frame(struct vepu_virt *v, const struct hantro_layout *l,
					  struct vepu_jpeg_state *jpeg, u32 *regs);

#endif /* VEPU_VIRT_RUN_H */
