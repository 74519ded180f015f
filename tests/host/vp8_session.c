// SPDX-License-Identifier: GPL-2.0
/* Host side of a VP8 stream through the virtual VEPU core: vp8_session.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vp8_session.h"

int vp8_session_init(struct vp8_session *s, unsigned int w, unsigned int h)
{
	size_t luma;

	memset(s, 0, sizeof(*s));
	s->mbw = (w + 15) / 16;
	s->mbh = (h + 15) / 16;
	luma = (size_t)s->mbw * s->mbh * 256;
	s->first_size = luma + 1024;
	s->part_size = luma * 2 + 4096;
	s->pics = malloc(luma * 3 / 2 * HANTRO_VP8_PICS);
	s->first = malloc(s->first_size);
	s->parts = malloc(s->part_size * HANTRO_VP8_MAX_PARTITIONS);
	s->scratch = malloc(vepu_vp8_scratch_size(s->mbw, s->mbh));
	hantro_vp8_default_probs(&s->defaults);
	s->prev = s->defaults;
	if (!s->pics || !s->first || !s->parts || !s->scratch) {
		vp8_session_free(s);
		return -ENOMEM;
	}
	return 0;
}

void vp8_session_free(struct vp8_session *s)
{
	free(s->pics);
	free(s->first);
	free(s->parts);
	free(s->scratch);
	memset(s, 0, sizeof(*s));
}

static unsigned char *vp8_session_pic(const struct vp8_session *s, unsigned int n)
{
	return s->pics + (size_t)n * s->mbw * s->mbh * 384;
}

const unsigned char *vp8_session_rec(const struct vp8_session *s)
{
	return vp8_session_pic(s, s->refs.last);
}

long vp8_session_encode(struct vp8_session *s, const struct hantro_vp8_frame_hdr *h,
			const struct hantro_vp8_probs *cur, struct vepu_vp8_job *job,
			unsigned char *out, size_t out_size)
{
	size_t luma = (size_t)s->mbw * s->mbh * 256, len, need;
	struct hantro_vp8_probs probs;
	struct hantro_vp8_boolenc be;
	unsigned int i, rec;
	u32 sizes[HANTRO_VP8_MAX_PARTITIONS];
	int ret;

	if (h->key_frame)
		s->prev = s->defaults;
	probs = cur ? *cur : s->prev;
	job->frame.mb_width = s->mbw;
	job->frame.mb_height = s->mbh;
	/* The reconstruction goes to the picture neither reference holds. */
	rec = hantro_vp8_refs_free(&s->refs);
	job->rec.y = vp8_session_pic(s, rec);
	job->rec.c = job->rec.y + luma;
	job->ref.y = vp8_session_pic(s, s->refs.last);
	job->ref.c = job->ref.y + luma;
	job->ref2.y = vp8_session_pic(s, s->refs.golden);
	job->ref2.c = job->ref2.y + luma;
	job->first = &be;
	job->partitions = 1u << h->log2_partitions;
	job->key_frame = h->key_frame;
	job->probs = &probs;
	job->mb_no_coeff_skip = h->mb_no_coeff_skip;
	job->prob_skip_false = h->prob_skip_false;
	job->prob_intra = h->prob_intra;
	job->prob_last = h->prob_last;
	job->prob_golden = h->prob_golden;
	job->filter_type = h->filter_type;
	job->filter_level = h->filter_level;
	job->sharpness = h->sharpness;
	/* The header sends every delta it adjusts by (lf_delta_mask 0xff). */
	job->lf_adj = h->lf_adj_enable;
	memcpy(job->ref_lf_deltas, h->ref_lf_deltas, sizeof(job->ref_lf_deltas));
	memcpy(job->mode_lf_deltas, h->mode_lf_deltas, sizeof(job->mode_lf_deltas));
	hantro_vp8_dequant(&h->quant, &job->dq);
	for (i = 0; i < job->partitions; i++) {
		job->part[i] = s->parts + i * s->part_size;
		job->part_size[i] = s->part_size;
	}
	hantro_vp8_bool_init(&be, s->first, s->first_size);
	hantro_vp8_write_hdr(&be, h, &s->prev, &probs);
	ret = vepu_vp8_encode(job, s->scratch);
	if (ret)
		return ret;
	s->prev = probs;
	s->frame++;
	hantro_vp8_refs_update(&s->refs, h, rec);

	need = HANTRO_VP8_KEY_TAG_BYTES + be.pos + 3 * (job->partitions - 1);
	for (i = 0; i < job->partitions; i++)
		need += job->part_bytes[i];
	if (need > out_size)
		return -ENOSPC;
	len = hantro_vp8_write_tag(out, h, be.pos);
	memcpy(out + len, s->first, be.pos);
	len += be.pos;
	for (i = 0; i < job->partitions; i++)
		sizes[i] = job->part_bytes[i];
	hantro_vp8_write_part_sizes(out + len, sizes, job->partitions);
	len += 3 * (job->partitions - 1);
	for (i = 0; i < job->partitions; i++) {
		memcpy(out + len, job->part[i], job->part_bytes[i]);
		len += job->part_bytes[i];
	}
	return len;
}

static void put_le(unsigned char *p, unsigned long v, unsigned int bytes)
{
	while (bytes--) {
		*p++ = v;
		v >>= 8;
	}
}

void ivf_header(FILE *fp, unsigned int w, unsigned int h, unsigned int frames)
{
	unsigned char hdr[32] = "DKIF";

	put_le(hdr + 6, 32, 2);
	memcpy(hdr + 8, "VP80", 4);
	put_le(hdr + 12, w, 2);
	put_le(hdr + 14, h, 2);
	put_le(hdr + 16, 30, 4);
	put_le(hdr + 20, 1, 4);
	put_le(hdr + 24, frames, 4);
	fwrite(hdr, 1, sizeof(hdr), fp);
}

void ivf_frame(FILE *fp, const unsigned char *data, size_t len, unsigned int pts)
{
	unsigned char fh[12];

	put_le(fh, len, 4);
	put_le(fh + 4, pts, 4);
	put_le(fh + 8, 0, 4);
	fwrite(fh, 1, sizeof(fh), fp);
	fwrite(data, 1, len, fp);
}
