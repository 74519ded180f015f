// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: VP8's boolean entropy encoder, as RFC 6386 section 7.3
 * describes it: an interval of width range at bottom, narrowed by each
 * symbol in proportion to its probability, renormalised one bit at a
 * time, with a carry into bytes already written.
 */

#include <linux/bits.h>
#include <linux/kernel.h>

#include "hantro_vp8_boolenc.h"

/**
 * hantro_vp8_bool_init() - start a boolean-coded partition
 * @e:		the encoder
 * @buf:	where its bytes go
 * @size:	bytes available at @buf
 */
void hantro_vp8_bool_init(struct hantro_vp8_boolenc *e, u8 *buf, size_t size)
{
	e->buf = buf;
	e->size = size;
	e->pos = 0;
	e->bottom = 0;
	e->range = 255;
	e->bit_count = 24;
	e->overflow = false;
}

/* A carry out of bottom adds one to the bytes already written. */
static void hantro_vp8_carry(struct hantro_vp8_boolenc *e)
{
	size_t i = min(e->pos, e->size);

	while (i > 0 && e->buf[i - 1] == 0xff)
		e->buf[--i] = 0;
	if (i > 0)
		e->buf[i - 1]++;
}

/**
 * hantro_vp8_put_bool() - code one boolean
 * @e:		the encoder
 * @prob:	the probability of a 0, in 256ths (1..255)
 * @bit:	the value
 */
void hantro_vp8_put_bool(struct hantro_vp8_boolenc *e, unsigned int prob, bool bit)
{
	u32 split = 1 + (((e->range - 1) * prob) >> 8);

	if (bit) {
		e->bottom += split;
		e->range -= split;
	} else {
		e->range = split;
	}
	while (e->range < 128) {
		e->range <<= 1;
		if (e->bottom & BIT(31))
			hantro_vp8_carry(e);
		e->bottom <<= 1;
		if (--e->bit_count)
			continue;
		if (e->pos < e->size)
			e->buf[e->pos] = e->bottom >> 24;
		else
			e->overflow = true;
		e->pos++;
		e->bottom &= 0xffffff;
		e->bit_count = 8;
	}
}

/**
 * hantro_vp8_put_literal() - code an unsigned value, most significant bit
 * first, each bit at even odds (the L(n) of RFC 6386 section 19)
 * @e:		the encoder
 * @value:	the value
 * @bits:	its width
 */
void hantro_vp8_put_literal(struct hantro_vp8_boolenc *e, u32 value, unsigned int bits)
{
	while (bits--)
		hantro_vp8_put_bool(e, 128, (value >> bits) & 1);
}

/**
 * hantro_vp8_put_signed() - code a magnitude of @bits bits then its sign,
 * as the header's quantiser and loop-filter deltas are
 * @e:		the encoder
 * @value:	the value
 * @bits:	the magnitude's width
 */
void hantro_vp8_put_signed(struct hantro_vp8_boolenc *e, int value, unsigned int bits)
{
	hantro_vp8_put_literal(e, value < 0 ? -value : value, bits);
	hantro_vp8_put_bool(e, 128, value < 0);
}

/* The entry of @tree (@n entries) holding @want, from @from on; @n if none. */
static unsigned int hantro_vp8_tree_find(const s8 *tree, unsigned int n, int want,
					 unsigned int from)
{
	unsigned int i;

	for (i = from; i < n && tree[i] != want; i++)
		;
	return i;
}

/**
 * hantro_vp8_put_tree() - code a value with one of VP8's trees
 * @e:		the encoder
 * @tree:	the tree, RFC 6386 section 8.1: pairs of entries, a positive
 *		entry the index of the next pair, -v (0 for v = 0) a leaf
 * @n:		its entries
 * @probs:	the probability of each pair's 0 branch, by pair
 * @value:	the leaf to reach
 * @start:	the pair to start at (2 to skip the first decision)
 *
 * The path is found from the leaf upwards: trees have at most a dozen
 * leaves, and no entry points back to the root. A value the tree does not
 * hold codes nothing and marks the encoder as failed (@e's overflow).
 */
void hantro_vp8_put_tree(struct hantro_vp8_boolenc *e, const s8 *tree, unsigned int n,
			 const u8 *probs, int value, unsigned int start)
{
	unsigned int path[16];
	unsigned int depth = 0, i;

	i = hantro_vp8_tree_find(tree, n, -value, start);
	while (i < n && depth < ARRAY_SIZE(path)) {
		path[depth++] = i;
		if ((i & ~1u) == start)
			break;
		i = hantro_vp8_tree_find(tree, n, i & ~1u, start);
	}
	if (!depth || (path[depth - 1] & ~1u) != start) {
		e->overflow = true;
		return;
	}
	while (depth--)
		hantro_vp8_put_bool(e, probs[path[depth] >> 1], path[depth] & 1);
}

/**
 * hantro_vp8_bool_flush() - end a partition: code enough padding that a
 * decoder reading ahead finds every symbol's bits
 * @e:		the encoder
 */
void hantro_vp8_bool_flush(struct hantro_vp8_boolenc *e)
{
	unsigned int i;

	for (i = 0; i < 32; i++)
		hantro_vp8_put_bool(e, 128, 0);
}
