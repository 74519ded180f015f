// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: residual transform and quantisation, and the
 * reconstruction exactly as a decoder computes it (8.5.10 - 8.5.12) with
 * the flat scaling lists of a stream without scaling matrices.
 */

#include <linux/bits.h>
#include <linux/string.h>

#include "vepu_h264_internal.h"

const u8 vepu_h264_blk_order[16] = {
	0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15,
};

const u8 vepu_h264_zigzag[16] = {
	0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15,
};

/*
 * normAdjust4x4 (8-315) per qP % 6 and raster position: both indices
 * even, both odd, or neither.
 */
static const u8 vepu_h264_dequant[6][16] = {
	{ 10, 13, 10, 13, 13, 16, 13, 16,
	  10, 13, 10, 13, 13, 16, 13, 16 },
	{ 11, 14, 11, 14, 14, 18, 14, 18,
	  11, 14, 11, 14, 14, 18, 14, 18 },
	{ 13, 16, 13, 16, 16, 20, 16, 20,
	  13, 16, 13, 16, 16, 20, 16, 20 },
	{ 14, 18, 14, 18, 18, 23, 18, 23,
	  14, 18, 14, 18, 18, 23, 18, 23 },
	{ 16, 20, 16, 20, 20, 25, 20, 25,
	  16, 20, 16, 20, 20, 25, 20, 25 },
	{ 18, 23, 18, 23, 23, 29, 23, 29,
	  18, 23, 18, 23, 23, 29, 23, 29 },
};

/* Forward quantisation multipliers matching the table above (2^15 / ...). */
static const u16 vepu_h264_quant[6][16] = {
	{ 13107, 8066, 13107, 8066, 8066, 5243, 8066, 5243,
	  13107, 8066, 13107, 8066, 8066, 5243, 8066, 5243 },
	{ 11916, 7490, 11916, 7490, 7490, 4660, 7490, 4660,
	  11916, 7490, 11916, 7490, 7490, 4660, 7490, 4660 },
	{ 10082, 6554, 10082, 6554, 6554, 4194, 6554, 4194,
	  10082, 6554, 10082, 6554, 6554, 4194, 6554, 4194 },
	{ 9362, 5825, 9362, 5825, 5825, 3647, 5825, 3647,
	  9362, 5825, 9362, 5825, 5825, 3647, 5825, 3647 },
	{ 8192, 5243, 8192, 5243, 5243, 3355, 5243, 3355,
	  8192, 5243, 8192, 5243, 5243, 3355, 5243, 3355 },
	{ 7282, 4559, 7282, 4559, 4559, 2893, 4559, 2893,
	  7282, 4559, 7282, 4559, 4559, 2893, 4559, 2893 },
};

/* QP_C as a function of qP_I (Table 8-15). */
static const u8 vepu_h264_qpc[52] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
	20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 29, 30, 31, 32, 32, 33, 34, 34,
	35, 35, 36, 36, 37, 37, 37, 38, 38, 38, 39, 39, 39, 39,
};

/* The largest level CAVLC codes without the escape Baseline forbids. */
#define VEPU_H264_MAX_LEVEL	2047

int vepu_h264_chroma_qp(int qp, int offset)
{
	return vepu_h264_qpc[vepu_clip3(0, 51, qp + offset)];
}

static s16 vepu_h264_quantize(int w, unsigned int mf, unsigned int qbits, unsigned int f)
{
	int level = (int)(((unsigned int)(w < 0 ? -w : w) * mf + f) >> qbits);

	level = level > VEPU_H264_MAX_LEVEL ? VEPU_H264_MAX_LEVEL : level;
	return w < 0 ? -level : level;
}

/*
 * Forward core transform (8.5.12's inverse) of the residual of a band of
 * four rows, @w samples wide: @w / 4 blocks, each into its own 16
 * coefficients in raster order. Columns first, all of them in one loop;
 * the transform is separable and exact, so the order does not matter.
 */
static inline void vepu_h264_fdct_band(const u8 *src, const u8 *pred, unsigned int stride,
				       unsigned int w, int out[][16])
{
	const u8 *s1 = src + stride, *s2 = s1 + stride, *s3 = s2 + stride;
	const u8 *p1 = pred + stride, *p2 = p1 + stride, *p3 = p2 + stride;
	unsigned int x, g;
	/* The four transformed rows, @w each, one after the other. */
	s16 t[4 * 16];

	for (x = 0; x < w; x++) {
		int d0 = src[x] - pred[x], d1 = s1[x] - p1[x];
		int d2 = s2[x] - p2[x], d3 = s3[x] - p3[x];
		int a = d0 + d3, b = d1 + d2, c = d1 - d2, d = d0 - d3;

		t[x] = a + b;
		t[w + x] = 2 * d + c;
		t[2 * w + x] = a - b;
		t[3 * w + x] = d - 2 * c;
	}
	/* Each group of four is one row of one block. */
	for (g = 0; g < w; g++) {
		const s16 *r = &t[4 * g];
		int *o = &out[g % (w / 4)][g / (w / 4) * 4];
		int a = r[0] + r[3], b = r[1] + r[2], c = r[1] - r[2], d = r[0] - r[3];

		o[0] = a + b;
		o[1] = 2 * d + c;
		o[2] = a - b;
		o[3] = d - 2 * c;
	}
}

/* 8.5.12.2: rows first, then columns, then (x + 32) >> 6. */
static void vepu_h264_idct4(int d[16])
{
	int i;

	for (i = 0; i < 4; i++) {
		int *r = &d[i * 4];
		int e = r[0] + r[2], f = r[0] - r[2];
		int g = (r[1] >> 1) - r[3], h = r[1] + (r[3] >> 1);

		r[0] = e + h;
		r[1] = f + g;
		r[2] = f - g;
		r[3] = e - h;
	}
	for (i = 0; i < 4; i++) {
		int e = d[i] + d[8 + i], f = d[i] - d[8 + i];
		int g = (d[4 + i] >> 1) - d[12 + i], h = d[4 + i] + (d[12 + i] >> 1);

		d[i] = (e + h + 32) >> 6;
		d[4 + i] = (f + g + 32) >> 6;
		d[8 + i] = (f - g + 32) >> 6;
		d[12 + i] = (e - h + 32) >> 6;
	}
}

/* The 4x4 Hadamard transform of 8-320 (its own inverse up to scale). */
static void vepu_h264_hadamard4(const int in[16], int out[16])
{
	int tmp[16], i;

	for (i = 0; i < 4; i++) {
		const int *r = &in[i * 4];
		int a = r[0] + r[1], b = r[2] + r[3], c = r[0] - r[1], d = r[2] - r[3];

		tmp[i * 4 + 0] = a + b;
		tmp[i * 4 + 1] = a - b;
		tmp[i * 4 + 2] = c - d;
		tmp[i * 4 + 3] = c + d;
	}
	for (i = 0; i < 4; i++) {
		int a = tmp[i] + tmp[4 + i], b = tmp[8 + i] + tmp[12 + i];
		int c = tmp[i] - tmp[4 + i], d = tmp[8 + i] - tmp[12 + i];

		out[i] = a + b;
		out[4 + i] = a - b;
		out[8 + i] = c - d;
		out[12 + i] = c + d;
	}
}

/*
 * Half the Hadamard SATD of a band of 4 rows, @w samples wide, summed over
 * its 4x4 blocks. Columns are transformed first, all of them in one loop;
 * the last butterfly of the rows is folded into the sum since
 * |a + b| + |a - b| = 2 * max(|a|, |b|).
 */
static inline unsigned int vepu_h264_satd_band(const u8 *a, const u8 *b, unsigned int stride,
					       unsigned int w)
{
	const u8 *a1 = a + stride, *a2 = a1 + stride, *a3 = a2 + stride;
	const u8 *b1 = b + stride, *b2 = b1 + stride, *b3 = b2 + stride;
	unsigned int x, g, sum = 0;
	/* The four transformed rows, @w each, one after the other. */
	s16 t[4 * 16];

	for (x = 0; x < w; x++) {
		int d0 = a[x] - b[x], d1 = a1[x] - b1[x];
		int d2 = a2[x] - b2[x], d3 = a3[x] - b3[x];
		int s01 = d0 + d1, s23 = d2 + d3, m01 = d0 - d1, m23 = d2 - d3;

		t[x] = s01 + s23;
		t[w + x] = s01 - s23;
		t[2 * w + x] = m01 - m23;
		t[3 * w + x] = m01 + m23;
	}
	/* Each group of four is one row of one 4x4 block. */
	for (g = 0; g < w; g++) {
		const s16 *p = &t[4 * g];
		int s01 = p[0] + p[1], s23 = p[2] + p[3];
		int m01 = p[0] - p[1], m23 = p[2] - p[3];

		s01 = s01 < 0 ? -s01 : s01;
		s23 = s23 < 0 ? -s23 : s23;
		m01 = m01 < 0 ? -m01 : m01;
		m23 = m23 < 0 ? -m23 : m23;
		sum += (s01 > s23 ? s01 : s23) + (m01 > m23 ? m01 : m23);
	}
	return sum;
}

/**
 * vepu_h264_satd() - sum of absolute Hadamard-transformed differences
 * @a:		first block
 * @b:		second block
 * @stride:	of both
 * @size:	4, 8 or 16: the block is @size x @size, summed over its 4x4 blocks
 *
 * Return: the SATD, halved as usual: a cost that tracks coded size better
 * than the SAD does.
 */
unsigned int vepu_h264_satd(const u8 *a, const u8 *b, unsigned int stride, unsigned int size)
{
	unsigned int y, sum = 0;

	if (size == 4)
		return vepu_h264_satd_band(a, b, stride, 4);
	if (size == 8) {
		for (y = 0; y < 8; y += 4)
			sum += vepu_h264_satd_band(a + y * stride, b + y * stride, stride, 8);
		return sum;
	}
	for (y = 0; y < 16; y += 4)
		sum += vepu_h264_satd_band(a + y * stride, b + y * stride, stride, 16);
	return sum;
}

/**
 * vepu_h264_satd16_below() - vepu_h264_satd() of two 16x16 blocks at
 *			      stride 16, given up at @limit
 * @a:		first block
 * @b:		second block
 * @limit:	the cost from which on the caller has no use for the figure
 *
 * Return: the SATD, or a partial sum of at least @limit.
 */
unsigned int vepu_h264_satd16_below(const u8 *a, const u8 *b, unsigned int limit)
{
	unsigned int y, sum = 0;

	for (y = 0; y < 16 && sum < limit; y += 4)
		sum += vepu_h264_satd_band(a + y * 16, b + y * 16, 16, 16);
	return sum;
}

/*
 * Quantise a transformed block into zig-zag order, from scan position
 * @first. Returns whether any level is nonzero.
 */
static bool vepu_h264_quant_block(const int w[16], int qp, bool intra, unsigned int first,
				  s16 levels[16])
{
	unsigned int qbits = 15 + qp / 6, f = (1u << qbits) / (intra ? 3 : 6), i;
	const u16 *mf = vepu_h264_quant[qp % 6];
	s16 l[16];
	int any = 0;

	for (i = 0; i < 16; i++)
		l[i] = vepu_h264_quantize(w[i], mf[i], qbits, f);
	if (first)
		l[0] = 0;
	for (i = 0; i < 16; i++) {
		levels[i] = l[vepu_h264_zigzag[i]];
		any |= levels[i];
	}
	return any;
}

/* Scale a block's levels (8.5.12.1); position 0 keeps @dc when @has_dc. */
static void vepu_h264_dequant_block(const s16 levels[16], int qp, bool has_dc, int dc,
				    int d[16])
{
	const u8 *ls = vepu_h264_dequant[qp % 6];
	unsigned int i, shift = qp / 6;

	for (i = 0; i < 16; i++) {
		unsigned int r = vepu_h264_zigzag[i];

		d[r] = levels[i] * ls[r] * (1 << shift);
	}
	if (has_dc)
		d[0] = dc;
}

static void vepu_h264_add_block(int d[16], const u8 *pred, unsigned int pstride,
				u8 *out, unsigned int ostride)
{
	unsigned int x, y;

	vepu_h264_idct4(d);
	for (y = 0; y < 4; y++)
		for (x = 0; x < 4; x++)
			out[y * ostride + x] = vepu_clip_pixel(pred[y * pstride + x] +
							       d[y * 4 + x]);
}

/* The prediction plus a constant residual: a block with no AC levels. */
static void vepu_h264_add_dc(int dc, const u8 *pred, unsigned int pstride, u8 *out,
			     unsigned int ostride)
{
	unsigned int x, y;

	dc = (dc + 32) >> 6;
	for (y = 0; y < 4; y++)
		for (x = 0; x < 4; x++)
			out[y * ostride + x] = vepu_clip_pixel(pred[y * pstride + x] + dc);
}

/*
 * Decoded samples of a block: levels (zig-zag) scaled, with the DC
 * replaced by @dc when @has_dc, inverse transformed and added to @pred.
 */
static void vepu_h264_recon_block(const s16 levels[16], int qp, bool has_dc, int dc,
				  const u8 *pred, unsigned int pstride, u8 *out,
				  unsigned int ostride)
{
	int d[16], ac = 0;
	unsigned int i;

	for (i = 1; i < 16; i++)
		ac |= levels[i];
	if (!ac) {
		if (!has_dc)
			dc = levels[0] * vepu_h264_dequant[qp % 6][0] * (1 << (qp / 6));
		vepu_h264_add_dc(dc, pred, pstride, out, ostride);
		return;
	}
	vepu_h264_dequant_block(levels, qp, has_dc, dc, d);
	vepu_h264_add_block(d, pred, pstride, out, ostride);
}

/* Levels of one 4x4 block coded with all 16 coefficients (not Intra_16x16). */
void vepu_h264_quant_4x4(const u8 *src, const u8 *pred, unsigned int stride, int qp, bool intra,
			 s16 levels[16])
{
	int w[1][16];

	vepu_h264_fdct_band(src, pred, stride, 4, w);
	vepu_h264_quant_block(w[0], qp, intra, 0, levels);
}

/* Decoded samples of such a block. */
void vepu_h264_recon_4x4(const s16 levels[16], int qp, const u8 *pred, unsigned int pstride,
			 u8 *out, unsigned int ostride)
{
	vepu_h264_recon_block(levels, qp, false, 0, pred, pstride, out, ostride);
}

/**
 * vepu_h264_luma_zero() - whether a 16x16 inter residual quantises to nothing
 * @src:	source samples, stride 16
 * @pred:	prediction, stride 16
 * @qp:		QP_Y
 *
 * Return: true when every level of every 4x4 block would be zero; stops at
 * the first block with a level.
 */
bool vepu_h264_luma_zero(const u8 *src, const u8 *pred, int qp)
{
	unsigned int qbits = 15 + qp / 6, f = (1u << qbits) / 6, b, i;
	const u16 *mf = vepu_h264_quant[qp % 6];
	int w[4][16];

	for (b = 0; b < 4; b++) {
		unsigned int big = 0, k;

		vepu_h264_fdct_band(src + b * 64, pred + b * 64, 16, 16, w);
		for (k = 0; k < 4; k++)
			for (i = 0; i < 16; i++)
				big |= ((unsigned int)(w[k][i] < 0 ? -w[k][i] : w[k][i]) * mf[i] +
					f) >> qbits;
		if (big)
			return false;
	}
	return true;
}

/**
 * vepu_h264_quant_luma() - levels of a 16x16 luma residual
 * @src:	source samples, stride 16
 * @pred:	prediction, stride 16
 * @intra16:	Intra_16x16: DCs go through the Hadamard transform
 * @qp:		QP_Y
 * @co:		receives luma_dc and luma
 */
void vepu_h264_quant_luma(const u8 *src, const u8 *pred, bool intra16, int qp,
			  struct vepu_h264_coeffs *co)
{
	int w[4][16], dc[16], dch[16];
	unsigned int b, i;

	for (b = 0; b < 16; b++) {
		if (!(b & 3))
			vepu_h264_fdct_band(src + b * 16, pred + b * 16, 16, 16, w);
		vepu_h264_quant_block(w[b & 3], qp, intra16, intra16, co->luma[b]);
		dc[b] = w[b & 3][0];
	}
	if (!intra16)
		return;
	vepu_h264_hadamard4(dc, dch);
	for (i = 0; i < 16; i++)
		dch[i] /= 2;
	{
		unsigned int qbits = 16 + qp / 6, f = (2u << (qbits - 1)) / 3;

		for (i = 0; i < 16; i++)
			co->luma_dc[i] = vepu_h264_quantize(dch[vepu_h264_zigzag[i]],
							    vepu_h264_quant[qp % 6][0], qbits, f);
	}
}

/**
 * vepu_h264_quant_chroma() - levels of one 8x8 chroma residual
 * @src:	source samples, stride 8
 * @pred:	prediction, stride 8
 * @qpc:	QP_C
 * @intra:	intra rounding
 * @comp:	0 Cb, 1 Cr
 * @co:		receives chroma_dc[comp] and chroma[comp * 4 ..]
 */
void vepu_h264_quant_chroma(const u8 *src, const u8 *pred, int qpc, bool intra,
			    unsigned int comp, struct vepu_h264_coeffs *co)
{
	unsigned int qbits = 16 + qpc / 6, f = (2u << (qbits - 1)) / (intra ? 3 : 6), b;
	int w[4][16], dc[4];

	vepu_h264_fdct_band(src, pred, 8, 8, w);
	vepu_h264_fdct_band(src + 32, pred + 32, 8, 8, w + 2);
	for (b = 0; b < 4; b++)
		vepu_h264_quant_block(w[b], qpc, intra, 1, co->chroma[comp * 4 + b]);
	dc[0] = w[0][0] + w[1][0] + w[2][0] + w[3][0];
	dc[1] = w[0][0] - w[1][0] + w[2][0] - w[3][0];
	dc[2] = w[0][0] + w[1][0] - w[2][0] - w[3][0];
	dc[3] = w[0][0] - w[1][0] - w[2][0] + w[3][0];
	for (b = 0; b < 4; b++)
		co->chroma_dc[comp][b] = vepu_h264_quantize(dc[b], vepu_h264_quant[qpc % 6][0],
							    qbits, f);
}

static bool vepu_h264_any(const s16 *levels, unsigned int n)
{
	while (n--)
		if (levels[n])
			return true;
	return false;
}

/**
 * vepu_h264_set_cbp() - decide coded_block_pattern and drop what it omits
 * @co:		the macroblock's levels
 * @intra16:	Intra_16x16 (luma pattern all or nothing)
 */
void vepu_h264_set_cbp(struct vepu_h264_coeffs *co, bool intra16)
{
	unsigned int b, b8;
	bool ac = false, dc = false;

	co->cbp_luma = 0;
	if (co->t8x8) {
		for (b8 = 0; b8 < 4; b8++)
			if (vepu_h264_any(co->luma8[b8], 64))
				co->cbp_luma |= BIT(b8);
	} else {
		for (b = 0; b < 16; b++)
			if (vepu_h264_any(co->luma[b], 16))
				co->cbp_luma |= BIT(((b >> 3) << 1) | ((b & 3) >> 1));
	}
	if (intra16 && co->cbp_luma)
		co->cbp_luma = 0xf;
	for (b = 0; b < 16 && !co->t8x8; b++) {
		b8 = ((b >> 3) << 1) | ((b & 3) >> 1);
		if (!(co->cbp_luma & BIT(b8)))
			memset(co->luma[b], 0, sizeof(co->luma[b]));
	}
	for (b = 0; b < 8; b++)
		ac |= vepu_h264_any(co->chroma[b], 16);
	dc = vepu_h264_any(co->chroma_dc[0], 4) || vepu_h264_any(co->chroma_dc[1], 4);
	co->cbp_chroma = ac ? 2 : dc ? 1 : 0;
	if (!ac)
		memset(co->chroma, 0, sizeof(co->chroma));
}

/**
 * vepu_h264_recon_luma() - decoded luma of a macroblock (8.5.2, 8.5.3)
 * @co:		the levels as coded
 * @intra16:	Intra_16x16
 * @qp:		QP_Y
 * @pred:	prediction, stride 16
 * @out:	reconstruction, stride @stride
 * @stride:	of @out
 */
void vepu_h264_recon_luma(const struct vepu_h264_coeffs *co, bool intra16, int qp,
			  const u8 *pred, u8 *out, unsigned int stride)
{
	int c[16], f[16], dcy[16] = { 0 };
	unsigned int b, i;

	if (intra16) {
		int ls = 16 * vepu_h264_dequant[qp % 6][0];

		for (i = 0; i < 16; i++)
			c[vepu_h264_zigzag[i]] = co->luma_dc[i];
		vepu_h264_hadamard4(c, f);
		for (i = 0; i < 16; i++)
			dcy[i] = qp >= 36 ? f[i] * ls * (1 << (qp / 6 - 6)) :
				 (f[i] * ls + (1 << (5 - qp / 6))) >> (6 - qp / 6);
	}
	for (b = 0; b < 16; b++) {
		unsigned int po = (b >> 2) * 64 + (b & 3) * 4;
		unsigned int oo = (b >> 2) * 4 * stride + (b & 3) * 4;

		vepu_h264_recon_block(co->luma[b], qp, intra16, dcy[b], pred + po, 16,
				      out + oo, stride);
	}
}

/**
 * vepu_h264_recon_chroma() - decoded samples of one chroma component (8.5.11)
 * @co:		the levels as coded
 * @comp:	0 Cb, 1 Cr
 * @qpc:	QP_C
 * @pred:	prediction, stride 8
 * @out:	reconstruction (interleaved CbCr: step 2)
 * @stride:	of @out, bytes
 */
void vepu_h264_recon_chroma(const struct vepu_h264_coeffs *co, unsigned int comp, int qpc,
			    const u8 *pred, u8 *out, unsigned int stride)
{
	const s16 *c = co->chroma_dc[comp];
	int f[4], ls = 16 * vepu_h264_dequant[qpc % 6][0];
	u8 tmp[64];
	unsigned int b, x, y;

	f[0] = c[0] + c[1] + c[2] + c[3];
	f[1] = c[0] - c[1] + c[2] - c[3];
	f[2] = c[0] + c[1] - c[2] - c[3];
	f[3] = c[0] - c[1] - c[2] + c[3];
	for (b = 0; b < 4; b++) {
		unsigned int o = (b >> 1) * 32 + (b & 1) * 4;

		vepu_h264_recon_block(co->chroma[comp * 4 + b], qpc, true,
				      (f[b] * ls * (1 << (qpc / 6))) >> 5, pred + o, 8, tmp + o, 8);
	}
	for (y = 0; y < 8; y++)
		for (x = 0; x < 8; x++)
			out[y * stride + x * 2] = tmp[y * 8 + x];
}
