// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: the H1 / VEPU1 register map (hantro_h1_regs.h).
 */

#include "vepu_virt.h"

#define REG(r)	regs[(r) / 4]

static const u32 vepu_virt_h1_status[] = {
	[VEPU_DONE] = H1_IRQ_FRAME_READY,
	[VEPU_BUFFER_FULL] = H1_IRQ_BUFFER_FULL,
	[VEPU_BUS_ERROR] = H1_IRQ_BUS_ERROR,
};

static u32 vepu_virt_h1_run(struct vepu_virt *v, u32 *regs, enum vepu_virt_fault fault)
{
	u32 ctrl = REG(H1_REG_ENC_CTRL), in = REG(H1_REG_IN_IMG_CTRL);
	struct vepu_virt_jpeg_regs r = {
		.frame = {
			.fmt = H1_IN_FMT_GET(in),
			.row_len = H1_IN_ROW_LEN_GET(in),
			.mb_width = H1_ENC_WIDTH_GET(ctrl),
			.mb_height = H1_ENC_HEIGHT_GET(ctrl),
		},
		.plane_addr = { REG(H1_REG_ADDR_IN_PLANE_0), REG(H1_REG_ADDR_IN_PLANE_1),
				REG(H1_REG_ADDR_IN_PLANE_2) },
		.out_addr = REG(H1_REG_ADDR_OUTPUT_STREAM),
		.out_size = REG(H1_REG_STR_BUF_LIMIT),
		.quant = { &REG(H1_REG_JPEG_LUMA_QUANT(0)), &REG(H1_REG_JPEG_CHROMA_QUANT(0)) },
	};
	enum vepu_virt_result res;

	REG(H1_REG_STR_BUF_LIMIT) = 0;
	if (fault == VEPU_FAULT_BUFFER_FULL)
		return H1_IRQ_BUFFER_FULL;
	/* Modes the model does not code yet fail like a bad transfer. */
	if (fault == VEPU_FAULT_BUS_ERROR || H1_ENC_MODE_GET(ctrl) != H1_MODE_JPEG)
		return H1_IRQ_BUS_ERROR;
	res = vepu_virt_jpeg_run(v, &r, &REG(H1_REG_STR_BUF_LIMIT));
	return vepu_virt_h1_status[res];
}

const struct vepu_virt_ip vepu_virt_h1 = {
	.name = "vepu-virt-h1",
	.regmap = VEPU_VIRT_REGMAP(H1_REG_LAST),
	.start_reg = H1_REG_ENC_CTRL,
	.enable = H1_ENC_EN,
	.irq_reg = H1_REG_INTERRUPT,
	.irq_raw = H1_IRQ_RAW,
	.irq_disable = H1_IRQ_DISABLE,
	.readback_reg = H1_REG_STR_BUF_LIMIT,
	.run = vepu_virt_h1_run,
};
