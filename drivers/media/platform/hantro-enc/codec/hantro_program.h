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
 * @ho:		the header hand-over (hantro_h264_handover())
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
	struct hantro_h264_handover ho;
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

void hantro_program_begin(struct hantro_regfile *rf, const struct hantro_layout *l,
			  unsigned int mode);
void hantro_program_input(struct hantro_regfile *rf, const struct hantro_layout *l,
			  const struct hantro_input_params *in);
void hantro_program_h264(struct hantro_regfile *rf, const struct hantro_layout *l,
			 const struct hantro_h264_pic_params *p);
void hantro_program_jpeg(struct hantro_regfile *rf, const struct hantro_layout *l,
			 const struct hantro_jpeg_quant *q);

#endif /* HANTRO_PROGRAM_H */
