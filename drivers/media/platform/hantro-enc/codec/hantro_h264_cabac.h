/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the CABAC context initialisation table the encoder reads.
 *
 * For CABAC the hardware does not compute the initial context states
 * itself: it reads them, for the slice's QP, from a table in memory whose
 * address is in the CABAC table register. The layout (Rockchip MPP,
 * hal_h264e_vepu_v2.c, vepu_write_cabac_table()) is, for each QP 0..51,
 * two rows of 464 bytes: the I-slice states, then the P-slice states of
 * the cabac_init_idc the table was built for; ctxIdx 0..459 are used. Each
 * byte is pStateIdx << 1 | valMPS, and every 8-byte word is stored with
 * its bytes reversed (the bus reads 64-bit big-endian words).
 */
#ifndef HANTRO_H264_CABAC_H
#define HANTRO_H264_CABAC_H

#include <linux/types.h>

#define HANTRO_H264_CABAC_CTXS		460
#define HANTRO_H264_CABAC_ROW		464
#define HANTRO_H264_CABAC_TABLE_SIZE	(52 * 2 * HANTRO_H264_CABAC_ROW)

/* Where the state of @ctx for slices of @qp (P slices if @inter) is stored. */
static inline size_t hantro_h264_cabac_offset(unsigned int qp, bool inter, unsigned int ctx)
{
	return ((qp * 2 + inter) * HANTRO_H264_CABAC_ROW + ctx) ^ 7;
}

void hantro_h264_cabac_table(u8 *table, unsigned int cabac_init_idc);

#endif /* HANTRO_H264_CABAC_H */
