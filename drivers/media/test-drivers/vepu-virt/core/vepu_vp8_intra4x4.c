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

/*
 * The four steep and shallow diagonal modes sample by sample, as taps on
 * the edge f: f[0] and f[1] the bottom left sample (repeated), up the left
 * column to f[4], the corner f[5], then the row above from f[6]. T1(i) is
 * f[i], T2(i) the rounded average of f[i] and f[i + 1], T3(i) f[i + 1]
 * weighted twice with f[i] and f[i + 2] (RFC 6386 section 12.3).
 */
#define T1(i)	(i)
#define T2(i)	(0x10 | (i))
#define T3(i)	(0x20 | (i))

static const u8 vepu_vp8_diagonal_taps[][16] = {
	[HANTRO_VP8_B_VR - HANTRO_VP8_B_VR] = {
		T2(5), T2(6), T2(7), T2(8), T3(4), T3(5), T3(6), T3(7),
		T3(3), T2(5), T2(6), T2(7), T3(2), T3(4), T3(5), T3(6),
	},
	[HANTRO_VP8_B_VL - HANTRO_VP8_B_VR] = {
		T2(6), T2(7), T2(8), T2(9), T3(6), T3(7), T3(8), T3(9),
		T2(7), T2(8), T2(9), T3(10), T3(7), T3(8), T3(9), T3(11),
	},
	[HANTRO_VP8_B_HD - HANTRO_VP8_B_VR] = {
		T2(4), T3(4), T3(5), T3(6), T2(3), T3(3), T2(4), T3(4),
		T2(2), T3(2), T2(3), T3(3), T2(1), T3(1), T2(2), T3(2),
	},
	[HANTRO_VP8_B_HU - HANTRO_VP8_B_VR] = {
		T2(3), T3(2), T2(2), T3(1), T2(2), T3(1), T2(1), T3(0),
		T2(1), T3(0), T1(1), T1(1), T1(1), T1(1), T1(1), T1(1),
	},
};

static u8 vepu_vp8_tap(const u8 *f, u8 tap)
{
	const u8 *p = f + (tap & 0xf);

	switch (tap >> 4) {
	case 0:
		return p[0];
	case 1:
		return avg2(p[0], p[1]);
	default:
		return avg3(p[0], p[1], p[2]);
	}
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
	/* f: the edge from the bottom left up, over the corner, to the right. */
	u8 f[14], b[4][4];
	const u8 *a = f + 6, *l = f + 4;
	unsigned int r, c, sum = 0;

	for (r = 0; r < 4; r++)
		f[4 - r] = left[r * stride];
	f[0] = f[1];
	f[5] = above[-1];
	memcpy(f + 6, above, 8);

	switch (mode) {
	case HANTRO_VP8_B_DC:
		for (r = 0; r < 4; r++)
			sum += a[r] + l[-(int)r];
		memset(b, (sum + 4) >> 3, sizeof(b));
		break;
	case HANTRO_VP8_B_TM:
		for (r = 0; r < 4; r++)
			for (c = 0; c < 4; c++)
				b[r][c] = clamp(l[-(int)r] + a[c] - f[5], 0, 255);
		break;
	case HANTRO_VP8_B_VE:
		for (r = 0; r < 4; r++)
			for (c = 0; c < 4; c++)
				b[r][c] = avg3(f[5 + c], f[6 + c], f[7 + c]);
		break;
	case HANTRO_VP8_B_HE:
		/* Rows from the corner down; the last repeats the bottom sample. */
		for (r = 0; r < 4; r++)
			memset(b[r], avg3(l[1 - (int)r], l[-(int)r], l[-(int)r - 1]), 4);
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
				b[r][c] = avg3(f[4 - r + c], f[5 - r + c], f[6 - r + c]);
		break;
	default:
		for (r = 0; r < 16; r++)
			b[r / 4][r % 4] = vepu_vp8_tap(f, vepu_vp8_diagonal_taps[mode -
								 HANTRO_VP8_B_VR][r]);
		break;
	}
	for (r = 0; r < 4; r++)
		memcpy(pred + r * stride, b[r], 4);
}
