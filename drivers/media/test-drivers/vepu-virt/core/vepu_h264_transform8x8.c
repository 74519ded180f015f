// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: the 8x8 luma transform of High profile
 * (transform_size_8x8_flag).
 *
 * The forward transform is the integer matrix whose scaled transpose the
 * decoder's inverse (8.5.13) implements; its rows are orthogonal with
 * squared norms 512, 578 and 320. Quantisation divides by those norms and
 * by LevelScale8x8 (normAdjust8x8 of 8.5.9 with flat weights), so that the
 * normative scaling and inverse transform give back the residual.
 */

#include <linux/bits.h>
#include <linux/string.h>

#include "vepu_h264_internal.h"
#include "zigzag8x8.h"

/* The forward transform's rows. */
static const s8 vepu_t8_fwd[8][8] = {
	{ 8, 8, 8, 8, 8, 8, 8, 8 },
	{ 12, 10, 6, 3, -3, -6, -10, -12 },
	{ 8, 4, -4, -8, -8, -4, 4, 8 },
	{ 10, -3, -12, -6, 6, 12, 3, -10 },
	{ 8, -8, -8, 8, 8, -8, -8, 8 },
	{ 6, -12, 3, 10, -10, -3, 12, -6 },
	{ 4, -8, 8, -4, -4, 8, -8, 4 },
	{ 3, -6, 10, -12, 12, -10, 6, -3 },
};

/* normAdjust8x8 (8-317) by QP % 6 and position class. */
static const u8 vepu_t8_norm[6][6] = {
	{ 20, 18, 32, 19, 25, 24 },
	{ 22, 19, 35, 21, 28, 26 },
	{ 26, 23, 42, 24, 33, 31 },
	{ 28, 25, 45, 26, 35, 33 },
	{ 32, 28, 51, 30, 40, 38 },
	{ 36, 32, 58, 34, 46, 43 },
};

/*
 * Position class of coefficient (i, j) in 8-317: 0 both multiples of 4,
 * 1 both odd, 2 both 2 mod 4, 3 one a multiple of 4 and the other odd,
 * 4 one a multiple of 4 and the other 2 mod 4, 5 the rest.
 */
static const u8 vepu_t8_class[4][4] = {
	{ 0, 3, 4, 3 },
	{ 3, 1, 5, 1 },
	{ 4, 5, 2, 5 },
	{ 3, 1, 5, 1 },
};

/*
 * Quantiser multipliers by QP % 6 and position class: 2^36 divided by the
 * two rows' squared norms and normAdjust8x8, rounded.
 */
static const u16 vepu_t8_quant[6][6] = {
	{ 13107, 11428, 20972, 12222, 16777, 15481 },
	{ 11916, 10826, 19174, 11058, 14980, 14290 },
	{ 10082, 8943, 15978, 9675, 12710, 11985 },
	{ 9362, 8228, 14913, 8931, 11984, 11259 },
	{ 8192, 7346, 13159, 7740, 10486, 9777 },
	{ 7282, 6428, 11570, 6830, 9118, 8640 },
};

/**
 * vepu_h264_quant_8x8() - levels of one 8x8 luma residual block
 * @src:	source, stride 16
 * @pred:	prediction, stride 16
 * @qp:		QP_Y
 * @intra:	round as for intra blocks (a third), else a sixth
 * @levels:	receives the levels in zig-zag order
 *
 * Return: whether any level is nonzero.
 */
bool vepu_h264_quant_8x8(const u8 *src, const u8 *pred, int qp, bool intra, s16 levels[64])
{
	int diff[8][8], tmp[8][8];
	unsigned int i, j, k, shift = 22 + qp / 6;
	/* Rounding as in the 4x4 path. */
	u32 round = (1u << shift) / (intra ? 3 : 6);
	bool any = false;

	for (i = 0; i < 8; i++)
		for (j = 0; j < 8; j++)
			diff[i][j] = src[i * 16 + j] - pred[i * 16 + j];
	for (i = 0; i < 8; i++)
		for (j = 0; j < 8; j++) {
			int s = 0;

			for (k = 0; k < 8; k++)
				s += vepu_t8_fwd[j][k] * diff[i][k];
			tmp[i][j] = s;
		}
	for (k = 0; k < 64; k++) {
		unsigned int r = zigzag8x8_to_raster[k];
		unsigned int u = r / 8, v = r % 8;
		s64 y = 0, mf = vepu_t8_quant[qp % 6][vepu_t8_class[u & 3][v & 3]];
		int level;

		for (i = 0; i < 8; i++)
			y += (s64)vepu_t8_fwd[u][i] * tmp[i][v];
		level = (int)(((y < 0 ? -y : y) * mf + round) >> shift);
		levels[k] = y < 0 ? -level : level;
		any |= level != 0;
	}
	return any;
}

/* The 1-D inverse transform of 8.5.13.2 on 8 values @step apart. */
static void vepu_t8_inverse_1d(int *d, unsigned int step)
{
	/* Outputs i and 7 - i are the sum and difference of these f. */
	static const u8 fa[4] = { 0, 2, 4, 6 }, fb[4] = { 7, 5, 3, 1 };
	int e[8], f[8], i;

	e[0] = d[0] + d[4 * step];
	e[1] = -d[3 * step] + d[5 * step] - d[7 * step] - (d[7 * step] >> 1);
	e[2] = d[0] - d[4 * step];
	e[3] = d[1 * step] + d[7 * step] - d[3 * step] - (d[3 * step] >> 1);
	e[4] = (d[2 * step] >> 1) - d[6 * step];
	e[5] = -d[1 * step] + d[7 * step] + d[5 * step] + (d[5 * step] >> 1);
	e[6] = d[2 * step] + (d[6 * step] >> 1);
	e[7] = d[3 * step] + d[5 * step] + d[1 * step] + (d[1 * step] >> 1);
	f[0] = e[0] + e[6];
	f[1] = e[1] + (e[7] >> 2);
	f[2] = e[2] + e[4];
	f[3] = e[3] + (e[5] >> 2);
	f[4] = e[2] - e[4];
	f[5] = (e[3] >> 2) - e[5];
	f[6] = e[0] - e[6];
	f[7] = e[7] - (e[1] >> 2);
	for (i = 0; i < 4; i++) {
		d[i * step] = f[fa[i]] + f[fb[i]];
		d[(7 - i) * step] = f[fa[i]] - f[fb[i]];
	}
}

/**
 * vepu_h264_recon_8x8() - decoded samples of one 8x8 luma block (8.5.13)
 * @levels:	levels in zig-zag order
 * @qp:		QP_Y
 * @pred:	prediction, stride 16
 * @out:	reconstruction
 * @stride:	of @out
 */
void vepu_h264_recon_8x8(const s16 levels[64], int qp, const u8 *pred, u8 *out,
			 unsigned int stride)
{
	int d[64];
	unsigned int k, i, j;

	for (k = 0; k < 64; k++) {
		unsigned int r = zigzag8x8_to_raster[k];
		int ls = 16 * vepu_t8_norm[qp % 6][vepu_t8_class[(r / 8) & 3][(r % 8) & 3]];

		if (qp >= 36)
			d[r] = levels[k] * ls * (1 << (qp / 6 - 6));
		else
			d[r] = (levels[k] * ls + (1 << (5 - qp / 6))) >> (6 - qp / 6);
	}
	for (i = 0; i < 8; i++)
		vepu_t8_inverse_1d(&d[i * 8], 1);
	for (j = 0; j < 8; j++)
		vepu_t8_inverse_1d(&d[j], 8);
	for (i = 0; i < 8; i++)
		for (j = 0; j < 8; j++)
			out[i * stride + j] = vepu_clip_pixel(pred[i * 16 + j] +
							      ((d[i * 8 + j] + 32) >> 6));
}

/* Blocks of a macroblock's luma: 8x8 block @b8's top-left sample offset. */
static unsigned int vepu_t8_offset(unsigned int b8, unsigned int stride)
{
	return (b8 >> 1) * 8 * stride + (b8 & 1) * 8;
}

/**
 * vepu_h264_recon_luma8() - decoded luma of an 8x8-transform macroblock
 * @co:		levels; blocks without their pattern bit are prediction only
 * @qp:		QP_Y
 * @pred:	prediction, stride 16
 * @out:	reconstruction
 * @stride:	of @out
 */
void vepu_h264_recon_luma8(const struct vepu_h264_coeffs *co, int qp, const u8 *pred, u8 *out,
			   unsigned int stride)
{
	unsigned int b8, y;

	for (b8 = 0; b8 < 4; b8++) {
		const u8 *p = pred + vepu_t8_offset(b8, 16);
		u8 *o = out + vepu_t8_offset(b8, stride);

		if (co->cbp_luma & BIT(b8)) {
			vepu_h264_recon_8x8(co->luma8[b8], qp, p, o, stride);
			continue;
		}
		for (y = 0; y < 8; y++)
			memcpy(o + y * stride, p + y * 16, 8);
	}
}

/* Rate proxy: about two bits plus twice the magnitude's bit length per level. */
static unsigned int vepu_t8_bits(const s16 *l, unsigned int n)
{
	unsigned int i, bits = 0;

	for (i = 0; i < n; i++) {
		unsigned int v = l[i] < 0 ? -l[i] : l[i];

		while (v) {
			bits += 2;
			v >>= 1;
		}
		bits += l[i] ? 2 : 0;
	}
	return bits;
}

static u32 vepu_t8_ssd(const u8 *a, const u8 *b)
{
	unsigned int i;
	u32 ssd = 0;

	for (i = 0; i < 256; i++)
		ssd += (a[i] - b[i]) * (a[i] - b[i]);
	return ssd;
}

/**
 * vepu_h264_choose_transform() - 8x8 transforms for an inter macroblock's
 * luma when they cost less than the 4x4 ones already in @co
 * @src:	source luma, stride 16
 * @pred:	prediction, stride 16
 * @qp:		QP_Y
 * @lambda:	the SAD-domain multiplier; squared for squared errors
 * @co:		4x4 levels and pattern; receives the 8x8 choice
 *
 * The cost is the squared reconstruction error plus lambda^2 times a bit
 * estimate of the levels.
 */
void vepu_h264_choose_transform(const u8 *src, const u8 *pred, int qp, unsigned int lambda,
				struct vepu_h264_coeffs *co)
{
	u64 l2 = (u64)lambda * lambda, cost4, cost8;
	unsigned int b8, b, bits4 = 0, bits8 = 0, cbp4, cbp8 = 0;
	u8 rec[256];

	co->t8x8 = false;
	vepu_h264_recon_luma(co, false, qp, pred, rec, 16);
	for (b = 0; b < 16; b++)
		bits4 += vepu_t8_bits(co->luma[b], 16);
	cost4 = vepu_t8_ssd(src, rec) + l2 * bits4;
	for (b8 = 0; b8 < 4; b8++) {
		if (vepu_h264_quant_8x8(src + vepu_t8_offset(b8, 16), pred + vepu_t8_offset(b8, 16),
					qp, false, co->luma8[b8]))
			cbp8 |= BIT(b8);
		bits8 += vepu_t8_bits(co->luma8[b8], 64);
	}
	/* Without residual the flag is not coded and means 4x4. */
	if (!cbp8)
		return;
	cbp4 = co->cbp_luma;
	co->cbp_luma = cbp8;
	vepu_h264_recon_luma8(co, qp, pred, rec, 16);
	cost8 = vepu_t8_ssd(src, rec) + l2 * bits8;
	co->t8x8 = cost8 < cost4;
	if (!co->t8x8)
		co->cbp_luma = cbp4;
}
