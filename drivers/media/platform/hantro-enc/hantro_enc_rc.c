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

#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/math64.h>

#include "hantro_enc.h"

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

void hantro_enc_rc_reset(struct hantro_enc_rc *rc)
{
	*rc = (struct hantro_enc_rc){ .qp = -1 };
}

/* Bits budgeted per frame at the frame rate the frame was queued with. */
static u64 hantro_rc_budget(const struct hantro_enc_frame_params *p, u32 bitrate)
{
	return div_u64((u64)bitrate * p->timeperframe.numerator, p->timeperframe.denominator);
}

/**
 * hantro_enc_rc_target() - bits a P picture should take
 * @ctx:	context
 * @p:		the frame's parameters
 *
 * Where a P picture should land, given the budget and the buffer; the QP
 * choice and the macroblock checkpoints aim at it.
 *
 * Return: the target in bits.
 */
u64 hantro_enc_rc_target(struct hantro_enc_ctx *ctx, const struct hantro_enc_frame_params *p)
{
	s64 budget = hantro_rc_budget(p, p->bitrate), aim;

	aim = budget - div_s64(ctx->h264.rc.fullness, 8);
	aim = clamp_t(s64, aim, budget / 4, budget * 3);
	if (p->vbr)
		aim = min_t(s64, aim, hantro_rc_budget(p, p->bitrate_peak));
	return max_t(s64, aim, 1);
}

/**
 * hantro_enc_rc_qp() - QP of the next picture
 * @ctx:	context
 * @p:		the frame's parameters
 * @intra:	it is an IDR picture
 *
 * Return: the QP, within the frame's min and max.
 */
int hantro_enc_rc_qp(struct hantro_enc_ctx *ctx, const struct hantro_enc_frame_params *p,
		     bool intra)
{
	struct hantro_enc_rc *rc = &ctx->h264.rc;
	unsigned int mbs = DIV_ROUND_UP(ctx->crop.width, 16) * DIV_ROUND_UP(ctx->crop.height, 16);
	int qp;

	if (!p->frame_rc)
		return clamp_t(int, intra ? p->i_qp : p->p_qp, p->min_qp, p->max_qp);

	if (rc->qp < 0) {
		/* Start where ~200 bits per macroblock would land at QP 30. */
		u64 per_mb = div_u64(hantro_rc_budget(p, p->bitrate), mbs) + 1;

		rc->qp = 30 - 6 * (hantro_rc_log2(per_mb) - hantro_rc_log2(200)) / 256;
	} else if (rc->have_model) {
		int step = 6 * (hantro_rc_log2(rc->last_bits) -
				hantro_rc_log2(hantro_enc_rc_target(ctx, p))) / 256;

		rc->qp = rc->last_qp + clamp(step, -HANTRO_RC_MAX_STEP, HANTRO_RC_MAX_STEP);
	}
	rc->qp = clamp_t(int, rc->qp, p->min_qp, p->max_qp);
	qp = intra ? rc->qp - HANTRO_RC_INTRA_DELTA : rc->qp;
	return clamp_t(int, qp, p->min_qp, p->max_qp);
}

/**
 * hantro_enc_rc_update() - account for a coded picture
 * @ctx:	context
 * @p:		the frame's parameters
 * @intra:	it was an IDR picture
 * @qp:		its QP
 * @bits:	its size, headers included
 */
void hantro_enc_rc_update(struct hantro_enc_ctx *ctx, const struct hantro_enc_frame_params *p,
			  bool intra, int qp, u32 bits)
{
	struct hantro_enc_rc *rc = &ctx->h264.rc;
	s64 budget = hantro_rc_budget(p, p->bitrate);

	rc->fullness += (s64)bits - budget;
	/* One second of excess at most; VBR keeps little credit for later. */
	rc->fullness = clamp_t(s64, rc->fullness,
			       p->vbr ? -2 * budget : -(s64)p->bitrate,
			       p->bitrate);
	if (!intra) {
		rc->last_bits = bits;
		rc->last_qp = qp;
		rc->have_model = true;
	}
}
