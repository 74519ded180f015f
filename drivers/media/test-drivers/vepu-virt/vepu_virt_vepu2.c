// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: the Rockchip VEPU2 register map (hantro_vepu2_regs.h).
 */

#include "vepu_virt.h"

static const struct hantro_layout vepu_virt_vepu2_layout = HANTRO_VEPU2_LAYOUT;

const struct vepu_virt_ip vepu_virt_vepu2 = {
	.name = "rockchip-vepu2",
	.regmap = VEPU_VIRT_REGMAP(VEPU2_REG_LAST),
	.layout = &vepu_virt_vepu2_layout,
	.enable = VEPU2_ENCODE_ENABLE,
	.irq_reg = VEPU2_REG_INTERRUPT,
	.irq_raw = VEPU2_IRQ_RAW,
	.irq_disable = VEPU2_IRQ_DISABLE,
	.status = {
		[VEPU_DONE] = VEPU2_IRQ_FRAME_READY,
		[VEPU_BUFFER_FULL] = VEPU2_IRQ_BUFFER_FULL,
		[VEPU_BUS_ERROR] = VEPU2_IRQ_BUS_ERROR,
	},
};
