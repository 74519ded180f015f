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

/*
 * The path from @tree's pair @start to the leaf @value, root first: the
 * entries taken, into @path (16 at most). Found from the leaf upwards:
 * trees have at most a dozen leaves, and no entry points back to the root.
 * Returns its length, 0 when the tree does not hold @value.
 */
static unsigned int hantro_vp8_tree_path(const s8 *tree, unsigned int n, int value,
					 unsigned int start, unsigned int path[16])
{
	unsigned int up[16];
	unsigned int depth = 0, i;

	i = hantro_vp8_tree_find(tree, n, -value, start);
	while (i < n && depth < ARRAY_SIZE(up)) {
		up[depth++] = i;
		if ((i & ~1u) == start)
			break;
		i = hantro_vp8_tree_find(tree, n, i & ~1u, start);
	}
	if (!depth || (up[depth - 1] & ~1u) != start)
		return 0;
	for (i = 0; i < depth; i++)
		path[i] = up[depth - 1 - i];
	return depth;
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
 * A value the tree does not hold codes nothing and marks the encoder as
 * failed (@e's overflow).
 */
void hantro_vp8_put_tree(struct hantro_vp8_boolenc *e, const s8 *tree, unsigned int n,
			 const u8 *probs, int value, unsigned int start)
{
	unsigned int path[16];
	unsigned int depth = hantro_vp8_tree_path(tree, n, value, start, path), i;

	if (!depth)
		e->overflow = true;
	for (i = 0; i < depth; i++)
		hantro_vp8_put_bool(e, probs[path[i] >> 1], path[i] & 1);
}

/*
 * The cost of coding a 0 with probability i (of a 0) / 256, in 1/256 bit:
 * the vendor's table (Rockchip MPP hal_vp8e_table.c, Hantro's), which the
 * driver's probability savings decisions and the model's mode costs share.
 */
static const u16 hantro_vp8_prob_cost[256] = {
	2048, 2048, 1792, 1642, 1536, 1454, 1386, 1329, 1280, 1236,
	1198, 1162, 1130, 1101, 1073, 1048, 1024, 1002, 980, 961,
	942, 924, 906, 890, 874, 859, 845, 831, 817, 804,
	792, 780, 768, 757, 746, 735, 724, 714, 705, 695,
	686, 676, 668, 659, 650, 642, 634, 626, 618, 611,
	603, 596, 589, 582, 575, 568, 561, 555, 548, 542,
	536, 530, 524, 518, 512, 506, 501, 495, 490, 484,
	479, 474, 468, 463, 458, 453, 449, 444, 439, 434,
	430, 425, 420, 416, 412, 407, 403, 399, 394, 390,
	386, 382, 378, 374, 370, 366, 362, 358, 355, 351,
	347, 343, 340, 336, 333, 329, 326, 322, 319, 315,
	312, 309, 305, 302, 299, 296, 292, 289, 286, 283,
	280, 277, 274, 271, 268, 265, 262, 259, 256, 253,
	250, 247, 245, 242, 239, 236, 234, 231, 228, 226,
	223, 220, 218, 215, 212, 210, 207, 205, 202, 200,
	197, 195, 193, 190, 188, 185, 183, 181, 178, 176,
	174, 171, 169, 167, 164, 162, 160, 158, 156, 153,
	151, 149, 147, 145, 143, 140, 138, 136, 134, 132,
	130, 128, 126, 124, 122, 120, 118, 116, 114, 112,
	110, 108, 106, 104, 102, 101, 99, 97, 95, 93,
	91, 89, 87, 86, 84, 82, 80, 78, 77, 75,
	73, 71, 70, 68, 66, 64, 63, 61, 59, 58,
	56, 54, 53, 51, 49, 48, 46, 44, 43, 41,
	40, 38, 36, 35, 33, 32, 30, 28, 27, 25,
	24, 22, 21, 19, 18, 16, 15, 13, 12, 10,
	9, 7, 6, 4, 3, 1,
};

/**
 * hantro_vp8_bool_cost() - what coding a boolean costs
 * @prob:	the probability of a 0, in 256ths
 * @bit:	the boolean
 *
 * Return: the cost in 1/256 bit.
 */
unsigned int hantro_vp8_bool_cost(u8 prob, bool bit)
{
	return hantro_vp8_prob_cost[bit ? 255 - prob : prob];
}

/**
 * hantro_vp8_tree_cost() - what coding a value with a tree costs
 * @tree:	the tree, as for hantro_vp8_put_tree()
 * @n:		its entries
 * @probs:	the probability of each pair's 0 branch, by pair
 * @value:	the leaf
 *
 * Return: the cost in 1/256 bit; UINT_MAX for a value the tree does not
 * hold.
 */
unsigned int hantro_vp8_tree_cost(const s8 *tree, unsigned int n, const u8 *probs, int value)
{
	unsigned int path[16];
	unsigned int depth = hantro_vp8_tree_path(tree, n, value, 0, path), i, cost = 0;

	if (!depth)
		return UINT_MAX;
	for (i = 0; i < depth; i++)
		cost += hantro_vp8_bool_cost(probs[path[i] >> 1], path[i] & 1);
	return cost;
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
