// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: H.264 SPS and PPS (7.3.2.1, 7.3.2.2, E.1.1).
 *
 * The hardware writes slice headers with pic_order_cnt_type 2, a 16-bit
 * frame_num, one reference and the deblocking control fields, so the SPS
 * and PPS must declare exactly that.
 */

#include "h264_bitwriter.h"
#include "h264_syntax.h"
#include "hantro_h264_hdr.h"

static void hantro_h264_vui(struct h264_bw *bw, const struct hantro_h264_seq *s)
{
	h264_bw_put(bw, 1, 0);			/* aspect_ratio_info_present_flag */
	h264_bw_put(bw, 1, 0);			/* overscan_info_present_flag */
	h264_bw_put(bw, 1, 1);			/* video_signal_type_present_flag */
	h264_bw_put(bw, 3, H264_VIDEO_FORMAT_UNSPECIFIED);
	h264_bw_put(bw, 1, s->full_range);
	h264_bw_put(bw, 1, 1);			/* colour_description_present_flag */
	h264_bw_put(bw, 8, s->primaries);
	h264_bw_put(bw, 8, s->transfer);
	h264_bw_put(bw, 8, s->matrix);
	h264_bw_put(bw, 1, 0);			/* chroma_loc_info_present_flag */
	h264_bw_put(bw, 1, !!s->num_units_in_tick);
	if (s->num_units_in_tick) {
		h264_bw_put(bw, 32, s->num_units_in_tick);
		h264_bw_put(bw, 32, s->time_scale);
		h264_bw_put(bw, 1, 1);		/* fixed_frame_rate_flag */
	}
	h264_bw_put(bw, 1, 0);			/* nal_hrd_parameters_present_flag */
	h264_bw_put(bw, 1, 0);			/* vcl_hrd_parameters_present_flag */
	h264_bw_put(bw, 1, 0);			/* pic_struct_present_flag */
	/* No reordering: decoders may output each picture at once. */
	h264_bw_put(bw, 1, 1);			/* bitstream_restriction_flag */
	h264_bw_put(bw, 1, 1);			/* motion_vectors_over_pic_boundaries */
	h264_bw_ue(bw, 0);			/* max_bytes_per_pic_denom */
	h264_bw_ue(bw, 0);			/* max_bits_per_mb_denom */
	h264_bw_ue(bw, 15);			/* log2_max_mv_length_horizontal */
	h264_bw_ue(bw, 15);			/* log2_max_mv_length_vertical */
	h264_bw_ue(bw, 0);			/* max_num_reorder_frames */
	h264_bw_ue(bw, 1);			/* max_dec_frame_buffering */
}

static void hantro_h264_sps(struct h264_bw *bw, const struct hantro_h264_seq *s)
{
	bool crop = s->crop_right || s->crop_bottom;

	h264_bw_nal_start(bw, H264_NAL_REF_IDC_HIGHEST, H264_NAL_SPS);
	h264_bw_put(bw, 8, s->profile_idc);
	h264_bw_put(bw, 8, s->constraint_flags);
	h264_bw_put(bw, 8, s->level_idc);
	h264_bw_ue(bw, 0);			/* seq_parameter_set_id */
	if (s->profile_idc >= H264_PROFILE_IDC_HIGH) {
		h264_bw_ue(bw, 1);		/* chroma_format_idc 4:2:0 */
		h264_bw_ue(bw, 0);		/* bit_depth_luma_minus8 */
		h264_bw_ue(bw, 0);		/* bit_depth_chroma_minus8 */
		h264_bw_put(bw, 1, 0);		/* qpprime_y_zero_transform_bypass */
		h264_bw_put(bw, 1, 0);		/* seq_scaling_matrix_present_flag */
	}
	h264_bw_ue(bw, HANTRO_H264_LOG2_MAX_FRAME_NUM - 4);
	h264_bw_ue(bw, 2);			/* pic_order_cnt_type */
	h264_bw_ue(bw, 1);			/* max_num_ref_frames */
	h264_bw_put(bw, 1, 0);			/* gaps_in_frame_num_allowed */
	h264_bw_ue(bw, s->mb_width - 1);
	h264_bw_ue(bw, s->mb_height - 1);
	h264_bw_put(bw, 1, 1);			/* frame_mbs_only_flag */
	h264_bw_put(bw, 1, 1);			/* direct_8x8_inference_flag */
	h264_bw_put(bw, 1, crop);
	if (crop) {
		/* In units of two samples for 4:2:0 frames (7-19, 7-20). */
		h264_bw_ue(bw, 0);
		h264_bw_ue(bw, s->crop_right / 2);
		h264_bw_ue(bw, 0);
		h264_bw_ue(bw, s->crop_bottom / 2);
	}
	h264_bw_put(bw, 1, 1);			/* vui_parameters_present_flag */
	hantro_h264_vui(bw, s);
	h264_bw_trailing(bw);
}

static void hantro_h264_pps(struct h264_bw *bw, const struct hantro_h264_seq *s)
{
	h264_bw_nal_start(bw, H264_NAL_REF_IDC_HIGHEST, H264_NAL_PPS);
	h264_bw_ue(bw, 0);			/* pic_parameter_set_id */
	h264_bw_ue(bw, 0);			/* seq_parameter_set_id */
	h264_bw_put(bw, 1, s->cabac);
	h264_bw_put(bw, 1, 0);			/* bottom_field_pic_order_in_frame */
	h264_bw_ue(bw, 0);			/* num_slice_groups_minus1 */
	h264_bw_ue(bw, 0);			/* num_ref_idx_l0_default_active_minus1 */
	h264_bw_ue(bw, 0);			/* num_ref_idx_l1_default_active_minus1 */
	h264_bw_put(bw, 1, 0);			/* weighted_pred_flag */
	h264_bw_put(bw, 2, 0);			/* weighted_bipred_idc */
	h264_bw_se(bw, s->pic_init_qp - 26);
	h264_bw_se(bw, 0);			/* pic_init_qs_minus26 */
	h264_bw_se(bw, s->chroma_qp_offset);
	h264_bw_put(bw, 1, 1);			/* deblocking_filter_control_present */
	h264_bw_put(bw, 1, 0);			/* constrained_intra_pred_flag */
	h264_bw_put(bw, 1, 0);			/* redundant_pic_cnt_present_flag */
	if (s->transform_8x8) {
		h264_bw_put(bw, 1, 1);		/* transform_8x8_mode_flag */
		h264_bw_put(bw, 1, 0);		/* pic_scaling_matrix_present_flag */
		h264_bw_se(bw, s->chroma_qp_offset);
	}
	h264_bw_trailing(bw);
}

/**
 * hantro_h264_write_headers() - SPS then PPS, each with a start code
 * @s:		parameters
 * @buf:	output
 * @size:	bytes available
 *
 * Return: bytes written, 0 if they did not fit.
 */
size_t hantro_h264_write_headers(const struct hantro_h264_seq *s, u8 *buf, size_t size)
{
	struct h264_bw bw;

	h264_bw_init(&bw, buf, size);
	hantro_h264_sps(&bw, s);
	hantro_h264_pps(&bw, s);
	return bw.overflow ? 0 : bw.pos;
}
