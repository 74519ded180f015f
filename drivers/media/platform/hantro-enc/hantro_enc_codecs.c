// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: the coded formats and the codec that implements each, the one
 * place the V4L2 interface learns which codecs exist (the shape of rkvdec's
 * coded-format descriptors). A variant offers the ones its block has.
 */

#include <linux/kernel.h>

#include "hantro_enc.h"
#include "hantro_h264_hdr.h"
#include "hantro_jpeg_hdr.h"

const struct hantro_enc_fmt hantro_enc_coded_fmts[] = {
	{
		.fourcc = V4L2_PIX_FMT_JPEG,
		.codec = HANTRO_ENC_JPEG,
		.ops = &hantro_enc_jpeg_ops,
		.num_ctrls = HANTRO_ENC_JPEG_NUM_CTRLS,
		.still = true,
		.jfif = true,
		.header_max = HANTRO_JPEG_HDR_MAX,
	},
	{
		/*
		 * H1/VEPU2 H.264 tops out at 1080p (Rockchip and NXP
		 * datasheets), and starts at 132x96.
		 */
		.fourcc = V4L2_PIX_FMT_H264,
		.codec = HANTRO_ENC_H264,
		.ops = &hantro_enc_h264_ops,
		.num_ctrls = HANTRO_ENC_H264_NUM_CTRLS,
		.header_max = HANTRO_H264_MAX_HEADER,
		.min_width = HANTRO_ENC_H264_MIN_W,
		.min_height = HANTRO_ENC_H264_MIN_H,
		.max_width = 1920,
		.max_height = 1088,
	},
	{
		/*
		 * The same sizes as H.264 (Hantro's VP8 API: 132x96 at
		 * least; Rockchip's datasheets: 1080p). After H.264, whose
		 * rate controls it shares.
		 */
		.fourcc = V4L2_PIX_FMT_VP8,
		.codec = HANTRO_ENC_VP8,
		.ops = &hantro_enc_vp8_ops,
		.num_ctrls = HANTRO_ENC_VP8_NUM_CTRLS,
		.header_max = HANTRO_VP8_HDR_MAX,
		.min_width = HANTRO_ENC_H264_MIN_W,
		.min_height = HANTRO_ENC_H264_MIN_H,
		.max_width = 1920,
		.max_height = 1088,
	},
};

const unsigned int hantro_enc_num_coded_fmts = ARRAY_SIZE(hantro_enc_coded_fmts);
