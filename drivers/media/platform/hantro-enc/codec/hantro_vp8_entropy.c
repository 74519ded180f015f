// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: VP8 coefficient probabilities adapted from the counts the
 * hardware wrote for the previous frame (hantro_vp8_counts.h), with the
 * vendor's estimate and its test of whether an update pays for itself
 * (MPP hal_vp8e_entropy.c vp8e_init_entropy() and update_prob();
 * Documentation/driver-api/hantro-enc-vp8-vendor.md, section 2.4). The
 * first two nodes of the token tree are adapted, in the bands counted.
 */

#include <linux/kernel.h>

#include "hantro_vp8_boolenc.h"
#include "hantro_vp8_costs.h"
#include "hantro_vp8_counts.h"
#include "hantro_vp8_entropy.h"

static u32 hantro_vp8_count(const u8 *counts, enum hantro_vp8_count_node node, unsigned int type,
			    unsigned int band, unsigned int ctx)
{
	int i = hantro_vp8_count_index(node, type, band, ctx);

	return i < 0 ? 0 : counts[2 * i] | counts[2 * i + 1] << 8;
}

/*
 * Whether sending @new in place of @old saves more than the update costs:
 * the flag at its update probability @upd and @fixed bits of value.
 */
static bool hantro_vp8_worth_update(u8 upd, u32 left, u32 right, u8 old, u8 new,
				    unsigned int fixed)
{
	s64 cost = fixed + (((s64)hantro_vp8_bool_cost(upd, 1) -
			     hantro_vp8_bool_cost(upd, 0)) >> 8);
	s64 saved = ((s64)left * ((s64)hantro_vp8_bool_cost(old, 0) -
				  hantro_vp8_bool_cost(new, 0)) +
		     (s64)right * ((s64)hantro_vp8_bool_cost(old, 1) -
				   hantro_vp8_bool_cost(new, 1))) >> 8;

	return saved > cost;
}

/**
 * hantro_vp8_adapt_coefs() - adapt the coefficient probabilities to the
 * counts of the last frame
 * @p:		the probabilities; changed where an update pays
 * @counts:	the hardware's counts, HANTRO_VP8_COUNT_BYTES
 *
 * A probability is the share of the branch's 0 side, at least 1 (the
 * vendor lets it reach 0, which a decoder accepts but makes that side
 * cost 8 bits where it occurs after all). A branch one of whose counts
 * stopped at HANTRO_VP8_COUNT_MAX keeps its probability: the share is not
 * known (a large frame's commonest contexts get there).
 *
 * Return: the probabilities changed.
 */
unsigned int hantro_vp8_adapt_coefs(struct hantro_vp8_probs *p, const u8 *counts)
{
	unsigned int type, band, ctx, node, changed = 0;

	for (type = 0; type < HANTRO_VP8_BLOCK_TYPES; type++)
		for (band = 0; band < HANTRO_VP8_COUNT_BANDS; band++)
			for (ctx = 0; ctx < HANTRO_VP8_PREV_COEF_CONTEXTS; ctx++) {
				u32 right = hantro_vp8_count(counts, HANTRO_VP8_COUNT_NONZERO, type,
							     band, ctx);
				bool full = right == HANTRO_VP8_COUNT_MAX;

				/*
				 * Zero against the others, then end-of-block
				 * against all: nodes 1 and 0, counted as
				 * HANTRO_VP8_COUNT_ZERO and _EOB.
				 */
				for (node = 2; node--;) {
					u8 *prob = &p->coef[type][band][ctx][node];
					u32 left = hantro_vp8_count(counts, node, type, band, ctx);
					u32 n = left + right;
					u8 np = n ? clamp_t(u32, (left * 256 + n / 2) / n, 1, 255) :
						    *prob;

					full |= left == HANTRO_VP8_COUNT_MAX;
					if (!full && np != *prob &&
					    hantro_vp8_worth_update(hantro_vp8_coef_update_probs
								    [type][band][ctx][node],
								    left, right, *prob, np, 8)) {
						*prob = np;
						changed++;
					}
					right += left;
				}
			}
	return changed;
}
