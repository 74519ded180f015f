// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: writing the VP8 frame header, RFC 6386 sections 9.1-9.11 and
 * the syntax of section 19.2, in its order.
 */

#include <linux/bits.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "hantro_vp8_hdr.h"
#include "hantro_vp8_probtbl.h"

/**
 * hantro_vp8_default_probs() - the probabilities a key frame starts from
 * @p:	out: them
 */
void hantro_vp8_default_probs(struct hantro_vp8_probs *p)
{
	memcpy(p->coef, hantro_vp8_default_coef_probs, sizeof(p->coef));
	memcpy(p->ymode, hantro_vp8_default_ymode_probs, sizeof(p->ymode));
	memcpy(p->uvmode, hantro_vp8_default_uvmode_probs, sizeof(p->uvmode));
	memcpy(p->mv, hantro_vp8_default_mv_probs, sizeof(p->mv));
}

static unsigned int hantro_vp8_qi(int base, int delta)
{
	return clamp(base + delta, 0, HANTRO_VP8_Q_INDICES - 1);
}

/**
 * hantro_vp8_dequant() - the step sizes of a frame's quantiser indices,
 * with the adjustments of RFC 6386 section 14.1 (libvpx's and FFmpeg's
 * decoders apply them too)
 * @q:	the indices
 * @dq:	out: the steps
 */
void hantro_vp8_dequant(const struct hantro_vp8_quant *q, struct hantro_vp8_dequant *dq)
{
	int b = q->y_ac_qi;

	dq->y1[0] = hantro_vp8_dc_q[hantro_vp8_qi(b, q->y_dc_delta)];
	dq->y1[1] = hantro_vp8_ac_q[hantro_vp8_qi(b, 0)];
	dq->y2[0] = hantro_vp8_dc_q[hantro_vp8_qi(b, q->y2_dc_delta)] * 2;
	dq->y2[1] = max(hantro_vp8_ac_q[hantro_vp8_qi(b, q->y2_ac_delta)] * 155 / 100, 8);
	dq->uv[0] = min_t(u16, hantro_vp8_dc_q[hantro_vp8_qi(b, q->uv_dc_delta)], 132);
	dq->uv[1] = hantro_vp8_ac_q[hantro_vp8_qi(b, q->uv_ac_delta)];
}

/**
 * hantro_vp8_write_tag() - the uncompressed start of a frame (RFC 6386
 * section 9.1): the frame tag and, on key frames, the start code and the
 * dimensions at scale 0
 * @buf:	where it goes: HANTRO_VP8_KEY_TAG_BYTES bytes at most
 * @h:		the header
 * @first_part_size: the size of the first partition, which is only known
 *		once the frame is coded
 *
 * Return: the bytes written.
 */
size_t hantro_vp8_write_tag(u8 *buf, const struct hantro_vp8_frame_hdr *h, u32 first_part_size)
{
	u32 tag = (h->key_frame ? 0 : 1) | (h->version & 7) << 1 | h->show_frame << 4 |
		  (first_part_size & HANTRO_VP8_MAX_FIRST_PART) << 5;

	buf[0] = tag;
	buf[1] = tag >> 8;
	buf[2] = tag >> 16;
	if (!h->key_frame)
		return HANTRO_VP8_TAG_BYTES;
	buf[3] = 0x9d;
	buf[4] = 0x01;
	buf[5] = 0x2a;
	buf[6] = h->width;
	buf[7] = (h->width >> 8) & 0x3f;
	buf[8] = h->height;
	buf[9] = (h->height >> 8) & 0x3f;
	return HANTRO_VP8_KEY_TAG_BYTES;
}

/* An optional delta: a flag, then the magnitude and sign when non-zero. */
static void hantro_vp8_put_delta(struct hantro_vp8_boolenc *e, int delta, unsigned int bits)
{
	hantro_vp8_put_bool(e, 128, delta);
	if (delta)
		hantro_vp8_put_signed(e, delta, bits);
}

static void hantro_vp8_put_lf_deltas(struct hantro_vp8_boolenc *e,
				     const struct hantro_vp8_frame_hdr *h)
{
	unsigned int i;

	hantro_vp8_put_bool(e, 128, h->lf_adj_enable);
	if (!h->lf_adj_enable)
		return;
	hantro_vp8_put_bool(e, 128, h->lf_delta_update);
	if (!h->lf_delta_update)
		return;
	for (i = 0; i < 8; i++) {
		bool sent = h->lf_delta_mask & BIT(i);

		hantro_vp8_put_bool(e, 128, sent);
		if (sent)
			hantro_vp8_put_signed(e, i < 4 ? h->ref_lf_deltas[i] :
					      h->mode_lf_deltas[i - 4], 6);
	}
}

static void hantro_vp8_put_quant(struct hantro_vp8_boolenc *e, const struct hantro_vp8_quant *q)
{
	hantro_vp8_put_literal(e, q->y_ac_qi, 7);
	hantro_vp8_put_delta(e, q->y_dc_delta, 4);
	hantro_vp8_put_delta(e, q->y2_dc_delta, 4);
	hantro_vp8_put_delta(e, q->y2_ac_delta, 4);
	hantro_vp8_put_delta(e, q->uv_dc_delta, 4);
	hantro_vp8_put_delta(e, q->uv_ac_delta, 4);
}

static void hantro_vp8_put_refs(struct hantro_vp8_boolenc *e, const struct hantro_vp8_frame_hdr *h)
{
	hantro_vp8_put_bool(e, 128, h->refresh_golden);
	hantro_vp8_put_bool(e, 128, h->refresh_altref);
	if (!h->refresh_golden)
		hantro_vp8_put_literal(e, h->copy_to_golden, 2);
	if (!h->refresh_altref)
		hantro_vp8_put_literal(e, h->copy_to_altref, 2);
	hantro_vp8_put_bool(e, 128, h->sign_bias_golden);
	hantro_vp8_put_bool(e, 128, h->sign_bias_altref);
}

/* Each coefficient probability that differs from before is sent. */
static void hantro_vp8_put_coef_updates(struct hantro_vp8_boolenc *e,
					const struct hantro_vp8_probs *prev,
					const struct hantro_vp8_probs *cur)
{
	const u8 *old = &prev->coef[0][0][0][0], *now = &cur->coef[0][0][0][0];
	const u8 *upd = &hantro_vp8_coef_update_probs[0][0][0][0];
	unsigned int i;

	for (i = 0; i < sizeof(cur->coef); i++) {
		hantro_vp8_put_bool(e, upd[i], now[i] != old[i]);
		if (now[i] != old[i])
			hantro_vp8_put_literal(e, now[i], 8);
	}
}

/* A list of probabilities sent whole when any differs. */
static void hantro_vp8_put_mode_probs(struct hantro_vp8_boolenc *e, const u8 *old,
				      const u8 *now, unsigned int n)
{
	bool update = memcmp(old, now, n);
	unsigned int i;

	hantro_vp8_put_bool(e, 128, update);
	for (i = 0; update && i < n; i++)
		hantro_vp8_put_literal(e, now[i], 8);
}

/*
 * Motion vector probabilities are sent with 7 bits, so only even ones (and
 * 1) can be sent: the caller keeps to those.
 */
static void hantro_vp8_put_mv_updates(struct hantro_vp8_boolenc *e,
				      const struct hantro_vp8_probs *prev,
				      const struct hantro_vp8_probs *cur)
{
	unsigned int i, j;

	for (i = 0; i < 2; i++) {
		for (j = 0; j < HANTRO_VP8_MV_PROBS; j++) {
			bool update = cur->mv[i][j] != prev->mv[i][j];

			hantro_vp8_put_bool(e, hantro_vp8_mv_update_probs[i][j], update);
			if (update)
				hantro_vp8_put_literal(e, cur->mv[i][j] >> 1, 7);
		}
	}
}

/**
 * hantro_vp8_write_hdr() - code the frame header at the start of the first
 * partition, up to where the macroblocks begin
 * @e:		the first partition's encoder, just initialised
 * @h:		the header
 * @prev:	the probabilities in force before this frame (the defaults
 *		on a key frame)
 * @cur:	those the frame is coded with: the differences are sent
 *
 * Segmentation is off. A key frame can only send coefficient
 * probabilities: the others in @cur must be the defaults.
 */
void hantro_vp8_write_hdr(struct hantro_vp8_boolenc *e, const struct hantro_vp8_frame_hdr *h,
			  const struct hantro_vp8_probs *prev, const struct hantro_vp8_probs *cur)
{
	if (h->key_frame) {
		hantro_vp8_put_bool(e, 128, 0);	/* color_space: YUV */
		hantro_vp8_put_bool(e, 128, h->clamping_type);
	}
	hantro_vp8_put_bool(e, 128, 0);		/* segmentation_enabled */
	hantro_vp8_put_bool(e, 128, h->filter_type);
	hantro_vp8_put_literal(e, h->filter_level, 6);
	hantro_vp8_put_literal(e, h->sharpness, 3);
	hantro_vp8_put_lf_deltas(e, h);
	hantro_vp8_put_literal(e, h->log2_partitions, 2);
	hantro_vp8_put_quant(e, &h->quant);
	if (!h->key_frame)
		hantro_vp8_put_refs(e, h);
	hantro_vp8_put_bool(e, 128, h->refresh_entropy);
	if (!h->key_frame)
		hantro_vp8_put_bool(e, 128, h->refresh_last);
	hantro_vp8_put_coef_updates(e, prev, cur);
	hantro_vp8_put_bool(e, 128, h->mb_no_coeff_skip);
	if (h->mb_no_coeff_skip)
		hantro_vp8_put_literal(e, h->prob_skip_false, 8);
	if (h->key_frame)
		return;
	hantro_vp8_put_literal(e, h->prob_intra, 8);
	hantro_vp8_put_literal(e, h->prob_last, 8);
	hantro_vp8_put_literal(e, h->prob_golden, 8);
	hantro_vp8_put_mode_probs(e, prev->ymode, cur->ymode, sizeof(cur->ymode));
	hantro_vp8_put_mode_probs(e, prev->uvmode, cur->uvmode, sizeof(cur->uvmode));
	hantro_vp8_put_mv_updates(e, prev, cur);
}

/**
 * hantro_vp8_write_part_sizes() - the sizes of all token partitions but
 * the last, 3 bytes each, little-endian (RFC 6386 section 9.5)
 * @buf:	where they go: 3 * (@partitions - 1) bytes
 * @sizes:	the partitions' sizes
 * @partitions:	how many there are
 */
void hantro_vp8_write_part_sizes(u8 *buf, const u32 *sizes, unsigned int partitions)
{
	unsigned int i;

	for (i = 0; i + 1 < partitions; i++) {
		buf[3 * i] = sizes[i];
		buf[3 * i + 1] = sizes[i] >> 8;
		buf[3 * i + 2] = sizes[i] >> 16;
	}
}

static void hantro_vp8_tbl_put(u8 *tbl, unsigned int i, u8 v)
{
	tbl[hantro_vp8_tbl_pos(i)] = v;
}

/* Probabilities @src[@from..@from + @n - 1] to layout bytes @at on. */
static void hantro_vp8_tbl_copy(u8 *tbl, unsigned int at, const u8 *src, unsigned int from,
				unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		hantro_vp8_tbl_put(tbl, at + i, src[from + i]);
}

/**
 * hantro_vp8_write_prob_table() - the probability table the hardware codes
 * a frame's macroblocks with (hantro_vp8_probtbl.h)
 * @tbl:	out: HANTRO_VP8_PROB_TABLE_SIZE bytes
 * @p:		the frame's probabilities
 * @h:		its header, for the skip, intra, last and golden
 *		probabilities
 *
 * Segmentation is off: its tree probabilities are 0.
 */
void hantro_vp8_write_prob_table(u8 *tbl, const struct hantro_vp8_probs *p,
				 const struct hantro_vp8_frame_hdr *h)
{
	const u8 *x = p->mv[1], *y = p->mv[0];
	unsigned int i, j, k, n, at;

	memset(tbl, 0, HANTRO_VP8_PROB_TABLE_SIZE);
	hantro_vp8_tbl_put(tbl, HANTRO_VP8_TBL_SKIP, h->prob_skip_false);
	hantro_vp8_tbl_put(tbl, HANTRO_VP8_TBL_INTRA, h->prob_intra);
	hantro_vp8_tbl_put(tbl, HANTRO_VP8_TBL_LAST, h->prob_last);
	hantro_vp8_tbl_put(tbl, HANTRO_VP8_TBL_GOLDEN, h->prob_golden);
	for (i = 0; i < ARRAY_SIZE(p->ymode); i++)
		hantro_vp8_tbl_put(tbl, HANTRO_VP8_TBL_YMODE + i, p->ymode[i]);
	for (i = 0; i < ARRAY_SIZE(p->uvmode); i++)
		hantro_vp8_tbl_put(tbl, HANTRO_VP8_TBL_UVMODE + i, p->uvmode[i]);

	/* RFC 6386 section 17.2: is-short 0, sign 1, short tree 2-8, long bits 9-18. */
	hantro_vp8_tbl_put(tbl, HANTRO_VP8_TBL_MV_IS_SHORT, x[0]);
	hantro_vp8_tbl_put(tbl, HANTRO_VP8_TBL_MV_IS_SHORT + 1, y[0]);
	hantro_vp8_tbl_put(tbl, HANTRO_VP8_TBL_MV_SIGN, x[1]);
	hantro_vp8_tbl_put(tbl, HANTRO_VP8_TBL_MV_SIGN + 1, y[1]);
	hantro_vp8_tbl_copy(tbl, HANTRO_VP8_TBL_MV_LONG_HIGH, x, 17, 2);
	hantro_vp8_tbl_copy(tbl, HANTRO_VP8_TBL_MV_LONG_HIGH + 2, y, 17, 2);
	hantro_vp8_tbl_copy(tbl, HANTRO_VP8_TBL_MV_LONG, x, 9, 8);
	hantro_vp8_tbl_copy(tbl, HANTRO_VP8_TBL_MV_LONG + 8, y, 9, 8);
	hantro_vp8_tbl_copy(tbl, HANTRO_VP8_TBL_MV_SHORT, x, 2, 7);
	hantro_vp8_tbl_copy(tbl, HANTRO_VP8_TBL_MV_SHORT + 8, y, 2, 7);

	for (i = 0; i < HANTRO_VP8_BLOCK_TYPES; i++) {
		for (j = 0; j < HANTRO_VP8_COEF_BANDS; j++) {
			for (k = 0; k < HANTRO_VP8_PREV_COEF_CONTEXTS; k++) {
				const u8 *c = p->coef[i][j][k];

				n = (i * HANTRO_VP8_COEF_BANDS + j) *
				    HANTRO_VP8_PREV_COEF_CONTEXTS + k;
				at = HANTRO_VP8_TBL_COEF_LOW + 4 * n;
				hantro_vp8_tbl_copy(tbl, at, c, 0, 3);
				at = HANTRO_VP8_TBL_COEF_HIGH + 8 * n;
				hantro_vp8_tbl_copy(tbl, at, c, 4, 7);
				hantro_vp8_tbl_put(tbl, at + 7, c[3]);
			}
		}
	}
}

/**
 * hantro_vp8_refs_update() - the references after a frame, as a decoder
 * changes them (RFC 6386 section 9.7)
 * @r:		the references; updated
 * @h:		the frame's header
 * @rec:	the picture the frame was reconstructed into
 *
 * A key frame becomes every reference. Otherwise the golden frame is the
 * new frame when refreshed, else the last frame when copied from it
 * before the last frame becomes the new one. Altref is not kept.
 */
void hantro_vp8_refs_update(struct hantro_vp8_refs *r, const struct hantro_vp8_frame_hdr *h,
			    unsigned int rec)
{
	if (h->key_frame || h->refresh_golden)
		r->golden = rec;
	else if (h->copy_to_golden == 1)
		r->golden = r->last;
	if (h->key_frame || h->refresh_last)
		r->last = rec;
}
