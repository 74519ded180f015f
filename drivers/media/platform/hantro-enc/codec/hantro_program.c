// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: a frame's register programming from its parameters; see
 * hantro_program.h. Plain C, also built into the host tests.
 */

#include <linux/kernel.h>

#include "hantro_program.h"

/**
 * hantro_program_begin() - a frame of @mode starts: nothing else set yet
 * @rf:		the frame's registers
 * @l:		the IP's layout
 * @mode:	HANTRO_MODE_*
 *
 * No header hand-over unless the codec sets one: the core would put the
 * bytes the last frame of another codec left there in front of this
 * frame's stream.
 */
void hantro_program_begin(struct hantro_regfile *rf, const struct hantro_layout *l,
			  unsigned int mode)
{
	hantro_regfile_clear(rf);
	hantro_regfile_set(rf, &l->start_offset, 0);
	hantro_regfile_set_reg(rf, l->hdr_rem_msb, 0);
	hantro_regfile_set_reg(rf, l->hdr_rem_lsb, 0);
	hantro_regfile_set(rf, &l->mode, mode);
}

/**
 * hantro_program_input() - the input picture, the coded size and the output
 * @rf:		the frame's registers, begun (the output size's unit depends
 *		on the mode)
 * @l:		the IP's layout
 * @in:		the picture and the output
 */
void hantro_program_input(struct hantro_regfile *rf, const struct hantro_layout *l,
			  const struct hantro_input_params *in)
{
	unsigned int i;

	hantro_regfile_set(rf, &l->mb_width, in->mb_width);
	hantro_regfile_set(rf, &l->mb_height, in->mb_height);
	hantro_regfile_set(rf, &l->in_fmt, in->fmt);
	hantro_regfile_set(rf, &l->row_len, in->row_pixels);
	hantro_regfile_set(rf, &l->overfill_r, (in->mb_width * 16 - in->width) / 4);
	hantro_regfile_set(rf, &l->overfill_b, in->mb_height * 16 - in->height);
	for (i = 0; i < ARRAY_SIZE(l->in_addr); i++)
		hantro_regfile_set_reg(rf, l->in_addr[i], in->in_addr[i]);
	hantro_regfile_set_reg(rf, l->out_addr, in->out_addr);
	hantro_regfile_set_reg(rf, l->buf_limit,
			       hantro_buf_limit(hantro_field_get(&l->mode, rf->val), in->out_size));
}

/* The macroblock rate control's checkpoints, thresholds and QP steps. */
static void hantro_program_checkpoints(struct hantro_regfile *rf, const struct hantro_layout *l,
				       const struct hantro_h264_cp_plan *plan)
{
	unsigned int i;

	hantro_regfile_set(rf, &l->cp_distance, plan->distance);
	if (!plan->distance)
		return;
	for (i = 0; i < HANTRO_CHECKPOINTS; i += 2)
		hantro_regfile_set_reg(rf, l->checkpoints + i * 2,
				       (u32)plan->words[i] << 16 | plan->words[i + 1]);
	for (i = 0; i < HANTRO_CP_ERRORS; i += 2)
		hantro_regfile_set_reg(rf, l->cp_word_error + i * 2,
				       (u32)plan->error[i] << 16 | (plan->error[i + 1] & 0xffff));
	hantro_regfile_set_reg(rf, l->cp_delta_qp, hantro_h264_cp_delta_reg(plan));
}

/* The vector difference penalty tables, four 8-bit entries a register. */
static void hantro_program_dmv(struct hantro_regfile *rf, const struct hantro_layout *l,
			       const u8 *dmv, const u8 *qpel)
{
	u32 d = 0, q = 0;
	unsigned int i;

	for (i = 0; i < HANTRO_DMV_PENALTIES; i++) {
		d |= (u32)dmv[i] << hantro_dmv_shift(i);
		q |= (u32)qpel[i] << hantro_dmv_shift(i);
		if (i % 4 != 3)
			continue;
		hantro_regfile_set_reg(rf, hantro_dmv_reg(l->dmv_penalty, i), d);
		hantro_regfile_set_reg(rf, hantro_dmv_reg(l->dmv_qpel_penalty, i), q);
		d = 0;
		q = 0;
	}
}

/*
 * The motion search and mode decision costs, as MPP programs them: split
 * motion vectors on, partitions below 8x8 off (MPP for every profile;
 * Hantro from level 3.1, where MaxMvsPer2Mb limits them).
 */
static void hantro_program_penalties(struct hantro_regfile *rf, const struct hantro_layout *l,
				     int qp, u32 mb_width, u32 mb_height)
{
	struct hantro_h264_penalties pen;

	hantro_h264_penalties(qp, mb_width, mb_height, &pen);
	hantro_regfile_set(rf, &l->prev_mode_favor, pen.prev_mode_favor);
	hantro_regfile_set(rf, &l->intra16_favor, pen.intra16_favor);
	hantro_regfile_set(rf, &l->inter_favor, pen.inter_favor);
	hantro_regfile_set(rf, &l->skip_penalty, pen.skip_penalty);
	hantro_regfile_set(rf, &l->inter4x4_restrict, 1);
	hantro_regfile_set(rf, &l->split_mv, 1);
	hantro_regfile_set(rf, &l->mv_penalty_1p, pen.mv_1p);
	hantro_regfile_set(rf, &l->mv_penalty_4p, pen.mv_4p);
	hantro_regfile_set(rf, &l->mv_penalty_qpel, pen.mv_qpel);
	hantro_regfile_set(rf, &l->zero_mv_favor, pen.zero_mv_favor);
	hantro_program_dmv(rf, l, pen.dmv, pen.dmv_qpel);
}

/*
 * An empty rectangle: one past the last macroblock both ways, which is
 * how MPP leaves the intra area and the regions of interest off (a zero
 * register would name the top-left macroblock).
 */
static void hantro_program_no_area(struct hantro_regfile *rf, const struct hantro_area *a,
				   u32 mb_width, u32 mb_height)
{
	hantro_regfile_set_reg(rf, a->reg, mb_width << a->left | mb_width << a->right |
				   mb_height << a->top | mb_height << a->bottom);
}

/**
 * hantro_program_h264() - the registers of an H.264 picture
 * @rf:		the frame's registers, begun and with the input set (the
 *		size in macroblocks is read back from them)
 * @l:		the IP's layout
 * @p:		the picture's parameters
 */
void hantro_program_h264(struct hantro_regfile *rf, const struct hantro_layout *l,
			 const struct hantro_h264_pic_params *p)
{
	u32 mb_width = hantro_field_get(&l->mb_width, rf->val);
	u32 mb_height = hantro_field_get(&l->mb_height, rf->val);
	unsigned int deblock = p->deblock_idc;

	/*
	 * A picture is one slice: filtering all but slice edges (idc 2) is
	 * filtering all edges, which is what an IP without idc 2 (VEPU2's
	 * one-bit switch) is told.
	 */
	if (deblock > l->deblock.mask)
		deblock = 0;
	hantro_regfile_set_reg(rf, l->hdr_rem_msb, p->ho.rem_msb);
	hantro_regfile_set_reg(rf, l->hdr_rem_lsb, p->ho.rem_lsb);
	hantro_regfile_set(rf, &l->start_offset, p->ho.start_bits);
	hantro_regfile_set_reg(rf, l->rec_y, p->rec_y);
	hantro_regfile_set_reg(rf, l->rec_c, p->rec_c);
	hantro_regfile_set_reg(rf, l->ref_y, p->ref_y);
	hantro_regfile_set_reg(rf, l->ref_c, p->ref_c);
	hantro_regfile_set(rf, &l->pic_init_qp, p->pic_init_qp);
	hantro_regfile_set(rf, &l->alpha, p->alpha_div2);
	hantro_regfile_set(rf, &l->beta, p->beta_div2);
	hantro_regfile_set(rf, &l->chroma_qp_offset, p->chroma_qp_offset);
	hantro_regfile_set(rf, &l->idr_pic_id, p->idr_pic_id);
	hantro_regfile_set(rf, &l->pps_id, 0);
	hantro_regfile_set(rf, &l->frame_num, p->frame_num);
	hantro_regfile_set(rf, &l->deblock, deblock);
	hantro_regfile_set(rf, &l->cabac, p->cabac);
	hantro_regfile_set(rf, &l->cabac_idc, p->cabac_init_idc);
	if (p->cabac)
		hantro_regfile_set_reg(rf, l->cabac_table, p->cabac_table);
	hantro_regfile_set(rf, &l->trans8x8, p->transform_8x8);
	hantro_regfile_set(rf, &l->qpel_off, p->qpel_off);
	hantro_regfile_set(rf, &l->qp, p->qp);
	hantro_regfile_set(rf, &l->qp_min, p->qp_min);
	hantro_regfile_set(rf, &l->qp_max, p->qp_max);
	hantro_program_checkpoints(rf, l, &p->plan);
	hantro_program_penalties(rf, l, p->qp, mb_width, mb_height);
	hantro_program_no_area(rf, &l->intra_area, mb_width, mb_height);
	hantro_program_no_area(rf, &l->roi1, mb_width, mb_height);
	hantro_program_no_area(rf, &l->roi2, mb_width, mb_height);
}

/* The VP8 search's costs, where they differ from H.264's. */
static void hantro_program_vp8_penalties(struct hantro_regfile *rf, const struct hantro_layout *l,
					 const struct hantro_vp8_penalties *pen)
{
	const struct hantro_vp8_layout *vl = &l->vp8;
	unsigned int i;

	hantro_regfile_set(rf, &l->intra16_favor, pen->intra16_favor);
	hantro_regfile_set(rf, &l->inter_favor, pen->inter_favor);
	hantro_regfile_set(rf, &l->skip_penalty, pen->skip_penalty);
	hantro_regfile_set(rf, &vl->golden_penalty, pen->golden_penalty);
	hantro_regfile_set(rf, &l->mv_penalty_1p, pen->mv_1p);
	hantro_regfile_set(rf, &l->mv_penalty_4p, pen->mv_4p);
	hantro_regfile_set(rf, &l->mv_penalty_qpel, pen->mv_qpel);
	for (i = 0; i < ARRAY_SIZE(vl->split_penalty); i++)
		hantro_regfile_set(rf, &vl->split_penalty[i], pen->split[i]);
	hantro_regfile_set(rf, &vl->split_penalty_4x4, pen->split[3]);
	/* Two costs a register; a cost wider than its field saturates. */
	for (i = 0; i < ARRAY_SIZE(pen->intra16) + ARRAY_SIZE(pen->intra4); i += 2) {
		const u16 *c = i < 4 ? &pen->intra16[i] : &pen->intra4[i - 4];
		u16 reg = i < 4 ? vl->intra16_penalty + i * 2 : vl->intra4_penalty + (i - 4) * 2;
		u32 v = hantro_field_put(&vl->penalty_lo, 0, min_t(u32, c[0], vl->penalty_lo.mask));

		v = hantro_field_put(&vl->penalty_hi, v, min_t(u32, c[1], vl->penalty_hi.mask));
		hantro_regfile_set_reg(rf, reg, v);
	}
	hantro_program_dmv(rf, l, pen->dmv, pen->dmv_qpel);
}

/* The quantiser: reciprocal, zero bin and rounding, then the steps. */
static void hantro_program_vp8_quant(struct hantro_regfile *rf, const struct hantro_layout *l,
				     const struct hantro_vp8_pic_params *p)
{
	static const struct hantro_field quant = HANTRO_VP8_QUANT, zbin = HANTRO_VP8_ZBIN,
					  round = HANTRO_VP8_ROUND;
	const struct hantro_vp8_layout *vl = &l->vp8;
	struct hantro_vp8_quant_reg q[6];
	unsigned int i;

	hantro_vp8_quant_regs(p->qi, &p->dq, q);
	for (i = 0; i < ARRAY_SIZE(q); i++)
		hantro_regfile_set_reg(rf, vl->quant[i],
				       hantro_field_put(&quant, 0, q[i].quant) |
				       hantro_field_put(&zbin, 0, q[i].zbin) |
				       hantro_field_put(&round, 0, q[i].round));
	hantro_regfile_set(rf, &vl->dq_y1_dc, p->dq.y1[0]);
	hantro_regfile_set(rf, &vl->dq_y1_ac, p->dq.y1[1]);
	hantro_regfile_set(rf, &vl->dq_y2_dc, p->dq.y2[0]);
	hantro_regfile_set(rf, &vl->dq_y2_ac, p->dq.y2[1]);
	hantro_regfile_set(rf, &vl->dq_uv_dc, p->dq.uv[0]);
	hantro_regfile_set(rf, &vl->dq_uv_ac, p->dq.uv[1]);
}

/**
 * hantro_program_vp8() - the registers of a VP8 frame
 * @rf:		the frame's registers, begun and with the input set
 * @l:		the IP's layout
 * @p:		the frame's parameters
 *
 * The hardware continues the first partition where the software's header
 * ended, with its boolean encoder's state, reads the probabilities from
 * the table and writes the token partitions and their sizes.
 */
void hantro_program_vp8(struct hantro_regfile *rf, const struct hantro_layout *l,
			const struct hantro_vp8_pic_params *p)
{
	const struct hantro_vp8_layout *vl = &l->vp8;
	u32 mb_width = hantro_field_get(&l->mb_width, rf->val);
	u32 mb_height = hantro_field_get(&l->mb_height, rf->val);
	unsigned int i;

	hantro_regfile_set_reg(rf, l->hdr_rem_msb, p->ho.rem_msb);
	hantro_regfile_set_reg(rf, l->hdr_rem_lsb, p->ho.rem_lsb);
	hantro_regfile_set(rf, &l->start_offset, p->ho.start_bits);
	hantro_regfile_set_reg(rf, vl->bool_value, p->bool_value);
	hantro_regfile_set(rf, &vl->bool_bits, 24 - p->bool_count);
	hantro_regfile_set(rf, &vl->bool_range, p->bool_range);
	hantro_regfile_set_reg(rf, l->rec_y, p->rec_y);
	hantro_regfile_set_reg(rf, l->rec_c, p->rec_c);
	hantro_regfile_set_reg(rf, l->ref_y, p->ref_y);
	hantro_regfile_set_reg(rf, l->ref_c, p->ref_c);
	/*
	 * The second search's reference, which is the first again without
	 * one, as the vendor has it; its index counts from the last frame.
	 */
	if (p->inter) {
		bool ref2 = p->ref2 != HANTRO_VP8_REF_INTRA;

		hantro_regfile_set_reg(rf, vl->ref2_y, ref2 ? p->ref2_y : p->ref_y);
		hantro_regfile_set_reg(rf, vl->ref2_c, ref2 ? p->ref2_c : p->ref_c);
	}
	hantro_regfile_set(rf, &vl->ref2_enable, p->ref2 != HANTRO_VP8_REF_INTRA);
	hantro_regfile_set(rf, &vl->mv_ref_idx2,
			   p->ref2 != HANTRO_VP8_REF_INTRA ? p->ref2 - HANTRO_VP8_REF_LAST : 0);
	/* The probability table is read where H.264 reads its CABAC table. */
	hantro_regfile_set(rf, &l->cabac, 1);
	hantro_regfile_set_reg(rf, l->cabac_table, p->prob_table);
	hantro_regfile_set_reg(rf, vl->size_table, p->size_table);
	hantro_regfile_set(rf, &vl->size_table_en, 1);
	hantro_regfile_set_reg(rf, vl->prob_count, p->prob_count);
	for (i = 0; i < ARRAY_SIZE(vl->part_addr); i++)
		hantro_regfile_set_reg(rf, vl->part_addr[i], p->part_addr[i]);
	hantro_regfile_set(rf, &vl->dct_parts, p->log2_partitions);
	hantro_regfile_set(rf, &vl->filter_type, p->filter_type);
	hantro_regfile_set(rf, &vl->bilinear, p->bilinear);
	hantro_regfile_set(rf, &vl->filter_level, p->filter_level);
	hantro_regfile_set(rf, &vl->sharpness, p->sharpness);
	for (i = 0; i < ARRAY_SIZE(vl->ref_lf_delta); i++) {
		hantro_regfile_set(rf, &vl->ref_lf_delta[i], p->ref_lf_delta[i]);
		hantro_regfile_set(rf, &vl->mode_lf_delta[i], p->mode_lf_delta[i]);
	}
	hantro_program_vp8_quant(rf, l, p);
	hantro_regfile_set(rf, &l->qpel_off, p->qpel_off);
	hantro_regfile_set(rf, &l->split_mv, p->split_mv);
	hantro_program_vp8_penalties(rf, l, &p->pen);
	hantro_program_no_area(rf, &l->intra_area, mb_width, mb_height);
	hantro_program_no_area(rf, &l->roi1, mb_width, mb_height);
	hantro_program_no_area(rf, &l->roi2, mb_width, mb_height);
}

/**
 * hantro_program_jpeg() - the registers of a JPEG frame: its quantisation
 * @rf:		the frame's registers, begun and with the input set
 * @l:		the IP's layout
 * @q:		the tables of the header
 */
void hantro_program_jpeg(struct hantro_regfile *rf, const struct hantro_layout *l,
			 const struct hantro_jpeg_quant *q)
{
	u32 qluma[HANTRO_JPEG_QUANT_REGS], qchroma[HANTRO_JPEG_QUANT_REGS];
	unsigned int i;

	hantro_jpeg_quant_regs(q->luma, qluma);
	hantro_jpeg_quant_regs(q->chroma, qchroma);
	for (i = 0; i < HANTRO_JPEG_QUANT_REGS; i++) {
		hantro_regfile_set_reg(rf, l->jpeg_qluma + i * 4, qluma[i]);
		hantro_regfile_set_reg(rf, l->jpeg_qchroma + i * 4, qchroma[i]);
	}
}
