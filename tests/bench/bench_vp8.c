// SPDX-License-Identifier: GPL-2.0
/*
 * Encode speed and output of VP8 as the driver codes it, on the virtual
 * VEPU, on one CPU core:
 *
 *   bench_vp8 IN.yuv W H FRAMES QINDEX GOP OUT.ivf
 *
 * IN.yuv is I420; a key frame every GOP frames, everything else the
 * driver's defaults (loop filter level, one token partition, probabilities
 * adapted to the last frame's counts). Prints "fps=<frames per second>
 * bytes=<stream size>"; the time covers the whole path: the driver's frame
 * coding and register programming, the model's register decoding and
 * coding, and the frame assembly (not the input's conversion to NV12).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hantro_vp8_costs.h"
#include "vp8_driver_path.h"
#include "vp8_session.h"

/* An I420 frame into the driver's NV12 input. */
static void to_nv12(const unsigned char *in, unsigned int w, unsigned int h, u8 *out)
{
	const unsigned char *cb = in + w * h, *cr = cb + w * h / 4;
	unsigned int i;

	memcpy(out, in, (size_t)w * h);
	for (i = 0; i < w * h / 4; i++) {
		out[w * h + 2 * i] = cb[i];
		out[w * h + 2 * i + 1] = cr[i];
	}
}

int main(int argc, char **argv)
{
	unsigned int w, h, frames, qi, gop, n;
	static struct vp8_drv d;
	unsigned char *in;
	size_t fsize, total = 0;
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
	if (w % 16 || h % 16 || !gop || qi > 127 || vp8_drv_init(&d, "h1", w, h, 0))
		return 2;
	fsize = (size_t)w * h * 3 / 2;
	in = malloc(fsize);
	fi = fopen(argv[1], "rb");
	fo = fopen(argv[7], "wb");
	if (!in || !fi || !fo)
		return 1;
	ivf_header(fo, w, h, frames);
	for (n = 0; n < frames && fread(in, 1, fsize, fi) == fsize; n++) {
		struct hantro_vp8_frame_params fp = {
			.key_frame = n % gop == 0,
			.qi = qi,
			/* The driver's default: VPX_FILTER_LEVEL. */
			.filter_level = hantro_vp8_filter_level(36, true),
		};
		const u8 *frame;
		size_t len;

		to_nv12(in, w, h, vp8_drv_input(&d));
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (vp8_drv_encode(&d, &fp, &frame, &len))
			return 1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		secs += (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
		ivf_frame(fo, frame, len, n);
		total += len;
	}
	fclose(fi);
	fclose(fo);
	printf("fps=%.1f bytes=%zu\n", n / secs, total);
	vp8_drv_free(&d);
	free(in);
	return 0;
}
