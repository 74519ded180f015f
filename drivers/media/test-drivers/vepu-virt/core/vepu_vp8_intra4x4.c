// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: VP8's 4x4 luma intra predictors (B_PRED), RFC 6386
 * section 12.3, and the samples they read: the unfiltered reconstruction
 * around the macroblock, with the decoders' rules at the picture's edges
 * (above the first row 127, left of the first column 129, right of the
 * last column the row above's last sample repeated) and for the blocks
 * of the right column, whose above-right samples always come from the
 * macroblock row above. Plain C.
 */

#include <linux/kernel.h>
#include <linux/string.h>

#include "vepu_vp8_internal.h"

/**
 * vepu_vp8_bpred_edges() - the samples B_PRED predicts a macroblock from
 * @rec:	the reconstruction so far (unfiltered)
 * @mbw:	the picture's width in macroblocks
 * @mbx:	macroblock column
 * @mby:	macroblock row
 * @edges:	out: row 0 from the above-left corner to four samples past
 *		the macroblock's right, column 0 the column to the left; the
 *		above-right samples repeated at the right of rows 4, 8 and 12,
 *		where the right column's blocks look for theirs
 */
void vepu_vp8_bpred_edges(const struct vepu_vp8_pic *rec, unsigned int mbw, unsigned int mbx,
			  unsigned int mby, u8 edges[17][VEPU_VP8_EDGE_STRIDE])
{
	unsigned int stride = mbw * 16, x, y, i;
	const u8 *above;

	if (!mby) {
		memset(edges[0], 127, VEPU_VP8_EDGE_STRIDE);
	} else {
		above = rec->y + (mby * 16 - 1) * stride;
		for (i = 0; i < VEPU_VP8_EDGE_STRIDE; i++) {
			x = mbx * 16 + i;
			/* i counts from the corner: x - 1 is the sample's column. */
			if (!x)
				edges[0][i] = 129;
			else
				edges[0][i] = above[min(x - 1, stride - 1)];
		}
	}
	for (y = 0; y < 16; y++)
		edges[1 + y][0] = mbx ? rec->y[(mby * 16 + y) * stride + mbx * 16 - 1] : 129;
	for (y = 4; y < 16; y += 4)
		memcpy(&edges[y][17], &edges[0][17], 4);
}

static u8 avg2(unsigned int a, unsigned int b)
{
	return (a + b + 1) >> 1;
}

static u8 avg3(unsigned int a, unsigned int b, unsigned int c)
{
	return (a + 2 * b + c + 2) >> 2;
}

/**
 * vepu_vp8_predict_4x4() - one 4x4 block's intra prediction
 * @above:	the row above: above[-1] the corner, above[0..7] the samples
 *		above and above-right
 * @left:	the column to the left, @stride apart
 * @stride:	the row length of @left and @pred
 * @mode:	enum hantro_vp8_bmode
 * @pred:	out: the 4x4 samples
 */
void vepu_vp8_predict_4x4(const u8 *above, const u8 *left, unsigned int stride,
			  unsigned int mode, u8 *pred)
{
	/* E: the edge from the bottom left up, over the corner, to the right. */
	u8 e[13], b[4][4];
	const u8 *a = e + 5, *l = left;
	unsigned int r, c, sum = 0;

	for (r = 0; r < 4; r++)
		e[3 - r] = l[r * stride];
	e[4] = above[-1];
	memcpy(e + 5, above, 8);

	switch (mode) {
	case HANTRO_VP8_B_DC:
		for (r = 0; r < 4; r++)
			sum += a[r] + e[3 - r];
		memset(b, (sum + 4) >> 3, sizeof(b));
		break;
	case HANTRO_VP8_B_TM:
		for (r = 0; r < 4; r++)
			for (c = 0; c < 4; c++)
				b[r][c] = clamp(e[3 - r] + a[c] - e[4], 0, 255);
		break;
	case HANTRO_VP8_B_VE:
		for (r = 0; r < 4; r++)
			for (c = 0; c < 4; c++)
				b[r][c] = avg3(e[4 + c], e[5 + c], e[6 + c]);
		break;
	case HANTRO_VP8_B_HE:
		/* Rows from the corner down; the last repeats the bottom sample. */
		for (r = 0; r < 4; r++)
			memset(b[r], avg3(e[4 - r], e[3 - r], e[r < 3 ? 2 - r : 0]), 4);
		break;
	case HANTRO_VP8_B_LD:
		for (r = 0; r < 4; r++)
			for (c = 0; c < 4; c++)
				b[r][c] = r + c < 6 ? avg3(a[r + c], a[r + c + 1], a[r + c + 2]) :
						      avg3(a[6], a[7], a[7]);
		break;
	case HANTRO_VP8_B_RD:
		for (r = 0; r < 4; r++)
			for (c = 0; c < 4; c++)
				b[r][c] = avg3(e[3 - r + c], e[4 - r + c], e[5 - r + c]);
		break;
	case HANTRO_VP8_B_VR:
		b[3][0] = avg3(e[1], e[2], e[3]);
		b[2][0] = avg3(e[2], e[3], e[4]);
		b[3][1] = b[1][0] = avg3(e[3], e[4], e[5]);
		b[2][1] = b[0][0] = avg2(e[4], e[5]);
		b[3][2] = b[1][1] = avg3(e[4], e[5], e[6]);
		b[2][2] = b[0][1] = avg2(e[5], e[6]);
		b[3][3] = b[1][2] = avg3(e[5], e[6], e[7]);
		b[2][3] = b[0][2] = avg2(e[6], e[7]);
		b[1][3] = avg3(e[6], e[7], e[8]);
		b[0][3] = avg2(e[7], e[8]);
		break;
	case HANTRO_VP8_B_VL:
		b[0][0] = avg2(a[0], a[1]);
		b[1][0] = avg3(a[0], a[1], a[2]);
		b[2][0] = b[0][1] = avg2(a[1], a[2]);
		b[1][1] = b[3][0] = avg3(a[1], a[2], a[3]);
		b[2][1] = b[0][2] = avg2(a[2], a[3]);
		b[3][1] = b[1][2] = avg3(a[2], a[3], a[4]);
		b[2][2] = b[0][3] = avg2(a[3], a[4]);
		b[3][2] = b[1][3] = avg3(a[3], a[4], a[5]);
		/* The last two break the pattern (RFC 6386 section 12.3). */
		b[2][3] = avg3(a[4], a[5], a[6]);
		b[3][3] = avg3(a[5], a[6], a[7]);
		break;
	case HANTRO_VP8_B_HD:
		b[3][0] = avg2(e[0], e[1]);
		b[3][1] = avg3(e[0], e[1], e[2]);
		b[2][0] = b[3][2] = avg2(e[1], e[2]);
		b[2][1] = b[3][3] = avg3(e[1], e[2], e[3]);
		b[2][2] = b[1][0] = avg2(e[2], e[3]);
		b[2][3] = b[1][1] = avg3(e[2], e[3], e[4]);
		b[1][2] = b[0][0] = avg2(e[3], e[4]);
		b[1][3] = b[0][1] = avg3(e[3], e[4], e[5]);
		b[0][2] = avg3(e[4], e[5], e[6]);
		b[0][3] = avg3(e[5], e[6], e[7]);
		break;
	default:
		/* B_HU, from the left column only: L[0] is e[3], L[3] e[0]. */
		b[0][0] = avg2(e[3], e[2]);
		b[0][1] = avg3(e[3], e[2], e[1]);
		b[0][2] = b[1][0] = avg2(e[2], e[1]);
		b[0][3] = b[1][1] = avg3(e[2], e[1], e[0]);
		b[1][2] = b[2][0] = avg2(e[1], e[0]);
		b[1][3] = b[2][1] = avg3(e[1], e[0], e[0]);
		b[2][2] = b[2][3] = e[0];
		memset(b[3], e[0], 4);
		break;
	}
	for (r = 0; r < 4; r++)
		memcpy(pred + r * stride, b[r], 4);
}
