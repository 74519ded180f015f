// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: luma sample interpolation (8.4.2.2.1). The
 * full-, half- and centre-sample planes of an 18x18 area are built once;
 * every quarter-sample position in it is then one lookup or the rounded
 * mean of two (Table 8-12).
 */

#include "vepu_virt_h264_int.h"

/* The 6-tap filter (1, -5, 20, 20, -5, 1) of 8-241..8-244. */
static int vepu_qpel_tap(int e, int f, int g, int h, int i, int j)
{
	return e - 5 * f + 20 * g + 20 * h - 5 * i + j;
}

/**
 * vepu_h264_qpel_build() - the interpolation planes of an area of the reference
 * @c:		picture state (the reference, its size)
 * @ox:		left column of the area, full samples (may lie outside)
 * @oy:		top row of the area
 * @q:		receives the planes
 */
void vepu_h264_qpel_build(const struct vepu_h264_ctx *c, int ox, int oy, struct vepu_qpel *q)
{
	int w = c->mbw * 16, h = c->mbh * 16, x, y;
	int (*win)[VEPU_QPEL_WIN] = q->win;
	int (*b1)[VEPU_QPEL_N] = q->b1;
	const u8 *ref = c->job->ref.y;

	/* Samples outside the picture repeat its edge (8-239, 8-240). */
	for (y = 0; y < VEPU_QPEL_WIN; y++) {
		const u8 *row = ref + vepu_clip3(0, h - 1, oy + y - 2) * w;

		for (x = 0; x < VEPU_QPEL_WIN; x++)
			win[y][x] = row[vepu_clip3(0, w - 1, ox + x - 2)];
	}
	for (y = 0; y < VEPU_QPEL_WIN; y++)
		for (x = 0; x < VEPU_QPEL_N; x++)
			b1[y][x] = vepu_qpel_tap(win[y][x], win[y][x + 1], win[y][x + 2],
						 win[y][x + 3], win[y][x + 4], win[y][x + 5]);
	for (y = 0; y < VEPU_QPEL_N; y++)
		for (x = 0; x < VEPU_QPEL_N; x++) {
			int h1 = vepu_qpel_tap(win[y][x + 2], win[y + 1][x + 2], win[y + 2][x + 2],
					       win[y + 3][x + 2], win[y + 4][x + 2],
					       win[y + 5][x + 2]);
			int j1 = vepu_qpel_tap(b1[y][x], b1[y + 1][x], b1[y + 2][x],
					       b1[y + 3][x], b1[y + 4][x], b1[y + 5][x]);

			q->g[y][x] = win[y + 2][x + 2];
			q->b[y][x] = vepu_clip_pixel((b1[y + 2][x] + 16) >> 5);
			q->h[y][x] = vepu_clip_pixel((h1 + 16) >> 5);
			q->j[y][x] = vepu_clip_pixel((j1 + 512) >> 10);
		}
	q->ox = ox;
	q->oy = oy;
}

static int vepu_qpel_avg(int a, int b)
{
	return (a + b + 1) >> 1;
}

/*
 * The sample at full position (x, y) of the area plus (fx, fy) quarters;
 * x and y stay within 0..VEPU_QPEL_N - 2 so that the right and lower
 * neighbours (H, M, m, s of Figure 8-4) are in the planes.
 */
static u8 vepu_qpel_sample(const struct vepu_qpel *q, int x, int y, int fx, int fy)
{
	int g = q->g[y][x], b = q->b[y][x], h = q->h[y][x], j = q->j[y][x];
	int m = q->h[y][x + 1], s = q->b[y + 1][x];

	switch (fy * 4 + fx) {
	case 0:
		return g;
	case 1:
		return vepu_qpel_avg(g, b);
	case 2:
		return b;
	case 3:
		return vepu_qpel_avg(q->g[y][x + 1], b);
	case 4:
		return vepu_qpel_avg(g, h);
	case 5:
		return vepu_qpel_avg(b, h);
	case 6:
		return vepu_qpel_avg(b, j);
	case 7:
		return vepu_qpel_avg(b, m);
	case 8:
		return h;
	case 9:
		return vepu_qpel_avg(h, j);
	case 10:
		return j;
	case 11:
		return vepu_qpel_avg(j, m);
	case 12:
		return vepu_qpel_avg(q->g[y + 1][x], h);
	case 13:
		return vepu_qpel_avg(h, s);
	case 14:
		return vepu_qpel_avg(j, s);
	default:
		return vepu_qpel_avg(m, s);
	}
}

/**
 * vepu_h264_qpel_pred() - a 16x16 luma prediction from built planes
 * @q:		planes whose area holds the block and its right/lower neighbours
 * @x4:		left edge of the block, quarter samples, picture coordinates
 * @y4:		top edge
 * @pred:	receives the prediction
 */
void vepu_h264_qpel_pred(const struct vepu_qpel *q, int x4, int y4, u8 pred[256])
{
	int x0 = (x4 >> 2) - q->ox, y0 = (y4 >> 2) - q->oy, x, y;

	for (y = 0; y < 16; y++)
		for (x = 0; x < 16; x++)
			pred[y * 16 + x] = vepu_qpel_sample(q, x0 + x, y0 + y, x4 & 3, y4 & 3);
}

/**
 * vepu_h264_mc_luma() - the luma prediction of a 16x16 partition
 * @c:		picture state
 * @mbx:	column
 * @mby:	row
 * @mv:		motion vector, quarter samples
 * @q:		scratch planes
 * @pred:	receives the prediction
 */
void vepu_h264_mc_luma(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
		       const s16 mv[2], struct vepu_qpel *q, u8 pred[256])
{
	int x4 = (int)mbx * 64 + mv[0], y4 = (int)mby * 64 + mv[1];

	vepu_h264_qpel_build(c, x4 >> 2, y4 >> 2, q);
	vepu_h264_qpel_pred(q, x4, y4, pred);
}
