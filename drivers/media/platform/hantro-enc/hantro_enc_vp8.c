// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: VP8 codec layer.
 *
 * Per frame: decide key or inter frame, pick the quantiser, code the frame
 * header in software into the CAPTURE buffer after room for the frame tag,
 * fill the probability table, and program the hardware to continue the
 * first partition with the boolean encoder's state and to write each token
 * partition further on in the buffer. When it is done, the tag goes in
 * front and the token partitions move down behind the first
 * (hantro_vp8_frame.c). The hardware reads the previous reconstruction as
 * its reference and writes the new one; the two pictures swap roles.
 */

#include <media/videobuf2-dma-contig.h>

#include "hantro_enc.h"
#include "hantro_vp8_costs.h"
#include "hantro_vp8_probtbl.h"

/* The tables buffer: probability table, size table, symbol counts. */
#define HANTRO_VP8_SIZE_TBL_OFF		ALIGN(HANTRO_VP8_PROB_TABLE_SIZE, 8)
#define HANTRO_VP8_COUNT_OFF		(HANTRO_VP8_SIZE_TBL_OFF + 8 * 4)
/* The hardware's symbol counts: 244 16-bit words (vendor record, 2.3). */
#define HANTRO_VP8_COUNT_SIZE		(244 * 2)
#define HANTRO_VP8_TABLES_SIZE		(HANTRO_VP8_COUNT_OFF + HANTRO_VP8_COUNT_SIZE)

/*
 * The probability of an intra macroblock in an inter frame: the header
 * sends it and the costs follow it. Fixed, as the counts the vendor could
 * adapt it from are not read.
 */
#define HANTRO_VP8_PROB_INTRA		63

static void hantro_vp8_free_bufs(struct hantro_enc_ctx *ctx)
{
	struct hantro_enc_vp8 *v = &ctx->vp8;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(v->pics); i++)
		hantro_enc_aux_free(ctx->dev->dev, &v->pics[i]);
	hantro_enc_aux_free(ctx->dev->dev, &v->tables);
}

/* STREAMON(CAPTURE) starts a stream: a key frame, default probabilities. */
static int hantro_vp8_start(struct hantro_enc_ctx *ctx)
{
	struct hantro_enc_vp8 *v = &ctx->vp8;
	size_t size = (size_t)ctx->dst_fmt.width * ctx->dst_fmt.height * 3 / 2;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(v->pics); i++)
		if (hantro_enc_aux_alloc(ctx->dev->dev, &v->pics[i], size))
			goto fail;
	if (hantro_enc_aux_alloc(ctx->dev->dev, &v->tables, HANTRO_VP8_TABLES_SIZE))
		goto fail;
	v->need_key = true;
	v->rec = 0;
	hantro_h264_rc_reset(&v->rc);
	hantro_enc_vp8_grab(ctx, true);
	return 0;
fail:
	hantro_vp8_free_bufs(ctx);
	return -ENOMEM;
}

static void hantro_vp8_stop(struct hantro_enc_ctx *ctx)
{
	hantro_enc_vp8_grab(ctx, false);
	hantro_vp8_free_bufs(ctx);
}

/* The header of the next frame: the controls and the vendor's defaults. */
static void hantro_vp8_fill_hdr(struct hantro_enc_ctx *ctx, bool key, unsigned int qi)
{
	const struct hantro_enc_vp8_ctrls *c = &ctx->vp8_ctrls;
	struct hantro_vp8_frame_hdr *h = &ctx->vp8.hdr;

	*h = (struct hantro_vp8_frame_hdr){
		.key_frame = key,
		.version = c->profile->cur.val,
		.show_frame = true,
		.width = ctx->crop.width,
		.height = ctx->crop.height,
		.filter_level = c->filter_level->cur.val,
		.sharpness = c->sharpness->cur.val,
		.lf_adj_enable = true,
		/* A key frame resets the decoder's deltas: send them all. */
		.lf_delta_update = key,
		.lf_delta_mask = 0xff,
		.log2_partitions = c->partitions->cur.val,
		.quant = { .y_ac_qi = qi },
		.refresh_entropy = true,
		.refresh_last = true,
		.mb_no_coeff_skip = true,
		.prob_skip_false = hantro_vp8_skip_prob(qi),
		.prob_intra = HANTRO_VP8_PROB_INTRA,
		.prob_last = 255,
		.prob_golden = 128,
	};
	memcpy(h->ref_lf_deltas, hantro_vp8_ref_lf_deltas, sizeof(h->ref_lf_deltas));
	memcpy(h->mode_lf_deltas, hantro_vp8_mode_lf_deltas, sizeof(h->mode_lf_deltas));
}

static bool hantro_vp8_is_key(const struct hantro_enc_vp8 *v, const struct hantro_enc_vp8_frame *p)
{
	return v->need_key || p->force_key || (p->key_period && v->gop_pos >= p->key_period);
}

/* The frame's quantiser index: the rate control's, or the control's. */
static unsigned int hantro_vp8_qi(struct hantro_enc_ctx *ctx,
				  const struct hantro_enc_vp8_frame *p, bool key)
{
	struct hantro_enc_vp8 *v = &ctx->vp8;
	unsigned int mbs = DIV_ROUND_UP(ctx->crop.width, HANTRO_ENC_MB) *
			   DIV_ROUND_UP(ctx->crop.height, HANTRO_ENC_MB);

	v->qp = hantro_h264_rc_qp(&v->rc, &p->rc, mbs, key);
	if (!p->rc.frame_rc)
		return key ? p->i_qi : p->p_qi;
	return clamp_t(unsigned int, hantro_vp8_rc_qi(v->qp), p->min_qi, p->max_qi);
}

static void hantro_vp8_program(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job,
			       const struct hantro_vp8_boolenc *e, size_t hdr_end)
{
	struct hantro_enc_dev *dev = ctx->dev;
	struct hantro_enc_vp8 *v = &ctx->vp8;
	const struct hantro_enc_aux *rec = &v->pics[v->rec], *ref = &v->pics[v->rec ^ 1];
	size_t luma = (size_t)ctx->dst_fmt.width * ctx->dst_fmt.height;
	unsigned int mbs = luma / 256, i;
	struct hantro_vp8_pic_params pp = {
		.bool_value = e->bottom,
		.bool_count = e->bit_count,
		.bool_range = e->range,
		.rec_y = rec->dma,
		.rec_c = rec->dma + luma,
		.ref_y = ref->dma,
		.ref_c = ref->dma + luma,
		.prob_table = v->tables.dma,
		.size_table = v->tables.dma + HANTRO_VP8_SIZE_TBL_OFF,
		.prob_count = v->tables.dma + HANTRO_VP8_COUNT_OFF,
		.log2_partitions = v->hdr.log2_partitions,
		.qi = v->hdr.quant.y_ac_qi,
		.filter_type = v->hdr.filter_type,
		.filter_level = v->hdr.filter_level,
		.sharpness = v->hdr.sharpness,
		/* The vendor's limits of the search's bandwidth. */
		.qpel_off = mbs > 8160,
		.split_mv = mbs <= 1584,
	};

	hantro_h264_handover(vb2_plane_vaddr(&job->dst->vb2_buf, 0), hdr_end, &pp.ho);
	for (i = 0; i < v->layout.partitions; i++)
		pp.part_addr[i] = job->dst_addr + hantro_vp8_part_off(&v->layout, i);
	memcpy(pp.ref_lf_delta, v->hdr.ref_lf_deltas, sizeof(pp.ref_lf_delta));
	memcpy(pp.mode_lf_delta, v->hdr.mode_lf_deltas, sizeof(pp.mode_lf_delta));
	hantro_vp8_dequant(&v->hdr.quant, &pp.dq);
	hantro_vp8_penalties(pp.qi, v->hdr.key_frame, v->hdr.prob_intra, v->probs.mv, &pp.pen);
	hantro_vp8_write_prob_table(v->tables.cpu, &v->probs, &v->hdr);
	memset((u8 *)v->tables.cpu + HANTRO_VP8_SIZE_TBL_OFF, 0,
	       HANTRO_VP8_TABLES_SIZE - HANTRO_VP8_SIZE_TBL_OFF);

	/* The hardware continues at the aligned address, each partition has its room. */
	job->dst_addr += pp.ho.aligned;
	job->dst_size = v->layout.part_room;
	hantro_hw_begin(dev, HANTRO_MODE_VP8);
	hantro_hw_input(ctx, job);
	hantro_program_vp8(&dev->regs, dev->variant->ip->layout, &pp);
	job->pic_type = v->hdr.key_frame ? HANTRO_PIC_INTRA : HANTRO_PIC_INTER;
}

static int hantro_vp8_prepare(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job)
{
	struct hantro_enc_vp8 *v = &ctx->vp8;
	const struct hantro_enc_vp8_frame *p = &to_hantro_enc_buf(job->src)->vp8;
	u8 *out = vb2_plane_vaddr(&job->dst->vb2_buf, 0);
	struct hantro_vp8_boolenc e;
	size_t tag_len;
	bool key;
	int ret;

	if (!out || v->pics[0].size < (size_t)ALIGN(ctx->crop.width, HANTRO_ENC_MB) *
				      ALIGN(ctx->crop.height, HANTRO_ENC_MB) * 3 / 2)
		return -EINVAL;
	key = hantro_vp8_is_key(v, p);
	hantro_vp8_fill_hdr(ctx, key, hantro_vp8_qi(ctx, p, key));
	/* A key frame resets the decoder's probabilities. */
	if (key)
		hantro_vp8_default_probs(&v->probs);
	tag_len = key ? HANTRO_VP8_KEY_TAG_BYTES : HANTRO_VP8_TAG_BYTES;
	if (job->dst_size <= tag_len)
		return -ENOSPC;
	hantro_vp8_bool_init(&e, out + tag_len, job->dst_size - tag_len);
	hantro_vp8_write_hdr(&e, &v->hdr, &v->probs, &v->probs);
	if (e.overflow)
		return -ENOSPC;
	ret = hantro_vp8_buf_layout(job->dst_size, tag_len, tag_len + e.pos,
				    1u << v->hdr.log2_partitions, &v->layout);
	if (ret)
		return ret;
	/* Until this frame is done, a failure means the next must be a key frame. */
	v->need_key = true;
	hantro_vp8_program(ctx, job, &e, tag_len + e.pos);
	return 0;
}

static int hantro_vp8_done(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job)
{
	struct hantro_enc_vp8 *v = &ctx->vp8;
	const struct hantro_enc_vp8_frame *p = &to_hantro_enc_buf(job->src)->vp8;
	const __le32 *table = (const __le32 *)((u8 *)v->tables.cpu + HANTRO_VP8_SIZE_TBL_OFF);
	u32 sizes[1 + HANTRO_VP8_HW_PARTITIONS];
	u8 *out = vb2_plane_vaddr(&job->dst->vb2_buf, 0);
	unsigned int i;
	size_t len;

	for (i = 0; i <= v->layout.partitions; i++)
		sizes[i] = le32_to_cpu(table[i]);
	if (hantro_vp8_assemble(out, &v->layout, &v->hdr, sizes, &len))
		return -ENOSPC;
	vb2_set_plane_payload(&job->dst->vb2_buf, 0, len);
	job->dst->flags |= v->hdr.key_frame ? V4L2_BUF_FLAG_KEYFRAME : V4L2_BUF_FLAG_PFRAME;
	hantro_h264_rc_update(&v->rc, &p->rc, v->hdr.key_frame, v->qp, len * 8, 0);
	v->gop_pos = v->hdr.key_frame ? 1 : v->gop_pos + 1;
	v->rec ^= 1;
	v->need_key = false;
	return 0;
}

const struct hantro_enc_codec_ops hantro_enc_vp8_ops = {
	.ctrls_init = hantro_enc_vp8_ctrls_init,
	.queue_frame = hantro_enc_vp8_queue_frame,
	.start = hantro_vp8_start,
	.stop = hantro_vp8_stop,
	.prepare = hantro_vp8_prepare,
	.done = hantro_vp8_done,
};
