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

	vepu_h264_qpel_cover(me->c, me->bx + (bx >> 2) - 1, me->by + (by >> 2) - 1, me->w + 2,
			     me->h + 2, q);
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

/* The search of partition @part of @type, its predictor derived. */
static void vepu_h264_me_init(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			      const struct vepu_h264_mbenc *m, unsigned int type,
			      unsigned int part, struct vepu_h264_me *me)
{
	const struct vepu_h264_part *p = &vepu_h264_parts[type - MB_P16][part];

	*me = (struct vepu_h264_me){
		.c = c,
		.src = m->src.y + p->y * 4 * 16 + p->x * 4,
		.bx = (int)mbx * 16 + p->x * 4,
		.by = (int)mby * 16 + p->y * 4,
		.w = p->w * 4,
		.h = p->h * 4,
		.penalty = type == MB_P16 ? c->job->pen.mv_1p : c->job->pen.mv_4p,
	};
	vepu_h264_mvp(c, mbx, mby, type, part, me->mvp);
}

/*
 * The whole-sample search of every partition of @type, @hint a further
 * start; each one's vector goes into the macroblock's entry, where the
 * partitions after it find their predictor, and into @mv. Returns the
 * cost of them all.
 */
static unsigned int vepu_h264_shape_search(const struct vepu_h264_ctx *c, unsigned int mbx,
					   unsigned int mby, const struct vepu_h264_mbenc *m,
					   unsigned int type, const s16 hint[2], s16 mv[4][2])
{
	struct vepu_h264_mb *mb = &c->mbs[mby * c->mbw + mbx];
	unsigned int part, cost = 0;
	struct vepu_h264_me me;

	for (part = 0; part < vepu_h264_part_count[type - MB_P16]; part++) {
		vepu_h264_me_init(c, mbx, mby, m, type, part, &me);
		cost += vepu_me_search(&me, hint, mv[part]);
		vepu_h264_set_part_mv(mb->mv, &vepu_h264_parts[type - MB_P16][part], mv[part]);
	}
	return cost;
}

/*
 * Refine the whole-sample vectors @mv of the partitions of @type to
 * quarter samples, in order, each against the predictor the refined ones
 * before it give. The vectors go into the macroblock's entry,
 * the differences into @m->mvd, the prediction into @pred. Returns the
 * SATD of the prediction plus the vectors' costs.
 */
static unsigned int vepu_h264_shape_refine(const struct vepu_h264_ctx *c, unsigned int mbx,
					   unsigned int mby, struct vepu_h264_mbenc *m,
					   unsigned int type, s16 mv[4][2], u8 *pred)
{
	struct vepu_h264_mb *mb = &c->mbs[mby * c->mbw + mbx];
	unsigned int part, cost = 0;
	struct vepu_h264_me me;

	for (part = 0; part < vepu_h264_part_count[type - MB_P16]; part++) {
		const struct vepu_h264_part *p = &vepu_h264_parts[type - MB_P16][part];

		vepu_h264_me_init(c, mbx, mby, m, type, part, &me);
		vepu_me_subpel(&me, &m->qpel, mv[part], pred + p->y * 4 * 16 + p->x * 4);
		m->mvd[part][0] = mv[part][0] - me.mvp[0];
		m->mvd[part][1] = mv[part][1] - me.mvp[1];
		vepu_h264_set_part_mv(mb->mv, p, mv[part]);
		cost += vepu_mv_cost_qpel(&c->job->pen, me.mvp, mv[part][0], mv[part][1]);
	}
	return cost + vepu_h264_satd(m->src.y, pred, 16, 16);
}

/**
 * vepu_h264_inter_decide() - the best P type, its vectors and prediction
 * @c:		picture state
 * @mbx:	column
 * @mby:	row
 * @m:		the macroblock; receives the type, the differences of each
 *		partition and the luma prediction in @m->pred_y; the
 *		macroblock's entry receives the vector of each quadrant
 *
 * 16x16 is searched from the left neighbour's vector and refined. With
 * split MV, the other types are searched in whole samples from the 16x16
 * vector; the cheapest, if cheaper there than 16x16, is refined too and
 * replaces 16x16 if it still costs less.
 *
 * Return: the cost of the type chosen.
 */
unsigned int vepu_h264_inter_decide(struct vepu_h264_ctx *c, unsigned int mbx,
				    unsigned int mby, struct vepu_h264_mbenc *m)
{
	struct vepu_h264_mb *mb = &c->mbs[mby * c->mbw + mbx];
	const struct vepu_h264_mb *left = mbx ? mb - 1 : NULL;
	unsigned int lambda = vepu_h264_lambda(c->qp), best_type = MB_P16, type;
	unsigned int cost16, whole16, best, cost;
	s16 hint[2] = { 0, 0 }, mv[VEPU_H264_P_SHAPES][4][2];
	s16 mv16[4][2], mvd16[2];

	if (left) {
		hint[0] = left->mv[1][0];
		hint[1] = left->mv[1][1];
	}
	m->type = MB_P16;
	whole16 = vepu_h264_shape_search(c, mbx, mby, m, MB_P16, hint, mv[0]);
	cost16 = vepu_h264_shape_refine(c, mbx, mby, m, MB_P16, mv[0], m->pred_y);
	if (!c->job->split_mv)
		return cost16;

	memcpy(mv16, mb->mv, sizeof(mv16));
	memcpy(mvd16, m->mvd[0], sizeof(mvd16));
	hint[0] = mv[0][0][0];
	hint[1] = mv[0][0][1];
	best = whole16;
	for (type = MB_P16X8; type <= MB_P8X8; type++) {
		cost = lambda * vepu_h264_type_bits[type - MB_P16] +
		       vepu_h264_shape_search(c, mbx, mby, m, type, hint, mv[type - MB_P16]);
		if (cost < best) {
			best = cost;
			best_type = type;
		}
	}
	if (best_type != MB_P16) {
		cost = lambda * vepu_h264_type_bits[best_type - MB_P16] +
		       vepu_h264_shape_refine(c, mbx, mby, m, best_type, mv[best_type - MB_P16],
					      m->pred_split);
		if (cost < cost16) {
			m->type = best_type;
			memcpy(m->pred_y, m->pred_split, sizeof(m->pred_y));
			return cost;
		}
	}
	/* 16x16 stays: the others left their vectors behind. */
	memcpy(mb->mv, mv16, sizeof(mv16));
	memcpy(m->mvd[0], mvd16, sizeof(mvd16));
	return cost16;
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
			 unsigned int type, const s16 mv[][2], u8 pred[2][64])
{
	unsigned int part, shape = type == MB_SKIP ? 0 : type - MB_P16;

	for (part = 0; part < vepu_h264_part_count[shape]; part++) {
		const struct vepu_h264_part *p = &vepu_h264_parts[shape][part];

		vepu_h264_mc_chroma_block(c, (int)mbx * 8 + p->x * 2, (int)mby * 8 + p->y * 2,
					  p->w * 2, p->h * 2, mv[p->x / 2 + p->y / 2 * 2],
					  p->x * 2, p->y * 2, pred);
	}
}
