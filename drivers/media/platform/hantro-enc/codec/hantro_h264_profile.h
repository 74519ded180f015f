/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: H.264 profiles and levels (Annex A) as the encoder offers
 * them. Plain C, also built into the host unit tests.
 */
#ifndef HANTRO_H264_PROFILE_H
#define HANTRO_H264_PROFILE_H

#include <linux/types.h>

/**
 * enum hantro_h264_profile - the profiles the encoder produces
 * @HANTRO_H264_PROFILE_BASELINE: Baseline
 * @HANTRO_H264_PROFILE_CONSTRAINED_BASELINE: Constrained Baseline
 * @HANTRO_H264_PROFILE_MAIN: Main
 * @HANTRO_H264_PROFILE_HIGH: High
 */
enum hantro_h264_profile {
	HANTRO_H264_PROFILE_BASELINE,
	HANTRO_H264_PROFILE_CONSTRAINED_BASELINE,
	HANTRO_H264_PROFILE_MAIN,
	HANTRO_H264_PROFILE_HIGH,
};

/*
 * The levels of Table A-1 in ascending order, 1b after 1; the order of
 * V4L2's H.264 level menu, which the controls map by value.
 */
enum hantro_h264_level {
	HANTRO_H264_LEVEL_1_0,
	HANTRO_H264_LEVEL_1B,
	HANTRO_H264_LEVEL_1_1,
	HANTRO_H264_LEVEL_1_2,
	HANTRO_H264_LEVEL_1_3,
	HANTRO_H264_LEVEL_2_0,
	HANTRO_H264_LEVEL_2_1,
	HANTRO_H264_LEVEL_2_2,
	HANTRO_H264_LEVEL_3_0,
	HANTRO_H264_LEVEL_3_1,
	HANTRO_H264_LEVEL_3_2,
	HANTRO_H264_LEVEL_4_0,
	HANTRO_H264_LEVEL_4_1,
	HANTRO_H264_LEVEL_4_2,
	HANTRO_H264_LEVEL_5_0,
	HANTRO_H264_LEVEL_5_1,
	HANTRO_H264_LEVEL_5_2,
	HANTRO_H264_LEVEL_6_0,
	HANTRO_H264_LEVEL_6_1,
	HANTRO_H264_LEVEL_6_2,
};

void hantro_h264_profile_syntax(enum hantro_h264_profile profile, u8 *profile_idc,
				u8 *constraint_flags);
enum hantro_h264_level hantro_h264_min_level(unsigned int mbs, u64 mbs_per_sec, u32 bitrate);
u8 hantro_h264_level_idc(enum hantro_h264_level level, u8 profile_idc, u8 *constraint_flags);

#endif /* HANTRO_H264_PROFILE_H */
