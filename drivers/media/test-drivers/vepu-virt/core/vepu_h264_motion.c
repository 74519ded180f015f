// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: the motion search and the choice of a P
 * macroblock's partitions, with the costs the registers program, and the
 * chroma prediction of the partitions chosen.
 *
 * Costs are in the SAD domain. A motion vector difference costs, per
 * component, its penalty table's entry times the search's penalty / 8: the
 * whole-sample table and the 1p penalty (16x16) or 4p penalty (smaller
 * partitions) in the whole-sample search, the quarter-sample table and the
 * qpel penalty from there on. The zero vector is favoured by twice its
 * register. With split MV enabled, 16x8, 8x16 and 8x8 partitions compete
 * with 16x16 on the SATD of their prediction plus those costs and their
 * extra mb_type bits.
 */

#include <linux/kernel.h>
#include <linux/string.h>

#include "vepu_h264_internal.h"

/* Largest displacement searched, whole samples, each way. */
#define VEPU_H264_SEARCH	24

/* Bits each P type's mb_type (and sub_mb_types) take beyond P_L0_16x16's. */
static const u8 vepu_h264_type_bits[VEPU_H264_P_SHAPES] = { 0, 2, 2, 8 };

static unsigned int vepu_abs_diff(int a, int b)
{
	return a > b ? a - b : b - a;
}

/* One component's entry in a 128-entry penalty table, the last for larger. */
static unsigned int vepu_dmv(const u8 *table, unsigned int d)
{
	return table[min(d, HANTRO_DMV_PENALTIES - 1u)];
}

/* The cost of quarter-sample vector (@x, @y) against predictor @mvp. */
static unsigned int vepu_mv_cost_qpel(const struct hantro_h264_penalties *pen,
				      const s16 mvp[2], int x, int y)
{
	return pen->mv_qpel * (vepu_dmv(pen->dmv_qpel, vepu_abs_diff(x, mvp[0])) +
			       vepu_dmv(pen->dmv_qpel, vepu_abs_diff(y, mvp[1]))) >> 3;
}

/**
 * struct vepu_h264_me - the motion search of one partition
 * @c:		picture state
 * @src:	the partition's source samples, stride 16
 * @bx:		its left column in the picture, samples
 * @by:		its top row
 * @w:		its width, samples
 * @h:		its height
 * @mvp:	its predictor, quarter samples
 * @penalty:	the whole-sample search's penalty
 * @best:	best displacement so far, whole samples
 * @cost:	its cost
 */
struct vepu_h264_me {
	const struct vepu_h264_ctx *c;
	const u8 *src;
	int bx;
	int by;
	unsigned int w;
	unsigned int h;
	s16 mvp[2];
	unsigned int penalty;
	int best[2];
	unsigned int cost;
};

/*
 * SAD of the partition against the reference displaced by whole samples
 * (@x, @y), giving up once it reaches @limit: the caller discards such a
 * candidate anyway.
 */
static unsigned int vepu_me_sad(const struct vepu_h264_me *me, int x, int y, unsigned int limit)
{
	const struct vepu_h264_ctx *c = me->c;
	int w = c->mbw * 16, h = c->mbh * 16, x0 = me->bx + x, y0 = me->by + y, i, j;
	const u8 *ref = c->job->ref.y;
	unsigned int sad = 0;

	for (j = 0; j < (int)me->h; j++) {
		const u8 *row = ref + vepu_clip3(0, h - 1, y0 + j) * w;
		const u8 *s = me->src + j * 16;

		if (x0 >= 0 && x0 + (int)me->w <= w) {
			row += x0;
			for (i = 0; i < (int)me->w; i++)
				sad += vepu_abs_diff(s[i], row[i]);
		} else {
			for (i = 0; i < (int)me->w; i++)
				sad += vepu_abs_diff(s[i], row[vepu_clip3(0, w - 1, x0 + i)]);
		}
		if ((j & 3) == 3 && sad >= limit)
			break;
	}
	return sad;
}

static bool vepu_me_try(struct vepu_h264_me *me, int x, int y)
{
	const struct hantro_h264_penalties *pen = &me->c->job->pen;
	unsigned int cost, favour = x || y ? 0 : 2 * pen->zero_mv_favor;

	if (x < -VEPU_H264_SEARCH || x > VEPU_H264_SEARCH ||
	    y < -VEPU_H264_SEARCH || y > VEPU_H264_SEARCH)
		return false;
	cost = me->penalty * (vepu_dmv(pen->dmv, vepu_abs_diff(x * 4, me->mvp[0]) >> 2) +
			      vepu_dmv(pen->dmv, vepu_abs_diff(y * 4, me->mvp[1]) >> 2)) >> 3;
	if (cost >= me->cost + favour)
		return false;
	cost += vepu_me_sad(me, x, y, me->cost + favour - cost);
	cost = cost > favour ? cost - favour : 0;
	if (cost >= me->cost)
		return false;
	me->cost = cost;
	me->best[0] = x;
	me->best[1] = y;
	return true;
}

/*
 * Whole-sample search: the best of zero, the predictor and @hint, then a
 * small-diamond descent. Returns the cost; @mv receives the vector in
 * quarter samples.
 */
static unsigned int vepu_me_search(struct vepu_h264_me *me, const s16 hint[2], s16 mv[2])
{
	static const s8 diamond[4][2] = { { -1, 0 }, { 1, 0 }, { 0, -1 }, { 0, 1 } };
	unsigned int i, round;

	me->cost = ~0u >> 1;
	vepu_me_try(me, 0, 0);
	vepu_me_try(me, me->mvp[0] >> 2, me->mvp[1] >> 2);
	vepu_me_try(me, hint[0] >> 2, hint[1] >> 2);
	for (round = 0; round < 2 * VEPU_H264_SEARCH; round++) {
		int cx = me->best[0], cy = me->best[1];
		bool moved = false;

		for (i = 0; i < 4; i++)
			moved |= vepu_me_try(me, cx + diamond[i][0], cy + diamond[i][1]);
		if (!moved)
			break;
	}
	mv[0] = me->best[0] * 4;
	mv[1] = me->best[1] * 4;
	return me->cost;
}

/*
 * Refine a whole-sample vector to half, then quarter samples around it, on
 * planes interpolated once for the area the candidates cover; @pred
 * (stride 16, at the partition's place) receives the prediction of the
 * vector kept. Every candidate, the whole-sample one included, costs its
 * SAD and its quarter-sample vector cost. The centre of each ring is the
 * best so far; ties go to the first ring.
 */
static void vepu_me_subpel(const struct vepu_h264_me *me, struct vepu_qpel *q, s16 mv[2],
			   u8 *pred)
{
	static const s8 ring[8][2] = {
		{ -1, -1 }, { 0, -1 }, { 1, -1 }, { -1, 0 },
		{ 1, 0 }, { -1, 1 }, { 0, 1 }, { 1, 1 },
	};
	const struct hantro_h264_penalties *pen = &me->c->job->pen;
	unsigned int best = ~0u, cand, i, step, cost;
	int bx = mv[0], by = mv[1];

	vepu_h264_qpel_build(me->c, me->bx + (bx >> 2) - 1, me->by + (by >> 2) - 1, q);
	cost = vepu_mv_cost_qpel(pen, me->mvp, bx, by) +
	       vepu_h264_qpel_sad(q, me->bx * 4 + bx, me->by * 4 + by, me->w, me->h, me->src, ~0u);
	for (step = 2; step; step >>= 1) {
		int cx = bx, cy = by;

		for (i = 0; i < 8; i++) {
			int x = cx + ring[i][0] * (int)step;
			int y = cy + ring[i][1] * (int)step;

			cand = vepu_mv_cost_qpel(pen, me->mvp, x, y);
			if (cand >= best)
				continue;
			cand += vepu_h264_qpel_sad(q, me->bx * 4 + x, me->by * 4 + y, me->w, me->h,
						   me->src, best - cand);
			if (cand < best) {
				best = cand;
				bx = x;
				by = y;
			}
		}
		if (step == 2 && cost < best) {
			best = cost;
			bx = cx;
			by = cy;
		}
	}
	mv[0] = bx;
	mv[1] = by;
	vepu_h264_qpel_pred(q, me->bx * 4 + bx, me->by * 4 + by, me->w, me->h, pred);
}

/* The vector of a partition into the quadrants it covers. */
static void vepu_h264_set_part_mv(s16 quads[4][2], const struct vepu_h264_part *p,
				  const s16 mv[2])
{
	unsigned int q;

	for (q = 0; q < 4; q++)
		if (vepu_h264_part_covers(p, q)) {
			quads[q][0] = mv[0];
			quads[q][1] = mv[1];
		}
}

/*
 * Search one partition of @type; @hint is a further whole-sample start.
 * Its vector goes into the macroblock's entry, where the partitions after
 * it find their predictor, and into @m->mv; its difference into @m->mvd.
 * Returns the cost of its vector; the prediction goes into @pred.
 */
static unsigned int vepu_h264_part_search(const struct vepu_h264_ctx *c, unsigned int mbx,
					  unsigned int mby, struct vepu_h264_mbenc *m,
					  unsigned int type, unsigned int part, const s16 hint[2],
					  u8 *pred)
{
	const struct vepu_h264_part *p = &vepu_h264_parts[type - MB_P16][part];
	struct vepu_h264_mb *mb = &c->mbs[mby * c->mbw + mbx];
	unsigned int off = p->y * 4 * 16 + p->x * 4;
	struct vepu_h264_me me = {
		.c = c,
		.src = m->src.y + off,
		.bx = (int)mbx * 16 + p->x * 4,
		.by = (int)mby * 16 + p->y * 4,
		.w = p->w * 4,
		.h = p->h * 4,
		.penalty = type == MB_P16 ? c->job->pen.mv_1p : c->job->pen.mv_4p,
	};
	s16 mv[2];

	vepu_h264_mvp(c, mbx, mby, type, part, me.mvp);
	vepu_me_search(&me, hint, mv);
	vepu_me_subpel(&me, &m->qpel, mv, pred + off);
	m->mvd[part][0] = mv[0] - me.mvp[0];
	m->mvd[part][1] = mv[1] - me.mvp[1];
	vepu_h264_set_part_mv(m->mv, p, mv);
	vepu_h264_set_part_mv(mb->mv, p, mv);
	return vepu_mv_cost_qpel(&c->job->pen, me.mvp, mv[0], mv[1]);
}

/**
 * vepu_h264_inter_decide() - the best P type, its vectors and prediction
 * @c:		picture state
 * @mbx:	column
 * @mby:	row
 * @m:		the macroblock; receives the type, the vector of each
 *		quadrant, the differences of each partition and the luma
 *		prediction in @m->pred_y
 *
 * 16x16 first, from the left neighbour's vector; with split MV the smaller
 * partitions start from the 16x16 vector.
 *
 * Return: the cost of the type chosen.
 */
unsigned int vepu_h264_inter_decide(struct vepu_h264_ctx *c, unsigned int mbx,
				    unsigned int mby, struct vepu_h264_mbenc *m)
{
	unsigned int lambda = vepu_h264_lambda(c->qp), last = c->job->split_mv ? MB_P8X8 : MB_P16;
	unsigned int best = ~0u, type, part, cost;
	s16 hint[2] = { 0, 0 }, mv[4][2] = { { 0 } }, mvd[4][2] = { { 0 } };

	if (mbx) {
		hint[0] = c->mbs[mby * c->mbw + mbx - 1].mv[1][0];
		hint[1] = c->mbs[mby * c->mbw + mbx - 1].mv[1][1];
	}
	for (type = MB_P16; type <= last; type++) {
		u8 *pred = type == MB_P16 ? m->pred_y : m->pred_split;

		cost = lambda * vepu_h264_type_bits[type - MB_P16];
		for (part = 0; part < vepu_h264_part_count[type - MB_P16]; part++)
			cost += vepu_h264_part_search(c, mbx, mby, m, type, part, hint, pred);
		cost += vepu_h264_satd(m->src.y, pred, 16, 16);
		if (type == MB_P16) {
			hint[0] = m->mv[0][0];
			hint[1] = m->mv[0][1];
		}
		if (cost >= best)
			continue;
		best = cost;
		m->type = type;
		memcpy(mv, m->mv, sizeof(mv));
		memcpy(mvd, m->mvd, sizeof(mvd));
		if (pred != m->pred_y)
			memcpy(m->pred_y, pred, sizeof(m->pred_y));
	}
	memcpy(m->mv, mv, sizeof(mv));
	memcpy(m->mvd, mvd, sizeof(mvd));
	return best;
}

/* One chroma sample of the reference at (xi, yi) + (fx, fy) / 8 (8-266). */
static u8 vepu_h264_chroma_sample(const struct vepu_h264_ctx *c, unsigned int comp,
				  int xi, int yi, int fx, int fy)
{
	int w = c->mbw * 8, h = c->mbh * 8, stride = c->mbw * 16;
	const u8 *ref = c->job->ref.c + comp;
	int x0 = vepu_clip3(0, w - 1, xi) * 2, x1 = vepu_clip3(0, w - 1, xi + 1) * 2;
	const u8 *r0 = ref + vepu_clip3(0, h - 1, yi) * stride;
	const u8 *r1 = ref + vepu_clip3(0, h - 1, yi + 1) * stride;

	return ((8 - fx) * (8 - fy) * r0[x0] + fx * (8 - fy) * r0[x1] +
		(8 - fx) * fy * r1[x0] + fx * fy * r1[x1] + 32) >> 6;
}

/*
 * Chroma of the reference (8.4.2.2.2) for a @w x @h block at (@cx, @cy)
 * of the picture, edges replicated, both components, into @pred at
 * (@px, @py) (stride 8).
 */
static void vepu_h264_mc_chroma_block(const struct vepu_h264_ctx *c, int cx, int cy,
				      unsigned int w, unsigned int h, const s16 mv[2],
				      unsigned int px, unsigned int py, u8 pred[2][64])
{
	int x0 = cx + (mv[0] >> 3), y0 = cy + (mv[1] >> 3);
	int fx = mv[0] & 7, fy = mv[1] & 7, x, y, comp;
	int stride = c->mbw * 16;

	/* Inside the picture: both components at once from the interleaved rows. */
	if (x0 >= 0 && y0 >= 0 && x0 + (int)w + 1 <= (int)c->mbw * 8 &&
	    y0 + (int)h + 1 <= (int)c->mbh * 8) {
		int ca = (8 - fx) * (8 - fy), cb = fx * (8 - fy), cc = (8 - fx) * fy, cd = fx * fy;
		const u8 *r0 = c->job->ref.c + y0 * stride + 2 * x0;

		for (y = 0; y < (int)h; y++, r0 += stride) {
			const u8 *r1 = r0 + stride;
			u8 row[16];

			for (x = 0; x < 2 * (int)w; x++)
				row[x] = (ca * r0[x] + cb * r0[x + 2] + cc * r1[x] +
					  cd * r1[x + 2] + 32) >> 6;
			for (x = 0; x < (int)w; x++) {
				pred[0][(py + y) * 8 + px + x] = row[2 * x];
				pred[1][(py + y) * 8 + px + x] = row[2 * x + 1];
			}
		}
		return;
	}
	for (comp = 0; comp < 2; comp++)
		for (y = 0; y < (int)h; y++)
			for (x = 0; x < (int)w; x++)
				pred[comp][(py + y) * 8 + px + x] =
					vepu_h264_chroma_sample(c, comp, x0 + x, y0 + y, fx, fy);
}

/**
 * vepu_h264_mc_chroma() - the chroma prediction of a P macroblock
 * @c:		picture state
 * @mbx:	column
 * @mby:	row
 * @type:	its P type (P_Skip predicts as 16x16)
 * @mv:		the vector of each quadrant
 * @pred:	receives Cb and Cr
 */
void vepu_h264_mc_chroma(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			 unsigned int type, const s16 mv[4][2], u8 pred[2][64])
{
	unsigned int part, shape = type == MB_SKIP ? 0 : type - MB_P16;

	for (part = 0; part < vepu_h264_part_count[shape]; part++) {
		const struct vepu_h264_part *p = &vepu_h264_parts[shape][part];

		vepu_h264_mc_chroma_block(c, (int)mbx * 8 + p->x * 2, (int)mby * 8 + p->y * 2,
					  p->w * 2, p->h * 2, mv[p->x / 2 + p->y / 2 * 2],
					  p->x * 2, p->y * 2, pred);
	}
}
