/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host build: the part of the kernel's struct v4l2_format_info the plain-C
 * files read; the test provides v4l2_format_info() with the kernel's values.
 */
#ifndef HOST_SHIM_MEDIA_V4L2_COMMON_H
#define HOST_SHIM_MEDIA_V4L2_COMMON_H
#include <linux/types.h>
struct v4l2_format_info {
	u32 format;
	u8 mem_planes;
	u8 comp_planes;
	u8 bpp[4];
	u8 hdiv;
	u8 vdiv;
};

const struct v4l2_format_info *v4l2_format_info(u32 format);
#endif
