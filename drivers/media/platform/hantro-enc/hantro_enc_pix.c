// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: plane layouts of raw frames.
 *
 * The hardware takes one base address per plane and one row length (in
 * pixels) for all of them: every chroma stride derives from the luma
 * stride. A frame in one buffer (NV12, YUV420) has its planes one after
 * the other; a per-plane format (NV12M, YUV420M) has each plane in a
 * buffer of its own, so the same picture has the same strides and plane
 * sizes either way.
 */

#include <linux/kernel.h>
#include <linux/string.h>
#include <media/v4l2-common.h>

#include "hantro_enc_pix.h"

/*
 * Default row alignment of every plane, in bytes. FFmpeg copies frames with
 * its own line size, whatever bytesperline says; it rounds the width up
 * until every plane's rows are a multiple of its SIMD alignment, which is
 * 16 bytes on the Arm boards this hardware sits in.
 */
#define HANTRO_ENC_DEFAULT_BPL_ALIGN	16
/* Camera strides are at most twice the row, rounded to this. */
#define HANTRO_ENC_MAX_BPL_ALIGN	256

/**
 * hantro_enc_plane_layout() - stride and lines of one colour component
 * @pix:	raw format; plane 0's bytesperline is the reference
 * @comp:	component plane (0 luma, then chroma)
 * @bpl:	bytes per line of that component
 * @lines:	its number of lines
 */
void hantro_enc_plane_layout(const struct v4l2_pix_format_mplane *pix, unsigned int comp,
			     unsigned int *bpl, unsigned int *lines)
{
	const struct v4l2_format_info *info = v4l2_format_info(pix->pixelformat);

	*bpl = pix->plane_fmt[0].bytesperline * info->bpp[comp] / info->bpp[0];
	*lines = pix->height;
	if (comp) {
		*bpl /= info->hdiv;
		*lines = DIV_ROUND_UP(*lines, info->vdiv);
	}
}

/**
 * hantro_enc_plane_offset() - where a colour component starts in its buffer
 * @pix:	raw format
 * @comp:	component plane
 *
 * Return: the offset from the start of the component's memory plane (past
 * its data_offset): the components before it in a one-buffer format, 0 in
 * a per-plane one.
 */
size_t hantro_enc_plane_offset(const struct v4l2_pix_format_mplane *pix, unsigned int comp)
{
	const struct v4l2_format_info *info = v4l2_format_info(pix->pixelformat);
	unsigned int c, bpl, lines;
	size_t offset = 0;

	if (info->mem_planes > 1)
		return 0;
	for (c = 0; c < comp; c++) {
		hantro_enc_plane_layout(pix, c, &bpl, &lines);
		offset += (size_t)bpl * lines;
	}
	return offset;
}

/**
 * hantro_enc_raw_read_size() - bytes the hardware reads from a memory plane
 * @pix:	raw format
 * @plane:	memory plane
 *
 * The hardware reads whole macroblock rows, so past the last line of a
 * height that is not a multiple of 16: further than sizeimage.
 *
 * Return: the offset of the last byte it reads, plus one.
 */
size_t hantro_enc_raw_read_size(const struct v4l2_pix_format_mplane *pix, unsigned int plane)
{
	const struct v4l2_format_info *info = v4l2_format_info(pix->pixelformat);
	unsigned int last = plane, bpl, lines;

	/* One buffer: read up to the end of its last component. */
	if (info->mem_planes == 1)
		last = info->comp_planes - 1;
	hantro_enc_plane_layout(pix, last, &bpl, &lines);
	return hantro_enc_plane_offset(pix, last) +
	       (size_t)bpl * (ALIGN(pix->height, HANTRO_ENC_MB) / (last ? info->vdiv : 1));
}

/* Plane 0's alignment that makes every plane's rows default-aligned. */
static unsigned int hantro_enc_default_bpl_align(const struct v4l2_format_info *info)
{
	if (info->comp_planes == 1)
		return HANTRO_ENC_DEFAULT_BPL_ALIGN;
	return HANTRO_ENC_DEFAULT_BPL_ALIGN * info->bpp[0] * info->hdiv / info->bpp[1];
}

/**
 * hantro_enc_raw_layout() - strides and sizes of a raw frame
 * @pix:	in: plane 0's bytesperline as the caller asks it; out: the
 *		format's fourcc, size, planes, strides and sizes
 * @fourcc:	raw pixel format
 * @stride_align: bytesperline alignment of plane 0, in pixels
 * @width:	frame width, even and within the hardware's limits
 * @height:	frame height, likewise
 *
 * bytesperline of plane 0 is kept when it holds whole macroblock columns,
 * is aligned and is at most twice the row (a camera's padded stride),
 * otherwise it becomes the row rounded up; the other planes follow from it
 * (a caller's chroma strides are not looked at: the hardware has one row
 * length) and each sizeimage covers exactly the frame's lines.
 */
void hantro_enc_raw_layout(struct v4l2_pix_format_mplane *pix, u32 fourcc,
			   unsigned int stride_align, unsigned int width, unsigned int height)
{
	const struct v4l2_format_info *info = v4l2_format_info(fourcc);
	unsigned int bpl0, align, min_bpl, max_bpl, i, size = 0;

	align = stride_align * info->bpp[0];
	/* The hardware reads whole macroblocks, so whole 16-pixel columns too. */
	min_bpl = ALIGN(ALIGN(width, HANTRO_ENC_MB) * info->bpp[0], align);
	/* The row length register holds 14 bits of pixels. */
	max_bpl = min(rounddown(16383 * info->bpp[0], align),
		      2 * ALIGN(min_bpl, HANTRO_ENC_MAX_BPL_ALIGN));
	if (pix->plane_fmt[0].bytesperline < min_bpl)
		bpl0 = ALIGN(min_bpl, hantro_enc_default_bpl_align(info));
	else
		bpl0 = min_t(u64, ALIGN((u64)pix->plane_fmt[0].bytesperline, align), max_bpl);

	pix->pixelformat = fourcc;
	pix->width = width;
	pix->height = height;
	pix->num_planes = info->mem_planes;
	pix->plane_fmt[0].bytesperline = bpl0;
	for (i = 0; i < info->comp_planes; i++) {
		unsigned int bpl, lines;

		hantro_enc_plane_layout(pix, i, &bpl, &lines);
		if (info->mem_planes > 1) {
			pix->plane_fmt[i].bytesperline = bpl;
			pix->plane_fmt[i].sizeimage = bpl * lines;
		}
		size += bpl * lines;
	}
	if (info->mem_planes == 1)
		pix->plane_fmt[0].sizeimage = size;
	for (i = 0; i < pix->num_planes; i++)
		memset(pix->plane_fmt[i].reserved, 0, sizeof(pix->plane_fmt[i].reserved));
}
