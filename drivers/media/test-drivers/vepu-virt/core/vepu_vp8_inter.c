// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: VP8 inter prediction from the last frame. The motion
 * vector predictors exactly as a decoder derives them (RFC 6386 section
 * 16.3), the six-tap subsample filters (section 18) over a reference
 * extended without limit by repeating its edges, a full-sample search
 * refined to quarter samples, and the motion vector syntax (section 17).
 * Vectors are in quarter luma samples, row then column. Plain C.
 */

#include <linux/kernel.h>
#include <linux/string.h>

#include "vepu_vp8_internal.h"

/* RFC 6386 section 18.3, subpixel_filters: by eighth-sample position. */
static const s16 vepu_vp8_sixtap[8][6] = {
	{ 0, 0, 128, 0, 0, 0 },
	{ 0, -6, 123, 12, -1, 0 },
	{ 2, -11, 108, 36, -8, 1 },
	{ 0, -9, 93, 50, -6, 0 },
	{ 3, -16, 77, 77, -16, 3 },
	{ 0, -6, 50, 93, -9, 0 },
	{ 1, -8, 36, 108, -11, 2 },
	{ 0, -1, 12, 123, -6, 0 },
};

/* RFC 6386 section 17.2: the short magnitudes' tree. */
static const s8 vepu_vp8_small_mv_tree[14] = {
	2, 8, 4, 6, -0, -1, -2, -3, 10, 12, -4, -5, -6, -7,
};

/* Positions of the vector probabilities, RFC 6386 section 17.2. */
#define VP8_MVP_IS_SHORT	0
#define VP8_MVP_SIGN		1
#define VP8_MVP_SHORT		2
#define VP8_MVP_BITS		9
#define VP8_MV_LONG_BITS	10

/**
 * struct vepu_vp8_plane - a reference plane extended by repeating its edges
 * @px:		its samples
 * @stride:	row length in bytes
 * @step:	bytes between samples (2 for interleaved chroma)
 * @w:		width in samples
 * @h:		height in samples
 */
struct vepu_vp8_plane {
	const u8 *px;
	int stride;
	int step;
	int w;
	int h;
};

static int vepu_vp8_at(const struct vepu_vp8_plane *p, int x, int y)
{
	return p->px[clamp(y, 0, p->h - 1) * p->stride + clamp(x, 0, p->w - 1) * p->step];
}

/*
 * An n x n block at full-sample (x, y) plus eighths (fx, fy): rows
 * filtered first, the rows they need above and below included, then
 * columns, each pass rounded and clamped as the decoders do.
 */
static void vepu_vp8_sixtap_block(const struct vepu_vp8_plane *p, int x, int y, int fx, int fy,
				  unsigned int n, u8 *out)
{
	u8 tmp[21 * 16];
	int r, c, t;

	for (r = -2; r < (int)n + 3; r++) {
		for (c = 0; c < (int)n; c++) {
			int sum = 0;

			for (t = 0; t < 6; t++)
				sum += vepu_vp8_sixtap[fx][t] *
				       vepu_vp8_at(p, x + c + t - 2, y + r);
			tmp[(r + 2) * n + c] = clamp((sum + 64) >> 7, 0, 255);
		}
	}
	for (r = 0; r < (int)n; r++) {
		for (c = 0; c < (int)n; c++) {
			int sum = 0;

			for (t = 0; t < 6; t++)
				sum += vepu_vp8_sixtap[fy][t] * tmp[(r + t) * n + c];
			out[r * n + c] = clamp((sum + 64) >> 7, 0, 255);
		}
	}
}

/**
 * vepu_vp8_predict_inter() - a macroblock's prediction from a reference
 * @ref:	the reference picture
 * @mbw:	its width in macroblocks
 * @mbh:	its height
 * @mbx:	macroblock column
 * @mby:	macroblock row
 * @mv:		the vector, quarter luma samples: chroma uses the same value
 *		in eighths of its own samples
 * @pred:	out: luma 16x16, Cb 8x8, Cr 8x8
 */
void vepu_vp8_predict_inter(const struct vepu_vp8_pic *ref, unsigned int mbw, unsigned int mbh,
			    unsigned int mbx, unsigned int mby, const s16 *mv, u8 pred[384])
{
	int stride = mbw * 16;
	struct vepu_vp8_plane y = { ref->y, stride, 1, mbw * 16, mbh * 16 };
	struct vepu_vp8_plane u = { ref->c, stride, 2, mbw * 8, mbh * 8 };
	struct vepu_vp8_plane v = { ref->c + 1, stride, 2, mbw * 8, mbh * 8 };

	vepu_vp8_sixtap_block(&y, mbx * 16 + (mv[1] >> 2), mby * 16 + (mv[0] >> 2),
			      (mv[1] & 3) * 2, (mv[0] & 3) * 2, 16, pred);
	vepu_vp8_sixtap_block(&u, mbx * 8 + (mv[1] >> 3), mby * 8 + (mv[0] >> 3),
			      mv[1] & 7, mv[0] & 7, 8, pred + 256);
	vepu_vp8_sixtap_block(&v, mbx * 8 + (mv[1] >> 3), mby * 8 + (mv[0] >> 3),
			      mv[1] & 7, mv[0] & 7, 8, pred + 320);
}

/* Luma SAD of the 16x16 block at a quarter-sample vector. */
static unsigned int vepu_vp8_mv_sad(const struct vepu_vp8_plane *p, const u8 *src,
				    unsigned int mbx, unsigned int mby, int row, int col)
{
	u8 pred[256];
	unsigned int i, sad = 0;

	vepu_vp8_sixtap_block(p, mbx * 16 + (col >> 2), mby * 16 + (row >> 2), (col & 3) * 2,
			      (row & 3) * 2, 16, pred);
	for (i = 0; i < 256; i++)
		sad += abs(src[i] - pred[i]);
	return sad;
}

static unsigned int vepu_vp8_bits(unsigned int v)
{
	unsigned int n = 0;

	for (; v; v >>= 1)
		n++;
	return n;
}

/*
 * About the bits a vector costs, times @lambda: zero, the nearest and the
 * near vector take a mode alone, in rising order; a new one its
 * difference to the best predictor too.
 */
static unsigned int vepu_vp8_mv_cost(int row, int col, const struct vepu_vp8_near *near,
				     unsigned int lambda)
{
	if (!row && !col)
		return lambda;
	if (row == near->nearest[0] && col == near->nearest[1])
		return 2 * lambda;
	if (row == near->near[0] && col == near->near[1])
		return 3 * lambda;
	return lambda * (6 + 2 * vepu_vp8_bits(abs(row - near->best[0])) +
			 2 * vepu_vp8_bits(abs(col - near->best[1])));
}

/**
 * vepu_vp8_motion_search() - the vector of least SAD plus cost near the
 * predictor and zero
 * @ref:	the reference picture
 * @mbw:	its width in macroblocks
 * @mbh:	its height
 * @mbx:	macroblock column
 * @mby:	macroblock row
 * @src:	the macroblock's luma
 * @near:	the predictors
 * @range:	full samples searched each way
 * @lambda:	weight of the vector cost
 * @mv:		out: the vector, within 1023 quarter samples of the best
 *		predictor
 *
 * Return: the SAD at @mv.
 */
unsigned int vepu_vp8_motion_search(const struct vepu_vp8_pic *ref, unsigned int mbw,
				    unsigned int mbh, unsigned int mbx, unsigned int mby,
				    const u8 *src, const struct vepu_vp8_near *near, int range,
				    unsigned int lambda, s16 *mv)
{
	const s16 *best = near->best;
	struct vepu_vp8_plane y = { ref->y, (int)mbw * 16, 1, mbw * 16, mbh * 16 };
	int r, c, step, br = 0, bc = 0, cr, cc;
	unsigned int cost, bcost, sad, bsad;

	/* Zero, the predictors, then full samples around zero. */
	bsad = vepu_vp8_mv_sad(&y, src, mbx, mby, 0, 0);
	bcost = bsad + vepu_vp8_mv_cost(0, 0, near, lambda);
	for (r = 0; r < 2; r++) {
		const s16 *p = r ? near->near : near->nearest;

		sad = vepu_vp8_mv_sad(&y, src, mbx, mby, p[0], p[1]);
		cost = sad + vepu_vp8_mv_cost(p[0], p[1], near, lambda);
		if (cost < bcost) {
			bcost = cost;
			bsad = sad;
			br = p[0];
			bc = p[1];
		}
	}
	for (r = -range; r <= range; r++) {
		for (c = -range; c <= range; c++) {
			if (abs(r * 4 - best[0]) > 1000 || abs(c * 4 - best[1]) > 1000)
				continue;
			sad = vepu_vp8_mv_sad(&y, src, mbx, mby, r * 4, c * 4);
			cost = sad + vepu_vp8_mv_cost(r * 4, c * 4, near, lambda);
			if (cost < bcost) {
				bcost = cost;
				bsad = sad;
				br = r * 4;
				bc = c * 4;
			}
		}
	}
	/* Halves, then quarters, around the best. */
	for (step = 2; step >= 1; step--) {
		cr = br;
		cc = bc;
		for (r = -step; r <= step; r += step) {
			for (c = -step; c <= step; c += step) {
				if (!r && !c)
					continue;
				sad = vepu_vp8_mv_sad(&y, src, mbx, mby, cr + r, cc + c);
				cost = sad + vepu_vp8_mv_cost(cr + r, cc + c, near, lambda);
				if (cost < bcost && abs(cr + r - best[0]) <= 1023 &&
				    abs(cc + c - best[1]) <= 1023) {
					bcost = cost;
					bsad = sad;
					br = cr + r;
					bc = cc + c;
				}
			}
		}
	}
	mv[0] = br;
	mv[1] = bc;
	return bsad;
}

static void vepu_vp8_clamp_mv(s16 *mv, unsigned int mbw, unsigned int mbh, unsigned int mbx,
			      unsigned int mby)
{
	/* A predicted block may reach at most 16 samples past the picture. */
	mv[0] = clamp_t(int, mv[0], -(int)(mby + 1) * 64, (int)(mbh - mby) * 64);
	mv[1] = clamp_t(int, mv[1], -(int)(mbx + 1) * 64, (int)(mbw - mbx) * 64);
}

/**
 * vepu_vp8_find_near_mvs() - the nearest, near and best vectors and the
 * counts choosing the mode probabilities, as a decoder derives them from
 * the macroblocks above, to the left and above-left (RFC 6386 section
 * 16.3; libvpx's vp8_find_near_mvs(), FFmpeg's vp8_decode_mvs())
 * @info:	the frame's macroblocks so far
 * @mbw:	macroblocks per row
 * @mbh:	macroblock rows
 * @mbx:	this macroblock's column
 * @mby:	its row
 * @near:	out: the result
 *
 * Only the last frame is referenced and no macroblock is split, so no
 * sign bias applies and the split count is 0.
 */
void vepu_vp8_find_near_mvs(const struct vepu_vp8_mb_info *info, unsigned int mbw,
			    unsigned int mbh, unsigned int mbx, unsigned int mby,
			    struct vepu_vp8_near *near)
{
	const struct vepu_vp8_mb_info *nb[3] = {
		mby ? &info[(mby - 1) * mbw + mbx] : NULL,
		mbx ? &info[mby * mbw + mbx - 1] : NULL,
		mby && mbx ? &info[(mby - 1) * mbw + mbx - 1] : NULL,
	};
	static const u8 weight[3] = { 2, 2, 1 };
	s16 mvs[4][2] = { { 0 } };
	unsigned int cnt[4] = { 0 }, i, at = 0;

	for (i = 0; i < 3; i++) {
		const struct vepu_vp8_mb_info *n = nb[i];

		if (!n || n->ref == HANTRO_VP8_REF_INTRA)
			continue;
		if (!n->mv[0] && !n->mv[1]) {
			cnt[0] += weight[i];
			continue;
		}
		/* A vector equal to the last one found adds to its count. */
		if (!at || n->mv[0] != mvs[at][0] || n->mv[1] != mvs[at][1]) {
			at++;
			mvs[at][0] = n->mv[0];
			mvs[at][1] = n->mv[1];
		}
		cnt[at] += weight[i];
	}
	/* Three distinct vectors, the third equal to the first: it counts. */
	if (cnt[3] && mvs[3][0] == mvs[1][0] && mvs[3][1] == mvs[1][1])
		cnt[1]++;
	cnt[3] = 0;
	if (cnt[2] > cnt[1]) {
		swap(cnt[1], cnt[2]);
		swap(mvs[1][0], mvs[2][0]);
		swap(mvs[1][1], mvs[2][1]);
	}
	if (cnt[1] >= cnt[0]) {
		mvs[0][0] = mvs[1][0];
		mvs[0][1] = mvs[1][1];
	}
	for (i = 0; i < 4; i++)
		near->cnt[i] = cnt[i];
	memcpy(near->best, mvs[0], sizeof(near->best));
	memcpy(near->nearest, mvs[1], sizeof(near->nearest));
	memcpy(near->near, mvs[2], sizeof(near->near));
	vepu_vp8_clamp_mv(near->best, mbw, mbh, mbx, mby);
	vepu_vp8_clamp_mv(near->nearest, mbw, mbh, mbx, mby);
	vepu_vp8_clamp_mv(near->near, mbw, mbh, mbx, mby);
}

/* One vector component, RFC 6386 section 17.2. */
static void vepu_vp8_put_mv_component(struct hantro_vp8_boolenc *e, const u8 *p, int v)
{
	unsigned int x = abs(v), i;

	if (x < 8) {
		hantro_vp8_put_bool(e, p[VP8_MVP_IS_SHORT], 0);
		hantro_vp8_put_tree(e, vepu_vp8_small_mv_tree, p + VP8_MVP_SHORT, x, 0);
		if (!x)
			return;
	} else {
		hantro_vp8_put_bool(e, p[VP8_MVP_IS_SHORT], 1);
		for (i = 0; i < 3; i++)
			hantro_vp8_put_bool(e, p[VP8_MVP_BITS + i], (x >> i) & 1);
		for (i = VP8_MV_LONG_BITS - 1; i > 3; i--)
			hantro_vp8_put_bool(e, p[VP8_MVP_BITS + i], (x >> i) & 1);
		/* Bit 3 is implied when no higher bit is set. */
		if (x & 0xfff0)
			hantro_vp8_put_bool(e, p[VP8_MVP_BITS + 3], (x >> 3) & 1);
	}
	hantro_vp8_put_bool(e, p[VP8_MVP_SIGN], v < 0);
}

/**
 * vepu_vp8_put_mv() - code a vector difference, row then column
 * @e:		the first partition
 * @probs:	the vector probabilities
 * @dmv:	the difference, quarter samples, each within 1023
 */
void vepu_vp8_put_mv(struct hantro_vp8_boolenc *e, const struct hantro_vp8_probs *probs,
		     const s16 *dmv)
{
	vepu_vp8_put_mv_component(e, probs->mv[0], dmv[0]);
	vepu_vp8_put_mv_component(e, probs->mv[1], dmv[1]);
}
