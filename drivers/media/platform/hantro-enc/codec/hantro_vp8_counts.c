// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: where each VP8 coefficient count is in the hardware's count
 * buffer (hantro_vp8_counts.h).
 */

#include <linux/kernel.h>

#include "hantro_vp8_counts.h"

/*
 * The word of each count by node, block type, band and context; -1 where
 * nothing is counted: the first band of luma blocks after a second-order
 * block (they start at the second coefficient), and end-of-block after a
 * zero token, which cannot happen (a zero's successor has context 0 and is
 * past its block's first band).
 */
static const s16 hantro_vp8_count_at[3][4][HANTRO_VP8_COUNT_BANDS][3] = {
	{
		{ { -1, -1, -1 }, { 0, 1, 2 }, { -1, 3, 4 }, { -1, 5, 6 },
		  { -1, 7, 8 }, { -1, 9, 10 }, { -1, 11, 12 } },
		{ { 13, 14, 15 }, { -1, 16, 17 }, { -1, 18, 19 }, { -1, 20, 21 },
		  { -1, 22, 23 }, { -1, 24, 25 }, { -1, 26, 27 } },
		{ { 28, 29, 30 }, { -1, 31, 32 }, { -1, 33, 34 }, { -1, 35, 36 },
		  { -1, 37, 38 }, { -1, 39, 40 }, { -1, 41, 42 } },
		{ { 43, 44, 45 }, { -1, 46, 47 }, { -1, 48, 49 }, { -1, 50, 51 },
		  { -1, 52, 53 }, { -1, 54, 55 }, { -1, 56, 57 } },
	},
	{
		{ { -1, -1, -1 }, { 58, 59, 60 }, { 61, 62, 63 }, { 64, 65, 66 },
		  { 67, 68, 69 }, { 70, 71, 72 }, { 73, 74, 75 } },
		{ { 76, 77, 78 }, { 79, 80, 81 }, { 82, 83, 84 }, { 85, 86, 87 },
		  { 88, 89, 90 }, { 91, 92, 93 }, { 94, 95, 96 } },
		{ { 97, 98, 99 }, { 100, 101, 102 }, { 103, 104, 105 }, { 106, 107, 108 },
		  { 109, 110, 111 }, { 112, 113, 114 }, { 115, 116, 117 } },
		{ { 118, 119, 120 }, { 121, 122, 123 }, { 124, 125, 126 }, { 127, 128, 129 },
		  { 130, 131, 132 }, { 133, 134, 135 }, { 136, 137, 138 } },
	},
	{
		{ { -1, -1, -1 }, { 139, 140, 141 }, { 142, 143, 144 }, { 145, 146, 147 },
		  { 148, 149, 150 }, { 151, 152, 153 }, { 154, 155, 156 } },
		{ { 157, 158, 159 }, { 160, 161, 162 }, { 163, 164, 165 }, { 166, 167, 168 },
		  { 169, 170, 171 }, { 172, 173, 174 }, { 175, 176, 177 } },
		{ { 178, 179, 180 }, { 181, 182, 183 }, { 184, 185, 186 }, { 187, 188, 189 },
		  { 190, 191, 192 }, { 193, 194, 195 }, { 196, 197, 198 } },
		{ { 199, 200, 201 }, { 202, 203, 204 }, { 205, 206, 207 }, { 208, 209, 210 },
		  { 211, 212, 213 }, { 214, 215, 216 }, { 217, 218, 219 } },
	},
};

/**
 * hantro_vp8_count_index() - the word that counts @node at a block type,
 * band and context
 * @node:	what is counted
 * @type:	the block type (enum hantro_vp8_block_type)
 * @band:	the coefficient band
 * @ctx:	the context (the previous token, or the neighbours)
 *
 * Return: the word, or -1 when nothing counts it.
 */
int hantro_vp8_count_index(enum hantro_vp8_count_node node, unsigned int type,
			   unsigned int band, unsigned int ctx)
{
	if (node > HANTRO_VP8_COUNT_NONZERO || type >= 4 || band >= HANTRO_VP8_COUNT_BANDS ||
	    ctx >= 3)
		return -1;
	return hantro_vp8_count_at[node][type][band][ctx];
}
