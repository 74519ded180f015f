/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Order of the JPEG quantization tables in the Hantro registers: part of the
 * register contract, shared by the driver, the virtual VEPU and host tests.
 */
#ifndef JPEG_HW_QORDER_H
#define JPEG_HW_QORDER_H

/*
 * The Hantro JPEG quantization registers hold the table in the order the
 * core walks a block: pairs of columns, top four rows then bottom four,
 * four coefficients (one register, MSB first) per column. Register byte i
 * carries the coefficient at this raster index (same layout as mainline
 * drivers/media/platform/verisilicon/hantro_jpeg.c's hw_reorder).
 */
static inline unsigned int jpeg_hw_qtable_raster(unsigned int i)
{
	unsigned int group = i / 4, pair = group / 4, sub = group % 4;
	unsigned int col = 2 * pair + (sub & 1);
	unsigned int row = (sub >> 1) * 4 + i % 4;

	return row * 8 + col;
}

#endif /* JPEG_HW_QORDER_H */
