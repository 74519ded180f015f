// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: running frames on the hardware.
 *
 * device_run() has the codec prepare one frame, arms a watchdog and starts
 * the hardware; the interrupt or, if it never comes, the watchdog
 * completes it. cancel_delayed_work() decides
 * which of the two owns the completion, and once the watchdog has reset
 * the core (job_reset) the interrupt leaves the job to it, so a job
 * finishes exactly once.
 * Buffers stay on the mem2mem queues while the hardware works on them: a
 * drain started meanwhile then correctly names the running frame as the last.
 */

#include <linux/interrupt.h>
#include <linux/pm_runtime.h>
#include <media/videobuf2-dma-contig.h>

#include "hantro_enc.h"
#include "hantro_enc_compat.h"

/* DMA addresses of the input planes, honouring data_offset. */
static int hantro_enc_src_addrs(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job)
{
	struct vb2_buffer *vb = &job->src->vb2_buf;
	const struct v4l2_pix_format_mplane *pix = &ctx->src_fmt;
	const struct v4l2_format_info *info = v4l2_format_info(pix->pixelformat);
	unsigned int i;
	int ret;

	memset(job->src_addr, 0, sizeof(job->src_addr));
	ret = hantro_enc_bounce_src(ctx, vb, job->src_addr);
	if (ret < 0)
		return ret;
	/* Not copied (ret 0): each memory plane is read where it is. */
	for (i = 0; !ret && i < pix->num_planes; i++)
		job->src_addr[i] = vb2_dma_contig_plane_dma_addr(vb, i) +
				   vb->planes[i].data_offset;
	if (pix->num_planes > 1)
		return 0;

	/* One buffer, several components: each follows the previous one. */
	for (i = 1; i < info->comp_planes; i++)
		job->src_addr[i] = job->src_addr[0] + hantro_enc_plane_offset(pix, i);
	return 0;
}

/* Return the running job's buffers and let mem2mem schedule the next. */
static void hantro_enc_return_job(struct hantro_enc_dev *dev, enum vb2_buffer_state state)
{
	struct hantro_enc_ctx *ctx = dev->job_ctx;
	struct v4l2_m2m_ctx *m2m = ctx->fh.m2m_ctx;
	struct vb2_v4l2_buffer *src, *dst;
	unsigned long flags;

	if (state == VB2_BUF_STATE_DONE && ctx->dst_desc->ops->done(ctx, &dev->job))
		state = VB2_BUF_STATE_ERROR;
	if (state != VB2_BUF_STATE_DONE)
		vb2_set_plane_payload(&dev->job.dst->vb2_buf, 0, 0);

	spin_lock_irqsave(&dev->irqlock, flags);
	src = v4l2_m2m_src_buf_remove(m2m);
	dst = v4l2_m2m_dst_buf_remove(m2m);
	hantro_enc_copy_metadata(src, dst);
	dst->field = V4L2_FIELD_NONE;
	dst->sequence = ctx->sequence_cap++;
	src->sequence = ctx->sequence_out++;
	if (v4l2_m2m_is_last_draining_src_buf(m2m, src)) {
		dst->flags |= V4L2_BUF_FLAG_LAST;
		v4l2_m2m_mark_stopped(m2m);
		hantro_enc_signal_eos(ctx);
	}
	v4l2_m2m_buf_done(src, state);
	v4l2_m2m_buf_done(dst, state);
	dev->job_ctx = NULL;
	spin_unlock_irqrestore(&dev->irqlock, flags);
	wake_up_all(&dev->job_wq);

	if (dev->job.powered) {
		pm_runtime_mark_last_busy(dev->dev);
		pm_runtime_put_autosuspend(dev->dev);
	}
	v4l2_m2m_job_finish(dev->m2m_dev, m2m);
}

/* How long the hardware may take for one frame of @ctx. */
static unsigned int hantro_enc_job_timeout_ms(const struct hantro_enc_ctx *ctx)
{
	unsigned int mbs = DIV_ROUND_UP(ctx->crop.width, HANTRO_ENC_MB) *
			   DIV_ROUND_UP(ctx->crop.height, HANTRO_ENC_MB);

	return HANTRO_ENC_WATCHDOG_MS + mbs / HANTRO_ENC_WATCHDOG_MBS_PER_MS;
}

static void hantro_enc_device_run(void *priv)
{
	struct hantro_enc_ctx *ctx = priv;
	struct hantro_enc_dev *dev = ctx->dev;
	struct hantro_enc_job *job = &dev->job;
	bool shutdown;
	int ret;

	memset(job, 0, sizeof(*job));
	job->src = v4l2_m2m_next_src_buf(ctx->fh.m2m_ctx);
	job->dst = v4l2_m2m_next_dst_buf(ctx->fh.m2m_ctx);
	job->dst->flags &= ~(V4L2_BUF_FLAG_KEYFRAME | V4L2_BUF_FLAG_PFRAME |
			     V4L2_BUF_FLAG_BFRAME);
	/* Ordered against remove(), which sets shutdown, then waits for job_ctx. */
	spin_lock_irq(&dev->irqlock);
	dev->job_ctx = ctx;
	shutdown = dev->shutdown;
	spin_unlock_irq(&dev->irqlock);

	/* Unbound: fail the job without the hardware, its power or its log. */
	if (shutdown) {
		hantro_enc_return_job(dev, VB2_BUF_STATE_ERROR);
		return;
	}
	ret = pm_runtime_resume_and_get(dev->dev);
	if (ret < 0) {
		dev_err(dev->dev, "cannot power up the encoder: %d\n", ret);
		/* Nothing can run on this handle until it is re-initialised. */
		ctx->fatal = true;
		hantro_enc_return_job(dev, VB2_BUF_STATE_ERROR);
		return;
	}
	job->powered = true;

	ret = hantro_enc_src_addrs(ctx, job);
	if (ret) {
		hantro_dbg(1, dev, "OUTPUT buffer not readable: %d\n", ret);
		hantro_enc_return_job(dev, VB2_BUF_STATE_ERROR);
		return;
	}
	job->dst_addr = vb2_dma_contig_plane_dma_addr(&job->dst->vb2_buf, 0);
	job->dst_size = vb2_plane_size(&job->dst->vb2_buf, 0);

	ret = ctx->dst_desc->ops->prepare(ctx, job);
	if (ret) {
		hantro_dbg(1, dev, "frame not started: %d\n", ret);
		hantro_enc_return_job(dev, VB2_BUF_STATE_ERROR);
		return;
	}
	/* Armed before the start write: an early IRQ must find it pending. */
	schedule_delayed_work(&dev->watchdog, msecs_to_jiffies(hantro_enc_job_timeout_ms(ctx)));
	hantro_hw_start(dev, job->pic_type);
}

static int hantro_enc_job_ready(void *priv)
{
	struct hantro_enc_ctx *ctx = priv;

	return !ctx->fatal;
}

const struct v4l2_m2m_ops hantro_enc_m2m_ops = {
	.device_run	= hantro_enc_device_run,
	.job_ready	= hantro_enc_job_ready,
};

irqreturn_t hantro_enc_irq(int irq, void *priv)
{
	struct hantro_enc_dev *dev = priv;
	bool done;
	u32 status;

	done = hantro_hw_irq_status(dev, &status);
	if (!status)
		return IRQ_NONE;

	/* The watchdog fired and owns this job (it may be waiting for a stop). */
	if (READ_ONCE(dev->job_reset) || !cancel_delayed_work(&dev->watchdog))
		return IRQ_HANDLED;

	if (!done) {
		dev_warn(dev->dev, "frame failed, status %#x\n", status);
		hantro_hw_reset(dev);
	}
	hantro_enc_return_job(dev, done ? VB2_BUF_STATE_DONE : VB2_BUF_STATE_ERROR);
	return IRQ_HANDLED;
}

/*
 * How often the watchdog looks again at a core that does not stop, and how
 * many times before it gives the buffers back anyway: a core that ignores
 * its reset is broken, and a job that never ends would block unbind, system
 * sleep and every close for good.
 */
#define HANTRO_ENC_STOP_POLL_MS		100
#define HANTRO_ENC_STOP_POLLS		50

void hantro_enc_watchdog(struct work_struct *work)
{
	struct hantro_enc_dev *dev = container_of(to_delayed_work(work),
						  struct hantro_enc_dev, watchdog);

	if (!dev->job_ctx)
		return;
	if (!dev->job_reset) {
		dev_warn(dev->dev, "frame timed out, resetting the encoder\n");
		dev->stop_polls = 0;
		WRITE_ONCE(dev->job_reset, true);
		hantro_hw_reset(dev);
	}
	/*
	 * The buffers go back only once the core has stopped: until then it
	 * may still write them, and userspace could reuse or free them.
	 */
	if (!hantro_hw_wait_idle(dev, HANTRO_ENC_STOP_POLL_MS * USEC_PER_MSEC)) {
		if (++dev->stop_polls < HANTRO_ENC_STOP_POLLS) {
			schedule_delayed_work(&dev->watchdog,
					      msecs_to_jiffies(HANTRO_ENC_STOP_POLL_MS));
			return;
		}
		dev_err(dev->dev, "encoder does not stop after a reset; giving its buffers back\n");
	}
	WRITE_ONCE(dev->job_reset, false);
	hantro_enc_return_job(dev, VB2_BUF_STATE_ERROR);
}
