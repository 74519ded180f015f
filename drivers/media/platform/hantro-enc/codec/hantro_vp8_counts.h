/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the symbol counts the hardware writes after a VP8 frame, for
 * the next frame's probabilities: 244 little-endian 16-bit words (MPP's
 * hal_vp8e_entropy.c and hal_vp8e_table.c offset_tbl; Documentation/
 * driver-api/hantro-enc-vp8-vendor.md, section 2.3). The model writes
 * them, the driver reads them. Plain C, also built into the host tests.
 */
#ifndef HANTRO_VP8_COUNTS_H
#define HANTRO_VP8_COUNTS_H

#include <linux/types.h>

#define HANTRO_VP8_COUNT_WORDS		244
#define HANTRO_VP8_COUNT_BYTES		(HANTRO_VP8_COUNT_WORDS * 2)
/* Macroblocks coded without coefficients, intra macroblocks. */
#define HANTRO_VP8_COUNT_SKIP		220
#define HANTRO_VP8_COUNT_INTRA		221
/* Where a count stops: it no longer says how often its symbol came. */
#define HANTRO_VP8_COUNT_MAX		0xffff
/* Bands counted: the last one's tokens are not. */
#define HANTRO_VP8_COUNT_BANDS		7

/**
 * enum hantro_vp8_count_node - what a coefficient count counts, at one
 *				block type, band and context
 * @HANTRO_VP8_COUNT_EOB: end-of-block tokens (the first node's 0 branch)
 * @HANTRO_VP8_COUNT_ZERO: zero tokens (the second node's 0 branch)
 * @HANTRO_VP8_COUNT_NONZERO: the other tokens
 */
enum hantro_vp8_count_node {
	HANTRO_VP8_COUNT_EOB,
	HANTRO_VP8_COUNT_ZERO,
	HANTRO_VP8_COUNT_NONZERO,
};

int hantro_vp8_count_index(enum hantro_vp8_count_node node, unsigned int type,
			   unsigned int band, unsigned int ctx);

#endif /* HANTRO_VP8_COUNTS_H */
