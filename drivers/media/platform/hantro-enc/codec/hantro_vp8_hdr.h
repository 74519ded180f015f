/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the VP8 frame header (RFC 6386 sections 9 and 19.2), which
 * software writes and the hardware continues, and the probabilities a
 * stream carries from frame to frame. Plain C, also built into the host
 * unit tests.
 */
#ifndef HANTRO_VP8_HDR_H
#define HANTRO_VP8_HDR_H

#include <linux/types.h>

#include "hantro_vp8_boolenc.h"
#include "hantro_vp8_tables.h"

/* The frame tag, and on key frames the start code and the dimensions. */
#define HANTRO_VP8_TAG_BYTES		3
#define HANTRO_VP8_KEY_TAG_BYTES	10
#define HANTRO_VP8_MAX_PARTITIONS	8
/*
 * The most a frame tag and header take: every coefficient probability
 * updated (1056 flags of up to 8 bits and values of 8), every vector
 * probability and all the rest, rounded up.
 */
#define HANTRO_VP8_HDR_MAX		2304
/* The first partition's size is a 19-bit field of the frame tag. */
#define HANTRO_VP8_MAX_FIRST_PART	((1u << 19) - 1)

/**
 * struct hantro_vp8_probs - the probabilities a frame is coded with, which
 * persist to the next frame unless the header says otherwise
 * @coef:	coefficient token probabilities
 * @ymode:	inter frames' luma mode probabilities
 * @uvmode:	inter frames' chroma mode probabilities
 * @mv:		motion vector probabilities, row then column
 */
struct hantro_vp8_probs {
	u8 coef[HANTRO_VP8_BLOCK_TYPES][HANTRO_VP8_COEF_BANDS]
		[HANTRO_VP8_PREV_COEF_CONTEXTS][HANTRO_VP8_ENTROPY_NODES];
	u8 ymode[HANTRO_VP8_YMODES - 1];
	u8 uvmode[HANTRO_VP8_UVMODES - 1];
	u8 mv[2][HANTRO_VP8_MV_PROBS];
};

/**
 * enum hantro_vp8_ref - a reference frame
 * @HANTRO_VP8_REF_INTRA: none (intra)
 * @HANTRO_VP8_REF_LAST: the previous frame
 * @HANTRO_VP8_REF_GOLDEN: the golden frame
 * @HANTRO_VP8_REF_ALTREF: the alternate reference frame
 */
enum hantro_vp8_ref {
	HANTRO_VP8_REF_INTRA,
	HANTRO_VP8_REF_LAST,
	HANTRO_VP8_REF_GOLDEN,
	HANTRO_VP8_REF_ALTREF,
};

/**
 * struct hantro_vp8_quant - the quantiser indices of a frame
 * @y_ac_qi:	the base index, 0..127
 * @y_dc_delta:	deltas to it, -15..15: luma DC
 * @y2_dc_delta: second-order DC
 * @y2_ac_delta: second-order AC
 * @uv_dc_delta: chroma DC
 * @uv_ac_delta: chroma AC
 */
struct hantro_vp8_quant {
	u8 y_ac_qi;
	s8 y_dc_delta;
	s8 y2_dc_delta;
	s8 y2_ac_delta;
	s8 uv_dc_delta;
	s8 uv_ac_delta;
};

/**
 * struct hantro_vp8_dequant - the step sizes a decoder multiplies by
 * @y1:	luma DC, AC
 * @y2:	second-order DC, AC
 * @uv:	chroma DC, AC
 */
struct hantro_vp8_dequant {
	u16 y1[2];
	u16 y2[2];
	u16 uv[2];
};

/**
 * struct hantro_vp8_frame_hdr - what a frame header says
 * @key_frame:	a key frame, else an inter frame
 * @version:	the profile, 0..3 (reconstruction filter and loop filter
 *		kind)
 * @show_frame:	the frame is displayed
 * @width:	visible width in pixels (no scaling)
 * @height:	visible height
 * @clamping_type: 1 when the encoder guarantees no clamping is needed
 * @filter_type: 0 the normal loop filter, 1 the simple one
 * @filter_level: 0..63, 0 for no loop filter
 * @sharpness:	0..7
 * @lf_adj_enable: loop-filter level adjustments by reference and mode
 * @lf_delta_update: send the deltas of @lf_delta_mask
 * @lf_delta_mask: which deltas are sent: bit i ref_lf_deltas[i], bit 4 + i
 *		mode_lf_deltas[i]; the decoder keeps its values of the others
 *		(0 after a key frame). 0xff leaves nothing to chance.
 * @ref_lf_deltas: by reference frame (intra, last, golden, altref)
 * @mode_lf_deltas: by mode (B_PRED, ZEROMV, NEWMV and the others, SPLITMV)
 * @log2_partitions: 0..3: 1, 2, 4 or 8 token partitions
 * @quant:	the quantiser indices
 * @refresh_golden: the frame becomes the golden frame
 * @refresh_altref: the frame becomes the alternate reference
 * @copy_to_golden: else golden := 0 itself, 1 last, 2 altref
 * @copy_to_altref: else altref := 0 itself, 1 last, 2 golden
 * @sign_bias_golden: golden's vectors point the other way
 * @sign_bias_altref: altref's vectors point the other way
 * @refresh_entropy: the probabilities of this frame persist, else the
 *		next frame goes back to those before it
 * @refresh_last: the frame becomes the last frame
 * @mb_no_coeff_skip: macroblocks flag when they have no coefficients
 * @prob_skip_false: the probability of that flag being 0
 * @prob_intra:	inter frames: the probability of an intra macroblock
 * @prob_last:	of last among the references
 * @prob_golden: of golden against altref
 */
struct hantro_vp8_frame_hdr {
	bool key_frame;
	u8 version;
	bool show_frame;
	u16 width;
	u16 height;
	u8 clamping_type;
	u8 filter_type;
	u8 filter_level;
	u8 sharpness;
	bool lf_adj_enable;
	bool lf_delta_update;
	u8 lf_delta_mask;
	s8 ref_lf_deltas[4];
	s8 mode_lf_deltas[4];
	u8 log2_partitions;
	struct hantro_vp8_quant quant;
	bool refresh_golden;
	bool refresh_altref;
	u8 copy_to_golden;
	u8 copy_to_altref;
	bool sign_bias_golden;
	bool sign_bias_altref;
	bool refresh_entropy;
	bool refresh_last;
	bool mb_no_coeff_skip;
	u8 prob_skip_false;
	u8 prob_intra;
	u8 prob_last;
	u8 prob_golden;
};

/*
 * Pictures a stream with the golden frame kept apart needs: last, golden
 * and the one being reconstructed.
 */
#define HANTRO_VP8_PICS		3

/**
 * struct hantro_vp8_refs - which of HANTRO_VP8_PICS pictures hold the
 * references a decoder has
 * @last:	the last frame's
 * @golden:	the golden frame's
 */
struct hantro_vp8_refs {
	u8 last;
	u8 golden;
};

/* The picture neither reference holds, for the next reconstruction. */
static inline unsigned int hantro_vp8_refs_free(const struct hantro_vp8_refs *r)
{
	unsigned int i;

	for (i = 0; i == r->last || i == r->golden; i++)
		;
	return i;
}

void hantro_vp8_refs_update(struct hantro_vp8_refs *r, const struct hantro_vp8_frame_hdr *h,
			    unsigned int rec);
void hantro_vp8_default_probs(struct hantro_vp8_probs *p);
void hantro_vp8_dequant(const struct hantro_vp8_quant *q, struct hantro_vp8_dequant *dq);
size_t hantro_vp8_write_tag(u8 *buf, const struct hantro_vp8_frame_hdr *h, u32 first_part_size);
void hantro_vp8_write_hdr(struct hantro_vp8_boolenc *e, const struct hantro_vp8_frame_hdr *h,
			  const struct hantro_vp8_probs *prev, const struct hantro_vp8_probs *cur);
void hantro_vp8_write_prob_table(u8 *tbl, const struct hantro_vp8_probs *p,
				 const struct hantro_vp8_frame_hdr *h);
void hantro_vp8_write_part_sizes(u8 *buf, const u32 *sizes, unsigned int partitions);

#endif /* HANTRO_VP8_HDR_H */
