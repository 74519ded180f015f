// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: VP8 inter prediction from the last frame. The motion
 * vector predictors exactly as a decoder derives them (RFC 6386 section
 * 16.3), the six-tap or bilinear subsample filters (section 18) over a reference
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
 * The (n + 5) rows of n + 5 samples an n x n block at (x, y) filters
 * from, two above and left, three below and right: straight from the
 * plane inside it, else repeating its edges.
 */
static void vepu_vp8_fetch(const struct vepu_vp8_plane *p, int x, int y, unsigned int n,
			   u8 *win)
{
	int w = n + 5, r, c;

	if (p->step == 1 && x >= 2 && y >= 2 && x + w - 2 <= p->w && y + w - 2 <= p->h) {
		for (r = 0; r < w; r++)
			memcpy(win + r * w, p->px + (y - 2 + r) * p->stride + x - 2, w);
		return;
	}
	for (r = 0; r < w; r++)
		for (c = 0; c < w; c++)
			win[r * w + c] = vepu_vp8_at(p, x - 2 + c, y - 2 + r);
}

/*
 * An n x n block at full-sample (x, y) plus eighths (fx, fy): rows
 * filtered first, the rows they need above and below included, then
 * columns, each pass rounded and clamped as the decoders do. A pass at
 * a whole position is a copy.
 */
static void vepu_vp8_sixtap_block(const struct vepu_vp8_plane *p, int x, int y, int fx, int fy,
				  unsigned int n, u8 *out)
{
	u8 win[21 * 21], tmp[21 * 16];
	int w = n + 5, r, c, t;

	vepu_vp8_fetch(p, x, y, n, win);
	for (r = 0; r < w; r++) {
		const u8 *src = win + r * w;

		for (c = 0; c < (int)n; c++) {
			int sum = 0;

			if (!fx) {
				tmp[r * n + c] = src[c + 2];
				continue;
			}
			for (t = 0; t < 6; t++)
				sum += vepu_vp8_sixtap[fx][t] * src[c + t];
			tmp[r * n + c] = clamp((sum + 64) >> 7, 0, 255);
		}
	}
	for (r = 0; r < (int)n; r++) {
		for (c = 0; c < (int)n; c++) {
			int sum = 0;

			if (!fy) {
				out[r * n + c] = tmp[(r + 2) * n + c];
				continue;
			}
			for (t = 0; t < 6; t++)
				sum += vepu_vp8_sixtap[fy][t] * tmp[(r + t) * n + c];
			out[r * n + c] = clamp((sum + 64) >> 7, 0, 255);
		}
	}
}

/*
 * The same by the bilinear filters of profiles 1 to 3 (RFC 6386 section
 * 18.3, bilinear_filters: 128 - 16 f and 16 f, here in eighths): rows,
 * the one below included, then columns, each pass rounded.
 */
static void vepu_vp8_bilinear_block(const struct vepu_vp8_plane *p, int x, int y, int fx,
				    int fy, unsigned int n, u8 *out)
{
	u8 win[21 * 21], tmp[17 * 16];
	int w = n + 5, r, c;

	vepu_vp8_fetch(p, x, y, n, win);
	for (r = 0; r <= (int)n; r++) {
		const u8 *src = win + (r + 2) * w + 2;

		for (c = 0; c < (int)n; c++)
			tmp[r * n + c] = ((8 - fx) * src[c] + fx * src[c + 1] + 4) >> 3;
	}
	for (r = 0; r < (int)n; r++)
		for (c = 0; c < (int)n; c++)
			out[r * n + c] = ((8 - fy) * tmp[r * n + c] +
					  fy * tmp[(r + 1) * n + c] + 4) >> 3;
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
 * @bilinear:	the bilinear filters (profiles 1 and 2), else the six-tap
 * @pred:	out: luma 16x16, Cb 8x8, Cr 8x8
 */
void vepu_vp8_predict_inter(const struct vepu_vp8_pic *ref, unsigned int mbw, unsigned int mbh,
			    unsigned int mbx, unsigned int mby, const s16 *mv, bool bilinear,
			    u8 pred[384])
{
	void (*block)(const struct vepu_vp8_plane *p, int x, int y, int fx, int fy,
		      unsigned int n, u8 *out) =
		bilinear ? vepu_vp8_bilinear_block : vepu_vp8_sixtap_block;
	int stride = mbw * 16;
	struct vepu_vp8_plane y = { ref->y, stride, 1, mbw * 16, mbh * 16 };
	struct vepu_vp8_plane u = { ref->c, stride, 2, mbw * 8, mbh * 8 };
	struct vepu_vp8_plane v = { ref->c + 1, stride, 2, mbw * 8, mbh * 8 };

	block(&y, mbx * 16 + (mv[1] >> 2), mby * 16 + (mv[0] >> 2), (mv[1] & 3) * 2,
	      (mv[0] & 3) * 2, 16, pred);
	block(&u, mbx * 8 + (mv[1] >> 3), mby * 8 + (mv[0] >> 3), mv[1] & 7, mv[0] & 7, 8,
	      pred + 256);
	block(&v, mbx * 8 + (mv[1] >> 3), mby * 8 + (mv[0] >> 3), mv[1] & 7, mv[0] & 7, 8,
	      pred + 320);
}

/*
 * Luma SAD of the 16x16 block at a quarter-sample vector. Fractional
 * positions are estimated bilinearly, at a fraction of the six-tap
 * filter's cost; the prediction coded is the profile's filter's.
 */
static unsigned int vepu_vp8_mv_sad(const struct vepu_vp8_plane *p, const u8 *src,
				    unsigned int mbx, unsigned int mby, int row, int col)
{
	int x = mbx * 16 + (col >> 2), y = mby * 16 + (row >> 2), i, j;
	int fx = col & 3, fy = row & 3;
	unsigned int sad = 0;
	u8 win[21 * 21];
	const u8 *r;

	if (!fx && !fy && x >= 0 && y >= 0 && x + 16 <= p->w && y + 16 <= p->h) {
		r = p->px + y * p->stride + x;
		for (j = 0; j < 16; j++, r += p->stride)
			for (i = 0; i < 16; i++)
				sad += abs(src[j * 16 + i] - r[i]);
		return sad;
	}
	vepu_vp8_fetch(p, x, y, 16, win);
	for (j = 0; j < 16; j++) {
		for (i = 0; i < 16; i++) {
			const u8 *q = win + (j + 2) * 21 + i + 2;
			int v = ((4 - fx) * (4 - fy) * q[0] + fx * (4 - fy) * q[1] +
				 (4 - fx) * fy * q[21] + fx * fy * q[22] + 8) >> 4;

			sad += abs(src[j * 16 + i] - v);
		}
	}
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
 * struct vepu_vp8_search - the best vector of a search so far
 * @p:		the reference luma
 * @src:	the macroblock's luma
 * @near:	the predictors, for the vectors' costs
 * @mbx:	macroblock column
 * @mby:	macroblock row
 * @lambda:	weight of the vector cost
 * @mv:		the best vector
 * @cost:	its SAD plus cost
 * @sad:	its SAD
 */
struct vepu_vp8_search {
	const struct vepu_vp8_plane *p;
	const u8 *src;
	const struct vepu_vp8_near *near;
	unsigned int mbx;
	unsigned int mby;
	unsigned int lambda;
	s16 mv[2];
	unsigned int cost;
	unsigned int sad;
};

/*
 * Try a vector: kept when it is cheaper and codable (a new vector within
 * 1023 quarter samples of the best predictor). Returns whether kept.
 */
static bool vepu_vp8_try(struct vepu_vp8_search *s, int row, int col)
{
	unsigned int sad, cost;

	if (abs(row - s->near->best[0]) > 1023 || abs(col - s->near->best[1]) > 1023)
		return false;
	sad = vepu_vp8_mv_sad(s->p, s->src, s->mbx, s->mby, row, col);
	cost = sad + vepu_vp8_mv_cost(row, col, s->near, s->lambda);
	if (cost >= s->cost)
		return false;
	s->cost = cost;
	s->sad = sad;
	s->mv[0] = row;
	s->mv[1] = col;
	return true;
}

/**
 * vepu_vp8_motion_search() - a vector of little SAD plus cost
 * @ref:	the reference picture
 * @mbw:	its width in macroblocks
 * @mbh:	its height
 * @mbx:	macroblock column
 * @mby:	macroblock row
 * @src:	the macroblock's luma
 * @near:	the predictors
 * @range:	full samples the search may go from zero each way
 * @lambda:	weight of the vector cost
 * @mv:		out: the vector, within 1023 quarter samples of the best
 *		predictor
 *
 * Starts from the cheapest of zero and the predictors, follows a
 * shrinking diamond of whole-sample steps, then refines to halves and
 * quarters, as hardware searches do rather than exhaustively.
 *
 * Return: the SAD at @mv.
 */
unsigned int vepu_vp8_motion_search(const struct vepu_vp8_pic *ref, unsigned int mbw,
				    unsigned int mbh, unsigned int mbx, unsigned int mby,
				    const u8 *src, const struct vepu_vp8_near *near, int range,
				    unsigned int lambda, s16 *mv)
{
	static const s8 dir[8][2] = {
		{ -1, 0 }, { 1, 0 }, { 0, -1 }, { 0, 1 },
		{ -1, -1 }, { -1, 1 }, { 1, -1 }, { 1, 1 },
	};
	struct vepu_vp8_plane y = { ref->y, (int)mbw * 16, 1, mbw * 16, mbh * 16 };
	struct vepu_vp8_search s = {
		.p = &y, .src = src, .near = near, .mbx = mbx, .mby = mby, .lambda = lambda,
		.cost = UINT_MAX,
	};
	int step, i, r, c, lim = range * 4;
	bool moved;

	vepu_vp8_try(&s, 0, 0);
	vepu_vp8_try(&s, near->nearest[0], near->nearest[1]);
	vepu_vp8_try(&s, near->near[0], near->near[1]);
	/* Whole samples from the start, rounded down to one. */
	r = s.mv[0] & ~3;
	c = s.mv[1] & ~3;
	vepu_vp8_try(&s, r, c);
	for (step = 32; step >= 4; step /= 2) {
		do {
			moved = false;
			r = s.mv[0] & ~3;
			c = s.mv[1] & ~3;
			for (i = 0; i < 4; i++) {
				int nr = r + dir[i][0] * step, nc = c + dir[i][1] * step;

				if (abs(nr) <= lim && abs(nc) <= lim)
					moved |= vepu_vp8_try(&s, nr, nc);
			}
		} while (moved);
	}
	for (step = 2; step >= 1; step--) {
		r = s.mv[0];
		c = s.mv[1];
		for (i = 0; i < 8; i++)
			vepu_vp8_try(&s, r + dir[i][0] * step, c + dir[i][1] * step);
	}
	mv[0] = s.mv[0];
	mv[1] = s.mv[1];
	return s.sad;
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
 * No reference has its sign bias set (the vectors of golden and altref
 * neighbours count as they are) and no macroblock is split, so the split
 * count is 0.
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
		hantro_vp8_put_tree(e, vepu_vp8_small_mv_tree, ARRAY_SIZE(vepu_vp8_small_mv_tree),
				    p + VP8_MVP_SHORT, x, 0);
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
