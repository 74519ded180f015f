// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: pixel formats.
 *
 * Raw frames keep the client's size and are laid out as the hardware reads
 * them (hantro_enc_pix.c). A caller's larger, suitably aligned bytesperline
 * is kept, so buffers from another device import without a copy.
 */

#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/sizes.h>
#include <media/v4l2-common.h>

#include "hantro_enc.h"

/*
 * Stride alignment (source: shared/hw facts, MPP vepu_common.c): 16 pixels for
 * planar 4:2:0, 8 for semi-planar and packed formats.
 *
 * The hardware takes a base address per plane, so the per-plane formats
 * (NV12M, YUV420M: one buffer per plane, as libcamera hands frames over)
 * cost nothing; they are offered only with per_plane_formats set.
 * GStreamer maps its NV12 and I420 to the per-plane V4L2 format whenever a
 * device offers one, whatever the enumeration order, and then imports only
 * buffers with one DMABUF per plane: the single DMABUF of a V4L2 camera no
 * longer imports.
 */
static const struct hantro_enc_fmt hantro_enc_raw_fmts[] = {
	{ .fourcc = V4L2_PIX_FMT_NV12, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_IN_NV12, .stride_align = 8 },
	{ .fourcc = V4L2_PIX_FMT_YUV420, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_IN_YUV420P, .stride_align = 16 },
	{ .fourcc = V4L2_PIX_FMT_YUYV, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_IN_YUYV, .stride_align = 8 },
	{ .fourcc = V4L2_PIX_FMT_UYVY, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_IN_UYVY, .stride_align = 8 },
	{ .fourcc = V4L2_PIX_FMT_NV12M, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_IN_NV12, .stride_align = 8, .per_plane = true },
	{ .fourcc = V4L2_PIX_FMT_YUV420M, .codecs = HANTRO_ENC_ALL_CODECS,
	  .input = HANTRO_IN_YUV420P, .stride_align = 16, .per_plane = true },
};

static bool per_plane_formats;
module_param(per_plane_formats, bool, 0444);
MODULE_PARM_DESC(per_plane_formats,
		 "Also offer NV12M and YUV420M on OUTPUT (default: off; GStreamer then imports only one DMABUF per plane)");

/* The index-th entry of table whose mask field (codec or codecs) meets mask. */
static const struct hantro_enc_fmt *hantro_enc_nth(const struct hantro_enc_fmt *table,
						   unsigned int n, bool raw,
						   unsigned int mask, unsigned int index)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (!((raw ? table[i].codecs : table[i].codec) & mask))
			continue;
		if (table[i].per_plane && !per_plane_formats)
			continue;
		if (!index--)
			return &table[i];
	}
	return NULL;
}

const struct hantro_enc_fmt *hantro_enc_coded_fmt(unsigned int codecs, unsigned int index)
{
	return hantro_enc_nth(hantro_enc_coded_fmts, hantro_enc_num_coded_fmts, false,
			      codecs, index);
}

const struct hantro_enc_fmt *hantro_enc_raw_fmt(unsigned int codec, unsigned int index)
{
	return hantro_enc_nth(hantro_enc_raw_fmts, ARRAY_SIZE(hantro_enc_raw_fmts), true,
			      codec, index);
}

static char *default_coded_format;
module_param(default_coded_format, charp, 0444);
MODULE_PARM_DESC(default_coded_format,
		 "CAPTURE format a new file handle starts with where its node offers it, as a fourcc such as VP80 (default: the node's first)");

/* default_coded_format as a fourcc; 0 when unset or not four characters. */
static u32 hantro_enc_default_fourcc(void)
{
	const char *s = default_coded_format;

	if (!s || strlen(s) != 4)
		return 0;
	return v4l2_fourcc(s[0], s[1], s[2], s[3]);
}

/**
 * hantro_enc_default_coded() - the coded format a new file handle starts with
 * @codecs:	mask of enum hantro_enc_codec the node offers
 *
 * A client sets the format it wants; this only matters to clients that
 * stream whatever a fresh handle has, as v4l2-compliance's streaming tests
 * do, which cannot otherwise reach a node's second codec.
 *
 * Return: the format named by default_coded_format if @codecs offers it,
 * else the first coded format of @codecs.
 */
const struct hantro_enc_fmt *hantro_enc_default_coded(unsigned int codecs)
{
	const struct hantro_enc_fmt *f = NULL;
	u32 fourcc = hantro_enc_default_fourcc();

	if (fourcc)
		f = hantro_enc_find_coded(codecs, fourcc);
	return f ?: hantro_enc_coded_fmt(codecs, 0);
}

/**
 * hantro_enc_check_default_coded() - warn when default_coded_format names
 *				      nothing the device offers
 * @dev:	the device, for the message
 * @codecs:	mask of enum hantro_enc_codec the device offers
 */
void hantro_enc_check_default_coded(struct device *dev, unsigned int codecs)
{
	u32 fourcc = hantro_enc_default_fourcc();

	if (default_coded_format && *default_coded_format &&
	    (!fourcc || !hantro_enc_find_coded(codecs, fourcc)))
		dev_warn(dev, "default_coded_format=%s: not a coded format offered here, ignored\n",
			 default_coded_format);
}

/**
 * hantro_enc_codecs_still() - whether a node offering @codecs encodes still
 *			       images only
 * @codecs:	mask of enum hantro_enc_codec
 *
 * Return: true when every coded format in @codecs is a still-image format.
 */
bool hantro_enc_codecs_still(unsigned int codecs)
{
	const struct hantro_enc_fmt *f;
	unsigned int i;

	for (i = 0; (f = hantro_enc_coded_fmt(codecs, i)); i++)
		if (!f->still)
			return false;
	return true;
}

/**
 * hantro_enc_params_changed() - tell the coded format that the OUTPUT
 *				 format, the crop or the frame interval changed
 * @ctx:	context
 */
void hantro_enc_params_changed(struct hantro_enc_ctx *ctx)
{
	if (ctx->dst_desc->ops->params_changed)
		ctx->dst_desc->ops->params_changed(ctx);
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
	if (ctx->dst_desc->jfif) {
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

/**
 * hantro_enc_fill_raw() - adjust a raw OUTPUT format to what the hardware reads
 * @ctx:	context (for the device limits)
 * @desc:	the raw format
 * @pix:	in: requested format; out: the format the driver will use
 *
 * The client's size is kept (made even for 4:2:0 chroma and clamped to the
 * limits): the coded size is rounded up to whole macroblocks from the CROP
 * selection, not here. Strides and sizes: see hantro_enc_raw_layout().
 */
void hantro_enc_fill_raw(struct hantro_enc_ctx *ctx, const struct hantro_enc_fmt *desc,
			 struct v4l2_pix_format_mplane *pix)
{
	struct hantro_enc_size_range r;

	hantro_enc_size_range(ctx, ctx->dst_desc, &r);
	/* The limits are even: clamped first, rounding up cannot wrap. */
	hantro_enc_raw_layout(pix, desc->fourcc, desc->stride_align,
			      ALIGN(clamp(pix->width, r.min_w, r.max_w), 2),
			      ALIGN(clamp(pix->height, r.min_h, r.max_h), 2));
	pix->field = V4L2_FIELD_NONE;
	memset(pix->reserved, 0, sizeof(pix->reserved));
	hantro_enc_fill_colorimetry(ctx, pix);
}

/**
 * hantro_enc_size_range() - the frame sizes a coded format takes on this IP
 * @ctx:	context
 * @coded:	the coded format
 * @r:		receives the smallest and largest sizes
 */
void hantro_enc_size_range(const struct hantro_enc_ctx *ctx, const struct hantro_enc_fmt *coded,
			   struct hantro_enc_size_range *r)
{
	const struct hantro_enc_variant *var = ctx->dev->variant;

	r->min_w = coded->min_width ?: HANTRO_ENC_MIN_W;
	r->min_h = coded->min_height ?: HANTRO_ENC_MIN_H;
	r->max_w = coded->max_width ? min(coded->max_width, var->max_width) : var->max_width;
	r->max_h = coded->max_height ? min(coded->max_height, var->max_height) : var->max_height;
	/* The block's own limit on video widths (its configuration register). */
	if (!coded->still && ctx->dev->max_video_width)
		r->max_w = min(r->max_w, ctx->dev->max_video_width);
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
	if (desc->jfif) {
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
