// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: baseline JPEG scan coder (ITU-T T.81).
 *
 * Codes 4:2:0 MCUs (four luma blocks, then Cb, then Cr) with an integer
 * forward DCT, the quantization tables from the registers and the Annex K
 * Huffman tables the Hantro JPEG core has built in, then appends EOI as the
 * hardware does. Integer only, so the same code runs in the kernel.
 */

#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>

#include "jpeg_tables.h"
#include "vepu_jpeg.h"

/*
 * DCT basis, 2^14 * C(u)/2 * cos((2x+1)u*pi/16), C(0) = 1/sqrt(2): the 8-point
 * DCT-II of T.81 A.3.3 split in two separable passes.
 */
static const s32 vepu_dct_basis[8][8] = {
	{ 5793, 5793, 5793, 5793, 5793, 5793, 5793, 5793 },
	{ 8035, 6811, 4551, 1598, -1598, -4551, -6811, -8035 },
	{ 7568, 3135, -3135, -7568, -7568, -3135, 3135, 7568 },
	{ 6811, -1598, -8035, -4551, 4551, 8035, 1598, -6811 },
	{ 5793, -5793, -5793, 5793, 5793, -5793, -5793, 5793 },
	{ 4551, -8035, 1598, 6811, -6811, -1598, 8035, -4551 },
	{ 3135, -7568, 7568, -3135, -3135, 7568, -7568, 3135 },
	{ 1598, -4551, 6811, -8035, 8035, -6811, 4551, -1598 },
};

static void vepu_huff_build(struct vepu_huff *h, const struct jpeg_huff_spec *spec)
{
	unsigned int len, i, k = 0;
	u16 code = 0;

	memset(h, 0, sizeof(*h));
	for (len = 1; len <= 16; len++) {
		for (i = 0; i < spec->counts[len - 1]; i++, k++) {
			h->code[spec->symbols[k]] = code++;
			h->len[spec->symbols[k]] = len;
		}
		code <<= 1;
	}
}

static void vepu_put_byte(struct vepu_bitwriter *bw, u8 b)
{
	if (bw->pos >= bw->size) {
		bw->overflow = true;
		return;
	}
	bw->buf[bw->pos++] = b;
}

static void vepu_put_bits(struct vepu_bitwriter *bw, u32 value, unsigned int n)
{
	bw->acc = (bw->acc << n) | (value & ((1u << n) - 1));
	bw->bits += n;
	while (bw->bits >= 8) {
		u8 b = bw->acc >> (bw->bits - 8);

		bw->bits -= 8;
		vepu_put_byte(bw, b);
		/* A coded 0xff is followed by a stuffed zero byte (F.1.2.3). */
		if (b == 0xff)
			vepu_put_byte(bw, 0);
	}
	bw->acc &= (1u << bw->bits) - 1;
}

/* The magnitude category SSSS of a coefficient and its appended bits. */
static unsigned int vepu_category(int v, u32 *extra)
{
	unsigned int a = v < 0 ? -v : v, n = 0;

	while (a >> n)
		n++;
	*extra = v < 0 ? (u32)(v - 1) : (u32)v;
	return n;
}

static void vepu_put_symbol(struct vepu_bitwriter *bw, const struct vepu_huff *h, u8 sym)
{
	vepu_put_bits(bw, h->code[sym], h->len[sym]);
}

static void vepu_fdct_quant(const u8 *src, unsigned int stride, const u8 *q, int out[64])
{
	s32 tmp[8][8];
	unsigned int u, v, x, y;

	for (y = 0; y < 8; y++) {
		for (u = 0; u < 8; u++) {
			s32 acc = 0;

			for (x = 0; x < 8; x++)
				acc += vepu_dct_basis[u][x] * ((int)src[y * stride + x] - 128);
			tmp[y][u] = acc;
		}
	}
	for (v = 0; v < 8; v++) {
		for (u = 0; u < 8; u++) {
			s64 acc = 0;
			s32 f, div;

			for (y = 0; y < 8; y++)
				acc += (s64)vepu_dct_basis[v][y] * tmp[y][u];
			/* Back to a 2^14 scale, then divide rounding to nearest. */
			f = (s32)((acc + (1 << 13)) >> 14);
			div = (s32)q[v * 8 + u] << 14;
			out[v * 8 + u] = f >= 0 ? (f + div / 2) / div : -((-f + div / 2) / div);
		}
	}
}

static void vepu_code_block(struct vepu_jpeg_state *s, const u8 *src, unsigned int stride,
			    const u8 *q, unsigned int comp)
{
	const struct vepu_huff *dc = &s->dc[comp ? 1 : 0], *ac = &s->ac[comp ? 1 : 0];
	unsigned int k, run = 0, n;
	int coef[64];
	u32 extra;

	vepu_fdct_quant(src, stride, q, coef);

	n = vepu_category(coef[0] - s->pred[comp], &extra);
	s->pred[comp] = coef[0];
	vepu_put_symbol(&s->bw, dc, n);
	if (n)
		vepu_put_bits(&s->bw, extra, n);

	for (k = 1; k < 64; k++) {
		int c = coef[zigzag8x8_to_raster[k]];

		if (!c) {
			run++;
			continue;
		}
		while (run > 15) {
			vepu_put_symbol(&s->bw, ac, 0xf0);	/* ZRL */
			run -= 16;
		}
		n = vepu_category(c, &extra);
		vepu_put_symbol(&s->bw, ac, run << 4 | n);
		vepu_put_bits(&s->bw, extra, n);
		run = 0;
	}
	if (run)
		vepu_put_symbol(&s->bw, ac, 0x00);		/* EOB */
}

/**
 * vepu_jpeg_encode() - code the scan of one frame and append EOI
 * @st:		coder state (the tables and the bit writer)
 * @job:	the frame and its output buffer
 * @written:	bytes written to @job->out, the header's handed-over bytes
 *		included
 *
 * Return: 0, -EINVAL when the registers describe no valid frame, -ENOSPC
 * when the scan does not fit (the hardware's buffer-full condition),
 * -ECANCELED when a reset stopped the frame.
 */
int vepu_jpeg_encode(struct vepu_jpeg_state *st, const struct vepu_jpeg_job *job,
		     size_t *written)
{
	const struct vepu_frame *f = &job->frame;
	struct vepu_mb mb;
	unsigned int mbx, mby, b;

	*written = 0;
	if (vepu_frame_check(f) || job->start_bits > 56 || job->start_bits % 8)
		return -EINVAL;

	memset(&st->bw, 0, sizeof(st->bw));
	st->bw.buf = job->out;
	st->bw.size = job->out_size;
	memset(st->pred, 0, sizeof(st->pred));
	vepu_huff_build(&st->dc[0], &jpeg_k3_luma_dc);
	vepu_huff_build(&st->dc[1], &jpeg_k4_chroma_dc);
	vepu_huff_build(&st->ac[0], &jpeg_k5_luma_ac);
	vepu_huff_build(&st->ac[1], &jpeg_k6_chroma_ac);
	/* The header's last bytes, which software left in HDR_REM, go first. */
	for (b = 0; b < job->start_bits / 8; b++)
		vepu_put_byte(&st->bw, job->hdr_rem >> (56 - 8 * b));

	for (mby = 0; mby < f->mb_height && !st->bw.overflow; mby++) {
		if (vepu_frame_stopped(f))
			return -ECANCELED;
		for (mbx = 0; mbx < f->mb_width; mbx++) {
			vepu_frame_fetch_mb(f, mbx, mby, &mb);
			for (b = 0; b < 4; b++)
				vepu_code_block(st, mb.y + (b / 2) * 128 + (b % 2) * 8, 16,
						job->qluma, 0);
			vepu_code_block(st, mb.cb, 8, job->qchroma, 1);
			vepu_code_block(st, mb.cr, 8, job->qchroma, 2);
		}
	}
	/* Pad the last byte with ones (F.1.2.3), then EOI. */
	if (st->bw.bits)
		vepu_put_bits(&st->bw, 0x7f, 8 - st->bw.bits);
	vepu_put_byte(&st->bw, HANTRO_JPEG_MARKER_PREFIX);
	vepu_put_byte(&st->bw, HANTRO_JPEG_EOI);

	*written = st->bw.overflow ? st->bw.size : st->bw.pos;
	return st->bw.overflow ? -ENOSPC : 0;
}
