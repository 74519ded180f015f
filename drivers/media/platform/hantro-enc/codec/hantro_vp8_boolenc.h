/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: VP8's boolean entropy encoder (RFC 6386 section 7). The
 * codec layer writes the frame header with it and hands its state to the
 * hardware, which codes the macroblock data of the first partition on
 * from there. Plain C, also built into the host unit tests and the
 * virtual VEPU.
 */
#ifndef HANTRO_VP8_BOOLENC_H
#define HANTRO_VP8_BOOLENC_H

#include <linux/types.h>

/**
 * struct hantro_vp8_boolenc - a boolean encoder writing into a buffer
 * @buf:	the output
 * @size:	bytes available at @buf
 * @pos:	bytes written so far
 * @bottom:	the low end of the coding interval; its top byte is the
 *		next output byte once @bit_count reaches 0
 * @range:	the interval's width, 128..255 between symbols
 * @bit_count:	shifts left until the next byte is complete (24 at the
 *		start, then 1..8)
 * @overflow:	@buf was too small: bytes were dropped
 */
struct hantro_vp8_boolenc {
	u8 *buf;
	size_t size;
	size_t pos;
	u32 bottom;
	u32 range;
	int bit_count;
	bool overflow;
};

void hantro_vp8_bool_init(struct hantro_vp8_boolenc *e, u8 *buf, size_t size);
void hantro_vp8_put_bool(struct hantro_vp8_boolenc *e, unsigned int prob, bool bit);
void hantro_vp8_put_literal(struct hantro_vp8_boolenc *e, u32 value, unsigned int bits);
void hantro_vp8_put_signed(struct hantro_vp8_boolenc *e, int value, unsigned int bits);
void hantro_vp8_put_tree(struct hantro_vp8_boolenc *e, const s8 *tree, unsigned int n,
			 const u8 *probs, int value, unsigned int start);
void hantro_vp8_bool_flush(struct hantro_vp8_boolenc *e);
unsigned int hantro_vp8_bool_cost(u8 prob, bool bit);
unsigned int hantro_vp8_tree_cost(const s8 *tree, unsigned int n, const u8 *probs, int value);

#endif /* HANTRO_VP8_BOOLENC_H */
