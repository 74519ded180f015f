// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: videobuf2 queues.
 *
 * OUTPUT takes MMAP and DMABUF (contiguous or one buffer per plane) and can
 * be exported, so a camera can capture straight into the encoder's buffers;
 * CAPTURE takes MMAP and exports. Stream start and stop feed the mem2mem
 * drain state machine.
 */

#include <media/videobuf2-dma-contig.h>

#include "hantro_enc.h"
#include "hantro_enc_compat.h"

static const struct v4l2_pix_format_mplane *
hantro_enc_queue_fmt(struct hantro_enc_ctx *ctx, struct vb2_queue *vq)
{
	return V4L2_TYPE_IS_OUTPUT(vq->type) ? &ctx->src_fmt : &ctx->dst_fmt;
}

/*
 * Bytes a buffer's plane needs: an OUTPUT buffer of the driver's own also
 * holds what the hardware reads past the client's last line; an imported
 * one needs just the frame (see hantro_enc_bounce.c).
 *
 * Not so in a per-plane format: GStreamer sizes the memories of such a
 * buffer by each plane's length but finds the planes in it by adding up
 * sizeimage, so a length past sizeimage puts its next plane inside the
 * previous memory, and GStreamer 1.26 then writes past that mapping. Its
 * planes are exactly sizeimage long; where the hardware reads further (a
 * height that is not a multiple of 16) the frame goes through the copy.
 */
static unsigned int hantro_enc_alloc_size(struct hantro_enc_ctx *ctx, struct vb2_queue *vq,
					  unsigned int plane)
{
	const struct v4l2_pix_format_mplane *pix = hantro_enc_queue_fmt(ctx, vq);

	if (V4L2_TYPE_IS_CAPTURE(vq->type) || vq->memory != VB2_MEMORY_MMAP ||
	    pix->num_planes > 1)
		return pix->plane_fmt[plane].sizeimage;
	return PAGE_ALIGN(max_t(size_t, pix->plane_fmt[plane].sizeimage,
				hantro_enc_raw_read_size(pix, plane)));
}

/* The largest buffer of either queue: twice an 8176x8176 frame of 4:2:2. */
#define HANTRO_ENC_MAX_BUF	(2u * HANTRO_ENC_MAX_W * HANTRO_ENC_MAX_H * 2)

static int hantro_enc_queue_setup(struct vb2_queue *vq, unsigned int *nbuffers,
				  unsigned int *nplanes, unsigned int sizes[],
				  struct device *alloc_devs[])
{
	struct hantro_enc_ctx *ctx = vb2_get_drv_priv(vq);
	const struct v4l2_pix_format_mplane *pix = hantro_enc_queue_fmt(ctx, vq);
	unsigned int i, size;

	if (*nplanes) {
		if (*nplanes != pix->num_planes)
			return -EINVAL;
		/*
		 * CREATE_BUFS: at least the format's size, and no more than a
		 * bound on any frame this hardware takes, so that a client
		 * cannot make the kernel allocate whatever it names.
		 */
		for (i = 0; i < pix->num_planes; i++) {
			size = hantro_enc_alloc_size(ctx, vq, i);
			if (sizes[i] < pix->plane_fmt[i].sizeimage || sizes[i] > HANTRO_ENC_MAX_BUF)
				return -EINVAL;
			sizes[i] = max(sizes[i], size);
		}
		return 0;
	}
	*nplanes = pix->num_planes;
	for (i = 0; i < pix->num_planes; i++)
		sizes[i] = hantro_enc_alloc_size(ctx, vq, i);
	return 0;
}

/* Frames are progressive: take ANY as NONE and refuse interlaced fields. */
static int hantro_enc_buf_out_validate(struct vb2_buffer *vb)
{
	struct vb2_v4l2_buffer *vbuf = to_vb2_v4l2_buffer(vb);

	if (vbuf->field == V4L2_FIELD_ANY)
		vbuf->field = V4L2_FIELD_NONE;
	return vbuf->field == V4L2_FIELD_NONE ? 0 : -EINVAL;
}

static int hantro_enc_buf_prepare(struct vb2_buffer *vb)
{
	struct hantro_enc_ctx *ctx = vb2_get_drv_priv(vb->vb2_queue);
	const struct v4l2_pix_format_mplane *pix = hantro_enc_queue_fmt(ctx, vb->vb2_queue);
	unsigned int i;

	for (i = 0; i < pix->num_planes; i++) {
		if (vb2_plane_size(vb, i) < pix->plane_fmt[i].sizeimage)
			return -EINVAL;
		/* The frame must lie wholly behind data_offset. */
		if (V4L2_TYPE_IS_OUTPUT(vb->type) &&
		    (vb->planes[i].data_offset + (u64)pix->plane_fmt[i].sizeimage >
		     vb2_plane_size(vb, i) || vb->planes[i].data_offset % 8))
			return -EINVAL;
	}
	if (V4L2_TYPE_IS_CAPTURE(vb->type)) {
		vb2_set_plane_payload(vb, 0, 0);
		return 0;
	}
	/* An imported buffer too short for whole macroblock rows goes via a copy. */
	return hantro_enc_bounce_prepare(ctx, vb);
}

static void hantro_enc_buf_queue(struct vb2_buffer *vb)
{
	struct vb2_v4l2_buffer *vbuf = to_vb2_v4l2_buffer(vb);
	struct hantro_enc_ctx *ctx = vb2_get_drv_priv(vb->vb2_queue);
	struct v4l2_m2m_ctx *m2m = ctx->fh.m2m_ctx;
	unsigned long flags;

	/* Also for the empty LAST buffers the mem2mem helpers return. */
	if (V4L2_TYPE_IS_CAPTURE(vb->type))
		vbuf->field = V4L2_FIELD_NONE;
	if (V4L2_TYPE_IS_CAPTURE(vb->type) && vb2_is_streaming(vb->vb2_queue)) {
		spin_lock_irqsave(&ctx->dev->irqlock, flags);
		/* A drain ended with no CAPTURE buffer: this one is the empty LAST. */
		if (v4l2_m2m_dst_buf_is_last(m2m)) {
			vb2_set_plane_payload(vb, 0, 0);
			/* Sequence numbers count coded frames; this is none. */
			vbuf->sequence = ctx->sequence_cap;
			v4l2_m2m_last_buffer_done(m2m, vbuf);
			hantro_enc_signal_eos(ctx);
			spin_unlock_irqrestore(&ctx->dev->irqlock, flags);
			return;
		}
		spin_unlock_irqrestore(&ctx->dev->irqlock, flags);
	}
	if (V4L2_TYPE_IS_OUTPUT(vb->type) && ctx->dst_desc->ops->queue_frame)
		ctx->dst_desc->ops->queue_frame(ctx, to_hantro_enc_buf(vbuf));
	v4l2_m2m_buf_queue(m2m, vbuf);
}

/* Give back every buffer the driver holds on @q. */
static void hantro_enc_return_bufs(struct hantro_enc_ctx *ctx, struct vb2_queue *q,
				   enum vb2_buffer_state state)
{
	struct v4l2_m2m_ctx *m2m = ctx->fh.m2m_ctx;
	struct vb2_v4l2_buffer *vbuf;

	for (;;) {
		vbuf = V4L2_TYPE_IS_OUTPUT(q->type) ? v4l2_m2m_src_buf_remove(m2m)
						    : v4l2_m2m_dst_buf_remove(m2m);
		if (!vbuf)
			break;
		v4l2_m2m_buf_done(vbuf, state);
	}
}

static int hantro_enc_start_streaming(struct vb2_queue *q, unsigned int count)
{
	struct hantro_enc_ctx *ctx = vb2_get_drv_priv(q);
	struct v4l2_m2m_ctx *m2m = ctx->fh.m2m_ctx;

	if (V4L2_TYPE_IS_CAPTURE(q->type)) {
		if (ctx->dst_desc->ops->start) {
			int ret = ctx->dst_desc->ops->start(ctx);

			if (ret) {
				hantro_enc_return_bufs(ctx, q, VB2_BUF_STATE_QUEUED);
				return ret;
			}
		}
		v4l2_m2m_update_start_streaming_state(m2m, q);
		ctx->sequence_cap = 0;
		return 0;
	}
	v4l2_m2m_update_start_streaming_state(m2m, q);
	ctx->sequence_out = 0;
	/* Stopped -> Encoding: STREAMON(OUTPUT) resumes like ENC_CMD_START. */
	if (v4l2_m2m_has_stopped(m2m)) {
		v4l2_m2m_clear_state(m2m);
		vb2_clear_last_buffer_dequeued(&m2m->cap_q_ctx.q);
	}
	return 0;
}

static void hantro_enc_stop_streaming(struct vb2_queue *q)
{
	struct hantro_enc_ctx *ctx = vb2_get_drv_priv(q);
	struct v4l2_m2m_ctx *m2m = ctx->fh.m2m_ctx;
	unsigned long flags;
	bool was_draining;

	/* mem2mem waited for a running job of this context already. */
	hantro_enc_return_bufs(ctx, q, VB2_BUF_STATE_ERROR);
	if (V4L2_TYPE_IS_CAPTURE(q->type) && ctx->dst_desc->ops->stop)
		ctx->dst_desc->ops->stop(ctx);

	spin_lock_irqsave(&ctx->dev->irqlock, flags);
	was_draining = m2m->is_draining;
	v4l2_m2m_update_stop_streaming_state(m2m, q);
	/* STREAMOFF(OUTPUT) in a drain ends it: the LAST buffer may be out now. */
	if (V4L2_TYPE_IS_OUTPUT(q->type) && was_draining && v4l2_m2m_has_stopped(m2m))
		hantro_enc_signal_eos(ctx);
	spin_unlock_irqrestore(&ctx->dev->irqlock, flags);
}

static const struct vb2_ops hantro_enc_qops = {
	.queue_setup		= hantro_enc_queue_setup,
	.buf_out_validate	= hantro_enc_buf_out_validate,
	.buf_prepare		= hantro_enc_buf_prepare,
	.buf_queue		= hantro_enc_buf_queue,
	.start_streaming	= hantro_enc_start_streaming,
	.stop_streaming		= hantro_enc_stop_streaming,
	HANTRO_ENC_VB2_WAIT_OPS
};

static int hantro_enc_init_vq(struct hantro_enc_ctx *ctx, struct vb2_queue *vq,
			      enum v4l2_buf_type type, unsigned int io_modes)
{
	vq->type = type;
	vq->io_modes = io_modes;
	vq->drv_priv = ctx;
	vq->ops = &hantro_enc_qops;
	vq->mem_ops = &vb2_dma_contig_memops;
	vq->buf_struct_size = sizeof(struct hantro_enc_buf);
	vq->timestamp_flags = V4L2_BUF_FLAG_TIMESTAMP_COPY;
	/* A size the allocator cannot serve fails REQBUFS, not the kernel log. */
	vq->gfp_flags = __GFP_NOWARN;
	vq->lock = &ctx->lock;
	vq->dev = ctx->dev->dev;
	return vb2_queue_init(vq);
}

int hantro_enc_queue_init(void *priv, struct vb2_queue *src_vq, struct vb2_queue *dst_vq)
{
	struct hantro_enc_ctx *ctx = priv;
	int ret;

	ret = hantro_enc_init_vq(ctx, src_vq, V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE,
				 VB2_MMAP | VB2_DMABUF);
	if (ret)
		return ret;
	/* The header writer needs a CPU mapping of CAPTURE buffers. */
	return hantro_enc_init_vq(ctx, dst_vq, V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE, VB2_MMAP);
}
