// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: the costs an H.264 picture's motion search and mode decision
 * run with, as the vendor programs them.
 *
 * The per-QP values are the ones Rockchip MPP programs into VEPU1/H1 and
 * VEPU2 at each QP: read off its register programming at QP 1..51
 * (tests/vectors/mpp/vepu1-h264-qpsweep-*, which test_mpp_compare checks
 * these tables against), QP 0 from its table (MPP takes QP 0 for "unset").
 * The favours and MV penalties equal Hantro's reference encoder's tables;
 * the inter favour and the skip penalty are MPP's own tuning.
 */

#include <linux/kernel.h>

#include "hantro_h264_penalty.h"

static const u8 hantro_h264_prev_mode_favor[52] = {
	7, 7, 8, 8, 9, 9, 10, 10, 11, 12, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 27, 29, 30,
	32, 34, 36, 38, 41, 43, 46, 49, 51, 55, 58, 61, 65,
	69, 73, 78, 82, 87, 93, 98, 104, 110, 117, 124, 132, 140,
};

static const u16 hantro_h264_intra16_favor[52] = {
	24, 24, 24, 26, 27, 30, 32, 35, 39, 43,
	48, 53, 58, 64, 71, 78, 85, 93, 102, 111,
	121, 131, 142, 154, 167, 180, 195, 211, 229, 248,
	271, 296, 326, 361, 404, 457, 523, 607, 714, 852,
	1034, 1272, 1588, 2008, 2568, 3318, 4323, 5672, 7486, 9928,
	13216, 17648,
};

static const u16 hantro_h264_inter_favor[52] = {
	40, 40, 41, 42, 43, 44, 45, 48, 51, 53,
	55, 60, 62, 67, 69, 72, 78, 84, 90, 96,
	110, 120, 135, 152, 170, 189, 210, 235, 265, 297,
	335, 376, 420, 470, 522, 572, 620, 670, 724, 770,
	820, 867, 915, 970, 1020, 1076, 1132, 1180, 1230, 1275,
	1320, 1370,
};

static const u8 hantro_h264_skip_penalty[52] = {
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 233, 205, 182,
	163, 146, 132, 120, 109, 100, 92, 84, 78, 71, 66, 61, 56,
	52, 48, 44, 41, 38, 35, 32, 30, 27, 25, 23, 21, 19,
	17, 15, 14, 12, 11, 9, 8, 7, 5, 4, 3, 2, 1,
};

static const u16 hantro_h264_mv_penalty[52] = {
	2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 6, 7, 8,
	9, 10, 11, 13, 14, 16, 18, 20, 23, 26, 29, 32, 36,
	40, 45, 51, 57, 64, 72, 81, 91, 102, 114, 128, 144, 161,
	181, 203, 228, 256, 287, 323, 362, 406, 456, 512, 575, 645, 724,
};

static const u16 hantro_h264_mv_penalty_4p[52] = {
	2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8,
	9, 10, 11, 12, 14, 16, 17, 20, 22, 25, 28, 31, 35,
	39, 44, 49, 55, 62, 70, 78, 88, 98, 110, 124, 139, 156,
	175, 197, 221, 248, 278, 312, 351, 394, 442, 496, 557, 625, 701,
};

/* Bits of the signed Exp-Golomb code of @v (9.1.1): the cost of a difference. */
static unsigned int hantro_se_bits(int v)
{
	unsigned int code = v > 0 ? 2 * v - 1 : -2 * v, bits = 1;

	while (code + 1 >= (1u << bits))
		bits++;
	return 2 * bits - 1;
}

/**
 * hantro_h264_penalties() - the costs of a picture
 * @qp:		its QP (0..51)
 * @mb_width:	its width in macroblocks
 * @mb_height:	its height in macroblocks
 * @p:		out: the costs
 *
 * The skip penalty grows for small pictures, by 200 / (width + height in
 * macroblocks), at most 255; the zero motion vector is favoured by 20;
 * a full-pixel difference of i costs i, a quarter-pixel one its code
 * length (MPP's programming).
 */
void hantro_h264_penalties(int qp, unsigned int mb_width, unsigned int mb_height,
			   struct hantro_h264_penalties *p)
{
	unsigned int scale = max(1u, 200 / (mb_width + mb_height)), i;

	qp = clamp(qp, 0, 51);
	p->prev_mode_favor = hantro_h264_prev_mode_favor[qp];
	p->intra16_favor = hantro_h264_intra16_favor[qp];
	p->inter_favor = hantro_h264_inter_favor[qp];
	p->skip_penalty = min(255u, hantro_h264_skip_penalty[qp] * scale);
	p->mv_1p = hantro_h264_mv_penalty[qp];
	p->mv_4p = hantro_h264_mv_penalty_4p[qp];
	p->mv_qpel = hantro_h264_mv_penalty[qp];
	p->zero_mv_favor = 10;
	for (i = 0; i < HANTRO_DMV_PENALTIES; i++) {
		p->dmv[i] = i;
		p->dmv_qpel[i] = min(255u, hantro_se_bits(i));
	}
}
