// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: Hantro H1 / VEPU1 backend: where its registers are, and its
 * bus setup. The frame sequence itself is IP-independent (hantro_hw_common.c).
 */

#include "hantro_enc.h"
#include "hantro_h1_regs.h"

static const struct hantro_layout hantro_h1_layout = HANTRO_H1_LAYOUT;

/*
 * Byte, 16- and 32-bit swaps in and out: the core works on big-endian
 * words. Clock gating for JPEG, as MPP does.
 */
static void hantro_h1_bus_setup(struct hantro_enc_dev *dev)
{
	bool jpeg = hantro_field_get(&hantro_h1_layout.mode, dev->regs.val) == HANTRO_MODE_JPEG;

	hantro_enc_write(dev, H1_REG_AXI_CTRL, H1_AXI_FRAME | (jpeg ? H1_AXI_CLOCK_GATING : 0));
}

static void hantro_h1_read_config(struct hantro_enc_dev *dev, struct hantro_enc_hw_config *cfg)
{
	u32 raw = hantro_enc_read(dev, H1_REG_CONFIG);

	*cfg = (struct hantro_enc_hw_config){
		.raw = raw,
		.codecs = (raw & H1_CFG_H264 ? HANTRO_ENC_H264 : 0) |
			  (raw & H1_CFG_VP8 ? HANTRO_ENC_VP8 : 0) |
			  (raw & H1_CFG_JPEG ? HANTRO_ENC_JPEG : 0),
		.max_video_width = raw & H1_CFG_MAX_VIDEO_WIDTH,
	};
}

static const struct hantro_enc_ip_regs hantro_h1_regs = {
	.irq = H1_REG_INTERRUPT,
	.irq_raw = H1_IRQ_RAW,
	.irq_ready = H1_IRQ_FRAME_READY,
	.irq_errors = H1_IRQ_BUS_ERROR | H1_IRQ_BUFFER_FULL | H1_IRQ_TIMEOUT,
	.irq_disable = H1_IRQ_DISABLE,
	.irq_arm = 0,
	.axi = H1_REG_AXI_CTRL,
	.enable = H1_ENC_EN,
	.start_extra = H1_ENC_TIMEOUT_EN,
};

const struct hantro_enc_ip_ops hantro_h1_ops = {
	.regs = &hantro_h1_regs,
	.layout = &hantro_h1_layout,
	.read_config = hantro_h1_read_config,
	.bus_setup = hantro_h1_bus_setup,
};
