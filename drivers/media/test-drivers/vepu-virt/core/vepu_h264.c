// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: the picture loop, prediction and macroblock
 * decisions. Intra prediction reads the unfiltered reconstruction of the
 * current picture (the loop filter runs after the last macroblock), inter
 * prediction reads the filtered reference. Clause numbers refer to ITU-T
 * H.264.
 */

#include <linux/errno.h>
#include <linux/string.h>

#include "vepu_h264_internal.h"

enum { I16_V, I16_H, I16_DC, I16_PLANE };
enum { CH_DC, CH_H, CH_V, CH_PLANE };

/**
 * struct vepu_h264_nbr - unfiltered neighbouring samples of a macroblock
 * @left:	column left of the block (16 luma or 8 chroma)
 * @top:	row above it
 * @corner:	the sample above-left
 * @has_left:	@left is available
 * @has_top:	@top is available
 */
struct vepu_h264_nbr {
	u8 left[16];
	u8 top[16];
	u8 corner;
	bool has_left;
	bool has_top;
};

/* Neighbours of a @size block at (@x, @y) of a plane; @step 2 for CbCr. */
static void vepu_h264_neighbours(const u8 *plane, unsigned int stride, unsigned int step,
				 unsigned int x, unsigned int y, unsigned int size,
				 struct vepu_h264_nbr *n)
{
	unsigned int i;

	n->has_left = x > 0;
	n->has_top = y > 0;
	for (i = 0; i < size && n->has_left; i++)
		n->left[i] = plane[(y + i) * stride + (x - 1) * step];
	for (i = 0; i < size && n->has_top; i++)
		n->top[i] = plane[(y - 1) * stride + (x + i) * step];
	if (n->has_left && n->has_top)
		n->corner = plane[(y - 1) * stride + (x - 1) * step];
}

/* Plane prediction (8-117..8-121 luma, 8-144..8-148 chroma 4:2:0). */
static void vepu_h264_pred_plane(const struct vepu_h264_nbr *n, unsigned int size, u8 *pred)
{
	int half = size / 2, hs = 0, vs = 0, a, b, cc, x, y;
	int mul = size == 16 ? 5 : 34;

	for (x = 0; x < half; x++) {
		int l = half - 2 - x;

		hs += (x + 1) * (n->top[half + x] - (l >= 0 ? n->top[l] : n->corner));
		vs += (x + 1) * (n->left[half + x] - (l >= 0 ? n->left[l] : n->corner));
	}
	a = 16 * (n->left[size - 1] + n->top[size - 1]);
	b = (mul * hs + 32) >> 6;
	cc = (mul * vs + 32) >> 6;
	for (y = 0; y < (int)size; y++)
		for (x = 0; x < (int)size; x++)
			pred[y * size + x] = vepu_clip_pixel((a + b * (x - half + 1) +
							      cc * (y - half + 1) + 16) >> 5);
}

static bool vepu_h264_pred_luma(const struct vepu_h264_nbr *n, unsigned int mode, u8 pred[256])
{
	unsigned int x, y, st = 0, sl = 0;

	switch (mode) {
	case I16_V:
		if (!n->has_top)
			return false;
		for (y = 0; y < 16; y++)
			memcpy(&pred[y * 16], n->top, 16);
		return true;
	case I16_H:
		if (!n->has_left)
			return false;
		for (y = 0; y < 16; y++)
			memset(&pred[y * 16], n->left[y], 16);
		return true;
	case I16_DC:
		for (x = 0; x < 16; x++) {
			st += n->has_top ? n->top[x] : 0;
			sl += n->has_left ? n->left[x] : 0;
		}
		memset(pred, vepu_h264_dc(st, n->has_top, sl, n->has_left, 4), 256);
		return true;
	default:
		if (!n->has_top || !n->has_left)
			return false;
		vepu_h264_pred_plane(n, 16, pred);
		return true;
	}
}

/* Chroma DC (8.3.4.1-3): each 4x4 block has its own rule. */
static void vepu_h264_pred_chroma_dc(const struct vepu_h264_nbr *n, u8 pred[64])
{
	unsigned int b, i, y;

	for (b = 0; b < 4; b++) {
		unsigned int bx = (b & 1) * 4, by = (b >> 1) * 4, st = 0, sl = 0, dc;
		bool top = n->has_top, left = n->has_left;

		for (i = 0; i < 4; i++) {
			st += top ? n->top[bx + i] : 0;
			sl += left ? n->left[by + i] : 0;
		}
		/* Blocks on one edge only prefer the neighbour along that edge. */
		if (b == 1 && top)
			left = false;
		if (b == 2 && left)
			top = false;
		dc = vepu_h264_dc(st, top, sl, left, 2);
		for (y = 0; y < 4; y++)
			memset(&pred[(by + y) * 8 + bx], dc, 4);
	}
}

static bool vepu_h264_pred_chroma(const struct vepu_h264_nbr *n, unsigned int mode, u8 pred[64])
{
	unsigned int y;

	switch (mode) {
	case CH_DC:
		vepu_h264_pred_chroma_dc(n, pred);
		return true;
	case CH_H:
		if (!n->has_left)
			return false;
		for (y = 0; y < 8; y++)
			memset(&pred[y * 8], n->left[y], 8);
		return true;
	case CH_V:
		if (!n->has_top)
			return false;
		for (y = 0; y < 8; y++)
			memcpy(&pred[y * 8], n->top, 8);
		return true;
	default:
		if (!n->has_top || !n->has_left)
			return false;
		vepu_h264_pred_plane(n, 8, pred);
		return true;
	}
}

static unsigned int vepu_h264_sad(const u8 *a, const u8 *b, unsigned int n)
{
	unsigned int i, sad = 0;

	for (i = 0; i < n; i++) {
		int d = a[i] - b[i];

		sad += d < 0 ? -d : d;
	}
	return sad;
}

/* Best intra 16x16 luma and chroma modes; returns the luma SATD. */
static unsigned int vepu_h264_intra_decide(const struct vepu_h264_ctx *c, unsigned int mbx,
					   unsigned int mby, struct vepu_h264_mbenc *m)
{
	const struct vepu_h264_job *j = c->job;
	unsigned int stride = c->mbw * 16, mode, sad, best = ~0u, best_c = ~0u, comp;
	struct vepu_h264_nbr n, nc[2];
	u8 pred[256], pc[2][64];

	vepu_h264_neighbours(j->rec.y, stride, 1, mbx * 16, mby * 16, 16, &n);
	for (mode = I16_V; mode <= I16_PLANE; mode++) {
		if (!vepu_h264_pred_luma(&n, mode, pred))
			continue;
		/* A mode is kept only if it costs less than the best so far. */
		sad = vepu_h264_satd16_below(m->src.y, pred, best);
		if (sad < best) {
			best = sad;
			m->i16_mode = mode;
			memcpy(m->intra_y, pred, 256);
		}
	}
	for (comp = 0; comp < 2; comp++)
		vepu_h264_neighbours(j->rec.c + comp, stride, 2, mbx * 8, mby * 8, 8, &nc[comp]);
	for (mode = CH_DC; mode <= CH_PLANE; mode++) {
		if (!vepu_h264_pred_chroma(&nc[0], mode, pc[0]))
			continue;
		vepu_h264_pred_chroma(&nc[1], mode, pc[1]);
		sad = vepu_h264_sad(m->src.cb, pc[0], 64) + vepu_h264_sad(m->src.cr, pc[1], 64);
		if (sad < best_c) {
			best_c = sad;
			m->chroma_mode = mode;
			memcpy(m->intra_c, pc, sizeof(pc));
		}
	}
	return best;
}

/* Chroma levels and the coded block pattern; luma levels are in @m->co. */
static void vepu_h264_quant_chroma_mb(const struct vepu_h264_ctx *c, struct vepu_h264_mbenc *m,
				      bool intra, bool intra16)
{
	int qpc = vepu_h264_chroma_qp(c->qp, c->job->chroma_qp_offset);

	vepu_h264_quant_chroma(m->src.cb, m->pred_c[0], qpc, intra, 0, &m->co);
	vepu_h264_quant_chroma(m->src.cr, m->pred_c[1], qpc, intra, 1, &m->co);
	vepu_h264_set_cbp(&m->co, intra16);
}

/* Levels of the residual against the prediction in @m, pattern decided. */
static void vepu_h264_quant_mb(const struct vepu_h264_ctx *c, struct vepu_h264_mbenc *m,
			       bool intra16)
{
	vepu_h264_quant_luma(m->src.y, m->pred_y, intra16, c->qp, &m->co);
	vepu_h264_quant_chroma_mb(c, m, intra16, intra16);
}

static void vepu_h264_reconstruct_chroma(const struct vepu_h264_ctx *c, unsigned int mbx,
					 unsigned int mby, const struct vepu_h264_mbenc *m)
{
	const struct vepu_h264_job *j = c->job;
	unsigned int stride = c->mbw * 16, comp;
	int qpc = vepu_h264_chroma_qp(c->qp, j->chroma_qp_offset);

	for (comp = 0; comp < 2; comp++)
		vepu_h264_recon_chroma(&m->co, comp, qpc, m->pred_c[comp],
				       j->rec.c + mby * 8 * stride + mbx * 16 + comp, stride);
}

/* Decoded samples of the macroblock into the reconstruction. */
static void vepu_h264_reconstruct(const struct vepu_h264_ctx *c, unsigned int mbx,
				  unsigned int mby, const struct vepu_h264_mbenc *m, bool intra16)
{
	unsigned int stride = c->mbw * 16;
	u8 *out = c->job->rec.y + mby * 16 * stride + mbx * 16;

	if (m->co.t8x8)
		vepu_h264_recon_luma8(&m->co, c->qp, m->pred_y, out, stride);
	else
		vepu_h264_recon_luma(&m->co, intra16, c->qp, m->pred_y, out, stride);
	vepu_h264_reconstruct_chroma(c, mbx, mby, m);
}

static bool vepu_h264_any_level(const s16 *levels, unsigned int n)
{
	unsigned int i;
	int any = 0;

	for (i = 0; i < n; i++)
		any |= levels[i];
	return any;
}

/*
 * Code the macroblock as P_Skip: @m->skip_mv, its prediction in @m->pred_y
 * and @m->pred_c, which is also the reconstruction.
 */
static void vepu_h264_code_skip(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
				const struct vepu_h264_mbenc *m, struct vepu_h264_mb *mb)
{
	const struct vepu_h264_job *j = c->job;
	unsigned int stride = c->mbw * 16, y, x;
	u8 *rec;

	mb->type = MB_SKIP;
	memcpy(mb->mv, m->skip_mv, sizeof(mb->mv));
	rec = j->rec.y + mby * 16 * stride + mbx * 16;
	for (y = 0; y < 16; y++)
		memcpy(rec + y * stride, &m->pred_y[y * 16], 16);
	rec = j->rec.c + mby * 8 * stride + mbx * 16;
	for (y = 0; y < 8; y++)
		for (x = 0; x < 8; x++) {
			rec[y * stride + 2 * x] = m->pred_c[0][y * 8 + x];
			rec[y * stride + 2 * x + 1] = m->pred_c[1][y * 8 + x];
		}
	mb->qp = c->qp_pred;
	c->prev_qp_delta = 0;
	if (j->cabac)
		vepu_h264_cabac_skip(c, mbx, mby, true);
	else
		c->skip_run++;
	c->job->skip_mbs++;
}

/* Whether the prediction in @m leaves no residual to code, luma first. */
static bool vepu_h264_nothing_to_code(const struct vepu_h264_ctx *c, unsigned int mbx,
				      unsigned int mby, struct vepu_h264_mbenc *m)
{
	int qpc = vepu_h264_chroma_qp(c->qp, c->job->chroma_qp_offset);

	/* Most refusals show in luma, tested block by block. */
	if (!vepu_h264_luma_zero(m->src.y, m->pred_y, c->qp))
		return false;
	vepu_h264_mc_chroma(c, mbx, mby, MB_SKIP, m->skip_mv, m->pred_c);
	vepu_h264_quant_chroma(m->src.cb, m->pred_c[0], qpc, false, 0, &m->co);
	vepu_h264_quant_chroma(m->src.cr, m->pred_c[1], qpc, false, 1, &m->co);
	return !vepu_h264_any_level(&m->co.chroma_dc[0][0], 8) &&
	       !vepu_h264_any_level(&m->co.chroma[0][0], 8 * 16);
}

/*
 * P_Skip when its prediction leaves nothing to code; returns true if taken.
 * Otherwise the skip vector and the candidate's cost (its SATD plus the
 * skip penalty) are kept in @m for the mode decision.
 */
static bool vepu_h264_try_skip(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			       struct vepu_h264_mbenc *m, struct vepu_h264_mb *mb)
{
	unsigned int q;

	vepu_h264_skip_mv(c, mbx, mby, m->skip_mv[0]);
	for (q = 1; q < 4; q++)
		memcpy(m->skip_mv[q], m->skip_mv[0], sizeof(m->skip_mv[0]));
	vepu_h264_mc_luma(c, mbx, mby, m->skip_mv[0], &m->qpel, m->pred_y);
	if (vepu_h264_nothing_to_code(c, mbx, mby, m)) {
		vepu_h264_code_skip(c, mbx, mby, m, mb);
		return true;
	}
	m->skip_cost = vepu_h264_satd(m->src.y, m->pred_y, 16, 16) + 8 * c->job->pen.skip_penalty;
	return false;
}

/*
 * QP_Y of a coded macroblock: the QP it was quantised with if it carries
 * mb_qp_delta (residual or Intra_16x16), else the predicted one (7.4.5).
 */
static void vepu_h264_set_qp(struct vepu_h264_ctx *c, struct vepu_h264_mb *mb,
			     const struct vepu_h264_coeffs *co)
{
	c->qp_delta = 0;
	mb->qp = c->qp_pred;
	if (mb->type == MB_I16 || co->cbp_luma || co->cbp_chroma) {
		/* QP_Y wraps modulo 52 (7-37): signal the short way round. */
		c->qp_delta = c->qp - c->qp_pred;
		if (c->qp_delta > 25)
			c->qp_delta -= 52;
		else if (c->qp_delta < -26)
			c->qp_delta += 52;
		mb->qp = c->qp;
	}
	c->qp_pred = mb->qp;
}

/*
 * The Intra_NxN candidate: Intra_4x4, and with 8x8 transforms Intra_8x8
 * if it costs less. The luma of the one kept is in the reconstruction and
 * in @m->co_i4 / @m->i4_modes. Returns its cost, or VEPU_H264_NO_COST if
 * it would cost @limit or more.
 */
static unsigned int vepu_h264_intra_nxn(struct vepu_h264_ctx *c, unsigned int mbx,
					unsigned int mby, struct vepu_h264_mbenc *m,
					unsigned int limit)
{
	unsigned int stride = c->mbw * 16, y, cost4, cost8;
	u8 *rec = c->job->rec.y + mby * 16 * stride + mbx * 16;

	cost4 = vepu_h264_code_i4(c, mbx, mby, m->src.y, &m->co_i4, m->i4_modes, limit);
	m->co_i4.t8x8 = false;
	if (!c->job->transform_8x8)
		return cost4;
	if (cost4 < limit) {
		for (y = 0; y < 16; y++)
			memcpy(&m->rec_i4[y * 16], rec + y * stride, 16);
		/* Intra_8x8 only replaces Intra_4x4 when it costs less. */
		limit = cost4;
	}
	cost8 = vepu_h264_code_i8(c, mbx, mby, m->src.y, &m->co_i8, m->i8_modes, limit);
	if (cost8 < limit) {
		m->co_i4 = m->co_i8;
		memcpy(m->i4_modes, m->i8_modes, sizeof(m->i4_modes));
		return cost8;
	}
	if (cost4 == VEPU_H264_NO_COST)
		return cost4;
	for (y = 0; y < 16; y++)
		memcpy(rec + y * stride, &m->rec_i4[y * 16], 16);
	return cost4;
}

static unsigned int vepu_h264_nonzero(const s16 *levels, unsigned int n)
{
	unsigned int i, count = 0;

	for (i = 0; i < n; i++)
		count += levels[i] != 0;
	return count;
}

/*
 * The run-level codewords of a macroblock's residual: one per non-zero
 * level of every block its coded_block_pattern sends.
 */
static unsigned int vepu_h264_codewords(const struct vepu_h264_coeffs *co, bool intra16)
{
	/* The 4x4 blocks of an 8x8 block, from its top-left one. */
	static const u8 quad[4] = { 0, 1, 4, 5 };
	unsigned int b, k, count = intra16 ? vepu_h264_nonzero(co->luma_dc, 16) : 0;

	for (b = 0; b < 4; b++) {
		if (!(co->cbp_luma & (1u << b)))
			continue;
		if (co->t8x8) {
			count += vepu_h264_nonzero(co->luma8[b], 64);
			continue;
		}
		for (k = 0; k < 4; k++)
			count += vepu_h264_nonzero(co->luma[(b / 2) * 8 + (b % 2) * 2 + quad[k]] +
						   intra16, 16 - intra16);
	}
	for (k = 0; k < 2 && co->cbp_chroma; k++)
		count += vepu_h264_nonzero(co->chroma_dc[k], 4);
	for (k = 0; k < 8 && co->cbp_chroma == 2; k++)
		count += vepu_h264_nonzero(co->chroma[k] + 1, 15);
	return count;
}

/* The statistics the registers report of a coded macroblock. */
static void vepu_h264_count_mb(struct vepu_h264_job *j, const struct vepu_h264_mb *mb)
{
	unsigned int q;

	j->t8x8_mbs += mb->t8x8;
	if (vepu_h264_is_intra(mb))
		j->intra_mbs++;
	if (mb->type == MB_I4)
		j->intra4_mbs++;
	if (mb->type == MB_I4 && mb->t8x8)
		j->intra8_mbs++;
	if (!vepu_h264_is_coded_inter(mb))
		return;
	j->split_mbs += mb->type != MB_P16;
	for (q = 0; q < 4; q++)
		if ((mb->mv[q][0] | mb->mv[q][1]) & 3) {
			j->subpel_mbs++;
			break;
		}
}

static void vepu_h264_code_mb(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			      struct vepu_h264_mbenc *m)
{
	struct vepu_h264_mb *mb = &c->mbs[mby * c->mbw + mbx];
	unsigned int intra16_favor = c->job->pen.intra16_favor / 8;
	unsigned int inter_favor = c->job->pen.inter_favor / 8;
	unsigned int intra_cost, i4_cost, inter_cost = 0;
	bool inter;
	int limit;

	memset(mb->nnz, 0, sizeof(mb->nnz));
	mb->cbp = 0;
	mb->t8x8 = false;
	mb->coded_dc = 0;
	memset(mb->abs_mvd, 0, sizeof(mb->abs_mvd));
	m->co.t8x8 = false;
	if (!c->job->intra && vepu_h264_try_skip(c, mbx, mby, m, mb))
		return;
	intra_cost = vepu_h264_intra_decide(c, mbx, mby, m);
	if (!c->job->intra)
		inter_cost = vepu_h264_inter_decide(c, mbx, mby, m);

	/*
	 * Intra_16x16 is favoured over Intra_NxN, and inter over intra, by
	 * the programmed favours (in eighths, as the motion penalties).
	 * Intra_NxN decides the type only below this cost: from there on
	 * Intra_16x16 costs no more, and in P pictures, inter less.
	 * Intra_NxN leaves its luma reconstructed; the other choices redo it.
	 */
	limit = (int)intra_cost - (int)intra16_favor;
	if (!c->job->intra && (int)(inter_cost - intra16_favor - inter_favor) + 1 < limit)
		limit = (int)(inter_cost - intra16_favor - inter_favor) + 1;
	i4_cost = limit > 0 ? vepu_h264_intra_nxn(c, mbx, mby, m, limit) : VEPU_H264_NO_COST;
	mb->type = MB_I16;
	if (i4_cost != VEPU_H264_NO_COST) {
		mb->type = MB_I4;
		intra_cost = i4_cost + intra16_favor;
	}
	memcpy(m->pred_c, m->intra_c, sizeof(m->pred_c));
	inter = !c->job->intra && inter_cost < intra_cost + inter_favor;
	/* Skipping costs the penalty but no vector: its residual is dropped. */
	if (inter && m->skip_cost <= inter_cost) {
		vepu_h264_mc_luma(c, mbx, mby, m->skip_mv[0], &m->qpel, m->pred_y);
		vepu_h264_mc_chroma(c, mbx, mby, MB_SKIP, m->skip_mv, m->pred_c);
		vepu_h264_code_skip(c, mbx, mby, m, mb);
		return;
	}
	if (inter) {
		mb->type = m->type;
		vepu_h264_mc_chroma(c, mbx, mby, m->type, mb->mv, m->pred_c);
	} else {
		memset(mb->mv, 0, sizeof(mb->mv));
	}
	if (mb->type == MB_I4) {
		/* Chroma and the pattern follow from here. */
		m->co = m->co_i4;
		memcpy(mb->i4_modes, m->i4_modes, sizeof(mb->i4_modes));
		vepu_h264_quant_chroma_mb(c, m, true, false);
		vepu_h264_reconstruct_chroma(c, mbx, mby, m);
	} else {
		if (mb->type == MB_I16)
			memcpy(m->pred_y, m->intra_y, sizeof(m->pred_y));
		vepu_h264_quant_mb(c, m, mb->type == MB_I16);
		if (inter && c->job->transform_8x8)
			vepu_h264_choose_transform(m->src.y, m->pred_y, c->qp,
						   vepu_h264_lambda(c->qp), &m->co);
		vepu_h264_reconstruct(c, mbx, mby, m, mb->type == MB_I16);
	}
	mb->cbp = m->co.cbp_luma | m->co.cbp_chroma << 4;
	mb->t8x8 = m->co.t8x8;
	vepu_h264_count_mb(c->job, mb);
	vepu_h264_set_qp(c, mb, &m->co);
	c->job->coeffs += vepu_h264_codewords(&m->co, mb->type == MB_I16);
	if (c->job->cabac)
		vepu_h264_cabac_mb(c, mbx, mby, &m->co, m->i16_mode, m->chroma_mode, m->mvd);
	else
		vepu_h264_cavlc_mb(c, mbx, mby, &m->co, m->i16_mode, m->chroma_mode, m->mvd);
}

/*
 * Working memory: the macroblock being coded, the arithmetic coder, then
 * one entry per macroblock.
 */
struct vepu_h264_scratch {
	struct vepu_h264_mbenc m;
	struct vepu_cabac cabac;
	struct vepu_h264_mb mbs[];
};

size_t vepu_h264_scratch_size(unsigned int mb_width, unsigned int mb_height)
{
	return sizeof(struct vepu_h264_scratch) +
	       (size_t)mb_width * mb_height * sizeof(struct vepu_h264_mb);
}

/*
 * A checkpoint of the macroblock rate control: compare the run-level
 * codewords coded so far with the target and move the QP by the change the
 * error's range selects, within qp_min..qp_max. The count is recorded for
 * the driver. Units: hantro_layout.h.
 */
static void vepu_h264_checkpoint(struct vepu_h264_ctx *c, unsigned int cp)
{
	struct vepu_h264_job *j = c->job;
	u32 count = j->coeffs / HANTRO_CP_TARGET_UNIT;
	unsigned int i;
	int err;

	/* The hardware's counters are 16 bits wide. */
	j->cp_result[cp] = count > 0xffff ? 0xffff : count;
	err = (int)(j->coeffs / HANTRO_CP_ERROR_UNIT) -
	      (int)j->cp_target[cp] * (HANTRO_CP_TARGET_UNIT / HANTRO_CP_ERROR_UNIT);
	for (i = 0; i < HANTRO_CP_ERRORS && err >= j->cp_error[i]; i++)
		;
	c->qp = vepu_clip3(j->qp_min, j->qp_max, c->qp + j->cp_delta_qp[i]);
}

/* The bytes the driver already wrote at the aligned output address. */
static void vepu_h264_header_rest(struct h264_bw *bw, u64 rem, unsigned int bits)
{
	unsigned int i;

	for (i = 0; i < bits / 8; i++)
		h264_bw_emit(bw, rem >> (56 - 8 * i));
}

/**
 * vepu_h264_encode() - code one picture
 * @job:	its parameters; statistics are filled in
 * @scratch:	vepu_h264_scratch_size() bytes of working memory
 * @bytes:	receives the bytes written at job->out, header rest included
 *
 * Return: 0, -ENOSPC when the output does not fit, -EINVAL for parameters
 * the hardware rejects, -ECANCELED when a reset stopped the frame.
 */
int vepu_h264_encode(struct vepu_h264_job *job, void *scratch, size_t *bytes)
{
	struct vepu_h264_scratch *s = scratch;
	struct vepu_h264_ctx c = {
		.job = job,
		.mbw = job->frame.mb_width,
		.mbh = job->frame.mb_height,
		.mbs = s->mbs,
		.cabac = &s->cabac,
	};
	struct vepu_h264_mbenc *m = &s->m;
	unsigned int mbx, mby, cp = 0;

	*bytes = 0;
	if (vepu_frame_check(&job->frame) || job->qp < 0 || job->qp > 51 ||
	    job->pic_init_qp < 0 || job->pic_init_qp > 51 || job->deblock_idc > 2 ||
	    job->start_bits > 56 || job->start_bits % 8 ||
	    (job->cabac && (!job->cabac_table || job->cabac_init_idc > 2)) ||
	    (job->cp_distance && (job->qp_min < 0 || job->qp_max > 51 ||
				  job->qp_min > job->qp_max)))
		return -EINVAL;
	job->qp_sum = 0;
	job->intra_mbs = 0;
	job->intra4_mbs = 0;
	job->intra8_mbs = 0;
	job->subpel_mbs = 0;
	job->split_mbs = 0;
	job->skip_mbs = 0;
	job->t8x8_mbs = 0;
	job->cabac_bins = 0;
	job->cabac_zero_words = 0;
	job->coeffs = 0;
	memset(job->cp_result, 0, sizeof(job->cp_result));
	c.qp = job->qp;
	c.qp_pred = job->qp;
	/* Interpolation planes of the last picture's reference are stale. */
	m->qpel.built = 0;
	h264_bw_init(&c.bw, job->out, job->out_size);
	vepu_h264_header_rest(&c.bw, job->hdr_rem, job->start_bits);
	vepu_h264_write_slice_header(&c);
	if (job->cabac && vepu_h264_cabac_start(&c))
		return -EINVAL;
	for (mby = 0; mby < c.mbh; mby++) {
		if (vepu_frame_stopped(&job->frame))
			return -ECANCELED;
		for (mbx = 0; mbx < c.mbw; mbx++) {
			vepu_frame_fetch_mb(&job->frame, mbx, mby, &m->src);
			vepu_h264_code_mb(&c, mbx, mby, m);
			if (job->cabac)
				vepu_h264_cabac_end_of_slice(&c, mby == c.mbh - 1 &&
							     mbx == c.mbw - 1);
			job->qp_sum += c.mbs[mby * c.mbw + mbx].qp;
			if (c.bw.overflow)
				return -ENOSPC;
			if (job->cp_distance && cp < HANTRO_CHECKPOINTS &&
			    mby * c.mbw + mbx + 1 == (cp + 1) * job->cp_distance)
				vepu_h264_checkpoint(&c, cp++);
		}
	}
	if (!job->cabac) {
		if (c.skip_run)
			h264_bw_ue(&c.bw, c.skip_run);
		h264_bw_trailing(&c.bw);
	}
	if (c.bw.overflow)
		return -ENOSPC;
	if (vepu_h264_deblock(&c))
		return -ECANCELED;
	*bytes = c.bw.pos;
	return 0;
}
