// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: Rockchip VEPU2 backend.
 *
 * Same sequence as the H1 backend on the VEPU2 register map: the format
 * alone first, buffers and parameters, the endianness and AXI setup, then
 * the start register.
 */

#include "hantro_enc.h"
#include "hantro_vepu2_regs.h"

static void hantro_vepu2_jpeg_run(struct hantro_enc_ctx *ctx, const struct hantro_enc_job *job,
				  const struct hantro_enc_jpeg_regs *regs)
{
	struct hantro_enc_dev *dev = ctx->dev;
	const struct v4l2_format_info *info = v4l2_format_info(ctx->src_fmt.pixelformat);
	unsigned int coded_w = ALIGN(ctx->crop.width, HANTRO_ENC_MB);
	unsigned int coded_h = ALIGN(ctx->crop.height, HANTRO_ENC_MB);
	unsigned int i;

	/* The JPEG register layout applies only once the core is in JPEG mode. */
	hantro_enc_write(dev, VEPU2_REG_ENCODE_START, VEPU2_FORMAT(VEPU2_FORMAT_JPEG));
	/* Clear a stale status and an interrupt disable left by a reset. */
	hantro_enc_write(dev, VEPU2_REG_INTERRUPT, VEPU2_IRQ_TIMEOUT_EN);

	hantro_enc_write(dev, VEPU2_REG_ROW_LEN,
			 VEPU2_ROW_LEN(ctx->src_fmt.plane_fmt[0].bytesperline / info->bpp[0]));
	hantro_enc_write(dev, VEPU2_REG_OVERFILL,
			 VEPU2_OVERFILL_R_D4((coded_w - ctx->crop.width) / 4) |
			 VEPU2_OVERFILL_B(coded_h - ctx->crop.height));
	hantro_enc_write(dev, VEPU2_REG_ENC_CTRL1, VEPU2_IN_FMT(ctx->src_desc->input));
	hantro_enc_write(dev, VEPU2_REG_ADDR_IN_PLANE_0, job->src_addr[0]);
	hantro_enc_write(dev, VEPU2_REG_ADDR_IN_PLANE_1, job->src_addr[1]);
	hantro_enc_write(dev, VEPU2_REG_ADDR_IN_PLANE_2, job->src_addr[2]);
	hantro_enc_write(dev, VEPU2_REG_ADDR_OUTPUT_STREAM, job->dst_addr);
	hantro_enc_write(dev, VEPU2_REG_STR_BUF_LIMIT, job->dst_size);
	/* Written as two contiguous blocks, as the core latches them. */
	for (i = 0; i < ARRAY_SIZE(regs->qluma); i++)
		hantro_enc_write(dev, VEPU2_REG_JPEG_LUMA_QUANT(i), regs->qluma[i]);
	for (i = 0; i < ARRAY_SIZE(regs->qchroma); i++)
		hantro_enc_write(dev, VEPU2_REG_JPEG_CHROMA_QUANT(i), regs->qchroma[i]);

	hantro_enc_write(dev, VEPU2_REG_DATA_ENDIAN,
			 VEPU2_OUTPUT_SWAP32 | VEPU2_OUTPUT_SWAP16 | VEPU2_OUTPUT_SWAP8 |
			 VEPU2_INPUT_SWAP8 | VEPU2_INPUT_SWAP16 | VEPU2_INPUT_SWAP32);
	hantro_enc_write(dev, VEPU2_REG_AXI_CTRL, VEPU2_AXI_BURST_LEN(16));
	hantro_enc_write(dev, VEPU2_REG_ENCODE_START,
			 VEPU2_MB_WIDTH(coded_w / HANTRO_ENC_MB) |
			 VEPU2_MB_HEIGHT(coded_h / HANTRO_ENC_MB) |
			 VEPU2_FRAME_TYPE(VEPU2_FRAME_INTRA) |
			 VEPU2_FORMAT(VEPU2_FORMAT_JPEG) | VEPU2_ENCODE_ENABLE);
}

static const struct hantro_enc_ip_regs hantro_vepu2_regs = {
	.irq = VEPU2_REG_INTERRUPT,
	.irq_raw = VEPU2_IRQ_RAW,
	.irq_ready = VEPU2_IRQ_FRAME_READY,
	.irq_errors = VEPU2_IRQ_BUS_ERROR | VEPU2_IRQ_BUFFER_FULL | VEPU2_IRQ_TIMEOUT,
	.irq_disable = VEPU2_IRQ_DISABLE,
	.axi = VEPU2_REG_AXI_CTRL,
	.start = VEPU2_REG_ENCODE_START,
	.buf_limit = VEPU2_REG_STR_BUF_LIMIT,
};

const struct hantro_enc_ip_ops hantro_vepu2_ops = {
	.regs = &hantro_vepu2_regs,
	.jpeg_run = hantro_vepu2_jpeg_run,
};
