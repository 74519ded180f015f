// SPDX-License-Identifier: GPL-2.0
/*
 * JPEG header writer for the Hantro encoders.
 *
 * The hardware writes the entropy-coded scan of a baseline 4:2:0 JPEG, with
 * its built-in Annex K Huffman tables, to an 8-byte aligned address. The
 * driver writes SOI, DQT, SOF0, DHT and SOS in front of it and pads the
 * header with a COM segment so that the scan starts 8-byte aligned. Plain C:
 * the host unit tests build this file too.
 */

#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>

#include "hantro_jpeg_hdr.h"
#include "jpeg_hw_qorder.h"
#include "jpeg_tables.h"

/* Table K.1 and K.2: example luminance and chrominance quantization tables. */
static const u8 jpeg_k1_luma_quant[JPEG_BLOCK_SIZE] = {
	16, 11, 10, 16, 24, 40, 51, 61,
	12, 12, 14, 19, 26, 58, 60, 55,
	14, 13, 16, 24, 40, 57, 69, 56,
	14, 17, 22, 29, 51, 87, 80, 62,
	18, 22, 37, 56, 68, 109, 103, 77,
	24, 35, 55, 64, 81, 104, 113, 92,
	49, 64, 78, 87, 103, 121, 120, 101,
	72, 92, 95, 98, 112, 100, 103, 99,
};

static const u8 jpeg_k2_chroma_quant[JPEG_BLOCK_SIZE] = {
	17, 18, 24, 47, 99, 99, 99, 99,
	18, 21, 26, 66, 99, 99, 99, 99,
	24, 26, 56, 99, 99, 99, 99, 99,
	47, 66, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
};

static u8 hantro_jpeg_scale(u8 base, unsigned int scale)
{
	unsigned int v = (base * scale + 50) / 100;

	if (v < 1)
		return 1;
	return v > 255 ? 255 : v;
}

/**
 * hantro_jpeg_quant_tables() - quality-scaled quantization tables
 * @quality:	1..100 (clamped)
 * @q:		the tables, raster order
 *
 * Uses the libjpeg scaling (5000/q below 50, 200-2q above) so that a given
 * quality gives the tables users know from other encoders.
 */
void hantro_jpeg_quant_tables(unsigned int quality, struct hantro_jpeg_quant *q)
{
	unsigned int scale, i;

	quality = quality < 1 ? 1 : quality > 100 ? 100 : quality;
	scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
	for (i = 0; i < 64; i++) {
		q->luma[i] = hantro_jpeg_scale(jpeg_k1_luma_quant[i], scale);
		q->chroma[i] = hantro_jpeg_scale(jpeg_k2_chroma_quant[i], scale);
	}
}

/**
 * hantro_jpeg_quant_regs() - pack a table for the quantization registers
 * @table:	raster order
 * @regs:	register values, in register order
 */
void hantro_jpeg_quant_regs(const u8 table[64], u32 regs[HANTRO_JPEG_QUANT_REGS])
{
	unsigned int r, b;

	for (r = 0; r < HANTRO_JPEG_QUANT_REGS; r++) {
		regs[r] = 0;
		for (b = 0; b < 4; b++)
			regs[r] = regs[r] << 8 | table[jpeg_hw_qtable_raster(r * 4 + b)];
	}
}

/* A byte sink that records overflow instead of writing past the end. */
struct hantro_jpeg_out {
	u8 *buf;
	size_t size;
	size_t pos;
};

static void out_u8(struct hantro_jpeg_out *o, u8 v)
{
	if (o->pos < o->size)
		o->buf[o->pos] = v;
	o->pos++;
}

static void out_u16(struct hantro_jpeg_out *o, u16 v)
{
	out_u8(o, v >> 8);
	out_u8(o, v & 0xff);
}

static void out_marker(struct hantro_jpeg_out *o, u8 marker, u16 payload_len)
{
	out_u8(o, HANTRO_JPEG_MARKER_PREFIX);
	out_u8(o, marker);
	out_u16(o, payload_len + 2);
}

static void out_dqt(struct hantro_jpeg_out *o, u8 id, const u8 table[64])
{
	unsigned int k;

	out_marker(o, HANTRO_JPEG_DQT, 1 + 64);
	out_u8(o, id);			/* Pq = 0 (8-bit), Tq = id */
	for (k = 0; k < 64; k++)
		out_u8(o, table[zigzag8x8_to_raster[k]]);
}

static void out_dht(struct hantro_jpeg_out *o, u8 class_id,
		    const struct jpeg_huff_spec *h)
{
	unsigned int i;

	out_marker(o, HANTRO_JPEG_DHT, 1 + 16 + h->num_symbols);
	out_u8(o, class_id);		/* Tc << 4 | Th */
	for (i = 0; i < 16; i++)
		out_u8(o, h->counts[i]);
	for (i = 0; i < h->num_symbols; i++)
		out_u8(o, h->symbols[i]);
}

/**
 * hantro_jpeg_write_header() - write the JPEG header in front of the scan
 * @buf:	start of the CAPTURE buffer
 * @size:	its size
 * @p:		frame parameters
 * @q:		quantization tables (as also programmed into the hardware)
 *
 * Return: the header length, a multiple of 8 where the hardware continues,
 * or -ENOSPC when @size cannot hold it, -EINVAL for a size JPEG cannot code.
 */
int hantro_jpeg_write_header(u8 *buf, size_t size,
			     const struct hantro_jpeg_params *p,
			     const struct hantro_jpeg_quant *q)
{
	struct hantro_jpeg_out o = { .buf = buf, .size = size };
	unsigned int pad;

	if (!p->width || !p->height || p->width > 65535 || p->height > 65535)
		return -EINVAL;

	out_u8(&o, HANTRO_JPEG_MARKER_PREFIX);
	out_u8(&o, HANTRO_JPEG_SOI);
	out_dqt(&o, 0, q->luma);
	out_dqt(&o, 1, q->chroma);

	out_marker(&o, HANTRO_JPEG_SOF0, 6 + 3 * 3);
	out_u8(&o, 8);
	out_u16(&o, p->height);
	out_u16(&o, p->width);
	out_u8(&o, 3);
	out_u8(&o, 1); out_u8(&o, 0x22); out_u8(&o, 0);	/* Y: 2x2, Tq 0 */
	out_u8(&o, 2); out_u8(&o, 0x11); out_u8(&o, 1);	/* Cb: 1x1, Tq 1 */
	out_u8(&o, 3); out_u8(&o, 0x11); out_u8(&o, 1);	/* Cr: 1x1, Tq 1 */

	out_dht(&o, 0x00, &jpeg_k3_luma_dc);
	out_dht(&o, 0x10, &jpeg_k5_luma_ac);
	out_dht(&o, 0x01, &jpeg_k4_chroma_dc);
	out_dht(&o, 0x11, &jpeg_k6_chroma_ac);

	/* COM padding: SOS (14 bytes) must end on an 8-byte boundary. */
	pad = (8 - (o.pos + 4 + 14) % 8) % 8;
	out_marker(&o, HANTRO_JPEG_COM, pad);
	while (pad--)
		out_u8(&o, 0);

	out_marker(&o, HANTRO_JPEG_SOS, 1 + 3 * 2 + 3);
	out_u8(&o, 3);
	out_u8(&o, 1); out_u8(&o, 0x00);
	out_u8(&o, 2); out_u8(&o, 0x11);
	out_u8(&o, 3); out_u8(&o, 0x11);
	out_u8(&o, 0);			/* Ss */
	out_u8(&o, 63);			/* Se */
	out_u8(&o, 0);			/* Ah, Al */

	if (o.pos > size)
		return -ENOSPC;
	return o.pos;
}
