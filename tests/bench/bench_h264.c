// SPDX-License-Identifier: GPL-2.0
/*
 * Encode speed and output of the virtual VEPU's H.264 core on one CPU core:
 *
 *   bench_h264 IN.yuv W H FRAMES QP GOP OUT.h264 [CABAC_INIT_IDC [T8 [SPLIT]]]
 *
 * IN.yuv is I420; with CABAC_INIT_IDC (0..2) the stream is CABAC, else
 * CAVLC (-1); T8 1 allows 8x8 transforms (High profile); SPLIT 0 keeps
 * inter macroblocks whole (16x16), as the model did before it had split MV.
 * Prints "fps=<frames per second> bytes=<stream size>";
 * the time covers the core only (headers, input fetch, coding, filter).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "h264_session.h"

int main(int argc, char **argv)
{
	unsigned int w, h, frames, gop, n;
	struct h264_session ses;
	unsigned char *in, *out;
	size_t fsize, out_size, total = 0;
	struct timespec t0, t1;
	double secs = 0;
	FILE *fi, *fo;
	int qp, idc = -1;

	if (argc < 8 || argc > 11) {
		fprintf(stderr,
			"usage: %s IN.yuv W H FRAMES QP GOP OUT.h264 [CABAC_INIT_IDC [T8 [SPLIT]]]\n",
			argv[0]);
		return 2;
	}
	w = atoi(argv[2]);
	h = atoi(argv[3]);
	frames = atoi(argv[4]);
	qp = atoi(argv[5]);
	gop = atoi(argv[6]);
	if (argc >= 9)
		idc = atoi(argv[8]);
	if (w % 16 || h % 16 || !gop || idc > 2 || h264_session_init(&ses, w, h, 0, idc))
		return 2;
	if (argc == 11)
		ses.split_mv = atoi(argv[10]);
	if (argc >= 10 && atoi(argv[9])) {
		ses.seq.profile_idc = 100;
		ses.seq.constraint_flags = 0;
		ses.seq.transform_8x8 = true;
	}
	fsize = (size_t)w * h * 3 / 2;
	out_size = fsize * 2;
	in = malloc(fsize);
	out = malloc(out_size);
	fi = fopen(argv[1], "rb");
	fo = fopen(argv[7], "wb");
	if (!in || !out || !fi || !fo)
		return 2;
	for (n = 0; n < frames && fread(in, 1, fsize, fi) == fsize; n++) {
		struct vepu_h264_job job = {
			.frame = {
				.fmt = HANTRO_IN_YUV420P, .row_len = w,
				.mb_width = w / 16, .mb_height = h / 16,
				.plane = { in, in + w * h, in + w * h * 5 / 4 },
			},
			.qp = qp,
		};
		long len;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		len = h264_session_encode(&ses, &job, n % gop == 0, out, out_size);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (len < 0)
			return 1;
		secs += (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
		fwrite(out, 1, len, fo);
		total += len;
	}
	fclose(fo);
	fclose(fi);
	printf("frames=%u fps=%.1f bytes=%zu\n", n, n / secs, total);
	h264_session_free(&ses);
	free(in);
	free(out);
	return 0;
}
