// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: the VP8 core's frame: macroblocks in raster order, their
 * modes into the first partition after the driver's header, their tokens
 * into the partition of their row (row modulo the partition count), then
 * the loop filter over the reconstruction. Plain C.
 */

#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "vepu_vp8_internal.h"

/**
 * struct vepu_vp8_bpred - luma as sixteen 4x4 blocks (B_PRED), tried
 * beside the whole-macroblock modes
 * @edges:	the samples around the macroblock, then its blocks'
 *		reconstruction as they are coded (vepu_vp8_bpred_edges())
 * @mode:	each block's enum hantro_vp8_bmode
 * @level:	each block's levels, DC included
 */
struct vepu_vp8_bpred {
	u8 edges[17][VEPU_VP8_EDGE_STRIDE];
	u8 mode[16];
	s16 level[16][16];
};

/**
 * struct vepu_vp8_mbenc - the macroblock being coded
 * @src:	its source samples
 * @pred:	a luma prediction (16x16), then Cb and Cr (8x8 each)
 * @recon:	its reconstruction, same layout
 * @mb:		its decisions and levels
 * @bp:		its luma coded as B_PRED
 * @trial:	a prediction being weighed, same layout as @pred
 */
struct vepu_vp8_mbenc {
	struct vepu_mb src;
	u8 pred[384];
	u8 trial[384];
	u8 recon[384];
	struct vepu_vp8_mb mb;
	struct vepu_vp8_bpred bp;
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

/*
 * What a bit is worth against a sample of absolute error in the mode
 * decisions: more the coarser the quantiser.
 */
static unsigned int vepu_vp8_lambda(const struct vepu_vp8_job *job)
{
	return job->dq.y1[1] / 2 + 1;
}

/* A luma mode's bits, in 1/256 bit. */
static unsigned int vepu_vp8_ymode_bits(const struct vepu_vp8_job *job, unsigned int mode)
{
	const s8 *tree = job->key_frame ? hantro_vp8_kf_ymode_tree : hantro_vp8_ymode_tree;
	const u8 *probs = job->key_frame ? hantro_vp8_kf_ymode_probs : job->probs->ymode;

	return hantro_vp8_tree_cost(tree, ARRAY_SIZE(hantro_vp8_ymode_tree), probs, mode);
}

/* Lambda squared for squared errors against bits, in 1/16 of a step squared. */
#define VEPU_VP8_RD_K	4

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

/* Quantise a block's coefficients into @level, their dequantised values into @dq. */
static void vepu_vp8_quantise_block(const s16 coef[16], const u16 *step, s16 level[16],
				    s16 dq[16])
{
	unsigned int i;

	for (i = 0; i < 16; i++) {
		level[i] = vepu_vp8_quantise(coef[i], step[!!i], vepu_vp8_round(step[!!i], !i));
		dq[i] = level[i] * step[!!i];
	}
}

/*
 * Quantise an area's coefficients into @level and reconstruct it from
 * @pred into @recon. With @dcs the blocks' DCs come from there (luma with
 * Y2) instead of being coded.
 */
static void vepu_vp8_quantise_area(s16 (*coef)[16], const u8 *pred, u8 *recon, unsigned int n,
				   const u16 *step, s16 (*level)[16], const s16 *dcs)
{
	unsigned int b, blocks = n / 4;
	s16 dq[16];

	for (b = 0; b < blocks * blocks; b++) {
		unsigned int off = (b / blocks) * 4 * n + (b % blocks) * 4;

		vepu_vp8_quantise_block(coef[b], step, level[b], dq);
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

/* The 4x4 modes a whole-macroblock luma mode counts as for its neighbours. */
static const u8 vepu_vp8_implied_bmode[HANTRO_VP8_TM_PRED + 1] = {
	[HANTRO_VP8_DC_PRED] = HANTRO_VP8_B_DC,
	[HANTRO_VP8_V_PRED] = HANTRO_VP8_B_VE,
	[HANTRO_VP8_H_PRED] = HANTRO_VP8_B_HE,
	[HANTRO_VP8_TM_PRED] = HANTRO_VP8_B_TM,
};

/*
 * The probabilities of block @b's 4x4 mode: in key frames by the modes
 * above and to the left (B_DC outside the picture), else fixed.
 */
static const u8 *vepu_vp8_bmode_probs(const struct vepu_vp8_job *job,
				      const struct vepu_vp8_mb_info *info, unsigned int mbx,
				      unsigned int mby, const u8 *bmode, unsigned int b)
{
	unsigned int mbw = job->frame.mb_width, r = b / 4, c = b % 4, above, left;

	if (!job->key_frame)
		return hantro_vp8_bmode_probs;
	if (r)
		above = bmode[b - 4];
	else
		above = mby ? info[(mby - 1) * mbw + mbx].bmode[12 + c] : HANTRO_VP8_B_DC;
	if (c)
		left = bmode[b - 1];
	else
		left = mbx ? info[mby * mbw + mbx - 1].bmode[4 * r + 3] : HANTRO_VP8_B_DC;
	return hantro_vp8_kf_bmode_probs[above][left];
}

static unsigned int vepu_vp8_sad4x4(const u8 *a, unsigned int astride, const u8 *b,
				    unsigned int bstride)
{
	unsigned int x, y, sad = 0;

	for (y = 0; y < 4; y++)
		for (x = 0; x < 4; x++)
			sad += abs(a[y * astride + x] - b[y * bstride + x]);
	return sad;
}

/*
 * Luma as B_PRED: each block in the mode of least error plus @lambda
 * times its bits, quantised and reconstructed before the next predicts
 * from it. Returns the modes' bits, in 1/256 bit.
 */
static unsigned int vepu_vp8_code_bpred(const struct vepu_vp8_job *job,
					const struct vepu_vp8_mb_info *info, unsigned int mbx,
					unsigned int mby, struct vepu_vp8_mbenc *m,
					unsigned int lambda)
{
	struct vepu_vp8_bpred *bp = &m->bp;
	unsigned int b, i, mode, bits = 0;
	s16 res[16], coef[16], dq[16];

	vepu_vp8_bpred_edges(&job->rec, job->frame.mb_width, mbx, mby, bp->edges);
	for (b = 0; b < 16; b++) {
		unsigned int r = b / 4, c = b % 4, best = UINT_MAX, cost;
		unsigned int mode_bits[HANTRO_VP8_BMODES];
		const u8 *probs = vepu_vp8_bmode_probs(job, info, mbx, mby, bp->mode, b);
		const u8 *above = &bp->edges[4 * r][4 * c + 1];
		u8 *dst = &bp->edges[4 * r + 1][4 * c + 1];
		const u8 *src = m->src.y + 4 * r * 16 + 4 * c;

		for (mode = 0; mode < HANTRO_VP8_BMODES; mode++) {
			vepu_vp8_predict_4x4(above, dst - 1, VEPU_VP8_EDGE_STRIDE, mode, dst);
			mode_bits[mode] = hantro_vp8_tree_cost(hantro_vp8_bmode_tree,
							       ARRAY_SIZE(hantro_vp8_bmode_tree),
							       probs, mode);
			cost = vepu_vp8_sad4x4(src, 16, dst, VEPU_VP8_EDGE_STRIDE) +
			       ((lambda * mode_bits[mode]) >> 8);
			if (cost < best) {
				best = cost;
				bp->mode[b] = mode;
			}
		}
		bits += mode_bits[bp->mode[b]];
		vepu_vp8_predict_4x4(above, dst - 1, VEPU_VP8_EDGE_STRIDE, bp->mode[b], dst);
		for (i = 0; i < 16; i++)
			res[i] = src[(i / 4) * 16 + i % 4] -
				 dst[(i / 4) * VEPU_VP8_EDGE_STRIDE + i % 4];
		vepu_vp8_fdct(res, 4, coef);
		vepu_vp8_quantise_block(coef, job->dq.y1, bp->level[b], dq);
		vepu_vp8_idct_add(dq, dst, dst, VEPU_VP8_EDGE_STRIDE);
	}
	return bits;
}

/* Take the B_PRED luma vepu_vp8_code_bpred() coded. */
static void vepu_vp8_take_bpred(struct vepu_vp8_mbenc *m)
{
	unsigned int y;

	memcpy(m->mb.bmode, m->bp.mode, sizeof(m->mb.bmode));
	memcpy(m->mb.level, m->bp.level, sizeof(m->bp.level));
	memset(m->mb.level[VEPU_VP8_Y2], 0, sizeof(m->mb.level[VEPU_VP8_Y2]));
	for (y = 0; y < 16; y++)
		memcpy(m->recon + y * 16, &m->bp.edges[1 + y][1], 16);
	m->mb.has_y2 = false;
}

/*
 * The whole-macroblock intra modes of least absolute error, ties to the
 * cheaper; returns luma's error, which inter prediction must beat
 * (vepu_vp8_code_intra_luma() then weighs B_PRED against the mode found).
 */
static unsigned int vepu_vp8_intra_modes(const struct vepu_vp8_job *job, unsigned int mbx,
					 unsigned int mby, struct vepu_vp8_mbenc *m)
{
	unsigned int stride = job->frame.mb_width * 16, mode, cost, best = UINT_MAX, luma;
	u8 *pred = m->trial;

	for (mode = HANTRO_VP8_DC_PRED; mode <= HANTRO_VP8_TM_PRED; mode++) {
		vepu_vp8_predict_luma(&job->rec, stride, mbx, mby, mode, pred);
		cost = vepu_vp8_sad(m->src.y, pred, 256);
		if (cost < best) {
			best = cost;
			m->mb.ymode = mode;
			memcpy(m->pred, pred, 256);
		}
	}
	luma = best;
	best = UINT_MAX;
	for (mode = HANTRO_VP8_DC_PRED; mode <= HANTRO_VP8_TM_PRED; mode++) {
		vepu_vp8_predict_chroma(&job->rec, stride, mbx, mby, mode, pred + 256, pred + 320);
		cost = vepu_vp8_sad(m->src.cb, pred + 256, 64) +
		       vepu_vp8_sad(m->src.cr, pred + 320, 64);
		if (cost < best) {
			best = cost;
			m->mb.uvmode = mode;
			memcpy(m->pred + 256, pred + 256, 128);
		}
	}
	return luma;
}

/* A rough count of the bits a block's levels from @first on take, in 1/256 bit. */
static unsigned int vepu_vp8_level_bits(const s16 *level, unsigned int first)
{
	unsigned int i, bits = 0, run = 0;

	for (i = first; i < 16; i++) {
		unsigned int v = abs(level[hantro_vp8_zigzag[i]]);

		if (!v) {
			run++;
			continue;
		}
		bits += run + 3 + 2 * fls(v);
		run = 0;
	}
	return (bits + 1) << 8;
}

static unsigned int vepu_vp8_sse(const u8 *a, unsigned int astride, const u8 *b,
				 unsigned int bstride, unsigned int n)
{
	unsigned int x, y, sse = 0;

	for (y = 0; y < n; y++)
		for (x = 0; x < n; x++) {
			int d = a[y * astride + x] - b[y * bstride + x];

			sse += d * d;
		}
	return sse;
}

/*
 * An intra macroblock's luma in its whole-macroblock mode or as B_PRED,
 * whichever costs less: the squared error of the reconstruction plus
 * lambda squared times the bits of the modes and levels.
 */
static void vepu_vp8_code_intra_luma(const struct vepu_vp8_job *job,
				     const struct vepu_vp8_mb_info *info, unsigned int mbx,
				     unsigned int mby, struct vepu_vp8_mbenc *m)
{
	u64 lambda2 = (u64)job->dq.y1[1] * job->dq.y1[1] * VEPU_VP8_RD_K;
	unsigned int b, bits16, bitsb;
	u64 cost16, costb;

	vepu_vp8_code_luma_y2(m, &job->dq);
	bits16 = vepu_vp8_level_bits(m->mb.level[VEPU_VP8_Y2], 0) +
		 vepu_vp8_ymode_bits(job, m->mb.ymode);
	for (b = 0; b < 16; b++)
		bits16 += vepu_vp8_level_bits(m->mb.level[b], 1);
	cost16 = (u64)vepu_vp8_sse(m->src.y, 16, m->recon, 16, 16) * 4096 + lambda2 * bits16;

	bitsb = vepu_vp8_code_bpred(job, info, mbx, mby, m, vepu_vp8_lambda(job)) +
		vepu_vp8_ymode_bits(job, HANTRO_VP8_B_PRED);
	for (b = 0; b < 16; b++)
		bitsb += vepu_vp8_level_bits(m->bp.level[b], 0);
	costb = (u64)vepu_vp8_sse(m->src.y, 16, &m->bp.edges[1][1], VEPU_VP8_EDGE_STRIDE, 16) *
		4096 + lambda2 * bitsb;
	if (costb < cost16) {
		m->mb.ymode = HANTRO_VP8_B_PRED;
		vepu_vp8_take_bpred(m);
	}
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

/* A B_PRED macroblock's sixteen 4x4 modes. */
static void vepu_vp8_put_bmodes(struct vepu_vp8_job *job, const struct vepu_vp8_mb_info *info,
				unsigned int mbx, unsigned int mby, const struct vepu_vp8_mb *mb)
{
	unsigned int b;

	for (b = 0; b < 16; b++)
		hantro_vp8_put_tree(job->first, hantro_vp8_bmode_tree,
				    ARRAY_SIZE(hantro_vp8_bmode_tree),
				    vepu_vp8_bmode_probs(job, info, mbx, mby, mb->bmode, b),
				    mb->bmode[b], 0);
}

/* The first partition's part of a key frame's macroblock: RFC 6386 19.3. */
static void vepu_vp8_key_mb_header(struct vepu_vp8_job *job, const struct vepu_vp8_mb_info *info,
				   unsigned int mbx, unsigned int mby,
				   const struct vepu_vp8_mb *mb)
{
	if (job->mb_no_coeff_skip)
		hantro_vp8_put_bool(job->first, job->prob_skip_false, mb->skip);
	hantro_vp8_put_tree(job->first, hantro_vp8_kf_ymode_tree,
			    ARRAY_SIZE(hantro_vp8_kf_ymode_tree), hantro_vp8_kf_ymode_probs,
			    mb->ymode, 0);
	if (mb->ymode == HANTRO_VP8_B_PRED)
		vepu_vp8_put_bmodes(job, info, mbx, mby, mb);
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
		if (mb->ymode == HANTRO_VP8_B_PRED)
			vepu_vp8_put_bmodes(job, NULL, 0, 0, mb);
		hantro_vp8_put_tree(e, hantro_vp8_uvmode_tree, ARRAY_SIZE(hantro_vp8_uvmode_tree),
				    job->probs->uvmode, mb->uvmode, 0);
		return;
	}
	hantro_vp8_put_bool(e, job->prob_last, mb->ref != HANTRO_VP8_REF_LAST);
	if (mb->ref != HANTRO_VP8_REF_LAST)
		hantro_vp8_put_bool(e, job->prob_golden, mb->ref == HANTRO_VP8_REF_ALTREF);
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
 * Inter from the last frame, or from the second reference when there is
 * one and it costs its penalty less, when that beats intra's error (with a
 * bias for the vector's cost); the vector is coded the cheapest way it can
 * be.
 */
static void vepu_vp8_choose_inter(struct vepu_vp8_job *job, unsigned int mbx, unsigned int mby,
				  struct vepu_vp8_mbenc *m, const struct vepu_vp8_near *near,
				  unsigned int intra_sad)
{
	unsigned int mbw = job->frame.mb_width, mbh = job->frame.mb_height;
	unsigned int lambda = vepu_vp8_lambda(job), sad, sad2;
	const struct vepu_vp8_pic *ref = &job->ref;
	struct vepu_vp8_mb *mb = &m->mb;
	static const s16 zero[2];
	s16 mv2[2];

	sad = vepu_vp8_motion_search(&job->ref, mbw, mbh, mbx, mby, m->src.y, near,
				     VEPU_VP8_SEARCH_RANGE, lambda, mb->mv);
	mb->ref = HANTRO_VP8_REF_LAST;
	if (job->ref2_id != HANTRO_VP8_REF_INTRA) {
		sad2 = vepu_vp8_motion_search(&job->ref2, mbw, mbh, mbx, mby, m->src.y, near,
					      VEPU_VP8_SEARCH_RANGE, lambda, mv2) +
		       job->ref2_penalty;
		if (sad2 < sad) {
			sad = sad2;
			ref = &job->ref2;
			mb->ref = job->ref2_id;
			mb->mv[0] = mv2[0];
			mb->mv[1] = mv2[1];
		}
	}
	if (sad > intra_sad + 2 * lambda) {
		mb->ref = HANTRO_VP8_REF_INTRA;
		return;
	}
	if (vepu_vp8_mv_eq(mb->mv, zero))
		mb->mv_mode = HANTRO_VP8_MV_ZERO;
	else if (vepu_vp8_mv_eq(mb->mv, near->nearest))
		mb->mv_mode = HANTRO_VP8_MV_NEAREST;
	else if (vepu_vp8_mv_eq(mb->mv, near->near))
		mb->mv_mode = HANTRO_VP8_MV_NEAR;
	else
		mb->mv_mode = HANTRO_VP8_MV_NEW;
	vepu_vp8_predict_inter(ref, mbw, mbh, mbx, mby, mb->mv, job->bilinear, m->pred);
}

static void vepu_vp8_count_bpred(struct vepu_vp8_job *job, unsigned int mbx, unsigned int mby,
				 const struct vepu_vp8_mb *mb)
{
	unsigned int b;

	if (mb->ymode != HANTRO_VP8_B_PRED)
		return;
	job->bpred_mbs++;
	for (b = 0; b < 16; b++) {
		unsigned int mode = mb->bmode[b];

		job->bmode_blocks[mode]++;
		/* Right column, below its first row: above-right comes from the row above. */
		if (mby && mbx == job->frame.mb_width - 1 && b % 4 == 3 && b > 3 &&
		    (mode == HANTRO_VP8_B_VE || mode == HANTRO_VP8_B_LD || mode == HANTRO_VP8_B_VL))
			job->bpred_edge_blocks++;
	}
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
	unsigned int intra_cost;

	memset(mb, 0, sizeof(*mb));
	mb->ref = HANTRO_VP8_REF_INTRA;
	intra_cost = vepu_vp8_intra_modes(job, mbx, mby, m);
	if (!job->key_frame) {
		vepu_vp8_find_near_mvs(s->info, job->frame.mb_width, job->frame.mb_height,
				       mbx, mby, &near);
		vepu_vp8_choose_inter(job, mbx, mby, m, &near, intra_cost);
	}
	if (mb->ref == HANTRO_VP8_REF_INTRA)
		vepu_vp8_code_intra_luma(job, s->info, mbx, mby, m);
	else
		vepu_vp8_code_luma_y2(m, &job->dq);
	vepu_vp8_code_chroma(m, &job->dq);
	vepu_vp8_store(job, mbx, mby, m->recon);
	if (mb->ref == HANTRO_VP8_REF_INTRA) {
		job->intra_mbs++;
		vepu_vp8_count_bpred(job, mbx, mby, mb);
	} else {
		job->mv_mode_mbs[mb->mv_mode]++;
		job->ref2_mbs += mb->ref != HANTRO_VP8_REF_LAST;
		job->subpel_mbs += (mb->mv[0] | mb->mv[1]) & 3 ? 1 : 0;
	}

	mb->skip = vepu_vp8_no_levels(mb);
	if (job->key_frame)
		vepu_vp8_key_mb_header(job, s->info, mbx, mby, mb);
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
	if (info->ref != HANTRO_VP8_REF_INTRA)
		memset(info->bmode, HANTRO_VP8_B_DC, sizeof(info->bmode));
	else if (info->mode == HANTRO_VP8_B_PRED)
		memcpy(info->bmode, mb->bmode, sizeof(info->bmode));
	else
		memset(info->bmode, vepu_vp8_implied_bmode[info->mode], sizeof(info->bmode));
	/* No residual but B_PRED and SPLITMV still filter their inner edges. */
	if (info->ref == HANTRO_VP8_REF_INTRA)
		info->inner_edges = !mb->skip || info->mode == HANTRO_VP8_B_PRED;
	else
		info->inner_edges = !mb->skip || info->mode == HANTRO_VP8_MV_SPLIT;
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
	    (!job->key_frame && (!job->ref.y || !job->ref.c)) ||
	    (job->ref2_id != HANTRO_VP8_REF_INTRA &&
	     (job->ref2_id < HANTRO_VP8_REF_GOLDEN || job->ref2_id > HANTRO_VP8_REF_ALTREF ||
	      (!job->key_frame && (!job->ref2.y || !job->ref2.c)))))
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
	job->bpred_mbs = 0;
	job->bpred_edge_blocks = 0;
	memset(job->bmode_blocks, 0, sizeof(job->bmode_blocks));
	memset(job->mv_mode_mbs, 0, sizeof(job->mv_mode_mbs));
	job->ref2_mbs = 0;
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
		job->counts[HANTRO_VP8_COUNT_SKIP] = min(job->skip_mbs, HANTRO_VP8_COUNT_MAX);
		job->counts[HANTRO_VP8_COUNT_INTRA] = min(job->intra_mbs, HANTRO_VP8_COUNT_MAX);
	}
	vepu_vp8_loop_filter(job, s->info);
	return 0;
}
