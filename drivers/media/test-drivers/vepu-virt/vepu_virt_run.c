// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: one frame as the bus master does it, whatever the register
 * map: decode the registers through the IP's layout, reach the buffers by
 * bus address, run the JPEG, H.264 or VP8 (vepu_virt_vp8.c) core, report through
 * the readback registers.
 */

#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>

#include "hantro_h264_cabac.h"
#include "jpeg_hw_qorder.h"
#include "vepu_h264.h"
#include "vepu_virt_run.h"

#define REG(r)	regs[(r) / 4]

/**
 * vepu_virt_input() - the input picture the registers describe
 * @v:		the device
 * @l:		the IP's layout
 * @regs:	the register snapshot
 * @f:		out: the picture, its planes reachable
 *
 * Return: VEPU_DONE, or VEPU_BUS_ERROR for a geometry or a plane the bus
 * cannot reach.
 */
enum vepu_virt_result vepu_virt_input(struct vepu_virt *v, const struct hantro_layout *l,
				      const u32 *regs, struct vepu_frame *f)
{
	unsigned int i;

	*f = (struct vepu_frame){
		.fmt = hantro_field_get(&l->in_fmt, regs),
		.row_len = hantro_field_get(&l->row_len, regs),
		.mb_width = hantro_field_get(&l->mb_width, regs),
		.mb_height = hantro_field_get(&l->mb_height, regs),
		.stop = vepu_virt_stopped,
		.stop_arg = v,
	};
	if (vepu_frame_check_geometry(f))
		return VEPU_BUS_ERROR;
	for (i = 0; i < ARRAY_SIZE(l->in_addr); i++) {
		size_t span = vepu_frame_plane_span(f, i);

		if (!span)
			continue;
		f->plane[i] = vepu_virt_map(v, REG(l->in_addr[i]), span, DMA_TO_DEVICE);
		if (!f->plane[i])
			return VEPU_BUS_ERROR;
	}
	return VEPU_DONE;
}

/*
 * The output: the stream continues the software-written header in the
 * 64-bit word that holds its end. The output bus writes whole words from
 * the programmed address with its low three bits dropped, and the bytes of
 * that word already written are handed over in HDR_REM (MPP's JPEG HALs
 * program the header's unaligned end and count the hardware's bytes from
 * the aligned word, "hardware will return 64 bit access byte count",
 * hal_jpege_vepu1_v2.c; the driver aligns its headers itself).
 */
static u8 *vepu_virt_out(struct vepu_virt *v, const struct hantro_layout *l, const u32 *regs,
			 unsigned int mode, size_t *size, u64 *hdr_rem, unsigned int *start_bits)
{
	*size = (size_t)REG(l->buf_limit) * hantro_buf_limit_unit(mode);
	*hdr_rem = (u64)REG(l->hdr_rem_msb) << 32 | REG(l->hdr_rem_lsb);
	*start_bits = hantro_field_get(&l->start_offset, regs);
	return vepu_virt_map(v, REG(l->out_addr) & ~7u, *size, DMA_FROM_DEVICE);
}

static void vepu_virt_qtable(const u32 *qregs, u8 table[64])
{
	unsigned int r, b;

	for (r = 0; r < 16; r++)
		for (b = 0; b < 4; b++)
			table[jpeg_hw_qtable_raster(r * 4 + b)] = qregs[r] >> (24 - 8 * b);
}

static enum vepu_virt_result vepu_virt_jpeg(struct vepu_virt *v, const struct hantro_layout *l,
					    struct vepu_jpeg_state *jpeg, u32 *regs)
{
	struct vepu_jpeg_job job;
	enum vepu_virt_result res;
	size_t written;
	int ret;

	res = vepu_virt_input(v, l, regs, &job.frame);
	if (res != VEPU_DONE)
		return res;
	job.out = vepu_virt_out(v, l, regs, HANTRO_MODE_JPEG, &job.out_size, &job.hdr_rem,
				&job.start_bits);
	if (!job.out)
		return VEPU_BUS_ERROR;
	vepu_virt_qtable(&REG(l->jpeg_qluma), job.qluma);
	vepu_virt_qtable(&REG(l->jpeg_qchroma), job.qchroma);

	ret = vepu_jpeg_encode(jpeg, &job, &written);
	REG(l->buf_limit) = written * 8;
	if (ret == -ENOSPC)
		return VEPU_BUFFER_FULL;
	return ret ? VEPU_BUS_ERROR : VEPU_DONE;
}

/**
 * vepu_virt_pic() - a reference or reconstruction picture: luma, then
 * interleaved chroma
 * @v:		the device
 * @y:		luma bus address
 * @c:		chroma bus address
 * @f:		the frame, for the picture's size
 * @dir:	the access
 * @py:		out: luma
 * @pc:		out: chroma
 *
 * Return: whether both planes are reachable.
 */
bool vepu_virt_pic(struct vepu_virt *v, u32 y, u32 c, const struct vepu_frame *f,
		   enum dma_data_direction dir, u8 **py, u8 **pc)
{
	size_t luma = (size_t)f->mb_width * 16 * f->mb_height * 16;

	*py = vepu_virt_map(v, y, luma, dir);
	*pc = vepu_virt_map(v, c, luma / 2, dir);
	return *py && *pc;
}

/* The two 16-bit halves of register @first + (i / 2) * 4, even i on top. */
static u32 *vepu_virt_half_reg(u32 *regs, u16 first, unsigned int i, unsigned int *shift)
{
	*shift = i & 1 ? 0 : 16;
	return &REG(first + i / 2 * 4);
}

/* The macroblock rate control's checkpoints, targets and QP steps. */
static void vepu_virt_checkpoints(const struct hantro_layout *l, u32 *regs,
				  struct vepu_h264_job *job)
{
	unsigned int i, shift;
	u32 *r;

	job->cp_distance = hantro_field_get(&l->cp_distance, regs);
	job->qp_min = hantro_field_get(&l->qp_min, regs);
	job->qp_max = hantro_field_get(&l->qp_max, regs);
	for (i = 0; i < HANTRO_CHECKPOINTS; i++) {
		r = vepu_virt_half_reg(regs, l->checkpoints, i, &shift);
		job->cp_target[i] = *r >> shift;
	}
	for (i = 0; i < ARRAY_SIZE(job->cp_error); i++) {
		r = vepu_virt_half_reg(regs, l->cp_word_error, i, &shift);
		job->cp_error[i] = (s16)(*r >> shift);
	}
	for (i = 0; i < ARRAY_SIZE(job->cp_delta_qp); i++)
		job->cp_delta_qp[i] = sign_extend32(REG(l->cp_delta_qp) >> hantro_cp_delta_shift(i),
						    3);
}

/* The sizes reached at the checkpoints replace their targets. */
static void vepu_virt_checkpoint_results(const struct hantro_layout *l, u32 *regs,
					 const struct vepu_h264_job *job)
{
	unsigned int i, shift;
	u32 *r;

	if (!job->cp_distance)
		return;
	for (i = 0; i < HANTRO_CHECKPOINTS; i++) {
		r = vepu_virt_half_reg(regs, l->checkpoints, i, &shift);
		*r = (*r & ~(0xffffu << shift)) | (u32)job->cp_result[i] << shift;
	}
}

/* The motion search and mode decision costs and the split MV enable. */
static void vepu_virt_penalties(const struct hantro_layout *l, u32 *regs,
				struct vepu_h264_job *job)
{
	struct hantro_h264_penalties *p = &job->pen;
	unsigned int i;

	job->split_mv = hantro_field_get(&l->split_mv, regs);
	p->prev_mode_favor = hantro_field_get(&l->prev_mode_favor, regs);
	p->intra16_favor = hantro_field_get(&l->intra16_favor, regs);
	p->inter_favor = hantro_field_get(&l->inter_favor, regs);
	p->skip_penalty = hantro_field_get(&l->skip_penalty, regs);
	p->mv_1p = hantro_field_get(&l->mv_penalty_1p, regs);
	p->mv_4p = hantro_field_get(&l->mv_penalty_4p, regs);
	p->mv_qpel = hantro_field_get(&l->mv_penalty_qpel, regs);
	p->zero_mv_favor = hantro_field_get(&l->zero_mv_favor, regs);
	for (i = 0; i < HANTRO_DMV_PENALTIES; i++) {
		p->dmv[i] = REG(hantro_dmv_reg(l->dmv_penalty, i)) >> hantro_dmv_shift(i);
		p->dmv_qpel[i] = REG(hantro_dmv_reg(l->dmv_qpel_penalty, i)) >> hantro_dmv_shift(i);
	}
}

static enum vepu_virt_result vepu_virt_h264(struct vepu_virt *v, const struct hantro_layout *l,
					    u32 *regs)
{
	struct vepu_h264_job job = {
		.intra = hantro_field_get(&l->pic_type, regs) == HANTRO_PIC_INTRA,
		.frame_num = hantro_field_get(&l->frame_num, regs),
		.idr_pic_id = hantro_field_get(&l->idr_pic_id, regs),
		.pps_id = hantro_field_get(&l->pps_id, regs),
		.qp = hantro_field_get(&l->qp, regs),
		.pic_init_qp = hantro_field_get(&l->pic_init_qp, regs),
		.chroma_qp_offset = hantro_field_get_signed(&l->chroma_qp_offset, regs),
		.deblock_idc = hantro_field_get(&l->deblock, regs),
		.alpha_div2 = hantro_field_get_signed(&l->alpha, regs),
		.beta_div2 = hantro_field_get_signed(&l->beta, regs),
		.transform_8x8 = hantro_field_get(&l->trans8x8, regs),
		.cabac = hantro_field_get(&l->cabac, regs),
		.cabac_init_idc = hantro_field_get(&l->cabac_idc, regs),
	};
	enum vepu_virt_result res;
	size_t bytes;
	void *scratch;
	int ret;

	vepu_virt_checkpoints(l, regs, &job);
	vepu_virt_penalties(l, regs, &job);
	res = vepu_virt_input(v, l, regs, &job.frame);
	if (res != VEPU_DONE)
		return res;
	job.out = vepu_virt_out(v, l, regs, HANTRO_MODE_H264, &job.out_size, &job.hdr_rem,
				&job.start_bits);
	if (job.cabac)
		job.cabac_table = vepu_virt_map(v, REG(l->cabac_table),
						HANTRO_H264_CABAC_TABLE_SIZE, DMA_TO_DEVICE);
	if (!job.out || (job.cabac && !job.cabac_table) ||
	    !vepu_virt_pic(v, REG(l->rec_y), REG(l->rec_c), &job.frame, DMA_FROM_DEVICE,
			   &job.rec.y, &job.rec.c) ||
	    (!job.intra &&
	     !vepu_virt_pic(v, REG(l->ref_y), REG(l->ref_c), &job.frame, DMA_TO_DEVICE,
			   &job.ref.y, &job.ref.c)))
		return VEPU_BUS_ERROR;
	scratch = kvmalloc(vepu_h264_scratch_size(job.frame.mb_width, job.frame.mb_height),
			   GFP_KERNEL);
	if (!scratch)
		return VEPU_BUS_ERROR;
	ret = vepu_h264_encode(&job, scratch, &bytes);
	kvfree(scratch);
	REG(l->buf_limit) = bytes * 8;
	REG(l->qp_sum.reg) = hantro_field_put(&l->qp_sum, REG(l->qp_sum.reg), job.qp_sum / 2);
	REG(l->rlc_sum.reg) = hantro_field_put(&l->rlc_sum, REG(l->rlc_sum.reg),
					       job.coeffs / l->rlc_sum_unit);
	vepu_virt_checkpoint_results(l, regs, &job);
	if (ret == -ENOSPC)
		return VEPU_BUFFER_FULL;
	return ret ? VEPU_BUS_ERROR : VEPU_DONE;
}

/**
 * vepu_virt_run_frame() - encode the frame a register snapshot describes
 * @v:		the device, whose bus vepu_virt_map() reaches
 * @l:		the IP's register layout
 * @jpeg:	the JPEG core's tables
 * @regs:	the snapshot; its readback registers are updated
 *
 * Return: the outcome, which the caller reports in the IP's status bits.
 */
enum vepu_virt_result vepu_virt_run_frame(struct vepu_virt *v, const struct hantro_layout *l,
					  struct vepu_jpeg_state *jpeg, u32 *regs)
{
	switch (hantro_field_get(&l->mode, regs)) {
	case HANTRO_MODE_JPEG:
		return vepu_virt_jpeg(v, l, jpeg, regs);
	case HANTRO_MODE_H264:
		return vepu_virt_h264(v, l, regs);
	case HANTRO_MODE_VP8:
		return vepu_virt_vp8(v, l, regs);
	default:
		REG(l->buf_limit) = 0;
		return VEPU_BUS_ERROR;
	}
}
