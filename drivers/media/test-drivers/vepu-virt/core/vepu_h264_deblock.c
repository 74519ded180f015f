// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: the in-loop deblocking filter (8.7) over the
 * reconstructed picture, macroblock by macroblock in raster order, for
 * frame pictures of one slice with 4x4 transforms only.
 */

#include <linux/bits.h>
#include <linux/errno.h>

#include "vepu_h264_internal.h"

/* Table 8-16: alpha' and beta' by indexA / indexB. */
static const u8 vepu_alpha[52] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 5, 6, 7, 8, 9, 10, 12, 13,
	15, 17, 20, 22, 25, 28, 32, 36, 40, 45, 50, 56, 63, 71, 80, 90, 101, 113, 127, 144,
	162, 182, 203, 226, 255, 255,
};

static const u8 vepu_beta[52] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
	6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15,
	16, 16, 17, 17, 18, 18,
};

/* Table 8-17: tC0' by indexA for bS 1, 2, 3. */
static const u8 vepu_tc0[52][3] = {
	{ 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 },
	{ 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 },
	{ 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 1 },
	{ 0, 0, 1 }, { 0, 0, 1 }, { 0, 0, 1 }, { 0, 1, 1 }, { 0, 1, 1 }, { 1, 1, 1 },
	{ 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 2 }, { 1, 1, 2 }, { 1, 1, 2 },
	{ 1, 1, 2 }, { 1, 2, 3 }, { 1, 2, 3 }, { 2, 2, 3 }, { 2, 2, 4 }, { 2, 3, 4 },
	{ 2, 3, 4 }, { 3, 3, 5 }, { 3, 4, 6 }, { 3, 4, 6 }, { 4, 5, 7 }, { 4, 5, 8 },
	{ 4, 6, 9 }, { 5, 7, 10 }, { 6, 8, 11 }, { 6, 8, 13 }, { 7, 10, 14 }, { 8, 11, 16 },
	{ 9, 12, 18 }, { 10, 13, 20 }, { 11, 15, 23 }, { 13, 17, 25 },
};

static int vepu_abs(int v)
{
	return v < 0 ? -v : v;
}

/**
 * struct vepu_edge - one edge segment's filter parameters
 * @alpha:	alpha of the edge's average QP
 * @beta:	beta of the edge's average QP
 * @index_a:	indexA, for tC0
 * @chroma:	chroma filter (8.7.2.3/8.7.2.4 with chromaEdgeFlag 1)
 */
struct vepu_edge {
	int alpha;
	int beta;
	int index_a;
	bool chroma;
};

/*
 * Filter one line of samples across an edge: p[-k * step] and q[k * step]
 * (8.7.2.3 for bS < 4, 8.7.2.4 for bS == 4).
 */
static void vepu_filter_line(u8 *q, int step, unsigned int bs, const struct vepu_edge *e)
{
	int p0 = q[-step], p1 = q[-2 * step], q0 = q[0], q1 = q[step];
	int p2, q2, ap, aq;

	if (vepu_abs(p0 - q0) >= e->alpha || vepu_abs(p1 - p0) >= e->beta ||
	    vepu_abs(q1 - q0) >= e->beta)
		return;
	if (e->chroma) {
		if (bs < 4) {
			int tc = vepu_tc0[e->index_a][bs - 1] + 1;
			int delta = vepu_clip3(-tc, tc, ((q0 - p0) * 4 + (p1 - q1) + 4) >> 3);

			q[-step] = vepu_clip_pixel(p0 + delta);
			q[0] = vepu_clip_pixel(q0 - delta);
		} else {
			q[-step] = (2 * p1 + p0 + q1 + 2) >> 2;
			q[0] = (2 * q1 + q0 + p1 + 2) >> 2;
		}
		return;
	}
	p2 = q[-3 * step];
	q2 = q[2 * step];
	ap = vepu_abs(p2 - p0);
	aq = vepu_abs(q2 - q0);
	if (bs < 4) {
		int tc0 = vepu_tc0[e->index_a][bs - 1];
		int tc = tc0 + (ap < e->beta) + (aq < e->beta);
		int delta = vepu_clip3(-tc, tc, ((q0 - p0) * 4 + (p1 - q1) + 4) >> 3);

		q[-step] = vepu_clip_pixel(p0 + delta);
		q[0] = vepu_clip_pixel(q0 - delta);
		if (ap < e->beta)
			q[-2 * step] = p1 + vepu_clip3(-tc0, tc0,
						       (p2 + ((p0 + q0 + 1) >> 1) - 2 * p1) >> 1);
		if (aq < e->beta)
			q[step] = q1 + vepu_clip3(-tc0, tc0,
						  (q2 + ((p0 + q0 + 1) >> 1) - 2 * q1) >> 1);
		return;
	}
	if (ap < e->beta && vepu_abs(p0 - q0) < ((e->alpha >> 2) + 2)) {
		int p3 = q[-4 * step];

		q[-step] = (p2 + 2 * p1 + 2 * p0 + 2 * q0 + q1 + 4) >> 3;
		q[-2 * step] = (p2 + p1 + p0 + q0 + 2) >> 2;
		q[-3 * step] = (2 * p3 + 3 * p2 + p1 + p0 + q0 + 4) >> 3;
	} else {
		q[-step] = (2 * p1 + p0 + q1 + 2) >> 2;
	}
	if (aq < e->beta && vepu_abs(p0 - q0) < ((e->alpha >> 2) + 2)) {
		int q3 = q[3 * step];

		q[0] = (p1 + 2 * p0 + 2 * q0 + 2 * q1 + q2 + 4) >> 3;
		q[step] = (p0 + q0 + q1 + q2 + 2) >> 2;
		q[2 * step] = (2 * q3 + 3 * q2 + q1 + q0 + p0 + 4) >> 3;
	} else {
		q[0] = (2 * q1 + q0 + p1 + 2) >> 2;
	}
}

/*
 * Whether the transform block holding 4x4 luma block @b has coefficients:
 * with 8x8 transforms, its 8x8 block (whose pattern bit says so).
 */
static bool vepu_coded(const struct vepu_h264_mb *mb, unsigned int b)
{
	if (mb->t8x8)
		return mb->cbp & BIT(b % 4 / 2 + b / 8 * 2);
	return mb->nnz[b];
}

/* 8.7.2.1: boundary strength between two 4x4 luma blocks. */
static unsigned int vepu_bs(const struct vepu_h264_mb *p, unsigned int pb,
			    const struct vepu_h264_mb *q, unsigned int qb, bool mb_edge)
{
	const s16 *pv, *qv;

	if (vepu_h264_is_intra(p) || vepu_h264_is_intra(q))
		return mb_edge ? 4 : 3;
	if (vepu_coded(p, pb) || vepu_coded(q, qb))
		return 2;
	/* One reference picture, one vector per 8x8 quadrant. */
	pv = p->mv[vepu_h264_quad(pb)];
	qv = q->mv[vepu_h264_quad(qb)];
	if (vepu_abs(pv[0] - qv[0]) >= 4 || vepu_abs(pv[1] - qv[1]) >= 4)
		return 1;
	return 0;
}

static void vepu_edge_params(const struct vepu_h264_job *j, int qp_p, int qp_q,
			     bool chroma, struct vepu_edge *e)
{
	int qpav, index_b;

	if (chroma) {
		qp_p = vepu_h264_chroma_qp(qp_p, j->chroma_qp_offset);
		qp_q = vepu_h264_chroma_qp(qp_q, j->chroma_qp_offset);
	}
	qpav = (qp_p + qp_q + 1) >> 1;
	e->index_a = vepu_clip3(0, 51, qpav + j->alpha_div2 * 2);
	index_b = vepu_clip3(0, 51, qpav + j->beta_div2 * 2);
	e->alpha = vepu_alpha[e->index_a];
	e->beta = vepu_beta[index_b];
	e->chroma = chroma;
}

/*
 * Filter one edge of a macroblock in one direction. @vertical edges are
 * filtered left to right with samples stepping across columns.
 */
static void vepu_deblock_edge(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			      bool vertical, unsigned int edge)
{
	const struct vepu_h264_job *j = c->job;
	unsigned int stride = c->mbw * 16, k, comp;
	const struct vepu_h264_mb *q = &c->mbs[mby * c->mbw + mbx];
	const struct vepu_h264_mb *p = q;
	unsigned int bs[4];
	struct vepu_edge e;
	u8 *base;

	/* 8x8 transforms leave the 4x4 edges inside their blocks unfiltered. */
	if ((edge & 1) && q->t8x8)
		return;
	if (!edge)
		p = vertical ? q - 1 : q - c->mbw;
	for (k = 0; k < 4; k++) {
		unsigned int qb = vertical ? k * 4 + edge : edge * 4 + k;
		unsigned int pb = vertical ? (edge ? qb - 1 : qb + 3) : (edge ? qb - 4 : qb + 12);

		bs[k] = vepu_bs(p, pb, q, qb, !edge);
	}
	if (!(bs[0] | bs[1] | bs[2] | bs[3]))
		return;

	vepu_edge_params(j, p->qp, q->qp, false, &e);
	base = j->rec.y + mby * 16 * stride + mbx * 16 +
	       (vertical ? edge * 4 : edge * 4 * stride);
	for (k = 0; k < 16; k++)
		if (bs[k / 4])
			vepu_filter_line(base + (vertical ? k * stride : k), vertical ? 1 : stride,
					 bs[k / 4], &e);

	/* Chroma edges 0 and 2 (in 4x4 luma units) are chroma edges 0 and 1. */
	if (edge & 1)
		return;
	vepu_edge_params(j, p->qp, q->qp, true, &e);
	for (comp = 0; comp < 2; comp++) {
		base = j->rec.c + mby * 8 * stride + mbx * 16 + comp +
		       (vertical ? edge * 4 : edge * 2 * stride);
		for (k = 0; k < 8; k++)
			if (bs[k / 2])
				vepu_filter_line(base + (vertical ? k * stride : k * 2),
						 vertical ? 2 : stride, bs[k / 2], &e);
	}
}

/**
 * vepu_h264_deblock() - filter the whole reconstructed picture in place
 * @c:	the picture, every macroblock reconstructed
 *
 * Return: 0, or -ECANCELED when a reset stopped the frame.
 */
int vepu_h264_deblock(struct vepu_h264_ctx *c)
{
	unsigned int mbx, mby, edge;

	if (c->job->deblock_idc == 1)
		return 0;
	for (mby = 0; mby < c->mbh; mby++) {
		if (vepu_frame_stopped(&c->job->frame))
			return -ECANCELED;
		for (mbx = 0; mbx < c->mbw; mbx++) {
			for (edge = mbx ? 0 : 1; edge < 4; edge++)
				vepu_deblock_edge(c, mbx, mby, true, edge);
			for (edge = mby ? 0 : 1; edge < 4; edge++)
				vepu_deblock_edge(c, mbx, mby, false, edge);
		}
	}
	return 0;
}
