// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: the H1 / VEPU1 register contract.
 *
 * Decodes a snapshot of the register file taken when the driver set the
 * enable bit, runs the coding core the mode selects and fills the readback
 * registers, as the hardware does before raising its interrupt.
 */

#include "jpeg_hw_qorder.h"
#include "vepu_virt.h"

#define REG(r)	regs[(r) / 4]

static void vepu_virt_h1_qtable(const u32 *regs, u32 first, u8 table[64])
{
	unsigned int r, b;

	for (r = 0; r < 16; r++)
		for (b = 0; b < 4; b++)
			table[jpeg_hw_qtable_raster(r * 4 + b)] =
				REG(first + r * 4) >> (24 - 8 * b);
}

static u32 vepu_virt_h1_jpeg(struct vepu_virt *v, u32 *regs)
{
	struct vepu_jpeg_job job = { 0 };
	struct vepu_frame *f = &job.frame;
	static const u32 plane_regs[3] = {
		H1_REG_ADDR_IN_PLANE_0, H1_REG_ADDR_IN_PLANE_1, H1_REG_ADDR_IN_PLANE_2,
	};
	size_t written;
	unsigned int i;
	int ret;

	f->fmt = H1_IN_FMT_GET(REG(H1_REG_IN_IMG_CTRL));
	f->row_len = H1_IN_ROW_LEN_GET(REG(H1_REG_IN_IMG_CTRL));
	f->mb_width = H1_ENC_WIDTH_GET(REG(H1_REG_ENC_CTRL));
	f->mb_height = H1_ENC_HEIGHT_GET(REG(H1_REG_ENC_CTRL));

	/* Every plane the format reads must be memory the bus can reach. */
	for (i = 0; i < 3; i++) {
		size_t span = vepu_frame_plane_span(f, i);

		if (!span)
			continue;
		f->plane[i] = vepu_virt_map(v, REG(plane_regs[i]), span);
		if (!f->plane[i])
			return H1_IRQ_BUS_ERROR;
	}
	job.out_size = REG(H1_REG_STR_BUF_LIMIT);
	job.out = vepu_virt_map(v, REG(H1_REG_ADDR_OUTPUT_STREAM), job.out_size);
	if (!job.out)
		return H1_IRQ_BUS_ERROR;
	vepu_virt_h1_qtable(regs, H1_REG_JPEG_LUMA_QUANT(0), job.qluma);
	vepu_virt_h1_qtable(regs, H1_REG_JPEG_CHROMA_QUANT(0), job.qchroma);

	/* Also rejects a format or geometry the input stage cannot read. */
	ret = vepu_jpeg_encode(&v->jpeg, &job, &written);
	REG(H1_REG_STR_BUF_LIMIT) = written * 8;
	if (ret == -ENOSPC)
		return H1_IRQ_BUFFER_FULL;
	return ret ? H1_IRQ_BUS_ERROR : H1_IRQ_FRAME_READY;
}

/**
 * vepu_virt_h1_run() - encode the frame the registers describe
 * @v:		the device
 * @regs:	snapshot of the register file; readback registers are updated
 * @fault:	fault to report instead of running
 *
 * Return: the status bits for the interrupt register.
 */
u32 vepu_virt_h1_run(struct vepu_virt *v, u32 *regs, enum vepu_virt_fault fault)
{
	switch (fault) {
	case VEPU_FAULT_BUFFER_FULL:
		REG(H1_REG_STR_BUF_LIMIT) = 0;
		return H1_IRQ_BUFFER_FULL;
	case VEPU_FAULT_BUS_ERROR:
		return H1_IRQ_BUS_ERROR;
	default:
		break;
	}
	switch (H1_ENC_MODE_GET(REG(H1_REG_ENC_CTRL))) {
	case H1_MODE_JPEG:
		return vepu_virt_h1_jpeg(v, regs);
	default:
		/* Modes the model does not code yet fail like a bad transfer. */
		return H1_IRQ_BUS_ERROR;
	}
}
