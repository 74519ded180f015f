// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests: input pictures and the files the decoders compare.
 */
#include <stdio.h>

#include "host_pic.h"

/* A picture with edges, gradients and motion: NV12, rows of @hs. */
void host_texture(u8 *p, unsigned int hs, unsigned int vs, unsigned int frame)
{
	unsigned int x, y;
	u8 *c = p + hs * vs;

	for (y = 0; y < vs; y++)
		for (x = 0; x < hs; x++)
			p[y * hs + x] = 64 + ((x * 2 + y + 3 * frame) & 127) +
					((((x + 2 * frame) >> 4) ^ (y >> 4)) & 1) * 48;
	for (y = 0; y < vs / 2; y++)
		for (x = 0; x < hs / 2; x++) {
			c[y * hs + 2 * x] = 112 + ((x + 2 * y + frame) & 31);
			c[y * hs + 2 * x + 1] = 144 - ((3 * x + y) & 31);
		}
}

/* The visible @w x @h of an NV12 picture (rows of @stride) as I420. */
void host_write_i420(FILE *fp, const u8 *y, const u8 *c, unsigned int stride,
		       unsigned int w, unsigned int h)
{
	unsigned int j, i, k;

	for (j = 0; j < h; j++)
		fwrite(y + j * stride, 1, w, fp);
	for (k = 0; k < 2; k++)
		for (j = 0; j < (h + 1) / 2; j++)
			for (i = 0; i < (w + 1) / 2; i++)
				fputc(c[j * stride + 2 * i + k], fp);
}

FILE *host_out_file(const char *dir, const char *name, const char *ext)
{
	char path[1024];

	snprintf(path, sizeof(path), "%s/%s.%s", dir, name, ext);
	return fopen(path, "wb");
}
