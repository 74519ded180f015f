/* SPDX-License-Identifier: GPL-2.0 */
/*
 * H.264 syntax values the encoder writes (ITU-T H.264 (08/2021)): NAL unit
 * types, profiles and constraint flags, levels, and the VUI's video signal
 * codes. Plain C, shared by the codec layer, the virtual VEPU and the host
 * tests.
 */
#ifndef H264_SYNTAX_H
#define H264_SYNTAX_H

/**
 * enum h264_nal_unit_type - nal_unit_type (Table 7-1)
 * @H264_NAL_SLICE: coded slice of a non-IDR picture
 * @H264_NAL_IDR_SLICE: coded slice of an IDR picture
 * @H264_NAL_SPS: sequence parameter set
 * @H264_NAL_PPS: picture parameter set
 */
enum h264_nal_unit_type {
	H264_NAL_SLICE = 1,
	H264_NAL_IDR_SLICE = 5,
	H264_NAL_SPS = 7,
	H264_NAL_PPS = 8,
};

/* nal_ref_idc: parameter sets and IDR pictures, and P reference pictures. */
#define H264_NAL_REF_IDC_HIGHEST	3
#define H264_NAL_REF_IDC_HIGH		2

/**
 * enum h264_slice_type - slice_type (Table 7-6), the values that say every
 *			  slice of the picture has that type
 * @H264_SLICE_TYPE_P_ALL: P
 * @H264_SLICE_TYPE_I_ALL: I
 */
enum h264_slice_type {
	H264_SLICE_TYPE_P_ALL = 5,
	H264_SLICE_TYPE_I_ALL = 7,
};

/**
 * enum h264_profile_idc - profile_idc (Annex A)
 * @H264_PROFILE_IDC_BASELINE: Baseline, and Constrained Baseline with
 *	constraint_set1_flag
 * @H264_PROFILE_IDC_MAIN: Main
 * @H264_PROFILE_IDC_HIGH: High
 */
enum h264_profile_idc {
	H264_PROFILE_IDC_BASELINE = 66,
	H264_PROFILE_IDC_MAIN = 77,
	H264_PROFILE_IDC_HIGH = 100,
};

/* constraint_set0..5_flag as one byte, set0 in the top bit (7.3.2.1.1). */
#define H264_CONSTRAINT_SET0_FLAG	0x80
#define H264_CONSTRAINT_SET1_FLAG	0x40
#define H264_CONSTRAINT_SET3_FLAG	0x10

/*
 * Level 1b: level_idc 11 with constraint_set3_flag in Baseline and Main
 * profile streams, level_idc 9 in High profile ones (A.3.1, A.3.3).
 */
#define H264_LEVEL_IDC_1B_HIGH		9

/* video_format (Table E-2) when the source is none of the analogue ones. */
#define H264_VIDEO_FORMAT_UNSPECIFIED	5

/**
 * enum h264_colour_primaries - colour_primaries (Table E-3)
 * @H264_PRIMARIES_BT709: Rec. ITU-R BT.709, sRGB
 * @H264_PRIMARIES_UNSPECIFIED: unspecified
 * @H264_PRIMARIES_BT470M: Rec. ITU-R BT.470 System M
 * @H264_PRIMARIES_BT470BG: Rec. ITU-R BT.470 System B, G; BT.601 625
 * @H264_PRIMARIES_SMPTE170M: SMPTE 170M; BT.601 525
 * @H264_PRIMARIES_SMPTE240M: SMPTE 240M
 * @H264_PRIMARIES_BT2020: Rec. ITU-R BT.2020
 * @H264_PRIMARIES_SMPTE431: SMPTE RP 431-2 (DCI-P3)
 */
enum h264_colour_primaries {
	H264_PRIMARIES_BT709 = 1,
	H264_PRIMARIES_UNSPECIFIED = 2,
	H264_PRIMARIES_BT470M = 4,
	H264_PRIMARIES_BT470BG = 5,
	H264_PRIMARIES_SMPTE170M = 6,
	H264_PRIMARIES_SMPTE240M = 7,
	H264_PRIMARIES_BT2020 = 9,
	H264_PRIMARIES_SMPTE431 = 11,
};

/**
 * enum h264_transfer_characteristics - transfer_characteristics (Table E-4)
 * @H264_TRANSFER_BT709: Rec. ITU-R BT.709
 * @H264_TRANSFER_UNSPECIFIED: unspecified
 * @H264_TRANSFER_BT601: Rec. ITU-R BT.601 (the BT.709 curve, named so)
 * @H264_TRANSFER_SMPTE240M: SMPTE 240M
 * @H264_TRANSFER_LINEAR: linear
 * @H264_TRANSFER_SRGB: IEC 61966-2-1 (sRGB)
 * @H264_TRANSFER_PQ: SMPTE ST 2084
 */
enum h264_transfer_characteristics {
	H264_TRANSFER_BT709 = 1,
	H264_TRANSFER_UNSPECIFIED = 2,
	H264_TRANSFER_BT601 = 6,
	H264_TRANSFER_SMPTE240M = 7,
	H264_TRANSFER_LINEAR = 8,
	H264_TRANSFER_SRGB = 13,
	H264_TRANSFER_PQ = 16,
};

/**
 * enum h264_matrix_coefficients - matrix_coefficients (Table E-5)
 * @H264_MATRIX_BT709: Rec. ITU-R BT.709
 * @H264_MATRIX_UNSPECIFIED: unspecified
 * @H264_MATRIX_BT470BG: Rec. ITU-R BT.470 System B, G; BT.601 625
 * @H264_MATRIX_SMPTE170M: SMPTE 170M; BT.601 525
 * @H264_MATRIX_SMPTE240M: SMPTE 240M
 * @H264_MATRIX_BT2020_NCL: Rec. ITU-R BT.2020 non-constant luminance
 * @H264_MATRIX_BT2020_CL: Rec. ITU-R BT.2020 constant luminance
 */
enum h264_matrix_coefficients {
	H264_MATRIX_BT709 = 1,
	H264_MATRIX_UNSPECIFIED = 2,
	H264_MATRIX_BT470BG = 5,
	H264_MATRIX_SMPTE170M = 6,
	H264_MATRIX_SMPTE240M = 7,
	H264_MATRIX_BT2020_NCL = 9,
	H264_MATRIX_BT2020_CL = 10,
};

#endif /* H264_SYNTAX_H */
