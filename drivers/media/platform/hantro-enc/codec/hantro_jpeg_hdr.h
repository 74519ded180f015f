/* SPDX-License-Identifier: GPL-2.0 */
/*
 * JPEG header writer for the Hantro encoders: the hardware codes only the
 * entropy-coded scan, so the driver writes everything before it.
 */
#ifndef HANTRO_JPEG_HDR_H
#define HANTRO_JPEG_HDR_H

#include <linux/types.h>

#define HANTRO_JPEG_QUANT_REGS	16

/* Largest header hantro_jpeg_write_header() produces, in bytes. */
#define HANTRO_JPEG_HDR_MAX	640

/**
 * struct hantro_jpeg_params - what a JPEG frame header depends on
 * @width:	visible width in pixels, written into SOF0
 * @height:	visible height in pixels, written into SOF0
 * @quality:	1..100, scales the Annex K example tables as libjpeg does
 */
struct hantro_jpeg_params {
	unsigned int width;
	unsigned int height;
	unsigned int quality;
};

/**
 * struct hantro_jpeg_quant - scaled quantization tables
 * @luma:	luma table, raster order
 * @chroma:	chroma table, raster order
 */
struct hantro_jpeg_quant {
	u8 luma[64];
	u8 chroma[64];
};

void hantro_jpeg_quant_tables(unsigned int quality, struct hantro_jpeg_quant *q);
void hantro_jpeg_quant_regs(const u8 table[64], u32 regs[HANTRO_JPEG_QUANT_REGS]);
int hantro_jpeg_write_header(u8 *buf, size_t size,
			     const struct hantro_jpeg_params *p,
			     const struct hantro_jpeg_quant *q);

#endif /* HANTRO_JPEG_HDR_H */
