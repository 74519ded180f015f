// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: the Rockchip VEPU2 register map (hantro_vepu2_regs.h).
 */

#include "vepu_virt.h"

#define REG(r)	regs[(r) / 4]

static const u32 vepu_virt_vepu2_status[] = {
	[VEPU_DONE] = VEPU2_IRQ_FRAME_READY,
	[VEPU_BUFFER_FULL] = VEPU2_IRQ_BUFFER_FULL,
	[VEPU_BUS_ERROR] = VEPU2_IRQ_BUS_ERROR,
};

static u32 vepu_virt_vepu2_run(struct vepu_virt *v, u32 *regs, enum vepu_virt_fault fault)
{
	u32 start = REG(VEPU2_REG_ENCODE_START);
	struct vepu_virt_jpeg_regs r = {
		.frame = {
			.fmt = VEPU2_IN_FMT_GET(REG(VEPU2_REG_ENC_CTRL1)),
			.row_len = VEPU2_ROW_LEN(REG(VEPU2_REG_ROW_LEN)),
			.mb_width = VEPU2_MB_WIDTH_GET(start),
			.mb_height = VEPU2_MB_HEIGHT_GET(start),
		},
		.plane_addr = { REG(VEPU2_REG_ADDR_IN_PLANE_0), REG(VEPU2_REG_ADDR_IN_PLANE_1),
				REG(VEPU2_REG_ADDR_IN_PLANE_2) },
		.out_addr = REG(VEPU2_REG_ADDR_OUTPUT_STREAM),
		.out_size = REG(VEPU2_REG_STR_BUF_LIMIT),
		.quant = { &REG(VEPU2_REG_JPEG_LUMA_QUANT(0)),
			   &REG(VEPU2_REG_JPEG_CHROMA_QUANT(0)) },
	};
	enum vepu_virt_result res;

	REG(VEPU2_REG_STR_BUF_LIMIT) = 0;
	if (fault == VEPU_FAULT_BUFFER_FULL)
		return VEPU2_IRQ_BUFFER_FULL;
	/* Modes the model does not code yet fail like a bad transfer. */
	if (fault == VEPU_FAULT_BUS_ERROR || VEPU2_FORMAT_GET(start) != VEPU2_FORMAT_JPEG)
		return VEPU2_IRQ_BUS_ERROR;
	res = vepu_virt_jpeg_run(v, &r, &REG(VEPU2_REG_STR_BUF_LIMIT));
	return vepu_virt_vepu2_status[res];
}

const struct vepu_virt_ip vepu_virt_vepu2 = {
	.name = "vepu-virt-vepu2",
	.regmap = VEPU_VIRT_REGMAP(VEPU2_REG_LAST),
	.start_reg = VEPU2_REG_ENCODE_START,
	.enable = VEPU2_ENCODE_ENABLE,
	.irq_reg = VEPU2_REG_INTERRUPT,
	.irq_raw = VEPU2_IRQ_RAW,
	.irq_disable = VEPU2_IRQ_DISABLE,
	.readback_reg = VEPU2_REG_STR_BUF_LIMIT,
	.run = vepu_virt_vepu2_run,
};
