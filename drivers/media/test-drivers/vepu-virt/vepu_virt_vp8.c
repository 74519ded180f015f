// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: a VP8 frame from the registers. The hardware continues
 * the first partition after the frame header the software coded: the
 * header's bytes in the 64-bit word the stream resumes in come in HDR_REM,
 * the boolean encoder's state in its own registers. The token partitions
 * go to their own addresses, the probabilities come from the table the
 * software filled, the bytes coded into each partition go to the size
 * table and the tokens counted to the count buffer (MPP's
 * hal_vp8e_base.c; Documentation/driver-api/hantro-enc-vp8-vendor.md,
 * sections 1 to 3).
 */

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "hantro_vp8_probtbl.h"
#include "vepu_virt_run.h"
#include "vepu_vp8.h"

#define REG(r)	regs[(r) / 4]

/* The RK VEPUs have addresses for two token partitions. */
#define VEPU_VIRT_VP8_PARTITIONS	2

static u8 vepu_virt_tbl(const u8 *tbl, unsigned int i)
{
	return tbl[hantro_vp8_tbl_pos(i)];
}

static void vepu_virt_tbl_copy(const u8 *tbl, unsigned int at, u8 *dst, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		dst[i] = vepu_virt_tbl(tbl, at + i);
}

/* The probabilities in the table the software filled (hantro_vp8_probtbl.h). */
static void vepu_virt_vp8_probs(const u8 *tbl, struct hantro_vp8_probs *p,
				struct vepu_vp8_job *job)
{
	u8 *x = p->mv[1], *y = p->mv[0];
	unsigned int n, at;

	job->prob_skip_false = vepu_virt_tbl(tbl, HANTRO_VP8_TBL_SKIP);
	job->prob_intra = vepu_virt_tbl(tbl, HANTRO_VP8_TBL_INTRA);
	job->prob_last = vepu_virt_tbl(tbl, HANTRO_VP8_TBL_LAST);
	job->prob_golden = vepu_virt_tbl(tbl, HANTRO_VP8_TBL_GOLDEN);
	vepu_virt_tbl_copy(tbl, HANTRO_VP8_TBL_YMODE, p->ymode, sizeof(p->ymode));
	vepu_virt_tbl_copy(tbl, HANTRO_VP8_TBL_UVMODE, p->uvmode, sizeof(p->uvmode));
	x[0] = vepu_virt_tbl(tbl, HANTRO_VP8_TBL_MV_IS_SHORT);
	y[0] = vepu_virt_tbl(tbl, HANTRO_VP8_TBL_MV_IS_SHORT + 1);
	x[1] = vepu_virt_tbl(tbl, HANTRO_VP8_TBL_MV_SIGN);
	y[1] = vepu_virt_tbl(tbl, HANTRO_VP8_TBL_MV_SIGN + 1);
	vepu_virt_tbl_copy(tbl, HANTRO_VP8_TBL_MV_LONG_HIGH, x + 17, 2);
	vepu_virt_tbl_copy(tbl, HANTRO_VP8_TBL_MV_LONG_HIGH + 2, y + 17, 2);
	vepu_virt_tbl_copy(tbl, HANTRO_VP8_TBL_MV_LONG, x + 9, 8);
	vepu_virt_tbl_copy(tbl, HANTRO_VP8_TBL_MV_LONG + 8, y + 9, 8);
	vepu_virt_tbl_copy(tbl, HANTRO_VP8_TBL_MV_SHORT, x + 2, 7);
	vepu_virt_tbl_copy(tbl, HANTRO_VP8_TBL_MV_SHORT + 8, y + 2, 7);
	for (n = 0; n < HANTRO_VP8_BLOCK_TYPES * HANTRO_VP8_COEF_BANDS *
			HANTRO_VP8_PREV_COEF_CONTEXTS; n++) {
		u8 *c = (&p->coef[0][0][0])[n];

		vepu_virt_tbl_copy(tbl, HANTRO_VP8_TBL_COEF_LOW + 4 * n, c, 3);
		at = HANTRO_VP8_TBL_COEF_HIGH + 8 * n;
		vepu_virt_tbl_copy(tbl, at, c + 4, 7);
		c[3] = vepu_virt_tbl(tbl, at + 7);
	}
}

/*
 * The first partition from the 8-byte aligned stream address on: the
 * header's bytes from HDR_REM, then the boolean encoder where the
 * software left it. It may run up to the first token partition when that
 * follows it, as MPP lays them out, else as far as the limit.
 */
static bool vepu_virt_vp8_first(struct vepu_virt *v, const struct hantro_layout *l,
				const u32 *regs, size_t limit, struct hantro_vp8_boolenc *e)
{
	const struct hantro_vp8_layout *vl = &l->vp8;
	u32 base = REG(l->out_addr) & ~7u, part0 = REG(vl->part_addr[0]);
	u64 rem = (u64)REG(l->hdr_rem_msb) << 32 | REG(l->hdr_rem_lsb);
	unsigned int start = hantro_field_get(&l->start_offset, regs) / 8, bits, i;
	size_t size = part0 > base ? min_t(size_t, part0 - base, limit) : limit;
	u8 *buf = vepu_virt_map(v, base, size, DMA_FROM_DEVICE);

	bits = hantro_field_get(&vl->bool_bits, regs);
	if (!buf || start > 7 || size < 8 || bits > 24)
		return false;
	hantro_vp8_bool_init(e, buf, size);
	for (i = 0; i < start; i++)
		buf[i] = rem >> (56 - 8 * i);
	e->pos = start;
	e->bottom = REG(vl->bool_value);
	e->range = hantro_field_get(&vl->bool_range, regs);
	e->bit_count = 24 - bits;
	/* The state a header can end in: a range of 128..255, a byte pending. */
	return e->range >= 128 && e->bit_count > 0;
}

/* A little-endian 32-bit word, as the hardware stores the size table. */
static void vepu_virt_put_le32(u8 *p, u32 v)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		p[i] = v >> (8 * i);
}

/* Where the bytes coded go: the first partition, then each token partition. */
static bool vepu_virt_vp8_sizes(struct vepu_virt *v, const struct hantro_layout *l, u32 *regs,
				const struct vepu_vp8_job *job, size_t first)
{
	unsigned int i;
	u8 *sizes;

	/* Written only when enabled, as H.264's NAL size table. */
	if (!hantro_field_get(&l->vp8.size_table_en, regs))
		return true;
	sizes = vepu_virt_map(v, REG(l->vp8.size_table), 4 * (1 + job->partitions),
			      DMA_FROM_DEVICE);
	if (!sizes)
		return false;
	vepu_virt_put_le32(sizes, first);
	for (i = 0; i < job->partitions; i++)
		vepu_virt_put_le32(sizes + 4 * (1 + i), job->part_bytes[i]);
	return true;
}

/* The symbol counts for the next frame's probabilities, little-endian. */
static bool vepu_virt_vp8_counts(struct vepu_virt *v, const struct hantro_layout *l,
				 const u32 *regs, const u16 *counts)
{
	u8 *out = vepu_virt_map(v, REG(l->vp8.prob_count), HANTRO_VP8_COUNT_BYTES,
				DMA_FROM_DEVICE);
	unsigned int i;

	if (!out)
		return false;
	for (i = 0; i < HANTRO_VP8_COUNT_WORDS; i++) {
		out[2 * i] = counts[i];
		out[2 * i + 1] = counts[i] >> 8;
	}
	return true;
}

/*
 * What the model does not code (segments, a first search on another
 * reference than the last frame): refused, rather than a frame that says
 * what it is not.
 */
static bool vepu_virt_vp8_unsupported(const struct hantro_layout *l, const u32 *regs)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(l->vp8.unsupported); i++)
		if (hantro_field_get(&l->vp8.unsupported[i], regs))
			return true;
	return false;
}

/* Two planes that share bytes. */
static bool vepu_virt_vp8_overlap(const u8 *a, size_t a_size, const u8 *b, size_t b_size)
{
	return a < b + b_size && b < a + a_size;
}

/*
 * Reference and reconstruction: each plane the same as the other
 * picture's plane of its kind (reconstruction in place) or apart from
 * every plane of it.
 */
static bool vepu_virt_vp8_pics_apart(const struct vepu_vp8_job *job, size_t luma)
{
	const struct vepu_vp8_pic *a = &job->ref, *b = &job->rec;

	return (a->y == b->y || !vepu_virt_vp8_overlap(a->y, luma, b->y, luma)) &&
	       (a->c == b->c || !vepu_virt_vp8_overlap(a->c, luma / 2, b->c, luma / 2)) &&
	       !vepu_virt_vp8_overlap(a->y, luma, b->c, luma / 2) &&
	       !vepu_virt_vp8_overlap(a->c, luma / 2, b->y, luma);
}

/*
 * The second search's reference, when it runs: golden or altref (an index
 * of 1 or 2 from the last frame); with it off the index must be the
 * last's. Its planes may not share a byte with the reconstruction's.
 */
static bool vepu_virt_vp8_ref2(struct vepu_virt *v, const struct hantro_layout *l,
			       const u32 *regs, struct vepu_vp8_job *job, size_t luma)
{
	const struct hantro_vp8_layout *vl = &l->vp8;
	unsigned int idx = hantro_field_get(&vl->mv_ref_idx2, regs);
	const struct vepu_vp8_pic *a = &job->ref2, *b = &job->rec;

	if (!hantro_field_get(&vl->ref2_enable, regs))
		return !idx;
	if (job->key_frame)
		return false;
	if (idx < 1 || idx > 2)
		return false;
	job->ref2_id = HANTRO_VP8_REF_LAST + idx;
	job->ref2_penalty = hantro_field_get(&vl->golden_penalty, regs);
	if (!vepu_virt_pic(v, REG(vl->ref2_y), REG(vl->ref2_c), &job->frame, DMA_TO_DEVICE,
			   &job->ref2.y, &job->ref2.c))
		return false;
	return !vepu_virt_vp8_overlap(a->y, luma, b->y, luma) &&
	       !vepu_virt_vp8_overlap(a->y, luma, b->c, luma / 2) &&
	       !vepu_virt_vp8_overlap(a->c, luma / 2, b->y, luma) &&
	       !vepu_virt_vp8_overlap(a->c, luma / 2, b->c, luma / 2);
}

/* A copy of the reference when the reconstruction overwrites it. */
static void vepu_virt_vp8_ref_copy(u8 **ref, const u8 *rec, u8 *copy, size_t size)
{
	if (*ref != rec)
		return;
	memcpy(copy, *ref, size);
	*ref = copy;
}

/**
 * vepu_virt_vp8() - encode the VP8 frame a register snapshot describes
 * @v:		the device
 * @l:		the IP's register layout
 * @regs:	the snapshot; the output size register reads back the bits
 *		coded into all partitions
 *
 * Return: the outcome.
 */
enum vepu_virt_result vepu_virt_vp8(struct vepu_virt *v, const struct hantro_layout *l, u32 *regs)
{
	const struct hantro_vp8_layout *vl = &l->vp8;
	struct hantro_vp8_boolenc first;
	struct hantro_vp8_probs *probs;
	struct vepu_vp8_job job = {
		.key_frame = hantro_field_get(&l->pic_type, regs) == HANTRO_PIC_INTRA,
		.first = &first,
		/* The hardware always flags macroblocks without coefficients. */
		.mb_no_coeff_skip = true,
		.filter_type = hantro_field_get(&vl->filter_type, regs),
		.bilinear = hantro_field_get(&vl->bilinear, regs),
		.filter_level = hantro_field_get(&vl->filter_level, regs),
		.sharpness = hantro_field_get(&vl->sharpness, regs),
		.partitions = 1u << hantro_field_get(&vl->dct_parts, regs),
		.dq = {
			.y1 = { hantro_field_get(&vl->dq_y1_dc, regs),
				hantro_field_get(&vl->dq_y1_ac, regs) },
			.y2 = { hantro_field_get(&vl->dq_y2_dc, regs),
				hantro_field_get(&vl->dq_y2_ac, regs) },
			.uv = { hantro_field_get(&vl->dq_uv_dc, regs),
				hantro_field_get(&vl->dq_uv_ac, regs) },
		},
	};
	size_t limit = (size_t)REG(l->buf_limit) * hantro_buf_limit_unit(HANTRO_MODE_VP8);
	size_t luma, scratch_size, bytes;
	enum vepu_virt_result res;
	unsigned int i;
	const u8 *tbl;
	u8 *scratch;
	int ret;

	/* No enable bit: deltas of 0 adjust nothing. */
	for (i = 0; i < 4; i++) {
		job.ref_lf_deltas[i] = hantro_field_get_signed(&vl->ref_lf_delta[i], regs);
		job.mode_lf_deltas[i] = hantro_field_get_signed(&vl->mode_lf_delta[i], regs);
		job.lf_adj |= job.ref_lf_deltas[i] || job.mode_lf_deltas[i];
	}
	REG(l->buf_limit) = 0;
	res = vepu_virt_input(v, l, regs, &job.frame);
	if (res != VEPU_DONE)
		return res;
	tbl = vepu_virt_map(v, REG(l->cabac_table), HANTRO_VP8_PROB_TABLE_SIZE, DMA_TO_DEVICE);
	if (!hantro_field_get(&l->cabac, regs) || !tbl || vepu_virt_vp8_unsupported(l, regs) ||
	    job.partitions > VEPU_VIRT_VP8_PARTITIONS || job.filter_type > 1 ||
	    !vepu_virt_vp8_first(v, l, regs, limit, &first))
		return VEPU_BUS_ERROR;
	for (i = 0; i < job.partitions; i++) {
		job.part[i] = vepu_virt_map(v, REG(vl->part_addr[i]), limit, DMA_FROM_DEVICE);
		job.part_size[i] = limit;
		if (!job.part[i])
			return VEPU_BUS_ERROR;
	}
	if (!vepu_virt_pic(v, REG(l->rec_y), REG(l->rec_c), &job.frame, DMA_FROM_DEVICE,
			   &job.rec.y, &job.rec.c) ||
	    (!job.key_frame &&
	     !vepu_virt_pic(v, REG(l->ref_y), REG(l->ref_c), &job.frame, DMA_TO_DEVICE,
			   &job.ref.y, &job.ref.c)))
		return VEPU_BUS_ERROR;

	/*
	 * Working memory: the core's, the probabilities, and a copy of the
	 * reference, as MPP reconstructs luma over it and the search must
	 * read the old samples.
	 */
	luma = (size_t)job.frame.mb_width * 16 * job.frame.mb_height * 16;
	if ((!job.key_frame && !vepu_virt_vp8_pics_apart(&job, luma)) ||
	    !vepu_virt_vp8_ref2(v, l, regs, &job, luma))
		return VEPU_BUS_ERROR;
	scratch_size = ALIGN(vepu_vp8_scratch_size(job.frame.mb_width, job.frame.mb_height), 8);
	scratch = kvmalloc(scratch_size + HANTRO_VP8_COUNT_BYTES + sizeof(*probs) + luma * 3 / 2,
			   GFP_KERNEL);
	if (!scratch)
		return VEPU_BUS_ERROR;
	job.counts = (u16 *)(scratch + scratch_size);
	memset(job.counts, 0, HANTRO_VP8_COUNT_BYTES);
	scratch_size += HANTRO_VP8_COUNT_BYTES;
	probs = (struct hantro_vp8_probs *)(scratch + scratch_size);
	vepu_virt_vp8_probs(tbl, probs, &job);
	job.probs = probs;
	scratch_size += sizeof(*probs);
	if (!job.key_frame) {
		vepu_virt_vp8_ref_copy(&job.ref.y, job.rec.y, scratch + scratch_size, luma);
		vepu_virt_vp8_ref_copy(&job.ref.c, job.rec.c, scratch + scratch_size + luma,
				       luma / 2);
	}
	ret = vepu_vp8_encode(&job, scratch);
	if (!ret && !vepu_virt_vp8_counts(v, l, regs, job.counts))
		ret = -EINVAL;
	kvfree(scratch);
	if (ret == -ENOSPC)
		return VEPU_BUFFER_FULL;
	if (ret)
		return VEPU_BUS_ERROR;
	if (!vepu_virt_vp8_sizes(v, l, regs, &job, first.pos))
		return VEPU_BUS_ERROR;
	bytes = first.pos;
	for (i = 0; i < job.partitions; i++)
		bytes += job.part_bytes[i];
	REG(l->buf_limit) = bytes * 8;
	return VEPU_DONE;
}
