// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: input picture fetch.
 *
 * Converts each macroblock to 4:2:0 as the hardware's input stage does:
 * semi-planar and planar chroma is taken as is, packed 4:2:2 chroma is
 * averaged over each pair of lines.
 */

#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>

#include "vepu_frame.h"

/* Planes each input format reads, 0 for a format the hardware lacks. */
static unsigned int vepu_frame_planes(unsigned int fmt)
{
	switch (fmt) {
	case HANTRO_IN_YUV420P:
		return 3;
	case HANTRO_IN_NV12:
		return 2;
	case HANTRO_IN_YUYV:
	case HANTRO_IN_UYVY:
		return 1;
	default:
		return 0;
	}
}

/**
 * vepu_frame_check_geometry() - reject a format or size the input stage lacks
 * @f:	the frame as described by the registers, planes not yet mapped
 *
 * Return: 0, or -EINVAL for an unknown format or a row shorter than the frame.
 */
int vepu_frame_check_geometry(const struct vepu_frame *f)
{
	if (!vepu_frame_planes(f->fmt) || !f->mb_width || !f->mb_height ||
	    f->row_len < f->mb_width * 16)
		return -EINVAL;
	return 0;
}

/**
 * vepu_frame_check() - reject what the hardware could not read
 * @f:	the frame as described by the registers, planes mapped
 *
 * Return: 0, or -EINVAL for a bad geometry or a plane the format needs missing.
 */
int vepu_frame_check(const struct vepu_frame *f)
{
	unsigned int need_planes = vepu_frame_planes(f->fmt);

	if (vepu_frame_check_geometry(f))
		return -EINVAL;
	while (need_planes--)
		if (!f->plane[need_planes])
			return -EINVAL;
	return 0;
}

/**
 * vepu_frame_plane_span() - bytes of a plane the coded area touches
 * @f:		the frame
 * @plane:	plane index
 *
 * Return: the span from the plane's address, 0 for a plane the format lacks.
 */
size_t vepu_frame_plane_span(const struct vepu_frame *f, unsigned int plane)
{
	size_t rows = f->mb_height * 16, row_len = f->row_len;

	switch (f->fmt) {
	case HANTRO_IN_YUV420P:
		return plane ? row_len / 2 * (rows / 2) : row_len * rows;
	case HANTRO_IN_NV12:
		return plane == 2 ? 0 : plane ? row_len * (rows / 2) : row_len * rows;
	default:
		return plane ? 0 : 2 * row_len * rows;
	}
}

static void vepu_fetch_packed(const struct vepu_frame *f, unsigned int x0,
			      unsigned int y0, struct vepu_mb *mb)
{
	unsigned int stride = 2 * f->row_len, x, y;
	/* Byte offsets of Y0, U, Y1, V within a 4-byte pixel pair. */
	unsigned int oy = f->fmt == HANTRO_IN_YUYV ? 0 : 1;
	unsigned int ou = f->fmt == HANTRO_IN_YUYV ? 1 : 0;

	for (y = 0; y < 16; y++) {
		const u8 *row = f->plane[0] + (size_t)(y0 + y) * stride + 2 * x0;

		for (x = 0; x < 16; x++)
			mb->y[y * 16 + x] = row[2 * x + oy];
	}
	for (y = 0; y < 8; y++) {
		const u8 *r0 = f->plane[0] + (size_t)(y0 + 2 * y) * stride + 2 * x0;
		const u8 *r1 = r0 + stride;

		for (x = 0; x < 8; x++) {
			mb->cb[y * 8 + x] = (r0[4 * x + ou] + r1[4 * x + ou] + 1) / 2;
			mb->cr[y * 8 + x] = (r0[4 * x + ou + 2] + r1[4 * x + ou + 2] + 1) / 2;
		}
	}
}

/**
 * vepu_frame_fetch_mb() - read one macroblock
 * @f:		the frame (checked with vepu_frame_check())
 * @mbx:	macroblock column
 * @mby:	macroblock row
 * @mb:		the samples
 */
void vepu_frame_fetch_mb(const struct vepu_frame *f, unsigned int mbx, unsigned int mby,
			 struct vepu_mb *mb)
{
	unsigned int x0 = mbx * 16, y0 = mby * 16, x, y;
	size_t stride = f->row_len;

	if (f->fmt == HANTRO_IN_YUYV || f->fmt == HANTRO_IN_UYVY) {
		vepu_fetch_packed(f, x0, y0, mb);
		return;
	}
	for (y = 0; y < 16; y++)
		memcpy(&mb->y[y * 16], f->plane[0] + (y0 + y) * stride + x0, 16);
	for (y = 0; y < 8; y++) {
		size_t cy = y0 / 2 + y, cx = x0 / 2;

		if (f->fmt == HANTRO_IN_NV12) {
			const u8 *row = f->plane[1] + cy * stride + 2 * cx;

			for (x = 0; x < 8; x++) {
				mb->cb[y * 8 + x] = row[2 * x];
				mb->cr[y * 8 + x] = row[2 * x + 1];
			}
		} else {
			memcpy(&mb->cb[y * 8], f->plane[1] + cy * (stride / 2) + cx, 8);
			memcpy(&mb->cr[y * 8], f->plane[2] + cy * (stride / 2) + cx, 8);
		}
	}
}
