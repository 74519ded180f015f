/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual VEPU: the H.264 core. Encodes one picture as one slice the way
 * the registers describe it: IDR or P with one reference, intra 4x4 and
 * 16x16 and quarter-sample inter (16x16, and with split MV 16x8, 8x16 and
 * 8x8 partitions; P_Skip; 4x4 or 8x8 transforms) macroblocks, CAVLC or
 * CABAC, macroblock QP checkpoints, the in-loop deblocking filter, and the
 * reconstruction written for the next picture. Plain C, also built into
 * the host unit tests.
 */
#ifndef VEPU_H264_H
#define VEPU_H264_H

#include <linux/types.h>

#include "hantro_h264_penalty.h"
#include "hantro_layout.h"
#include "vepu_frame.h"

/**
 * struct vepu_h264_pic - a reconstructed picture in the core's own layout
 * @y:	luma, stride mb_width * 16, mb_height * 16 rows
 * @c:	Cb/Cr interleaved, same stride, mb_height * 8 rows
 */
struct vepu_h264_pic {
	u8 *y;
	u8 *c;
};

/**
 * struct vepu_h264_job - one picture, as decoded from the registers
 * @frame:	input picture
 * @ref:	reference picture (read; P pictures only)
 * @rec:	reconstruction (written)
 * @out:	stream output, at the 8-byte aligned continuation address
 * @out_size:	bytes available at @out
 * @hdr_rem:	the bytes already at @out, big-endian (HDR_REM MSB:LSB)
 * @start_bits:	how many leading bits of @hdr_rem are valid (multiple of 8)
 * @intra:	IDR picture, else P
 * @frame_num:	slice header frame_num (16 bits)
 * @idr_pic_id:	slice header idr_pic_id
 * @pps_id:	slice header pic_parameter_set_id
 * @qp:		slice QP
 * @qp_min:	smallest QP checkpoints may move to
 * @qp_max:	largest QP checkpoints may move to
 * @cp_distance: macroblocks between checkpoints, 0 for none
 * @cp_target:	run-level codewords expected by each checkpoint, in
 *		HANTRO_CP_TARGET_UNITs
 * @cp_error:	thresholds on (count - target), ascending, in
 *		HANTRO_CP_ERROR_UNITs
 * @cp_delta_qp: QP change below each threshold, the last above them all
 * @pic_init_qp: the PPS's pic_init_qp, for slice_qp_delta
 * @chroma_qp_offset: the PPS's chroma_qp_index_offset
 * @deblock_idc: disable_deblocking_filter_idc (0 on, 1 off, 2 not across
 *		slices, which for one slice is 0)
 * @alpha_div2:	slice_alpha_c0_offset_div2
 * @beta_div2:	slice_beta_offset_div2
 * @transform_8x8: transform_8x8_mode_flag: inter macroblocks may use 8x8
 *		luma transforms
 * @cabac:	entropy_coding_mode_flag: CABAC, else CAVLC
 * @cabac_init_idc: slice header cabac_init_idc (P slices)
 * @cabac_table: the context initialisation table, hardware layout
 *		(hantro_h264_cabac.h); read for CABAC only
 * @split_mv:	inter macroblocks may be split into 16x8, 8x16 or 8x8
 *		partitions
 * @pen:	the motion search and mode decision costs
 * @qp_sum:	out: sum of the macroblock QPs
 * @intra_mbs:	out: intra macroblocks
 * @intra4_mbs:	out: of which Intra_NxN (Intra_4x4 or Intra_8x8)
 * @intra8_mbs:	out: of which Intra_8x8
 * @skip_mbs:	out: skipped macroblocks
 * @subpel_mbs:	out: inter macroblocks with a fractional motion vector
 * @split_mbs:	out: inter macroblocks split into partitions
 * @t8x8_mbs:	out: macroblocks coded with 8x8 transforms
 * @cp_result:	out: codewords counted at each checkpoint reached, in
 *		HANTRO_CP_TARGET_UNITs
 * @coeffs:	out: run-level codewords coded (non-zero coefficients)
 * @cabac_bins:	out: CABAC bins coded
 * @cabac_zero_words: out: cabac_zero_words appended to meet the bin limit
 */
struct vepu_h264_job {
	struct vepu_frame frame;
	struct vepu_h264_pic ref;
	struct vepu_h264_pic rec;
	u8 *out;
	size_t out_size;
	u64 hdr_rem;
	unsigned int start_bits;
	bool intra;
	unsigned int frame_num;
	unsigned int idr_pic_id;
	unsigned int pps_id;
	int qp;
	int qp_min;
	int qp_max;
	unsigned int cp_distance;
	u16 cp_target[HANTRO_CHECKPOINTS];
	s16 cp_error[HANTRO_CP_ERRORS];
	s8 cp_delta_qp[HANTRO_CP_DELTAS];
	int pic_init_qp;
	int chroma_qp_offset;
	unsigned int deblock_idc;
	int alpha_div2;
	int beta_div2;
	bool transform_8x8;
	bool cabac;
	unsigned int cabac_init_idc;
	const u8 *cabac_table;
	bool split_mv;
	struct hantro_h264_penalties pen;
	u32 qp_sum;
	u32 intra_mbs;
	u32 intra4_mbs;
	u32 intra8_mbs;
	u32 skip_mbs;
	u32 subpel_mbs;
	u32 split_mbs;
	u32 t8x8_mbs;
	u16 cp_result[HANTRO_CHECKPOINTS];
	u32 coeffs;
	u64 cabac_bins;
	u32 cabac_zero_words;
};

size_t vepu_h264_scratch_size(unsigned int mb_width, unsigned int mb_height);
int vepu_h264_encode(struct vepu_h264_job *job, void *scratch, size_t *bytes);

#endif /* VEPU_H264_H */
