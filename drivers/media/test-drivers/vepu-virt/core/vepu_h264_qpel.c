// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: luma sample interpolation (8.4.2.2.1). The
 * full-, half- and centre-sample planes of an 18x18 area are built once;
 * every quarter-sample position in it is then one lookup or the rounded
 * mean of two (Table 8-12).
 *
 * The loops run over whole rows of fixed length with the source in a local
 * pointer so that compilers turn them into vector code on the host; the
 * last two columns of the 18 are done apart for the same reason.
 */

#include <linux/bits.h>
#include <linux/string.h>

#include "vepu_h264_internal.h"

enum { QP_G, QP_B, QP_H, QP_J };

/* The 6-tap filter (1, -5, 20, 20, -5, 1) of 8-241..8-244, @s apart. */
static inline int vepu_qpel_tap(const u8 *p, unsigned int s)
{
	return p[0] - 5 * p[s] + 20 * p[2 * s] + 20 * p[3 * s] - 5 * p[4 * s] + p[5 * s];
}

static inline int vepu_qpel_tap16(const s16 *p, unsigned int s)
{
	return p[0] - 5 * p[s] + 20 * p[2 * s] + 20 * p[3 * s] - 5 * p[4 * s] + p[5 * s];
}

/* Rows of the horizontal taps b1 of the area, from window rows @src. */
static void vepu_qpel_rows_b1(const u8 *src, unsigned int stride, struct vepu_qpel *q)
{
	unsigned int x, y;

	for (y = 0; y < VEPU_QPEL_WIN; y++) {
		const u8 *s = src + y * stride;
		s16 *o = q->b1[y];

		for (x = 0; x < 16; x++)
			o[x] = vepu_qpel_tap(s + x, 1);
		o[16] = vepu_qpel_tap(s + 16, 1);
		o[17] = vepu_qpel_tap(s + 17, 1);
	}
}

/* One row of the planes in @mask (bits by plane index). */
static void vepu_qpel_row(const u8 *src, unsigned int stride, struct vepu_qpel *q,
			  unsigned int y, unsigned int mask)
{
	const u8 *s = src + y * stride + 2;
	const s16 *b1 = q->b1[y];
	u8 *g = q->p[QP_G][y], *b = q->p[QP_B][y], *h = q->p[QP_H][y], *j = q->p[QP_J][y];
	unsigned int x;

	if (mask & BIT(QP_G))
		memcpy(g, s + 2 * stride, VEPU_QPEL_N);
	if (mask & BIT(QP_B)) {
		for (x = 0; x < 16; x++)
			b[x] = vepu_clip_pixel((b1[2 * VEPU_QPEL_N + x] + 16) >> 5);
		for (x = 16; x < VEPU_QPEL_N; x++)
			b[x] = vepu_clip_pixel((b1[2 * VEPU_QPEL_N + x] + 16) >> 5);
	}
	if (mask & BIT(QP_H)) {
		for (x = 0; x < 16; x++)
			h[x] = vepu_clip_pixel((vepu_qpel_tap(s + x, stride) + 16) >> 5);
		for (x = 16; x < VEPU_QPEL_N; x++)
			h[x] = vepu_clip_pixel((vepu_qpel_tap(s + x, stride) + 16) >> 5);
	}
	if (mask & BIT(QP_J)) {
		for (x = 0; x < 16; x++)
			j[x] = vepu_clip_pixel((vepu_qpel_tap16(b1 + x, VEPU_QPEL_N) + 512) >> 10);
		for (x = 16; x < VEPU_QPEL_N; x++)
			j[x] = vepu_clip_pixel((vepu_qpel_tap16(b1 + x, VEPU_QPEL_N) + 512) >> 10);
	}
}

/*
 * The planes in @mask of the area at (@ox, @oy): a single prediction
 * needs fewer than the search.
 */
static void vepu_qpel_planes(const struct vepu_h264_ctx *c, int ox, int oy,
			     struct vepu_qpel *q, unsigned int mask)
{
	int w = c->mbw * 16, h = c->mbh * 16, x, y;
	const u8 *ref = c->job->ref.y, *src;
	unsigned int stride;

	if (ox >= 2 && oy >= 2 && ox - 2 + VEPU_QPEL_WIN <= w && oy - 2 + VEPU_QPEL_WIN <= h) {
		src = ref + (oy - 2) * w + ox - 2;
		stride = w;
	} else {
		/* Samples outside the picture repeat its edge (8-239, 8-240). */
		for (y = 0; y < VEPU_QPEL_WIN; y++) {
			const u8 *row = ref + vepu_clip3(0, h - 1, oy + y - 2) * w;

			for (x = 0; x < VEPU_QPEL_WIN; x++)
				q->win[y][x] = row[vepu_clip3(0, w - 1, ox + x - 2)];
		}
		src = &q->win[0][0];
		stride = VEPU_QPEL_WIN;
	}
	if (mask & (BIT(QP_B) | BIT(QP_J)))
		vepu_qpel_rows_b1(src, stride, q);
	for (y = 0; y < VEPU_QPEL_N; y++)
		vepu_qpel_row(src, stride, q, y, mask);
	q->ox = ox;
	q->oy = oy;
	q->built = mask;
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
	vepu_qpel_planes(c, ox, oy, q, BIT(QP_G) | BIT(QP_B) | BIT(QP_H) | BIT(QP_J));
}

/**
 * vepu_h264_qpel_cover() - planes that cover an area, built only if need be
 * @c:		picture state
 * @ox:		left column of the area, full samples
 * @oy:		top row
 * @w:		its width, at most VEPU_QPEL_N
 * @h:		its height, at most VEPU_QPEL_N
 * @q:		planes, rebuilt unless all four already cover the area
 *
 * The partitions of a macroblock mostly search areas the planes of its
 * 16x16 search hold already.
 */
void vepu_h264_qpel_cover(const struct vepu_h264_ctx *c, int ox, int oy, unsigned int w,
			  unsigned int h, struct vepu_qpel *q)
{
	if (q->built == (BIT(QP_G) | BIT(QP_B) | BIT(QP_H) | BIT(QP_J)) &&
	    ox >= q->ox && oy >= q->oy && ox + (int)w <= q->ox + VEPU_QPEL_N &&
	    oy + (int)h <= q->oy + VEPU_QPEL_N)
		return;
	vepu_h264_qpel_build(c, ox, oy, q);
}

/*
 * Table 8-12 per quarter position (yFrac * 4 + xFrac): the one or two
 * samples averaged, as plane and offset (G, b, h, j at x or x + 1, y or
 * y + 1; M, m, s of Figure 8-4 are the neighbours' G, h, b).
 */
static const u8 vepu_qpel_src[16][2][3] = {
	{ { QP_G, 0, 0 }, { QP_G, 0, 0 } },
	{ { QP_G, 0, 0 }, { QP_B, 0, 0 } },
	{ { QP_B, 0, 0 }, { QP_B, 0, 0 } },
	{ { QP_G, 1, 0 }, { QP_B, 0, 0 } },
	{ { QP_G, 0, 0 }, { QP_H, 0, 0 } },
	{ { QP_B, 0, 0 }, { QP_H, 0, 0 } },
	{ { QP_B, 0, 0 }, { QP_J, 0, 0 } },
	{ { QP_B, 0, 0 }, { QP_H, 1, 0 } },
	{ { QP_H, 0, 0 }, { QP_H, 0, 0 } },
	{ { QP_H, 0, 0 }, { QP_J, 0, 0 } },
	{ { QP_J, 0, 0 }, { QP_J, 0, 0 } },
	{ { QP_J, 0, 0 }, { QP_H, 1, 0 } },
	{ { QP_G, 0, 1 }, { QP_H, 0, 0 } },
	{ { QP_H, 0, 0 }, { QP_B, 0, 1 } },
	{ { QP_J, 0, 0 }, { QP_B, 0, 1 } },
	{ { QP_H, 1, 0 }, { QP_B, 0, 1 } },
};

/**
 * vepu_h264_qpel_pred() - a luma prediction from built planes
 * @q:		planes whose area holds the block and its right/lower neighbours
 * @x4:		left edge of the block, quarter samples, picture coordinates
 * @y4:		top edge
 * @w:		width of the block, samples
 * @h:		height
 * @pred:	receives the prediction, stride 16
 */
void vepu_h264_qpel_pred(const struct vepu_qpel *q, int x4, int y4, unsigned int w,
			 unsigned int h, u8 *pred)
{
	int x0 = (x4 >> 2) - q->ox, y0 = (y4 >> 2) - q->oy;
	const u8 (*s)[3] = vepu_qpel_src[(y4 & 3) * 4 + (x4 & 3)];
	const u8 *a = &q->p[s[0][0]][y0 + s[0][2]][x0 + s[0][1]];
	const u8 *b = &q->p[s[1][0]][y0 + s[1][2]][x0 + s[1][1]];
	unsigned int x, y;

	if (a == b) {
		for (y = 0; y < h; y++)
			memcpy(&pred[y * 16], a + y * VEPU_QPEL_N, w);
		return;
	}
	for (y = 0; y < h; y++) {
		const u8 *ra = a + y * VEPU_QPEL_N, *rb = b + y * VEPU_QPEL_N;
		u8 *o = &pred[y * 16];

		for (x = 0; x < w; x++)
			o[x] = (ra[x] + rb[x] + 1) >> 1;
	}
}

/**
 * vepu_h264_qpel_sad() - SAD of a block against a prediction from built planes
 * @q:		planes as for vepu_h264_qpel_pred()
 * @x4:		left edge of the prediction, quarter samples, picture coordinates
 * @y4:		top edge
 * @w:		width of the block, samples
 * @h:		height (a multiple of 4)
 * @src:	the block, stride 16
 * @limit:	a SAD from which on the caller has no use for the figure
 *
 * Return: the SAD, or a partial sum of at least @limit.
 */
unsigned int vepu_h264_qpel_sad(const struct vepu_qpel *q, int x4, int y4, unsigned int w,
				unsigned int h, const u8 *src, unsigned int limit)
{
	int x0 = (x4 >> 2) - q->ox, y0 = (y4 >> 2) - q->oy;
	const u8 (*s)[3] = vepu_qpel_src[(y4 & 3) * 4 + (x4 & 3)];
	const u8 *a = &q->p[s[0][0]][y0 + s[0][2]][x0 + s[0][1]];
	const u8 *b = &q->p[s[1][0]][y0 + s[1][2]][x0 + s[1][1]];
	unsigned int x, y, sad = 0;

	for (y = 0; y < h; y++) {
		const u8 *ra = a + y * VEPU_QPEL_N, *rb = b + y * VEPU_QPEL_N;
		const u8 *rs = src + y * 16;

		/* The mean of a sample with itself is that sample. */
		for (x = 0; x < w; x++) {
			int d = rs[x] - ((ra[x] + rb[x] + 1) >> 1);

			sad += d < 0 ? -d : d;
		}
		if ((y & 3) == 3 && sad >= limit)
			break;
	}
	return sad;
}

/* Luma of the reference at a whole-sample displacement, edges replicated. */
static void vepu_h264_fetch_luma(const struct vepu_h264_ctx *c, int x0, int y0, u8 pred[256])
{
	int w = c->mbw * 16, h = c->mbh * 16, x, y;
	const u8 *ref = c->job->ref.y;

	if (x0 >= 0 && y0 >= 0 && x0 + 16 <= w && y0 + 16 <= h) {
		for (y = 0; y < 16; y++)
			memcpy(&pred[y * 16], ref + (y0 + y) * w + x0, 16);
		return;
	}
	for (y = 0; y < 16; y++) {
		const u8 *row = ref + vepu_clip3(0, h - 1, y0 + y) * w;

		for (x = 0; x < 16; x++)
			pred[y * 16 + x] = row[vepu_clip3(0, w - 1, x0 + x)];
	}
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
	const u8 (*s)[3];

	if (!((x4 | y4) & 3)) {
		vepu_h264_fetch_luma(c, x4 >> 2, y4 >> 2, pred);
		return;
	}
	s = vepu_qpel_src[(y4 & 3) * 4 + (x4 & 3)];
	vepu_qpel_planes(c, x4 >> 2, y4 >> 2, q, BIT(s[0][0]) | BIT(s[1][0]));
	vepu_h264_qpel_pred(q, x4, y4, 16, 16, pred);
}
