// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: pixel formats and plane layouts.
 *
 * Raw frames are laid out as the hardware reads them: one row length (in
 * pixels) for all planes, the chroma stride derived from the luma stride, and
 * macroblock-aligned sizes. A caller's larger, suitably aligned bytesperline is
 * kept, so buffers from another device import without a copy.
 */

#include <linux/kernel.h>
#include <media/v4l2-common.h>

#include "hantro_enc.h"
#include "hantro_h264_hdr.h"
#include "hantro_jpeg_hdr.h"

static const struct hantro_enc_fmt hantro_enc_coded_fmts[] = {
	{
		.fourcc = V4L2_PIX_FMT_JPEG,
		.codec = HANTRO_ENC_JPEG,
		.ops = &hantro_enc_jpeg_ops,
		.header_max = HANTRO_JPEG_HDR_MAX,
	},
	{
		/* H1/VEPU2 H.264 tops out at 1080p (Rockchip and NXP datasheets). */
		.fourcc = V4L2_PIX_FMT_H264,
		.codec = HANTRO_ENC_H264,
		.ops = &hantro_enc_h264_ops,
		.header_max = HANTRO_H264_MAX_HEADER,
		.max_width = 1920,
		.max_height = 1088,
	},
};

#define HANTRO_ENC_ALL_CODECS	(HANTRO_ENC_JPEG | HANTRO_ENC_H264 | HANTRO_ENC_VP8)

/*
 * Stride alignment (source: shared/hw facts, MPP vepu_common.c): 16 pixels for
 * planar 4:2:0, 8 for semi-planar and packed formats.
 */
static const struct hantro_enc_fmt hantro_enc_raw_fmts[] = {
	{ .fourcc = V4L2_PIX_FMT_NV12, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_ENC_IN_NV12, .stride_align = 8 },
	{ .fourcc = V4L2_PIX_FMT_NV12M, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_ENC_IN_NV12, .stride_align = 8 },
	{ .fourcc = V4L2_PIX_FMT_YUV420, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_ENC_IN_YUV420P, .stride_align = 16 },
	{ .fourcc = V4L2_PIX_FMT_YUV420M, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_ENC_IN_YUV420P, .stride_align = 16 },
	{ .fourcc = V4L2_PIX_FMT_YUYV, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_ENC_IN_YUYV, .stride_align = 8 },
	{ .fourcc = V4L2_PIX_FMT_UYVY, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_ENC_IN_UYVY, .stride_align = 8 },
};

/* The index-th entry of table whose mask field (codec or codecs) meets mask. */
static const struct hantro_enc_fmt *hantro_enc_nth(const struct hantro_enc_fmt *table,
						   unsigned int n, bool raw,
						   unsigned int mask, unsigned int index)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (!((raw ? table[i].codecs : table[i].codec) & mask))
			continue;
		if (!index--)
			return &table[i];
	}
	return NULL;
}

const struct hantro_enc_fmt *hantro_enc_coded_fmt(unsigned int codecs, unsigned int index)
{
	return hantro_enc_nth(hantro_enc_coded_fmts, ARRAY_SIZE(hantro_enc_coded_fmts), false,
			      codecs, index);
}

const struct hantro_enc_fmt *hantro_enc_raw_fmt(unsigned int codec, unsigned int index)
{
	return hantro_enc_nth(hantro_enc_raw_fmts, ARRAY_SIZE(hantro_enc_raw_fmts), true,
			      codec, index);
}

/* Look fourcc up among the formats nth() enumerates. */
static const struct hantro_enc_fmt *
hantro_enc_find(const struct hantro_enc_fmt *(*nth)(unsigned int, unsigned int),
		unsigned int mask, u32 fourcc)
{
	const struct hantro_enc_fmt *f;
	unsigned int i;

	for (i = 0; (f = nth(mask, i)); i++)
		if (f->fourcc == fourcc)
			return f;
	return NULL;
}

const struct hantro_enc_fmt *hantro_enc_find_coded(unsigned int codecs, u32 fourcc)
{
	return hantro_enc_find(hantro_enc_coded_fmt, codecs, fourcc);
}

const struct hantro_enc_fmt *hantro_enc_find_raw(unsigned int codec, u32 fourcc)
{
	return hantro_enc_find(hantro_enc_raw_fmt, codec, fourcc);
}

static unsigned int hantro_enc_align_clamp(unsigned int v, unsigned int min,
					   unsigned int max)
{
	return clamp(ALIGN(v, HANTRO_ENC_MB), min, max);
}

/**
 * hantro_enc_plane_layout() - stride and lines of one colour component
 * @pix:	raw format; plane 0's bytesperline is the reference
 * @comp:	component plane (0 luma, then chroma)
 * @bpl:	bytes per line of that component
 * @lines:	its number of lines
 *
 * The hardware has one row length for all planes, so every chroma stride
 * derives from the luma stride.
 */
void hantro_enc_plane_layout(const struct v4l2_pix_format_mplane *pix, unsigned int comp,
			     unsigned int *bpl, unsigned int *lines)
{
	const struct v4l2_format_info *info = v4l2_format_info(pix->pixelformat);

	*bpl = pix->plane_fmt[0].bytesperline * info->bpp[comp] / info->bpp[0];
	*lines = pix->height;
	if (comp) {
		*bpl /= info->hdiv;
		*lines /= info->vdiv;
	}
}

/**
 * hantro_enc_fill_raw() - adjust a raw OUTPUT format to what the hardware reads
 * @ctx:	context (for the device limits)
 * @desc:	the raw format
 * @pix:	in: requested format; out: the format the driver will use
 *
 * Sizes are rounded up to whole macroblocks (the visible size is set with the
 * CROP selection); bytesperline of plane 0 is kept when it is large enough and
 * aligned, otherwise rounded up; the other planes follow from it.
 */
void hantro_enc_fill_raw(struct hantro_enc_ctx *ctx, const struct hantro_enc_fmt *desc,
			 struct v4l2_pix_format_mplane *pix)
{
	const struct v4l2_format_info *info = v4l2_format_info(desc->fourcc);
	unsigned int w, h, bpl0, align, min_bpl, max_bpl, i, size = 0, max_w, max_h;

	hantro_enc_max_size(ctx, ctx->dst_desc, &max_w, &max_h);
	w = hantro_enc_align_clamp(pix->width, HANTRO_ENC_MIN_W, max_w);
	h = hantro_enc_align_clamp(pix->height, HANTRO_ENC_MIN_H, max_h);
	align = desc->stride_align * info->bpp[0];
	min_bpl = ALIGN(w * info->bpp[0], align);
	/* The row length register holds 14 bits of pixels. */
	max_bpl = rounddown(16383 * info->bpp[0], align);
	bpl0 = clamp(ALIGN(pix->plane_fmt[0].bytesperline, align), min_bpl, max_bpl);

	pix->pixelformat = desc->fourcc;
	pix->width = w;
	pix->height = h;
	pix->field = V4L2_FIELD_NONE;
	pix->num_planes = info->mem_planes;
	memset(pix->reserved, 0, sizeof(pix->reserved));

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

	/*
	 * A JPEG encoder codes full-range BT.601 YCbCr of sRGB pictures; a video
	 * encoder signals whatever the source is in its headers.
	 */
	if (ctx->node->codecs == HANTRO_ENC_JPEG || pix->colorspace == V4L2_COLORSPACE_DEFAULT) {
		pix->colorspace = ctx->node->codecs == HANTRO_ENC_JPEG ? V4L2_COLORSPACE_SRGB
								     : V4L2_COLORSPACE_REC709;
		pix->xfer_func = V4L2_XFER_FUNC_DEFAULT;
		pix->ycbcr_enc = V4L2_YCBCR_ENC_DEFAULT;
		pix->quantization = V4L2_QUANTIZATION_DEFAULT;
	}
}

/**
 * hantro_enc_max_size() - the largest frame a coded format takes on this IP
 * @ctx:	context
 * @coded:	the coded format
 * @width:	receives the largest width
 * @height:	receives the largest height
 */
void hantro_enc_max_size(const struct hantro_enc_ctx *ctx, const struct hantro_enc_fmt *coded,
			 unsigned int *width, unsigned int *height)
{
	const struct hantro_enc_variant *var = ctx->dev->variant;

	*width = coded->max_width ? min(coded->max_width, var->max_width) : var->max_width;
	*height = coded->max_height ? min(coded->max_height, var->max_height) : var->max_height;
}

/**
 * hantro_enc_fill_coded() - the CAPTURE format for the current OUTPUT state
 * @ctx:	context: OUTPUT format and crop give the coded size
 * @desc:	the coded format
 * @pix:	in: requested sizeimage; out: the format the driver will use
 *
 * sizeimage is the caller's, clamped between a floor that still holds the
 * header and a compressed frame, and a ceiling of twice the raw 4:2:0 size.
 */
void hantro_enc_fill_coded(struct hantro_enc_ctx *ctx, const struct hantro_enc_fmt *desc,
			   struct v4l2_pix_format_mplane *pix)
{
	unsigned int w = ALIGN(ctx->crop.width, HANTRO_ENC_MB);
	unsigned int h = ALIGN(ctx->crop.height, HANTRO_ENC_MB);
	unsigned int raw = w * h * 3 / 2, lo, hi, size;

	lo = PAGE_ALIGN(desc->header_max + raw / 8);
	hi = PAGE_ALIGN(desc->header_max + raw * 2);
	size = pix->plane_fmt[0].sizeimage ? pix->plane_fmt[0].sizeimage
					   : desc->header_max + raw;
	size = PAGE_ALIGN(clamp(size, lo, hi));

	pix->pixelformat = desc->fourcc;
	pix->width = w;
	pix->height = h;
	pix->field = V4L2_FIELD_NONE;
	pix->num_planes = 1;
	pix->plane_fmt[0].bytesperline = 0;
	pix->plane_fmt[0].sizeimage = size;
	memset(pix->plane_fmt[0].reserved, 0, sizeof(pix->plane_fmt[0].reserved));
	memset(pix->reserved, 0, sizeof(pix->reserved));
	pix->flags = 0;
	/* The coded stream carries the OUTPUT colorimetry; JPEG its own. */
	pix->colorspace = desc->codec == HANTRO_ENC_JPEG ? V4L2_COLORSPACE_JPEG
							 : ctx->src_fmt.colorspace;
	pix->xfer_func = ctx->src_fmt.xfer_func;
	pix->ycbcr_enc = ctx->src_fmt.ycbcr_enc;
	pix->quantization = ctx->src_fmt.quantization;
}
