/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: VP8 probabilities adapted from the hardware's counts of the
 * previous frame, as the vendor adapts them. Plain C, also built into the
 * host unit tests.
 */
#ifndef HANTRO_VP8_ENTROPY_H
#define HANTRO_VP8_ENTROPY_H

#include <linux/types.h>

#include "hantro_vp8_hdr.h"

/**
 * struct hantro_vp8_entropy - the probabilities of a stream
 * @cur:	those in force: at the decoder after the last frame, then
 *		the running frame's once its header is coded
 * @prev:	those the running frame's header updates from
 */
struct hantro_vp8_entropy {
	struct hantro_vp8_probs cur;
	struct hantro_vp8_probs prev;
};

unsigned int hantro_vp8_adapt_coefs(struct hantro_vp8_probs *p, const u8 *counts);

#endif /* HANTRO_VP8_ENTROPY_H */
