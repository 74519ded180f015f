/* SPDX-License-Identifier: GPL-2.0 */
/*
 * H.264 bit writer shared by the driver (SPS/PPS) and the virtual VEPU
 * (slices): MSB-first bits, Exp-Golomb codes and emulation prevention
 * (ITU-T H.264 7.4.1) applied while bytes are emitted. Header-only so that
 * both modules and the host tests use the same code without sharing an
 * object file.
 */
#ifndef H264_BITWRITER_H
#define H264_BITWRITER_H

#include <linux/types.h>

/**
 * struct h264_bw - bit writer state
 * @buf:	output
 * @size:	bytes available at @buf
 * @pos:	bytes emitted
 * @cache:	bits not yet emitted, right-aligned
 * @bits:	number of bits in @cache (0..7 between calls)
 * @escape:	insert emulation prevention bytes (inside a NAL unit payload)
 * @zeros:	consecutive zero bytes just emitted
 * @overflow:	a byte did not fit; the output is incomplete
 */
struct h264_bw {
	u8 *buf;
	size_t size;
	size_t pos;
	u64 cache;
	unsigned int bits;
	bool escape;
	unsigned int zeros;
	bool overflow;
};

static inline void h264_bw_init(struct h264_bw *bw, u8 *buf, size_t size)
{
	*bw = (struct h264_bw){ .buf = buf, .size = size };
}

static inline void h264_bw_emit(struct h264_bw *bw, u8 byte)
{
	if (bw->escape && bw->zeros >= 2 && byte <= 3) {
		if (bw->pos < bw->size)
			bw->buf[bw->pos++] = 3;
		else
			bw->overflow = true;
		bw->zeros = 0;
	}
	if (bw->pos < bw->size)
		bw->buf[bw->pos++] = byte;
	else
		bw->overflow = true;
	bw->zeros = byte ? 0 : bw->zeros + 1;
}

/* Append the low @n bits of @val, n <= 32. */
static inline void h264_bw_put(struct h264_bw *bw, unsigned int n, u32 val)
{
	if (!n)
		return;
	bw->cache = (bw->cache << n) | (val & (u32)((1ULL << n) - 1));
	bw->bits += n;
	while (bw->bits >= 8) {
		bw->bits -= 8;
		h264_bw_emit(bw, bw->cache >> bw->bits);
	}
	bw->cache &= (1ULL << bw->bits) - 1;
}

static inline void h264_bw_ue(struct h264_bw *bw, u32 val)
{
	u64 v = (u64)val + 1;
	unsigned int len = 0;

	while ((v >> len) > 1)
		len++;
	/* len leading zeros, then the len + 1 bits of val + 1 */
	h264_bw_put(bw, len, 0);
	if (len + 1 > 32) {
		h264_bw_put(bw, 1, 1);
		h264_bw_put(bw, len, (u32)v);
	} else {
		h264_bw_put(bw, len + 1, (u32)v);
	}
}

static inline void h264_bw_se(struct h264_bw *bw, int val)
{
	h264_bw_ue(bw, val > 0 ? 2 * (u32)val - 1 : 2 * (u32)(-val));
}

/* rbsp_trailing_bits(): a one, then zeros up to the byte boundary. */
static inline void h264_bw_trailing(struct h264_bw *bw)
{
	h264_bw_put(bw, 1, 1);
	if (bw->bits)
		h264_bw_put(bw, 8 - bw->bits, 0);
}

/* An Annex B start code and a NAL unit header; escaping starts after it. */
static inline void h264_bw_nal_start(struct h264_bw *bw, unsigned int ref_idc,
				     unsigned int type)
{
	bw->escape = false;
	h264_bw_put(bw, 32, 1);
	h264_bw_put(bw, 8, (ref_idc << 5) | type);
	bw->escape = true;
	bw->zeros = 0;
}

#endif /* H264_BITWRITER_H */
