// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit test of the raw frame layouts (hantro_enc_pix.c): a per-plane
 * format (NV12M, YUV420M) must describe the same picture as its one-buffer
 * twin (NV12, YUV420), plane for plane, since the hardware reads both
 * through the same row length and one base address per plane; the sizes
 * the hardware reads must cover whole macroblock rows; a camera's stride
 * must be kept and a caller's chroma strides overridden.
 *
 *   test_pix
 *
 * Prints one PASS/FAIL line per check.
 */
#include <stdio.h>
#include <string.h>

#include <linux/kernel.h>
#include <media/v4l2-common.h>

#include "hantro_enc_pix.h"
#include "host_check.h"

/* The driver's stride alignment of each format, in pixels (hantro_enc_fmt.c). */
struct pair {
	const char *name, *mname;
	u32 one, per_plane;
	unsigned int align;
};

static const struct pair pairs[] = {
	{ "NV12", "NV12M", V4L2_PIX_FMT_NV12, V4L2_PIX_FMT_NV12M, 8 },
	{ "YUV420", "YUV420M", V4L2_PIX_FMT_YUV420, V4L2_PIX_FMT_YUV420M, 16 },
};

static void layout(struct v4l2_pix_format_mplane *pix, u32 fourcc, unsigned int align,
		   unsigned int w, unsigned int h, unsigned int bpl0, unsigned int bpl1)
{
	memset(pix, 0, sizeof(*pix));
	pix->plane_fmt[0].bytesperline = bpl0;
	pix->plane_fmt[1].bytesperline = bpl1;
	pix->plane_fmt[2].bytesperline = bpl1;
	hantro_enc_raw_layout(pix, fourcc, align, w, h);
}

/* What compare() found wrong, as bits. */
enum {
	BAD_PLANES = 1, BAD_STRIDES = 2, BAD_SIZES = 4, BAD_READ = 8,
};

/*
 * The per-plane format against the one-buffer one at WxH with plane 0's
 * stride asked as BPL0 (and the chroma strides as something else, which
 * the hardware's one row length overrides).
 */
static unsigned int compare(const struct pair *p, unsigned int w, unsigned int h,
			    unsigned int bpl0)
{
	const struct v4l2_format_info *info = v4l2_format_info(p->per_plane);
	struct v4l2_pix_format_mplane one, m;
	unsigned int c, sum = 0, bad = 0, rows = ALIGN(h, HANTRO_ENC_MB);
	size_t offset = 0;

	layout(&one, p->one, p->align, w, h, bpl0, 0);
	layout(&m, p->per_plane, p->align, w, h, bpl0, 12345);
	if (one.num_planes != 1 || m.num_planes != info->mem_planes)
		bad |= BAD_PLANES;
	for (c = 0; c < info->comp_planes; c++) {
		unsigned int bpl, lines, div = c ? info->vdiv : 1;

		hantro_enc_plane_layout(&one, c, &bpl, &lines);
		if (m.plane_fmt[c].bytesperline != bpl ||
		    bpl != one.plane_fmt[0].bytesperline * info->bpp[c] / info->bpp[0] /
			   (c ? info->hdiv : 1))
			bad |= BAD_STRIDES;
		if (m.plane_fmt[c].sizeimage != bpl * lines ||
		    hantro_enc_plane_offset(&one, c) != offset ||
		    hantro_enc_plane_offset(&m, c) != 0)
			bad |= BAD_SIZES;
		if (hantro_enc_raw_read_size(&m, c) != (size_t)bpl * (rows / div) ||
		    hantro_enc_raw_read_size(&m, c) < m.plane_fmt[c].sizeimage)
			bad |= BAD_READ;
		offset += (size_t)bpl * lines;
		sum += m.plane_fmt[c].sizeimage;
	}
	if (sum != one.plane_fmt[0].sizeimage)
		bad |= BAD_SIZES;
	/* The one buffer is read up to its last plane's whole rows. */
	c = info->comp_planes - 1;
	if (hantro_enc_raw_read_size(&one, 0) !=
	    offset - m.plane_fmt[c].sizeimage + hantro_enc_raw_read_size(&m, c))
		bad |= BAD_READ;
	if (bad)
		printf("  %s %ux%u, stride %u asked: %s %u/%u, %s %u (mask %#x)\n", p->mname,
		       w, h, bpl0, p->mname, m.plane_fmt[0].bytesperline,
		       m.plane_fmt[0].sizeimage, p->name, one.plane_fmt[0].sizeimage, bad);
	return bad;
}

int main(void)
{
	static const unsigned int sizes[][2] = {
		{ 640, 480 }, { 1000, 562 }, { 176, 144 }, { 1920, 1080 }, { 96, 32 },
		{ 8176, 8176 },
	};
	struct v4l2_pix_format_mplane m;
	unsigned int i, s;

	for (i = 0; i < 2; i++) {
		unsigned int bad = 0;

		for (s = 0; s < ARRAY_SIZE(sizes); s++) {
			/* The driver's default, and a camera's padded stride. */
			bad |= compare(&pairs[i], sizes[s][0], sizes[s][1], 0);
			bad |= compare(&pairs[i], sizes[s][0], sizes[s][1],
				       ALIGN(sizes[s][0], 256) + 256);
		}
		check(!(bad & BAD_PLANES), "%s: one buffer per plane, %s one in all",
		      pairs[i].mname, pairs[i].name);
		check(!(bad & BAD_STRIDES),
		      "%s: every plane's stride follows the luma stride, as in %s (6 sizes, 2 strides)",
		      pairs[i].mname, pairs[i].name);
		check(!(bad & BAD_SIZES),
		      "%s: each plane has the size of that plane in %s, which holds them end to end",
		      pairs[i].mname, pairs[i].name);
		check(!(bad & BAD_READ),
		      "%s: the hardware reads whole macroblock rows of each plane, as of %s's",
		      pairs[i].mname, pairs[i].name);
	}

	/* Figures worked out by hand. */
	layout(&m, V4L2_PIX_FMT_NV12M, 8, 640, 480, 0, 0);
	check(m.plane_fmt[0].bytesperline == 640 && m.plane_fmt[0].sizeimage == 307200 &&
	      m.plane_fmt[1].bytesperline == 640 && m.plane_fmt[1].sizeimage == 153600,
	      "NV12M 640x480: 640/307200 and 640/153600");
	layout(&m, V4L2_PIX_FMT_YUV420M, 16, 1000, 562, 0, 0);
	check(m.plane_fmt[0].bytesperline == 1024 && m.plane_fmt[0].sizeimage == 575488 &&
	      m.plane_fmt[1].bytesperline == 512 && m.plane_fmt[1].sizeimage == 143872 &&
	      m.plane_fmt[2].bytesperline == 512 && m.plane_fmt[2].sizeimage == 143872 &&
	      hantro_enc_raw_read_size(&m, 0) == 1024 * 576 &&
	      hantro_enc_raw_read_size(&m, 2) == 512 * 288,
	      "YUV420M 1000x562: 1024/575488 and twice 512/143872, 576 and 288 rows read");
	layout(&m, V4L2_PIX_FMT_NV12M, 8, 640, 480, 650, 0);
	check(m.plane_fmt[0].bytesperline == 656 && m.plane_fmt[1].bytesperline == 656,
	      "NV12M 640x480: a stride of 650 rounds up to 656, the chroma's with it");
	layout(&m, V4L2_PIX_FMT_NV12M, 8, 640, 480, 100, 0);
	check(m.plane_fmt[0].bytesperline == 640,
	      "NV12M 640x480: a stride shorter than the row becomes the row");
	layout(&m, V4L2_PIX_FMT_NV12M, 8, 640, 480, 4096, 0);
	check(m.plane_fmt[0].bytesperline == 1536,
	      "NV12M 640x480: a stride of 4096 is cut to twice the row rounded to 256");
	return failures ? 1 : 0;
}
