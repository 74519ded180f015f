/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual VEPU: the VP8 core. Codes the macroblocks of one frame after
 * the frame header the driver wrote: their modes into the first
 * partition, which it continues from the boolean encoder state the
 * driver handed over, their coefficient tokens into the token
 * partitions; then reconstructs the frame, loop filtered, as the next
 * reference. Plain C, also built into the host unit tests.
 */
#ifndef VEPU_VP8_H
#define VEPU_VP8_H

#include <linux/types.h>

#include "hantro_vp8_boolenc.h"
#include "hantro_vp8_counts.h"
#include "hantro_vp8_hdr.h"
#include "vepu_frame.h"

/**
 * struct vepu_vp8_pic - a reconstructed picture in the core's own layout
 * @y:	luma, stride mb_width * 16, mb_height * 16 rows
 * @c:	Cb/Cr interleaved, same stride, mb_height * 8 rows
 */
struct vepu_vp8_pic {
	u8 *y;
	u8 *c;
};

/**
 * struct vepu_vp8_job - one frame, as decoded from the registers
 * @frame:	input picture
 * @ref:	the last frame (read; inter frames only)
 * @ref2:	a second reference searched beside it (read; inter frames
 *		with @ref2_id set)
 * @ref2_id:	which reference @ref2 is to a decoder: HANTRO_VP8_REF_GOLDEN
 *		or HANTRO_VP8_REF_ALTREF; HANTRO_VP8_REF_INTRA for none
 * @rec:	reconstruction (written)
 * @first:	the first partition, the frame header already coded into it;
 *		flushed at the end
 * @part:	the token partitions
 * @part_size:	bytes available in each
 * @partitions:	how many there are: 1, 2, 4 or 8
 * @key_frame:	a key frame, else an inter frame predicted from @ref
 * @probs:	the probabilities the header put in force
 * @mb_no_coeff_skip: macroblocks without coefficients are flagged
 * @prob_skip_false: the probability of that flag being 0
 * @prob_intra:	inter frames: the probability of an intra macroblock
 * @prob_last:	of the last frame among the references
 * @prob_golden: of golden against altref among the others
 * @ref2_penalty: what choosing @ref2 over @ref costs, in absolute error
 * @dq:		the step sizes
 * @bilinear:	inter prediction by the bilinear filters (profiles 1 and 2),
 *		else the six-tap
 * @filter_type: 0 normal, 1 simple loop filter
 * @filter_level: 0..63, 0 for none
 * @sharpness:	0..7
 * @lf_adj:	loop filter levels adjusted by reference and mode
 * @ref_lf_deltas: the adjustments by reference (intra, last, golden,
 *		altref)
 * @mode_lf_deltas: by mode (B_PRED, ZEROMV, the other whole-macroblock
 *		vectors, SPLITMV)
 * @part_bytes:	out: bytes coded into each token partition
 * @intra_mbs:	out: intra macroblocks
 * @skip_mbs:	out: macroblocks without coefficients
 * @coeffs:	out: non-zero coefficients coded
 * @mv_mode_mbs: out: inter macroblocks by enum hantro_vp8_mv_mode
 * @ref2_mbs:	out: inter macroblocks predicted from @ref2
 * @subpel_mbs:	out: inter macroblocks with a fractional vector
 * @bpred_mbs:	out: B_PRED macroblocks, in key frames or inter frames
 * @bpred_edge_blocks: out: their blocks that read above-right samples (VE,
 *		LD, VL) in the right column of a macroblock of the last column,
 *		below its first row and below the picture's first row: samples
 *		past the picture, taken from the macroblock row above
 * @bmode_blocks: out: B_PRED blocks by enum hantro_vp8_bmode
 * @counts:	out, when not NULL: the tokens and macroblocks counted as the
 *		hardware counts them for the next frame's probabilities
 *		(HANTRO_VP8_COUNT_WORDS of hantro_vp8_counts.h), added to
 */
struct vepu_vp8_job {
	struct vepu_frame frame;
	struct vepu_vp8_pic ref;
	struct vepu_vp8_pic ref2;
	u8 ref2_id;
	struct vepu_vp8_pic rec;
	struct hantro_vp8_boolenc *first;
	u8 *part[HANTRO_VP8_MAX_PARTITIONS];
	size_t part_size[HANTRO_VP8_MAX_PARTITIONS];
	unsigned int partitions;
	bool key_frame;
	const struct hantro_vp8_probs *probs;
	bool mb_no_coeff_skip;
	u8 prob_skip_false;
	u8 prob_intra;
	u8 prob_last;
	u8 prob_golden;
	u8 ref2_penalty;
	struct hantro_vp8_dequant dq;
	bool bilinear;
	u8 filter_type;
	u8 filter_level;
	u8 sharpness;
	bool lf_adj;
	s8 ref_lf_deltas[4];
	s8 mode_lf_deltas[4];
	u32 part_bytes[HANTRO_VP8_MAX_PARTITIONS];
	u32 intra_mbs;
	u32 skip_mbs;
	u32 coeffs;
	u32 mv_mode_mbs[HANTRO_VP8_MV_SPLIT + 1];
	u32 ref2_mbs;
	u32 subpel_mbs;
	u32 bpred_mbs;
	u32 bpred_edge_blocks;
	u32 bmode_blocks[HANTRO_VP8_BMODES];
	u16 *counts;
};

size_t vepu_vp8_scratch_size(unsigned int mb_width, unsigned int mb_height);
int vepu_vp8_encode(struct vepu_vp8_job *job, void *scratch);

#endif /* VEPU_VP8_H */
