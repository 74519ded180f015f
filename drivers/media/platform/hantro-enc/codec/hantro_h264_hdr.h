/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: H.264 sequence and picture parameter sets, consistent with
 * the slice header the hardware writes. Plain C, also built into the host
 * unit tests.
 */
#ifndef HANTRO_H264_HDR_H
#define HANTRO_H264_HDR_H

#include <linux/types.h>

/* What the hardware's slice header assumes (hantro-encoder-facts). */
#define HANTRO_H264_LOG2_MAX_FRAME_NUM	16
#define HANTRO_H264_MAX_HEADER		128

/**
 * struct hantro_h264_seq - everything the SPS and PPS say
 * @profile_idc:	enum h264_profile_idc
 * @constraint_flags:	H264_CONSTRAINT_SET*_FLAG
 * @level_idc:		level_idc (10 x level; see H264_LEVEL_IDC_1B_HIGH)
 * @mb_width:		coded width in macroblocks
 * @mb_height:		coded height in macroblocks
 * @crop_right:		coded minus visible width, samples (even)
 * @crop_bottom:	coded minus visible height, samples (even)
 * @num_units_in_tick:	VUI timing; 0 leaves timing out
 * @time_scale:		VUI timing, twice the frame rate's numerator
 * @primaries:		enum h264_colour_primaries
 * @transfer:		enum h264_transfer_characteristics
 * @matrix:		enum h264_matrix_coefficients
 * @full_range:		video_full_range_flag
 * @pic_init_qp:	PPS pic_init_qp
 * @chroma_qp_offset:	PPS chroma_qp_index_offset
 * @cabac:		entropy_coding_mode_flag
 * @transform_8x8:	transform_8x8_mode_flag (High profile)
 */
struct hantro_h264_seq {
	u8 profile_idc;
	u8 constraint_flags;
	u8 level_idc;
	unsigned int mb_width;
	unsigned int mb_height;
	unsigned int crop_right;
	unsigned int crop_bottom;
	u32 num_units_in_tick;
	u32 time_scale;
	u8 primaries;
	u8 transfer;
	u8 matrix;
	bool full_range;
	int pic_init_qp;
	int chroma_qp_offset;
	bool cabac;
	bool transform_8x8;
};

size_t hantro_h264_write_headers(const struct hantro_h264_seq *s, u8 *buf, size_t size);

#endif /* HANTRO_H264_HDR_H */
