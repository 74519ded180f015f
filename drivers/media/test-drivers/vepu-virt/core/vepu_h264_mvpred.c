// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU H.264 core: motion vector prediction (8.4.1) and the
 * neighbouring motion vector differences CABAC's contexts need
 * (9.3.3.1.1.7), for the partitions of a P macroblock. One reference
 * picture, so every inter neighbour has refIdxL0 0.
 *
 * Partitions are 8x8 or larger, so each macroblock keeps one vector per
 * 8x8 quadrant; a 4x4 block's vector is its quadrant's.
 */

#include <linux/bits.h>

#include "vepu_h264_internal.h"

const struct vepu_h264_part vepu_h264_parts[VEPU_H264_P_SHAPES][4] = {
	[MB_P16 - MB_P16] = { { 0, 0, 4, 4 } },
	[MB_P16X8 - MB_P16] = { { 0, 0, 4, 2 }, { 0, 2, 4, 2 } },
	[MB_P8X16 - MB_P16] = { { 0, 0, 2, 4 }, { 2, 0, 2, 4 } },
	[MB_P8X8 - MB_P16] = { { 0, 0, 2, 2 }, { 2, 0, 2, 2 }, { 0, 2, 2, 2 }, { 2, 2, 2, 2 } },
};

const u8 vepu_h264_part_count[VEPU_H264_P_SHAPES] = { 1, 2, 2, 4 };

/**
 * struct vepu_mv_nbr - a neighbouring block as 8.4.1.3.2 describes it
 * @avail:	available (inside the picture and already coded)
 * @ref:	refIdxL0: 0 for an inter block, -1 for intra or unavailable
 * @mv:		mvL0, 0 unless @ref is 0
 * @mb:		its macroblock, NULL when unavailable
 * @quad:	its 8x8 quadrant in @mb
 */
struct vepu_mv_nbr {
	bool avail;
	int ref;
	int mv[2];
	const struct vepu_h264_mb *mb;
	unsigned int quad;
};

/* The quadrants of the partitions coded before partition @part. */
static unsigned int vepu_h264_done_quads(unsigned int type, unsigned int part)
{
	unsigned int done = 0, i, q;

	for (i = 0; i < part; i++) {
		const struct vepu_h264_part *p = &vepu_h264_parts[type - MB_P16][i];

		for (q = 0; q < 4; q++)
			if (vepu_h264_part_covers(p, q))
				done |= BIT(q);
	}
	return done;
}

/*
 * The 4x4 block at (@x, @y), in 4x4 blocks from the current macroblock's
 * top-left (-1..4, -1..3), for a partition coded after the quadrants in
 * @done (6.4.11.7): blocks to the right of the current macroblock and its
 * quadrants not yet coded are unavailable.
 */
static void vepu_mv_nbr(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			int x, int y, unsigned int done, struct vepu_mv_nbr *n)
{
	int dx = x < 0 ? -1 : x > 3 ? 1 : 0, dy = y < 0 ? -1 : 0;
	int nx = (int)mbx + dx, ny = (int)mby + dy;
	const struct vepu_h264_mb *mb;

	n->avail = false;
	n->ref = -1;
	n->mv[0] = 0;
	n->mv[1] = 0;
	n->mb = NULL;
	n->quad = (x & 3) / 2 + (y & 3) / 2 * 2;
	if (nx < 0 || nx >= (int)c->mbw || ny < 0 || (dx == 1 && dy == 0))
		return;
	if (!dx && !dy && !(done & BIT(n->quad)))
		return;
	mb = &c->mbs[ny * c->mbw + nx];
	n->avail = true;
	n->mb = mb;
	/* The current macroblock is inter: its type is only set once coded. */
	if ((dx || dy) && vepu_h264_is_intra(mb))
		return;
	n->ref = 0;
	n->mv[0] = mb->mv[n->quad][0];
	n->mv[1] = mb->mv[n->quad][1];
}

static int vepu_h264_median(int a, int b, int c)
{
	int lo = a < b ? a : b, hi = a < b ? b : a;

	return c < lo ? lo : c > hi ? hi : c;
}

static void vepu_mv_take(const struct vepu_mv_nbr *n, s16 mvp[2])
{
	mvp[0] = n->mv[0];
	mvp[1] = n->mv[1];
}

/**
 * vepu_h264_mvp() - mvpL0 of a partition (8.4.1.3)
 * @c:		picture state; the current macroblock's entry holds the
 *		vectors of the partitions coded before @part
 * @mbx:	column
 * @mby:	row
 * @type:	the macroblock's P type
 * @part:	the partition, in coding order
 * @mvp:	receives the predictor
 */
void vepu_h264_mvp(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
		   unsigned int type, unsigned int part, s16 mvp[2])
{
	const struct vepu_h264_part *p = &vepu_h264_parts[type - MB_P16][part];
	unsigned int done = vepu_h264_done_quads(type, part), i;
	struct vepu_mv_nbr n[3];
	int matches = 0, match = 0;

	vepu_mv_nbr(c, mbx, mby, p->x - 1, p->y, done, &n[0]);
	vepu_mv_nbr(c, mbx, mby, p->x, p->y - 1, done, &n[1]);
	vepu_mv_nbr(c, mbx, mby, p->x + p->w, p->y - 1, done, &n[2]);
	/* C unavailable: D takes its place (8.4.1.3.2). */
	if (!n[2].avail)
		vepu_mv_nbr(c, mbx, mby, p->x - 1, p->y - 1, done, &n[2]);

	/* The directional predictions of 16x8 and 8x16 partitions. */
	if (type == MB_P16X8 && !n[part ? 0 : 1].ref) {
		vepu_mv_take(&n[part ? 0 : 1], mvp);
		return;
	}
	if (type == MB_P8X16 && !n[part ? 2 : 0].ref) {
		vepu_mv_take(&n[part ? 2 : 0], mvp);
		return;
	}

	/* Only A available: B and C take its values (8.4.1.3.1). */
	if (!n[1].avail && !n[2].avail && n[0].avail) {
		n[1] = n[0];
		n[2] = n[0];
	}
	for (i = 0; i < 3; i++)
		if (!n[i].ref) {
			matches++;
			match = i;
		}
	if (matches == 1) {
		vepu_mv_take(&n[match], mvp);
		return;
	}
	mvp[0] = vepu_h264_median(n[0].mv[0], n[1].mv[0], n[2].mv[0]);
	mvp[1] = vepu_h264_median(n[0].mv[1], n[1].mv[1], n[2].mv[1]);
}

/**
 * vepu_h264_skip_mv() - the motion vector of a P_Skip macroblock (8.4.1.1)
 * @c:		picture state
 * @mbx:	column
 * @mby:	row
 * @mv:		receives the vector
 */
void vepu_h264_skip_mv(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
		       s16 mv[2])
{
	struct vepu_mv_nbr a, b;

	vepu_mv_nbr(c, mbx, mby, -1, 0, 0, &a);
	vepu_mv_nbr(c, mbx, mby, 0, -1, 0, &b);
	if (!a.avail || !b.avail || (!a.ref && !a.mv[0] && !a.mv[1]) ||
	    (!b.ref && !b.mv[0] && !b.mv[1])) {
		mv[0] = 0;
		mv[1] = 0;
		return;
	}
	vepu_h264_mvp(c, mbx, mby, MB_P16, 0, mv);
}

/**
 * vepu_h264_mvd_sum() - absMvdComp of the blocks left of and above a partition
 * @c:		picture state; the current macroblock's entry holds the
 *		differences of the partitions coded before @part
 * @mbx:	column
 * @mby:	row
 * @type:	the macroblock's P type
 * @part:	the partition
 * @comp:	0 horizontal, 1 vertical
 *
 * Intra, skipped and unavailable neighbours count 0 (9.3.3.1.1.7); their
 * entries hold 0.
 *
 * Return: the sum, for mvd's first bin context.
 */
unsigned int vepu_h264_mvd_sum(const struct vepu_h264_ctx *c, unsigned int mbx,
			       unsigned int mby, unsigned int type, unsigned int part,
			       unsigned int comp)
{
	const struct vepu_h264_part *p = &vepu_h264_parts[type - MB_P16][part];
	unsigned int done = vepu_h264_done_quads(type, part);
	struct vepu_mv_nbr a, b;

	vepu_mv_nbr(c, mbx, mby, p->x - 1, p->y, done, &a);
	vepu_mv_nbr(c, mbx, mby, p->x, p->y - 1, done, &b);
	return (a.mb ? a.mb->abs_mvd[a.quad][comp] : 0) +
	       (b.mb ? b.mb->abs_mvd[b.quad][comp] : 0);
}
