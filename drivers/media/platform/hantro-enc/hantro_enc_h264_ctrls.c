// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: H.264 controls.
 *
 * Controls that shape the stream headers are locked while CAPTURE streams;
 * rate and QP controls and the key frame request are dynamic and taken
 * with each OUTPUT buffer at QBUF. LEVEL follows the size, frame rate and
 * bitrate: a level the stream does not fit is raised, not refused.
 */

#include "hantro_enc.h"
#include "hantro_h264_profile.h"

/* LEVEL menu values are the codec layer's levels. */
static_assert(V4L2_MPEG_VIDEO_H264_LEVEL_1_0 == (int)HANTRO_H264_LEVEL_1_0 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_1B == (int)HANTRO_H264_LEVEL_1B &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_1_1 == (int)HANTRO_H264_LEVEL_1_1 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_1_2 == (int)HANTRO_H264_LEVEL_1_2 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_1_3 == (int)HANTRO_H264_LEVEL_1_3 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_2_0 == (int)HANTRO_H264_LEVEL_2_0 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_2_1 == (int)HANTRO_H264_LEVEL_2_1 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_2_2 == (int)HANTRO_H264_LEVEL_2_2 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_3_0 == (int)HANTRO_H264_LEVEL_3_0 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_3_1 == (int)HANTRO_H264_LEVEL_3_1 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_3_2 == (int)HANTRO_H264_LEVEL_3_2 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_4_0 == (int)HANTRO_H264_LEVEL_4_0 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_4_1 == (int)HANTRO_H264_LEVEL_4_1 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_4_2 == (int)HANTRO_H264_LEVEL_4_2 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_5_0 == (int)HANTRO_H264_LEVEL_5_0 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_5_1 == (int)HANTRO_H264_LEVEL_5_1 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_5_2 == (int)HANTRO_H264_LEVEL_5_2 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_6_0 == (int)HANTRO_H264_LEVEL_6_0 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_6_1 == (int)HANTRO_H264_LEVEL_6_1 &&
	      V4L2_MPEG_VIDEO_H264_LEVEL_6_2 == (int)HANTRO_H264_LEVEL_6_2);

#define HANTRO_ENC_MAX_BITRATE	100000000

static struct hantro_enc_ctx *ctrl_to_ctx(struct v4l2_ctrl *ctrl)
{
	return container_of(ctrl->handler, struct hantro_enc_ctx, ctrls);
}

/*
 * A control's value: the one being set for @changing (inside the control
 * ops, ->val), the current one for the others (->val may hold a value a
 * failed S_CTRL tried).
 */
static s32 hantro_enc_ctrl_val(const struct v4l2_ctrl *ctrl, const struct v4l2_ctrl *changing)
{
	return ctrl == changing ? ctrl->val : ctrl->cur.val;
}

/* The lowest level the current size, frame rate and bitrate fit. */
static unsigned int hantro_enc_h264_needed_level(struct hantro_enc_ctx *ctx,
						 const struct v4l2_ctrl *changing)
{
	const struct hantro_enc_h264_ctrls *c = &ctx->h264_ctrls;
	unsigned int mbs = (ctx->dst_fmt.width / HANTRO_ENC_MB) *
			   (ctx->dst_fmt.height / HANTRO_ENC_MB);
	u32 fps = DIV_ROUND_UP(ctx->timeperframe.denominator, ctx->timeperframe.numerator);
	u32 rate = hantro_enc_ctrl_val(c->bitrate, changing);

	if (hantro_enc_ctrl_val(c->bitrate_mode, changing) == V4L2_MPEG_VIDEO_BITRATE_MODE_VBR)
		rate = max_t(u32, rate, hantro_enc_ctrl_val(c->bitrate_peak, changing));
	return hantro_h264_min_level(mbs, (u64)mbs * fps, rate);
}

/*
 * Raise LEVEL to what the stream needs; the control lock is held. While
 * streaming LEVEL is held against the client, not against a BITRATE or
 * S_PARM change that outgrows it: the frames queued from then on carry the
 * new level (hantro_enc_h264_queue_frame()), and the first of them starts a
 * new coded video sequence with an SPS that declares it.
 */
static void hantro_enc_h264_raise_level(struct hantro_enc_ctx *ctx,
					const struct v4l2_ctrl *changing)
{
	struct v4l2_ctrl *level = ctx->h264_ctrls.level;
	unsigned int need = hantro_enc_h264_needed_level(ctx, changing);
	bool grabbed = level->flags & V4L2_CTRL_FLAG_GRABBED;

	if (level->cur.val >= need)
		return;
	if (grabbed)
		__v4l2_ctrl_grab(level, false);
	__v4l2_ctrl_s_ctrl(level, need);
	if (grabbed)
		__v4l2_ctrl_grab(level, true);
}

/**
 * hantro_enc_h264_update_level() - keep LEVEL valid after a change of the
 *				    size or the frame interval
 * @ctx:	context
 */
void hantro_enc_h264_update_level(struct hantro_enc_ctx *ctx)
{
	v4l2_ctrl_lock(ctx->h264_ctrls.level);
	hantro_enc_h264_raise_level(ctx, NULL);
	v4l2_ctrl_unlock(ctx->h264_ctrls.level);
}

static int hantro_enc_try_ctrl(struct v4l2_ctrl *ctrl)
{
	struct hantro_enc_ctx *ctx = ctrl_to_ctx(ctrl);

	/* A level the stream does not fit is raised, not refused. */
	if (ctrl->id == V4L2_CID_MPEG_VIDEO_H264_LEVEL)
		ctrl->val = max_t(s32, ctrl->val, hantro_enc_h264_needed_level(ctx, ctrl));
	return 0;
}

static int hantro_enc_s_ctrl(struct v4l2_ctrl *ctrl)
{
	struct hantro_enc_ctx *ctx = ctrl_to_ctx(ctrl);

	switch (ctrl->id) {
	case V4L2_CID_MPEG_VIDEO_FORCE_KEY_FRAME:
		ctx->h264_ctrls.key_pending = true;
		break;
	case V4L2_CID_MPEG_VIDEO_BITRATE:
	case V4L2_CID_MPEG_VIDEO_BITRATE_PEAK:
	case V4L2_CID_MPEG_VIDEO_BITRATE_MODE:
		hantro_enc_h264_raise_level(ctx, ctrl);
		break;
	}
	return 0;
}

static const struct v4l2_ctrl_ops hantro_enc_ctrl_ops = {
	.try_ctrl = hantro_enc_try_ctrl,
	.s_ctrl = hantro_enc_s_ctrl,
};

static struct v4l2_ctrl *hantro_enc_std(struct v4l2_ctrl_handler *hdl, u32 id, s64 min,
					s64 max, s64 def)
{
	return v4l2_ctrl_new_std(hdl, &hantro_enc_ctrl_ops, id, min, max, 1, def);
}

static struct v4l2_ctrl *hantro_enc_menu(struct v4l2_ctrl_handler *hdl, u32 id, u8 max, u8 def)
{
	return v4l2_ctrl_new_std_menu(hdl, &hantro_enc_ctrl_ops, id, max, 0, def);
}

/**
 * hantro_enc_h264_ctrls_init() - the H.264 controls
 * @ctx:	context
 * @hdl:	its handler
 *
 * The menus offer what the encoder produces: CAVLC or CABAC, 8x8
 * transforms in High profile streams (Constrained Baseline, Baseline, Main
 * and High profiles; no Extended, whose data partitioning the hardware
 * lacks), no B frames.
 *
 * Return: the handler's error state.
 */
int hantro_enc_h264_ctrls_init(struct hantro_enc_ctx *ctx, struct v4l2_ctrl_handler *hdl)
{
	const u8 lf_max = V4L2_MPEG_VIDEO_H264_LOOP_FILTER_MODE_DISABLED_AT_SLICE_BOUNDARY;
	struct hantro_enc_h264_ctrls *c = &ctx->h264_ctrls;

	c->profile = v4l2_ctrl_new_std_menu(hdl, &hantro_enc_ctrl_ops,
					    V4L2_CID_MPEG_VIDEO_H264_PROFILE,
					    V4L2_MPEG_VIDEO_H264_PROFILE_HIGH,
					    BIT(V4L2_MPEG_VIDEO_H264_PROFILE_EXTENDED),
					    V4L2_MPEG_VIDEO_H264_PROFILE_CONSTRAINED_BASELINE);
	c->level = hantro_enc_menu(hdl, V4L2_CID_MPEG_VIDEO_H264_LEVEL,
				   V4L2_MPEG_VIDEO_H264_LEVEL_6_2, V4L2_MPEG_VIDEO_H264_LEVEL_4_0);
	c->entropy = hantro_enc_menu(hdl, V4L2_CID_MPEG_VIDEO_H264_ENTROPY_MODE,
				     V4L2_MPEG_VIDEO_H264_ENTROPY_MODE_CABAC,
				     V4L2_MPEG_VIDEO_H264_ENTROPY_MODE_CAVLC);
	c->t8x8 = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_H264_8X8_TRANSFORM, 0, 1, 0);
	c->lf_mode = hantro_enc_menu(hdl, V4L2_CID_MPEG_VIDEO_H264_LOOP_FILTER_MODE, lf_max,
				     V4L2_MPEG_VIDEO_H264_LOOP_FILTER_MODE_ENABLED);
	c->lf_alpha = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_H264_LOOP_FILTER_ALPHA, -6, 6, 0);
	c->lf_beta = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_H264_LOOP_FILTER_BETA, -6, 6, 0);
	/*
	 * Headers only in front of the first picture: a buffer of its own
	 * would share that picture's timestamp, and GStreamer then drops the
	 * picture while FFmpeg muxes the headers as a sample without one.
	 */
	c->header_mode = v4l2_ctrl_new_std_menu(hdl, &hantro_enc_ctrl_ops,
						V4L2_CID_MPEG_VIDEO_HEADER_MODE,
						V4L2_MPEG_VIDEO_HEADER_MODE_JOINED_WITH_1ST_FRAME,
						BIT(V4L2_MPEG_VIDEO_HEADER_MODE_SEPARATE),
						V4L2_MPEG_VIDEO_HEADER_MODE_JOINED_WITH_1ST_FRAME);
	c->repeat_seq = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_REPEAT_SEQ_HEADER, 0, 1, 0);
	c->prepend = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_PREPEND_SPSPPS_TO_IDR, 0, 1, 0);
	c->b_frames = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_B_FRAMES, 0, 0, 0);
	c->bitrate_mode = hantro_enc_menu(hdl, V4L2_CID_MPEG_VIDEO_BITRATE_MODE,
					  V4L2_MPEG_VIDEO_BITRATE_MODE_CBR,
					  V4L2_MPEG_VIDEO_BITRATE_MODE_VBR);
	c->frame_rc = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_FRAME_RC_ENABLE, 0, 1, 1);
	c->mb_rc = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_MB_RC_ENABLE, 0, 1, 0);
	c->bitrate = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_BITRATE, 10000,
				    HANTRO_ENC_MAX_BITRATE, 2000000);
	c->bitrate_peak = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_BITRATE_PEAK, 10000,
					 HANTRO_ENC_MAX_BITRATE, 4000000);
	c->gop_size = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_GOP_SIZE, 0, 65535, 30);
	c->i_period = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_H264_I_PERIOD, 0, 65535, 0);
	c->i_qp = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_H264_I_FRAME_QP, 0, 51, 26);
	c->p_qp = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_H264_P_FRAME_QP, 0, 51, 28);
	c->min_qp = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_H264_MIN_QP, 0, 51, 10);
	c->max_qp = hantro_enc_std(hdl, V4L2_CID_MPEG_VIDEO_H264_MAX_QP, 0, 51, 51);
	c->force_key = v4l2_ctrl_new_std(hdl, &hantro_enc_ctrl_ops,
					 V4L2_CID_MPEG_VIDEO_FORCE_KEY_FRAME, 0, 0, 0, 0);
	return hdl->error;
}

/**
 * hantro_enc_h264_grab() - lock or unlock the controls the headers depend on
 * @ctx:	context
 * @grab:	lock
 */
void hantro_enc_h264_grab(struct hantro_enc_ctx *ctx, bool grab)
{
	struct hantro_enc_h264_ctrls *c = &ctx->h264_ctrls;
	struct v4l2_ctrl *fixed[] = {
		c->profile, c->level, c->entropy, c->t8x8, c->lf_mode, c->lf_alpha,
		c->lf_beta, c->header_mode, c->repeat_seq, c->prepend, c->b_frames, c->mb_rc,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fixed); i++)
		v4l2_ctrl_grab(fixed[i], grab);
}

/*
 * GOP_SIZE is the IDR period; H264_I_PERIOD the period of intra pictures
 * within it. The hardware's intra pictures are IDR pictures (facts: intra
 * codes NAL type 5), so a shorter I period starts a new GOP early.
 */
static u32 hantro_enc_h264_intra_period(const struct hantro_enc_h264_ctrls *c)
{
	u32 gop = c->gop_size->cur.val, i = c->i_period->cur.val;

	if (!gop || !i)
		return gop ?: i;
	return min(gop, i);
}

/**
 * hantro_enc_h264_queue_frame() - the dynamic controls for a frame being queued
 * @ctx:	context
 * @buf:	the OUTPUT buffer
 *
 * Called at QBUF, serialised with S_CTRL and S_PARM by the context's lock:
 * a key frame request applies to the next frame queued, a new bitrate,
 * level or frame rate from it on.
 */
void hantro_enc_h264_queue_frame(struct hantro_enc_ctx *ctx, struct hantro_enc_buf *buf)
{
	const struct hantro_enc_h264_ctrls *c = &ctx->h264_ctrls;

	buf->h264 = (struct hantro_enc_h264_frame){
		.force_key = ctx->h264_ctrls.key_pending,
		.intra_period = hantro_enc_h264_intra_period(c),
		.level = vb2_is_streaming(v4l2_m2m_get_dst_vq(ctx->fh.m2m_ctx)) ?
			 c->level->cur.val : 0,
		.rc = {
			.frame_rc = c->frame_rc->cur.val,
			.vbr = c->bitrate_mode->cur.val == V4L2_MPEG_VIDEO_BITRATE_MODE_VBR,
			.bitrate = c->bitrate->cur.val,
			.bitrate_peak = max(c->bitrate_peak->cur.val, c->bitrate->cur.val),
			.i_qp = c->i_qp->cur.val,
			.p_qp = c->p_qp->cur.val,
			.min_qp = min(c->min_qp->cur.val, c->max_qp->cur.val),
			.max_qp = c->max_qp->cur.val,
			.interval_num = ctx->timeperframe.numerator,
			.interval_den = ctx->timeperframe.denominator,
		},
	};
	ctx->h264_ctrls.key_pending = false;
}
