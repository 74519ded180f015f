// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: Rockchip VEPU2 backend: where its registers are, and its bus
 * setup. The frame sequence itself is IP-independent (hantro_hw_common.c).
 */

#include "hantro_enc.h"
#include "hantro_vepu2_regs.h"

static const struct hantro_layout hantro_vepu2_layout = HANTRO_VEPU2_LAYOUT;

/*
 * VEPU2 has a separate endianness register; AXI keeps only the burst
 * length. Clock gating, in the interrupt register, for JPEG as MPP does.
 */
static void hantro_vepu2_bus_setup(struct hantro_enc_dev *dev)
{
	if (hantro_field_get(&hantro_vepu2_layout.mode, dev->regs.val) == HANTRO_MODE_JPEG)
		hantro_enc_write(dev, VEPU2_REG_INTERRUPT,
				 VEPU2_IRQ_TIMEOUT_EN | VEPU2_CLOCK_GATING);
	hantro_enc_write(dev, VEPU2_REG_DATA_ENDIAN, VEPU2_ENDIAN_FRAME);
	hantro_enc_write(dev, VEPU2_REG_AXI_CTRL, VEPU2_AXI_FRAME);
}

static const struct hantro_enc_ip_regs hantro_vepu2_regs = {
	.irq = VEPU2_REG_INTERRUPT,
	.irq_raw = VEPU2_IRQ_RAW,
	.irq_ready = VEPU2_IRQ_FRAME_READY,
	.irq_errors = VEPU2_IRQ_BUS_ERROR | VEPU2_IRQ_BUFFER_FULL | VEPU2_IRQ_TIMEOUT,
	.irq_disable = VEPU2_IRQ_DISABLE,
	.irq_arm = VEPU2_IRQ_TIMEOUT_EN,
	.axi = VEPU2_REG_AXI_CTRL,
	.enable = VEPU2_ENCODE_ENABLE,
	.start_extra = 0,
};

const struct hantro_enc_ip_ops hantro_vepu2_ops = {
	.regs = &hantro_vepu2_regs,
	.layout = &hantro_vepu2_layout,
	.bus_setup = hantro_vepu2_bus_setup,
};
