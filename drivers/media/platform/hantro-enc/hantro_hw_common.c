// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: how every frame starts and ends, on either IP. H1 and VEPU2
 * differ only in where the registers are (struct hantro_enc_ip_regs,
 * struct hantro_layout) and in their bus setup.
 *
 * A frame is programmed into a shadow register file, then written in one
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

	memset(dev->shadow, 0, sizeof(dev->shadow));
	bitmap_zero(dev->shadow_used, HANTRO_NUM_REGS);
	/*
	 * No header hand-over unless the codec sets one: the core would put
	 * the bytes the last frame of another codec left there in front of
	 * this frame's stream.
	 */
	hantro_hw_set(dev, &ip->layout->start_offset, 0);
	hantro_hw_set_reg(dev, ip->layout->hdr_rem_msb, 0);
	hantro_hw_set_reg(dev, ip->layout->hdr_rem_lsb, 0);
	hantro_hw_set(dev, &ip->layout->mode, mode);
	hantro_enc_write(dev, ip->layout->mode.reg, dev->shadow[ip->layout->mode.reg / 4]);
	hantro_enc_write(dev, ip->regs->irq, ip->regs->irq_arm);
}

void hantro_hw_set(struct hantro_enc_dev *dev, const struct hantro_field *f, u32 val)
{
	dev->shadow[f->reg / 4] = hantro_field_put(f, dev->shadow[f->reg / 4], val);
	__set_bit(f->reg / 4, dev->shadow_used);
}

void hantro_hw_set_reg(struct hantro_enc_dev *dev, u16 reg, u32 val)
{
	dev->shadow[reg / 4] = val;
	__set_bit(reg / 4, dev->shadow_used);
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
	struct hantro_enc_dev *dev = ctx->dev;
	const struct hantro_layout *l = dev->variant->ip->layout;
	const struct v4l2_format_info *info = v4l2_format_info(ctx->src_fmt.pixelformat);
	unsigned int coded_w = ALIGN(ctx->crop.width, HANTRO_ENC_MB);
	unsigned int coded_h = ALIGN(ctx->crop.height, HANTRO_ENC_MB);
	unsigned int i;

	hantro_hw_set(dev, &l->mb_width, coded_w / HANTRO_ENC_MB);
	hantro_hw_set(dev, &l->mb_height, coded_h / HANTRO_ENC_MB);
	hantro_hw_set(dev, &l->in_fmt, ctx->src_desc->input);
	hantro_hw_set(dev, &l->row_len, ctx->src_fmt.plane_fmt[0].bytesperline / info->bpp[0]);
	hantro_hw_set(dev, &l->overfill_r, (coded_w - ctx->crop.width) / 4);
	hantro_hw_set(dev, &l->overfill_b, coded_h - ctx->crop.height);
	for (i = 0; i < ARRAY_SIZE(l->in_addr); i++)
		hantro_hw_set_reg(dev, l->in_addr[i], job->src_addr[i]);
	hantro_hw_set_reg(dev, l->out_addr, job->dst_addr);
	hantro_hw_set_reg(dev, l->buf_limit,
			  hantro_buf_limit(hantro_field_get(&l->mode, dev->shadow), job->dst_size));
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

	hantro_hw_set(dev, &ip->layout->pic_type, pic_type);
	for_each_set_bit(i, dev->shadow_used, HANTRO_NUM_REGS)
		if (i != start)
			hantro_enc_write(dev, i * 4, dev->shadow[i]);
	ip->bus_setup(dev);
	/* Everything above must reach the core before the enable bit. */
	wmb();
	hantro_enc_write(dev, start * 4,
			 dev->shadow[start] | ip->regs->start_extra | ip->regs->enable);
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
