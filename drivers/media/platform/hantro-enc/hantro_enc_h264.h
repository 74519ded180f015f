/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the H.264 controls of a context, a frame's parameters and the
 * stream state.
 */
#ifndef HANTRO_ENC_H264_H
#define HANTRO_ENC_H264_H

#include <linux/types.h>
#include <media/v4l2-ctrls.h>

#include "hantro_enc_aux.h"
#include "hantro_h264_rc.h"

struct hantro_enc_buf;
struct hantro_enc_ctx;

/**
 * struct hantro_enc_h264_ctrls - the H.264 controls of a context
 * @profile:	V4L2_CID_MPEG_VIDEO_H264_PROFILE
 * @level:	V4L2_CID_MPEG_VIDEO_H264_LEVEL
 * @entropy:	V4L2_CID_MPEG_VIDEO_H264_ENTROPY_MODE
 * @t8x8:	V4L2_CID_MPEG_VIDEO_H264_8X8_TRANSFORM
 * @lf_mode:	V4L2_CID_MPEG_VIDEO_H264_LOOP_FILTER_MODE
 * @lf_alpha:	V4L2_CID_MPEG_VIDEO_H264_LOOP_FILTER_ALPHA
 * @lf_beta:	V4L2_CID_MPEG_VIDEO_H264_LOOP_FILTER_BETA
 * @header_mode: V4L2_CID_MPEG_VIDEO_HEADER_MODE
 * @repeat_seq:	V4L2_CID_MPEG_VIDEO_REPEAT_SEQ_HEADER
 * @prepend:	V4L2_CID_MPEG_VIDEO_PREPEND_SPSPPS_TO_IDR
 * @b_frames:	V4L2_CID_MPEG_VIDEO_B_FRAMES
 * @bitrate_mode: V4L2_CID_MPEG_VIDEO_BITRATE_MODE
 * @frame_rc:	V4L2_CID_MPEG_VIDEO_FRAME_RC_ENABLE
 * @mb_rc:	V4L2_CID_MPEG_VIDEO_MB_RC_ENABLE
 * @bitrate:	V4L2_CID_MPEG_VIDEO_BITRATE
 * @bitrate_peak: V4L2_CID_MPEG_VIDEO_BITRATE_PEAK
 * @gop_size:	V4L2_CID_MPEG_VIDEO_GOP_SIZE
 * @i_period:	V4L2_CID_MPEG_VIDEO_H264_I_PERIOD
 * @i_qp:	V4L2_CID_MPEG_VIDEO_H264_I_FRAME_QP
 * @p_qp:	V4L2_CID_MPEG_VIDEO_H264_P_FRAME_QP
 * @min_qp:	V4L2_CID_MPEG_VIDEO_H264_MIN_QP
 * @max_qp:	V4L2_CID_MPEG_VIDEO_H264_MAX_QP
 * @force_key:	V4L2_CID_MPEG_VIDEO_FORCE_KEY_FRAME
 * @key_pending: FORCE_KEY_FRAME was set; the next queued frame takes it
 */
struct hantro_enc_h264_ctrls {
	struct v4l2_ctrl *profile;
	struct v4l2_ctrl *level;
	struct v4l2_ctrl *entropy;
	struct v4l2_ctrl *t8x8;
	struct v4l2_ctrl *lf_mode;
	struct v4l2_ctrl *lf_alpha;
	struct v4l2_ctrl *lf_beta;
	struct v4l2_ctrl *header_mode;
	struct v4l2_ctrl *repeat_seq;
	struct v4l2_ctrl *prepend;
	struct v4l2_ctrl *b_frames;
	struct v4l2_ctrl *bitrate_mode;
	struct v4l2_ctrl *frame_rc;
	struct v4l2_ctrl *mb_rc;
	struct v4l2_ctrl *bitrate;
	struct v4l2_ctrl *bitrate_peak;
	struct v4l2_ctrl *gop_size;
	struct v4l2_ctrl *i_period;
	struct v4l2_ctrl *i_qp;
	struct v4l2_ctrl *p_qp;
	struct v4l2_ctrl *min_qp;
	struct v4l2_ctrl *max_qp;
	struct v4l2_ctrl *force_key;
	bool key_pending;
};

/**
 * struct hantro_enc_h264_frame - dynamic controls as they were at QBUF
 * @force_key:	code this frame as an IDR picture
 * @intra_period: an IDR every this many frames, 0 for the first only
 * @level:	LEVEL (a V4L2 enum value) the stream needs from this frame on; 0
 *		for a frame queued while CAPTURE was not streaming (the stream
 *		then starts at the control's value)
 * @rc:		rate control parameters, the frame interval (S_PARM) included
 */
struct hantro_enc_h264_frame {
	bool force_key;
	u32 intra_period;
	u8 level;
	struct hantro_h264_rc_params rc;
};

/**
 * struct hantro_enc_h264 - H.264 stream state of a context
 * @pics:	reference/reconstruction pictures, used in turn
 * @cabac_table: CABAC context initialisation table, CABAC streams only
 * @cabac:	the stream is coded in CABAC
 * @transform_8x8: the stream may use 8x8 transforms
 * @asked_entropy: ENTROPY_MODE as the client set it before the stream
 * @asked_t8x8:	8X8_TRANSFORM as the client set it before the stream
 * @rec:	index in @pics of the picture the running frame reconstructs
 * @gop_pos:	frames since the last IDR picture
 * @frame_num:	frame_num of the next picture
 * @idr_pic_id:	idr_pic_id of the last IDR picture
 * @need_idr:	the next picture must be an IDR (start, reset, error)
 * @headers_sent: SPS/PPS went out since the stream (re)started
 * @intra:	the running frame is an IDR picture
 * @with_headers: the running frame carries SPS/PPS
 * @level:	LEVEL of the SPS in force (raised mid-stream by a new SPS and IDR)
 * @next_level:	LEVEL of the SPS the running frame carries
 * @qp:		its QP
 * @rc:		rate control
 */
struct hantro_enc_h264 {
	struct hantro_enc_aux pics[2];
	struct hantro_enc_aux cabac_table;
	bool cabac;
	bool transform_8x8;
	s32 asked_entropy;
	s32 asked_t8x8;
	unsigned int rec;
	u32 gop_pos;
	u16 frame_num;
	u8 idr_pic_id;
	bool need_idr;
	bool headers_sent;
	bool intra;
	bool with_headers;
	u8 level;
	u8 next_level;
	int qp;
	struct hantro_h264_rc rc;
};

/* The controls hantro_enc_h264_ctrls_init() adds. */
#define HANTRO_ENC_H264_NUM_CTRLS	23

/* hantro_enc_h264_ctrls.c */
int hantro_enc_h264_ctrls_init(struct hantro_enc_ctx *ctx, struct v4l2_ctrl_handler *hdl);
void hantro_enc_h264_update_level(struct hantro_enc_ctx *ctx);
void hantro_enc_h264_grab(struct hantro_enc_ctx *ctx, bool grab);
void hantro_enc_h264_queue_frame(struct hantro_enc_ctx *ctx, struct hantro_enc_buf *buf);

#endif /* HANTRO_ENC_H264_H */
