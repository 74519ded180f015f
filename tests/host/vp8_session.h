/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host side of a VP8 stream through the virtual VEPU core, the way the
 * driver drives the hardware: the frame header from the driver's writer
 * handed to the core in the first partition's boolean encoder, the frame
 * put together from the tag, the partitions and their sizes, and the
 * probabilities and reference/reconstruction pictures carried from frame
 * to frame. Also the IVF container the decoders read.
 */
#ifndef VP8_SESSION_H
#define VP8_SESSION_H

#include <stdio.h>

#include "hantro_vp8_hdr.h"
#include "vepu_vp8.h"

struct vp8_session {
	unsigned int mbw, mbh;		/* coded size in macroblocks */
	unsigned char *pics;		/* three pictures: luma, then CbCr interleaved */
	struct hantro_vp8_refs refs;	/* which picture is which reference */
	unsigned char *first, *parts;	/* the first partition, the token partitions */
	size_t first_size, part_size;
	void *scratch;
	struct hantro_vp8_probs defaults, prev;
	unsigned int frame;		/* frames coded */
};

int vp8_session_init(struct vp8_session *s, unsigned int w, unsigned int h);
void vp8_session_free(struct vp8_session *s);
/*
 * Code @in as the next frame of @h (key frames go back to the default
 * probabilities, the others go on from the last frame's); with @cur the
 * frame is coded with those probabilities, the differences sent. With
 * loop-filter adjustments, @h must send all its deltas. @job
 * gives the input and receives the core's statistics; with its ref2_id
 * set to HANTRO_VP8_REF_GOLDEN the core searches the golden frame too.
 * The references then change as @h says, as a decoder's do. Returns the
 * frame's bytes in @out or a negative error.
 */
long vp8_session_encode(struct vp8_session *s, const struct hantro_vp8_frame_hdr *h,
			const struct hantro_vp8_probs *cur, struct vepu_vp8_job *job,
			unsigned char *out, size_t out_size);
/* The last frame's reconstruction: luma, then CbCr interleaved. */
const unsigned char *vp8_session_rec(const struct vp8_session *s);

void ivf_header(FILE *fp, unsigned int w, unsigned int h, unsigned int frames);
void ivf_frame(FILE *fp, const unsigned char *data, size_t len, unsigned int pts);

#endif
