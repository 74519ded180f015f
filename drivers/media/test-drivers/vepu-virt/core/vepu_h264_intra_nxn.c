// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: Intra_NxN macroblocks, Intra_4x4 (8.3.1) and,
 * with 8x8 transforms, Intra_8x8 (8.3.2). Each block is predicted from the
 * reconstruction of the blocks before it, so the luma of such a macroblock
 * is decided, coded and reconstructed block by block. The two sizes share
 * the directional modes; 8x8 blocks predict from filtered samples.
 */

#include <linux/bits.h>
#include <linux/string.h>

#include "vepu_h264_internal.h"

/*
 * The neighbours of an n x n block in a line: p[-1,n-1] twice, p[-1,n-2]
 * up to p[-1,0], p[-1,-1], p[0,-1] up to p[2n-1,-1] and that one again.
 */
#define VEPU_I4_LINE	(3 * 8 + 3)

enum {
	I4_V, I4_H, I4_DC, I4_DDL, I4_DDR, I4_VR, I4_HD, I4_VL, I4_HU, I4_MODES
};

/**
 * struct vepu_i4_nbr - neighbouring samples of a 4x4 or 8x8 block
 * @top:	top[0] is p[-1,-1], top[1 + x] is p[x,-1] for x = 0..2 * @size - 1
 * @left:	p[-1,y] for y = 0..@size - 1
 * @size:	4 or 8
 * @has_top:	p[0..size - 1,-1] are available (the top-right ones
 *		substituted if needed)
 * @has_left:	p[-1,0..size - 1] are available
 * @has_corner:	p[-1,-1] is available
 * @z:		the neighbours in one line, see vepu_i4_edges()
 * @f2:		(a + b + 1) >> 1 of each two neighbours in @z
 * @f3:		(a + 2b + c + 2) >> 2 of each three neighbours in @z (by the
 *		middle one)
 */
struct vepu_i4_nbr {
	u8 top[17];
	u8 left[8];
	unsigned int size;
	bool has_top;
	bool has_left;
	bool has_corner;
	u8 z[VEPU_I4_LINE];
	u8 f2[VEPU_I4_LINE];
	u8 f3[VEPU_I4_LINE];
};

/* Decoding order of the 4x4 block at (bx, by) in 4x4 units (Figure 6-10). */
static unsigned int vepu_i4_order(unsigned int bx, unsigned int by)
{
	return (by >> 1) * 8 + (bx >> 1) * 4 + (by & 1) * 2 + (bx & 1);
}

/*
 * [1 2 1] over a line of @n reference samples from @in to @out; the first
 * sample's outer neighbour is @corner (or itself when there is none), the
 * last sample's is itself.
 */
static void vepu_i8_filter_line(const u8 *in, u8 *out, unsigned int n, const u8 *corner)
{
	unsigned int i;

	out[0] = ((corner ? *corner : in[0]) + 2 * in[0] + in[1] + 2) >> 2;
	for (i = 1; i + 1 < n; i++)
		out[i] = (in[i - 1] + 2 * in[i] + in[i + 1] + 2) >> 2;
	out[n - 1] = (in[n - 2] + 3 * in[n - 1] + 2) >> 2;
}

/* The reference sample filter of Intra_8x8 (8.3.2.2.1), in place. */
static void vepu_i8_filter(struct vepu_i4_nbr *n)
{
	const u8 *corner;
	u8 t[17], l[8];

	memcpy(t, n->top, sizeof(t));
	memcpy(l, n->left, sizeof(l));
	corner = n->has_corner ? &t[0] : NULL;
	if (n->has_top)
		vepu_i8_filter_line(t + 1, n->top + 1, 16, corner);
	if (n->has_corner) {
		if (n->has_top && n->has_left)
			n->top[0] = (t[1] + 2 * t[0] + l[0] + 2) >> 2;
		else if (n->has_top)
			n->top[0] = (3 * t[0] + t[1] + 2) >> 2;
		else if (n->has_left)
			n->top[0] = (3 * t[0] + l[0] + 2) >> 2;
	}
	if (n->has_left)
		vepu_i8_filter_line(l, n->left, 8, corner);
}

/*
 * Every sample of the directional modes (8.3.1.2.1 - 8.3.1.2.9 and, on
 * filtered samples, 8.3.2.2.2 - 8.3.2.2.10) is a neighbour or one of the
 * two filters of 8.3.1.2 over neighbours that are adjacent in @n->z; the
 * doubled ends give the special cases of the diagonal modes. The filters
 * are computed once per block. Neighbours not available are left as they
 * are: no mode that is allowed reads them.
 */
static void vepu_i4_edges(struct vepu_i4_nbr *n)
{
	unsigned int size = n->size, i, len = 3 * size + 3;
	u8 *z = n->z;

	memset(z, 128, sizeof(n->z));
	if (n->has_left) {
		z[0] = n->left[size - 1];
		for (i = 0; i < size; i++)
			z[size - i] = n->left[i];
	}
	if (n->has_corner)
		z[size + 1] = n->top[0];
	if (n->has_top) {
		memcpy(&z[size + 2], &n->top[1], 2 * size);
		z[3 * size + 2] = n->top[2 * size];
	}
	for (i = 0; i + 1 < len; i++)
		n->f2[i] = (z[i] + z[i + 1] + 1) >> 1;
	for (i = 1; i + 1 < len; i++)
		n->f3[i] = (z[i - 1] + 2 * z[i] + z[i + 1] + 2) >> 2;
}

/*
 * The neighbours of the @size x @size block whose top-left 4x4 block is at
 * (bx, by) in 4x4 units.
 */
static void vepu_i4_neighbours(const struct vepu_h264_ctx *c, unsigned int mbx,
			       unsigned int mby, unsigned int bx, unsigned int by,
			       unsigned int size, struct vepu_i4_nbr *n)
{
	unsigned int stride = c->mbw * 16, x = mbx * 16 + bx * 4, y = mby * 16 + by * 4, i;
	unsigned int w4 = size / 4;
	const u8 *rec = c->job->rec.y;
	bool top_right;

	n->size = size;
	n->has_left = x > 0;
	n->has_top = y > 0;
	n->has_corner = n->has_left && n->has_top;
	/* Top-right: decoded already, in the picture, not in the MB to the right. */
	if (by == 0)
		top_right = mby > 0 && (bx + w4 < 4 || mbx + 1 < c->mbw);
	else
		top_right = bx + w4 < 4 &&
			    vepu_i4_order(bx + w4, by - 1) < vepu_i4_order(bx, by);
	for (i = 0; i < size && n->has_left; i++)
		n->left[i] = rec[(y + i) * stride + x - 1];
	if (n->has_corner)
		n->top[0] = rec[(y - 1) * stride + x - 1];
	for (i = 0; i < 2 * size && n->has_top; i++)
		n->top[1 + i] = rec[(y - 1) * stride + x + (i < size || top_right ? i : size - 1)];
	if (size == 8)
		vepu_i8_filter(n);
	vepu_i4_edges(n);
}

/* The prediction of @mode, @n->size squared samples; false if unavailable. */
static bool vepu_i4_pred(const struct vepu_i4_nbr *n, unsigned int mode, u8 *pred)
{
	unsigned int st = 0, sl = 0, size = n->size;
	/* Positions in the line: p[-1,-1] is at size + 1, p[x,-1] after it. */
	const u8 *z = n->z, *f2 = n->f2, *f3 = n->f3;
	int x, y, k, d, sz = size, last = size - 1;

	switch (mode) {
	case I4_V:
	case I4_DDL:
	case I4_VL:
		if (!n->has_top)
			return false;
		break;
	case I4_H:
	case I4_HU:
		if (!n->has_left)
			return false;
		break;
	case I4_DDR:
	case I4_VR:
	case I4_HD:
		if (!n->has_top || !n->has_left || !n->has_corner)
			return false;
		break;
	}
	/* One loop per mode: the mode does not change within the block. */
	switch (mode) {
	case I4_V:
		for (y = 0; y < sz; y++)
			memcpy(&pred[y * sz], &z[sz + 2], sz);
		return true;
	case I4_H:
		for (y = 0; y < sz; y++)
			memset(&pred[y * sz], z[sz - y], sz);
		return true;
	case I4_DDL:
		for (y = 0; y < sz; y++)
			memcpy(&pred[y * sz], &f3[sz + 3 + y], sz);
		return true;
	case I4_DDR:
		for (y = 0; y < sz; y++)
			memcpy(&pred[y * sz], &f3[sz + 1 - y], sz);
		return true;
	case I4_VR:
		for (y = 0; y < sz; y++)
			for (x = 0; x < sz; x++) {
				d = 2 * x - y;
				k = x - (y >> 1);
				pred[y * sz + x] = d >= 0 && !(d & 1) ? f2[sz + 1 + k] :
						   d > 0 ? f3[sz + 1 + k] :
						   d == -1 ? f3[sz + 1] : f3[sz + 2 + d];
			}
		return true;
	case I4_HD:
		for (y = 0; y < sz; y++)
			for (x = 0; x < sz; x++) {
				d = 2 * y - x;
				k = y - (x >> 1);
				pred[y * sz + x] = d >= 0 && !(d & 1) ? f2[sz - k] :
						   d > 0 ? f3[sz + 1 - k] :
						   d == -1 ? f3[sz + 1] : f3[sz - d];
			}
		return true;
	case I4_VL:
		for (y = 0; y < sz; y++)
			memcpy(&pred[y * sz],
			       y & 1 ? &f3[sz + 3 + (y >> 1)] : &f2[sz + 2 + (y >> 1)], sz);
		return true;
	case I4_HU:
		for (y = 0; y < sz; y++)
			for (x = 0; x < sz; x++) {
				d = x + 2 * y;
				k = y + (x >> 1);
				pred[y * sz + x] = d > 2 * last - 1 ? z[1] :
						   d == 2 * last - 1 ? f3[1] :
						   !(d & 1) ? f2[sz - k - 1] : f3[sz - k - 1];
			}
		return true;
	}
	for (x = 0; x < sz; x++) {
		st += n->has_top ? n->top[1 + x] : 0;
		sl += n->has_left ? n->left[x] : 0;
	}
	memset(pred, vepu_h264_dc(st, n->has_top, sl, n->has_left, size == 8 ? 3 : 2),
	       size * size);
	return true;
}

/*
 * Intra4x4PredMode of the block at (bx, by) of macroblock (mbx, mby), as a
 * neighbour sees it: 2 (DC) for a macroblock coded otherwise (8.3.1.1).
 */
static int vepu_i4_nbr_mode(const struct vepu_h264_ctx *c, int mbx, int mby, int bx, int by,
			    const u8 cur_modes[16])
{
	const struct vepu_h264_mb *mb;

	if (bx < 0) {
		mbx--;
		bx += 4;
	} else if (by < 0) {
		mby--;
		by += 4;
	} else {
		return cur_modes[by * 4 + bx];
	}
	if (mbx < 0 || mby < 0)
		return -1;
	mb = &c->mbs[mby * c->mbw + mbx];
	return mb->type == MB_I4 ? mb->i4_modes[by * 4 + bx] : I4_DC;
}

/*
 * What signalling a block's mode costs: a lambda, and the predicted mode
 * is favoured by the programmed favour.
 */
static unsigned int vepu_i4_mode_cost(const struct vepu_h264_ctx *c, unsigned int lambda,
				      bool predicted)
{
	return lambda + (predicted ? 0 : c->job->pen.prev_mode_favor);
}

/**
 * vepu_h264_predicted_i4_mode() - predIntra4x4PredMode of a block (8.3.1.1)
 * @c:		picture state
 * @mbx:	macroblock column
 * @mby:	macroblock row
 * @b:		raster index of the 4x4 block in the macroblock
 * @modes:	modes of the blocks of this macroblock coded so far
 *
 * Return: the predicted mode.
 */
unsigned int vepu_h264_predicted_i4_mode(const struct vepu_h264_ctx *c, unsigned int mbx,
					 unsigned int mby, unsigned int b, const u8 modes[16])
{
	int a = vepu_i4_nbr_mode(c, mbx, mby, (int)(b & 3) - 1, b >> 2, modes);
	int t = vepu_i4_nbr_mode(c, mbx, mby, b & 3, (int)(b >> 2) - 1, modes);

	if (a < 0 || t < 0)
		return I4_DC;
	return a < t ? a : t;
}

/**
 * vepu_h264_code_i4() - decide, code and reconstruct the luma of an
 *			 Intra_4x4 macroblock
 * @c:		picture state; the reconstruction receives the luma
 * @mbx:	column
 * @mby:	row
 * @src:	source luma, stride 16
 * @co:		receives the 16 luma blocks' levels
 * @modes:	receives Intra4x4PredMode of each block (raster)
 * @limit:	a cost from which on the candidate is of no interest
 *
 * Return: the decision cost: prediction error plus a mode signalling cost;
 * VEPU_H264_NO_COST as soon as it cannot stay below @limit, the luma then
 * only partly coded.
 */
unsigned int vepu_h264_code_i4(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			       const u8 *src, struct vepu_h264_coeffs *co, u8 modes[16],
			       unsigned int limit)
{
	unsigned int stride = c->mbw * 16, lambda = vepu_h264_lambda(c->qp), cost = 0, i;

	for (i = 0; i < 16; i++) {
		unsigned int b = vepu_h264_blk_order[i], bx = b & 3, by = b >> 2;
		unsigned int predicted = vepu_h264_predicted_i4_mode(c, mbx, mby, b, modes);
		unsigned int mode, best = ~0u, sad, y;
		u8 *out = c->job->rec.y + (mby * 16 + by * 4) * stride + mbx * 16 + bx * 4;
		u8 blk[16], pred[16], best_pred[16];
		struct vepu_i4_nbr n;

		vepu_i4_neighbours(c, mbx, mby, bx, by, 4, &n);
		for (y = 0; y < 4; y++)
			memcpy(&blk[y * 4], &src[(by * 4 + y) * 16 + bx * 4], 4);
		for (mode = 0; mode < I4_MODES; mode++) {
			if (!vepu_i4_pred(&n, mode, pred))
				continue;
			sad = vepu_h264_satd(blk, pred, 4, 4) +
			      vepu_i4_mode_cost(c, lambda, mode == predicted);
			if (sad < best) {
				best = sad;
				modes[b] = mode;
				memcpy(best_pred, pred, 16);
			}
		}
		cost += best;
		/* Each block left costs at least one lambda. */
		if (cost + (15 - i) * lambda >= limit)
			return VEPU_H264_NO_COST;
		vepu_h264_quant_4x4(blk, best_pred, 4, c->qp, true, co->luma[b]);
		vepu_h264_recon_4x4(co->luma[b], c->qp, best_pred, 4, out, stride);
	}
	return cost;
}

/**
 * vepu_h264_code_i8() - decide, code and reconstruct the luma of an
 *			 Intra_NxN macroblock with 8x8 transforms (Intra_8x8)
 * @c:		picture state; the reconstruction receives the luma
 * @mbx:	column
 * @mby:	row
 * @src:	source luma, stride 16
 * @co:		receives the four 8x8 blocks' levels and the luma pattern
 * @modes:	receives Intra8x8PredMode of each 8x8 block, written to its
 *		four 4x4 entries (raster), which is how neighbours read it
 * @limit:	a cost from which on the candidate is of no interest
 *
 * Return: the decision cost: prediction error plus a mode signalling cost;
 * VEPU_H264_NO_COST as soon as it cannot stay below @limit, the luma then
 * only partly coded.
 */
unsigned int vepu_h264_code_i8(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			       const u8 *src, struct vepu_h264_coeffs *co, u8 modes[16],
			       unsigned int limit)
{
	unsigned int stride = c->mbw * 16, lambda = vepu_h264_lambda(c->qp), cost = 0, b8;

	co->cbp_luma = 0;
	for (b8 = 0; b8 < 4; b8++) {
		unsigned int bx = (b8 & 1) * 2, by = (b8 >> 1) * 2, b = by * 4 + bx;
		unsigned int predicted = vepu_h264_predicted_i4_mode(c, mbx, mby, b, modes);
		unsigned int mode, best = ~0u, sad, y;
		u8 *out = c->job->rec.y + (mby * 16 + by * 4) * stride + mbx * 16 + bx * 4;
		/* The 8x8 transform takes blocks at stride 16. */
		u8 pred[64], blk[128], cand[128], best_pred[128];
		struct vepu_i4_nbr n;

		vepu_i4_neighbours(c, mbx, mby, bx, by, 8, &n);
		for (y = 0; y < 8; y++)
			memcpy(&blk[y * 16], &src[(by * 4 + y) * 16 + bx * 4], 8);
		for (mode = 0; mode < I4_MODES; mode++) {
			if (!vepu_i4_pred(&n, mode, pred))
				continue;
			for (y = 0; y < 8; y++)
				memcpy(&cand[y * 16], &pred[y * 8], 8);
			sad = vepu_h264_satd(blk, cand, 16, 8) +
			      vepu_i4_mode_cost(c, lambda, mode == predicted);
			if (sad < best) {
				best = sad;
				modes[b] = mode;
				memcpy(best_pred, cand, sizeof(best_pred));
			}
		}
		modes[b + 1] = modes[b];
		modes[b + 4] = modes[b];
		modes[b + 5] = modes[b];
		cost += best;
		if (cost + (3 - b8) * lambda >= limit)
			return VEPU_H264_NO_COST;
		if (vepu_h264_quant_8x8(blk, best_pred, c->qp, true, co->luma8[b8])) {
			co->cbp_luma |= BIT(b8);
			vepu_h264_recon_8x8(co->luma8[b8], c->qp, best_pred, out, stride);
		} else {
			for (y = 0; y < 8; y++)
				memcpy(out + y * stride, &best_pred[y * 16], 8);
		}
	}
	co->t8x8 = true;
	return cost;
}
