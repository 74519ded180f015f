// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: the header hand-over and the checkpoint plan of an H.264
 * picture.
 *
 * The hardware writes the stream from an 8-byte aligned address: the
 * header bytes the driver wrote past that address go to HDR_REM, with the
 * bit count to continue after (Hantro's H264CodeFrame, MPP's H.264 HALs).
 */

#include <linux/kernel.h>
#include <linux/math64.h>

#include "hantro_h264_frame.h"

/**
 * hantro_stream_handover() - hand the end of the headers to the hardware
 * @buf:	the stream buffer, headers at its start
 * @hdr_len:	header bytes in @buf
 * @h:		out: the hand-over
 */
void hantro_stream_handover(const u8 *buf, size_t hdr_len, struct hantro_stream_handover *h)
{
	u8 rem[8] = { 0 };
	unsigned int i;

	h->aligned = hdr_len & ~(size_t)7;
	h->start_bits = (hdr_len - h->aligned) * 8;
	for (i = 0; i < hdr_len - h->aligned; i++)
		rem[i] = buf[h->aligned + i];
	h->rem_msb = (u32)rem[0] << 24 | rem[1] << 16 | rem[2] << 8 | rem[3];
	h->rem_lsb = (u32)rem[4] << 24 | rem[5] << 16 | rem[6] << 8 | rem[7];
}

/**
 * hantro_h264_cp_fill() - the shape of a checkpoint plan
 * @plan:	out: the plan
 * @count:	checkpoints used, at most HANTRO_CHECKPOINTS
 * @distance:	macroblocks between them
 * @step:	run-level codewords expected between two checkpoints
 *
 * Being off by up to a step keeps the QP; each further step moves it by
 * one, up to three (the shape MPP programs, whose steps are a whole
 * picture's worth). Narrower bands overshoot: coefficients gather where a
 * picture has detail, so flat rows coded first lower the QP of the
 * detailed ones (a quarter step overshot testsrc2 at 1 Mbit/s by 8 %,
 * tests/host/test_h264_rc.c). Units of the registers: hantro_layout.h.
 */
void hantro_h264_cp_fill(struct hantro_h264_cp_plan *plan, unsigned int count,
			 unsigned int distance, u32 step)
{
	s32 band = max(step / HANTRO_CP_ERROR_UNIT, 1u);
	unsigned int i;

	*plan = (struct hantro_h264_cp_plan){ .distance = distance };
	for (i = 0; i < min_t(unsigned int, count, HANTRO_CHECKPOINTS); i++)
		plan->words[i] = min_t(u64, (u64)(i + 1) * step / HANTRO_CP_TARGET_UNIT, 0xffff);
	for (i = 0; i < HANTRO_CP_ERRORS; i++)
		plan->error[i] = clamp(((int)i - 3 + (i >= 3)) * band, -32768, 32767);
	for (i = 0; i < HANTRO_CP_DELTAS; i++)
		plan->delta_qp[i] = (int)i - 3;
}

/**
 * hantro_h264_cp_delta_reg() - the delta-QP register of a plan
 * @plan:	the plan
 *
 * Return: its QP changes packed as the hardware reads them.
 */
u32 hantro_h264_cp_delta_reg(const struct hantro_h264_cp_plan *plan)
{
	u32 reg = 0;
	unsigned int i;

	for (i = 0; i < HANTRO_CP_DELTAS; i++)
		reg |= (u32)(plan->delta_qp[i] & 0xf) << hantro_cp_delta_shift(i);
	return reg;
}

/**
 * hantro_h264_cp_plan_rows() - checkpoints for a P picture's target
 * @plan:	out: the plan; distance 0 when the picture has a single row
 * @mb_width:	coded width in macroblocks
 * @mb_height:	coded height in macroblocks
 * @target_codewords: the run-level codewords (non-zero coefficients) the
 *		picture's target size allows; see hantro_h264_rc_codewords()
 *
 * One checkpoint per macroblock row but the last, as many as the hardware
 * has, spread evenly; each expects its share of the target. No checkpoint
 * without a target: the hardware counts codewords, not bits.
 */
void hantro_h264_cp_plan_rows(struct hantro_h264_cp_plan *plan, unsigned int mb_width,
			      unsigned int mb_height, u64 target_codewords)
{
	unsigned int count = min_t(unsigned int, mb_height - 1, HANTRO_CHECKPOINTS);
	u64 step;

	if (!count || !target_codewords) {
		*plan = (struct hantro_h264_cp_plan){ 0 };
		return;
	}
	step = min_t(u64, div_u64(target_codewords, count + 1),
		     0xffffull * HANTRO_CP_TARGET_UNIT);
	hantro_h264_cp_fill(plan, count, mb_width * mb_height / (count + 1), step);
}
