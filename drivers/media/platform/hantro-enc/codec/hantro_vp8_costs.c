// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: a VP8 frame's quantiser register values and mode decision
 * costs, as the vendor programs them (Rockchip MPP hal_vp8e_base.c
 * set_new_frame(), set_intra_pred_penalties(), set_filter() and
 * hal_vp8e_init_qp_table(); hal_vp8e_entropy.c vp8e_calc_cost_mv()). The
 * tables are MPP's (hal_vp8e_table.c), which are Hantro's. test_mpp_compare
 * checks the registers they give against MPP's traces.
 */

#include <linux/kernel.h>

#include "hantro_vp8_boolenc.h"
#include "hantro_vp8_costs.h"

static const u16 hantro_vp8_split_penalty[HANTRO_VP8_Q_INDICES] = {
	24, 25, 26, 26, 27, 28, 29, 29, 30, 31, 32, 32, 33, 34, 35, 36,
	37, 38, 39, 40, 41, 42, 43, 44, 45, 47, 48, 49, 50, 52, 53, 54,
	56, 57, 59, 60, 62, 63, 65, 67, 68, 70, 72, 74, 76, 78, 80, 82,
	84, 86, 88, 91, 93, 95, 98, 100, 103, 106, 108, 111, 114, 117, 120, 123,
	126, 130, 133, 136, 140, 144, 147, 151, 155, 159, 163, 167, 172, 176, 181, 185,
	190, 195, 200, 205, 211, 216, 222, 227, 233, 239, 245, 252, 258, 265, 272, 279,
	286, 293, 301, 309, 317, 325, 333, 342, 351, 360, 369, 379, 388, 398, 409, 419,
	430, 441, 453, 464, 476, 488, 501, 514, 527, 541, 555, 569, 584, 599, 614, 630,
};

/* The weight of a vector's coding cost in the quarter-pixel penalties. */
static const u8 hantro_vp8_mv_weight[HANTRO_VP8_Q_INDICES] = {
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5,
	5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6,
	6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7, 8, 8, 8,
	8, 8, 8, 8, 9, 9, 9, 9, 9, 10, 10, 10, 10, 11, 11, 11,
	12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 16, 16, 17,
	17, 18, 18, 19, 19, 20, 20, 20, 21, 22, 23, 23, 24, 24, 25, 25,
	26, 27, 28, 28, 29, 30, 31, 32, 32, 33, 34, 35, 36, 37, 38, 39,
	40, 41, 42, 44, 44, 46, 47, 48, 50, 51, 52, 54, 55, 57, 58, 61,
};

static const u16 hantro_vp8_intra4_tree_cost[10] = {
	280, 622, 832, 1177, 1240, 1341, 1085, 1259, 1357, 1495,
};

static const u16 hantro_vp8_intra16_tree_cost[4] = {
	305, 841, 914, 1082,
};

static const u8 hantro_vp8_inter_level[HANTRO_VP8_Q_INDICES] = {
	8, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
	10, 10, 10, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 11, 11, 11,
	12, 12, 12, 12, 12, 12, 13, 13, 13, 13, 13, 14, 14, 14, 14, 15,
	15, 15, 15, 16, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19, 19, 20,
	20, 20, 21, 21, 22, 22, 23, 23, 24, 24, 25, 25, 26, 26, 27, 28,
	28, 29, 30, 30, 31, 32, 33, 33, 34, 35, 36, 37, 38, 39, 40, 41,
	42, 43, 44, 45, 46, 48, 49, 50, 51, 53, 54, 56, 57, 59, 60, 62,
	63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63,
};

static const u8 hantro_vp8_skip_false_prob[HANTRO_VP8_Q_INDICES] = {
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 251, 248, 244, 240, 236, 232, 229, 225,
	221, 217, 213, 208, 204, 199, 194, 190, 187, 183, 179, 175, 172, 168, 164, 160,
	157, 153, 149, 145, 142, 138, 134, 130, 127, 124, 120, 117, 114, 110, 107, 104,
	101, 98, 95, 92, 89, 86, 83, 80, 77, 74, 71, 68, 65, 62, 59, 56,
	53, 50, 47, 44, 41, 38, 35, 32, 30, 28, 26, 24, 22, 20, 18, 16,
};

/*
 * The vendor's loop filter level adjustments (MPP set_filter(), Hantro's
 * defaults): more filtering for intra macroblocks and 4x4 modes, less for
 * golden and altref references and zero vectors.
 */
const s8 hantro_vp8_ref_lf_deltas[4] = { 2, 0, -2, -2 };
const s8 hantro_vp8_mode_lf_deltas[4] = { 4, -2, 2, 4 };

/**
 * hantro_vp8_quant_regs() - the quantiser registers of a frame
 * @qi:		its base quantiser index, 0..127
 * @dq:		its step sizes (hantro_vp8_dequant())
 * @regs:	out: luma DC and AC, second-order DC and AC, chroma DC and AC
 *
 * The zero bin and the rounding are fractions of the step that depend on
 * the base index only.
 */
void hantro_vp8_quant_regs(unsigned int qi, const struct hantro_vp8_dequant *dq,
			   struct hantro_vp8_quant_reg regs[6])
{
	const u16 steps[6] = { dq->y1[0], dq->y1[1], dq->y2[0], dq->y2[1], dq->uv[0], dq->uv[1] };
	unsigned int zbin = qi < 4 ? 64 : 80, round = qi < 8 ? 56 : 48, i;

	for (i = 0; i < 6; i++) {
		unsigned int q = max_t(unsigned int, steps[i], 1);

		regs[i].quant = min(65536 / q, 0x3fffu);
		regs[i].zbin = (zbin * q + 64) >> 7;
		regs[i].round = (round * q) >> 7;
	}
}

/*
 * What coding a vector component difference of @mvd quarter samples costs
 * with component probabilities @p (RFC 6386 section 17.2: short values
 * through the tree, long ones bit by bit), in 1/256 bit; the way MPP counts
 * it, in half the units the difference is in.
 */
static unsigned int hantro_vp8_mv_cost(int mvd, const u8 *p)
{
	unsigned int x = abs(mvd >> 1), cost, i;

	if (x < 8) {
		/* The short tree: bit 2 at p[2], then p[3] or p[6], then a leaf. */
		unsigned int half = x >> 2 ? 6 : 3, mid = (x >> 1) & 1;

		cost = hantro_vp8_bool_cost(p[0], 0) + hantro_vp8_bool_cost(p[2], x >> 2) +
		       hantro_vp8_bool_cost(p[half], mid) +
		       hantro_vp8_bool_cost(p[half + 1 + mid], x & 1);
		if (!x)
			return cost;
		return cost + hantro_vp8_bool_cost(p[1], mvd < 0);
	}
	cost = hantro_vp8_bool_cost(p[0], 1);
	for (i = 0; i < 3; i++)
		cost += hantro_vp8_bool_cost(p[9 + i], (x >> i) & 1);
	for (i = 9; i > 3; i--)
		cost += hantro_vp8_bool_cost(p[9 + i], (x >> i) & 1);
	if (x > 15)
		cost += hantro_vp8_bool_cost(p[9 + 3], (x >> 3) & 1);
	return cost + hantro_vp8_bool_cost(p[1], mvd < 0);
}

/**
 * hantro_vp8_penalties() - the costs a VP8 frame's search runs with
 * @qi:		its quantiser index, 0..127
 * @key_frame:	it is a key frame (no references, no golden penalty)
 * @prob_intra:	the probability of an intra macroblock it is coded with
 * @mv_probs:	its vector probabilities, row then column
 * @p:		out: the costs
 */
void hantro_vp8_penalties(unsigned int qi, bool key_frame, u8 prob_intra,
			  const u8 mv_probs[2][HANTRO_VP8_MV_PROBS],
			  struct hantro_vp8_penalties *p)
{
	unsigned int spt = hantro_vp8_split_penalty[qi], i;
	int favor = 128 - prob_intra;

	p->intra16_favor = qi * 1024 / 128;
	/* An intra-favouring probability turns the favour negative. */
	p->inter_favor = favor < 0 ? (u16)favor : max(0, (int)qi * 2 - 40);
	p->skip_penalty = qi >= 100 ? 3 * qi / 4 : 0;
	p->golden_penalty = key_frame ? 0 : max(0, 5 * (int)qi / 4 - 10);
	p->split[0] = min(1023u, spt / 2);
	p->split[1] = min(1023u, (2 * spt + 40) / 4);
	/* 8x4 partitions off. */
	p->split[2] = 0x3ff;
	p->split[3] = min(511u, (8 * spt + 500) / 16);
	for (i = 0; i < ARRAY_SIZE(p->intra16); i++)
		p->intra16[i] = hantro_vp8_intra16_tree_cost[i] * (qi * 2 + 64) >> 8;
	for (i = 0; i < ARRAY_SIZE(p->intra4); i++)
		p->intra4[i] = hantro_vp8_intra4_tree_cost[i] * (qi * 2 + 8) >> 8;
	p->mv_1p = 60 / 2 * 32;
	p->mv_4p = 64 / 2;
	p->mv_qpel = 8;
	for (i = 0; i < HANTRO_DMV_PENALTIES; i++) {
		unsigned int y = hantro_vp8_mv_cost(i * 2, mv_probs[0]);
		unsigned int x = hantro_vp8_mv_cost(i * 2, mv_probs[1]);

		p->dmv[i] = i * 2;
		p->dmv_qpel[i] = min(255u, (y + x + 1) / 2 * hantro_vp8_mv_weight[qi] >> 8);
	}
}

/**
 * hantro_vp8_skip_prob() - the vendor's probability of a macroblock with
 * coefficients at quantiser index @qi
 * @qi:		0..127
 *
 * Return: prob_skip_false.
 */
u8 hantro_vp8_skip_prob(unsigned int qi)
{
	return hantro_vp8_skip_false_prob[min(qi, HANTRO_VP8_Q_INDICES - 1u)];
}

/**
 * hantro_vp8_filter_level() - the vendor's loop filter level at quantiser
 * index @qi
 * @qi:		0..127
 * @key_frame:	for a key frame, which has no references to smooth towards
 *
 * Return: 0..63.
 */
u8 hantro_vp8_filter_level(unsigned int qi, bool key_frame)
{
	qi = min(qi, HANTRO_VP8_Q_INDICES - 1u);
	return key_frame ? min(63u, qi * 64 / 128 + 8) : hantro_vp8_inter_level[qi];
}

/*
 * The rate control counts in H.264 QPs, whose step doubles every 6. VP8's
 * AC steps run from 4 to 157: QP 12 (step 4) to QP 44 (step 161) span them.
 * The step QP @qp stands for, times 64.
 */
static u32 hantro_vp8_rc_step64(unsigned int qp)
{
	static const u8 frac64[6] = { 64, 72, 81, 91, 102, 114 };

	if (qp < 12)
		return 4 * 64;
	return 4u * frac64[(qp - 12) % 6] << ((qp - 12) / 6);
}

/**
 * hantro_vp8_rc_qi() - the quantiser index of a rate control QP
 * @qp:		0..51
 *
 * Return: the smallest index whose AC step reaches the QP's, 0..127.
 */
unsigned int hantro_vp8_rc_qi(int qp)
{
	u32 step = hantro_vp8_rc_step64(clamp(qp, 0, 51));
	unsigned int qi;

	for (qi = 0; qi < HANTRO_VP8_Q_INDICES - 1; qi++)
		if (hantro_vp8_ac_q[qi] * 64u >= step)
			break;
	return qi;
}

/**
 * hantro_vp8_rc_qp() - the rate control QP of a quantiser index
 * @qi:		0..127
 *
 * Return: the smallest QP whose index reaches @qi, 0..51.
 */
int hantro_vp8_rc_qp(unsigned int qi)
{
	int qp;

	for (qp = 0; qp < 51; qp++)
		if (hantro_vp8_rc_qi(qp) >= qi)
			break;
	return qp;
}
