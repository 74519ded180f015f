// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: the V4L2 stateful encoder interface (ioctls and file ops).
 *
 * Implements Documentation/userspace-api/media/v4l/dev-encoder.rst: CAPTURE
 * carries the coded format and governs which raw formats OUTPUT offers; the
 * OUTPUT format, CROP selection and frame interval configure the stream;
 * buffer handling, drain and reset come from the mem2mem helpers. The
 * codec-specific parts live behind struct hantro_enc_codec_ops.
 */

#include <linux/pm_runtime.h>
#include <linux/slab.h>
#include <media/v4l2-event.h>
#include <media/v4l2-ioctl.h>
#include <media/videobuf2-dma-contig.h>

#include "hantro_enc.h"
#include "hantro_enc_compat.h"

#define HANTRO_ENC_DEFAULT_W	640
#define HANTRO_ENC_DEFAULT_H	480
#define HANTRO_ENC_DEFAULT_FPS	30
#define HANTRO_ENC_MAX_FPS	240
#define HANTRO_ENC_MAX_FPS_DEN	(U32_MAX / 4)

static const struct v4l2_event hantro_enc_eos_event = {
	.type = V4L2_EVENT_EOS,
};

/**
 * hantro_enc_signal_eos() - tell subscribers the drain finished
 * @ctx:	context
 *
 * V4L2_EVENT_EOS is deprecated by the spec in favour of the LAST flag, but
 * clients still subscribe to it.
 */
void hantro_enc_signal_eos(struct hantro_enc_ctx *ctx)
{
	v4l2_event_queue_fh(&ctx->fh, &hantro_enc_eos_event);
}

static int hantro_enc_querycap(struct file *file, void *priv,
			       struct v4l2_capability *cap)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);

	strscpy(cap->driver, "hantro-enc", sizeof(cap->driver));
	strscpy(cap->card, ctx->node->vfd.name, sizeof(cap->card));
	snprintf(cap->bus_info, sizeof(cap->bus_info), "platform:%s",
		 dev_name(ctx->dev->dev));
	return 0;
}

static int hantro_enc_enum_fmt_cap(struct file *file, void *priv, struct v4l2_fmtdesc *f)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	const struct hantro_enc_fmt *fmt = hantro_enc_coded_fmt(ctx->node->codecs, f->index);

	if (!fmt)
		return -EINVAL;
	f->pixelformat = fmt->fourcc;
	f->flags = V4L2_FMT_FLAG_COMPRESSED;
	return 0;
}

static int hantro_enc_enum_fmt_out(struct file *file, void *priv, struct v4l2_fmtdesc *f)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	const struct hantro_enc_fmt *fmt = hantro_enc_raw_fmt(ctx->dst_desc->codec, f->index);

	if (!fmt)
		return -EINVAL;
	f->pixelformat = fmt->fourcc;
	return 0;
}

static int hantro_enc_g_fmt(struct file *file, void *priv, struct v4l2_format *f)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);

	f->fmt.pix_mp = V4L2_TYPE_IS_OUTPUT(f->type) ? ctx->src_fmt : ctx->dst_fmt;
	return 0;
}

static int hantro_enc_try_fmt_cap(struct file *file, void *priv, struct v4l2_format *f)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	const struct hantro_enc_fmt *desc;

	desc = hantro_enc_find_coded(ctx->node->codecs, f->fmt.pix_mp.pixelformat);
	if (!desc)
		desc = ctx->dst_desc;
	hantro_enc_fill_coded(ctx, desc, &f->fmt.pix_mp);
	return 0;
}

static int hantro_enc_try_fmt_out(struct file *file, void *priv, struct v4l2_format *f)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	const struct hantro_enc_fmt *desc;

	desc = hantro_enc_find_raw(ctx->dst_desc->codec, f->fmt.pix_mp.pixelformat);
	if (!desc)
		desc = ctx->src_desc;
	f->fmt.pix_mp.flags = 0;
	hantro_enc_fill_raw(ctx, desc, &f->fmt.pix_mp);
	return 0;
}

static struct vb2_queue *hantro_enc_vq(struct hantro_enc_ctx *ctx, enum v4l2_buf_type type)
{
	return v4l2_m2m_get_vq(ctx->fh.m2m_ctx, type);
}

/*
 * One side of the CROP rectangle: even (4:2:0 chroma), within min..max,
 * rounded the way the V4L2_SEL_FLAG_LE/GE flags allow.
 */
static int hantro_enc_crop_side(u32 *v, u32 min, u32 max, u32 flags)
{
	u32 want = *v;

	/* max is even: capped first, rounding up cannot wrap or pass it. */
	*v = min(want, max);
	*v = flags & V4L2_SEL_FLAG_LE ? round_down(*v, 2) : ALIGN(*v, 2);
	*v = clamp(*v, min, max);
	if (((flags & V4L2_SEL_FLAG_LE) && *v > want) ||
	    ((flags & V4L2_SEL_FLAG_GE) && *v < want))
		return -ERANGE;
	return 0;
}

/* The CROP rectangle: at the top-left corner, clamped to the frame. */
static int hantro_enc_adjust_crop(struct hantro_enc_ctx *ctx, struct v4l2_rect *r, u32 flags)
{
	struct hantro_enc_size_range range;
	int ret;

	/* The hardware starts reading at the top-left corner of the frame. */
	r->left = 0;
	r->top = 0;
	hantro_enc_size_range(ctx, ctx->dst_desc, &range);
	ret = hantro_enc_crop_side(&r->width, range.min_w, ctx->src_fmt.width, flags);
	return ret ?: hantro_enc_crop_side(&r->height, range.min_h, ctx->src_fmt.height, flags);
}

static void hantro_enc_reset_crop(struct hantro_enc_ctx *ctx)
{
	ctx->crop = (struct v4l2_rect){
		.width = ctx->src_fmt.width,
		.height = ctx->src_fmt.height,
	};
}

static int hantro_enc_s_fmt_cap(struct file *file, void *priv, struct v4l2_format *f)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	const struct hantro_enc_fmt *raw;

	/* Commit point 5: the coded format is fixed while buffers exist. */
	if (vb2_is_busy(hantro_enc_vq(ctx, V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE)) ||
	    vb2_is_busy(hantro_enc_vq(ctx, V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE)))
		return -EBUSY;

	ctx->cap_sizeimage = f->fmt.pix_mp.plane_fmt[0].sizeimage;
	hantro_enc_try_fmt_cap(file, priv, f);
	ctx->dst_desc = hantro_enc_find_coded(ctx->node->codecs, f->fmt.pix_mp.pixelformat);
	ctx->dst_fmt = f->fmt.pix_mp;

	/* Keep a raw format that still works with the new codec. */
	raw = hantro_enc_find_raw(ctx->dst_desc->codec, ctx->src_desc->fourcc);
	if (!raw) {
		ctx->src_desc = hantro_enc_raw_fmt(ctx->dst_desc->codec, 0);
		hantro_enc_fill_raw(ctx, ctx->src_desc, &ctx->src_fmt);
		hantro_enc_reset_crop(ctx);
		hantro_enc_update_coded(ctx);
	}
	return 0;
}

static int hantro_enc_s_fmt_out(struct file *file, void *priv, struct v4l2_format *f)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);

	if (vb2_is_busy(hantro_enc_vq(ctx, f->type)))
		return -EBUSY;

	hantro_enc_try_fmt_out(file, priv, f);
	/* The coded size is fixed while CAPTURE has buffers (as for CROP). */
	if (vb2_is_busy(hantro_enc_vq(ctx, V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE)) &&
	    (ALIGN(f->fmt.pix_mp.width, HANTRO_ENC_MB) != ctx->dst_fmt.width ||
	     ALIGN(f->fmt.pix_mp.height, HANTRO_ENC_MB) != ctx->dst_fmt.height))
		return -EBUSY;
	ctx->src_desc = hantro_enc_find_raw(ctx->dst_desc->codec, f->fmt.pix_mp.pixelformat);
	ctx->src_fmt = f->fmt.pix_mp;
	/* Setting the OUTPUT format resets the selection rectangles. */
	hantro_enc_reset_crop(ctx);
	hantro_enc_update_coded(ctx);
	hantro_enc_params_changed(ctx);
	return 0;
}

/* Coded formats of the node, raw formats of the current coded format. */
static bool hantro_enc_offers(struct hantro_enc_ctx *ctx, u32 fourcc)
{
	return hantro_enc_find_coded(ctx->node->codecs, fourcc) ||
	       hantro_enc_find_raw(ctx->dst_desc->codec, fourcc);
}

/* The coded format whose size limits apply to @fourcc (coded or raw). */
static const struct hantro_enc_fmt *hantro_enc_size_fmt(struct hantro_enc_ctx *ctx, u32 fourcc)
{
	const struct hantro_enc_fmt *coded = hantro_enc_find_coded(ctx->node->codecs, fourcc);

	return coded ?: ctx->dst_desc;
}

static int hantro_enc_enum_framesizes(struct file *file, void *priv,
				      struct v4l2_frmsizeenum *fsize)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	struct hantro_enc_size_range r;
	unsigned int step;

	if (fsize->index || !hantro_enc_offers(ctx, fsize->pixel_format))
		return -EINVAL;
	hantro_enc_size_range(ctx, hantro_enc_size_fmt(ctx, fsize->pixel_format), &r);
	/*
	 * Coded sizes are whole macroblocks, raw sizes anything even; the
	 * range starts on a step (GStreamer rejects a range that does not).
	 */
	step = hantro_enc_find_coded(ctx->node->codecs, fsize->pixel_format) ? HANTRO_ENC_MB : 2;

	fsize->type = V4L2_FRMSIZE_TYPE_STEPWISE;
	fsize->stepwise = (struct v4l2_frmsize_stepwise){
		.min_width = ALIGN(r.min_w, step),
		.max_width = r.max_w,
		.step_width = step,
		.min_height = ALIGN(r.min_h, step),
		.max_height = r.max_h,
		.step_height = step,
	};
	return 0;
}

static int hantro_enc_enum_frameintervals(struct file *file, void *priv,
					  struct v4l2_frmivalenum *fival)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	struct hantro_enc_size_range r;

	if (fival->index || !hantro_enc_offers(ctx, fival->pixel_format))
		return -EINVAL;
	hantro_enc_size_range(ctx, hantro_enc_size_fmt(ctx, fival->pixel_format), &r);
	/* Every size S_FMT keeps as it is. */
	if (fival->width < r.min_w || fival->width > r.max_w ||
	    fival->height < r.min_h || fival->height > r.max_h ||
	    fival->width % 2 || fival->height % 2)
		return -EINVAL;

	fival->type = V4L2_FRMIVAL_TYPE_CONTINUOUS;
	fival->stepwise.min = (struct v4l2_fract){ 1, HANTRO_ENC_MAX_FPS };
	fival->stepwise.max = (struct v4l2_fract){ 1, 1 };
	fival->stepwise.step = (struct v4l2_fract){ 1, 1 };
	return 0;
}

static int hantro_enc_g_selection(struct file *file, void *priv, struct v4l2_selection *s)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);

	if (s->type != V4L2_BUF_TYPE_VIDEO_OUTPUT)
		return -EINVAL;

	switch (s->target) {
	case V4L2_SEL_TGT_CROP:
		s->r = ctx->crop;
		return 0;
	case V4L2_SEL_TGT_CROP_DEFAULT:
	case V4L2_SEL_TGT_CROP_BOUNDS:
		s->r = (struct v4l2_rect){
			.width = ctx->src_fmt.width,
			.height = ctx->src_fmt.height,
		};
		return 0;
	default:
		return -EINVAL;
	}
}

static int hantro_enc_s_selection(struct file *file, void *priv, struct v4l2_selection *s)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	struct v4l2_rect r = s->r;
	int ret;

	if (s->type != V4L2_BUF_TYPE_VIDEO_OUTPUT || s->target != V4L2_SEL_TGT_CROP)
		return -EINVAL;
	ret = hantro_enc_adjust_crop(ctx, &r, s->flags);
	if (ret)
		return ret;
	/* The coded size follows the crop: fixed once CAPTURE has buffers. */
	if (vb2_is_busy(hantro_enc_vq(ctx, V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE)) &&
	    (ALIGN(r.width, HANTRO_ENC_MB) != ctx->dst_fmt.width ||
	     ALIGN(r.height, HANTRO_ENC_MB) != ctx->dst_fmt.height))
		return -EBUSY;

	s->r = r;
	ctx->crop = r;
	hantro_enc_update_coded(ctx);
	hantro_enc_params_changed(ctx);
	return 0;
}

static int hantro_enc_g_parm(struct file *file, void *priv, struct v4l2_streamparm *a)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);

	if (!V4L2_TYPE_IS_OUTPUT(a->type))
		return -EINVAL;
	memset(&a->parm.output, 0, sizeof(a->parm.output));
	a->parm.output.capability = V4L2_CAP_TIMEPERFRAME;
	a->parm.output.timeperframe = ctx->timeperframe;
	return 0;
}

static int hantro_enc_s_parm(struct file *file, void *priv, struct v4l2_streamparm *a)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	struct v4l2_fract *t = &a->parm.output.timeperframe;

	if (!V4L2_TYPE_IS_OUTPUT(a->type))
		return -EINVAL;
	if (!t->numerator || !t->denominator) {
		*t = ctx->timeperframe;
	} else {
		/* Keep the interval between 1/240 s and 1 s. */
		if (t->numerator > t->denominator)
			*t = (struct v4l2_fract){ 1, 1 };
		else if ((u64)t->numerator * HANTRO_ENC_MAX_FPS < t->denominator)
			*t = (struct v4l2_fract){ 1, HANTRO_ENC_MAX_FPS };
		/*
		 * The VUI's time_scale is twice the denominator in 32 bits:
		 * drop precision the interval cannot use anyway.
		 */
		while (t->denominator > HANTRO_ENC_MAX_FPS_DEN) {
			t->numerator = max(t->numerator >> 1, 1u);
			t->denominator >>= 1;
		}
		ctx->timeperframe = *t;
		hantro_enc_params_changed(ctx);
	}
	return hantro_enc_g_parm(file, priv, a);
}

static int hantro_enc_encoder_cmd(struct file *file, void *priv,
				  struct v4l2_encoder_cmd *ec)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	struct v4l2_m2m_ctx *m2m = ctx->fh.m2m_ctx;
	unsigned long flags;
	bool was_stopped;
	int ret;

	ret = v4l2_m2m_ioctl_try_encoder_cmd(file, priv, ec);
	if (ret)
		return ret;
	if (ctx->fatal)
		return -EIO;
	/* A drain starts only with both queues streaming; accept and ignore. */
	if (!vb2_is_streaming(&m2m->out_q_ctx.q) || !vb2_is_streaming(&m2m->cap_q_ctx.q))
		return 0;

	/* The IRQ path tests and ends the drain state under the same lock. */
	spin_lock_irqsave(&ctx->dev->irqlock, flags);
	was_stopped = v4l2_m2m_has_stopped(m2m);
	ret = v4l2_m2m_encoder_cmd(file, m2m, ec);
	/* An empty OUTPUT queue ends the drain at once. */
	if (!ret && ec->cmd == V4L2_ENC_CMD_STOP && !was_stopped && v4l2_m2m_has_stopped(m2m))
		hantro_enc_signal_eos(ctx);
	spin_unlock_irqrestore(&ctx->dev->irqlock, flags);
	if (ret)
		return ret;

	if (ec->cmd == V4L2_ENC_CMD_START)
		vb2_clear_last_buffer_dequeued(&m2m->cap_q_ctx.q);
	/* Frames queued while stopped can run now; a STOP may unblock a job. */
	v4l2_m2m_try_schedule(m2m);
	return 0;
}

static int hantro_enc_subscribe_event(struct v4l2_fh *fh,
				      const struct v4l2_event_subscription *sub)
{
	switch (sub->type) {
	case V4L2_EVENT_EOS:
		return v4l2_event_subscribe(fh, sub, 0, NULL);
	default:
		return v4l2_ctrl_subscribe_event(fh, sub);
	}
}

/* After a fatal failure only teardown works until the queues are released. */
static int hantro_enc_qbuf(struct file *file, void *priv, struct v4l2_buffer *b)
{
	if (file_to_ctx(file)->fatal)
		return -EIO;
	return v4l2_m2m_ioctl_qbuf(file, priv, b);
}

static int hantro_enc_dqbuf(struct file *file, void *priv, struct v4l2_buffer *b)
{
	if (file_to_ctx(file)->fatal)
		return -EIO;
	return v4l2_m2m_ioctl_dqbuf(file, priv, b);
}

static int hantro_enc_streamon(struct file *file, void *priv, enum v4l2_buf_type type)
{
	if (file_to_ctx(file)->fatal)
		return -EIO;
	return v4l2_m2m_ioctl_streamon(file, priv, type);
}

static int hantro_enc_reqbufs(struct file *file, void *priv,
			      struct v4l2_requestbuffers *rb)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	int ret = v4l2_m2m_ioctl_reqbufs(file, priv, rb);

	/* Releasing both queues re-initialises the instance. */
	if (!ret && ctx->fatal &&
	    !vb2_is_busy(hantro_enc_vq(ctx, V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE)) &&
	    !vb2_is_busy(hantro_enc_vq(ctx, V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE)))
		ctx->fatal = false;
	return ret;
}

const struct v4l2_ioctl_ops hantro_enc_ioctl_ops = {
	.vidioc_querycap		= hantro_enc_querycap,

	.vidioc_enum_fmt_vid_cap	= hantro_enc_enum_fmt_cap,
	.vidioc_enum_fmt_vid_out	= hantro_enc_enum_fmt_out,
	.vidioc_g_fmt_vid_cap_mplane	= hantro_enc_g_fmt,
	.vidioc_g_fmt_vid_out_mplane	= hantro_enc_g_fmt,
	.vidioc_try_fmt_vid_cap_mplane	= hantro_enc_try_fmt_cap,
	.vidioc_try_fmt_vid_out_mplane	= hantro_enc_try_fmt_out,
	.vidioc_s_fmt_vid_cap_mplane	= hantro_enc_s_fmt_cap,
	.vidioc_s_fmt_vid_out_mplane	= hantro_enc_s_fmt_out,
	.vidioc_enum_framesizes		= hantro_enc_enum_framesizes,
	.vidioc_enum_frameintervals	= hantro_enc_enum_frameintervals,

	.vidioc_g_selection		= hantro_enc_g_selection,
	.vidioc_s_selection		= hantro_enc_s_selection,
	.vidioc_g_parm			= hantro_enc_g_parm,
	.vidioc_s_parm			= hantro_enc_s_parm,

	.vidioc_reqbufs			= hantro_enc_reqbufs,
	.vidioc_querybuf		= v4l2_m2m_ioctl_querybuf,
	.vidioc_qbuf			= hantro_enc_qbuf,
	.vidioc_dqbuf			= hantro_enc_dqbuf,
	.vidioc_prepare_buf		= v4l2_m2m_ioctl_prepare_buf,
	.vidioc_create_bufs		= v4l2_m2m_ioctl_create_bufs,
	.vidioc_expbuf			= v4l2_m2m_ioctl_expbuf,
#ifdef V4L2_BUF_CAP_SUPPORTS_REMOVE_BUFS
	.vidioc_remove_bufs		= v4l2_m2m_ioctl_remove_bufs,
#endif
	.vidioc_streamon		= hantro_enc_streamon,
	.vidioc_streamoff		= v4l2_m2m_ioctl_streamoff,

	.vidioc_try_encoder_cmd		= v4l2_m2m_ioctl_try_encoder_cmd,
	.vidioc_encoder_cmd		= hantro_enc_encoder_cmd,

	.vidioc_subscribe_event		= hantro_enc_subscribe_event,
	.vidioc_unsubscribe_event	= v4l2_event_unsubscribe,
};

static void hantro_enc_ctx_defaults(struct hantro_enc_ctx *ctx)
{
	ctx->dst_desc = hantro_enc_default_coded(ctx->node->codecs);
	ctx->src_desc = hantro_enc_raw_fmt(ctx->dst_desc->codec, 0);
	ctx->src_fmt = (struct v4l2_pix_format_mplane){
		.width = HANTRO_ENC_DEFAULT_W,
		.height = HANTRO_ENC_DEFAULT_H,
	};
	hantro_enc_fill_raw(ctx, ctx->src_desc, &ctx->src_fmt);
	hantro_enc_reset_crop(ctx);
	hantro_enc_update_coded(ctx);
	ctx->timeperframe = (struct v4l2_fract){ 1, HANTRO_ENC_DEFAULT_FPS };
}

static int hantro_enc_open(struct file *file)
{
	struct hantro_enc_node *node = container_of(video_devdata(file),
						    struct hantro_enc_node, vfd);
	struct hantro_enc_dev *dev = node->dev;
	struct hantro_enc_ctx *ctx;
	int ret;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	ctx->dev = dev;
	ctx->node = node;
	mutex_init(&ctx->lock);

	if (mutex_lock_interruptible(&dev->lock)) {
		kfree(ctx);
		return -ERESTARTSYS;
	}
	v4l2_fh_init(&ctx->fh, &node->vfd);
	hantro_enc_ctx_defaults(ctx);

	ret = hantro_enc_ctrls_init(ctx);
	if (ret)
		goto err_fh;
	ctx->fh.ctrl_handler = &ctx->ctrls;

	ctx->fh.m2m_ctx = v4l2_m2m_ctx_init(dev->m2m_dev, ctx, hantro_enc_queue_init);
	if (IS_ERR(ctx->fh.m2m_ctx)) {
		ret = PTR_ERR(ctx->fh.m2m_ctx);
		goto err_ctrls;
	}
	hantro_enc_fh_add(&ctx->fh, file);
	mutex_unlock(&dev->lock);
	return 0;

err_ctrls:
	v4l2_ctrl_handler_free(&ctx->ctrls);
err_fh:
	v4l2_fh_exit(&ctx->fh);
	mutex_unlock(&dev->lock);
	mutex_destroy(&ctx->lock);
	kfree(ctx);
	return ret;
}

static int hantro_enc_release(struct file *file)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);

	/* Waits for a running job of this context: other files go on meanwhile. */
	mutex_lock(&ctx->lock);
	v4l2_m2m_ctx_release(ctx->fh.m2m_ctx);
	hantro_enc_fh_del(&ctx->fh, file);
	v4l2_fh_exit(&ctx->fh);
	v4l2_ctrl_handler_free(&ctx->ctrls);
	hantro_enc_bounce_free(ctx);
	mutex_unlock(&ctx->lock);
	mutex_destroy(&ctx->lock);
	kfree(ctx);
	return 0;
}

/*
 * Whether the V4L2 core takes the file's lock for @cmd itself: it takes a
 * mem2mem context's queue lock for the buffer ioctls. DQEVENT may wait and
 * must not hold the lock meanwhile; events have locks of their own. By
 * number, so that the 32-bit variants of the ioctls match too.
 */
static bool hantro_enc_ioctl_unlocked(unsigned int cmd)
{
	if (_IOC_TYPE(cmd) != 'V')
		return false;
	switch (_IOC_NR(cmd)) {
	case _IOC_NR(VIDIOC_REQBUFS):
	case _IOC_NR(VIDIOC_QUERYBUF):
	case _IOC_NR(VIDIOC_QBUF):
	case _IOC_NR(VIDIOC_EXPBUF):
	case _IOC_NR(VIDIOC_DQBUF):
	case _IOC_NR(VIDIOC_STREAMON):
	case _IOC_NR(VIDIOC_STREAMOFF):
	case _IOC_NR(VIDIOC_CREATE_BUFS):
	case _IOC_NR(VIDIOC_PREPARE_BUF):
#ifdef VIDIOC_REMOVE_BUFS
	case _IOC_NR(VIDIOC_REMOVE_BUFS):
#endif
	case _IOC_NR(VIDIOC_DQEVENT):
		return true;
	default:
		return false;
	}
}

/*
 * Every ioctl of a file runs under its context's lock, which is also its
 * queues' lock (vb2 drops it while DQBUF waits): files never wait for each
 * other, not even while one of them waits for its running frame.
 */
static long hantro_enc_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct hantro_enc_ctx *ctx = file_to_ctx(file);
	long ret;

	if (hantro_enc_ioctl_unlocked(cmd))
		return video_ioctl2(file, cmd, arg);
	if (mutex_lock_interruptible(&ctx->lock))
		return -ERESTARTSYS;
	ret = video_ioctl2(file, cmd, arg);
	mutex_unlock(&ctx->lock);
	return ret;
}

const struct v4l2_file_operations hantro_enc_fops = {
	.owner		= THIS_MODULE,
	.open		= hantro_enc_open,
	.release	= hantro_enc_release,
	.poll		= v4l2_m2m_fop_poll,
	.unlocked_ioctl	= hantro_enc_ioctl,
	.mmap		= v4l2_m2m_fop_mmap,
};
