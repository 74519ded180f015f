/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The zig-zag scan of an 8x8 block, shared by JPEG (T.81 Figure A.6) and
 * H.264 8x8 transform blocks in frame macroblocks (ITU-T H.264 Table
 * 8-13, the same order).
 */
#ifndef HANTRO_ZIGZAG8X8_H
#define HANTRO_ZIGZAG8X8_H

#include <linux/types.h>

/* Scan position k -> raster index (row * 8 + column) of the 8x8 block. */
static const u8 zigzag8x8_to_raster[64] = {
	0, 1, 8, 16, 9, 2, 3, 10,
	17, 24, 32, 25, 18, 11, 4, 5,
	12, 19, 26, 33, 40, 48, 41, 34,
	27, 20, 13, 6, 7, 14, 21, 28,
	35, 42, 49, 56, 57, 50, 43, 36,
	29, 22, 15, 23, 30, 37, 44, 51,
	58, 59, 52, 45, 38, 31, 39, 46,
	53, 60, 61, 54, 47, 55, 62, 63,
};

#endif /* HANTRO_ZIGZAG8X8_H */
