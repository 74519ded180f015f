// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: H.264 codec layer.
 *
 * Per frame: decide IDR or P, write SPS/PPS in front of an IDR picture when
 * the stream needs them, pick the QP, and program the hardware to continue
 * the CAPTURE buffer after the headers (8-byte aligned address, the bytes
 * already there in HDR_REM, the bit offset) with one picture as one slice.
 * The hardware reads the previous reconstruction as its reference and
 * writes the new one; the two internal pictures swap roles every frame.
 */

#include <media/videobuf2-dma-contig.h>

#include "hantro_enc.h"
#include "h264_syntax.h"
#include "hantro_h264_cabac.h"
#include "hantro_h264_frame.h"
#include "hantro_h264_hdr.h"
#include "hantro_h264_profile.h"

static void hantro_h264_free_bufs(struct hantro_enc_ctx *ctx)
{
	struct hantro_enc_h264 *h = &ctx->h264;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(h->pics); i++)
		hantro_enc_aux_free(ctx->dev->dev, &h->pics[i]);
	hantro_enc_aux_free(ctx->dev->dev, &h->cabac_table);
}

/*
 * Reference and reconstruction: coded-size luma, interleaved chroma after
 * it; for CABAC the context table, built once since its init_idc is fixed.
 */
static int hantro_h264_alloc_bufs(struct hantro_enc_ctx *ctx)
{
	struct hantro_enc_h264 *h = &ctx->h264;
	size_t size = (size_t)ctx->dst_fmt.width * ctx->dst_fmt.height * 3 / 2;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(h->pics); i++)
		if (hantro_enc_aux_alloc(ctx->dev->dev, &h->pics[i], size))
			goto fail;
	if (h->cabac) {
		if (hantro_enc_aux_alloc(ctx->dev->dev, &h->cabac_table,
					 HANTRO_H264_CABAC_TABLE_SIZE))
			goto fail;
		hantro_h264_cabac_table(h->cabac_table.cpu, HANTRO_H264_CABAC_INIT_IDC);
	}
	return 0;
fail:
	hantro_h264_free_bufs(ctx);
	return -ENOMEM;
}

/*
 * CABAC is what ENTROPY_MODE asks for, but only Main and High profile
 * streams may use it: a Baseline stream is coded in CAVLC whatever the
 * entropy control says, so that it stays decodable where it claims to be.
 */
static bool hantro_h264_wants_cabac(const struct hantro_enc_h264_ctrls *c)
{
	return c->entropy->cur.val == V4L2_MPEG_VIDEO_H264_ENTROPY_MODE_CABAC &&
	       (c->profile->cur.val == V4L2_MPEG_VIDEO_H264_PROFILE_MAIN ||
		c->profile->cur.val == V4L2_MPEG_VIDEO_H264_PROFILE_HIGH);
}

/* STREAMON(CAPTURE) starts a stream: new headers, an IDR picture, fresh RC. */
static int hantro_h264_start(struct hantro_enc_ctx *ctx)
{
	struct hantro_enc_h264 *h = &ctx->h264;
	int ret;

	h->cabac = hantro_h264_wants_cabac(&ctx->h264_ctrls);
	/* 8x8 transforms are a High profile tool. */
	h->transform_8x8 = ctx->h264_ctrls.t8x8->cur.val &&
			   ctx->h264_ctrls.profile->cur.val == V4L2_MPEG_VIDEO_H264_PROFILE_HIGH;
	/*
	 * The tools the profile rules out read back as off while the stream
	 * runs, and as the client set them again after it: the order in which
	 * a client sets profile and tools does not matter.
	 */
	h->asked_entropy = ctx->h264_ctrls.entropy->cur.val;
	h->asked_t8x8 = ctx->h264_ctrls.t8x8->cur.val;
	if (!h->cabac)
		v4l2_ctrl_s_ctrl(ctx->h264_ctrls.entropy, V4L2_MPEG_VIDEO_H264_ENTROPY_MODE_CAVLC);
	if (!h->transform_8x8)
		v4l2_ctrl_s_ctrl(ctx->h264_ctrls.t8x8, 0);
	ret = hantro_h264_alloc_bufs(ctx);
	if (ret)
		return ret;
	h->need_idr = true;
	h->headers_sent = false;
	h->idr_pic_id = 0;
	h->level = ctx->h264_ctrls.level->cur.val;
	h->rec = 0;
	hantro_h264_rc_reset(&h->rc);
	hantro_enc_h264_grab(ctx, true);
	return 0;
}

static void hantro_h264_stop(struct hantro_enc_ctx *ctx)
{
	struct hantro_enc_h264 *h = &ctx->h264;

	hantro_enc_h264_grab(ctx, false);
	v4l2_ctrl_s_ctrl(ctx->h264_ctrls.entropy, h->asked_entropy);
	v4l2_ctrl_s_ctrl(ctx->h264_ctrls.t8x8, h->asked_t8x8);
	hantro_h264_free_bufs(ctx);
}

/* The colour_primaries of each V4L2 colorspace. */
static const u8 hantro_h264_primaries[] = {
	[V4L2_COLORSPACE_SMPTE170M] = H264_PRIMARIES_SMPTE170M,
	[V4L2_COLORSPACE_SMPTE240M] = H264_PRIMARIES_SMPTE240M,
	[V4L2_COLORSPACE_REC709] = H264_PRIMARIES_BT709,
	[V4L2_COLORSPACE_470_SYSTEM_M] = H264_PRIMARIES_BT470M,
	[V4L2_COLORSPACE_470_SYSTEM_BG] = H264_PRIMARIES_BT470BG,
	[V4L2_COLORSPACE_JPEG] = H264_PRIMARIES_BT709,
	[V4L2_COLORSPACE_SRGB] = H264_PRIMARIES_BT709,
	[V4L2_COLORSPACE_BT2020] = H264_PRIMARIES_BT2020,
	[V4L2_COLORSPACE_DCI_P3] = H264_PRIMARIES_SMPTE431,
};

/* The transfer_characteristics of each V4L2 transfer function. */
static const u8 hantro_h264_transfer[] = {
	[V4L2_XFER_FUNC_709] = H264_TRANSFER_BT709,
	[V4L2_XFER_FUNC_SRGB] = H264_TRANSFER_SRGB,
	[V4L2_XFER_FUNC_SMPTE240M] = H264_TRANSFER_SMPTE240M,
	[V4L2_XFER_FUNC_NONE] = H264_TRANSFER_LINEAR,
	[V4L2_XFER_FUNC_SMPTE2084] = H264_TRANSFER_PQ,
};

/* The matrix_coefficients of each V4L2 Y'CbCr encoding. */
static const u8 hantro_h264_matrix[] = {
	[V4L2_YCBCR_ENC_601] = H264_MATRIX_SMPTE170M,
	[V4L2_YCBCR_ENC_709] = H264_MATRIX_BT709,
	[V4L2_YCBCR_ENC_XV601] = H264_MATRIX_SMPTE170M,
	[V4L2_YCBCR_ENC_XV709] = H264_MATRIX_BT709,
	[V4L2_YCBCR_ENC_BT2020] = H264_MATRIX_BT2020_NCL,
	[V4L2_YCBCR_ENC_BT2020_CONST_LUM] = H264_MATRIX_BT2020_CL,
	[V4L2_YCBCR_ENC_SMPTE240M] = H264_MATRIX_SMPTE240M,
};

/* A table's code for @i; the three tables share "unspecified". */
static u8 hantro_h264_code(const u8 *table, unsigned int n, unsigned int i)
{
	return i < n && table[i] ? table[i] : H264_PRIMARIES_UNSPECIFIED;
}

/*
 * The VUI colour description and range of the OUTPUT colorimetry, with the
 * fields left at DEFAULT resolved the way V4L2 defines them for the
 * colorspace (videodev2.h V4L2_MAP_*_DEFAULT).
 */
static void hantro_h264_colour(const struct v4l2_pix_format_mplane *pix,
			       struct hantro_h264_seq *s)
{
	unsigned int xfer = pix->xfer_func, enc = pix->ycbcr_enc, quant = pix->quantization;

	if (xfer == V4L2_XFER_FUNC_DEFAULT)
		xfer = V4L2_MAP_XFER_FUNC_DEFAULT(pix->colorspace);
	if (enc == V4L2_YCBCR_ENC_DEFAULT)
		enc = V4L2_MAP_YCBCR_ENC_DEFAULT(pix->colorspace);
	if (quant == V4L2_QUANTIZATION_DEFAULT)
		quant = V4L2_MAP_QUANTIZATION_DEFAULT(false, pix->colorspace, enc);

	s->primaries = hantro_h264_code(hantro_h264_primaries,
					ARRAY_SIZE(hantro_h264_primaries), pix->colorspace);
	s->transfer = hantro_h264_code(hantro_h264_transfer, ARRAY_SIZE(hantro_h264_transfer),
				       xfer);
	/* BT.601 systems name the same curve and matrix after themselves. */
	if ((pix->colorspace == V4L2_COLORSPACE_SMPTE170M ||
	     pix->colorspace == V4L2_COLORSPACE_470_SYSTEM_BG) && xfer == V4L2_XFER_FUNC_709)
		s->transfer = H264_TRANSFER_BT601;
	s->matrix = hantro_h264_code(hantro_h264_matrix, ARRAY_SIZE(hantro_h264_matrix), enc);
	if (pix->colorspace == V4L2_COLORSPACE_470_SYSTEM_BG && s->matrix == H264_MATRIX_SMPTE170M)
		s->matrix = H264_MATRIX_BT470BG;
	s->full_range = quant == V4L2_QUANTIZATION_FULL_RANGE;
}

/* The codec layer's name of each V4L2 profile the controls offer. */
static enum hantro_h264_profile hantro_h264_profile(s32 v4l2_profile)
{
	switch (v4l2_profile) {
	case V4L2_MPEG_VIDEO_H264_PROFILE_CONSTRAINED_BASELINE:
		return HANTRO_H264_PROFILE_CONSTRAINED_BASELINE;
	case V4L2_MPEG_VIDEO_H264_PROFILE_BASELINE:
		return HANTRO_H264_PROFILE_BASELINE;
	case V4L2_MPEG_VIDEO_H264_PROFILE_HIGH:
		return HANTRO_H264_PROFILE_HIGH;
	default:
		return HANTRO_H264_PROFILE_MAIN;
	}
}

static size_t hantro_h264_headers(struct hantro_enc_ctx *ctx,
				  const struct hantro_enc_h264_frame *p, u8 *buf, size_t size,
				  unsigned int level)
{
	const struct hantro_enc_h264_ctrls *c = &ctx->h264_ctrls;
	struct hantro_h264_seq s = {
		.mb_width = ctx->dst_fmt.width / HANTRO_ENC_MB,
		.mb_height = ctx->dst_fmt.height / HANTRO_ENC_MB,
		.crop_right = ctx->dst_fmt.width - ctx->crop.width,
		.crop_bottom = ctx->dst_fmt.height - ctx->crop.height,
		.num_units_in_tick = p->rc.interval_num,
		.time_scale = 2 * p->rc.interval_den,
		.pic_init_qp = HANTRO_H264_PIC_INIT_QP,
		.cabac = ctx->h264.cabac,
		.transform_8x8 = ctx->h264.transform_8x8,
	};

	hantro_h264_profile_syntax(hantro_h264_profile(c->profile->cur.val), &s.profile_idc,
				   &s.constraint_flags);
	s.level_idc = hantro_h264_level_idc(level, s.profile_idc, &s.constraint_flags);
	hantro_h264_colour(&ctx->src_fmt, &s);
	return hantro_h264_write_headers(&s, buf, size);
}

static bool hantro_h264_is_idr(struct hantro_enc_ctx *ctx, const struct hantro_enc_h264_frame *p)
{
	const struct hantro_enc_h264 *h = &ctx->h264;

	return h->need_idr || p->force_key || (p->intra_period && h->gop_pos >= p->intra_period);
}

/*
 * Macroblock rate control (MB_RC_ENABLE with frame rate control, P
 * pictures): checkpoints spread over the picture, each expecting its share
 * of the frame's target. The hardware moves the QP within min..max.
 */
static void hantro_h264_checkpoints(struct hantro_enc_ctx *ctx,
				    const struct hantro_enc_h264_frame *p,
				    struct hantro_h264_cp_plan *plan)
{
	const struct hantro_enc_h264 *h = &ctx->h264;

	*plan = (struct hantro_h264_cp_plan){ 0 };
	if (ctx->h264_ctrls.mb_rc->cur.val && p->rc.frame_rc && !h->intra)
		hantro_h264_cp_plan_rows(plan, ctx->dst_fmt.width / HANTRO_ENC_MB,
					 ctx->dst_fmt.height / HANTRO_ENC_MB,
					 hantro_h264_rc_codewords(&h->rc, &p->rc));
}

static unsigned int hantro_h264_deblock_idc(const struct hantro_enc_h264_ctrls *c)
{
	switch (c->lf_mode->cur.val) {
	case V4L2_MPEG_VIDEO_H264_LOOP_FILTER_MODE_DISABLED:
		return 1;
	case V4L2_MPEG_VIDEO_H264_LOOP_FILTER_MODE_DISABLED_AT_SLICE_BOUNDARY:
		return 2;
	default:
		return 0;
	}
}

static void hantro_h264_program(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job,
				const struct hantro_enc_h264_frame *p, size_t hdr)
{
	struct hantro_enc_dev *dev = ctx->dev;
	const struct hantro_enc_h264_ctrls *c = &ctx->h264_ctrls;
	struct hantro_enc_h264 *h = &ctx->h264;
	const struct hantro_enc_aux *rec = &h->pics[h->rec], *ref = &h->pics[h->rec ^ 1];
	size_t luma = (size_t)ctx->dst_fmt.width * ctx->dst_fmt.height;
	struct hantro_h264_pic_params pp = {
		.rec_y = rec->dma,
		.rec_c = rec->dma + luma,
		.ref_y = ref->dma,
		.ref_c = ref->dma + luma,
		.cabac_table = h->cabac ? h->cabac_table.dma : 0,
		.pic_init_qp = HANTRO_H264_PIC_INIT_QP,
		/* The controls hold slice_alpha_c0_offset_div2 / slice_beta_offset_div2. */
		.alpha_div2 = c->lf_alpha->cur.val,
		.beta_div2 = c->lf_beta->cur.val,
		.idr_pic_id = h->idr_pic_id,
		.frame_num = h->frame_num,
		.deblock_idc = hantro_h264_deblock_idc(c),
		.cabac = h->cabac,
		.cabac_init_idc = HANTRO_H264_CABAC_INIT_IDC,
		.transform_8x8 = h->transform_8x8,
		/* Sub-sample search costs bandwidth the hardware lacks above 3600 MBs. */
		.qpel_off = luma / 256 > 3600,
		/* Macroblock RC may move the QP within min..max; otherwise it stays. */
		.qp = h->qp,
		.qp_min = c->mb_rc->cur.val ? p->rc.min_qp : h->qp,
		.qp_max = c->mb_rc->cur.val ? p->rc.max_qp : h->qp,
	};

	/* The hardware continues at the aligned address with the bytes there. */
	hantro_stream_handover(vb2_plane_vaddr(&job->dst->vb2_buf, 0), hdr, &pp.ho);
	job->hdr_len = pp.ho.aligned;
	job->dst_addr += pp.ho.aligned;
	job->dst_size -= pp.ho.aligned;
	hantro_h264_checkpoints(ctx, p, &pp.plan);

	hantro_hw_begin(dev, HANTRO_MODE_H264);
	hantro_hw_input(ctx, job);
	hantro_program_h264(&dev->regs, dev->variant->ip->layout, &pp);
	job->pic_type = h->intra ? HANTRO_PIC_INTRA : HANTRO_PIC_INTER;
}

static int hantro_h264_prepare(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job)
{
	struct hantro_enc_h264 *h = &ctx->h264;
	const struct hantro_enc_h264_frame *p = &to_hantro_enc_buf(job->src)->h264;
	const struct hantro_enc_h264_ctrls *c = &ctx->h264_ctrls;
	u8 *out = vb2_plane_vaddr(&job->dst->vb2_buf, 0);
	/* A level raised mid-stream takes a new SPS, active from an IDR on. */
	bool new_level = p->level > h->level;
	size_t hdr = 0;

	/* The internal pictures were sized for the coded size at STREAMON. */
	if (!out || h->pics[0].size < (size_t)ALIGN(ctx->crop.width, HANTRO_ENC_MB) *
				       ALIGN(ctx->crop.height, HANTRO_ENC_MB) * 3 / 2)
		return -EINVAL;
	h->intra = hantro_h264_is_idr(ctx, p) || new_level;
	h->next_level = max(p->level, h->level);
	if (h->intra) {
		h->gop_pos = 0;
		h->frame_num = 0;
		if (!h->headers_sent || new_level || c->repeat_seq->cur.val ||
		    c->prepend->cur.val) {
			hdr = hantro_h264_headers(ctx, p, out, job->dst_size, h->next_level);
			if (!hdr)
				return -ENOSPC;
		}
	}
	h->with_headers = hdr;
	h->qp = hantro_h264_rc_qp(&h->rc, &p->rc, DIV_ROUND_UP(ctx->crop.width, HANTRO_ENC_MB) *
				  DIV_ROUND_UP(ctx->crop.height, HANTRO_ENC_MB), h->intra);
	/* Until this frame is done, a failure means the next must be an IDR. */
	h->need_idr = true;
	hantro_h264_program(ctx, job, p, hdr);
	return 0;
}

static int hantro_h264_done(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job)
{
	struct hantro_enc_h264 *h = &ctx->h264;
	const struct hantro_enc_h264_frame *p = &to_hantro_enc_buf(job->src)->h264;
	const struct hantro_layout *l = ctx->dev->variant->ip->layout;
	u32 bytes = min(hantro_hw_bits_written(ctx->dev) / 8, job->dst_size);
	u32 mbs = (ctx->dst_fmt.width / HANTRO_ENC_MB) * (ctx->dst_fmt.height / HANTRO_ENC_MB);
	/* The QP the picture really had on average: macroblock RC may move it. */
	u32 qp_sum = hantro_hw_read_field(ctx->dev, &l->qp_sum) * 2;
	int qp = qp_sum ? DIV_ROUND_CLOSEST(qp_sum, mbs) : h->qp;
	u32 codewords = hantro_hw_read_field(ctx->dev, &l->rlc_sum) * l->rlc_sum_unit;

	/*
	 * The QP range holds every macroblock's QP: an average outside it is
	 * a read-back the driver does not understand, not a QP to steer by.
	 */
	if (qp < min_t(int, h->qp, p->rc.min_qp) || qp > max_t(int, h->qp, p->rc.max_qp))
		qp = h->qp;

	vb2_set_plane_payload(&job->dst->vb2_buf, 0, job->hdr_len + bytes);
	job->dst->flags |= h->intra ? V4L2_BUF_FLAG_KEYFRAME : V4L2_BUF_FLAG_PFRAME;
	hantro_h264_rc_update(&h->rc, &p->rc, h->intra, qp, (job->hdr_len + bytes) * 8, codewords);
	if (h->intra)
		h->idr_pic_id = (h->idr_pic_id + 1) & 0xf;
	h->headers_sent |= h->with_headers;
	if (h->with_headers)
		h->level = h->next_level;
	h->gop_pos++;
	h->frame_num++;
	h->rec ^= 1;
	h->need_idr = false;
	return 0;
}

const struct hantro_enc_codec_ops hantro_enc_h264_ops = {
	.ctrls_init = hantro_enc_h264_ctrls_init,
	.params_changed = hantro_enc_h264_update_level,
	.queue_frame = hantro_enc_h264_queue_frame,
	.start = hantro_h264_start,
	.stop = hantro_h264_stop,
	.prepare = hantro_h264_prepare,
	.done = hantro_h264_done,
};
