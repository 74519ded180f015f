// SPDX-License-Identifier: GPL-2.0
/*
 * Host test of rate control end to end: the driver's frame rate control
 * (hantro_h264_rc.c) and macroblock checkpoint plan (hantro_h264_frame.c)
 * drive the virtual VEPU's H.264 core over a moving, noisy clip and over
 * FFmpeg's testsrc2 at a set bitrate, as the driver does frame by frame: the QP it picks, the
 * checkpoints in the hardware's units, and the average QP, size and
 * coefficient count read back. The achieved bitrate must be near the
 * target with and without macroblock rate control, and the checkpoints
 * must move QPs inside pictures.
 *
 *   test_h264_rc TESTSRC2.nv12      (640x480, 90 frames)
 *
 * Prints one PASS/FAIL line per check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "h264_session.h"
#include "hantro_h264_rc.h"
#include "host_check.h"

#define FPS	30
#define FRAMES	90
#define GOP	30

/**
 * struct clip - the pictures a run codes
 * @w:		width
 * @h:		height
 * @file:	NV12 frames to read, or NULL for the synthetic picture
 */
struct clip {
	unsigned int w, h;
	FILE *file;
};

/* A textured picture drifting right and down, with noise that changes. */
static void synthetic_frame(const struct clip *c, unsigned int n, unsigned char *nv12)
{
	unsigned int x, y, seed = n * 2654435761u, w = c->w;
	unsigned char *ch = nv12 + w * c->h;

	for (y = 0; y < c->h; y++)
		for (x = 0; x < w; x++) {
			int v = 64 + (((x + 2 * n) * 3 + (y + n) * 2) & 127) +
				((((x + 2 * n) >> 4) ^ ((y + n) >> 4)) & 1) * 40;

			seed = seed * 1103515245u + 12345u;
			nv12[y * w + x] = v + (int)(seed >> 28) - 8;
		}
	for (y = 0; y < c->h / 2; y++)
		for (x = 0; x < w / 2; x++) {
			ch[y * w + 2 * x] = 112 + ((x + 2 * y + n) & 31);
			ch[y * w + 2 * x + 1] = 144 - ((3 * x + y + n) & 31);
		}
}

static bool make_frame(const struct clip *c, unsigned int n, unsigned char *nv12)
{
	size_t size = (size_t)c->w * c->h * 3 / 2;

	if (!c->file) {
		synthetic_frame(c, n, nv12);
		return true;
	}
	return !fseek(c->file, (long)(n * size), SEEK_SET) && fread(nv12, 1, size, c->file) == size;
}

/*
 * @c at @bitrate, CAVLC or CABAC, with or without macroblock rate control;
 * returns the achieved bitrate, and how many pictures had their QP moved.
 */
static double run(const struct clip *c, u32 bitrate, bool cabac, bool mbrc, unsigned int *moved)
{
	const unsigned int mbw = c->w / 16, mbh = c->h / 16, mbs = mbw * mbh;
	struct hantro_h264_rc_params p = {
		.frame_rc = true, .bitrate = bitrate, .bitrate_peak = bitrate,
		.i_qp = 26, .p_qp = 28, .min_qp = 10, .max_qp = 51,
		.interval_num = 1, .interval_den = FPS,
	};
	size_t out_size = (size_t)c->w * c->h * 3;
	unsigned char *in = malloc((size_t)c->w * c->h * 3 / 2), *out = malloc(out_size);
	struct h264_session ses = { 0 };
	struct hantro_h264_rc rc;
	double bits = 0;
	unsigned int n;

	*moved = 0;
	hantro_h264_rc_reset(&rc);
	if (!in || !out || h264_session_init(&ses, c->w, c->h, 0, cabac ? 0 : -1)) {
		check(0, "memory for the clip");
		h264_session_free(&ses);
		free(in);
		free(out);
		return 0;
	}
	for (n = 0; n < FRAMES; n++) {
		bool intra = !(n % GOP);
		int qp = hantro_h264_rc_qp(&rc, &p, mbs, intra);
		struct vepu_h264_job job = {
			.frame = {
				.fmt = HANTRO_IN_NV12, .row_len = c->w, .mb_width = mbw,
				.mb_height = mbh, .plane = { in, in + c->w * c->h },
			},
			.qp = qp, .qp_min = qp, .qp_max = qp,
		};
		struct hantro_h264_cp_plan plan = { 0 };
		long len;

		if (!make_frame(c, n, in)) {
			check(0, "frame %u of the clip", n);
			break;
		}
		if (mbrc && !intra)
			hantro_h264_cp_plan_rows(&plan, mbw, mbh, hantro_h264_rc_codewords(&rc, &p));
		if (plan.distance)
			h264_session_checkpoints(&job, &plan, p.min_qp, p.max_qp);
		len = h264_session_encode(&ses, &job, intra, out, out_size);
		if (len < 0) {
			check(0, "frame %u encodes", n);
			break;
		}
		*moved += job.qp_sum != (u32)qp * mbs;
		hantro_h264_rc_update(&rc, &p, intra, (job.qp_sum + mbs / 2) / mbs, len * 8,
				      job.coeffs);
		bits += len * 8;
	}
	h264_session_free(&ses);
	free(in);
	free(out);
	return bits * FPS / FRAMES;
}

static void check_rate(double rate, u32 target, const char *what)
{
	check(rate > target * 0.95 && rate < target * 1.05, "CBR %u kbit/s, %s: %.0f kbit/s (within 5 %%)",
	      target / 1000, what, rate / 1000);
}

int main(int argc, char **argv)
{
	static const u32 rates[] = { 300000, 1000000 };
	struct clip synthetic = { 320, 240, NULL }, testsrc2 = { 640, 480, NULL };
	unsigned int i, moved;

	for (i = 0; i < 2; i++) {
		check_rate(run(&synthetic, rates[i], false, false, &moved), rates[i],
			   "frame rate control");
		check_rate(run(&synthetic, rates[i], false, true, &moved), rates[i],
			   "macroblock rate control too");
		check(moved > 0, "... its checkpoints moved the QP in %u of %u pictures", moved,
		      FRAMES);
	}
	/*
	 * FFmpeg's testsrc2 (its detail gathers in some rows), CABAC: the
	 * checkpoints must not overshoot (bands of a quarter step did, by 8 %).
	 */
	testsrc2.file = argc > 1 ? fopen(argv[1], "rb") : NULL;
	check(testsrc2.file != NULL, "the testsrc2 clip %s", argc > 1 ? argv[1] : "(none given)");
	if (testsrc2.file) {
		check_rate(run(&testsrc2, 1000000, true, true, &moved), 1000000,
			   "testsrc2 640x480, CABAC, macroblock rate control");
		check(moved > 0, "... its checkpoints moved the QP in %u of %u pictures", moved,
		      FRAMES);
		fclose(testsrc2.file);
	}
	return failures ? 1 : 0;
}
