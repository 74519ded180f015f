// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit test of the H.264 path: the driver's SPS/PPS writer, the
 * header hand-over to the hardware (8-byte aligned continuation, HDR_REM,
 * start offset) and the virtual VEPU's H.264 core, over a moving picture.
 *
 *   test_h264 OUTDIR
 *
 * For every case writes OUTDIR/<case>.h264 (Annex B) and OUTDIR/<case>.rec
 * (the core's reconstruction, visible area, I420) for run.sh to decode
 * with FFmpeg and compare bit for bit, and OUTDIR/<case>.src (the source)
 * for a PSNR floor. Prints one PASS/FAIL line per check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/errno.h>

#include "h264_session.h"

static int failures;

static void check(int ok, const char *name)
{
	printf("%s %s\n", ok ? "PASS" : "FAIL", name);
	failures += !ok;
}

struct tcase {
	const char *name;
	unsigned int w, h;	/* visible size */
	unsigned int frames;
	int qp;
	unsigned int deblock_idc;
	int alpha, beta, chroma_offset;
	unsigned int fmt;
	unsigned int gop;	/* an IDR every gop frames */
	int pan4;		/* smooth picture panning this many quarter samples per frame */
	int noise;		/* luma noise amplitude added to the picture */
	int mbrc;		/* checkpoints every row: 1 tight budget, -1 loose, 0 off */
	int bands;		/* 8-row bands panning opposite ways: 1 split MV on, -1 off */
	bool favours;		/* intra 16x16 over 4x4 and inter over intra favoured to the hilt */
	int skip;		/* skip penalty: 1 none, -1 the driver's; check the skips */
};

static const struct tcase cases[] = {
	{ "qcif-qp28", 176, 144, 8, 28, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 0, 0, 0, 0, false, 0 },
	{ "crop-qp20", 202, 118, 6, 20, 0, 0, 0, 0, HANTRO_IN_YUV420P, 100, 0, 0, 0, 0, false, 0 },
	{ "crop-qp36-offsets", 250, 142, 6, 36, 0, 2, -2, 3, HANTRO_IN_NV12, 3, 0, 0, 0, 0, false, 0 },
	{ "qp44-nofilter", 160, 96, 6, 44, 1, 0, 0, -4, HANTRO_IN_NV12, 100, 0, 0, 0, 0, false, 0 },
	{ "qp12-yuyv", 128, 64, 4, 12, 0, -3, 3, 0, HANTRO_IN_YUYV, 100, 0, 0, 0, 0, false, 0 },
	{ "vga-qp30", 640, 480, 5, 30, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 0, 0, 0, 0, false, 0 },
	{ "pan-subpel-qp26", 320, 176, 6, 26, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 6, 0, 0, 0, false, 0 },
	{ "noise-qp0", 96, 64, 3, 0, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 0, 60, 0, 0, false, 0 },
	{ "mbrc-tight-qp20", 320, 240, 4, 20, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 0, 0, 1, 0, false, 0 },
	{ "mbrc-loose-qp40", 208, 176, 4, 40, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 0, 0, -1, 0, false, 0 },
	{ "bands-split-qp26", 176, 144, 4, 26, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 6, 0, 0, 1, false, 0 },
	{ "bands-p16-qp26", 176, 144, 4, 26, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 6, 0, 0, -1, false, 0 },
	{ "noise-favours-qp20", 96, 64, 3, 20, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 0, 60, 0, 0, true, 0 },
	{ "pan-noise-qp26", 160, 96, 4, 26, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 6, 4, 0, 0, false, -1 },
	{ "pan-noise-skip-qp26", 160, 96, 4, 26, 0, 0, 0, 0, HANTRO_IN_NV12, 100, 6, 4, 0, 0, false, 1 },
};

/*
 * Checkpoints after every macroblock row, aiming at 4 (tight) or 32768
 * (loose) non-zero coefficients per row, in the driver's shape of
 * thresholds and QP steps.
 */
static void set_checkpoints(const struct tcase *t, unsigned int mbw, struct vepu_h264_job *job)
{
	struct hantro_h264_cp_plan plan;

	hantro_h264_cp_fill(&plan, HANTRO_CHECKPOINTS, mbw, t->mbrc > 0 ? 4 : 32768);
	h264_session_checkpoints(job, &plan, 0, 51);
}

/* Deterministic noise in -amp..amp added to the luma plane. */
static void add_noise(unsigned char *y, size_t n, int amp, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int v;

		seed = seed * 1103515245u + 12345u;
		v = y[i] + (int)((seed >> 16) % (2 * amp + 1)) - amp;
		y[i] = v < 0 ? 0 : v > 255 ? 255 : v;
	}
}

/* A triangle wave of period 256, 0..128: smooth, so sub-sample motion shows. */
static int tri(int u)
{
	u &= 255;
	return u < 128 ? u : 256 - u;
}

/*
 * Soft diagonal ridges panning by pan4 / 4 samples per frame; with @bands,
 * every other band of 8 rows pans the other way.
 */
static void make_pan_frame(unsigned int n, int pan4, bool bands, unsigned int w, unsigned int h,
			   unsigned char *y, unsigned char *u, unsigned char *v)
{
	unsigned int i, j;

	for (j = 0; j < h; j++)
		for (i = 0; i < w; i++) {
			int dir = bands && j / 8 % 2 ? -1 : 1;
			int x4 = 4 * i + dir * pan4 * (int)n, y4 = 4 * j + pan4 * n / 2;

			y[j * w + i] = 40 + tri(x4 / 3 + y4 / 5) + tri(x4 / 7) / 2;
		}
	for (j = 0; j < h / 2; j++)
		for (i = 0; i < w / 2; i++) {
			u[j * (w / 2) + i] = 90 + tri(8 * i + pan4 * n / 2) / 2;
			v[j * (w / 2) + i] = 100 + tri(6 * j + 3 * i) / 3;
		}
}

/* A textured background panning right and down, with a bright disc crossing it. */
static void make_frame(unsigned int n, unsigned int w, unsigned int h, unsigned char *y,
		       unsigned char *u, unsigned char *v)
{
	unsigned int i, j;

	for (j = 0; j < h; j++)
		for (i = 0; i < w; i++) {
			int sx = i + 3 * n, sy = j + n;
			int val = 60 + (sx * 3 + sy * 2) % 90 + ((sx / 8 + sy / 8) % 2) * 30;
			int dx = (int)i - (int)(20 + 9 * n), dy = (int)j - (int)(h / 2);

			if (dx * dx + dy * dy < 18 * 18)
				val = 230 - (dx * dx + dy * dy) / 8;
			y[j * w + i] = val;
		}
	for (j = 0; j < h / 2; j++)
		for (i = 0; i < w / 2; i++) {
			u[j * (w / 2) + i] = 128 + ((i + 2 * n) % 40) - 20;
			v[j * (w / 2) + i] = 120 + ((j * 3 + n) % 30) - 15;
		}
}

/* The picture in the hardware's input layout, rows padded to whole MBs. */
static void pack(const struct tcase *t, const unsigned char *y, const unsigned char *u,
		 const unsigned char *v, unsigned int cw, unsigned int ch, unsigned char *buf,
		 struct vepu_frame *f)
{
	unsigned int i, j, row = t->fmt == HANTRO_IN_YUYV ? cw * 2 : cw;

	memset(buf, 0, (size_t)cw * ch * 2);
	/* Edge replication into the padding, as a capture buffer would hold junk. */
	for (j = 0; j < ch; j++)
		for (i = 0; i < cw; i++) {
			unsigned int sj = j < t->h ? j : t->h - 1, si = i < t->w ? i : t->w - 1;
			unsigned int cj = sj / 2, ci = si / 2;

			switch (t->fmt) {
			case HANTRO_IN_YUYV:
				buf[j * row + 2 * i] = y[sj * t->w + si];
				buf[j * row + 2 * i + 1] = i & 1 ? v[cj * (t->w / 2) + ci] :
								   u[cj * (t->w / 2) + ci];
				break;
			case HANTRO_IN_NV12:
				buf[j * cw + i] = y[sj * t->w + si];
				if (!(j & 1) && !(i & 1)) {
					buf[cw * ch + j / 2 * cw + i] = u[cj * (t->w / 2) + ci];
					buf[cw * ch + j / 2 * cw + i + 1] = v[cj * (t->w / 2) + ci];
				}
				break;
			default:
				buf[j * cw + i] = y[sj * t->w + si];
				if (!(j & 1) && !(i & 1)) {
					buf[cw * ch + j / 2 * (cw / 2) + i / 2] = u[cj * (t->w / 2) + ci];
					buf[cw * ch * 5 / 4 + j / 2 * (cw / 2) + i / 2] =
						v[cj * (t->w / 2) + ci];
				}
			}
		}
	f->fmt = t->fmt;
	f->row_len = cw;
	f->mb_width = cw / 16;
	f->mb_height = ch / 16;
	f->plane[0] = buf;
	f->plane[1] = t->fmt == HANTRO_IN_YUYV ? NULL : buf + cw * ch;
	f->plane[2] = t->fmt == HANTRO_IN_YUV420P ? buf + cw * ch * 5 / 4 : NULL;
}

static void write_rec(FILE *fp, const struct vepu_h264_pic *p, unsigned int cw,
		      unsigned int w, unsigned int h)
{
	unsigned int i, j, c;

	for (j = 0; j < h; j++)
		fwrite(p->y + j * cw, 1, w, fp);
	for (c = 0; c < 2; c++)
		for (j = 0; j < h / 2; j++)
			for (i = 0; i < w / 2; i++)
				fputc(p->c[j * cw + 2 * i + c], fp);
}

/*
 * One case coded with CAVLC (cabac_init_idc -1) or CABAC, with 8x8
 * transforms allowed (High profile) if @t8; returns the stream's size.
 */
/* A reset that comes while the first macroblock row is coded. */
static unsigned int stop_checks;

static bool stop_after_first_row(const void *arg)
{
	(void)arg;
	return ++stop_checks > 1;
}

/* Whether @n bytes at @p all hold @v. */
static bool all_bytes(const unsigned char *p, size_t n, unsigned char v)
{
	while (n--)
		if (*p++ != v)
			return false;
	return true;
}

static long run_case(const char *dir, const struct tcase *t, int cabac_init_idc, bool t8)
{
	unsigned int cw = (t->w + 15) & ~15u, ch = (t->h + 15) & ~15u, n;
	size_t ysz = (size_t)t->w * t->h, out_size = (size_t)cw * ch * 3;
	unsigned char *y = malloc(ysz), *u = malloc(ysz / 4), *v = malloc(ysz / 4);
	unsigned char *in = malloc((size_t)cw * ch * 2), *out = malloc(out_size);
	struct h264_session ses;
	char path[512], name[200], cname[64];
	FILE *fs, *fr, *fsrc;
	bool ok = !h264_session_init(&ses, t->w, t->h, t->chroma_offset, cabac_init_idc);
	long total = 0;
	unsigned int t8_mbs = 0;
	unsigned int zero_words = 0;
	bool bin_limit_ok = true;
	struct hantro_h264_penalties favours;

	snprintf(cname, sizeof(cname), "%s%s%s", t->name, cabac_init_idc >= 0 ? "-cabac" : "",
		 t8 ? "-t8" : "");
	ses.split_mv = t->bands >= 0;
	if (t->favours || t->skip > 0) {
		hantro_h264_penalties(t->qp, (t->w + 15) / 16, (t->h + 15) / 16, &favours);
		if (t->favours) {
			favours.intra16_favor = 0xffff;
			favours.inter_favor = 0xffff;
		}
		if (t->skip > 0)
			favours.skip_penalty = 0;
		ses.costs = &favours;
	}
	if (t8) {
		hantro_h264_profile_syntax(HANTRO_H264_PROFILE_HIGH, &ses.seq.profile_idc,
					   &ses.seq.constraint_flags);
		ses.seq.transform_8x8 = true;
	}
	snprintf(path, sizeof(path), "%s/%s.h264", dir, cname);
	fs = fopen(path, "wb");
	snprintf(path, sizeof(path), "%s/%s.rec", dir, cname);
	fr = fopen(path, "wb");
	snprintf(path, sizeof(path), "%s/%s.src", dir, cname);
	fsrc = fopen(path, "wb");
	for (n = 0; ok && n < t->frames; n++) {
		struct vepu_h264_job job = {
			.qp = t->qp, .deblock_idc = t->deblock_idc,
			.alpha_div2 = t->alpha, .beta_div2 = t->beta,
		};
		long len;

		if (t->pan4)
			make_pan_frame(n, t->pan4, t->bands, t->w, t->h, y, u, v);
		else
			make_frame(n, t->w, t->h, y, u, v);
		if (t->noise)
			add_noise(y, ysz, t->noise, n + 1);
		fwrite(y, 1, ysz, fsrc);
		fwrite(u, 1, ysz / 4, fsrc);
		fwrite(v, 1, ysz / 4, fsrc);
		pack(t, y, u, v, cw, ch, in, &job.frame);
		if (t->mbrc)
			set_checkpoints(t, cw / 16, &job);
		memset(out, 0xee, out_size);
		len = h264_session_encode(&ses, &job, n % t->gop == 0, out, out_size);
		if (len < 0) {
			ok = false;
			break;
		}
		fwrite(out, 1, len, fs);
		total += len;
		zero_words += job.cabac_zero_words;
		/*
		 * 7.4.2.10: bins <= 32/3 bytes of the VCL NAL unit + RawMbBits/32
		 * per macroblock; P pictures are one NAL unit after a 4-byte start code.
		 */
		if (job.cabac && !job.intra &&
		    3 * job.cabac_bins > 32 * (u64)(len - 4) + 3 * 3072ull * cw * ch / 256 / 32)
			bin_limit_ok = false;
		write_rec(fr, &job.rec, cw, t->w, t->h);
		if (n == 0 && !t->favours) {
			snprintf(name, sizeof(name),
				 "%s: the IDR picture codes Intra_4x4 (%u) and Intra_16x16 (%u)",
				 cname, job.intra4_mbs, job.intra_mbs - job.intra4_mbs);
			/* At high QP flat areas go 16x16; fine detail goes 4x4 always. */
			check(job.intra4_mbs && (t->qp < 36 || job.intra4_mbs < job.intra_mbs),
			      name);
		}
		if (n == 1 && !t->noise) {
			snprintf(name, sizeof(name), "%s: the first P picture has inter macroblocks",
				 cname);
			check(job.skip_mbs + job.intra_mbs < cw * ch / 256, name);
		}
		if (n == 1 && t->mbrc) {
			unsigned int mbs = cw * ch / 256;

			snprintf(name, sizeof(name),
				 "%s: checkpoints move the QP %s (average %.1f from %d)",
				 cname, t->mbrc > 0 ? "up" : "down", (double)job.qp_sum / mbs, t->qp);
			check(t->mbrc > 0 ? job.qp_sum > (u32)t->qp * mbs :
					    job.qp_sum < (u32)t->qp * mbs, name);
			snprintf(name, sizeof(name),
				 "%s: the checkpoint sizes are reported, growing (%u, %u, ... %u)",
				 cname, job.cp_result[0], job.cp_result[1], job.cp_result[9]);
			check(job.cp_result[9] && job.cp_result[1] >= job.cp_result[0] &&
			      job.cp_result[9] >= job.cp_result[1], name);
			snprintf(name, sizeof(name),
				 "%s: they count coefficients in 32s (%u at the last, %u in the picture)",
				 cname, job.cp_result[9], job.coeffs);
			check(job.cp_result[9] * 32u <= job.coeffs &&
			      job.cp_result[9] * 32u + 32 * (cw / 16) * 24 * 16 > job.coeffs, name);
		}
		t8_mbs += job.t8x8_mbs;
		/* Smooth pictures suit 8x8 blocks; the textured ones rather 4x4. */
		if (n == 0 && t8 && t->pan4) {
			snprintf(name, sizeof(name),
				 "%s: the smooth IDR picture codes Intra_8x8 mostly (%u of %u Intra_NxN)",
				 cname, job.intra8_mbs, job.intra4_mbs);
			check(2 * job.intra8_mbs > job.intra4_mbs, name);
		}
		if (n && t->bands) {
			snprintf(name, sizeof(name),
				 "%s: picture %u splits %u of %u macroblocks (%s)", cname, n,
				 job.split_mbs, cw * ch / 256,
				 t->bands > 0 ? "most, with split MV" : "none without");
			check(t->bands > 0 ? job.split_mbs > cw * ch / 256 / 2 : !job.split_mbs,
			      name);
		}
		if (n >= 2 && t->skip) {
			snprintf(name, sizeof(name), "%s: picture %u skips %u of %u macroblocks (%s)",
				 cname, n, job.skip_mbs, cw * ch / 256,
				 t->skip > 0 ? "over a fifth, skip penalty 0" :
						 "under a tenth, the driver's penalty");
			check(t->skip > 0 ? job.skip_mbs > cw * ch / 256 / 5 :
					    job.skip_mbs < cw * ch / 256 / 10, name);
		}
		if (t->favours) {
			snprintf(name, sizeof(name),
				 "%s: picture %u, favours at their maximum: %u Intra_NxN, %u intra%s",
				 cname, n, job.intra4_mbs, job.intra_mbs, n ? " (P)" : "");
			check(!job.intra4_mbs && (!n || !job.intra_mbs), name);
		}
		if (n == 2 && t->pan4) {
			snprintf(name, sizeof(name),
				 "%s: motion by %d/4 samples is found at sub-sample precision (%u MBs)",
				 cname, t->pan4, job.subpel_mbs);
			check(job.subpel_mbs > cw * ch / 256 / 4, name);
		}
	}
	snprintf(name, sizeof(name), "%s: %u pictures encode", cname, t->frames);
	check(ok, name);
	if (cabac_init_idc >= 0) {
		snprintf(name, sizeof(name),
			 "%s: P pictures keep within the CABAC bin limit (%u cabac_zero_words)",
			 cname, zero_words);
		check(bin_limit_ok, name);
	}
	if (t8 && !t->noise) {
		snprintf(name, sizeof(name),
			 "%s: P pictures use 8x8 transforms (%u macroblocks)", cname, t8_mbs);
		check(t8_mbs > 0, name);
	}
	if (cabac_init_idc >= 0 && t->noise && !t->qp) {
		snprintf(name, sizeof(name), "%s: noise at QP 0 needs cabac_zero_words (%u)",
			 cname, zero_words);
		check(zero_words > 0, name);
	}
	fclose(fs);
	fclose(fr);
	fclose(fsrc);

	/* A too small output fails cleanly with -ENOSPC. */
	if (ok) {
		struct vepu_h264_job job = {
			.ref = ses.pic[0], .rec = ses.pic[1], .intra = true, .qp = t->qp,
			.pic_init_qp = 26, .out = out, .out_size = 64,
			.cabac = cabac_init_idc >= 0, .cabac_table = ses.cabac_table,
		};
		size_t bytes;

		make_frame(0, t->w, t->h, y, u, v);
		pack(t, y, u, v, cw, ch, in, &job.frame);
		snprintf(name, sizeof(name), "%s: a 64-byte buffer gives -ENOSPC", cname);
		check(vepu_h264_encode(&job, ses.scratch, &bytes) == -ENOSPC, name);
		/* A reset stops the frame: nothing below the first row is written. */
		memset(job.rec.y, 0x5a, (size_t)cw * ch);
		job.out_size = out_size;
		job.frame.stop = stop_after_first_row;
		stop_checks = 0;
		snprintf(name, sizeof(name), "%s: a reset stops the frame after its first row",
			 cname);
		check(vepu_h264_encode(&job, ses.scratch, &bytes) == -ECANCELED && !bytes &&
		      all_bytes(job.rec.y + (size_t)cw * 16, (size_t)cw * (ch - 16), 0x5a), name);
		job.frame.stop = NULL;
		job.out_size = 64;
		if (job.cabac) {
			/* A state no initialisation produces: refused, nothing written. */
			ses.cabac_table[hantro_h264_cabac_offset(t->qp, false, 60)] = 0xff;
			job.out_size = out_size;
			snprintf(name, sizeof(name), "%s: a corrupt context table gives -EINVAL",
				 cname);
			check(vepu_h264_encode(&job, ses.scratch, &bytes) == -EINVAL && !bytes,
			      name);
			job.cabac_table = NULL;
			snprintf(name, sizeof(name), "%s: no context table gives -EINVAL", cname);
			check(vepu_h264_encode(&job, ses.scratch, &bytes) == -EINVAL, name);
		}
	}
	h264_session_free(&ses);
	free(y);
	free(u);
	free(v);
	free(in);
	free(out);
	return ok ? total : -1;
}

int main(int argc, char **argv)
{
	unsigned int i;

	if (argc != 2) {
		fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
		return 2;
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long cavlc = run_case(argv[1], &cases[i], -1, false);
		/* Every case in CABAC too, each cabac_init_idc in turn. */
		long cabac = run_case(argv[1], &cases[i], i % 3, false);
		char name[160];

		/* ... and both with the High profile's 8x8 transform. */
		run_case(argv[1], &cases[i], -1, true);
		run_case(argv[1], &cases[i], i % 3, true);

		/* Noise at QP 0 is padded to the bin limit: larger in CABAC. */
		snprintf(name, sizeof(name), "%s: CABAC codes it in fewer bytes (%ld) than CAVLC (%ld)",
			 cases[i].name, cabac, cavlc);
		check(cabac > 0 && (cases[i].noise || cabac < cavlc), name);
	}
	return failures ? 1 : 0;
}
