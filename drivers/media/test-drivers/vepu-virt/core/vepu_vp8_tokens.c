// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: VP8's coefficient tokens, RFC 6386 section 13: each
 * block's levels in zig-zag order as tokens of the coefficient tree, the
 * probabilities chosen by block type, band and what the previous token
 * (or, for the first, the neighbouring blocks) held. Plain C.
 */

#include <linux/kernel.h>

#include "vepu_vp8_internal.h"

/**
 * struct vepu_vp8_category - the extra bits of a token's magnitude range
 * @base:	the smallest magnitude
 * @bits:	how many extra bits follow, most significant first
 * @probs:	their probabilities, RFC 6386 section 13.2 (Pcat1..Pcat6)
 */
struct vepu_vp8_category {
	u16 base;
	u8 bits;
	u8 probs[11];
};

static const struct vepu_vp8_category vepu_vp8_categories[6] = {
	{ 5, 1, { 159 } },
	{ 7, 2, { 165, 145 } },
	{ 11, 3, { 173, 148, 140 } },
	{ 19, 4, { 176, 155, 140, 135 } },
	{ 35, 5, { 180, 157, 141, 134, 130 } },
	{ 67, 11, { 254, 254, 243, 230, 196, 177, 153, 140, 133, 130, 129 } },
};

static unsigned int vepu_vp8_token_of(unsigned int v)
{
	unsigned int i;

	if (v <= 4)
		return HANTRO_VP8_TOKEN_ZERO + v;
	for (i = 5; i > 0 && v < vepu_vp8_categories[i].base; i--)
		;
	return HANTRO_VP8_TOKEN_CAT1 + i;
}

/* Count @node at a block type, band and context, as the hardware does. */
static void vepu_vp8_count(u16 *counts, enum hantro_vp8_count_node node, unsigned int type,
			   unsigned int band, unsigned int ctx)
{
	int i = hantro_vp8_count_index(node, type, band, ctx);

	if (counts && i >= 0 && counts[i] != HANTRO_VP8_COUNT_MAX)
		counts[i]++;
}

/*
 * One block from level @first on; @ctx is how many of the blocks above and
 * to the left have non-zero levels. Returns whether this one has. Counts
 * its tokens in @counts, if given.
 */
static bool vepu_vp8_code_block(struct hantro_vp8_boolenc *e,
				const struct hantro_vp8_probs *probs, unsigned int type,
				const s16 *level, unsigned int first, unsigned int ctx,
				unsigned int *coeffs, u16 *counts)
{
	const u8 (*p)[HANTRO_VP8_PREV_COEF_CONTEXTS][HANTRO_VP8_ENTROPY_NODES] = probs->coef[type];
	int last = -1;
	unsigned int i, start = 0;

	for (i = first; i < 16; i++)
		if (level[hantro_vp8_zigzag[i]])
			last = i;
	for (i = first; (int)i <= last; i++) {
		int l = level[hantro_vp8_zigzag[i]];
		unsigned int v = abs(l), token = vepu_vp8_token_of(v);
		const u8 *np = p[hantro_vp8_coef_bands[i]][ctx];

		hantro_vp8_put_tree(e, hantro_vp8_token_tree, ARRAY_SIZE(hantro_vp8_token_tree), np,
				    token, start);
		vepu_vp8_count(counts, v ? HANTRO_VP8_COUNT_NONZERO : HANTRO_VP8_COUNT_ZERO, type,
			       hantro_vp8_coef_bands[i], ctx);
		if (token >= HANTRO_VP8_TOKEN_CAT1) {
			const struct vepu_vp8_category *c =
				&vepu_vp8_categories[token - HANTRO_VP8_TOKEN_CAT1];
			unsigned int b;

			for (b = 0; b < c->bits; b++)
				hantro_vp8_put_bool(e, c->probs[b],
						    ((v - c->base) >> (c->bits - 1 - b)) & 1);
		}
		if (v)
			hantro_vp8_put_bool(e, 128, l < 0);
		/* After a zero the block cannot end: the next token skips EOB. */
		start = v ? 0 : 2;
		ctx = min(v, 2u);
		*coeffs += !!v;
	}
	if (last < 15) {
		unsigned int band = hantro_vp8_coef_bands[last < 0 ? (int)first : last + 1];

		hantro_vp8_put_tree(e, hantro_vp8_token_tree, ARRAY_SIZE(hantro_vp8_token_tree),
				    p[band][ctx],
				    HANTRO_VP8_TOKEN_EOB, 0);
		vepu_vp8_count(counts, HANTRO_VP8_COUNT_EOB, type, band, ctx);
	}
	return last >= 0;
}

/**
 * vepu_vp8_code_mb_tokens() - code a macroblock's blocks: Y2, luma,
 * Cb, Cr
 * @e:		its token partition
 * @probs:	the coefficient probabilities
 * @mb:		the macroblock
 * @above_nz:	the non-zero flags along the bottom of the macroblock
 *		above, VEPU_VP8_NZ of them; updated
 * @left_nz:	those along the right of the macroblock to the left; updated
 * @counts:	the token counts (hantro_vp8_counts.h) to add to, or NULL
 *
 * Return: the non-zero levels coded.
 */
unsigned int vepu_vp8_code_mb_tokens(struct hantro_vp8_boolenc *e,
				     const struct hantro_vp8_probs *probs,
				     const struct vepu_vp8_mb *mb, u8 *above_nz, u8 *left_nz,
				     u16 *counts)
{
	unsigned int coeffs = 0, first = 0, type = HANTRO_VP8_BLOCK_Y_WITH_DC;
	unsigned int b, x, y;
	bool nz;

	if (mb->has_y2) {
		nz = vepu_vp8_code_block(e, probs, HANTRO_VP8_BLOCK_Y2, mb->level[VEPU_VP8_Y2],
					 0, above_nz[8] + left_nz[8], &coeffs, counts);
		above_nz[8] = nz;
		left_nz[8] = nz;
		first = 1;
		type = HANTRO_VP8_BLOCK_Y_AFTER_Y2;
	}
	for (b = 0; b < 16; b++) {
		x = b & 3;
		y = b >> 2;
		nz = vepu_vp8_code_block(e, probs, type, mb->level[b], first,
					 above_nz[x] + left_nz[y], &coeffs, counts);
		above_nz[x] = nz;
		left_nz[y] = nz;
	}
	/* Cb's flags at 4 and 5, Cr's at 6 and 7. */
	for (b = VEPU_VP8_U; b < VEPU_VP8_Y2; b++) {
		unsigned int base = b < VEPU_VP8_V ? 4 : 6, i = (b - VEPU_VP8_U) & 3;

		x = base + (i & 1);
		y = base + (i >> 1);
		nz = vepu_vp8_code_block(e, probs, HANTRO_VP8_BLOCK_UV, mb->level[b], 0,
					 above_nz[x] + left_nz[y], &coeffs, counts);
		above_nz[x] = nz;
		left_nz[y] = nz;
	}
	return coeffs;
}

/**
 * vepu_vp8_skip_mb_tokens() - the contexts after a macroblock coded
 * without tokens: nothing non-zero, but for Y2 when it has none
 * @mb:		the macroblock
 * @above_nz:	as for vepu_vp8_code_mb_tokens()
 * @left_nz:	as for vepu_vp8_code_mb_tokens()
 */
void vepu_vp8_skip_mb_tokens(const struct vepu_vp8_mb *mb, u8 *above_nz, u8 *left_nz)
{
	unsigned int i;

	for (i = 0; i < VEPU_VP8_NZ; i++) {
		if (i == 8 && !mb->has_y2)
			continue;
		above_nz[i] = 0;
		left_nz[i] = 0;
	}
}
