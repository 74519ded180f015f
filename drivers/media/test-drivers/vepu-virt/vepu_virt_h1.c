// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: the H1 / VEPU1 register map (hantro_h1_regs.h).
 */

#include "vepu_virt.h"

static const struct hantro_layout vepu_virt_h1_layout = HANTRO_H1_LAYOUT;

const struct vepu_virt_ip vepu_virt_h1 = {
	.name = "hantro-h1",
	.regmap = VEPU_VIRT_REGMAP(H1_REG_LAST),
	.layout = &vepu_virt_h1_layout,
	.enable = H1_ENC_EN,
	.irq_reg = H1_REG_INTERRUPT,
	.irq_raw = H1_IRQ_RAW,
	.irq_disable = H1_IRQ_DISABLE,
	.status = {
		[VEPU_DONE] = H1_IRQ_FRAME_READY,
		[VEPU_BUFFER_FULL] = H1_IRQ_BUFFER_FULL,
		[VEPU_BUS_ERROR] = H1_IRQ_BUS_ERROR,
	},
	.has_config = true,
	.config_reg = H1_REG_CONFIG,
};
