// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: JPEG codec layer.
 *
 * Writes the header into the CAPTURE buffer, hands the quantization tables
 * and the address behind the header to the backend; the hardware appends the
 * scan and the EOI marker.
 */

#include <media/videobuf2-dma-contig.h>

#include "hantro_enc.h"
#include "hantro_jpeg_hdr.h"

static int hantro_enc_jpeg_prepare(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job)
{
	struct hantro_jpeg_params p = {
		.width = ctx->crop.width,
		.height = ctx->crop.height,
		.quality = ctx->jpeg_ctrls.quality->cur.val,
	};
	struct hantro_enc_dev *dev = ctx->dev;
	u8 *out = vb2_plane_vaddr(&job->dst->vb2_buf, 0);
	struct hantro_jpeg_quant q;
	int len;

	/* The header is written by the CPU. */
	if (!out)
		return -EFAULT;
	hantro_jpeg_quant_tables(p.quality, &q);
	len = hantro_jpeg_write_header(out, job->dst_size, &p, &q);
	if (len < 0)
		return len;

	/* The header is padded to 8 bytes: the scan starts at an aligned address. */
	job->hdr_len = len;
	job->dst_addr += len;
	job->dst_size -= len;

	hantro_hw_begin(dev, HANTRO_MODE_JPEG);
	hantro_hw_input(ctx, job);
	hantro_program_jpeg(&dev->regs, dev->variant->ip->layout, &q);
	job->pic_type = HANTRO_PIC_INTRA;
	return 0;
}

static int hantro_enc_jpeg_done(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job)
{
	u32 bytes = hantro_hw_bits_written(ctx->dev) / 8;

	vb2_set_plane_payload(&job->dst->vb2_buf, 0,
			      job->hdr_len + min(bytes, job->dst_size));
	job->dst->flags |= V4L2_BUF_FLAG_KEYFRAME;
	return 0;
}

static int hantro_enc_jpeg_ctrls_init(struct hantro_enc_ctx *ctx, struct v4l2_ctrl_handler *hdl)
{
	ctx->jpeg_ctrls.quality = v4l2_ctrl_new_std(hdl, NULL,
						    V4L2_CID_JPEG_COMPRESSION_QUALITY,
						    1, 100, 1, 75);
	return hdl->error;
}

const struct hantro_enc_codec_ops hantro_enc_jpeg_ops = {
	.ctrls_init = hantro_enc_jpeg_ctrls_init,
	.prepare = hantro_enc_jpeg_prepare,
	.done = hantro_enc_jpeg_done,
};
