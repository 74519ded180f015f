// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: slice data in CABAC (7.3.4, 7.3.5, 9.3).
 *
 * The context states start from the table the driver leaves in memory
 * (hantro_h264_cabac.h), as the hardware's do. The macroblock layer codes
 * the same decisions as the CAVLC writer: mb_skip_flag, the macroblock
 * types of the core, Intra_4x4 modes, intra chroma mode, motion vector
 * differences, coded_block_pattern, a zero mb_qp_delta and the residual
 * blocks, each binarised (9.3.2) and given its context (9.3.3.1).
 */

#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/minmax.h>

#include "vepu_h264_internal.h"

/* ctxIdxOffset of each syntax element (Table 9-34), frame macroblocks. */
enum {
	CTX_MB_TYPE_I = 3,
	CTX_SKIP_P = 11,
	CTX_MB_TYPE_P = 14,
	CTX_MB_TYPE_P_INTRA = 17,
	CTX_SUB_MB_TYPE_P = 21,
	CTX_MVD_X = 40,
	CTX_MVD_Y = 47,
	CTX_QP_DELTA = 60,
	CTX_CHROMA_PRED = 64,
	CTX_PREV_I4 = 68,
	CTX_REM_I4 = 69,
	CTX_CBP_LUMA = 73,
	CTX_CBP_CHROMA = 77,
	CTX_CODED_BLOCK = 85,
	CTX_SIG = 105,
	CTX_LAST = 166,
	CTX_ABS_LEVEL = 227,
	CTX_T8X8 = 399,
	CTX_SIG_8X8 = 402,
	CTX_LAST_8X8 = 417,
	CTX_ABS_LEVEL_8X8 = 426,
};

/* ctxBlockCat (Table 9-42) */
enum {
	CAT_LUMA_DC,
	CAT_LUMA_AC,
	CAT_LUMA_4X4,
	CAT_CHROMA_DC,
	CAT_CHROMA_AC,
};

/* ctxBlockCatOffset (Table 9-40) per ctxBlockCat. */
static const u8 vepu_cbf_offset[5] = { 0, 4, 8, 12, 16 };
static const u8 vepu_sig_offset[5] = { 0, 15, 29, 44, 47 };
static const u8 vepu_abs_offset[5] = { 0, 10, 20, 30, 39 };

/* Table 9-44: rangeTabLPS[pStateIdx][qCodIRangeIdx] */
static const u8 vepu_range_lps[64][4] = {
	{ 128, 176, 208, 240 }, { 128, 167, 197, 227 }, { 128, 158, 187, 216 },
	{ 123, 150, 178, 205 }, { 116, 142, 169, 195 }, { 111, 135, 160, 185 },
	{ 105, 128, 152, 175 }, { 100, 122, 144, 166 }, { 95, 116, 137, 158 },
	{ 90, 110, 130, 150 }, { 85, 104, 123, 142 }, { 81, 99, 117, 135 },
	{ 77, 94, 111, 128 }, { 73, 89, 105, 122 }, { 69, 85, 100, 116 },
	{ 66, 80, 95, 110 }, { 62, 76, 90, 104 }, { 59, 72, 86, 99 },
	{ 56, 69, 81, 94 }, { 53, 65, 77, 89 }, { 51, 62, 73, 85 },
	{ 48, 59, 69, 80 }, { 46, 56, 66, 76 }, { 43, 53, 63, 72 },
	{ 41, 50, 59, 69 }, { 39, 48, 56, 65 }, { 37, 45, 54, 62 },
	{ 35, 43, 51, 59 }, { 33, 41, 48, 56 }, { 32, 39, 46, 53 },
	{ 30, 37, 43, 50 }, { 29, 35, 41, 48 }, { 27, 33, 39, 45 },
	{ 26, 31, 37, 43 }, { 24, 30, 35, 41 }, { 23, 28, 33, 39 },
	{ 22, 27, 32, 37 }, { 21, 26, 30, 35 }, { 20, 24, 29, 33 },
	{ 19, 23, 27, 31 }, { 18, 22, 26, 30 }, { 17, 21, 25, 28 },
	{ 16, 20, 23, 27 }, { 15, 19, 22, 25 }, { 14, 18, 21, 24 },
	{ 14, 17, 20, 23 }, { 13, 16, 19, 22 }, { 12, 15, 18, 21 },
	{ 12, 14, 17, 20 }, { 11, 14, 16, 19 }, { 11, 13, 15, 18 },
	{ 10, 12, 15, 17 }, { 10, 12, 14, 16 }, { 9, 11, 13, 15 },
	{ 9, 11, 12, 14 }, { 8, 10, 12, 14 }, { 8, 9, 11, 13 },
	{ 7, 9, 11, 12 }, { 7, 9, 10, 12 }, { 7, 8, 10, 11 },
	{ 6, 8, 9, 11 }, { 6, 7, 9, 10 }, { 6, 7, 8, 9 },
	{ 2, 2, 2, 2 },
};

/* Table 9-45: transIdxLPS[pStateIdx]; transIdxMPS is pStateIdx + 1 up to 62. */
static const u8 vepu_next_lps[64] = {
	0, 0, 1, 2, 2, 4, 4, 5, 6, 7, 8, 9, 9, 11, 11, 12,
	13, 13, 15, 15, 16, 16, 18, 18, 19, 19, 21, 21, 22, 22, 23, 24,
	24, 25, 26, 26, 27, 27, 28, 29, 29, 30, 30, 30, 31, 32, 32, 33,
	33, 33, 34, 34, 35, 35, 35, 36, 36, 36, 37, 37, 37, 38, 38, 63,
};

/* PutBit (9.3.4.2, Figure 9-8) */
static void vepu_cabac_put_bit(struct vepu_h264_ctx *c, unsigned int bit)
{
	struct vepu_cabac *e = c->cabac;

	if (e->first_bit)
		e->first_bit = false;
	else
		h264_bw_put(&c->bw, 1, bit);
	for (; e->outstanding; e->outstanding--)
		h264_bw_put(&c->bw, 1, !bit);
}

/* RenormE (Figure 9-7) */
static void vepu_cabac_renorm(struct vepu_h264_ctx *c)
{
	struct vepu_cabac *e = c->cabac;

	while (e->range < 256) {
		if (e->low < 256) {
			vepu_cabac_put_bit(c, 0);
		} else if (e->low >= 512) {
			e->low -= 512;
			vepu_cabac_put_bit(c, 1);
		} else {
			e->low -= 256;
			e->outstanding++;
		}
		e->range <<= 1;
		e->low <<= 1;
	}
}

/* EncodeDecision (Figure 9-6) */
static void vepu_cabac_decision(struct vepu_h264_ctx *c, unsigned int ctx, unsigned int bin)
{
	struct vepu_cabac *e = c->cabac;
	unsigned int s = e->state[ctx] >> 1, mps = e->state[ctx] & 1;
	unsigned int lps = vepu_range_lps[s][(e->range >> 6) & 3];

	e->bins++;
	e->range -= lps;
	if (bin != mps) {
		e->low += e->range;
		e->range = lps;
		if (!s)
			mps ^= 1;
		s = vepu_next_lps[s];
	} else if (s < 62) {
		s++;
	}
	e->state[ctx] = s << 1 | mps;
	vepu_cabac_renorm(c);
}

/* EncodeBypass (Figure 9-9) */
static void vepu_cabac_bypass(struct vepu_h264_ctx *c, unsigned int bin)
{
	struct vepu_cabac *e = c->cabac;

	e->bins++;
	e->low <<= 1;
	if (bin)
		e->low += e->range;
	if (e->low >= 1024) {
		vepu_cabac_put_bit(c, 1);
		e->low -= 1024;
	} else if (e->low < 512) {
		vepu_cabac_put_bit(c, 0);
	} else {
		e->low -= 512;
		e->outstanding++;
	}
}

/* EncodeTerminate with EncodeFlush (Figures 9-10, 9-11). */
static void vepu_cabac_terminate(struct vepu_h264_ctx *c, unsigned int bin)
{
	struct vepu_cabac *e = c->cabac;

	e->bins++;
	e->range -= 2;
	if (!bin) {
		vepu_cabac_renorm(c);
		return;
	}
	e->low += e->range;
	e->range = 2;
	vepu_cabac_renorm(c);
	vepu_cabac_put_bit(c, (e->low >> 9) & 1);
	/* Its last bit is the rbsp_stop_one_bit. */
	h264_bw_put(&c->bw, 2, ((e->low >> 7) & 3) | 1);
}

/* The suffix of UEGk binarisations: k-th order Exp-Golomb, bypass (9.3.2.3). */
static void vepu_cabac_exp_golomb(struct vepu_h264_ctx *c, unsigned int v, unsigned int k)
{
	while (v >= BIT(k)) {
		vepu_cabac_bypass(c, 1);
		v -= BIT(k);
		k++;
	}
	vepu_cabac_bypass(c, 0);
	while (k--)
		vepu_cabac_bypass(c, (v >> k) & 1);
}

/**
 * vepu_h264_cabac_start() - cabac_alignment_one_bit and initialisation
 * @c:	picture state, slice header written
 *
 * The contexts come from the driver's table for the slice QP (9.3.1.1).
 *
 * Return: 0, or -EINVAL if the table holds a state no initialisation
 * produces (the hardware's behaviour on it is undefined).
 */
int vepu_h264_cabac_start(struct vepu_h264_ctx *c)
{
	const struct vepu_h264_job *j = c->job;
	struct vepu_cabac *e = c->cabac;
	unsigned int ctx;

	if (c->bw.bits)
		h264_bw_put(&c->bw, 8 - c->bw.bits, 0xff);
	for (ctx = 0; ctx < HANTRO_H264_CABAC_CTXS; ctx++) {
		u8 s = j->cabac_table[hantro_h264_cabac_offset(j->qp, !j->intra, ctx)];

		if ((s >> 1) > 62)
			return -EINVAL;
		e->state[ctx] = s;
	}
	e->low = 0;
	e->range = 510;
	e->outstanding = 0;
	e->first_bit = true;
	e->bins = 0;
	return 0;
}

/* The left (A) and above (B) macroblocks, NULL outside the picture. */
static void vepu_cabac_nbrs(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			    const struct vepu_h264_mb **a, const struct vepu_h264_mb **b)
{
	const struct vepu_h264_mb *mb = &c->mbs[mby * c->mbw + mbx];

	*a = mbx ? mb - 1 : NULL;
	*b = mby ? mb - c->mbw : NULL;
}

/* mb_skip_flag (ctxIdxInc 9.3.3.1.1.1) */
void vepu_h264_cabac_skip(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			  bool skip)
{
	const struct vepu_h264_mb *a, *b;

	vepu_cabac_nbrs(c, mbx, mby, &a, &b);
	vepu_cabac_decision(c, CTX_SKIP_P + (a && a->type != MB_SKIP) + (b && b->type != MB_SKIP),
			    skip);
}

/*
 * A picture may hold at most 32/3 bins per byte of its VCL NAL units plus
 * RawMbBits / 32 per macroblock (7.4.2.10); cabac_zero_words, each 0x000003
 * in the NAL unit, make up the bytes a picture of many bins lacks (9.3.4.6).
 */
static void vepu_cabac_zero_words(struct vepu_h264_ctx *c)
{
	const u64 raw_mb_bits = 256 * 8 + 2 * 64 * 8;	/* 4:2:0, 8 bits (7-5) */
	u64 bins = c->cabac->bins, allowance = raw_mb_bits * c->mbw * c->mbh;
	size_t bytes = c->bw.pos - c->nal_start;
	u64 need;

	c->job->cabac_bins = bins;
	if (32 * bins <= allowance)
		return;
	need = (3 * (32 * bins - allowance) + 1023) / 1024;
	c->bw.escape = false;
	for (; need > bytes; bytes += 3) {
		h264_bw_put(&c->bw, 24, 0x000003);
		c->job->cabac_zero_words++;
	}
}

/*
 * end_of_slice_flag; after the last macroblock, the flush, alignment and
 * any cabac_zero_words.
 */
void vepu_h264_cabac_end_of_slice(struct vepu_h264_ctx *c, bool last)
{
	vepu_cabac_terminate(c, last);
	if (!last)
		return;
	if (c->bw.bits)
		h264_bw_put(&c->bw, 8 - c->bw.bits, 0);	/* rbsp_alignment_zero_bit */
	vepu_cabac_zero_words(c);
}

/* mb_type of an intra macroblock (Tables 9-36, 9-37; ctxIdx 9.3.3.1.2). */
static void vepu_cabac_mb_type_intra(struct vepu_h264_ctx *c, const struct vepu_h264_mb *mb,
				     const struct vepu_h264_mb *a, const struct vepu_h264_mb *b,
				     const struct vepu_h264_coeffs *co, unsigned int i16_mode)
{
	bool islice = c->job->intra;
	/* I slices: offset 3 and bins 3..7; the suffix in P slices: 17, 1..3. */
	unsigned int base = islice ? CTX_MB_TYPE_I : CTX_MB_TYPE_P_INTRA;
	unsigned int luma = islice ? 3 : 1, chroma = islice ? 4 : 2, chroma2 = islice ? 5 : 2;
	unsigned int mode0 = islice ? 6 : 3, mode1 = islice ? 7 : 3, inc = 0;

	if (!islice)
		vepu_cabac_decision(c, CTX_MB_TYPE_P, 1);	/* prefix: intra */
	else
		inc = (a && a->type != MB_I4) + (b && b->type != MB_I4);
	if (mb->type == MB_I4) {
		vepu_cabac_decision(c, base + inc, 0);		/* I_NxN */
		return;
	}
	vepu_cabac_decision(c, base + inc, 1);
	vepu_cabac_terminate(c, 0);				/* not I_PCM */
	vepu_cabac_decision(c, base + luma, !!co->cbp_luma);
	vepu_cabac_decision(c, base + chroma, !!co->cbp_chroma);
	if (co->cbp_chroma)
		vepu_cabac_decision(c, base + chroma2, co->cbp_chroma == 2);
	vepu_cabac_decision(c, base + mode0, i16_mode >> 1);
	vepu_cabac_decision(c, base + mode1, i16_mode & 1);
}

/*
 * prev_intra4x4_pred_mode_flag / rem_intra4x4_pred_mode (FL, LSB first),
 * or the 8x8 ones, which share their contexts.
 */
static void vepu_cabac_i4_modes(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
				const u8 modes[16], bool t8x8)
{
	unsigned int i, k;

	for (i = 0; i < 16; i += t8x8 ? 4 : 1) {
		unsigned int blk = vepu_h264_blk_order[i];
		unsigned int pred = vepu_h264_predicted_i4_mode(c, mbx, mby, blk, modes);
		unsigned int rem = modes[blk] < pred ? modes[blk] : modes[blk] - 1;

		vepu_cabac_decision(c, CTX_PREV_I4, modes[blk] == pred);
		if (modes[blk] != pred)
			for (k = 0; k < 3; k++)
				vepu_cabac_decision(c, CTX_REM_I4, (rem >> k) & 1);
	}
}

/* intra_chroma_pred_mode: TU, cMax 3 (9.3.3.1.1.8). */
static void vepu_cabac_chroma_mode(struct vepu_h264_ctx *c, const struct vepu_h264_mb *a,
				   const struct vepu_h264_mb *b, unsigned int mode)
{
	unsigned int i;

	for (i = 0; i < 3 && i <= mode; i++) {
		unsigned int inc = 3;

		if (!i)
			inc = (a && vepu_h264_is_intra(a) && a->chroma_mode) +
			      (b && vepu_h264_is_intra(b) && b->chroma_mode);
		vepu_cabac_decision(c, CTX_CHROMA_PRED + inc, i < mode);
	}
}

/* One mvd component: UEG3, signed, uCoff 9 (9.3.2.3, 9.3.3.1.1.7). */
static void vepu_cabac_mvd(struct vepu_h264_ctx *c, unsigned int base, int mvd,
			   unsigned int nbr_sum)
{
	unsigned int v = mvd < 0 ? -mvd : mvd, prefix = min(v, 9u), i;
	unsigned int inc0 = nbr_sum < 3 ? 0 : nbr_sum > 32 ? 2 : 1;

	for (i = 0; i <= prefix && i < 9; i++)
		vepu_cabac_decision(c, base + (i ? min(i + 2, 6u) : inc0), i < prefix);
	if (prefix == 9)
		vepu_cabac_exp_golomb(c, v - 9, 3);
	if (v)
		vepu_cabac_bypass(c, mvd < 0);
}

/*
 * mb_qp_delta: unary of its Table 9-3 mapping; the first bin's context
 * depends on whether the previous macroblock's was nonzero (9.3.3.1.1.5).
 */
static void vepu_cabac_qp_delta(struct vepu_h264_ctx *c)
{
	int d = c->qp_delta;
	unsigned int v = d > 0 ? 2 * d - 1 : -2 * d, i;

	for (i = 0; i <= v; i++)
		vepu_cabac_decision(c, CTX_QP_DELTA + (i ? min(i + 1, 3u) : !!c->prev_qp_delta),
				    i < v);
	c->prev_qp_delta = d;
}

/* coded_block_pattern: FL luma prefix, TU chroma suffix (9.3.3.1.1.4). */
static void vepu_cabac_cbp(struct vepu_h264_ctx *c, const struct vepu_h264_mb *a,
			   const struct vepu_h264_mb *b, unsigned int luma, unsigned int chroma)
{
	unsigned int b8, ca, cb;

	for (b8 = 0; b8 < 4; b8++) {
		/* condTermFlagN: the neighbouring 8x8 block exists and is not coded */
		if (b8 & 1)
			ca = !(luma & BIT(b8 - 1));
		else
			ca = a && !(a->cbp & BIT(b8 + 1));
		if (b8 & 2)
			cb = !(luma & BIT(b8 - 2));
		else
			cb = b && !(b->cbp & BIT(b8 + 2));
		vepu_cabac_decision(c, CTX_CBP_LUMA + ca + 2 * cb, (luma >> b8) & 1);
	}
	ca = a && (a->cbp >> 4);
	cb = b && (b->cbp >> 4);
	vepu_cabac_decision(c, CTX_CBP_CHROMA + ca + 2 * cb, !!chroma);
	if (!chroma)
		return;
	ca = a && (a->cbp >> 4) == 2;
	cb = b && (b->cbp >> 4) == 2;
	vepu_cabac_decision(c, CTX_CBP_CHROMA + 4 + ca + 2 * cb, chroma == 2);
}

/*
 * coeff_abs_level_minus1 and coeff_sign_flag of the nonzero levels up to
 * @last, in reverse scan order: TU prefix cMax 14 then EG0, bypass sign.
 * The contexts after the first bin count the levels above one, up to
 * @gt1_max (9.3.3.1.3).
 */
static void vepu_cabac_levels(struct vepu_h264_ctx *c, unsigned int base, const s16 *coef,
			      unsigned int last, unsigned int gt1_max)
{
	unsigned int i, eq1 = 0, gt1 = 0;

	for (i = last + 1; i-- > 0;) {
		unsigned int v, prefix, k, ctx0, ctxn;

		if (!coef[i])
			continue;
		v = (coef[i] < 0 ? -coef[i] : coef[i]) - 1;
		prefix = min(v, 14u);
		ctx0 = base + (gt1 ? 0 : min(4u, 1 + eq1));
		ctxn = base + 5 + min(gt1_max, gt1);
		for (k = 0; k <= prefix && k < 14; k++)
			vepu_cabac_decision(c, k ? ctxn : ctx0, k < prefix);
		if (prefix == 14)
			vepu_cabac_exp_golomb(c, v - 14, 0);
		vepu_cabac_bypass(c, coef[i] < 0);
		if (v)
			gt1++;
		else
			eq1++;
	}
}

/**
 * vepu_cabac_residual_block() - residual_block_cabac() (7.3.5.3.3)
 * @c:		picture state
 * @cat:	ctxBlockCat
 * @coef:	levels in scan order
 * @max:	maxNumCoeff
 * @cbf_inc:	ctxIdxInc of coded_block_flag from the neighbouring blocks
 */
static void vepu_cabac_residual_block(struct vepu_h264_ctx *c, unsigned int cat,
				      const s16 *coef, unsigned int max, unsigned int cbf_inc)
{
	unsigned int i, last = 0, coded = 0;

	for (i = 0; i < max; i++)
		if (coef[i]) {
			last = i;
			coded = 1;
		}
	vepu_cabac_decision(c, CTX_CODED_BLOCK + vepu_cbf_offset[cat] + cbf_inc, coded);
	if (!coded)
		return;
	/* The significance map; the last position's flag is implied. */
	for (i = 0; i + 1 < max; i++) {
		unsigned int inc = vepu_sig_offset[cat] + (cat == CAT_CHROMA_DC ? min(i, 2u) : i);

		vepu_cabac_decision(c, CTX_SIG + inc, !!coef[i]);
		if (!coef[i])
			continue;
		vepu_cabac_decision(c, CTX_LAST + inc, i == last);
		if (i == last)
			break;
	}
	vepu_cabac_levels(c, CTX_ABS_LEVEL + vepu_abs_offset[cat], coef, last,
			  cat == CAT_CHROMA_DC ? 3 : 4);
}

/*
 * An 8x8 block (ctxBlockCat 5): no coded_block_flag (it is inferred), the
 * significance map's contexts from Table 9-43 (frame coded), levels as
 * in the other categories.
 */
static void vepu_cabac_residual_8x8(struct vepu_h264_ctx *c, const s16 coef[64])
{
	static const u8 sig[63] = {
		0, 1, 2, 3, 4, 5, 5, 4, 4, 3, 3, 4, 4, 4, 5, 5,
		4, 4, 4, 4, 3, 3, 6, 7, 7, 7, 8, 9, 10, 9, 8, 7,
		7, 6, 11, 12, 13, 11, 6, 7, 8, 9, 14, 10, 9, 8, 6, 11,
		12, 13, 11, 6, 9, 14, 10, 9, 11, 12, 13, 11, 14, 10, 12,
	};
	static const u8 last[63] = {
		0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
		3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4,
		5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8,
	};
	unsigned int i, end = 0;

	for (i = 0; i < 64; i++)
		if (coef[i])
			end = i;
	for (i = 0; i < 63; i++) {
		vepu_cabac_decision(c, CTX_SIG_8X8 + sig[i], !!coef[i]);
		if (!coef[i])
			continue;
		vepu_cabac_decision(c, CTX_LAST_8X8 + last[i], i == end);
		if (i == end)
			break;
	}
	vepu_cabac_levels(c, CTX_ABS_LEVEL_8X8, coef, end, 4);
}

static unsigned int vepu_cabac_count(const s16 *coef, unsigned int n)
{
	unsigned int i, nz = 0;

	for (i = 0; i < n; i++)
		nz += !!coef[i];
	return nz;
}

/* What neighbouring blocks' contexts depend on: pattern, DC flags, counts. */
static void vepu_cabac_block_flags(struct vepu_h264_mb *mb, const struct vepu_h264_coeffs *co)
{
	bool intra16 = mb->type == MB_I16;
	unsigned int blk, comp;

	mb->coded_dc = intra16 && vepu_cabac_count(co->luma_dc, 16);
	for (blk = 0; blk < 16; blk++) {
		unsigned int b8 = blk % 4 / 2 + blk / 8 * 2;

		if (!(co->cbp_luma & BIT(b8)))
			mb->nnz[blk] = 0;
		else if (co->t8x8)	/* the 8x8 block's coefficients */
			mb->nnz[blk] = vepu_cabac_count(co->luma8[b8], 64);
		else
			mb->nnz[blk] = vepu_cabac_count(co->luma[blk] + intra16, 16 - intra16);
	}
	for (comp = 0; comp < 2; comp++) {
		if (co->cbp_chroma && vepu_cabac_count(co->chroma_dc[comp], 4))
			mb->coded_dc |= 2 << comp;
		for (blk = 0; blk < 4; blk++)
			mb->nnz[16 + comp * 4 + blk] = co->cbp_chroma == 2 ?
				vepu_cabac_count(co->chroma[comp * 4 + blk] + 1, 15) : 0;
	}
}

/*
 * coded_block_flag's ctxIdxInc (9.3.3.1.1.9) for a block whose left and
 * above neighbours have the given flags; -1 marks a neighbour outside the
 * picture, which counts as coded for intra macroblocks only.
 */
static unsigned int vepu_cabac_cbf_inc(int fa, int fb, bool intra)
{
	unsigned int ca = fa < 0 ? intra : !!fa, cb = fb < 0 ? intra : !!fb;

	return ca + 2 * cb;
}

static void vepu_cabac_residual(struct vepu_h264_ctx *c, const struct vepu_h264_mb *mb,
				const struct vepu_h264_mb *a, const struct vepu_h264_mb *b,
				const struct vepu_h264_coeffs *co)
{
	bool intra = vepu_h264_is_intra(mb), intra16 = mb->type == MB_I16;
	unsigned int i, comp;

	if (intra16)
		vepu_cabac_residual_block(c, CAT_LUMA_DC, co->luma_dc, 16,
					  vepu_cabac_cbf_inc(a ? a->coded_dc & 1 : -1,
							     b ? b->coded_dc & 1 : -1, intra));
	for (i = 0; i < 16; i++) {
		unsigned int blk = vepu_h264_blk_order[i];
		int fa, fb;

		if (!(co->cbp_luma & BIT(i / 4)))
			continue;
		if (co->t8x8) {
			if (i % 4 == 0)
				vepu_cabac_residual_8x8(c, co->luma8[i / 4]);
			continue;
		}
		fa = vepu_h264_nbr_nnz(mb->nnz, a, 0, blk, 4, true);
		fb = vepu_h264_nbr_nnz(mb->nnz, b, 0, blk, 4, false);
		vepu_cabac_residual_block(c, intra16 ? CAT_LUMA_AC : CAT_LUMA_4X4,
					  co->luma[blk] + intra16, 16 - intra16,
					  vepu_cabac_cbf_inc(fa, fb, intra));
	}
	if (!co->cbp_chroma)
		return;
	for (comp = 0; comp < 2; comp++)
		vepu_cabac_residual_block(c, CAT_CHROMA_DC, co->chroma_dc[comp], 4,
					  vepu_cabac_cbf_inc(a ? a->coded_dc & (2 << comp) : -1,
							     b ? b->coded_dc & (2 << comp) : -1,
							     intra));
	if (co->cbp_chroma < 2)
		return;
	for (comp = 0; comp < 2; comp++)
		for (i = 0; i < 4; i++) {
			int fa = vepu_h264_nbr_nnz(mb->nnz, a, 16 + comp * 4, i, 2, true);
			int fb = vepu_h264_nbr_nnz(mb->nnz, b, 16 + comp * 4, i, 2, false);

			vepu_cabac_residual_block(c, CAT_CHROMA_AC, co->chroma[comp * 4 + i] + 1,
						  15, vepu_cabac_cbf_inc(fa, fb, intra));
		}
}

/*
 * mb_type of a P macroblock (Table 9-37: P_L0_16x16 0 0 0, P_L0_L0_16x8
 * 0 1 1, P_L0_L0_8x16 0 1 0, P_8x8 0 0 1; the third bin's ctxIdx 16 after a
 * 0, 17 after a 1, 9.3.3.1.2), then P_8x8's four sub_mb_types P_L0_8x8,
 * each bin 1 (Table 9-38).
 */
static void vepu_cabac_mb_type_p(struct vepu_h264_ctx *c, unsigned int type)
{
	static const u8 bins[VEPU_H264_P_SHAPES] = { 0x0, 0x3, 0x2, 0x1 };
	unsigned int b = bins[type - MB_P16], i;

	vepu_cabac_decision(c, CTX_MB_TYPE_P, 0);
	vepu_cabac_decision(c, CTX_MB_TYPE_P + 1, b >> 1);
	vepu_cabac_decision(c, CTX_MB_TYPE_P + 2 + (b >> 1), b & 1);
	for (i = 0; type == MB_P8X8 && i < 4; i++)
		vepu_cabac_decision(c, CTX_SUB_MB_TYPE_P, 1);
}

/*
 * The motion vector differences of each partition; one reference, so no
 * ref_idx. Each partition's absolute differences go into the quadrants it
 * covers, where the partitions after it find them.
 */
static void vepu_cabac_mvds(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			    struct vepu_h264_mb *mb, const s16 mvd[4][2])
{
	unsigned int shape = mb->type - MB_P16, part, comp, q;

	for (part = 0; part < vepu_h264_part_count[shape]; part++) {
		const struct vepu_h264_part *p = &vepu_h264_parts[shape][part];

		for (comp = 0; comp < 2; comp++)
			vepu_cabac_mvd(c, comp ? CTX_MVD_Y : CTX_MVD_X, mvd[part][comp],
				       vepu_h264_mvd_sum(c, mbx, mby, mb->type, part, comp));
		for (q = 0; q < 4; q++) {
			if (!vepu_h264_part_covers(p, q))
				continue;
			for (comp = 0; comp < 2; comp++)
				mb->abs_mvd[q][comp] = min(mvd[part][comp] < 0 ? -mvd[part][comp] :
							   mvd[part][comp], 0xffff);
		}
	}
}

/* transform_size_8x8_flag's ctxIdxInc: neighbours that use 8x8 (9.3.3.1.1.10). */
static unsigned int vepu_cabac_t8_inc(const struct vepu_h264_mb *a, const struct vepu_h264_mb *b)
{
	return (a && a->t8x8) + (b && b->t8x8);
}

/**
 * vepu_h264_cabac_mb() - one coded macroblock (7.3.5) in CABAC
 * @c:		picture state; the macroblock's entry receives what later
 *		macroblocks' contexts need
 * @mbx:	column
 * @mby:	row
 * @co:		levels, with coded_block_pattern decided
 * @i16_mode:	Intra16x16PredMode, for Intra_16x16 macroblocks
 * @chroma_mode: intra_chroma_pred_mode, for intra macroblocks
 * @mvd:	motion vector difference of each partition, for inter
 *		macroblocks
 */
void vepu_h264_cabac_mb(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			const struct vepu_h264_coeffs *co, unsigned int i16_mode,
			unsigned int chroma_mode, const s16 mvd[4][2])
{
	struct vepu_h264_mb *mb = &c->mbs[mby * c->mbw + mbx];
	const struct vepu_h264_mb *a, *b;

	vepu_cabac_nbrs(c, mbx, mby, &a, &b);
	if (!c->job->intra)
		vepu_h264_cabac_skip(c, mbx, mby, false);
	vepu_cabac_block_flags(mb, co);
	if (vepu_h264_is_intra(mb)) {
		mb->chroma_mode = chroma_mode;
		vepu_cabac_mb_type_intra(c, mb, a, b, co, i16_mode);
		if (mb->type == MB_I4 && c->job->transform_8x8)
			vepu_cabac_decision(c, CTX_T8X8 + vepu_cabac_t8_inc(a, b), co->t8x8);
		if (mb->type == MB_I4)
			vepu_cabac_i4_modes(c, mbx, mby, mb->i4_modes, co->t8x8);
		vepu_cabac_chroma_mode(c, a, b, chroma_mode);
	} else {
		vepu_cabac_mb_type_p(c, mb->type);
		vepu_cabac_mvds(c, mbx, mby, mb, mvd);
	}
	if (mb->type != MB_I16)
		vepu_cabac_cbp(c, a, b, co->cbp_luma, co->cbp_chroma);
	if (vepu_h264_is_coded_inter(mb) && co->cbp_luma && c->job->transform_8x8)
		vepu_cabac_decision(c, CTX_T8X8 + vepu_cabac_t8_inc(a, b), co->t8x8);
	if (mb->type == MB_I16 || co->cbp_luma || co->cbp_chroma)
		vepu_cabac_qp_delta(c);
	else
		c->prev_qp_delta = 0;
	vepu_cabac_residual(c, mb, a, b, co);
}
