// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: VP8's loop filter, RFC 6386 section 15, over the whole
 * reconstruction once every macroblock is in (intra prediction uses the
 * unfiltered samples). Macroblock by macroblock in raster order: the left
 * edge, the inner vertical edges, the top edge, the inner horizontal ones.
 * Plain C.
 */

#include <linux/kernel.h>

#include "vepu_vp8_internal.h"

/**
 * struct vepu_vp8_lf - the thresholds of one filter level
 * @mb_limit:	edge limit across macroblock edges
 * @sub_limit:	edge limit across inner edges
 * @interior:	interior limit
 * @hev:	high edge variance threshold
 */
struct vepu_vp8_lf {
	int mb_limit;
	int sub_limit;
	int interior;
	int hev;
};

static int s8c(int v)
{
	return clamp(v, -128, 127);
}

/* The samples across an edge: p[-4..-1] before it, p[0..3] after, @s apart. */
#define P(i)	(px[-((i) + 1) * s])
#define Q(i)	(px[(i) * s])

static bool vepu_vp8_mask(const u8 *px, int s, const struct vepu_vp8_lf *f, int limit)
{
	return abs(P(3) - P(2)) <= f->interior && abs(P(2) - P(1)) <= f->interior &&
	       abs(P(1) - P(0)) <= f->interior && abs(Q(1) - Q(0)) <= f->interior &&
	       abs(Q(2) - Q(1)) <= f->interior && abs(Q(3) - Q(2)) <= f->interior &&
	       abs(P(0) - Q(0)) * 2 + abs(P(1) - Q(1)) / 2 <= limit;
}

static bool vepu_vp8_hev(const u8 *px, int s, int thresh)
{
	return abs(P(1) - P(0)) > thresh || abs(Q(1) - Q(0)) > thresh;
}

/* RFC 6386 common_adjust(): moves p0 and q0, returns the adjustment of q0. */
static int vepu_vp8_common_adjust(u8 *px, int s, bool outer_taps)
{
	int p1 = P(1) - 128, p0 = P(0) - 128, q0 = Q(0) - 128, q1 = Q(1) - 128;
	int a = s8c((outer_taps ? s8c(p1 - q1) : 0) + 3 * (q0 - p0));
	int b = s8c(a + 3) >> 3;

	a = s8c(a + 4) >> 3;
	Q(0) = s8c(q0 - a) + 128;
	P(0) = s8c(p0 + b) + 128;
	return a;
}

static void vepu_vp8_simple_edge(u8 *px, int s, int limit)
{
	if (abs(P(0) - Q(0)) * 2 + abs(P(1) - Q(1)) / 2 <= limit)
		vepu_vp8_common_adjust(px, s, true);
}

static void vepu_vp8_mb_edge(u8 *px, int s, const struct vepu_vp8_lf *f)
{
	int p2, p1, p0, q0, q1, q2, w, a;

	if (!vepu_vp8_mask(px, s, f, f->mb_limit))
		return;
	if (vepu_vp8_hev(px, s, f->hev)) {
		vepu_vp8_common_adjust(px, s, true);
		return;
	}
	p2 = P(2) - 128;
	p1 = P(1) - 128;
	p0 = P(0) - 128;
	q0 = Q(0) - 128;
	q1 = Q(1) - 128;
	q2 = Q(2) - 128;
	w = s8c(s8c(p1 - q1) + 3 * (q0 - p0));
	a = s8c((27 * w + 63) >> 7);
	Q(0) = s8c(q0 - a) + 128;
	P(0) = s8c(p0 + a) + 128;
	a = s8c((18 * w + 63) >> 7);
	Q(1) = s8c(q1 - a) + 128;
	P(1) = s8c(p1 + a) + 128;
	a = s8c((9 * w + 63) >> 7);
	Q(2) = s8c(q2 - a) + 128;
	P(2) = s8c(p2 + a) + 128;
}

static void vepu_vp8_sub_edge(u8 *px, int s, const struct vepu_vp8_lf *f)
{
	int p1, q1, a;
	bool hev;

	if (!vepu_vp8_mask(px, s, f, f->sub_limit))
		return;
	hev = vepu_vp8_hev(px, s, f->hev);
	p1 = P(1) - 128;
	q1 = Q(1) - 128;
	a = (vepu_vp8_common_adjust(px, s, hev) + 1) >> 1;
	if (!hev) {
		Q(1) = s8c(q1 - a) + 128;
		P(1) = s8c(p1 + a) + 128;
	}
}

#undef P
#undef Q

/**
 * enum vepu_vp8_edge_kind - which filter an edge gets
 * @VEPU_VP8_EDGE_MB: normal filter, macroblock edge
 * @VEPU_VP8_EDGE_SUB: normal filter, inner edge
 * @VEPU_VP8_EDGE_SIMPLE_MB: simple filter, macroblock edge
 * @VEPU_VP8_EDGE_SIMPLE_SUB: simple filter, inner edge
 */
enum vepu_vp8_edge_kind {
	VEPU_VP8_EDGE_MB,
	VEPU_VP8_EDGE_SUB,
	VEPU_VP8_EDGE_SIMPLE_MB,
	VEPU_VP8_EDGE_SIMPLE_SUB,
};

/*
 * Filter @n positions along an edge: @px the first sample after it,
 * @across the step over the edge, @along the step along it.
 */
static void vepu_vp8_edge(u8 *px, int across, int along, unsigned int n,
			  enum vepu_vp8_edge_kind kind, const struct vepu_vp8_lf *f)
{
	unsigned int i;

	for (i = 0; i < n; i++, px += along) {
		switch (kind) {
		case VEPU_VP8_EDGE_MB:
			vepu_vp8_mb_edge(px, across, f);
			break;
		case VEPU_VP8_EDGE_SUB:
			vepu_vp8_sub_edge(px, across, f);
			break;
		case VEPU_VP8_EDGE_SIMPLE_MB:
			vepu_vp8_simple_edge(px, across, f->mb_limit);
			break;
		default:
			vepu_vp8_simple_edge(px, across, f->sub_limit);
			break;
		}
	}
}

/* RFC 6386 section 15.2 (and libvpx's, FFmpeg's tables) for a level. */
static void vepu_vp8_lf_params(unsigned int level, unsigned int sharpness, bool key_frame,
			       struct vepu_vp8_lf *f)
{
	int interior = level;

	if (sharpness) {
		interior >>= sharpness > 4 ? 2 : 1;
		interior = min_t(int, interior, 9 - sharpness);
	}
	f->interior = max(interior, 1);
	f->mb_limit = (level + 2) * 2 + f->interior;
	f->sub_limit = level * 2 + f->interior;
	if (level >= 40)
		f->hev = key_frame ? 2 : 3;
	else if (level >= 20)
		f->hev = key_frame ? 1 : 2;
	else
		f->hev = level >= 15;
}

/* One macroblock's luma (@plane, @step 1) or chroma (@step 2) edges. */
static void vepu_vp8_filter_plane(u8 *px, int stride, int step, unsigned int size,
				  bool left, bool top, bool inner, bool simple,
				  const struct vepu_vp8_lf *f)
{
	enum vepu_vp8_edge_kind mb = simple ? VEPU_VP8_EDGE_SIMPLE_MB : VEPU_VP8_EDGE_MB;
	enum vepu_vp8_edge_kind sub = simple ? VEPU_VP8_EDGE_SIMPLE_SUB : VEPU_VP8_EDGE_SUB;
	unsigned int i;

	if (left)
		vepu_vp8_edge(px, step, stride, size, mb, f);
	for (i = 4; inner && i < size; i += 4)
		vepu_vp8_edge(px + i * step, step, stride, size, sub, f);
	if (top)
		vepu_vp8_edge(px, stride, step, size, mb, f);
	for (i = 4; inner && i < size; i += 4)
		vepu_vp8_edge(px + i * stride, stride, step, size, sub, f);
}

/*
 * A macroblock's level: the frame's, adjusted by its reference and mode
 * when the header says so (RFC 6386 section 9.6; libvpx, FFmpeg).
 */
static unsigned int vepu_vp8_mb_level(const struct vepu_vp8_job *job,
				      const struct vepu_vp8_mb_info *mb)
{
	int level = job->filter_level;

	if (!job->lf_adj)
		return level;
	level += job->ref_lf_deltas[mb->ref];
	if (mb->ref == HANTRO_VP8_REF_INTRA) {
		if (mb->mode == HANTRO_VP8_B_PRED)
			level += job->mode_lf_deltas[0];
	} else if (mb->mode == HANTRO_VP8_MV_ZERO) {
		level += job->mode_lf_deltas[1];
	} else if (mb->mode == HANTRO_VP8_MV_SPLIT) {
		level += job->mode_lf_deltas[3];
	} else {
		level += job->mode_lf_deltas[2];
	}
	return clamp(level, 0, 63);
}

/**
 * vepu_vp8_loop_filter() - filter the reconstruction of a frame
 * @job:	the frame; its rec is filtered in place
 * @info:	its macroblocks
 *
 * A frame level of 0 filters nothing, whatever the adjustments; a
 * macroblock whose adjusted level is 0 is left alone. The simple filter
 * leaves chroma alone.
 */
void vepu_vp8_loop_filter(const struct vepu_vp8_job *job, const struct vepu_vp8_mb_info *info)
{
	unsigned int mbw = job->frame.mb_width, mbh = job->frame.mb_height;
	int stride = mbw * 16;
	bool simple = job->filter_type;
	struct vepu_vp8_lf f;
	unsigned int x, y, c, level;

	if (!job->filter_level)
		return;
	for (y = 0; y < mbh; y++) {
		for (x = 0; x < mbw; x++) {
			const struct vepu_vp8_mb_info *mb = &info[y * mbw + x];

			level = vepu_vp8_mb_level(job, mb);
			if (!level)
				continue;
			vepu_vp8_lf_params(level, job->sharpness, job->key_frame, &f);
			vepu_vp8_filter_plane(job->rec.y + y * 16 * stride + x * 16, stride, 1, 16,
					      x > 0, y > 0, mb->inner_edges, simple, &f);
			for (c = 0; !simple && c < 2; c++)
				vepu_vp8_filter_plane(job->rec.c + y * 8 * stride + x * 16 + c,
						      stride, 2, 8, x > 0, y > 0, mb->inner_edges,
						      false, &f);
		}
	}
}
