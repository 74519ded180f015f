// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: Hantro H1 / VEPU1 backend.
 *
 * Register programming follows the H1 contract in hantro_h1_regs.h: the
 * mode alone first, then buffers and parameters, the AXI setup as the last
 * plain write and the start register last of all.
 */

#include "hantro_enc.h"
#include "hantro_h1_regs.h"

static void hantro_h1_input(struct hantro_enc_ctx *ctx, const struct hantro_enc_job *job)
{
	struct hantro_enc_dev *dev = ctx->dev;
	const struct v4l2_format_info *info = v4l2_format_info(ctx->src_fmt.pixelformat);
	unsigned int row_len = ctx->src_fmt.plane_fmt[0].bytesperline / info->bpp[0];
	unsigned int coded_w = ALIGN(ctx->crop.width, HANTRO_ENC_MB);
	unsigned int coded_h = ALIGN(ctx->crop.height, HANTRO_ENC_MB);

	hantro_enc_write(dev, H1_REG_IN_IMG_CTRL,
			 H1_IN_ROW_LEN(row_len) |
			 H1_IN_OVERFILL_R_D4((coded_w - ctx->crop.width) / 4) |
			 H1_IN_OVERFILL_B(coded_h - ctx->crop.height) |
			 H1_IN_FMT(ctx->src_desc->input));
	hantro_enc_write(dev, H1_REG_ADDR_IN_PLANE_0, job->src_addr[0]);
	hantro_enc_write(dev, H1_REG_ADDR_IN_PLANE_1, job->src_addr[1]);
	hantro_enc_write(dev, H1_REG_ADDR_IN_PLANE_2, job->src_addr[2]);
}

static void hantro_h1_start(struct hantro_enc_ctx *ctx, u32 mode_and_type)
{
	struct hantro_enc_dev *dev = ctx->dev;

	hantro_enc_write(dev, H1_REG_AXI_CTRL,
			 H1_AXI_OUTPUT_SWAP16 | H1_AXI_INPUT_SWAP16 | H1_AXI_BURST_LEN(16) |
			 H1_AXI_OUTPUT_SWAP32 | H1_AXI_INPUT_SWAP32 |
			 H1_AXI_OUTPUT_SWAP8 | H1_AXI_INPUT_SWAP8);
	hantro_enc_write(dev, H1_REG_ENC_CTRL,
			 H1_ENC_TIMEOUT_EN |
			 H1_ENC_WIDTH(ALIGN(ctx->crop.width, HANTRO_ENC_MB) / HANTRO_ENC_MB) |
			 H1_ENC_HEIGHT(ALIGN(ctx->crop.height, HANTRO_ENC_MB) / HANTRO_ENC_MB) |
			 mode_and_type | H1_ENC_EN);
}

static void hantro_h1_jpeg_run(struct hantro_enc_ctx *ctx, const struct hantro_enc_job *job,
			       const struct hantro_enc_jpeg_regs *regs)
{
	struct hantro_enc_dev *dev = ctx->dev;
	unsigned int i;

	/* The JPEG register layout applies only once the core is in JPEG mode. */
	hantro_enc_write(dev, H1_REG_ENC_CTRL, H1_ENC_MODE(H1_MODE_JPEG));
	/* Clear a stale status and an interrupt disable left by a reset. */
	hantro_enc_write(dev, H1_REG_INTERRUPT, 0);
	hantro_h1_input(ctx, job);
	hantro_enc_write(dev, H1_REG_ADDR_OUTPUT_STREAM, job->dst_addr);
	hantro_enc_write(dev, H1_REG_STR_BUF_LIMIT, job->dst_size);
	/* Written as two contiguous blocks, as the core latches them. */
	for (i = 0; i < ARRAY_SIZE(regs->qluma); i++)
		hantro_enc_write(dev, H1_REG_JPEG_LUMA_QUANT(i), regs->qluma[i]);
	for (i = 0; i < ARRAY_SIZE(regs->qchroma); i++)
		hantro_enc_write(dev, H1_REG_JPEG_CHROMA_QUANT(i), regs->qchroma[i]);
	hantro_h1_start(ctx, H1_ENC_MODE(H1_MODE_JPEG) | H1_ENC_PIC_TYPE(H1_PIC_INTRA));
}

static const struct hantro_enc_ip_regs hantro_h1_regs = {
	.irq = H1_REG_INTERRUPT,
	.irq_raw = H1_IRQ_RAW,
	.irq_ready = H1_IRQ_FRAME_READY,
	.irq_errors = H1_IRQ_BUS_ERROR | H1_IRQ_BUFFER_FULL | H1_IRQ_TIMEOUT,
	.irq_disable = H1_IRQ_DISABLE,
	.axi = H1_REG_AXI_CTRL,
	.start = H1_REG_ENC_CTRL,
	.buf_limit = H1_REG_STR_BUF_LIMIT,
};

const struct hantro_enc_ip_ops hantro_h1_ops = {
	.regs = &hantro_h1_regs,
	.jpeg_run = hantro_h1_jpeg_run,
};
