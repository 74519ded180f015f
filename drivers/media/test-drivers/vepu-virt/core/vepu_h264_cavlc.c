// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: slice header and macroblock layer in CAVLC
 * (7.3.4, 7.3.5, 9.2). The code tables are those of ITU-T H.264 Tables
 * 9-5, 9-7, 9-8, 9-9(a) and 9-10, each entry { length, code }.
 */

#include <linux/bits.h>
#include <linux/string.h>

#include "vepu_h264_internal.h"

struct vepu_vlc {
	u8 len;
	u8 code;
};

/* Table 9-5, 0 <= nC < 2, 2 <= nC < 4, 4 <= nC < 8: [TotalCoeff][TrailingOnes] */
static const struct vepu_vlc vepu_coeff_token_tab[3][17][4] = {
	{
		{ { 1, 1 }, { 0, 0 }, { 0, 0 }, { 0, 0 } },
		{ { 6, 5 }, { 2, 1 }, { 0, 0 }, { 0, 0 } },
		{ { 8, 7 }, { 6, 4 }, { 3, 1 }, { 0, 0 } },
		{ { 9, 7 }, { 8, 6 }, { 7, 5 }, { 5, 3 } },
		{ { 10, 7 }, { 9, 6 }, { 8, 5 }, { 6, 3 } },
		{ { 11, 7 }, { 10, 6 }, { 9, 5 }, { 7, 4 } },
		{ { 13, 15 }, { 11, 6 }, { 10, 5 }, { 8, 4 } },
		{ { 13, 11 }, { 13, 14 }, { 11, 5 }, { 9, 4 } },
		{ { 13, 8 }, { 13, 10 }, { 13, 13 }, { 10, 4 } },
		{ { 14, 15 }, { 14, 14 }, { 13, 9 }, { 11, 4 } },
		{ { 14, 11 }, { 14, 10 }, { 14, 13 }, { 13, 12 } },
		{ { 15, 15 }, { 15, 14 }, { 14, 9 }, { 14, 12 } },
		{ { 15, 11 }, { 15, 10 }, { 15, 13 }, { 14, 8 } },
		{ { 16, 15 }, { 15, 1 }, { 15, 9 }, { 15, 12 } },
		{ { 16, 11 }, { 16, 14 }, { 16, 13 }, { 15, 8 } },
		{ { 16, 7 }, { 16, 10 }, { 16, 9 }, { 16, 12 } },
		{ { 16, 4 }, { 16, 6 }, { 16, 5 }, { 16, 8 } },
	},
	{
		{ { 2, 3 }, { 0, 0 }, { 0, 0 }, { 0, 0 } },
		{ { 6, 11 }, { 2, 2 }, { 0, 0 }, { 0, 0 } },
		{ { 6, 7 }, { 5, 7 }, { 3, 3 }, { 0, 0 } },
		{ { 7, 7 }, { 6, 10 }, { 6, 9 }, { 4, 5 } },
		{ { 8, 7 }, { 6, 6 }, { 6, 5 }, { 4, 4 } },
		{ { 8, 4 }, { 7, 6 }, { 7, 5 }, { 5, 6 } },
		{ { 9, 7 }, { 8, 6 }, { 8, 5 }, { 6, 8 } },
		{ { 11, 15 }, { 9, 6 }, { 9, 5 }, { 6, 4 } },
		{ { 11, 11 }, { 11, 14 }, { 11, 13 }, { 7, 4 } },
		{ { 12, 15 }, { 11, 10 }, { 11, 9 }, { 9, 4 } },
		{ { 12, 11 }, { 12, 14 }, { 12, 13 }, { 11, 12 } },
		{ { 12, 8 }, { 12, 10 }, { 12, 9 }, { 11, 8 } },
		{ { 13, 15 }, { 13, 14 }, { 13, 13 }, { 12, 12 } },
		{ { 13, 11 }, { 13, 10 }, { 13, 9 }, { 13, 12 } },
		{ { 13, 7 }, { 14, 11 }, { 13, 6 }, { 13, 8 } },
		{ { 14, 9 }, { 14, 8 }, { 14, 10 }, { 13, 1 } },
		{ { 14, 7 }, { 14, 6 }, { 14, 5 }, { 14, 4 } },
	},
	{
		{ { 4, 15 }, { 0, 0 }, { 0, 0 }, { 0, 0 } },
		{ { 6, 15 }, { 4, 14 }, { 0, 0 }, { 0, 0 } },
		{ { 6, 11 }, { 5, 15 }, { 4, 13 }, { 0, 0 } },
		{ { 6, 8 }, { 5, 12 }, { 5, 14 }, { 4, 12 } },
		{ { 7, 15 }, { 5, 10 }, { 5, 11 }, { 4, 11 } },
		{ { 7, 11 }, { 5, 8 }, { 5, 9 }, { 4, 10 } },
		{ { 7, 9 }, { 6, 14 }, { 6, 13 }, { 4, 9 } },
		{ { 7, 8 }, { 6, 10 }, { 6, 9 }, { 4, 8 } },
		{ { 8, 15 }, { 7, 14 }, { 7, 13 }, { 5, 13 } },
		{ { 8, 11 }, { 8, 14 }, { 7, 10 }, { 6, 12 } },
		{ { 9, 15 }, { 8, 10 }, { 8, 13 }, { 7, 12 } },
		{ { 9, 11 }, { 9, 14 }, { 8, 9 }, { 8, 12 } },
		{ { 9, 8 }, { 9, 10 }, { 9, 13 }, { 8, 8 } },
		{ { 10, 13 }, { 9, 7 }, { 9, 9 }, { 9, 12 } },
		{ { 10, 9 }, { 10, 12 }, { 10, 11 }, { 10, 10 } },
		{ { 10, 5 }, { 10, 8 }, { 10, 7 }, { 10, 6 } },
		{ { 10, 1 }, { 10, 4 }, { 10, 3 }, { 10, 2 } },
	},
};

/* Table 9-5, nC == -1 (chroma DC): [TotalCoeff][TrailingOnes] */
static const struct vepu_vlc vepu_coeff_token_cdc[5][4] = {
	{ { 2, 1 }, { 0, 0 }, { 0, 0 }, { 0, 0 } },
	{ { 6, 7 }, { 1, 1 }, { 0, 0 }, { 0, 0 } },
	{ { 6, 4 }, { 6, 6 }, { 3, 1 }, { 0, 0 } },
	{ { 6, 3 }, { 7, 3 }, { 7, 2 }, { 6, 5 } },
	{ { 6, 2 }, { 8, 3 }, { 8, 2 }, { 7, 0 } },
};

/* Tables 9-7 and 9-8: [TotalCoeff - 1][total_zeros] */
static const struct vepu_vlc vepu_total_zeros[15][16] = {
	{ { 1, 1 }, { 3, 3 }, { 3, 2 }, { 4, 3 }, { 4, 2 }, { 5, 3 }, { 5, 2 }, { 6, 3 },
	  { 6, 2 }, { 7, 3 }, { 7, 2 }, { 8, 3 }, { 8, 2 }, { 9, 3 }, { 9, 2 }, { 9, 1 } },
	{ { 3, 7 }, { 3, 6 }, { 3, 5 }, { 3, 4 }, { 3, 3 }, { 4, 5 }, { 4, 4 }, { 4, 3 },
	  { 4, 2 }, { 5, 3 }, { 5, 2 }, { 6, 3 }, { 6, 2 }, { 6, 1 }, { 6, 0 } },
	{ { 4, 5 }, { 3, 7 }, { 3, 6 }, { 3, 5 }, { 4, 4 }, { 4, 3 }, { 3, 4 }, { 3, 3 },
	  { 4, 2 }, { 5, 3 }, { 5, 2 }, { 6, 1 }, { 5, 1 }, { 6, 0 } },
	{ { 5, 3 }, { 3, 7 }, { 4, 5 }, { 4, 4 }, { 3, 6 }, { 3, 5 }, { 3, 4 }, { 4, 3 },
	  { 3, 3 }, { 4, 2 }, { 5, 2 }, { 5, 1 }, { 5, 0 } },
	{ { 4, 5 }, { 4, 4 }, { 4, 3 }, { 3, 7 }, { 3, 6 }, { 3, 5 }, { 3, 4 }, { 3, 3 },
	  { 4, 2 }, { 5, 1 }, { 4, 1 }, { 5, 0 } },
	{ { 6, 1 }, { 5, 1 }, { 3, 7 }, { 3, 6 }, { 3, 5 }, { 3, 4 }, { 3, 3 }, { 3, 2 },
	  { 4, 1 }, { 3, 1 }, { 6, 0 } },
	{ { 6, 1 }, { 5, 1 }, { 3, 5 }, { 3, 4 }, { 3, 3 }, { 2, 3 }, { 3, 2 }, { 4, 1 },
	  { 3, 1 }, { 6, 0 } },
	{ { 6, 1 }, { 4, 1 }, { 5, 1 }, { 3, 3 }, { 2, 3 }, { 2, 2 }, { 3, 2 }, { 3, 1 },
	  { 6, 0 } },
	{ { 6, 1 }, { 6, 0 }, { 4, 1 }, { 2, 3 }, { 2, 2 }, { 3, 1 }, { 2, 1 }, { 5, 1 } },
	{ { 5, 1 }, { 5, 0 }, { 3, 1 }, { 2, 3 }, { 2, 2 }, { 2, 1 }, { 4, 1 } },
	{ { 4, 0 }, { 4, 1 }, { 3, 1 }, { 3, 2 }, { 1, 1 }, { 3, 3 } },
	{ { 4, 0 }, { 4, 1 }, { 2, 1 }, { 1, 1 }, { 3, 1 } },
	{ { 3, 0 }, { 3, 1 }, { 1, 1 }, { 2, 1 } },
	{ { 2, 0 }, { 2, 1 }, { 1, 1 } },
	{ { 1, 0 }, { 1, 1 } },
};

/* Table 9-9(a), chroma DC 4:2:0: [TotalCoeff - 1][total_zeros] */
static const struct vepu_vlc vepu_total_zeros_cdc[3][4] = {
	{ { 1, 1 }, { 2, 1 }, { 3, 1 }, { 3, 0 } },
	{ { 1, 1 }, { 2, 1 }, { 2, 0 } },
	{ { 1, 1 }, { 1, 0 } },
};

/* Table 9-10: [min(zerosLeft, 7) - 1][run_before] */
static const struct vepu_vlc vepu_run_before[7][15] = {
	{ { 1, 1 }, { 1, 0 } },
	{ { 1, 1 }, { 2, 1 }, { 2, 0 } },
	{ { 2, 3 }, { 2, 2 }, { 2, 1 }, { 2, 0 } },
	{ { 2, 3 }, { 2, 2 }, { 2, 1 }, { 3, 1 }, { 3, 0 } },
	{ { 2, 3 }, { 2, 2 }, { 3, 3 }, { 3, 2 }, { 3, 1 }, { 3, 0 } },
	{ { 2, 3 }, { 3, 0 }, { 3, 1 }, { 3, 3 }, { 3, 2 }, { 3, 5 }, { 3, 4 } },
	{ { 3, 7 }, { 3, 6 }, { 3, 5 }, { 3, 4 }, { 3, 3 }, { 3, 2 }, { 3, 1 }, { 4, 1 },
	  { 5, 1 }, { 6, 1 }, { 7, 1 }, { 8, 1 }, { 9, 1 }, { 10, 1 }, { 11, 1 } },
};

/* Table 9-4 (ChromaArrayType 1): coded_block_pattern -> codeNum, Intra_4x4 and Inter. */
static const u8 vepu_cbp_intra[48] = {
	3, 29, 30, 17, 31, 18, 37, 8, 32, 38, 19, 9, 20, 10, 11, 2,
	16, 33, 34, 21, 35, 22, 39, 4, 36, 40, 23, 5, 24, 6, 7, 1,
	41, 42, 43, 25, 44, 26, 46, 12, 45, 47, 27, 13, 28, 14, 15, 0,
};

static const u8 vepu_cbp_inter[48] = {
	0, 2, 3, 7, 4, 8, 17, 13, 5, 18, 9, 14, 10, 15, 16, 11,
	1, 32, 33, 36, 34, 37, 44, 40, 35, 45, 38, 41, 39, 42, 43, 19,
	6, 24, 25, 20, 26, 21, 46, 28, 27, 47, 22, 29, 23, 30, 31, 12,
};

static void vepu_put_vlc(struct h264_bw *bw, struct vepu_vlc v)
{
	h264_bw_put(bw, v.len, v.code);
}

/* coeff_token for a given nC (9.2.1); nC == -1 is chroma DC. */
static void vepu_coeff_token(struct h264_bw *bw, int nc, unsigned int tc, unsigned int t1)
{
	if (nc == -1)
		vepu_put_vlc(bw, vepu_coeff_token_cdc[tc][t1]);
	else if (nc < 2)
		vepu_put_vlc(bw, vepu_coeff_token_tab[0][tc][t1]);
	else if (nc < 4)
		vepu_put_vlc(bw, vepu_coeff_token_tab[1][tc][t1]);
	else if (nc < 8)
		vepu_put_vlc(bw, vepu_coeff_token_tab[2][tc][t1]);
	else
		h264_bw_put(bw, 6, tc ? ((tc - 1) << 2) | t1 : 3);
}

/* One level_prefix/level_suffix pair (9.2.2.1, inverted). */
static void vepu_level(struct h264_bw *bw, unsigned int code, unsigned int sl)
{
	unsigned int prefix, suffix_len, suffix;

	if (sl == 0 && code < 14) {
		prefix = code;
		suffix_len = 0;
		suffix = 0;
	} else if (sl == 0 && code < 30) {
		prefix = 14;
		suffix_len = 4;
		suffix = code - 14;
	} else if (sl == 0) {
		prefix = 15;
		suffix_len = 12;
		suffix = code - 30;
	} else if (code < (15u << sl)) {
		prefix = code >> sl;
		suffix_len = sl;
		suffix = code & ((1u << sl) - 1);
	} else {
		prefix = 15;
		suffix_len = 12;
		suffix = code - (15u << sl);
	}
	h264_bw_put(bw, prefix + 1, 1);
	h264_bw_put(bw, suffix_len, suffix);
}

/**
 * vepu_h264_residual_block() - residual_block_cavlc() (7.3.5.3.2)
 * @bw:		output
 * @coef:	levels in scan order, starting at the block's first coded index
 * @max:	maxNumCoeff (4, 15 or 16)
 * @nc:		nC of the block
 *
 * Return: TotalCoeff, which neighbouring blocks' nC is derived from.
 */
static unsigned int vepu_h264_residual_block(struct h264_bw *bw, const s16 *coef,
					     unsigned int max, int nc)
{
	unsigned int pos[16], n = 0, t1 = 0, i, sl, zeros_left, total_zeros;
	int level[16];

	/* Non-zero levels from the highest frequency down, and where they are. */
	for (i = max; i-- > 0;)
		if (coef[i]) {
			level[n] = coef[i];
			pos[n++] = i;
		}
	while (t1 < n && t1 < 3 && (level[t1] == 1 || level[t1] == -1))
		t1++;
	vepu_coeff_token(bw, nc, n, t1);
	if (!n)
		return 0;
	for (i = 0; i < t1; i++)
		h264_bw_put(bw, 1, level[i] < 0);
	sl = n > 10 && t1 < 3 ? 1 : 0;
	for (i = t1; i < n; i++) {
		unsigned int mag = level[i] < 0 ? -level[i] : level[i];
		unsigned int code = 2 * mag - 2 + (level[i] < 0);

		/* The first level after fewer than three trailing ones is not +-1. */
		if (i == t1 && t1 < 3)
			code -= 2;
		vepu_level(bw, code, sl);
		if (!sl)
			sl = 1;
		if (mag > (3u << (sl - 1)) && sl < 6)
			sl++;
	}
	total_zeros = pos[0] + 1 - n;
	if (n < max) {
		if (max == 4)
			vepu_put_vlc(bw, vepu_total_zeros_cdc[n - 1][total_zeros]);
		else
			vepu_put_vlc(bw, vepu_total_zeros[n - 1][total_zeros]);
	}
	zeros_left = total_zeros;
	for (i = 0; i + 1 < n && zeros_left; i++) {
		unsigned int run = pos[i] - pos[i + 1] - 1;

		vepu_put_vlc(bw, vepu_run_before[(zeros_left > 7 ? 7 : zeros_left) - 1][run]);
		zeros_left -= run;
	}
	return n;
}

/*
 * nC of a 4x4 block (9.2.1) from the blocks left of and above it, which
 * may lie in the neighbouring macroblocks. @idx is the raster index in a
 * 4-wide (luma) or 2-wide (chroma) grid, @base the first nnz of the grid.
 */
static int vepu_h264_nc(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			const u8 *cur, unsigned int idx, unsigned int base, unsigned int w)
{
	const struct vepu_h264_mb *mb = &c->mbs[mby * c->mbw + mbx];
	int na = vepu_h264_nbr_nnz(cur, mbx ? mb - 1 : NULL, base, idx, w, true);
	int nb = vepu_h264_nbr_nnz(cur, mby ? mb - c->mbw : NULL, base, idx, w, false);

	if (na >= 0 && nb >= 0)
		return (na + nb + 1) >> 1;
	if (na >= 0)
		return na;
	return nb >= 0 ? nb : 0;
}

static void vepu_h264_write_residual(struct vepu_h264_ctx *c, unsigned int mbx,
				     unsigned int mby, const struct vepu_h264_coeffs *co,
				     bool intra16, u8 nnz[24])
{
	unsigned int i, comp, first = intra16 ? 1 : 0;

	memset(nnz, 0, 24);
	if (intra16)
		vepu_h264_residual_block(&c->bw, co->luma_dc, 16,
					 vepu_h264_nc(c, mbx, mby, nnz, 0, 0, 4));
	for (i = 0; i < 16; i++) {
		unsigned int b = vepu_h264_blk_order[i], k;
		s16 part[16];
		int nc;

		if (!(co->cbp_luma & BIT(i / 4)))
			continue;
		nc = vepu_h264_nc(c, mbx, mby, nnz, b, 0, 4);
		if (!co->t8x8) {
			nnz[b] = vepu_h264_residual_block(&c->bw, co->luma[b] + first, 16 - first,
							  nc);
			continue;
		}
		/* An 8x8 block goes as four interleaved 4x4 ones (7.3.5.3). */
		for (k = 0; k < 16; k++)
			part[k] = co->luma8[i / 4][4 * k + i % 4];
		nnz[b] = vepu_h264_residual_block(&c->bw, part, 16, nc);
	}
	if (!co->cbp_chroma)
		return;
	for (comp = 0; comp < 2; comp++)
		vepu_h264_residual_block(&c->bw, co->chroma_dc[comp], 4, -1);
	if (co->cbp_chroma < 2)
		return;
	for (comp = 0; comp < 2; comp++)
		for (i = 0; i < 4; i++) {
			unsigned int base = 16 + comp * 4;
			int nc = vepu_h264_nc(c, mbx, mby, nnz, i, base, 2);

			nnz[base + i] = vepu_h264_residual_block(&c->bw,
								 co->chroma[comp * 4 + i] + 1,
								 15, nc);
		}
}

/*
 * prev_intra4x4_pred_mode_flag / rem_intra4x4_pred_mode of 16 blocks, or
 * their 8x8 twins of four (each 8x8 block's mode sits in its 4x4 entries).
 */
static void vepu_h264_write_i4_modes(struct vepu_h264_ctx *c, unsigned int mbx,
				     unsigned int mby, const u8 modes[16], bool t8x8)
{
	unsigned int i;

	for (i = 0; i < 16; i += t8x8 ? 4 : 1) {
		unsigned int b = vepu_h264_blk_order[i];
		unsigned int pred = vepu_h264_predicted_i4_mode(c, mbx, mby, b, modes);

		if (modes[b] == pred) {
			h264_bw_put(&c->bw, 1, 1);
		} else {
			h264_bw_put(&c->bw, 1, 0);
			h264_bw_put(&c->bw, 3, modes[b] < pred ? modes[b] : modes[b] - 1);
		}
	}
}

/**
 * vepu_h264_cavlc_mb() - one coded macroblock, after the pending skip run
 * @c:		picture state; the macroblock's entry receives its nnz
 * @mbx:	column
 * @mby:	row
 * @co:		levels, with coded_block_pattern decided
 * @i16_mode:	Intra16x16PredMode, for Intra_16x16 macroblocks
 * @chroma_mode: intra_chroma_pred_mode, for intra macroblocks
 * @mvd:	motion vector difference of each partition, for inter
 *		macroblocks
 */
void vepu_h264_cavlc_mb(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			const struct vepu_h264_coeffs *co, unsigned int i16_mode,
			unsigned int chroma_mode, const s16 mvd[4][2])
{
	struct vepu_h264_mb *mb = &c->mbs[mby * c->mbw + mbx];
	struct h264_bw *bw = &c->bw;
	bool intra16 = mb->type == MB_I16;
	unsigned int i;

	if (!c->job->intra) {
		h264_bw_ue(bw, c->skip_run);
		c->skip_run = 0;
	}
	if (intra16) {
		/* Table 7-11; intra types follow the five P types in P slices. */
		h264_bw_ue(bw, (c->job->intra ? 0 : 5) + 1 + i16_mode + 4 * co->cbp_chroma +
			   (co->cbp_luma ? 12 : 0));
		h264_bw_ue(bw, chroma_mode);
	} else if (mb->type == MB_I4) {
		h264_bw_ue(bw, c->job->intra ? 0 : 5);	/* I_NxN */
		if (c->job->transform_8x8)
			h264_bw_put(bw, 1, co->t8x8);	/* transform_size_8x8_flag */
		vepu_h264_write_i4_modes(c, mbx, mby, mb->i4_modes, co->t8x8);
		h264_bw_ue(bw, chroma_mode);
		h264_bw_ue(bw, vepu_cbp_intra[co->cbp_chroma * 16 + co->cbp_luma]);
	} else {
		/* mb_type (Table 7-13); one reference: no ref_idx. */
		h264_bw_ue(bw, mb->type - MB_P16);
		for (i = 0; mb->type == MB_P8X8 && i < 4; i++)
			h264_bw_ue(bw, 0);	/* sub_mb_type P_L0_8x8 */
		for (i = 0; i < vepu_h264_part_count[mb->type - MB_P16]; i++) {
			h264_bw_se(bw, mvd[i][0]);
			h264_bw_se(bw, mvd[i][1]);
		}
		h264_bw_ue(bw, vepu_cbp_inter[co->cbp_chroma * 16 + co->cbp_luma]);
		if (c->job->transform_8x8 && co->cbp_luma)
			h264_bw_put(bw, 1, co->t8x8);	/* transform_size_8x8_flag */
	}
	if (intra16 || co->cbp_luma || co->cbp_chroma)
		h264_bw_se(bw, c->qp_delta);
	vepu_h264_write_residual(c, mbx, mby, co, intra16, mb->nnz);
}

/* slice_header() (7.3.3) with the fixed choices of the hardware. */
void vepu_h264_write_slice_header(struct vepu_h264_ctx *c)
{
	const struct vepu_h264_job *j = c->job;
	struct h264_bw *bw = &c->bw;

	h264_bw_nal_start(bw, j->intra ? H264_NAL_REF_IDC_HIGHEST : H264_NAL_REF_IDC_HIGH,
			  j->intra ? H264_NAL_IDR_SLICE : H264_NAL_SLICE);
	c->nal_start = bw->pos - 1;
	h264_bw_ue(bw, 0);			/* first_mb_in_slice */
	h264_bw_ue(bw, j->intra ? H264_SLICE_TYPE_I_ALL : H264_SLICE_TYPE_P_ALL);
	h264_bw_ue(bw, j->pps_id);
	h264_bw_put(bw, 16, j->frame_num);	/* log2_max_frame_num = 16 */
	if (j->intra)
		h264_bw_ue(bw, j->idr_pic_id);
	/* pic_order_cnt_type 2: no POC syntax */
	if (!j->intra) {
		h264_bw_put(bw, 1, 0);		/* num_ref_idx_active_override_flag */
		h264_bw_put(bw, 1, 0);		/* ref_pic_list_modification_flag_l0 */
	}
	if (j->intra) {
		h264_bw_put(bw, 1, 0);		/* no_output_of_prior_pics_flag */
		h264_bw_put(bw, 1, 0);		/* long_term_reference_flag */
	} else {
		h264_bw_put(bw, 1, 0);		/* adaptive_ref_pic_marking_mode_flag */
	}
	if (j->cabac && !j->intra)
		h264_bw_ue(bw, j->cabac_init_idc);
	h264_bw_se(bw, j->qp - j->pic_init_qp);
	h264_bw_ue(bw, j->deblock_idc);
	if (j->deblock_idc != 1) {
		h264_bw_se(bw, j->alpha_div2);
		h264_bw_se(bw, j->beta_div2);
	}
}
