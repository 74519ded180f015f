// SPDX-License-Identifier: GPL-2.0
/*
 * Host build: v4l2_format_info() for the raw formats the driver takes,
 * with the kernel's values, for the host tests that run its format code.
 */
#include <linux/kernel.h>
#include <linux/videodev2.h>
#include <media/v4l2-common.h>

/* The kernel's entries (drivers/media/v4l2-core/v4l2-common.c). */
static const struct v4l2_format_info formats[] = {
	{ V4L2_PIX_FMT_NV12, 1, 2, { 1, 2, 0, 0 }, 2, 2 },
	{ V4L2_PIX_FMT_NV12M, 2, 2, { 1, 2, 0, 0 }, 2, 2 },
	{ V4L2_PIX_FMT_YUV420, 1, 3, { 1, 1, 1, 0 }, 2, 2 },
	{ V4L2_PIX_FMT_YUV420M, 3, 3, { 1, 1, 1, 0 }, 2, 2 },
	{ V4L2_PIX_FMT_YUYV, 1, 1, { 2, 0, 0, 0 }, 2, 1 },
	{ V4L2_PIX_FMT_UYVY, 1, 1, { 2, 0, 0, 0 }, 2, 1 },
};

const struct v4l2_format_info *v4l2_format_info(u32 format)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (formats[i].format == format)
			return &formats[i];
	return NULL;
}
