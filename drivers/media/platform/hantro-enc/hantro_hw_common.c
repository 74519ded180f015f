// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: how every frame starts and ends, on either IP. H1 and VEPU2
 * differ only in where the registers are (struct hantro_enc_ip_regs,
 * struct hantro_layout) and in their bus setup.
 *
 * A frame is programmed into a register file (the codec layer's
 * hantro_program_*(), plain functions of its parameters), then written in one
 * pass: the mode alone first (the other registers' meaning depends on it),
 * every register the frame sets in ascending order (so tables land as
 * contiguous blocks), the bus setup, and the start register last of all.
 */

#include "hantro_enc.h"

/**
 * hantro_hw_begin() - start programming a frame
 * @dev:	device
 * @mode:	HANTRO_MODE_*
 */
void hantro_hw_begin(struct hantro_enc_dev *dev, unsigned int mode)
{
	const struct hantro_enc_ip_ops *ip = dev->variant->ip;

	hantro_program_begin(&dev->regs, ip->layout, mode);
	hantro_enc_write(dev, ip->layout->mode.reg, dev->regs.val[ip->layout->mode.reg / 4]);
	hantro_enc_write(dev, ip->regs->irq, ip->regs->irq_arm);
}

/**
 * hantro_hw_input() - the input picture, the coded size and the output
 * @ctx:	context
 * @job:	the frame's buffers
 *
 * Call it after hantro_hw_begin(): the output size register's unit depends
 * on the mode.
 */
void hantro_hw_input(struct hantro_enc_ctx *ctx, const struct hantro_enc_job *job)
{
	const struct v4l2_format_info *info = v4l2_format_info(ctx->src_fmt.pixelformat);
	struct hantro_input_params in = {
		.mb_width = DIV_ROUND_UP(ctx->crop.width, HANTRO_ENC_MB),
		.mb_height = DIV_ROUND_UP(ctx->crop.height, HANTRO_ENC_MB),
		.width = ctx->crop.width,
		.height = ctx->crop.height,
		.fmt = ctx->src_desc->input,
		.row_pixels = ctx->src_fmt.plane_fmt[0].bytesperline / info->bpp[0],
		.out_addr = job->dst_addr,
		.out_size = job->dst_size,
	};

	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(in.in_addr); i++)
		in.in_addr[i] = job->src_addr[i];
	hantro_program_input(&ctx->dev->regs, ctx->dev->variant->ip->layout, &in);
}

/**
 * hantro_hw_start() - write the programmed frame and start the hardware
 * @dev:	device
 * @pic_type:	HANTRO_PIC_INTRA or HANTRO_PIC_INTER
 */
void hantro_hw_start(struct hantro_enc_dev *dev, unsigned int pic_type)
{
	const struct hantro_enc_ip_ops *ip = dev->variant->ip;
	unsigned int start = ip->layout->mode.reg / 4, i;

	hantro_regfile_set(&dev->regs, &ip->layout->pic_type, pic_type);
	for (i = 0; i < HANTRO_NUM_REGS; i++)
		if (i != start && hantro_regfile_used(&dev->regs, i))
			hantro_enc_write(dev, i * 4, dev->regs.val[i]);
	ip->bus_setup(dev);
	/* Everything above must reach the core before the enable bit. */
	wmb();
	hantro_enc_write(dev, start * 4,
			 dev->regs.val[start] | ip->regs->start_extra | ip->regs->enable);
}

/**
 * hantro_hw_irq_status() - read and acknowledge the interrupt
 * @dev:	device
 * @status:	the status bits, 0 when the interrupt was not ours
 *
 * Return: true when the frame is ready without an error.
 */
bool hantro_hw_irq_status(struct hantro_enc_dev *dev, u32 *status)
{
	const struct hantro_enc_ip_regs *r = dev->variant->ip->regs;

	*status = hantro_enc_read(dev, r->irq);
	if (!(*status & r->irq_raw)) {
		*status = 0;
		return false;
	}
	hantro_enc_write(dev, r->irq, 0);
	hantro_enc_write(dev, r->axi, 0);
	return (*status & (r->irq_ready | r->irq_errors)) == r->irq_ready;
}

u32 hantro_hw_bits_written(struct hantro_enc_dev *dev)
{
	return hantro_enc_read(dev, dev->variant->ip->layout->buf_limit);
}

/* A readback field of the finished frame (statistics). */
u32 hantro_hw_read_field(struct hantro_enc_dev *dev, const struct hantro_field *f)
{
	return (hantro_enc_read(dev, f->reg) >> f->shift) & f->mask;
}

/* Stop the hardware after an error or a timeout. */
void hantro_hw_reset(struct hantro_enc_dev *dev)
{
	const struct hantro_enc_ip_regs *r = dev->variant->ip->regs;

	hantro_enc_write(dev, r->irq, r->irq_disable);
	hantro_enc_write(dev, dev->variant->ip->layout->mode.reg, 0);
	hantro_enc_write(dev, r->axi, 0);
}

/**
 * hantro_hw_wait_idle() - wait until the core has stopped after a reset
 * @dev:	device
 * @timeout_us:	how long to wait
 *
 * The enable bit reads back as set while the core still works on a frame,
 * and so may still read or write its buffers. Sleeps.
 *
 * Return: true when the core is idle.
 */
bool hantro_hw_wait_idle(struct hantro_enc_dev *dev, unsigned int timeout_us)
{
	const struct hantro_enc_ip_ops *ip = dev->variant->ip;
	unsigned int val;

	return !regmap_read_poll_timeout(dev->regmap, ip->layout->mode.reg, val,
					 !(val & ip->regs->enable), 1000, timeout_us);
}
