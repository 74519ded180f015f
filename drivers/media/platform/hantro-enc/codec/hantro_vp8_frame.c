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

#include "hantro_vp8_frame.h"

/* The least room a partition is given. */
#define HANTRO_VP8_MIN_ROOM	64

/**
 * hantro_vp8_buf_layout() - share a CAPTURE buffer out between the parts
 * @size:	the buffer's bytes
 * @tag_len:	the frame tag's bytes (HANTRO_VP8_TAG_BYTES or
 *		HANTRO_VP8_KEY_TAG_BYTES)
 * @hdr_end:	where the software's header ends
 * @partitions:	token partitions, 1 or 2
 * @l:		out: the layout
 *
 * The first partition holds the modes and vectors, a tenth of what the
 * coefficients take at most (the vendor's share); the token partitions
 * share the rest equally. The size table's bytes fit in the first
 * partition's room too.
 *
 * Return: 0, -EINVAL for an impossible partition count, or -ENOSPC when
 * the buffer is too small.
 */
int hantro_vp8_buf_layout(size_t size, size_t tag_len, size_t hdr_end, unsigned int partitions,
			  struct hantro_vp8_buf_layout *l)
{
	if (!partitions || partitions > HANTRO_VP8_HW_PARTITIONS || hdr_end < tag_len)
		return -EINVAL;
	if (size < hdr_end + HANTRO_VP8_MIN_ROOM * (1 + 10 * partitions))
		return -ENOSPC;
	l->tag_len = tag_len;
	l->hdr_end = hdr_end;
	l->partitions = partitions;
	l->first_end = ALIGN(hdr_end + (size - hdr_end) / 10, 8);
	l->part_room = ((size - l->first_end) / partitions) & ~(size_t)7;
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

	if (first_end < l->hdr_end ||
	    first_end + 3 * (l->partitions - 1) > l->first_end ||
	    first_end - l->tag_len > HANTRO_VP8_MAX_FIRST_PART)
		return -ENOSPC;
	for (i = 0; i < l->partitions; i++)
		if (sizes[1 + i] > l->part_room)
			return -ENOSPC;
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
