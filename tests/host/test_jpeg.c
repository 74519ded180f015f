// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit test of the JPEG path: the driver's header writer followed by the
 * virtual VEPU's scan coder, for every input format the hardware reads.
 *
 *   test_jpeg OUTDIR
 *
 * Writes OUTDIR/src.yuv (the I420 reference) and OUTDIR/<fmt>-q<Q>.jpg for
 * run.sh to decode with FFmpeg and compare; checks the header structure and
 * the buffer-full behaviour itself. Prints one PASS/FAIL line per check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/errno.h>

#include "hantro_jpeg_hdr.h"
#include "jpeg_hw_qorder.h"
#include "vepu_jpeg.h"

#define W 1008
#define H 576
#define VIS_W 1000
#define VIS_H 562

static int failures;

static void check(int ok, const char *name)
{
	printf("%s %s\n", ok ? "PASS" : "FAIL", name);
	failures += !ok;
}

/* A natural-looking picture: gradients, soft shapes, fine texture. */
static void make_picture(unsigned char *y, unsigned char *u, unsigned char *v)
{
	unsigned int i, j;

	for (j = 0; j < H; j++)
		for (i = 0; i < W; i++) {
			int dx = (int)i - 400, dy = (int)j - 260;
			int val = 40 + i * 120 / W + j * 60 / H;

			if (dx * dx + dy * dy < 150 * 150)
				val += 50;
			val += ((i * 7 + j * 13) % 17) - 8;
			y[j * W + i] = val < 0 ? 0 : val > 255 ? 255 : val;
		}
	for (j = 0; j < H / 2; j++)
		for (i = 0; i < W / 2; i++) {
			u[j * W / 2 + i] = 128 + (int)(i * 60 / (W / 2)) - 30;
			v[j * W / 2 + i] = 100 + (int)(j * 80 / (H / 2)) - ((i / 40) % 2) * 10;
		}
}

struct layout {
	const char *name;
	unsigned int fmt;
};

static const struct layout layouts[] = {
	{ "yuv420p", HANTRO_IN_YUV420P },
	{ "nv12", HANTRO_IN_NV12 },
	{ "yuyv", HANTRO_IN_YUYV },
	{ "uyvy", HANTRO_IN_UYVY },
};

/* Lay the I420 reference out as the hardware input format; a wider stride. */
static void pack(unsigned int fmt, const unsigned char *y, const unsigned char *u,
		 const unsigned char *v, unsigned char *buf, unsigned int row_len,
		 const unsigned char *planes[3])
{
	unsigned int i, j;

	memset(buf, 0x55, (size_t)row_len * H * 2);
	switch (fmt) {
	case HANTRO_IN_YUV420P:
		planes[0] = buf;
		planes[1] = buf + row_len * H;
		planes[2] = planes[1] + row_len / 2 * H / 2;
		for (j = 0; j < H; j++)
			memcpy(buf + j * row_len, y + j * W, W);
		for (j = 0; j < H / 2; j++) {
			memcpy((unsigned char *)planes[1] + j * row_len / 2, u + j * W / 2, W / 2);
			memcpy((unsigned char *)planes[2] + j * row_len / 2, v + j * W / 2, W / 2);
		}
		break;
	case HANTRO_IN_NV12:
		planes[0] = buf;
		planes[1] = buf + row_len * H;
		for (j = 0; j < H; j++)
			memcpy(buf + j * row_len, y + j * W, W);
		for (j = 0; j < H / 2; j++)
			for (i = 0; i < W / 2; i++) {
				buf[row_len * H + j * row_len + 2 * i] = u[j * W / 2 + i];
				buf[row_len * H + j * row_len + 2 * i + 1] = v[j * W / 2 + i];
			}
		break;
	default:
		planes[0] = buf;
		for (j = 0; j < H; j++)
			for (i = 0; i < W / 2; i++) {
				unsigned char *p = buf + j * row_len * 2 + 4 * i;
				unsigned char c[4] = { y[j * W + 2 * i], u[j / 2 * W / 2 + i],
						       y[j * W + 2 * i + 1], v[j / 2 * W / 2 + i] };

				if (fmt == HANTRO_IN_YUYV) {
					memcpy(p, c, 4);
				} else {
					p[0] = c[1]; p[1] = c[0]; p[2] = c[3]; p[3] = c[2];
				}
			}
	}
}

static size_t encode(unsigned int fmt, const unsigned char *planes[3], unsigned int row_len,
		     unsigned int quality, unsigned char *out, size_t out_size, int *ret)
{
	static struct vepu_jpeg_state st;
	struct hantro_jpeg_params p = { .width = VIS_W, .height = VIS_H, .quality = quality };
	struct hantro_jpeg_quant q;
	struct vepu_jpeg_job job = { 0 };
	u32 regs[16];
	unsigned int i, r;
	size_t scan;
	int hdr;

	hantro_jpeg_quant_tables(quality, &q);
	hdr = hantro_jpeg_write_header(out, out_size, &p, &q);
	if (hdr < 0) {
		*ret = hdr;
		return 0;
	}
	/* Through the registers and back, as the model reads them. */
	hantro_jpeg_quant_regs(q.luma, regs);
	for (r = 0; r < 16; r++)
		for (i = 0; i < 4; i++)
			job.qluma[jpeg_hw_qtable_raster(r * 4 + i)] = regs[r] >> (24 - 8 * i);
	hantro_jpeg_quant_regs(q.chroma, regs);
	for (r = 0; r < 16; r++)
		for (i = 0; i < 4; i++)
			job.qchroma[jpeg_hw_qtable_raster(r * 4 + i)] = regs[r] >> (24 - 8 * i);

	job.frame = (struct vepu_frame){ .fmt = fmt, .row_len = row_len,
					 .mb_width = W / 16, .mb_height = H / 16 };
	memcpy(job.frame.plane, planes, sizeof(job.frame.plane));
	job.out = out + hdr;
	job.out_size = out_size - hdr;
	*ret = vepu_jpeg_encode(&st, &job, &scan);
	return hdr + scan;
}

int main(int argc, char **argv)
{
	static unsigned char y[W * H], u[W * H / 4], v[W * H / 4];
	static unsigned char in[1024 * H * 2], out[W * H * 3];
	const unsigned char *planes[3];
	unsigned int quals[] = { 95, 50 };
	char path[512];
	unsigned int l, qi, i;
	struct hantro_jpeg_quant q;
	FILE *f;
	int ret, hdr;

	if (argc != 2)
		return 2;
	make_picture(y, u, v);
	snprintf(path, sizeof(path), "%s/src.yuv", argv[1]);
	f = fopen(path, "wb");
	fwrite(y, 1, sizeof(y), f);
	fwrite(u, 1, sizeof(u), f);
	fwrite(v, 1, sizeof(v), f);
	fclose(f);

	/* Header: structure the hardware and decoders rely on. */
	hantro_jpeg_quant_tables(95, &q);
	hdr = hantro_jpeg_write_header(out, sizeof(out),
				       &(struct hantro_jpeg_params){ VIS_W, VIS_H, 95 }, &q);
	check(hdr > 0 && hdr % 8 == 0 && hdr <= HANTRO_JPEG_HDR_MAX,
	      "header length is a multiple of 8 within HANTRO_JPEG_HDR_MAX");
	check(out[0] == 0xff && out[1] == 0xd8, "header starts with SOI");
	check(hdr > 14 && out[hdr - 14] == 0xff && out[hdr - 13] == 0xda,
	      "header ends with SOS");
	for (i = 0; i + 8 < (unsigned int)hdr; i++)
		if (out[i] == 0xff && out[i + 1] == 0xc0)
			break;
	check(i + 8 < (unsigned int)hdr && (out[i + 5] << 8 | out[i + 6]) == VIS_H &&
	      (out[i + 7] << 8 | out[i + 8]) == VIS_W, "SOF0 carries the visible size");
	check(hantro_jpeg_write_header(out, 100, &(struct hantro_jpeg_params){ 64, 64, 50 },
				       &q) == -ENOSPC, "header into a small buffer: -ENOSPC");
	check(hantro_jpeg_write_header(out, sizeof(out),
				       &(struct hantro_jpeg_params){ 0, 64, 50 }, &q) == -EINVAL,
	      "header for a zero width: -EINVAL");
	hantro_jpeg_quant_tables(100, &q);
	check(q.luma[0] == 1 && q.chroma[63] == 1, "quality 100 gives all-ones tables");
	hantro_jpeg_quant_tables(50, &q);
	check(q.luma[0] == 16 && q.chroma[0] == 17, "quality 50 gives the Annex K tables");

	for (l = 0; l < sizeof(layouts) / sizeof(layouts[0]); l++) {
		unsigned int row_len = 1024;	/* wider than the frame */

		pack(layouts[l].fmt, y, u, v, in, row_len, planes);
		for (qi = 0; qi < 2; qi++) {
			size_t len = encode(layouts[l].fmt, planes, row_len, quals[qi], out,
					    sizeof(out), &ret);

			snprintf(path, sizeof(path), "%s/%s-q%u.jpg", argv[1], layouts[l].name,
				 quals[qi]);
			f = fopen(path, "wb");
			fwrite(out, 1, len, f);
			fclose(f);
			snprintf(path, sizeof(path), "%s q%u encodes, ends with EOI",
				 layouts[l].name, quals[qi]);
			check(!ret && len > 600 && out[len - 2] == 0xff && out[len - 1] == 0xd9,
			      path);
		}
	}
	/* Buffer full: the scan stops at the end of the buffer, never beyond. */
	pack(HANTRO_IN_NV12, y, u, v, in, 1024, planes);
	memset(out, 0xa5, sizeof(out));
	encode(HANTRO_IN_NV12, planes, 1024, 95, out, 4096, &ret);
	check(ret == -ENOSPC && out[4096] == 0xa5, "scan larger than the buffer: -ENOSPC, no overrun");
	return failures ? 1 : 0;
}
