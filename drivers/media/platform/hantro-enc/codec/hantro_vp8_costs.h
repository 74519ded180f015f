/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: what a VP8 frame's quantiser index means for the hardware
 * beyond the step sizes: the quantiser's register values, the costs its
 * motion search and mode decision run with, and the vendor's defaults for
 * the skip probability and the loop filter level. Plain C, also built into
 * the host unit tests.
 */
#ifndef HANTRO_VP8_COSTS_H
#define HANTRO_VP8_COSTS_H

#include <linux/types.h>

#include "hantro_layout.h"
#include "hantro_vp8_hdr.h"

/**
 * struct hantro_vp8_quant_reg - one quantiser register's fields
 * @quant:	65536 / step, at most 14 bits
 * @zbin:	the zero bin
 * @round:	the rounding
 */
struct hantro_vp8_quant_reg {
	u16 quant;
	u16 zbin;
	u8 round;
};

/**
 * struct hantro_vp8_penalties - mode decision and motion search costs
 * @intra16_favor: favour of intra 16x16 over intra 4x4
 * @inter_favor: favour of inter over intra coding
 * @skip_penalty: penalty of the zero, nearest and near vectors
 * @golden_penalty: penalty of the golden frame's zero vector
 * @split: 16x8, 8x8, 8x4 and 4x4 partition costs
 * @intra16: the four intra 16x16 modes' costs
 * @intra4: the ten intra 4x4 modes' costs
 * @mv_1p:	motion vector difference penalty, full-pixel search
 * @mv_4p:	the same, four-vector (split) search
 * @mv_qpel:	the same, quarter-pixel search
 * @dmv:	penalty of each full-pixel vector difference
 * @dmv_qpel:	penalty of each quarter-pixel difference, from the cost of
 *		coding it with the frame's vector probabilities
 */
struct hantro_vp8_penalties {
	u16 intra16_favor;
	u16 inter_favor;
	u8 skip_penalty;
	u8 golden_penalty;
	u16 split[4];
	u16 intra16[4];
	u16 intra4[10];
	u16 mv_1p;
	u16 mv_4p;
	u16 mv_qpel;
	u8 dmv[HANTRO_DMV_PENALTIES];
	u8 dmv_qpel[HANTRO_DMV_PENALTIES];
};

extern const s8 hantro_vp8_ref_lf_deltas[4];
extern const s8 hantro_vp8_mode_lf_deltas[4];

void hantro_vp8_quant_regs(unsigned int qi, const struct hantro_vp8_dequant *dq,
			   struct hantro_vp8_quant_reg regs[6]);
void hantro_vp8_penalties(unsigned int qi, bool key_frame, u8 prob_intra,
			  const u8 mv_probs[2][HANTRO_VP8_MV_PROBS],
			  struct hantro_vp8_penalties *p);
u8 hantro_vp8_skip_prob(unsigned int qi);
u8 hantro_vp8_filter_level(unsigned int qi, bool key_frame);
unsigned int hantro_vp8_rc_qi(int qp);
int hantro_vp8_rc_qp(unsigned int qi);

#endif /* HANTRO_VP8_COSTS_H */
