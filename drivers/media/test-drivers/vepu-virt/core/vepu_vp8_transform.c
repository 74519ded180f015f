// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: VP8's 4x4 transforms and quantisation. The inverse
 * transforms are exactly those of RFC 6386 sections 14.3 and 14.4, which
 * every decoder computes bit for bit; the forward ones are the encoder's
 * free choice, integer approximations of their inverses. Plain C.
 */

#include <linux/kernel.h>

#include "vepu_vp8_internal.h"

/* RFC 6386 section 14.3: cos(pi/8) * sqrt(2) - 1 and sin(pi/8) * sqrt(2), Q16. */
#define VP8_C8S2M1	20091
#define VP8_S8S2	35468

/**
 * vepu_vp8_fdct() - forward 4x4 DCT of a residual block
 * @in:		the residual, rows @stride apart
 * @stride:	its row length
 * @out:	the coefficients, raster order, scaled as the inverse expects
 */
void vepu_vp8_fdct(const s16 *in, unsigned int stride, s16 out[16])
{
	int tmp[16];
	int i;

	for (i = 0; i < 4; i++) {
		const s16 *r = in + i * stride;
		int a = (r[0] + r[3]) * 8, b = (r[1] + r[2]) * 8;
		int c = (r[1] - r[2]) * 8, d = (r[0] - r[3]) * 8;

		tmp[4 * i] = a + b;
		tmp[4 * i + 2] = a - b;
		tmp[4 * i + 1] = (c * 2217 + d * 5352 + 14500) >> 12;
		tmp[4 * i + 3] = (d * 2217 - c * 5352 + 7500) >> 12;
	}
	for (i = 0; i < 4; i++) {
		int a = tmp[i] + tmp[12 + i], b = tmp[4 + i] + tmp[8 + i];
		int c = tmp[4 + i] - tmp[8 + i], d = tmp[i] - tmp[12 + i];

		out[i] = (a + b + 7) >> 4;
		out[8 + i] = (a - b + 7) >> 4;
		out[4 + i] = ((c * 2217 + d * 5352 + 12000) >> 16) + (d != 0);
		out[12 + i] = (d * 2217 - c * 5352 + 51000) >> 16;
	}
}

/**
 * vepu_vp8_idct_add() - inverse 4x4 DCT added to a prediction, clamped
 * @coef:	dequantised coefficients, raster order
 * @pred:	the prediction, rows @stride apart
 * @dst:	out: the reconstruction, same layout (may be @pred)
 * @stride:	row length of @pred and @dst
 */
void vepu_vp8_idct_add(const s16 coef[16], const u8 *pred, u8 *dst, unsigned int stride)
{
	int tmp[16];
	int i;

	/* Columns first, then rows with rounding, as RFC 6386 section 14.3. */
	for (i = 0; i < 4; i++) {
		int a = coef[i] + coef[8 + i], b = coef[i] - coef[8 + i];
		int c = ((coef[4 + i] * VP8_S8S2) >> 16) -
			(coef[12 + i] + ((coef[12 + i] * VP8_C8S2M1) >> 16));
		int d = coef[4 + i] + ((coef[4 + i] * VP8_C8S2M1) >> 16) +
			((coef[12 + i] * VP8_S8S2) >> 16);

		tmp[i] = a + d;
		tmp[12 + i] = a - d;
		tmp[4 + i] = b + c;
		tmp[8 + i] = b - c;
	}
	for (i = 0; i < 4; i++) {
		const int *r = tmp + 4 * i;
		int a = r[0] + r[2], b = r[0] - r[2];
		int c = ((r[1] * VP8_S8S2) >> 16) - (r[3] + ((r[3] * VP8_C8S2M1) >> 16));
		int d = r[1] + ((r[1] * VP8_C8S2M1) >> 16) + ((r[3] * VP8_S8S2) >> 16);
		int v[4] = { (a + d + 4) >> 3, (b + c + 4) >> 3, (b - c + 4) >> 3,
			     (a - d + 4) >> 3 };
		int j;

		for (j = 0; j < 4; j++)
			dst[i * stride + j] = clamp(pred[i * stride + j] + v[j], 0, 255);
	}
}

/**
 * vepu_vp8_fwht() - forward Walsh-Hadamard transform of the 16 luma DCs
 * @in:		the DCs, raster order of their blocks
 * @out:	the second-order coefficients
 */
void vepu_vp8_fwht(const s16 in[16], s16 out[16])
{
	int tmp[16];
	int i;

	for (i = 0; i < 4; i++) {
		const s16 *r = in + 4 * i;
		int a = (r[0] + r[2]) * 4, d = (r[1] + r[3]) * 4;
		int c = (r[1] - r[3]) * 4, b = (r[0] - r[2]) * 4;

		tmp[4 * i] = a + d + (a != 0);
		tmp[4 * i + 1] = b + c;
		tmp[4 * i + 2] = b - c;
		tmp[4 * i + 3] = a - d;
	}
	for (i = 0; i < 4; i++) {
		int a = tmp[i] + tmp[8 + i], d = tmp[4 + i] + tmp[12 + i];
		int c = tmp[4 + i] - tmp[12 + i], b = tmp[i] - tmp[8 + i];
		int v[4] = { a + d, b + c, b - c, a - d };
		int j;

		for (j = 0; j < 4; j++)
			out[4 * j + i] = (v[j] + (v[j] < 0) + 3) >> 3;
	}
}

/**
 * vepu_vp8_iwht() - inverse Walsh-Hadamard transform, RFC 6386 section 14.3
 * @in:		dequantised second-order coefficients
 * @out:	the 16 luma DCs, raster order of their blocks
 */
void vepu_vp8_iwht(const s16 in[16], s16 out[16])
{
	int tmp[16];
	int i;

	for (i = 0; i < 4; i++) {
		int a = in[i] + in[12 + i], b = in[4 + i] + in[8 + i];
		int c = in[4 + i] - in[8 + i], d = in[i] - in[12 + i];

		tmp[i] = a + b;
		tmp[4 + i] = c + d;
		tmp[8 + i] = a - b;
		tmp[12 + i] = d - c;
	}
	for (i = 0; i < 4; i++) {
		const int *r = tmp + 4 * i;
		int a = r[0] + r[3], b = r[1] + r[2];
		int c = r[1] - r[2], d = r[0] - r[3];

		out[4 * i] = (a + b + 3) >> 3;
		out[4 * i + 1] = (c + d + 3) >> 3;
		out[4 * i + 2] = (a - b + 3) >> 3;
		out[4 * i + 3] = (d - c + 3) >> 3;
	}
}

/**
 * vepu_vp8_quantise() - the level of a coefficient
 * @coef:	the coefficient
 * @step:	the quantiser step
 * @round:	what is added to its magnitude before dividing (a dead zone
 *		below @step / 2)
 *
 * Return: the level, at most the 2048 the largest token reaches.
 */
int vepu_vp8_quantise(int coef, unsigned int step, unsigned int round)
{
	int level = min_t(int, (abs(coef) + round) / step, 2048);

	return coef < 0 ? -level : level;
}
