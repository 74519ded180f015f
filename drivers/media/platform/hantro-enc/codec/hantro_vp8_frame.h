/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: where a VP8 frame's parts go in the CAPTURE buffer while the
 * hardware codes it, and how they become one frame afterwards. Plain C,
 * also built into the host unit tests.
 */
#ifndef HANTRO_VP8_FRAME_H
#define HANTRO_VP8_FRAME_H

#include <linux/types.h>

#include "hantro_program.h"
#include "hantro_vp8_entropy.h"
#include "hantro_vp8_hdr.h"

/* Token partitions the RK VEPUs have addresses for. */
#define HANTRO_VP8_HW_PARTITIONS	2

/**
 * struct hantro_vp8_buf_layout - a VP8 frame in a CAPTURE buffer while coded
 * @tag_len:	bytes kept for the frame tag (and a key frame's start code)
 * @hdr_end:	where the software's frame header ends, the hardware goes on
 * @pad:	the header sits a byte further up than the tag's room (so that
 *		it does not end on an 8-byte boundary)
 * @first_end:	where the room of the first partition ends (8-byte aligned);
 *		the first token partition starts there
 * @part_room:	bytes each token partition has (a multiple of 8)
 * @partitions:	token partitions
 */
struct hantro_vp8_buf_layout {
	size_t tag_len;
	size_t hdr_end;
	bool pad;
	size_t first_end;
	size_t part_room;
	unsigned int partitions;
};

int hantro_vp8_buf_layout(size_t size, size_t tag_len, size_t hdr_end, unsigned int partitions,
			  unsigned int mbs, struct hantro_vp8_buf_layout *l);

/* Where token partition @i starts in the buffer. */
static inline size_t hantro_vp8_part_off(const struct hantro_vp8_buf_layout *l, unsigned int i)
{
	return l->first_end + i * l->part_room;
}

/*
 * The probability of an intra macroblock in an inter frame: the header
 * sends it and the costs follow it. Fixed, as the counts the vendor could
 * adapt it from are not read.
 */
#define HANTRO_VP8_PROB_INTRA		63

/*
 * The probabilities of the last frame among the references, and of golden
 * against altref, when the golden frame is searched too: about one
 * macroblock in four from golden, altref never.
 */
#define HANTRO_VP8_PROB_LAST_GOLDEN	192
#define HANTRO_VP8_PROB_GOLDEN_ONLY	255

/**
 * enum hantro_vp8_golden - what the golden frame is
 * @HANTRO_VP8_GOLDEN_NONE: the last key frame, never searched (one
 *	reference)
 * @HANTRO_VP8_GOLDEN_PREV: the frame before the last, searched beside it
 * @HANTRO_VP8_GOLDEN_PERIOD: every golden_period-th frame from the key
 *	frame (only the key frame for a period of 0), searched beside the last
 */
enum hantro_vp8_golden {
	HANTRO_VP8_GOLDEN_NONE,
	HANTRO_VP8_GOLDEN_PREV,
	HANTRO_VP8_GOLDEN_PERIOD,
};

/**
 * struct hantro_vp8_frame_params - what a frame is to be
 * @key_frame:	a key frame
 * @qi:		its quantiser index, 0..127
 * @width:	visible width
 * @height:	visible height
 * @version:	the profile
 * @log2_partitions: 0 for one token partition, 1 for two
 * @filter_type: 0 normal, 1 simple loop filter
 * @filter_level: 0..63
 * @sharpness:	0..7
 * @golden:	enum hantro_vp8_golden
 * @golden_period: for HANTRO_VP8_GOLDEN_PERIOD
 * @key_distance: frames since the last key frame (0 for a key frame),
 *		which the golden period counts from: a key frame refreshes
 *		golden too
 * @golden_is_last: the golden frame is the last frame (after a key frame
 *		or a refresh): not searched a second time
 */
struct hantro_vp8_frame_params {
	bool key_frame;
	u8 qi;
	u16 width;
	u16 height;
	u8 version;
	u8 log2_partitions;
	u8 filter_type;
	u8 filter_level;
	u8 sharpness;
	u8 golden;
	u16 golden_period;
	u32 key_distance;
	bool golden_is_last;
};

int hantro_vp8_frame_code(const struct hantro_vp8_frame_params *fp, u8 *buf, size_t size,
			  struct hantro_vp8_entropy *ent, const u8 *counts,
			  struct hantro_vp8_frame_hdr *h, struct hantro_vp8_buf_layout *l,
			  struct hantro_vp8_pic_params *pp);
int hantro_vp8_assemble(u8 *buf, const struct hantro_vp8_buf_layout *l,
			const struct hantro_vp8_frame_hdr *h, const u32 *sizes, size_t *len);

#endif /* HANTRO_VP8_FRAME_H */
