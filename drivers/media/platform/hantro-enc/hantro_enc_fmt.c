// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: pixel formats and plane layouts.
 *
 * Raw frames keep the client's size and are laid out as the hardware reads
 * them: one row length (in pixels, at least the macroblock-aligned width) for
 * all planes, the chroma stride derived from the luma stride. A caller's
 * larger, suitably aligned bytesperline is kept, so buffers from another
 * device import without a copy.
 */

#include <linux/kernel.h>
#include <linux/sizes.h>
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
 *
 * Every format comes in one buffer: GStreamer maps its NV12 and I420 to the
 * per-plane V4L2 format whenever a device offers one, then imports only
 * buffers with one DMABUF per plane (a V4L2 camera hands over one), and
 * GStreamer 1.26 crashes copying frames into three-plane YUV420M buffers.
 */
static const struct hantro_enc_fmt hantro_enc_raw_fmts[] = {
	{ .fourcc = V4L2_PIX_FMT_NV12, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_ENC_IN_NV12, .stride_align = 8 },
	{ .fourcc = V4L2_PIX_FMT_YUV420, .codecs = HANTRO_ENC_ALL_CODECS,
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
		*lines = DIV_ROUND_UP(*lines, info->vdiv);
	}
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
	unsigned int first = plane, last = plane, c, bpl, lines;
	size_t offset = 0;

	if (info->mem_planes == 1) {
		first = 0;
		last = info->comp_planes - 1;
	}
	for (c = first; c < last; c++) {
		hantro_enc_plane_layout(pix, c, &bpl, &lines);
		offset += (size_t)bpl * lines;
	}
	hantro_enc_plane_layout(pix, last, &bpl, &lines);
	return offset + (size_t)bpl * (ALIGN(pix->height, HANTRO_ENC_MB) / (last ? info->vdiv : 1));
}

/*
 * The OUTPUT colorimetry is echoed back as given (clients fail otherwise)
 * once each field is one V4L2 defines; an unknown value becomes the
 * default. A video node's default is Rec. 709. A JPEG node codes what JFIF
 * defines, full-range BT.601 YCbCr of an sRGB picture, and says so, so that
 * clients convert to it (an sRGB raw side, as v4l2-compliance wants of JPEG
 * encoders, with the range and encoding spelt out).
 */
static void hantro_enc_fill_colorimetry(struct hantro_enc_ctx *ctx,
					struct v4l2_pix_format_mplane *pix)
{
	if (ctx->node->codecs == HANTRO_ENC_JPEG) {
		pix->colorspace = V4L2_COLORSPACE_SRGB;
		pix->xfer_func = V4L2_XFER_FUNC_SRGB;
		pix->ycbcr_enc = V4L2_YCBCR_ENC_601;
		pix->quantization = V4L2_QUANTIZATION_FULL_RANGE;
		return;
	}
	if (pix->colorspace == V4L2_COLORSPACE_DEFAULT ||
	    pix->colorspace > V4L2_COLORSPACE_DCI_P3) {
		pix->colorspace = V4L2_COLORSPACE_REC709;
		pix->xfer_func = V4L2_XFER_FUNC_DEFAULT;
		pix->ycbcr_enc = V4L2_YCBCR_ENC_DEFAULT;
		pix->quantization = V4L2_QUANTIZATION_DEFAULT;
	}
	if (pix->xfer_func > V4L2_XFER_FUNC_SMPTE2084)
		pix->xfer_func = V4L2_XFER_FUNC_DEFAULT;
	if (pix->ycbcr_enc > V4L2_YCBCR_ENC_SMPTE240M)
		pix->ycbcr_enc = V4L2_YCBCR_ENC_DEFAULT;
	if (pix->quantization > V4L2_QUANTIZATION_LIM_RANGE)
		pix->quantization = V4L2_QUANTIZATION_DEFAULT;
}

/* Plane 0's alignment that makes every plane's rows default-aligned. */
static unsigned int hantro_enc_default_bpl_align(const struct v4l2_format_info *info)
{
	if (info->comp_planes == 1)
		return HANTRO_ENC_DEFAULT_BPL_ALIGN;
	return HANTRO_ENC_DEFAULT_BPL_ALIGN * info->bpp[0] * info->hdiv / info->bpp[1];
}

/**
 * hantro_enc_fill_raw() - adjust a raw OUTPUT format to what the hardware reads
 * @ctx:	context (for the device limits)
 * @desc:	the raw format
 * @pix:	in: requested format; out: the format the driver will use
 *
 * The client's size is kept (made even for 4:2:0 chroma and clamped to the
 * limits): the coded size is rounded up to whole macroblocks from the CROP
 * selection, not here. bytesperline of plane 0 is kept when it is large
 * enough and suitably aligned, otherwise rounded up; the other planes follow
 * from it and sizeimage covers exactly the client's lines.
 */
void hantro_enc_fill_raw(struct hantro_enc_ctx *ctx, const struct hantro_enc_fmt *desc,
			 struct v4l2_pix_format_mplane *pix)
{
	const struct v4l2_format_info *info = v4l2_format_info(desc->fourcc);
	unsigned int w, h, bpl0, align, min_bpl, max_bpl, i, size = 0, max_w, max_h;

	hantro_enc_max_size(ctx, ctx->dst_desc, &max_w, &max_h);
	/* The limits are even: clamped first, rounding up cannot wrap. */
	w = ALIGN(clamp(pix->width, HANTRO_ENC_MIN_W, max_w), 2);
	h = ALIGN(clamp(pix->height, HANTRO_ENC_MIN_H, max_h), 2);
	align = desc->stride_align * info->bpp[0];
	/* The hardware reads whole macroblocks, so whole 16-pixel columns too. */
	min_bpl = ALIGN(ALIGN(w, HANTRO_ENC_MB) * info->bpp[0], align);
	/* The row length register holds 14 bits of pixels. */
	max_bpl = min(rounddown(16383 * info->bpp[0], align),
		      2 * ALIGN(min_bpl, HANTRO_ENC_MAX_BPL_ALIGN));
	if (pix->plane_fmt[0].bytesperline < min_bpl)
		bpl0 = ALIGN(min_bpl, hantro_enc_default_bpl_align(info));
	else
		bpl0 = min_t(u64, ALIGN((u64)pix->plane_fmt[0].bytesperline, align), max_bpl);

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

	hantro_enc_fill_colorimetry(ctx, pix);
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

/*
 * The default CAPTURE buffer holds the raw frame's size in compressed data,
 * but at most this: a frame of 8176x8176 would otherwise ask 100 MB per
 * buffer. Clients that need more ask for it.
 */
#define HANTRO_ENC_DEFAULT_CODED	SZ_16M

/* The header, then at most one compressed frame's worth of raw 4:2:0 data. */
static unsigned int hantro_enc_coded_max(const struct hantro_enc_fmt *desc, unsigned int raw)
{
	return PAGE_ALIGN(desc->header_max + raw);
}

/**
 * hantro_enc_fill_coded() - the CAPTURE format for the current OUTPUT state
 * @ctx:	context: OUTPUT format and crop give the coded size
 * @desc:	the coded format
 * @pix:	in: requested sizeimage (0 for the default); out: the format
 *		the driver will use
 *
 * sizeimage is the caller's, clamped between a floor that still holds the
 * header and a compressed frame, and a ceiling of the header and the raw
 * 4:2:0 frame (or the current sizeimage, if larger): the most the hardware
 * writes at the QPs the driver uses, and a bound on what a client can make
 * the kernel allocate.
 */
void hantro_enc_fill_coded(struct hantro_enc_ctx *ctx, const struct hantro_enc_fmt *desc,
			   struct v4l2_pix_format_mplane *pix)
{
	unsigned int w = ALIGN(ctx->crop.width, HANTRO_ENC_MB);
	unsigned int h = ALIGN(ctx->crop.height, HANTRO_ENC_MB);
	unsigned int raw = w * h * 3 / 2, lo, hi, size;

	lo = PAGE_ALIGN(desc->header_max + raw / 8);
	/* What the client was told may stand even where it is above the ceiling. */
	hi = max(hantro_enc_coded_max(desc, raw), ctx->dst_fmt.plane_fmt[0].sizeimage);
	size = pix->plane_fmt[0].sizeimage ?: desc->header_max + min(raw, HANTRO_ENC_DEFAULT_CODED);
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
	/*
	 * The coded stream carries the OUTPUT colorimetry; a JPEG one is
	 * JFIF's, which V4L2_COLORSPACE_JPEG says alone (the other fields stay
	 * DEFAULT, as v4l2-compliance checks).
	 */
	if (desc->codec == HANTRO_ENC_JPEG) {
		pix->colorspace = V4L2_COLORSPACE_JPEG;
		pix->xfer_func = V4L2_XFER_FUNC_DEFAULT;
		pix->ycbcr_enc = V4L2_YCBCR_ENC_DEFAULT;
		pix->quantization = V4L2_QUANTIZATION_DEFAULT;
		return;
	}
	pix->colorspace = ctx->src_fmt.colorspace;
	pix->xfer_func = ctx->src_fmt.xfer_func;
	pix->ycbcr_enc = ctx->src_fmt.ycbcr_enc;
	pix->quantization = ctx->src_fmt.quantization;
}

/**
 * hantro_enc_update_coded() - re-derive the CAPTURE format after a change of
 *			       the OUTPUT format or the crop
 * @ctx:	context
 *
 * The sizeimage the client asked for is applied to the new coded size; it
 * grows when the new size needs more, and never shrinks behind the client's
 * back: it may already have buffers or a pool of the size it was told.
 */
void hantro_enc_update_coded(struct hantro_enc_ctx *ctx)
{
	struct v4l2_pix_format_mplane pix = ctx->dst_fmt;
	u32 told = ctx->dst_fmt.plane_fmt[0].sizeimage;

	pix.plane_fmt[0].sizeimage = ctx->cap_sizeimage;
	hantro_enc_fill_coded(ctx, ctx->dst_desc, &pix);
	pix.plane_fmt[0].sizeimage = max(pix.plane_fmt[0].sizeimage, told);
	ctx->dst_fmt = pix;
}
