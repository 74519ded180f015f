/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual VEPU: baseline JPEG scan coder, the model of the hardware's JPEG
 * core. Plain C, also built into the host unit tests.
 */
#ifndef VEPU_JPEG_H
#define VEPU_JPEG_H

#include <linux/types.h>

#include "vepu_frame.h"

/**
 * struct vepu_jpeg_job - what the registers describe for one JPEG frame
 * @frame:	input picture
 * @qluma:	luma quantization table, raster order
 * @qchroma:	chroma quantization table, raster order
 * @out:	where the scan goes: the 8-byte-aligned word at or before the
 *		end of the software-written header
 * @out_size:	bytes available at @out
 * @hdr_rem:	the header bytes already at @out, big-endian (HDR_REM MSB:LSB)
 * @start_bits:	how many leading bits of @hdr_rem are valid (multiple of 8)
 */
struct vepu_jpeg_job {
	struct vepu_frame frame;
	u8 qluma[64];
	u8 qchroma[64];
	u8 *out;
	size_t out_size;
	u64 hdr_rem;
	unsigned int start_bits;
};

/**
 * struct vepu_huff - canonical Huffman codes of one table (T.81 Annex C)
 * @code: code of each symbol
 * @len: its length in bits, 0 for symbols the table lacks
 */
struct vepu_huff {
	u16 code[256];
	u8 len[256];
};

/**
 * struct vepu_bitwriter - MSB-first bit writer with 0xff byte stuffing
 * @buf: output
 * @size: its size
 * @pos: bytes written
 * @acc: bits not yet written
 * @bits: number of bits in @acc
 * @overflow: @buf was too small
 */
struct vepu_bitwriter {
	u8 *buf;
	size_t size;
	size_t pos;
	u32 acc;
	unsigned int bits;
	bool overflow;
};

/**
 * struct vepu_jpeg_state - the JPEG core's working state
 * @bw: output bit writer
 * @dc: DC tables, luma and chroma
 * @ac: AC tables, luma and chroma
 * @pred: DC predictors of Y, Cb, Cr
 */
struct vepu_jpeg_state {
	struct vepu_bitwriter bw;
	struct vepu_huff dc[2];
	struct vepu_huff ac[2];
	int pred[3];
};

int vepu_jpeg_encode(struct vepu_jpeg_state *st, const struct vepu_jpeg_job *job,
		     size_t *written);

#endif /* VEPU_JPEG_H */
