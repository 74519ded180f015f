// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: H.264 levels (ITU-T H.264 Table A-1) by the V4L2 menu index,
 * to pick the lowest level a stream fits and to write level_idc.
 */

#include <linux/kernel.h>
#include <linux/videodev2.h>

#include "hantro_enc_h264.h"

/**
 * struct hantro_h264_level - limits of one level
 * @idc:	level_idc (1b is 11 with constraint_set3_flag, or 9 in High)
 * @max_mbps:	MaxMBPS, macroblocks per second
 * @max_fs:	MaxFS, macroblocks per frame
 * @max_br:	MaxBR, 1000 bits per second (Baseline/Main VCL)
 */
struct hantro_h264_level {
	u8 idc;
	u32 max_mbps;
	u32 max_fs;
	u32 max_br;
};

static const struct hantro_h264_level hantro_h264_levels[] = {
	[V4L2_MPEG_VIDEO_H264_LEVEL_1_0] = { 10, 1485, 99, 64 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_1B] = { 11, 1485, 99, 128 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_1_1] = { 11, 3000, 396, 192 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_1_2] = { 12, 6000, 396, 384 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_1_3] = { 13, 11880, 396, 768 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_2_0] = { 20, 11880, 396, 2000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_2_1] = { 21, 19800, 792, 4000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_2_2] = { 22, 20250, 1620, 4000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_3_0] = { 30, 40500, 1620, 10000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_3_1] = { 31, 108000, 3600, 14000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_3_2] = { 32, 216000, 5120, 20000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_4_0] = { 40, 245760, 8192, 20000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_4_1] = { 41, 245760, 8192, 50000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_4_2] = { 42, 522240, 8704, 50000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_5_0] = { 50, 589824, 22080, 135000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_5_1] = { 51, 983040, 36864, 240000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_5_2] = { 52, 2073600, 36864, 240000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_6_0] = { 60, 4177920, 139264, 240000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_6_1] = { 61, 8355840, 139264, 480000 },
	[V4L2_MPEG_VIDEO_H264_LEVEL_6_2] = { 62, 16711680, 139264, 800000 },
};

/**
 * hantro_enc_h264_min_level() - the lowest level a stream fits
 * @mbs:		macroblocks per picture
 * @mbs_per_sec:	macroblocks per second
 * @bitrate:		bits per second (the peak for VBR)
 *
 * Return: a V4L2_MPEG_VIDEO_H264_LEVEL_* value; the highest when nothing fits.
 */
unsigned int hantro_enc_h264_min_level(unsigned int mbs, u64 mbs_per_sec, u32 bitrate)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(hantro_h264_levels); i++) {
		const struct hantro_h264_level *l = &hantro_h264_levels[i];

		if (mbs <= l->max_fs && mbs_per_sec <= l->max_mbps &&
		    bitrate <= (u64)l->max_br * 1000)
			return i;
	}
	return ARRAY_SIZE(hantro_h264_levels) - 1;
}

/**
 * hantro_enc_h264_level_idc() - level_idc of a V4L2 level
 * @level:		V4L2_MPEG_VIDEO_H264_LEVEL_*
 * @high:		High profile, which has its own level_idc for 1b
 * @constraint_flags:	constraint_set3_flag is added for level 1b otherwise
 *
 * Return: level_idc.
 */
u8 hantro_enc_h264_level_idc(unsigned int level, bool high, u8 *constraint_flags)
{
	if (level == V4L2_MPEG_VIDEO_H264_LEVEL_1B && high)
		return 9;
	if (level == V4L2_MPEG_VIDEO_H264_LEVEL_1B)
		*constraint_flags |= 0x10;
	return hantro_h264_levels[min_t(unsigned int, level,
					ARRAY_SIZE(hantro_h264_levels) - 1)].idc;
}
