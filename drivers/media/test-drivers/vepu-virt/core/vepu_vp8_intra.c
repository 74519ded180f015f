// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: VP8's whole-macroblock intra predictors, RFC 6386 section
 * 12.2, from the unfiltered reconstruction of the macroblocks above and
 * to the left. Outside the picture the row above reads 127 (its corner
 * too) and the column to the left 129 (its corner too below the first
 * row), as the decoders assume. Plain C.
 */

#include <linux/kernel.h>
#include <linux/string.h>

#include "vepu_vp8_internal.h"

/**
 * struct vepu_vp8_edges - the samples around a block
 * @above:	the row above
 * @left:	the column to the left
 * @corner:	above-left
 * @has_above:	@above is inside the picture
 * @has_left:	@left is inside the picture
 */
struct vepu_vp8_edges {
	u8 above[16];
	u8 left[16];
	u8 corner;
	bool has_above;
	bool has_left;
};

/* The edges of an n x n block at (x, y) of a plane, samples @step apart. */
static void vepu_vp8_edges(const u8 *plane, unsigned int stride, unsigned int step,
			   unsigned int x, unsigned int y, unsigned int n,
			   struct vepu_vp8_edges *e)
{
	unsigned int i;

	e->has_above = y > 0;
	e->has_left = x > 0;
	for (i = 0; i < n; i++) {
		e->above[i] = y ? plane[(y - 1) * stride + (x + i) * step] : 127;
		e->left[i] = x ? plane[(y + i) * stride + (x - 1) * step] : 129;
	}
	if (!y)
		e->corner = 127;
	else if (!x)
		e->corner = 129;
	else
		e->corner = plane[(y - 1) * stride + (x - 1) * step];
}

/* Fill an n x n prediction (n 16 or 8, shift log2(n)) in one of the modes. */
static void vepu_vp8_predict(const struct vepu_vp8_edges *e, unsigned int n,
			     unsigned int shift, unsigned int mode, u8 *pred)
{
	unsigned int x, y, sum = 0;

	switch (mode) {
	case HANTRO_VP8_DC_PRED:
		for (x = 0; x < n; x++)
			sum += (e->has_above ? e->above[x] : 0) + (e->has_left ? e->left[x] : 0);
		if (e->has_above && e->has_left)
			sum = (sum + n) >> (shift + 1);
		else if (e->has_above || e->has_left)
			sum = (sum + n / 2) >> shift;
		else
			sum = 128;
		memset(pred, sum, n * n);
		break;
	case HANTRO_VP8_V_PRED:
		for (y = 0; y < n; y++)
			memcpy(pred + y * n, e->above, n);
		break;
	case HANTRO_VP8_H_PRED:
		for (y = 0; y < n; y++)
			memset(pred + y * n, e->left[y], n);
		break;
	default:
		for (y = 0; y < n; y++)
			for (x = 0; x < n; x++)
				pred[y * n + x] = clamp(e->left[y] + e->above[x] - e->corner,
							0, 255);
		break;
	}
}

/**
 * vepu_vp8_predict_luma() - a macroblock's 16x16 luma prediction
 * @rec:	the reconstruction so far
 * @stride:	its row length
 * @mbx:	macroblock column
 * @mby:	macroblock row
 * @mode:	enum hantro_vp8_mode, B_PRED excluded
 * @pred:	out: 16x16 samples
 */
void vepu_vp8_predict_luma(const struct vepu_vp8_pic *rec, unsigned int stride,
			   unsigned int mbx, unsigned int mby, unsigned int mode, u8 pred[256])
{
	struct vepu_vp8_edges e;

	vepu_vp8_edges(rec->y, stride, 1, mbx * 16, mby * 16, 16, &e);
	vepu_vp8_predict(&e, 16, 4, mode, pred);
}

/**
 * vepu_vp8_predict_chroma() - a macroblock's 8x8 Cb and Cr predictions
 * @rec:	the reconstruction so far
 * @stride:	its row length
 * @mbx:	macroblock column
 * @mby:	macroblock row
 * @mode:	enum hantro_vp8_mode, B_PRED excluded
 * @pred_u:	out: 8x8 Cb samples
 * @pred_v:	out: 8x8 Cr samples
 */
void vepu_vp8_predict_chroma(const struct vepu_vp8_pic *rec, unsigned int stride,
			     unsigned int mbx, unsigned int mby, unsigned int mode,
			     u8 pred_u[64], u8 pred_v[64])
{
	struct vepu_vp8_edges e;

	vepu_vp8_edges(rec->c, stride, 2, mbx * 8, mby * 8, 8, &e);
	vepu_vp8_predict(&e, 8, 3, mode, pred_u);
	vepu_vp8_edges(rec->c + 1, stride, 2, mbx * 8, mby * 8, 8, &e);
	vepu_vp8_predict(&e, 8, 3, mode, pred_v);
}
