// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit test of the VP8 path: the driver's frame header writer and
 * boolean encoder, handing the first partition to the virtual VEPU's VP8
 * core, which codes the macroblocks, over a moving picture.
 *
 *   test_vp8 OUTDIR
 *
 * For every case writes OUTDIR/<case>.ivf, OUTDIR/<case>.rec (the core's
 * reconstruction, visible area, I420) and OUTDIR/<case>.src (the source)
 * for run.sh to decode with FFmpeg and libvpx and compare bit for bit, and
 * lists the cases in OUTDIR/cases as "name width height psnr-floor".
 * Prints one PASS/FAIL line per check.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>

#include "hantro_vp8_counts.h"
#include "hantro_vp8_entropy.h"
#include "host_check.h"
#include "vp8_session.h"

struct tcase {
	const char *name;
	unsigned int w, h;		/* visible size */
	unsigned int frames;
	unsigned int qi;
	unsigned int log2_parts;
	unsigned int filter_type, filter_level, sharpness;
	unsigned int fmt;
	int noise;			/* luma noise amplitude */
	bool no_skip_flag;		/* mb_no_coeff_skip off */
	bool prob_updates;		/* code with other probabilities than the defaults */
	int dc_delta;			/* all DC quantiser deltas */
	unsigned int floor;		/* PSNR against the source, dB */
	unsigned int gop;		/* a key frame every gop frames */
	int pan4;			/* picture motion per frame, quarter samples */
	bool lf_deltas;			/* loop filter levels by reference and mode */
	/*
	 * The golden frame as the second reference: -1 the frame before the
	 * last (copied from the last each frame), n > 0 refreshed every n
	 * frames; the even frames then repeat the first.
	 */
	int golden;
	unsigned int profile;		/* 1 or 2: bilinear inter prediction */
};

static const struct tcase cases[] = {
	{ "qcif-q30", 176, 144, 6, 30, 0, 0, 20, 0, HANTRO_IN_YUV420P, 0, false, false, 0, 40, 3, 0, false, 0, 0 },
	{ "crop-q20", 202, 118, 5, 20, 0, 0, 12, 3, HANTRO_IN_NV12, 0, false, false, 0, 43, 100, 6, true, 0, 0 },
	{ "vga-q10-parts4", 640, 480, 2, 10, 2, 0, 8, 0, HANTRO_IN_NV12, 0, false, false, 0, 46, 1, 0, false, 0, 0 },
	{ "parts8-simple", 320, 240, 4, 40, 3, 1, 30, 2, HANTRO_IN_NV12, 0, false, false, 0, 36, 100, 5, true, 0, 0 },
	{ "sharp7-q60", 208, 160, 4, 60, 1, 0, 63, 7, HANTRO_IN_YUV420P, 0, false, false, -4, 35, 100, 3, true, 0, 0 },
	{ "noise-q0", 96, 64, 2, 0, 0, 0, 0, 0, HANTRO_IN_NV12, 80, false, false, 0, 48, 1, 0, false, 0, 0 },
	{ "noskipflag-q127", 160, 96, 3, 127, 0, 0, 40, 0, HANTRO_IN_NV12, 0, true, false, 15, 26, 100, 4, false, 0, 0 },
	{ "probs-q45", 176, 144, 4, 45, 1, 0, 25, 4, HANTRO_IN_NV12, 20, false, true, 0, 29, 2, 7, false, 0, 0 },
	{ "tiny-q30", 8, 8, 3, 30, 0, 0, 10, 0, HANTRO_IN_NV12, 0, false, false, 0, 39, 100, 2, false, 0, 0 },
	{ "golden-prev", 176, 144, 6, 40, 0, 0, 20, 0, HANTRO_IN_NV12, 0, false, false, 0, 36, 100, 9,
	  true, -1, 0 },
	{ "golden-every2", 216, 136, 7, 30, 1, 0, 16, 0, HANTRO_IN_NV12, 6, false, false, 0, 36, 100,
	  11, true, 2, 0 },
	{ "bilinear-p1", 184, 120, 5, 30, 0, 0, 20, 0, HANTRO_IN_NV12, 0, false, false, 0, 36, 100,
	  5, true, 0, 1 },
	{ "bilinear-p2-simple", 160, 112, 4, 50, 1, 1, 24, 0, HANTRO_IN_NV12, 4, false, false, 0, 33,
	  100, 7, false, -1, 2 },
};

/* Deterministic noise, -amp..amp. */
static int noise(unsigned int *seed, int amp)
{
	*seed = *seed * 1103515245 + 12345;
	return amp ? (int)((*seed >> 16) % (2 * amp + 1)) - amp : 0;
}

/* A moving picture: gradients, a bright disc and bars, panning per frame. */
static void make_picture(const struct tcase *t, unsigned int n, unsigned int cw, unsigned int ch,
			 unsigned char *y, unsigned char *u, unsigned char *v)
{
	unsigned int seed, i, j;
	/* Quarter-sample positions: the gradient moves smoothly. */
	int dx, dy;

	/* With a golden frame, every other frame comes back to the first. */
	if (t->golden && !(n & 1))
		n = 0;
	seed = 1 + n;
	dx = t->pan4 * (int)n;
	dy = t->pan4 * (int)n / 3;

	for (j = 0; j < ch; j++) {
		for (i = 0; i < cw; i++) {
			int x4 = 4 * i + dx, y4 = 4 * j + dy, x = x4 / 4, yy = y4 / 4, d;
			int val = ((x4 * 2 + y4) / 4) & 0xff;

			d = (x - 60) * (x - 60) + (yy - 40) * (yy - 40);
			if (d < 900)
				val = 230 - d / 10;
			if ((x / 8) % 5 == 0)
				val = 30 + (x4 & 3) * 20;
			val += noise(&seed, t->noise);
			y[j * cw + i] = val < 0 ? 0 : val > 255 ? 255 : val;
		}
	}
	for (j = 0; j < ch / 2; j++) {
		for (i = 0; i < cw / 2; i++) {
			u[j * cw / 2 + i] = 128 + ((int)(i + n) * 3 % 64) - 32;
			v[j * cw / 2 + i] = 90 + (j * 5 + n) % 80;
		}
	}
}

static void write_visible(FILE *fp, const unsigned char *p, unsigned int stride,
			  unsigned int step, unsigned int w, unsigned int h)
{
	unsigned int i, j;

	for (j = 0; j < h; j++)
		for (i = 0; i < w; i++)
			fputc(p[j * stride + i * step], fp);
}

/*
 * Perturb the coefficient and, on inter frames, the vector probabilities
 * the way adaptation would (key frames can only send coefficient ones);
 * vector probabilities are sent in 7 bits: even, or 1.
 */
static void perturb(struct hantro_vp8_probs *p, unsigned int n, bool key)
{
	unsigned char *c = &p->coef[0][0][0][0], *m = &p->mv[0][0];
	unsigned int i, seed = 7 + n;

	for (i = 0; i < sizeof(p->coef); i += 3) {
		int v = c[i] + noise(&seed, 40);

		c[i] = v < 1 ? 1 : v > 255 ? 255 : v;
	}
	for (i = 0; !key && i < sizeof(p->mv); i += 2) {
		int v = (m[i] + noise(&seed, 30)) & ~1;

		m[i] = v < 2 ? 1 : v > 254 ? 254 : v;
	}
}

/* Inter macroblocks over all cases, by vector mode, and with fractions. */
static unsigned int mv_modes[HANTRO_VP8_MV_SPLIT + 1], subpel;
/*
 * B_PRED macroblocks in key and inter frames, blocks reading above-right
 * samples past the picture's right edge below a block row, blocks by mode.
 */
static unsigned int bpred_key, bpred_inter, bpred_edge, bmodes[HANTRO_VP8_BMODES];

/* The source in the case's input format, planes into @f. */
static void input(const struct tcase *t, const unsigned char *src, unsigned char *in,
		  unsigned int cw, unsigned int ch, struct vepu_frame *f)
{
	unsigned int i;

	memcpy(in, src, cw * ch);
	f->plane[0] = in;
	f->plane[1] = in + cw * ch;
	f->plane[2] = t->fmt == HANTRO_IN_NV12 ? NULL : in + cw * ch * 5 / 4;
	if (t->fmt != HANTRO_IN_NV12) {
		memcpy(in + cw * ch, src + cw * ch, cw * ch / 2);
		return;
	}
	for (i = 0; i < cw * ch / 4; i++) {
		in[cw * ch + 2 * i] = src[cw * ch + i];
		in[cw * ch + 2 * i + 1] = src[cw * ch * 5 / 4 + i];
	}
}

static void run_case(const struct tcase *t, const char *dir)
{
	unsigned int mbw = (t->w + 15) / 16, mbh = (t->h + 15) / 16;
	unsigned int cw = mbw * 16, ch = mbh * 16, n, i;
	size_t frame_size = (size_t)cw * ch * 4 + 8192;
	unsigned char *src = malloc(cw * ch * 3 / 2), *in = malloc(cw * ch * 3 / 2);
	unsigned char *frame = malloc(frame_size);
	struct vp8_session ses;
	char path[512];
	FILE *ivf, *frec, *fsrc;
	unsigned int golden_mbs = 0, case_subpel = 0;
	bool ok = true;

	snprintf(path, sizeof(path), "%s/%s.ivf", dir, t->name);
	ivf = fopen(path, "wb");
	snprintf(path, sizeof(path), "%s/%s.rec", dir, t->name);
	frec = fopen(path, "wb");
	snprintf(path, sizeof(path), "%s/%s.src", dir, t->name);
	fsrc = fopen(path, "wb");
	if (!src || !in || !frame || !ivf || !frec || !fsrc || vp8_session_init(&ses, t->w, t->h)) {
		check(0, "%s: setup", t->name);
		return;
	}
	ivf_header(ivf, t->w, t->h, t->frames);
	for (n = 0; n < t->frames; n++) {
		bool key = n % t->gop == 0;
		struct hantro_vp8_frame_hdr hdr = {
			.key_frame = key,
			.version = t->profile,
			.show_frame = true,
			.width = t->w,
			.height = t->h,
			.filter_type = t->filter_type,
			.filter_level = t->filter_level,
			.sharpness = t->sharpness,
			.log2_partitions = t->log2_parts,
			.quant = {
				.y_ac_qi = t->qi, .y_dc_delta = t->dc_delta,
				.y2_dc_delta = t->dc_delta, .uv_dc_delta = t->dc_delta,
				.y2_ac_delta = -t->dc_delta / 2, .uv_ac_delta = t->dc_delta / 3,
			},
			.refresh_entropy = true,
			.mb_no_coeff_skip = !t->no_skip_flag,
			.prob_skip_false = 200,
			.refresh_last = true,
			.prob_intra = 40,
			.prob_last = t->golden ? 128 : 250,
			.prob_golden = t->golden ? 250 : 128,
			.copy_to_golden = !key && t->golden < 0,
			.refresh_golden = !key && t->golden > 0 && n % t->golden == 0,
			/* MPP's adjustments, all sent every frame. */
			.lf_adj_enable = t->lf_deltas,
			.lf_delta_update = t->lf_deltas,
			.lf_delta_mask = 0xff,
			.ref_lf_deltas = { 2, 0, -2, -2 },
			.mode_lf_deltas = { 4, -2, 2, 4 },
		};
		struct vepu_vp8_job job = {
			.frame = { .fmt = t->fmt, .row_len = cw },
			.ref2_id = t->golden && !key ? HANTRO_VP8_REF_GOLDEN : HANTRO_VP8_REF_INTRA,
			.ref2_penalty = 10,
			.bilinear = t->profile != 0,
		};
		struct hantro_vp8_probs cur = key ? ses.defaults : ses.prev;
		const unsigned char *rec;
		long len;

		make_picture(t, n, cw, ch, src, src + cw * ch, src + cw * ch * 5 / 4);
		input(t, src, in, cw, ch, &job.frame);
		if (t->prob_updates)
			perturb(&cur, n, key);
		len = vp8_session_encode(&ses, &hdr, &cur, &job, frame, frame_size);
		if (len < 0) {
			check(0, "%s: frame %u codes (%ld)", t->name, n, len);
			ok = false;
			break;
		}
		if (!key && job.intra_mbs == mbw * mbh && t->pan4 < 8)
			check(0, "%s: frame %u predicts no macroblock from the last", t->name, n);
		for (i = 0; i <= HANTRO_VP8_MV_SPLIT; i++)
			mv_modes[i] += job.mv_mode_mbs[i];
		subpel += job.subpel_mbs;
		golden_mbs += job.ref2_mbs;
		case_subpel += job.subpel_mbs;
		if (job.ref2_mbs && !t->golden)
			check(0, "%s: frame %u predicts from golden, which it may not", t->name, n);
		*(key ? &bpred_key : &bpred_inter) += job.bpred_mbs;
		bpred_edge += job.bpred_edge_blocks;
		for (i = 0; i < HANTRO_VP8_BMODES; i++)
			bmodes[i] += job.bmode_blocks[i];
		ivf_frame(ivf, frame, len, n);
		rec = vp8_session_rec(&ses);
		write_visible(frec, rec, cw, 1, t->w, t->h);
		write_visible(frec, rec + cw * ch, cw, 2, (t->w + 1) / 2, (t->h + 1) / 2);
		write_visible(frec, rec + cw * ch + 1, cw, 2, (t->w + 1) / 2, (t->h + 1) / 2);
		write_visible(fsrc, src, cw, 1, t->w, t->h);
		write_visible(fsrc, src + cw * ch, cw / 2, 1, (t->w + 1) / 2, (t->h + 1) / 2);
		write_visible(fsrc, src + cw * ch * 5 / 4, cw / 2, 1, (t->w + 1) / 2,
			      (t->h + 1) / 2);
	}
	if (ok)
		check(1, "%s: %u frames code", t->name, t->frames);
	if (t->profile)
		check(case_subpel > 0, "%s: %u macroblocks predicted by the bilinear filters between samples",
		      t->name, case_subpel);
	if (t->golden)
		check(golden_mbs > 0, "%s: %u macroblocks predicted from the golden frame",
		      t->name, golden_mbs);
	fclose(ivf);
	fclose(frec);
	fclose(fsrc);
	free(src);
	free(in);
	free(frame);
	vp8_session_free(&ses);
}

/* Step sizes come from registers: a zero one is refused, not divided by. */
static void zero_step(void)
{
	static unsigned char pic[16 * 16 * 3 / 2], out[65536];
	struct hantro_vp8_frame_hdr h = {
		.key_frame = true, .show_frame = true, .width = 16, .height = 16,
		.mb_no_coeff_skip = true, .prob_skip_false = 128,
	};
	struct vepu_vp8_job job = {
		.frame = {
			.fmt = HANTRO_IN_YUV420P, .row_len = 16,
			.plane = { pic, pic + 256, pic + 320 },
		},
	};
	struct hantro_vp8_boolenc be;
	struct vp8_session ses;
	u16 step;
	long ret;

	if (vp8_session_init(&ses, 16, 16)) {
		check(0, "zero step: setup");
		return;
	}
	ret = vp8_session_encode(&ses, &h, NULL, &job, out, sizeof(out));
	check(ret > 0, "a 16x16 key frame codes (%ld bytes)", ret);
	/* The same job again, its pointers into the session's buffers. */
	job.probs = &ses.prev;
	job.first = &be;
	step = job.dq.y2[1];
	job.dq.y2[1] = 0;
	hantro_vp8_bool_init(&be, out, sizeof(out));
	ret = vepu_vp8_encode(&job, ses.scratch);
	check(ret == -EINVAL, "a frame with a step size of 0 is refused (%ld)", ret);
	job.dq.y2[1] = step;
	hantro_vp8_bool_init(&be, out, sizeof(out));
	ret = vepu_vp8_encode(&job, ses.scratch);
	check(ret == 0, "... and codes with the step restored (%ld)", ret);
	vp8_session_free(&ses);
}

/*
 * A value a tree does not hold (a token past the last, a mode of another
 * tree) codes nothing and fails the encoder, rather than read past the
 * tree.
 */
static void tree_bounds(void)
{
	u8 buf[64];
	struct hantro_vp8_boolenc e;

	hantro_vp8_bool_init(&e, buf, sizeof(buf));
	hantro_vp8_put_tree(&e, hantro_vp8_uvmode_tree, ARRAY_SIZE(hantro_vp8_uvmode_tree),
			    hantro_vp8_kf_uvmode_probs, HANTRO_VP8_UVMODES, 0);
	check(e.overflow && !e.pos && e.bit_count == 24 && e.range == 255,
	      "a chroma mode past the tree's fails the encoder, nothing coded");
	hantro_vp8_bool_init(&e, buf, sizeof(buf));
	hantro_vp8_put_tree(&e, hantro_vp8_uvmode_tree, ARRAY_SIZE(hantro_vp8_uvmode_tree),
			    hantro_vp8_kf_uvmode_probs, HANTRO_VP8_UVMODES - 1, 0);
	check(!e.overflow, "the tree's last chroma mode codes");
}

/*
 * A tree's cost is its path's booleans' costs: down the 4x4 mode tree DC
 * is one 0, LD four 1s and a 0, HU seven 1s, each at its node's probability.
 */
static void tree_costs(void)
{
	static const u8 half[HANTRO_VP8_BMODES - 1] = {
		128, 128, 128, 128, 128, 128, 128, 128, 128,
	};
	const s8 *t = hantro_vp8_bmode_tree;
	static const unsigned int mpp_cost[HANTRO_VP8_BMODES] = {
		280, 622, 832, 1177, 1240, 1341, 1085, 1259, 1357, 1495,
	};
	unsigned int n = ARRAY_SIZE(hantro_vp8_bmode_tree), hu, ve, i, mpp_equal;
	unsigned int zero = hantro_vp8_bool_cost(128, 0), one = hantro_vp8_bool_cost(128, 1);

	hu = hantro_vp8_tree_cost(t, n, hantro_vp8_bmode_probs, HANTRO_VP8_B_HU);
	ve = hantro_vp8_tree_cost(t, n, hantro_vp8_bmode_probs, HANTRO_VP8_B_VE);
	check(hantro_vp8_tree_cost(t, n, half, HANTRO_VP8_B_DC) == zero &&
	      hantro_vp8_tree_cost(t, n, half, HANTRO_VP8_B_LD) == 4 * one + zero &&
	      hantro_vp8_tree_cost(t, n, half, HANTRO_VP8_B_HU) == 7 * one,
	      "4x4 mode tree costs at probability 1/2: DC one 0, LD four 1s and a 0, HU seven 1s");
	check(ve == hantro_vp8_bool_cost(120, 1) + hantro_vp8_bool_cost(90, 1) +
		    hantro_vp8_bool_cost(79, 0) &&
	      hu == hantro_vp8_bool_cost(120, 1) + hantro_vp8_bool_cost(90, 1) +
		    hantro_vp8_bool_cost(79, 1) + hantro_vp8_bool_cost(133, 1) +
		    hantro_vp8_bool_cost(80, 1) + hantro_vp8_bool_cost(111, 1) +
		    hantro_vp8_bool_cost(151, 1),
	      "4x4 mode costs with the inter-frame probabilities follow their paths (VE %u, HU %u)",
	      ve, hu);
	check(hantro_vp8_tree_cost(t, n, half, HANTRO_VP8_BMODES) == UINT_MAX,
	      "a mode past the tree has no cost");
	/*
	 * The vendor tabulates the same costs for its penalties (Rockchip MPP
	 * hal_vp8e_table.c, the intra 4x4 tree costs), in enum order.
	 */
	for (i = 0, mpp_equal = 0; i < HANTRO_VP8_BMODES; i++)
		mpp_equal += hantro_vp8_tree_cost(t, n, hantro_vp8_bmode_probs, i) == mpp_cost[i];
	check(mpp_equal == HANTRO_VP8_BMODES,
	      "the ten 4x4 modes' inter-frame costs equal MPP's table (%u of 10)", mpp_equal);
}

static void put_count(u8 *counts, enum hantro_vp8_count_node node, unsigned int type,
		      unsigned int band, unsigned int ctx, unsigned int v)
{
	int i = hantro_vp8_count_index(node, type, band, ctx);

	counts[2 * i] = v;
	counts[2 * i + 1] = v >> 8;
}

/*
 * Adapting to counts: a branch whose counts are known moves its
 * probability to the share seen; one with a count stopped at its maximum
 * keeps it, as the share is not known; large counts short of it still
 * adapt.
 */
static void adapt_saturated(void)
{
	static const unsigned int zero[] = { 40000, HANTRO_VP8_COUNT_MAX, HANTRO_VP8_COUNT_MAX - 1 };
	const char *what[] = { "counted", "saturated", "one short of saturated" };
	struct hantro_vp8_probs def, p;
	u8 counts[HANTRO_VP8_COUNT_BYTES];
	unsigned int i;

	hantro_vp8_default_probs(&def);
	for (i = 0; i < ARRAY_SIZE(zero); i++) {
		memset(counts, 0, sizeof(counts));
		/* Zeros in a ratio of 4 to 1 against the other tokens. */
		put_count(counts, HANTRO_VP8_COUNT_ZERO, 1, 2, 0, zero[i]);
		put_count(counts, HANTRO_VP8_COUNT_NONZERO, 1, 2, 0, zero[i] / 4);
		p = def;
		hantro_vp8_adapt_coefs(&p, counts);
		if (zero[i] == HANTRO_VP8_COUNT_MAX)
			check(p.coef[1][2][0][1] == def.coef[1][2][0][1] &&
			      p.coef[1][2][0][0] == def.coef[1][2][0][0],
			      "adaptation: a branch with a %s count keeps its probabilities (%u, %u)",
			      what[i], p.coef[1][2][0][1], p.coef[1][2][0][0]);
		else
			check(p.coef[1][2][0][1] == 205,
			      "adaptation: zeros %s 4 to 1 make that branch's probability 205 (%u)",
			      what[i], p.coef[1][2][0][1]);
	}
}

int main(int argc, char **argv)
{
	char path[512];
	unsigned int i, n;
	FILE *list;

	if (argc != 2) {
		fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
		return 2;
	}
	snprintf(path, sizeof(path), "%s/cases", argv[1]);
	list = fopen(path, "w");
	if (!list)
		return 1;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		run_case(&cases[i], argv[1]);
		fprintf(list, "%s %u %u %u\n", cases[i].name, cases[i].w, cases[i].h,
			cases[i].floor);
	}
	fclose(list);
	zero_step();
	tree_bounds();
	tree_costs();
	adapt_saturated();
	/* The cases exercise every way of coding a vector a decoder must follow. */
	check(mv_modes[HANTRO_VP8_MV_ZERO] && mv_modes[HANTRO_VP8_MV_NEAREST] &&
	      mv_modes[HANTRO_VP8_MV_NEAR] && mv_modes[HANTRO_VP8_MV_NEW] && subpel,
	      "inter macroblocks: %u ZEROMV, %u NEARESTMV, %u NEARMV, %u NEWMV, %u fractional",
	      mv_modes[HANTRO_VP8_MV_ZERO], mv_modes[HANTRO_VP8_MV_NEAREST],
	      mv_modes[HANTRO_VP8_MV_NEAR], mv_modes[HANTRO_VP8_MV_NEW], subpel);
	/* And every 4x4 predictor, with each edge rule, in both kinds of frame. */
	for (i = 0, n = 0; i < HANTRO_VP8_BMODES; i++)
		n += !!bmodes[i];
	check(n == HANTRO_VP8_BMODES && bpred_key && bpred_inter && bpred_edge,
	      "B_PRED macroblocks: %u in key frames, %u in inter frames; %u blocks reading above-right past the picture from the row above; blocks by mode %u %u %u %u %u %u %u %u %u %u",
	      bpred_key, bpred_inter, bpred_edge, bmodes[0], bmodes[1], bmodes[2], bmodes[3],
	      bmodes[4], bmodes[5], bmodes[6], bmodes[7], bmodes[8], bmodes[9]);
	return failures ? 1 : 0;
}
