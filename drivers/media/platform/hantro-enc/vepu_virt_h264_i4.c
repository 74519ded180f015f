// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: Intra_4x4 macroblocks (8.3.1). Each 4x4 block is
 * predicted from the reconstruction of the blocks before it, so the luma of
 * such a macroblock is decided, coded and reconstructed block by block.
 */

#include <linux/string.h>

#include "vepu_virt_h264_int.h"

enum {
	I4_V, I4_H, I4_DC, I4_DDL, I4_DDR, I4_VR, I4_HD, I4_VL, I4_HU, I4_MODES
};

/**
 * struct vepu_i4_nbr - neighbouring samples of a 4x4 block
 * @top:	top[0] is p[-1,-1], top[1 + x] is p[x,-1] for x = 0..7
 * @left:	p[-1,y] for y = 0..3
 * @has_top:	p[0..3,-1] are available (p[4..7,-1] substituted if needed)
 * @has_left:	p[-1,0..3] are available
 * @has_corner:	p[-1,-1] is available
 */
struct vepu_i4_nbr {
	u8 top[9];
	u8 left[4];
	bool has_top;
	bool has_left;
	bool has_corner;
};

/* p[x,y] of 8.3.1.2 for x = -1 or y = -1. */
static int vepu_i4_p(const struct vepu_i4_nbr *n, int x, int y)
{
	return y < 0 ? n->top[x + 1] : n->left[y];
}

/* Decoding order of the 4x4 block at (bx, by) in 4x4 units (Figure 6-10). */
static unsigned int vepu_i4_order(unsigned int bx, unsigned int by)
{
	return (by >> 1) * 8 + (bx >> 1) * 4 + (by & 1) * 2 + (bx & 1);
}

static void vepu_i4_neighbours(const struct vepu_h264_ctx *c, unsigned int mbx,
			       unsigned int mby, unsigned int bx, unsigned int by,
			       struct vepu_i4_nbr *n)
{
	unsigned int stride = c->mbw * 16, x = mbx * 16 + bx * 4, y = mby * 16 + by * 4, i;
	const u8 *rec = c->job->rec.y;
	bool top_right;

	n->has_left = x > 0;
	n->has_top = y > 0;
	n->has_corner = n->has_left && n->has_top;
	/* Top-right: decoded already, in the picture, not in the MB to the right. */
	if (by == 0)
		top_right = mby > 0 && (bx < 3 || mbx + 1 < c->mbw);
	else
		top_right = bx < 3 && vepu_i4_order(bx + 1, by - 1) < vepu_i4_order(bx, by);
	for (i = 0; i < 4 && n->has_left; i++)
		n->left[i] = rec[(y + i) * stride + x - 1];
	if (n->has_corner)
		n->top[0] = rec[(y - 1) * stride + x - 1];
	for (i = 0; i < 8 && n->has_top; i++)
		n->top[1 + i] = rec[(y - 1) * stride + x + (i < 4 || top_right ? i : 3)];
}

/* The two filters of 8.3.1.2: (a + b + 1) >> 1 and (a + 2b + c + 2) >> 2. */
static int vepu_i4_f2(int a, int b)
{
	return (a + b + 1) >> 1;
}

static int vepu_i4_f3(int a, int b, int c)
{
	return (a + 2 * b + c + 2) >> 2;
}

/* p[x,-1] and p[-1,y] of 8.3.1.2, shorter. */
#define T(x)	vepu_i4_p(n, (x), -1)
#define L(y)	vepu_i4_p(n, -1, (y))

/* One predicted sample of a directional mode (8.3.1.2.1 - 8.3.1.2.9). */
static int vepu_i4_sample(const struct vepu_i4_nbr *n, unsigned int mode, int x, int y)
{
	int z, k;

	switch (mode) {
	case I4_V:
		return T(x);
	case I4_H:
		return L(y);
	case I4_DDL:
		if (x == 3 && y == 3)
			return (T(6) + 3 * T(7) + 2) >> 2;
		return vepu_i4_f3(T(x + y), T(x + y + 1), T(x + y + 2));
	case I4_DDR:
		if (x > y)
			return vepu_i4_f3(T(x - y - 2), T(x - y - 1), T(x - y));
		if (x < y)
			return vepu_i4_f3(L(y - x - 2), L(y - x - 1), L(y - x));
		return vepu_i4_f3(T(0), T(-1), L(0));
	case I4_VR:
		z = 2 * x - y;
		k = x - (y >> 1);
		if (z >= 0 && !(z & 1))
			return vepu_i4_f2(T(k - 1), T(k));
		if (z > 0)
			return vepu_i4_f3(T(k - 2), T(k - 1), T(k));
		if (z == -1)
			return vepu_i4_f3(L(0), T(-1), T(0));
		return vepu_i4_f3(L(y - 1), L(y - 2), L(y - 3));
	case I4_HD:
		z = 2 * y - x;
		k = y - (x >> 1);
		if (z >= 0 && !(z & 1))
			return vepu_i4_f2(L(k - 1), L(k));
		if (z > 0)
			return vepu_i4_f3(L(k - 2), L(k - 1), L(k));
		if (z == -1)
			return vepu_i4_f3(L(0), T(-1), T(0));
		return vepu_i4_f3(T(x - 1), T(x - 2), T(x - 3));
	case I4_VL:
		if (!(y & 1))
			return vepu_i4_f2(T(x + (y >> 1)), T(x + (y >> 1) + 1));
		return vepu_i4_f3(T(x + (y >> 1)), T(x + (y >> 1) + 1), T(x + (y >> 1) + 2));
	default: /* I4_HU */
		z = x + 2 * y;
		if (z > 5)
			return L(3);
		if (z == 5)
			return (L(2) + 3 * L(3) + 2) >> 2;
		if (!(z & 1))
			return vepu_i4_f2(L(y + (x >> 1)), L(y + (x >> 1) + 1));
		return vepu_i4_f3(L(y + (x >> 1)), L(y + (x >> 1) + 1), L(y + (x >> 1) + 2));
	}
}

#undef T
#undef L

static bool vepu_i4_pred(const struct vepu_i4_nbr *n, unsigned int mode, u8 pred[16])
{
	unsigned int st = 0, sl = 0;
	int x, y;

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
	if (mode != I4_DC) {
		for (y = 0; y < 4; y++)
			for (x = 0; x < 4; x++)
				pred[y * 4 + x] = vepu_i4_sample(n, mode, x, y);
		return true;
	}
	for (x = 0; x < 4; x++) {
		st += n->has_top ? n->top[1 + x] : 0;
		sl += n->has_left ? n->left[x] : 0;
	}
	memset(pred, vepu_h264_dc(st, n->has_top, sl, n->has_left, 2), 16);
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
 *
 * Return: the decision cost: prediction error plus a mode signalling cost.
 */
unsigned int vepu_h264_code_i4(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			       const u8 *src, struct vepu_h264_coeffs *co, u8 modes[16])
{
	unsigned int stride = c->mbw * 16, lambda = vepu_h264_lambda(c->qp), cost = 0, i;

	for (i = 0; i < 16; i++) {
		unsigned int b = vepu_h264_blk_order[i], bx = b & 3, by = b >> 2;
		unsigned int predicted = vepu_h264_predicted_i4_mode(c, mbx, mby, b, modes);
		unsigned int mode, best = ~0u, sad, y;
		u8 *out = c->job->rec.y + (mby * 16 + by * 4) * stride + mbx * 16 + bx * 4;
		u8 blk[16], pred[16], best_pred[16];
		struct vepu_i4_nbr n;

		vepu_i4_neighbours(c, mbx, mby, bx, by, &n);
		for (y = 0; y < 4; y++)
			memcpy(&blk[y * 4], &src[(by * 4 + y) * 16 + bx * 4], 4);
		for (mode = 0; mode < I4_MODES; mode++) {
			if (!vepu_i4_pred(&n, mode, pred))
				continue;
			sad = vepu_h264_satd(blk, pred, 4, 4) +
			      lambda * (mode == predicted ? 1 : 4);
			if (sad < best) {
				best = sad;
				modes[b] = mode;
				memcpy(best_pred, pred, 16);
			}
		}
		cost += best;
		vepu_h264_quant_4x4(blk, best_pred, 4, c->qp, true, co->luma[b]);
		vepu_h264_recon_4x4(co->luma[b], c->qp, best_pred, 4, out, stride);
	}
	return cost;
}
