/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the VP8 probability table the hardware reads (the H.264
 * CABAC table register, 0x0cc on H1, 0x144 on VEPU2, with its enable bit
 * set) and fills its macroblock headers and tokens from. The layout is
 * Rockchip MPP's (hal_vp8e_entropy.c, vp8e_write_entropy_tables) and
 * Hantro's, checked against the tables MPP wrote in its register traces;
 * see Documentation/driver-api/hantro-enc-vp8-vendor.md, section 2.1.
 * The driver writes it and the virtual VEPU reads it through these.
 */
#ifndef HANTRO_VP8_PROBTBL_H
#define HANTRO_VP8_PROBTBL_H

#include <linux/types.h>

#define HANTRO_VP8_PROB_TABLE_SIZE	1208

/* Byte offsets in the table before the byte swap below. */
#define HANTRO_VP8_TBL_SKIP		0
#define HANTRO_VP8_TBL_INTRA		1
#define HANTRO_VP8_TBL_LAST		2
#define HANTRO_VP8_TBL_GOLDEN		3
#define HANTRO_VP8_TBL_SEGMENT		4	/* three tree probabilities */
#define HANTRO_VP8_TBL_YMODE		8	/* four */
#define HANTRO_VP8_TBL_UVMODE		12	/* three */
/*
 * Vector probabilities: column (x) then row (y) for is-short and sign,
 * long bits 8 and 9 of x then of y, long bits 0..7 of x, of y, then the
 * short trees of x and of y (seven each, in eight bytes).
 */
#define HANTRO_VP8_TBL_MV_IS_SHORT	16
#define HANTRO_VP8_TBL_MV_SIGN		18
#define HANTRO_VP8_TBL_MV_LONG_HIGH	20
#define HANTRO_VP8_TBL_MV_LONG		24
#define HANTRO_VP8_TBL_MV_SHORT		40
/*
 * Coefficient probabilities, per block type, band and context: nodes 0-2
 * in four bytes from 56, nodes 4-10 then 3 in eight bytes from 440.
 */
#define HANTRO_VP8_TBL_COEF_LOW		56
#define HANTRO_VP8_TBL_COEF_HIGH	440

/*
 * The hardware reads the table as big-endian 64-bit words: byte @i of the
 * layout above is stored at the mirrored place in its 8-byte group.
 */
static inline unsigned int hantro_vp8_tbl_pos(unsigned int i)
{
	return (i & ~7u) | (7 - (i & 7));
}

#endif /* HANTRO_VP8_PROBTBL_H */
