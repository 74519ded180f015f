/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the VP8 controls of a context, a frame's parameters and the
 * stream state.
 */
#ifndef HANTRO_ENC_VP8_H
#define HANTRO_ENC_VP8_H

#include <linux/types.h>
#include <media/v4l2-ctrls.h>

#include "hantro_h264_rc.h"
#include "hantro_vp8_frame.h"
#include "hantro_vp8_hdr.h"

struct hantro_enc_buf;
struct hantro_enc_ctx;

/**
 * struct hantro_enc_vp8_ctrls - the VP8 controls of a context; the rate
 *				 controls (bitrate, GOP, key frame request)
 *				 are the node's, shared with H.264
 * @profile:	V4L2_CID_MPEG_VIDEO_VP8_PROFILE
 * @partitions:	V4L2_CID_MPEG_VIDEO_VPX_NUM_PARTITIONS
 * @ref_frames:	V4L2_CID_MPEG_VIDEO_VPX_NUM_REF_FRAMES
 * @golden_sel:	V4L2_CID_MPEG_VIDEO_VPX_GOLDEN_FRAME_SEL
 * @golden_period: V4L2_CID_MPEG_VIDEO_VPX_GOLDEN_FRAME_REF_PERIOD
 * @filter_level: V4L2_CID_MPEG_VIDEO_VPX_FILTER_LEVEL
 * @sharpness:	V4L2_CID_MPEG_VIDEO_VPX_FILTER_SHARPNESS
 * @i_qp:	V4L2_CID_MPEG_VIDEO_VPX_I_FRAME_QP
 * @p_qp:	V4L2_CID_MPEG_VIDEO_VPX_P_FRAME_QP
 * @min_qp:	V4L2_CID_MPEG_VIDEO_VPX_MIN_QP
 * @max_qp:	V4L2_CID_MPEG_VIDEO_VPX_MAX_QP
 */
struct hantro_enc_vp8_ctrls {
	struct v4l2_ctrl *profile;
	struct v4l2_ctrl *partitions;
	struct v4l2_ctrl *ref_frames;
	struct v4l2_ctrl *golden_sel;
	struct v4l2_ctrl *golden_period;
	struct v4l2_ctrl *filter_level;
	struct v4l2_ctrl *sharpness;
	struct v4l2_ctrl *i_qp;
	struct v4l2_ctrl *p_qp;
	struct v4l2_ctrl *min_qp;
	struct v4l2_ctrl *max_qp;
};

/**
 * struct hantro_enc_vp8_frame - dynamic controls as they were at QBUF
 * @force_key:	code this frame as a key frame
 * @key_period:	a key frame every this many frames, 0 for the first only
 * @i_qi:	quantiser index of key frames without frame rate control (the
 *		min..max range applies at coding)
 * @p_qi:	of inter frames
 * @min_qi:	the smallest rate control may use
 * @max_qi:	the largest
 * @rc:		rate control parameters, on the H.264 QP scale
 */
struct hantro_enc_vp8_frame {
	bool force_key;
	u32 key_period;
	u8 i_qi;
	u8 p_qi;
	u8 min_qi;
	u8 max_qi;
	struct hantro_h264_rc_params rc;
};

/**
 * struct hantro_enc_vp8 - VP8 stream state of a context
 * @pics:	reference/reconstruction pictures: two, three when the golden
 *		frame is kept apart
 * @npics:	how many of @pics there are
 * @golden:	enum hantro_vp8_golden of the stream
 * @refs:	which of @pics the decoder's references are
 * @tables:	the probability table, the size table and the count buffer
 * @entropy:	the probabilities in force at the decoder
 * @hdr:	the running frame's header
 * @layout:	where its parts are in the CAPTURE buffer
 * @rec:	index in @pics of the picture the running frame reconstructs
 * @gop_pos:	frames since the last key frame
 * @need_key:	the next frame must be a key frame (start, error)
 * @counts_ok:	the count buffer holds the last frame's counts
 * @qp:		the running frame's QP on the rate control's scale
 * @rc:		rate control
 */
struct hantro_enc_vp8 {
	struct hantro_enc_aux pics[HANTRO_VP8_PICS];
	unsigned int npics;
	u8 golden;
	struct hantro_vp8_refs refs;
	struct hantro_enc_aux tables;
	struct hantro_vp8_entropy entropy;
	struct hantro_vp8_frame_hdr hdr;
	struct hantro_vp8_buf_layout layout;
	unsigned int rec;
	u32 gop_pos;
	bool need_key;
	bool counts_ok;
	int qp;
	struct hantro_h264_rc rc;
};

/* The controls hantro_enc_vp8_ctrls_init() adds. */
#define HANTRO_ENC_VP8_NUM_CTRLS	11

/* hantro_enc_vp8_ctrls.c */
int hantro_enc_vp8_ctrls_init(struct hantro_enc_ctx *ctx, struct v4l2_ctrl_handler *hdl);
void hantro_enc_vp8_grab(struct hantro_enc_ctx *ctx, bool grab);
void hantro_enc_vp8_queue_frame(struct hantro_enc_ctx *ctx, struct hantro_enc_buf *buf);
u8 hantro_enc_vp8_golden(const struct hantro_enc_ctx *ctx);

#endif /* HANTRO_ENC_VP8_H */
