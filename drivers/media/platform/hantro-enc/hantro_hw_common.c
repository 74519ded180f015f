// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: how every frame ends, on either IP. H1 and VEPU2 differ only
 * in where the registers are (struct hantro_enc_ip_regs).
 */

#include "hantro_enc.h"

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
	return hantro_enc_read(dev, dev->variant->ip->regs->buf_limit);
}

/* Stop the hardware after an error or a timeout. */
void hantro_hw_reset(struct hantro_enc_dev *dev)
{
	const struct hantro_enc_ip_regs *r = dev->variant->ip->regs;

	hantro_enc_write(dev, r->irq, r->irq_disable);
	hantro_enc_write(dev, r->start, 0);
	hantro_enc_write(dev, r->axi, 0);
}
