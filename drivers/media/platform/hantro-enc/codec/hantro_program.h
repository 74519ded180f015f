/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: a frame's register programming as a pure function of its
 * parameters, for either IP (through its layout). The driver gathers the
 * parameters from V4L2 and writes the result; the host tests compare the
 * result with the vendor's programming of the same configuration.
 */
#ifndef HANTRO_PROGRAM_H
#define HANTRO_PROGRAM_H

#include <linux/types.h>

#include "hantro_h264_frame.h"
#include "hantro_h264_penalty.h"
#include "hantro_jpeg_hdr.h"
#include "hantro_layout.h"
#include "hantro_regfile.h"
#include "hantro_vp8_costs.h"

/**
 * struct hantro_input_params - the picture a frame reads and where it writes
 * @mb_width:	coded width in macroblocks
 * @mb_height:	coded height in macroblocks
 * @width:	visible width (the coded width's last macroblock at most 12
 *		pixels short)
 * @height:	visible height
 * @fmt:	input format
 * @row_pixels:	pixels from one luma row to the next
 * @in_addr:	bus address of each input plane, 0 for none
 * @out_addr:	where the hardware's stream starts (8-byte aligned)
 * @out_size:	bytes available from @out_addr on
 */
struct hantro_input_params {
	unsigned int mb_width;
	unsigned int mb_height;
	unsigned int width;
	unsigned int height;
	enum hantro_in_fmt fmt;
	unsigned int row_pixels;
	u32 in_addr[3];
	u32 out_addr;
	u32 out_size;
};

/**
 * struct hantro_h264_pic_params - what an H.264 picture's registers say
 * @ho:		the header hand-over (hantro_stream_handover())
 * @rec_y:	reconstruction luma bus address
 * @rec_c:	reconstruction chroma bus address
 * @ref_y:	reference luma bus address (P pictures)
 * @ref_c:	reference chroma bus address
 * @cabac_table: CABAC table bus address, for CABAC
 * @pic_init_qp: the PPS's pic_init_qp
 * @alpha_div2:	slice_alpha_c0_offset_div2
 * @beta_div2:	slice_beta_offset_div2
 * @chroma_qp_offset: the PPS's chroma_qp_index_offset
 * @idr_pic_id:	idr_pic_id
 * @frame_num:	frame_num
 * @deblock_idc: disable_deblocking_filter_idc
 * @cabac:	entropy_coding_mode_flag
 * @cabac_init_idc: cabac_init_idc
 * @transform_8x8: transform_8x8_mode_flag
 * @qpel_off:	whole-sample motion vectors only
 * @qp:		slice QP
 * @qp_min:	smallest QP macroblock rate control may move to
 * @qp_max:	largest
 * @plan:	the checkpoints of macroblock rate control (distance 0: none)
 */
struct hantro_h264_pic_params {
	struct hantro_stream_handover ho;
	u32 rec_y;
	u32 rec_c;
	u32 ref_y;
	u32 ref_c;
	u32 cabac_table;
	unsigned int pic_init_qp;
	int alpha_div2;
	int beta_div2;
	int chroma_qp_offset;
	unsigned int idr_pic_id;
	unsigned int frame_num;
	unsigned int deblock_idc;
	bool cabac;
	unsigned int cabac_init_idc;
	bool transform_8x8;
	bool qpel_off;
	int qp;
	int qp_min;
	int qp_max;
	struct hantro_h264_cp_plan plan;
};

/**
 * struct hantro_vp8_pic_params - what a VP8 frame's registers say
 * @ho:		the header hand-over: the bytes of the first partition in the
 *		8-byte word the hardware continues in, and how many
 * @bool_value:	the boolean encoder's low value after the header
 * @bool_count:	its bits to the next byte (hantro_vp8_boolenc's bit_count)
 * @bool_range:	its range
 * @rec_y:	reconstruction luma bus address
 * @rec_c:	reconstruction chroma bus address
 * @ref_y:	reference luma bus address (inter frames)
 * @ref_c:	reference chroma bus address
 * @ref2_y:	second reference luma bus address (inter frames with @ref2;
 *		the registers name the first again without one)
 * @ref2_c:	second reference chroma bus address
 * @ref2:	what the second reference is (enum hantro_vp8_ref),
 *		HANTRO_VP8_REF_INTRA for none
 * @inter:	an inter frame
 * @prob_table:	the probability table's bus address (hantro_vp8_probtbl.h)
 * @size_table:	where the hardware writes the partitions' sizes
 * @prob_count:	where it writes its symbol counts
 * @part_addr:	the token partitions' bus addresses (8-byte aligned)
 * @log2_partitions: 0 for one token partition, 1 for two
 * @qi:		the quantiser index the steps are from
 * @dq:		the step sizes
 * @filter_type: 0 normal, 1 simple loop filter
 * @bilinear:	bilinear inter prediction (profiles 1 and 2)
 * @filter_level: the loop filter level, the header's
 * @sharpness:	the loop filter sharpness
 * @ref_lf_delta: the header's loop filter deltas by reference
 * @mode_lf_delta: by mode
 * @pen:	the search's costs (hantro_vp8_penalties())
 * @qpel_off:	whole-sample motion vectors only
 * @split_mv:	partitions below 16x16
 */
struct hantro_vp8_pic_params {
	struct hantro_stream_handover ho;
	u32 bool_value;
	unsigned int bool_count;
	unsigned int bool_range;
	u32 rec_y;
	u32 rec_c;
	u32 ref_y;
	u32 ref_c;
	u32 ref2_y;
	u32 ref2_c;
	u8 ref2;
	bool inter;
	u32 prob_table;
	u32 size_table;
	u32 prob_count;
	u32 part_addr[2];
	unsigned int log2_partitions;
	unsigned int qi;
	struct hantro_vp8_dequant dq;
	unsigned int filter_type;
	bool bilinear;
	unsigned int filter_level;
	unsigned int sharpness;
	s8 ref_lf_delta[4];
	s8 mode_lf_delta[4];
	struct hantro_vp8_penalties pen;
	bool qpel_off;
	bool split_mv;
};

void hantro_program_begin(struct hantro_regfile *rf, const struct hantro_layout *l,
			  unsigned int mode);
void hantro_program_input(struct hantro_regfile *rf, const struct hantro_layout *l,
			  const struct hantro_input_params *in);
void hantro_program_h264(struct hantro_regfile *rf, const struct hantro_layout *l,
			 const struct hantro_h264_pic_params *p);
void hantro_program_vp8(struct hantro_regfile *rf, const struct hantro_layout *l,
			const struct hantro_vp8_pic_params *p);
void hantro_program_jpeg(struct hantro_regfile *rf, const struct hantro_layout *l,
			 const struct hantro_jpeg_quant *q);

#endif /* HANTRO_PROGRAM_H */
