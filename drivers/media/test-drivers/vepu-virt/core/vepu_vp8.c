// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: the VP8 core's frame: macroblocks in raster order, their
 * modes into the first partition after the driver's header, their tokens
 * into the partition of their row (row modulo the partition count), then
 * the loop filter over the reconstruction. Plain C.
 */

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "vepu_vp8_internal.h"

/**
 * struct vepu_vp8_mbenc - the macroblock being coded
 * @src:	its source samples
 * @pred:	a luma prediction (16x16), then Cb and Cr (8x8 each)
 * @recon:	its reconstruction, same layout
 * @mb:		its decisions and levels
 */
struct vepu_vp8_mbenc {
	struct vepu_mb src;
	u8 pred[384];
	u8 recon[384];
	struct vepu_vp8_mb mb;
};

/*
 * Working memory: the macroblock being coded, the token partitions'
 * coders, the non-zero flags along the row above, then one entry per
 * macroblock.
 */
struct vepu_vp8_scratch {
	struct vepu_vp8_mbenc m;
	struct hantro_vp8_boolenc tok[HANTRO_VP8_MAX_PARTITIONS];
	u8 left_nz[VEPU_VP8_NZ];
	u8 *above_nz;
	struct vepu_vp8_mb_info info[];
};

/**
 * vepu_vp8_scratch_size() - the working memory vepu_vp8_encode() needs
 * @mb_width:	the frame's width in macroblocks
 * @mb_height:	its height
 *
 * Return: bytes.
 */
size_t vepu_vp8_scratch_size(unsigned int mb_width, unsigned int mb_height)
{
	return sizeof(struct vepu_vp8_scratch) +
	       (size_t)mb_width * mb_height * sizeof(struct vepu_vp8_mb_info) +
	       (size_t)mb_width * VEPU_VP8_NZ;
}

static unsigned int vepu_vp8_sad(const u8 *a, const u8 *b, unsigned int n)
{
	unsigned int i, sad = 0;

	for (i = 0; i < n; i++)
		sad += abs(a[i] - b[i]);
	return sad;
}

/* Full samples the motion search covers each way. */
#define VEPU_VP8_SEARCH_RANGE	16

/* Rounding added to magnitudes before dividing: DCs to nearest, ACs less. */
static unsigned int vepu_vp8_round(unsigned int step, bool dc)
{
	return dc ? step / 2 : step * 3 / 8;
}

/* The residual of an n x n area (16 luma, 8 chroma) as 4x4 DCTs, raster order. */
static void vepu_vp8_transform_area(const u8 *src, const u8 *pred, unsigned int n,
				    s16 (*coef)[16])
{
	unsigned int b, i, blocks = n / 4;
	s16 res[256];

	for (i = 0; i < n * n; i++)
		res[i] = src[i] - pred[i];
	for (b = 0; b < blocks * blocks; b++)
		vepu_vp8_fdct(res + (b / blocks) * 4 * n + (b % blocks) * 4, n, coef[b]);
}

/*
 * Quantise an area's coefficients into @level and reconstruct it from
 * @pred into @recon. With @dcs the blocks' DCs come from there (luma with
 * Y2) instead of being coded.
 */
static void vepu_vp8_quantise_area(s16 (*coef)[16], const u8 *pred, u8 *recon, unsigned int n,
				   const u16 *step, s16 (*level)[16], const s16 *dcs)
{
	unsigned int b, i, blocks = n / 4;
	s16 dq[16];

	for (b = 0; b < blocks * blocks; b++) {
		unsigned int off = (b / blocks) * 4 * n + (b % blocks) * 4;

		for (i = 0; i < 16; i++) {
			level[b][i] = vepu_vp8_quantise(coef[b][i], step[!!i],
							vepu_vp8_round(step[!!i], !i));
			dq[i] = level[b][i] * step[!!i];
		}
		if (dcs) {
			level[b][0] = 0;
			dq[0] = dcs[b];
		}
		vepu_vp8_idct_add(dq, pred + off, recon + off, n);
	}
}

/*
 * Luma as sixteen blocks whose DCs go to the Y2 block: code Y2, then the
 * blocks' ACs with the DCs a decoder gets back.
 */
static void vepu_vp8_code_luma_y2(struct vepu_vp8_mbenc *m, const struct hantro_vp8_dequant *dq)
{
	s16 coef[16][16], dc[16], y2[16], y2dq[16], dcs[16];
	unsigned int b, i;

	vepu_vp8_transform_area(m->src.y, m->pred, 16, coef);
	for (b = 0; b < 16; b++)
		dc[b] = coef[b][0];
	vepu_vp8_fwht(dc, y2);
	for (i = 0; i < 16; i++) {
		m->mb.level[VEPU_VP8_Y2][i] =
			vepu_vp8_quantise(y2[i], dq->y2[!!i], vepu_vp8_round(dq->y2[!!i], true));
		y2dq[i] = m->mb.level[VEPU_VP8_Y2][i] * dq->y2[!!i];
	}
	vepu_vp8_iwht(y2dq, dcs);
	vepu_vp8_quantise_area(coef, m->pred, m->recon, 16, dq->y1, m->mb.level, dcs);
	m->mb.has_y2 = true;
}

static void vepu_vp8_code_chroma(struct vepu_vp8_mbenc *m, const struct hantro_vp8_dequant *dq)
{
	s16 coef[4][16];
	unsigned int c;

	for (c = 0; c < 2; c++) {
		const u8 *src = c ? m->src.cr : m->src.cb;
		unsigned int off = 256 + 64 * c;

		vepu_vp8_transform_area(src, m->pred + off, 8, coef);
		vepu_vp8_quantise_area(coef, m->pred + off, m->recon + off, 8, dq->uv,
				       m->mb.level + (c ? VEPU_VP8_V : VEPU_VP8_U), NULL);
	}
}

/*
 * The intra modes with the least absolute error; ties go to the cheaper.
 * Returns the luma error.
 */
static unsigned int vepu_vp8_intra_modes(const struct vepu_vp8_job *job, unsigned int mbx,
					 unsigned int mby, struct vepu_vp8_mbenc *m)
{
	unsigned int stride = job->frame.mb_width * 16, mode, sad, best = UINT_MAX, luma;
	u8 pred[384];

	for (mode = HANTRO_VP8_DC_PRED; mode <= HANTRO_VP8_TM_PRED; mode++) {
		vepu_vp8_predict_luma(&job->rec, stride, mbx, mby, mode, pred);
		sad = vepu_vp8_sad(m->src.y, pred, 256);
		if (sad < best) {
			best = sad;
			m->mb.ymode = mode;
			memcpy(m->pred, pred, 256);
		}
	}
	luma = best;
	best = UINT_MAX;
	for (mode = HANTRO_VP8_DC_PRED; mode <= HANTRO_VP8_TM_PRED; mode++) {
		vepu_vp8_predict_chroma(&job->rec, stride, mbx, mby, mode, pred + 256, pred + 320);
		sad = vepu_vp8_sad(m->src.cb, pred + 256, 64) +
		      vepu_vp8_sad(m->src.cr, pred + 320, 64);
		if (sad < best) {
			best = sad;
			m->mb.uvmode = mode;
			memcpy(m->pred + 256, pred + 256, 128);
		}
	}
	return luma;
}

/* Put the macroblock's reconstruction into the picture. */
static void vepu_vp8_store(const struct vepu_vp8_job *job, unsigned int mbx, unsigned int mby,
			   const u8 *recon)
{
	unsigned int stride = job->frame.mb_width * 16, y, x;
	u8 *py = job->rec.y + mby * 16 * stride + mbx * 16;
	u8 *pc = job->rec.c + mby * 8 * stride + mbx * 16;

	for (y = 0; y < 16; y++)
		memcpy(py + y * stride, recon + y * 16, 16);
	for (y = 0; y < 8; y++) {
		for (x = 0; x < 8; x++) {
			pc[y * stride + 2 * x] = recon[256 + y * 8 + x];
			pc[y * stride + 2 * x + 1] = recon[320 + y * 8 + x];
		}
	}
}

static bool vepu_vp8_no_levels(const struct vepu_vp8_mb *mb)
{
	unsigned int b, i;

	for (b = 0; b < VEPU_VP8_BLOCKS; b++)
		for (i = 0; i < 16; i++)
			if (mb->level[b][i])
				return false;
	return true;
}

/* The first partition's part of a key frame's macroblock: RFC 6386 19.3. */
static void vepu_vp8_key_mb_header(struct vepu_vp8_job *job, const struct vepu_vp8_mb *mb)
{
	if (job->mb_no_coeff_skip)
		hantro_vp8_put_bool(job->first, job->prob_skip_false, mb->skip);
	hantro_vp8_put_tree(job->first, hantro_vp8_kf_ymode_tree,
			    ARRAY_SIZE(hantro_vp8_kf_ymode_tree), hantro_vp8_kf_ymode_probs,
			    mb->ymode, 0);
	hantro_vp8_put_tree(job->first, hantro_vp8_uvmode_tree,
			    ARRAY_SIZE(hantro_vp8_uvmode_tree), hantro_vp8_kf_uvmode_probs,
			    mb->uvmode, 0);
}

/* The first partition's part of an inter frame's macroblock. */
static void vepu_vp8_inter_mb_header(struct vepu_vp8_job *job, const struct vepu_vp8_mb *mb,
				     const struct vepu_vp8_near *near)
{
	struct hantro_vp8_boolenc *e = job->first;
	u8 p[4];
	s16 dmv[2];
	unsigned int i;

	if (job->mb_no_coeff_skip)
		hantro_vp8_put_bool(e, job->prob_skip_false, mb->skip);
	hantro_vp8_put_bool(e, job->prob_intra, mb->ref != HANTRO_VP8_REF_INTRA);
	if (mb->ref == HANTRO_VP8_REF_INTRA) {
		hantro_vp8_put_tree(e, hantro_vp8_ymode_tree, ARRAY_SIZE(hantro_vp8_ymode_tree),
				    job->probs->ymode, mb->ymode, 0);
		hantro_vp8_put_tree(e, hantro_vp8_uvmode_tree, ARRAY_SIZE(hantro_vp8_uvmode_tree),
				    job->probs->uvmode, mb->uvmode, 0);
		return;
	}
	hantro_vp8_put_bool(e, job->prob_last, 0);
	for (i = 0; i < 4; i++)
		p[i] = hantro_vp8_mode_contexts[near->cnt[i]][i];
	hantro_vp8_put_tree(e, hantro_vp8_mv_ref_tree, ARRAY_SIZE(hantro_vp8_mv_ref_tree), p,
			    mb->mv_mode, 0);
	if (mb->mv_mode != HANTRO_VP8_MV_NEW)
		return;
	dmv[0] = mb->mv[0] - near->best[0];
	dmv[1] = mb->mv[1] - near->best[1];
	vepu_vp8_put_mv(e, job->probs, dmv);
}

static bool vepu_vp8_mv_eq(const s16 *a, const s16 *b)
{
	return a[0] == b[0] && a[1] == b[1];
}

/*
 * Inter from the last frame when its error (with a bias for the vector's
 * cost) beats intra's; the vector is coded the cheapest way it can be.
 */
static void vepu_vp8_choose_inter(struct vepu_vp8_job *job, unsigned int mbx, unsigned int mby,
				  struct vepu_vp8_mbenc *m, const struct vepu_vp8_near *near,
				  unsigned int intra_sad)
{
	unsigned int mbw = job->frame.mb_width, mbh = job->frame.mb_height;
	unsigned int lambda = job->dq.y1[1] / 2 + 1, sad;
	struct vepu_vp8_mb *mb = &m->mb;
	static const s16 zero[2];

	sad = vepu_vp8_motion_search(&job->ref, mbw, mbh, mbx, mby, m->src.y, near,
				     VEPU_VP8_SEARCH_RANGE, lambda, mb->mv);
	if (sad > intra_sad + 2 * lambda)
		return;
	mb->ref = HANTRO_VP8_REF_LAST;
	if (vepu_vp8_mv_eq(mb->mv, zero))
		mb->mv_mode = HANTRO_VP8_MV_ZERO;
	else if (vepu_vp8_mv_eq(mb->mv, near->nearest))
		mb->mv_mode = HANTRO_VP8_MV_NEAREST;
	else if (vepu_vp8_mv_eq(mb->mv, near->near))
		mb->mv_mode = HANTRO_VP8_MV_NEAR;
	else
		mb->mv_mode = HANTRO_VP8_MV_NEW;
	vepu_vp8_predict_inter(&job->ref, mbw, mbh, mbx, mby, mb->mv, m->pred);
}

static void vepu_vp8_code_mb(struct vepu_vp8_job *job, struct vepu_vp8_scratch *s,
			     unsigned int mbx, unsigned int mby)
{
	struct vepu_vp8_mbenc *m = &s->m;
	struct vepu_vp8_mb *mb = &m->mb;
	struct vepu_vp8_mb_info *info = &s->info[mby * job->frame.mb_width + mbx];
	u8 *above_nz = s->above_nz + mbx * VEPU_VP8_NZ;
	struct hantro_vp8_boolenc *tok = &s->tok[mby % job->partitions];

	struct vepu_vp8_near near;
	unsigned int intra_sad;

	memset(mb, 0, sizeof(*mb));
	mb->ref = HANTRO_VP8_REF_INTRA;
	intra_sad = vepu_vp8_intra_modes(job, mbx, mby, m);
	if (!job->key_frame) {
		vepu_vp8_find_near_mvs(s->info, job->frame.mb_width, job->frame.mb_height,
				       mbx, mby, &near);
		vepu_vp8_choose_inter(job, mbx, mby, m, &near, intra_sad);
	}
	vepu_vp8_code_luma_y2(m, &job->dq);
	vepu_vp8_code_chroma(m, &job->dq);
	vepu_vp8_store(job, mbx, mby, m->recon);
	if (mb->ref == HANTRO_VP8_REF_INTRA) {
		job->intra_mbs++;
	} else {
		job->mv_mode_mbs[mb->mv_mode]++;
		job->subpel_mbs += (mb->mv[0] | mb->mv[1]) & 3 ? 1 : 0;
	}

	mb->skip = vepu_vp8_no_levels(mb);
	if (job->key_frame)
		vepu_vp8_key_mb_header(job, mb);
	else
		vepu_vp8_inter_mb_header(job, mb, &near);
	if (mb->skip && job->mb_no_coeff_skip)
		vepu_vp8_skip_mb_tokens(mb, above_nz, s->left_nz);
	else
		job->coeffs += vepu_vp8_code_mb_tokens(tok, job->probs, mb, above_nz, s->left_nz,
						       job->counts);
	job->skip_mbs += mb->skip;
	info->ref = mb->ref;
	info->mode = mb->ref == HANTRO_VP8_REF_INTRA ? mb->ymode : mb->mv_mode;
	info->mv[0] = mb->mv[0];
	info->mv[1] = mb->mv[1];
	info->inner_edges = !mb->skip || mb->ymode == HANTRO_VP8_B_PRED;
}

/**
 * vepu_vp8_encode() - code one frame's macroblocks
 * @job:	its parameters; statistics are filled in
 * @scratch:	vepu_vp8_scratch_size() bytes of working memory
 *
 * Return: 0, -ENOSPC when a partition does not fit, -EINVAL for
 * parameters the hardware rejects, -ECANCELED when a reset stopped the
 * frame.
 */
int vepu_vp8_encode(struct vepu_vp8_job *job, void *scratch)
{
	struct vepu_vp8_scratch *s = scratch;
	unsigned int mbw = job->frame.mb_width, mbh = job->frame.mb_height;
	unsigned int mbx, mby, i;

	if (vepu_frame_check(&job->frame) || !job->first || !job->probs ||
	    !job->partitions || job->partitions > HANTRO_VP8_MAX_PARTITIONS ||
	    job->partitions & (job->partitions - 1) || job->filter_type > 1 ||
	    job->filter_level > 63 || job->sharpness > 7 ||
	    (!job->key_frame && (!job->ref.y || !job->ref.c)))
		return -EINVAL;
	for (i = 0; i < job->partitions; i++)
		if (!job->part[i])
			return -EINVAL;
	/* Step sizes come from registers: 0 would divide by zero. */
	for (i = 0; i < 2; i++)
		if (!job->dq.y1[i] || !job->dq.y2[i] || !job->dq.uv[i])
			return -EINVAL;
	job->intra_mbs = 0;
	job->skip_mbs = 0;
	job->coeffs = 0;
	job->subpel_mbs = 0;
	memset(job->mv_mode_mbs, 0, sizeof(job->mv_mode_mbs));
	memset(job->part_bytes, 0, sizeof(job->part_bytes));
	s->above_nz = (u8 *)&s->info[mbw * mbh];
	memset(s->above_nz, 0, mbw * VEPU_VP8_NZ);
	for (i = 0; i < job->partitions; i++)
		hantro_vp8_bool_init(&s->tok[i], job->part[i], job->part_size[i]);

	for (mby = 0; mby < mbh; mby++) {
		if (vepu_frame_stopped(&job->frame))
			return -ECANCELED;
		memset(s->left_nz, 0, sizeof(s->left_nz));
		for (mbx = 0; mbx < mbw; mbx++) {
			vepu_frame_fetch_mb(&job->frame, mbx, mby, &s->m.src);
			vepu_vp8_code_mb(job, s, mbx, mby);
		}
	}
	hantro_vp8_bool_flush(job->first);
	if (job->first->overflow)
		return -ENOSPC;
	for (i = 0; i < job->partitions; i++) {
		hantro_vp8_bool_flush(&s->tok[i]);
		if (s->tok[i].overflow)
			return -ENOSPC;
		job->part_bytes[i] = s->tok[i].pos;
	}
	if (job->counts) {
		job->counts[HANTRO_VP8_COUNT_SKIP] = min(job->skip_mbs, 0xffffu);
		job->counts[HANTRO_VP8_COUNT_INTRA] = min(job->intra_mbs, 0xffffu);
	}
	vepu_vp8_loop_filter(job, s->info);
	return 0;
}
