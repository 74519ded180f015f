// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: VP8 controls.
 *
 * The rate controls (bitrate mode, bitrate, peak, frame rate control, GOP
 * size, key frame request) are the video node's, created with H.264's,
 * which every block with VP8 also encodes (hantro_enc_variants.c). The
 * ones below shape the stream and are locked while CAPTURE streams (the
 * golden frame's among them: its picture is allocated at STREAMON), but
 * for the quantiser indices, which are taken with each OUTPUT buffer.
 */

#include "hantro_enc.h"
#include "hantro_vp8_costs.h"

static struct v4l2_ctrl *hantro_enc_vp8_std(struct v4l2_ctrl_handler *hdl, u32 id, s64 max,
					    s64 def)
{
	return v4l2_ctrl_new_std(hdl, NULL, id, 0, max, 1, def);
}

/**
 * hantro_enc_vp8_ctrls_init() - the VP8 controls
 * @ctx:	context
 * @hdl:	its handler
 *
 * Profile 0 (six-tap prediction), and 1 and 2 (bilinear) where the block
 * has the interpolation bit (H1; not VEPU2), the normal loop filter (the
 * decoders take its type from the header, whatever the profile); one or two
 * token partitions (the RK blocks have two partition addresses), one or
 * two references: the last frame, and the golden frame searched beside it
 * (the blocks search two), which is the frame before the last or every
 * n-th frame from the key frame.
 *
 * Return: the handler's error state, -EINVAL on a node without the H.264
 * rate controls.
 */
int hantro_enc_vp8_ctrls_init(struct hantro_enc_ctx *ctx, struct v4l2_ctrl_handler *hdl)
{
	struct hantro_enc_vp8_ctrls *c = &ctx->vp8_ctrls;
	bool bilinear = ctx->dev->variant->ip->layout->vp8.bilinear.mask;

	if (!ctx->h264_ctrls.bitrate)
		return -EINVAL;
	c->profile = v4l2_ctrl_new_std_menu(hdl, NULL, V4L2_CID_MPEG_VIDEO_VP8_PROFILE,
					    bilinear ? V4L2_MPEG_VIDEO_VP8_PROFILE_2 :
						       V4L2_MPEG_VIDEO_VP8_PROFILE_0,
					    0, V4L2_MPEG_VIDEO_VP8_PROFILE_0);
	c->partitions = v4l2_ctrl_new_std_menu(hdl, NULL, V4L2_CID_MPEG_VIDEO_VPX_NUM_PARTITIONS,
					       V4L2_CID_MPEG_VIDEO_VPX_2_PARTITIONS, 0,
					       V4L2_CID_MPEG_VIDEO_VPX_1_PARTITION);
	c->ref_frames = v4l2_ctrl_new_std_menu(hdl, NULL, V4L2_CID_MPEG_VIDEO_VPX_NUM_REF_FRAMES,
					       V4L2_CID_MPEG_VIDEO_VPX_2_REF_FRAME, 0,
					       V4L2_CID_MPEG_VIDEO_VPX_1_REF_FRAME);
	c->golden_sel = v4l2_ctrl_new_std_menu(hdl, NULL, V4L2_CID_MPEG_VIDEO_VPX_GOLDEN_FRAME_SEL,
					       V4L2_CID_MPEG_VIDEO_VPX_GOLDEN_FRAME_USE_REF_PERIOD,
					       0, V4L2_CID_MPEG_VIDEO_VPX_GOLDEN_FRAME_USE_PREV);
	c->golden_period = hantro_enc_vp8_std(hdl, V4L2_CID_MPEG_VIDEO_VPX_GOLDEN_FRAME_REF_PERIOD,
					      U16_MAX, 0);
	/* The level the vendor's header carries at its usual index (36). */
	c->filter_level = hantro_enc_vp8_std(hdl, V4L2_CID_MPEG_VIDEO_VPX_FILTER_LEVEL, 63,
					     hantro_vp8_filter_level(36, true));
	c->sharpness = hantro_enc_vp8_std(hdl, V4L2_CID_MPEG_VIDEO_VPX_FILTER_SHARPNESS, 7, 0);
	c->i_qp = hantro_enc_vp8_std(hdl, V4L2_CID_MPEG_VIDEO_VPX_I_FRAME_QP, 127, 36);
	c->p_qp = hantro_enc_vp8_std(hdl, V4L2_CID_MPEG_VIDEO_VPX_P_FRAME_QP, 127, 40);
	c->min_qp = hantro_enc_vp8_std(hdl, V4L2_CID_MPEG_VIDEO_VPX_MIN_QP, 127, 0);
	c->max_qp = hantro_enc_vp8_std(hdl, V4L2_CID_MPEG_VIDEO_VPX_MAX_QP, 127, 127);
	return hdl->error;
}

/**
 * hantro_enc_vp8_grab() - lock or unlock the controls that shape the stream
 * @ctx:	context
 * @grab:	lock
 */
void hantro_enc_vp8_grab(struct hantro_enc_ctx *ctx, bool grab)
{
	struct hantro_enc_vp8_ctrls *c = &ctx->vp8_ctrls;
	struct v4l2_ctrl *fixed[] = {
		c->profile, c->partitions, c->ref_frames, c->golden_sel, c->golden_period,
		c->filter_level, c->sharpness,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fixed); i++)
		v4l2_ctrl_grab(fixed[i], grab);
}

/**
 * hantro_enc_vp8_queue_frame() - the dynamic controls for a frame being queued
 * @ctx:	context
 * @buf:	the OUTPUT buffer
 *
 * Called at QBUF under the context's lock, as for H.264: a key frame
 * request applies to the next frame queued, new quantisers and rates from
 * it on. Rate control runs on the H.264 QP scale.
 */
void hantro_enc_vp8_queue_frame(struct hantro_enc_ctx *ctx, struct hantro_enc_buf *buf)
{
	const struct hantro_enc_vp8_ctrls *c = &ctx->vp8_ctrls;
	const struct hantro_enc_h264_ctrls *rc = &ctx->h264_ctrls;
	u8 min_qi = min(c->min_qp->cur.val, c->max_qp->cur.val), max_qi = c->max_qp->cur.val;

	buf->vp8 = (struct hantro_enc_vp8_frame){
		.force_key = rc->key_pending,
		.key_period = rc->gop_size->cur.val,
		.i_qi = c->i_qp->cur.val,
		.p_qi = c->p_qp->cur.val,
		.min_qi = min_qi,
		.max_qi = max_qi,
		.rc = {
			.frame_rc = rc->frame_rc->cur.val,
			.vbr = rc->bitrate_mode->cur.val == V4L2_MPEG_VIDEO_BITRATE_MODE_VBR,
			.bitrate = rc->bitrate->cur.val,
			.bitrate_peak = max(rc->bitrate_peak->cur.val, rc->bitrate->cur.val),
			.i_qp = hantro_vp8_rc_qp(c->i_qp->cur.val),
			.p_qp = hantro_vp8_rc_qp(c->p_qp->cur.val),
			.min_qp = hantro_vp8_rc_qp(min_qi),
			.max_qp = hantro_vp8_rc_qp(max_qi),
			.interval_num = ctx->timeperframe.numerator,
			.interval_den = ctx->timeperframe.denominator,
		},
	};
	ctx->h264_ctrls.key_pending = false;
}

/**
 * hantro_enc_vp8_golden() - what the golden frame is, as the controls say
 * @ctx:	context
 *
 * Return: enum hantro_vp8_golden.
 */
u8 hantro_enc_vp8_golden(const struct hantro_enc_ctx *ctx)
{
	const struct hantro_enc_vp8_ctrls *c = &ctx->vp8_ctrls;

	if (c->ref_frames->cur.val == V4L2_CID_MPEG_VIDEO_VPX_1_REF_FRAME)
		return HANTRO_VP8_GOLDEN_NONE;
	if (c->golden_sel->cur.val == V4L2_CID_MPEG_VIDEO_VPX_GOLDEN_FRAME_USE_PREV)
		return HANTRO_VP8_GOLDEN_PREV;
	return HANTRO_VP8_GOLDEN_PERIOD;
}
