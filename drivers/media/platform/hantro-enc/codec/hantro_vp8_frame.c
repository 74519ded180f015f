// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: a VP8 frame in the CAPTURE buffer. The hardware writes the
 * rest of the first partition after the software's header and each token
 * partition at an address of its own, and reports their sizes; the frame
 * tag, which carries the first partition's size, and the partition size
 * table come after, then the token partitions move down behind them (the
 * split of MPP's hal_vp8e_base.c; Documentation/driver-api/
 * hantro-enc-vp8-vendor.md, section 1).
 */

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "hantro_vp8_costs.h"
#include "hantro_vp8_frame.h"

/* The least room a partition is given. */
#define HANTRO_VP8_MIN_ROOM	64

/*
 * What the first partition may need per macroblock with whole-macroblock
 * vectors (split vectors are off): the modes, the reference and two long
 * vector components at the costliest probabilities, rounded up. The
 * hardware does not bound this partition: its room must hold it.
 */
#define HANTRO_VP8_FIRST_PER_MB	32

/**
 * hantro_vp8_buf_layout() - share a CAPTURE buffer out between the parts
 * @size:	the buffer's bytes
 * @tag_len:	the frame tag's bytes (HANTRO_VP8_TAG_BYTES or
 *		HANTRO_VP8_KEY_TAG_BYTES)
 * @hdr_end:	where the software's header ends
 * @partitions:	token partitions, 1 or 2
 * @mbs:	the frame's macroblocks
 * @l:		out: the layout
 *
 * The first partition, which holds the modes and vectors, gets a tenth of
 * the buffer after the header (the vendor's share), or more up to half of
 * it when that is less than HANTRO_VP8_FIRST_PER_MB a macroblock; the
 * token partitions share the rest equally (their limit the hardware keeps).
 * The size table's bytes fit in the first partition's room too.
 *
 * Return: 0, -EINVAL for an impossible partition count, or -ENOSPC when
 * the buffer is too small.
 */
int hantro_vp8_buf_layout(size_t size, size_t tag_len, size_t hdr_end, unsigned int partitions,
			  unsigned int mbs, struct hantro_vp8_buf_layout *l)
{
	size_t room;

	if (!partitions || partitions > HANTRO_VP8_HW_PARTITIONS || hdr_end < tag_len)
		return -EINVAL;
	if (size < hdr_end + HANTRO_VP8_MIN_ROOM * (1 + 10 * partitions))
		return -ENOSPC;
	room = max_t(size_t, (size - hdr_end) / 10,
		     min_t(size_t, (size_t)mbs * HANTRO_VP8_FIRST_PER_MB, (size - hdr_end) / 2));
	l->tag_len = tag_len;
	l->hdr_end = hdr_end;
	l->pad = false;
	l->partitions = partitions;
	l->first_end = ALIGN(hdr_end + room, 8);
	l->part_room = ((size - l->first_end) / partitions) & ~(size_t)7;
	return 0;
}

/* Whether the frame's second search runs, on a golden frame apart from the last. */
static bool hantro_vp8_golden_searched(const struct hantro_vp8_frame_params *fp)
{
	return !fp->key_frame && fp->golden != HANTRO_VP8_GOLDEN_NONE && !fp->golden_is_last;
}

/* The header of a frame: its parameters and the vendor's defaults. */
static void hantro_vp8_fill_hdr(const struct hantro_vp8_frame_params *fp,
				struct hantro_vp8_frame_hdr *h)
{
	*h = (struct hantro_vp8_frame_hdr){
		.key_frame = fp->key_frame,
		.version = fp->version,
		.show_frame = true,
		.width = fp->width,
		.height = fp->height,
		.filter_type = fp->filter_type,
		.filter_level = fp->filter_level,
		.sharpness = fp->sharpness,
		.lf_adj_enable = true,
		/* A key frame resets the decoder's deltas: send them all. */
		.lf_delta_update = fp->key_frame,
		.lf_delta_mask = 0xff,
		.log2_partitions = fp->log2_partitions,
		.quant = { .y_ac_qi = fp->qi },
		.refresh_entropy = true,
		.refresh_last = true,
		.mb_no_coeff_skip = true,
		.prob_skip_false = hantro_vp8_skip_prob(fp->qi),
		.prob_intra = HANTRO_VP8_PROB_INTRA,
		.prob_last = 255,
		.prob_golden = 128,
	};
	memcpy(h->ref_lf_deltas, hantro_vp8_ref_lf_deltas, sizeof(h->ref_lf_deltas));
	memcpy(h->mode_lf_deltas, hantro_vp8_mode_lf_deltas, sizeof(h->mode_lf_deltas));
	if (fp->key_frame || fp->golden == HANTRO_VP8_GOLDEN_NONE)
		return;
	/* The decoder copies the last frame to golden before this one replaces it. */
	h->copy_to_golden = fp->golden == HANTRO_VP8_GOLDEN_PREV;
	h->refresh_golden = fp->golden == HANTRO_VP8_GOLDEN_PERIOD && fp->golden_period &&
			    fp->key_distance % fp->golden_period == 0;
	if (hantro_vp8_golden_searched(fp)) {
		h->prob_last = HANTRO_VP8_PROB_LAST_GOLDEN;
		h->prob_golden = HANTRO_VP8_PROB_GOLDEN_ONLY;
	}
}

/**
 * hantro_vp8_frame_code() - the software's part of a frame
 * @fp:		what the frame is to be
 * @buf:	the CAPTURE buffer: the header goes after room for the tag
 * @size:	its bytes
 * @ent:	the probabilities in force at the decoder (reset on key frames),
 *		become the frame's
 * @counts:	the hardware's counts of the last frame to adapt them to
 *		(hantro_vp8_counts.h), NULL for none
 * @h:		out: the frame's header
 * @l:		out: where its parts go in @buf
 * @pp:		out: its registers' parameters but for the addresses (the
 *		token partitions' are offsets into @buf)
 *
 * Return: 0, -ENOSPC when @buf is too small, -EINVAL for an impossible
 * partition count.
 */
int hantro_vp8_frame_code(const struct hantro_vp8_frame_params *fp, u8 *buf, size_t size,
			  struct hantro_vp8_entropy *ent, const u8 *counts,
			  struct hantro_vp8_frame_hdr *h, struct hantro_vp8_buf_layout *l,
			  struct hantro_vp8_pic_params *pp)
{
	size_t tag_len = fp->key_frame ? HANTRO_VP8_KEY_TAG_BYTES : HANTRO_VP8_TAG_BYTES;
	unsigned int mbs = DIV_ROUND_UP(fp->width, 16) * DIV_ROUND_UP(fp->height, 16), i;
	struct hantro_vp8_boolenc e;
	bool pad;
	int ret;

	hantro_vp8_fill_hdr(fp, h);
	/*
	 * A key frame resets the decoder's probabilities and keeps them: the
	 * last frame's counts are an inter frame's, whose tokens are not
	 * distributed like an intra frame's (the vendor adapts key frames
	 * too, which costs bits here). Inter frames update them to what the
	 * last frame's counts say.
	 */
	if (fp->key_frame)
		hantro_vp8_default_probs(&ent->cur);
	ent->prev = ent->cur;
	if (counts && !fp->key_frame)
		hantro_vp8_adapt_coefs(&ent->cur, counts);
	if (size <= tag_len)
		return -ENOSPC;
	hantro_vp8_bool_init(&e, buf + tag_len, size - tag_len);
	hantro_vp8_write_hdr(&e, h, &ent->prev, &ent->cur);
	if (e.overflow || tag_len + e.pos + 1 > size)
		return -ENOSPC;
	/*
	 * A header ending on an 8-byte boundary would hand the hardware no
	 * byte of it, and a carry out of the hardware's first byte would be
	 * lost: the header moves up a byte (hantro_vp8_assemble() moves the
	 * frame back).
	 */
	pad = (tag_len + e.pos) % 8 == 0;
	if (pad)
		memmove(buf + tag_len + 1, buf + tag_len, e.pos);
	ret = hantro_vp8_buf_layout(size, tag_len, tag_len + pad + e.pos, 1u << h->log2_partitions,
				    mbs, l);
	if (ret)
		return ret;
	l->pad = pad;
	*pp = (struct hantro_vp8_pic_params){
		.bool_value = e.bottom,
		.bool_count = e.bit_count,
		.bool_range = e.range,
		.log2_partitions = h->log2_partitions,
		.qi = fp->qi,
		.filter_type = h->filter_type,
		/* Profiles 1 and 2 (3's whole-sample chroma has no known bit). */
		.bilinear = h->version != 0,
		.filter_level = h->filter_level,
		.sharpness = h->sharpness,
		/*
		 * The vendor's limit of the search's bandwidth. No split
		 * vectors: up to 16 a macroblock could outgrow the first
		 * partition's room, which the hardware does not check.
		 */
		.qpel_off = mbs > 8160,
		.ref2 = hantro_vp8_golden_searched(fp) ? HANTRO_VP8_REF_GOLDEN :
							 HANTRO_VP8_REF_INTRA,
		.inter = !fp->key_frame,
	};
	hantro_stream_handover(buf, l->hdr_end, &pp->ho);
	for (i = 0; i < l->partitions; i++)
		pp->part_addr[i] = hantro_vp8_part_off(l, i);
	memcpy(pp->ref_lf_delta, h->ref_lf_deltas, sizeof(pp->ref_lf_delta));
	memcpy(pp->mode_lf_delta, h->mode_lf_deltas, sizeof(pp->mode_lf_delta));
	hantro_vp8_dequant(&h->quant, &pp->dq);
	hantro_vp8_penalties(fp->qi, fp->key_frame, h->prob_intra, ent->cur.mv, &pp->pen);
	return 0;
}

/**
 * hantro_vp8_assemble() - make one frame of what the hardware left
 * @buf:	the CAPTURE buffer, laid out as @l
 * @l:		its layout
 * @h:		the frame's header (for the tag)
 * @sizes:	what the hardware reported: the first partition's bytes from
 *		the 8-byte word the header ended in, then each token
 *		partition's
 * @len:	out: the frame's bytes, from @buf on
 *
 * Return: 0, or -ENOSPC when a part outgrew its room (the hardware does not
 * check the first partition's), which leaves no frame.
 */
int hantro_vp8_assemble(u8 *buf, const struct hantro_vp8_buf_layout *l,
			const struct hantro_vp8_frame_hdr *h, const u32 *sizes, size_t *len)
{
	size_t first_end = (l->hdr_end & ~(size_t)7) + sizes[0], pos;
	unsigned int i;

	if (sizes[0] > l->first_end || first_end < l->hdr_end ||
	    first_end + 3 * (l->partitions - 1) > l->first_end ||
	    first_end - l->tag_len - l->pad > HANTRO_VP8_MAX_FIRST_PART)
		return -ENOSPC;
	for (i = 0; i < l->partitions; i++)
		if (sizes[1 + i] > l->part_room)
			return -ENOSPC;
	/* The first partition moves back behind the tag (hantro_vp8_frame_code()). */
	if (l->pad) {
		memmove(buf + l->tag_len, buf + l->tag_len + 1, first_end - l->tag_len - 1);
		first_end--;
	}
	hantro_vp8_write_tag(buf, h, first_end - l->tag_len);
	pos = first_end;
	hantro_vp8_write_part_sizes(buf + pos, sizes + 1, l->partitions);
	pos += 3 * (l->partitions - 1);
	/* Each partition moves down, never past where the next one starts. */
	for (i = 0; i < l->partitions; i++) {
		memmove(buf + pos, buf + hantro_vp8_part_off(l, i), sizes[1 + i]);
		pos += sizes[1 + i];
	}
	*len = pos;
	return 0;
}
