// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: frame-level rate control.
 *
 * A virtual buffer counts the bits coded beyond the budget (bitrate x frame
 * interval per frame). Each P picture aims at its budget minus an eighth of
 * that excess, and its QP follows from the last P picture's size with the
 * H.264 rule of thumb that six QP steps halve the bits. IDR pictures take
 * the P QP minus two: they are not predicted, and a sharper key picture
 * pays off in the P pictures that reference it. VBR banks at most two
 * frames' worth of unused bits and never aims above the peak rate.
 */

#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/math64.h>

#include "hantro_h264_rc.h"

#define HANTRO_RC_INTRA_DELTA	2
#define HANTRO_RC_MAX_STEP	4

/* log2(x) in 1/256 units, the mantissa interpolated linearly. */
static int hantro_rc_log2(u64 x)
{
	int i;
	u64 frac;

	if (!x)
		return 0;
	i = fls64(x) - 1;
	frac = i >= 8 ? (x >> (i - 8)) & 0xff : (x << (8 - i)) & 0xff;
	return i * 256 + (int)frac;
}

/**
 * hantro_h264_rc_reset() - a stream starts
 * @rc:		its rate control
 */
void hantro_h264_rc_reset(struct hantro_h264_rc *rc)
{
	*rc = (struct hantro_h264_rc){ .qp = -1 };
}

/* Bits budgeted per frame at the frame rate the frame was queued with. */
static u64 hantro_rc_budget(const struct hantro_h264_rc_params *p, u32 bitrate)
{
	return div_u64((u64)bitrate * p->interval_num, p->interval_den);
}

/**
 * hantro_h264_rc_target() - bits a P picture should take
 * @rc:		rate control of the stream
 * @p:		the frame's parameters
 *
 * Where a P picture should land, given the budget and the buffer; the QP
 * choice and the macroblock checkpoints aim at it.
 *
 * Return: the target in bits.
 */
u64 hantro_h264_rc_target(const struct hantro_h264_rc *rc, const struct hantro_h264_rc_params *p)
{
	s64 budget = hantro_rc_budget(p, p->bitrate), aim;

	aim = budget - div_s64(rc->fullness, 8);
	aim = clamp_t(s64, aim, budget / 4, budget * 3);
	if (p->vbr)
		aim = min_t(s64, aim, hantro_rc_budget(p, p->bitrate_peak));
	return max_t(s64, aim, 1);
}

/**
 * hantro_h264_rc_qp() - QP of the next picture
 * @rc:		rate control of the stream
 * @p:		the frame's parameters
 * @mbs:	macroblocks of the visible picture
 * @intra:	it is an IDR picture
 *
 * Return: the QP, within the frame's min and max.
 */
int hantro_h264_rc_qp(struct hantro_h264_rc *rc, const struct hantro_h264_rc_params *p,
		      unsigned int mbs, bool intra)
{
	int qp;

	if (!p->frame_rc)
		return clamp_t(int, intra ? p->i_qp : p->p_qp, p->min_qp, p->max_qp);

	if (rc->qp < 0) {
		/* Start where ~200 bits per macroblock would land at QP 30. */
		u64 per_mb = div_u64(hantro_rc_budget(p, p->bitrate), mbs) + 1;

		rc->qp = 30 - 6 * (hantro_rc_log2(per_mb) - hantro_rc_log2(200)) / 256;
	} else if (rc->have_model) {
		int step = 6 * (hantro_rc_log2(rc->last_bits) -
				hantro_rc_log2(hantro_h264_rc_target(rc, p))) / 256;

		rc->qp = rc->last_qp + clamp(step, -HANTRO_RC_MAX_STEP, HANTRO_RC_MAX_STEP);
	}
	rc->qp = clamp_t(int, rc->qp, p->min_qp, p->max_qp);
	qp = intra ? rc->qp - HANTRO_RC_INTRA_DELTA : rc->qp;
	return clamp_t(int, qp, p->min_qp, p->max_qp);
}

/**
 * hantro_h264_rc_codewords() - the next P picture's target in codewords
 * @rc:		rate control of the stream
 * @p:		the frame's parameters
 *
 * Macroblock rate control counts run-level codewords, not bits: the
 * target size is converted at the bits per codeword of the last P picture
 * (as MPP's VEPU HALs do with their "srcPrm").
 *
 * Return: the codewords, 0 while no P picture has been coded.
 */
u64 hantro_h264_rc_codewords(const struct hantro_h264_rc *rc,
			     const struct hantro_h264_rc_params *p)
{
	if (!rc->have_model || !rc->last_bits || !rc->last_codewords)
		return 0;
	return div_u64(hantro_h264_rc_target(rc, p) * rc->last_codewords, rc->last_bits);
}

/**
 * hantro_h264_rc_update() - account for a coded picture
 * @rc:		rate control of the stream
 * @p:		the frame's parameters
 * @intra:	it was an IDR picture
 * @qp:		its QP
 * @bits:	its size, headers included
 * @codewords:	its run-level codewords, as the hardware counted them
 */
void hantro_h264_rc_update(struct hantro_h264_rc *rc, const struct hantro_h264_rc_params *p,
			   bool intra, int qp, u32 bits, u32 codewords)
{
	s64 budget = hantro_rc_budget(p, p->bitrate);

	rc->fullness += (s64)bits - budget;
	/* One second of excess at most; VBR keeps little credit for later. */
	rc->fullness = clamp_t(s64, rc->fullness,
			       p->vbr ? -2 * budget : -(s64)p->bitrate,
			       p->bitrate);
	if (!intra) {
		rc->last_bits = bits;
		rc->last_qp = qp;
		rc->last_codewords = codewords;
		rc->have_model = true;
	}
}
