// SPDX-License-Identifier: GPL-2.0
/*
 * Host test of rate control end to end: the driver's frame rate control
 * (hantro_h264_rc.c) and macroblock checkpoint plan (hantro_h264_frame.c)
 * drive the virtual VEPU's H.264 core over a moving, noisy clip at a set
 * bitrate, as the driver does frame by frame: the QP it picks, the
 * checkpoints in the hardware's units, and the average QP, size and
 * coefficient count read back. The achieved bitrate must be near the
 * target with and without macroblock rate control, and the checkpoints
 * must move QPs inside pictures.
 *
 *   test_h264_rc
 *
 * Prints one PASS/FAIL line per check.
 */
#include <stdlib.h>
#include <string.h>

#include "h264_session.h"
#include "hantro_h264_rc.h"
#include "host_check.h"

#define W	320
#define H	240
#define FPS	30
#define FRAMES	90
#define GOP	30

/* A textured picture drifting right and down, with noise that changes. */
static void make_frame(unsigned int n, unsigned char *nv12)
{
	unsigned int x, y, seed = n * 2654435761u;
	unsigned char *c = nv12 + W * H;

	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++) {
			int v = 64 + (((x + 2 * n) * 3 + (y + n) * 2) & 127) +
				((((x + 2 * n) >> 4) ^ ((y + n) >> 4)) & 1) * 40;

			seed = seed * 1103515245u + 12345u;
			nv12[y * W + x] = v + (int)(seed >> 28) - 8;
		}
	for (y = 0; y < H / 2; y++)
		for (x = 0; x < W / 2; x++) {
			c[y * W + 2 * x] = 112 + ((x + 2 * y + n) & 31);
			c[y * W + 2 * x + 1] = 144 - ((3 * x + y + n) & 31);
		}
}

/*
 * The clip at @bitrate with or without macroblock rate control; returns
 * the achieved bitrate, and how many P pictures had their QP moved.
 */
static double run(u32 bitrate, bool mbrc, unsigned int *moved)
{
	const unsigned int mbw = W / 16, mbh = H / 16, mbs = mbw * mbh;
	struct hantro_h264_rc_params p = {
		.frame_rc = true, .bitrate = bitrate, .bitrate_peak = bitrate,
		.i_qp = 26, .p_qp = 28, .min_qp = 10, .max_qp = 51,
		.interval_num = 1, .interval_den = FPS,
	};
	size_t out_size = W * H * 3;
	unsigned char *in = malloc(W * H * 3 / 2), *out = malloc(out_size);
	struct h264_session ses;
	struct hantro_h264_rc rc;
	double bits = 0;
	unsigned int n;

	*moved = 0;
	hantro_h264_rc_reset(&rc);
	if (!in || !out || h264_session_init(&ses, W, H, 0, -1)) {
		check(0, "memory for the clip");
		return 0;
	}
	for (n = 0; n < FRAMES; n++) {
		bool intra = !(n % GOP);
		int qp = hantro_h264_rc_qp(&rc, &p, mbs, intra);
		struct vepu_h264_job job = {
			.frame = {
				.fmt = HANTRO_IN_NV12, .row_len = W, .mb_width = mbw,
				.mb_height = mbh, .plane = { in, in + W * H },
			},
			.qp = qp, .qp_min = qp, .qp_max = qp,
		};
		struct hantro_h264_cp_plan plan = { 0 };
		long len;

		make_frame(n, in);
		if (mbrc && !intra)
			hantro_h264_cp_plan_rows(&plan, mbw, mbh, hantro_h264_rc_codewords(&rc, &p));
		if (plan.distance) {
			job.cp_distance = plan.distance;
			job.qp_min = p.min_qp;
			job.qp_max = p.max_qp;
			memcpy(job.cp_target, plan.words, sizeof(job.cp_target));
			memcpy(job.cp_error, plan.error, sizeof(job.cp_error));
			memcpy(job.cp_delta_qp, plan.delta_qp, sizeof(job.cp_delta_qp));
		}
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

int main(void)
{
	static const u32 rates[] = { 300000, 1000000 };
	unsigned int i, moved;
	double rate;

	for (i = 0; i < 2; i++) {
		rate = run(rates[i], false, &moved);
		check(rate > rates[i] * 0.9 && rate < rates[i] * 1.1,
		      "CBR %u kbit/s, frame rate control: %.0f kbit/s (within 10 %%)",
		      rates[i] / 1000, rate / 1000);
		rate = run(rates[i], true, &moved);
		check(rate > rates[i] * 0.9 && rate < rates[i] * 1.1,
		      "CBR %u kbit/s, macroblock rate control too: %.0f kbit/s (within 10 %%)",
		      rates[i] / 1000, rate / 1000);
		check(moved > 0, "... its checkpoints moved the QP in %u of %u pictures", moved,
		      FRAMES);
	}
	return failures ? 1 : 0;
}
