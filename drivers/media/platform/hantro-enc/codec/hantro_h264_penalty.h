/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the costs an H.264 picture's motion search and mode decision
 * run with. Plain C, also built into the host unit tests.
 */
#ifndef HANTRO_H264_PENALTY_H
#define HANTRO_H264_PENALTY_H

#include <linux/types.h>

#include "hantro_layout.h"

/**
 * struct hantro_h264_penalties - mode decision and motion search costs
 * @prev_mode_favor: favour of the predicted intra 4x4 mode
 * @intra16_favor: favour of intra 16x16 over intra 4x4
 * @inter_favor: favour of inter over intra coding
 * @skip_penalty: penalty of the skip mode, scaled to the picture
 * @mv_1p:	motion vector difference penalty, full-pixel search
 * @mv_4p:	the same, four-MV (split) search
 * @mv_qpel:	the same, quarter-pixel search
 * @zero_mv_favor: favour of the zero motion vector, / 2
 * @dmv:	penalty of each full-pixel motion vector difference
 * @dmv_qpel:	penalty of each quarter-pixel difference
 */
struct hantro_h264_penalties {
	u8 prev_mode_favor;
	u16 intra16_favor;
	u16 inter_favor;
	u8 skip_penalty;
	u16 mv_1p;
	u16 mv_4p;
	u16 mv_qpel;
	u8 zero_mv_favor;
	u8 dmv[HANTRO_DMV_PENALTIES];
	u8 dmv_qpel[HANTRO_DMV_PENALTIES];
};

void hantro_h264_penalties(int qp, unsigned int mb_width, unsigned int mb_height,
			   struct hantro_h264_penalties *p);

#endif /* HANTRO_H264_PENALTY_H */
