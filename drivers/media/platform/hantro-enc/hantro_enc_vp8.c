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
 * (hantro_vp8_frame.c). The hardware reads the last frame's
 * reconstruction (and the golden frame's, when kept) and writes the new
 * one into a picture neither holds; the references then change as the
 * header tells the decoder.
 */

#include <linux/sizes.h>
#include <media/videobuf2-dma-contig.h>

#include "hantro_enc.h"
#include "hantro_vp8_costs.h"
#include "hantro_vp8_counts.h"
#include "hantro_vp8_probtbl.h"

/* The tables buffer: probability table, size table, symbol counts. */
#define HANTRO_VP8_SIZE_TBL_OFF		ALIGN(HANTRO_VP8_PROB_TABLE_SIZE, 8)
#define HANTRO_VP8_COUNT_OFF		(HANTRO_VP8_SIZE_TBL_OFF + 8 * 4)
#define HANTRO_VP8_TABLES_SIZE		(HANTRO_VP8_COUNT_OFF + HANTRO_VP8_COUNT_BYTES)

static void hantro_vp8_free_bufs(struct hantro_enc_ctx *ctx)
{
	struct hantro_enc_vp8 *v = &ctx->vp8;
	unsigned int i;

	for (i = 0; i < v->npics; i++)
		hantro_enc_aux_free(ctx->dev->dev, &v->pics[i]);
	hantro_enc_aux_free(ctx->dev->dev, &v->tables);
}

/* STREAMON(CAPTURE) starts a stream: a key frame, default probabilities. */
static int hantro_vp8_start(struct hantro_enc_ctx *ctx)
{
	struct hantro_enc_vp8 *v = &ctx->vp8;
	/* The pictures with the slack the vendor gives them (its record, 4). */
	size_t size = (size_t)ctx->dst_fmt.width * ctx->dst_fmt.height * 3 / 2 + SZ_4K;
	unsigned int i;

	/* The stream state shares its memory with other codecs'. */
	memset(v, 0, sizeof(*v));
	v->golden = hantro_enc_vp8_golden(ctx);
	v->npics = v->golden == HANTRO_VP8_GOLDEN_NONE ? 2 : HANTRO_VP8_PICS;
	for (i = 0; i < v->npics; i++)
		if (hantro_enc_aux_alloc(ctx->dev->dev, &v->pics[i], size))
			goto fail;
	if (hantro_enc_aux_alloc(ctx->dev->dev, &v->tables, HANTRO_VP8_TABLES_SIZE))
		goto fail;
	v->need_key = true;
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
			   DIV_ROUND_UP(ctx->crop.height, HANTRO_ENC_MB), qi;

	qi = hantro_vp8_rc_qi(hantro_h264_rc_qp(&v->rc, &p->rc, mbs, key));
	if (!p->rc.frame_rc)
		qi = key ? p->i_qi : p->p_qi;
	qi = clamp_t(unsigned int, qi, p->min_qi, p->max_qi);
	/* The rate control learns from the quantiser the frame really had. */
	v->qp = hantro_vp8_rc_qp(qi);
	return qi;
}

static int hantro_vp8_prepare(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job)
{
	struct hantro_enc_dev *dev = ctx->dev;
	struct hantro_enc_vp8 *v = &ctx->vp8;
	const struct hantro_enc_vp8_ctrls *c = &ctx->vp8_ctrls;
	const struct hantro_enc_vp8_frame *p = &to_hantro_enc_buf(job->src)->vp8;
	const struct hantro_enc_aux *rec, *ref = &v->pics[v->refs.last];
	const struct hantro_enc_aux *golden = &v->pics[v->refs.golden];
	size_t luma = (size_t)ctx->dst_fmt.width * ctx->dst_fmt.height;
	u8 *out = vb2_plane_vaddr(&job->dst->vb2_buf, 0), *counts;
	struct hantro_vp8_frame_params fp = {
		.width = ctx->crop.width,
		.height = ctx->crop.height,
		.version = c->profile->cur.val,
		.log2_partitions = c->partitions->cur.val,
		.filter_level = c->filter_level->cur.val,
		.sharpness = c->sharpness->cur.val,
		.golden = v->golden,
		.golden_period = c->golden_period->cur.val,
	};
	struct hantro_vp8_pic_params pp;
	unsigned int i;
	int ret;

	/* The internal pictures were sized for the coded size at STREAMON. */
	if (!out || v->pics[0].size < (size_t)ALIGN(ctx->crop.width, HANTRO_ENC_MB) *
				      ALIGN(ctx->crop.height, HANTRO_ENC_MB) * 3 / 2)
		return -EINVAL;
	fp.key_frame = hantro_vp8_is_key(v, p);
	fp.key_distance = fp.key_frame ? 0 : v->gop_pos;
	fp.golden_is_last = v->refs.golden == v->refs.last;
	fp.qi = hantro_vp8_qi(ctx, p, fp.key_frame);
	/*
	 * Until this frame is done, a failure means the next must be a key
	 * frame (a key frame asked for is not lost either).
	 */
	v->need_key = true;
	/* Probabilities adapted to the last frame's counts, when it succeeded. */
	counts = v->counts_ok ? (u8 *)v->tables.cpu + HANTRO_VP8_COUNT_OFF : NULL;
	ret = hantro_vp8_frame_code(&fp, out, job->dst_size, &v->entropy, counts, &v->hdr,
				    &v->layout, &pp);
	v->counts_ok = false;
	if (ret)
		return ret;

	v->rec = hantro_vp8_refs_free(&v->refs);
	/* Two pictures take turns unless golden is kept (hantro_vp8_done()). */
	if (WARN_ON_ONCE(v->rec >= v->npics))
		return -EINVAL;
	rec = &v->pics[v->rec];
	pp.rec_y = rec->dma;
	pp.rec_c = rec->dma + luma;
	pp.ref_y = ref->dma;
	pp.ref_c = ref->dma + luma;
	pp.ref2_y = golden->dma;
	pp.ref2_c = golden->dma + luma;
	pp.prob_table = v->tables.dma;
	pp.size_table = v->tables.dma + HANTRO_VP8_SIZE_TBL_OFF;
	pp.prob_count = v->tables.dma + HANTRO_VP8_COUNT_OFF;
	for (i = 0; i < v->layout.partitions; i++)
		pp.part_addr[i] += job->dst_addr;
	hantro_vp8_write_prob_table(v->tables.cpu, &v->entropy.cur, &v->hdr);
	memset((u8 *)v->tables.cpu + HANTRO_VP8_SIZE_TBL_OFF, 0,
	       HANTRO_VP8_TABLES_SIZE - HANTRO_VP8_SIZE_TBL_OFF);

	/* The hardware continues at the aligned address; each partition has its room. */
	job->dst_addr += pp.ho.aligned;
	job->dst_size = v->layout.part_room;
	hantro_hw_begin(dev, HANTRO_MODE_VP8);
	hantro_hw_input(ctx, job);
	hantro_program_vp8(&dev->regs, dev->variant->ip->layout, &pp);
	job->pic_type = fp.key_frame ? HANTRO_PIC_INTRA : HANTRO_PIC_INTER;
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
	if (hantro_vp8_assemble(out, &v->layout, &v->hdr, sizes, &len)) {
		hantro_dbg(1, ctx->dev, "VP8 parts outgrew their room: %u %u %u bytes\n",
			   sizes[0], sizes[1], v->layout.partitions > 1 ? sizes[2] : 0);
		return -ENOSPC;
	}
	vb2_set_plane_payload(&job->dst->vb2_buf, 0, len);
	job->dst->flags |= v->hdr.key_frame ? V4L2_BUF_FLAG_KEYFRAME : V4L2_BUF_FLAG_PFRAME;
	hantro_h264_rc_update(&v->rc, &p->rc, v->hdr.key_frame, v->qp, len * 8, 0);
	v->gop_pos = v->hdr.key_frame ? 1 : v->gop_pos + 1;
	hantro_vp8_refs_update(&v->refs, &v->hdr, v->rec);
	/* A golden frame never searched need not be kept: two pictures take turns. */
	if (v->golden == HANTRO_VP8_GOLDEN_NONE)
		v->refs.golden = v->refs.last;
	v->need_key = false;
	v->counts_ok = true;
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
