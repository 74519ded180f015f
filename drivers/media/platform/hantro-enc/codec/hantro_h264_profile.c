// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: H.264 profiles and levels (ITU-T H.264 Annex A): the
 * profile_idc and constraint flags of each profile, the lowest level a
 * stream fits (Table A-1) and its level_idc.
 */

#include <linux/kernel.h>

#include "h264_syntax.h"
#include "hantro_h264_profile.h"

/**
 * struct hantro_h264_level_limits - limits of one level
 * @idc:	level_idc (see H264_LEVEL_IDC_1B_HIGH for 1b)
 * @max_mbps:	MaxMBPS, macroblocks per second
 * @max_fs:	MaxFS, macroblocks per frame
 * @max_br:	MaxBR, 1000 bits per second (Baseline/Main VCL)
 */
struct hantro_h264_level_limits {
	u8 idc;
	u32 max_mbps;
	u32 max_fs;
	u32 max_br;
};

static const struct hantro_h264_level_limits hantro_h264_level_limits[] = {
	[HANTRO_H264_LEVEL_1_0] = { 10, 1485, 99, 64 },
	[HANTRO_H264_LEVEL_1B] = { 11, 1485, 99, 128 },
	[HANTRO_H264_LEVEL_1_1] = { 11, 3000, 396, 192 },
	[HANTRO_H264_LEVEL_1_2] = { 12, 6000, 396, 384 },
	[HANTRO_H264_LEVEL_1_3] = { 13, 11880, 396, 768 },
	[HANTRO_H264_LEVEL_2_0] = { 20, 11880, 396, 2000 },
	[HANTRO_H264_LEVEL_2_1] = { 21, 19800, 792, 4000 },
	[HANTRO_H264_LEVEL_2_2] = { 22, 20250, 1620, 4000 },
	[HANTRO_H264_LEVEL_3_0] = { 30, 40500, 1620, 10000 },
	[HANTRO_H264_LEVEL_3_1] = { 31, 108000, 3600, 14000 },
	[HANTRO_H264_LEVEL_3_2] = { 32, 216000, 5120, 20000 },
	[HANTRO_H264_LEVEL_4_0] = { 40, 245760, 8192, 20000 },
	[HANTRO_H264_LEVEL_4_1] = { 41, 245760, 8192, 50000 },
	[HANTRO_H264_LEVEL_4_2] = { 42, 522240, 8704, 50000 },
	[HANTRO_H264_LEVEL_5_0] = { 50, 589824, 22080, 135000 },
	[HANTRO_H264_LEVEL_5_1] = { 51, 983040, 36864, 240000 },
	[HANTRO_H264_LEVEL_5_2] = { 52, 2073600, 36864, 240000 },
	[HANTRO_H264_LEVEL_6_0] = { 60, 4177920, 139264, 240000 },
	[HANTRO_H264_LEVEL_6_1] = { 61, 8355840, 139264, 480000 },
	[HANTRO_H264_LEVEL_6_2] = { 62, 16711680, 139264, 800000 },
};

/**
 * hantro_h264_profile_syntax() - how the SPS names a profile
 * @profile:		the profile
 * @profile_idc:	out: its profile_idc
 * @constraint_flags:	out: its constraint_set flags
 */
void hantro_h264_profile_syntax(enum hantro_h264_profile profile, u8 *profile_idc,
				u8 *constraint_flags)
{
	switch (profile) {
	case HANTRO_H264_PROFILE_CONSTRAINED_BASELINE:
		*profile_idc = H264_PROFILE_IDC_BASELINE;
		*constraint_flags = H264_CONSTRAINT_SET0_FLAG | H264_CONSTRAINT_SET1_FLAG;
		break;
	case HANTRO_H264_PROFILE_BASELINE:
		*profile_idc = H264_PROFILE_IDC_BASELINE;
		*constraint_flags = H264_CONSTRAINT_SET0_FLAG;
		break;
	case HANTRO_H264_PROFILE_HIGH:
		*profile_idc = H264_PROFILE_IDC_HIGH;
		*constraint_flags = 0;
		break;
	default:
		*profile_idc = H264_PROFILE_IDC_MAIN;
		*constraint_flags = 0;
		break;
	}
}

/**
 * hantro_h264_min_level() - the lowest level a stream fits
 * @mbs:		macroblocks per picture
 * @mbs_per_sec:	macroblocks per second
 * @bitrate:		bits per second (the peak for VBR)
 *
 * Return: the level; the highest when nothing fits.
 */
enum hantro_h264_level hantro_h264_min_level(unsigned int mbs, u64 mbs_per_sec, u32 bitrate)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(hantro_h264_level_limits); i++) {
		const struct hantro_h264_level_limits *l = &hantro_h264_level_limits[i];

		if (mbs <= l->max_fs && mbs_per_sec <= l->max_mbps &&
		    bitrate <= (u64)l->max_br * 1000)
			return i;
	}
	return ARRAY_SIZE(hantro_h264_level_limits) - 1;
}

/**
 * hantro_h264_level_idc() - level_idc of a level
 * @level:		the level
 * @profile_idc:	the stream's profile_idc: High has its own code for 1b
 * @constraint_flags:	constraint_set3_flag is added for level 1b otherwise
 *
 * Return: level_idc.
 */
u8 hantro_h264_level_idc(enum hantro_h264_level level, u8 profile_idc, u8 *constraint_flags)
{
	if (level == HANTRO_H264_LEVEL_1B && profile_idc == H264_PROFILE_IDC_HIGH)
		return H264_LEVEL_IDC_1B_HIGH;
	if (level == HANTRO_H264_LEVEL_1B)
		*constraint_flags |= H264_CONSTRAINT_SET3_FLAG;
	return hantro_h264_level_limits[min_t(unsigned int, level,
					ARRAY_SIZE(hantro_h264_level_limits) - 1)].idc;
}
