// SPDX-License-Identifier: GPL-2.0
/*
 * Encode speed and output of the virtual VEPU's VP8 core on one CPU core:
 *
 *   bench_vp8 IN.yuv W H FRAMES QINDEX GOP OUT.ivf
 *
 * IN.yuv is I420; a key frame every GOP frames, the loop filter at the
 * level the quantiser suggests. Prints "fps=<frames per second>
 * bytes=<stream size>"; the time covers the core and the header (input
 * fetch, coding, filter).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vp8_session.h"

int main(int argc, char **argv)
{
	unsigned int w, h, frames, qi, gop, n;
	struct vp8_session ses;
	unsigned char *in, *out;
	size_t fsize, out_size, total = 0;
	struct timespec t0, t1;
	double secs = 0;
	FILE *fi, *fo;

	if (argc != 8) {
		fprintf(stderr, "usage: %s IN.yuv W H FRAMES QINDEX GOP OUT.ivf\n", argv[0]);
		return 2;
	}
	w = atoi(argv[2]);
	h = atoi(argv[3]);
	frames = atoi(argv[4]);
	qi = atoi(argv[5]);
	gop = atoi(argv[6]);
	if (w % 16 || h % 16 || !gop || qi > 127 || vp8_session_init(&ses, w, h))
		return 2;
	fsize = (size_t)w * h * 3 / 2;
	out_size = fsize * 2 + 65536;
	in = malloc(fsize);
	out = malloc(out_size);
	fi = fopen(argv[1], "rb");
	fo = fopen(argv[7], "wb");
	if (!in || !out || !fi || !fo)
		return 1;
	ivf_header(fo, w, h, frames);
	for (n = 0; n < frames && fread(in, 1, fsize, fi) == fsize; n++) {
		struct hantro_vp8_frame_hdr hdr = {
			.key_frame = n % gop == 0,
			.show_frame = true,
			.width = w,
			.height = h,
			/* About MPP's choice: a level growing with the quantiser. */
			.filter_level = qi / 3 + 4 > 63 ? 63 : qi / 3 + 4,
			.quant = { .y_ac_qi = qi },
			.refresh_entropy = true,
			.refresh_last = true,
			.mb_no_coeff_skip = true,
			.prob_skip_false = 128,
			.prob_intra = 32,
			.prob_last = 255,
			.prob_golden = 128,
		};
		struct vepu_vp8_job job = {
			.frame = {
				.fmt = HANTRO_IN_YUV420P,
				.plane = { in, in + w * h, in + w * h * 5 / 4 },
				.row_len = w,
			},
		};
		long len;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		len = vp8_session_encode(&ses, &hdr, NULL, &job, out, out_size);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (len < 0)
			return 1;
		secs += (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
		ivf_frame(fo, out, len, n);
		total += len;
	}
	fclose(fi);
	fclose(fo);
	printf("fps=%.1f bytes=%zu\n", n / secs, total);
	vp8_session_free(&ses);
	free(in);
	free(out);
	return 0;
}
