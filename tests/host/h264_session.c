// SPDX-License-Identifier: GPL-2.0
/*
 * Host side of an H.264 stream through the virtual VEPU core; see
 * h264_session.h.
 */
#include <stdlib.h>
#include <string.h>

#include "h264_session.h"

int h264_session_init(struct h264_session *s, unsigned int w, unsigned int h, int chroma_offset,
		      int cabac_init_idc)
{
	memset(s, 0, sizeof(*s));
	s->cw = (w + 15) & ~15u;
	s->ch = (h + 15) & ~15u;
	s->pics = malloc((size_t)s->cw * s->ch * 3);
	s->scratch = malloc(vepu_h264_scratch_size(s->cw / 16, s->ch / 16));
	if (!s->pics || !s->scratch)
		return -1;
	s->pic[0] = (struct vepu_h264_pic){ s->pics, s->pics + s->cw * s->ch };
	s->pic[1] = (struct vepu_h264_pic){ s->pics + s->cw * s->ch * 3 / 2,
					    s->pics + s->cw * s->ch * 5 / 2 };
	s->seq = (struct hantro_h264_seq){
		.level_idc = 40,
		.mb_width = s->cw / 16, .mb_height = s->ch / 16,
		.crop_right = s->cw - w, .crop_bottom = s->ch - h,
		.num_units_in_tick = 1, .time_scale = 60,
		.primaries = 1, .transfer = 1, .matrix = 1,
		.pic_init_qp = 26, .chroma_qp_offset = chroma_offset,
	};
	hantro_h264_profile_syntax(cabac_init_idc >= 0 ? HANTRO_H264_PROFILE_MAIN :
				   HANTRO_H264_PROFILE_CONSTRAINED_BASELINE,
				   &s->seq.profile_idc, &s->seq.constraint_flags);
	s->cabac_init_idc = cabac_init_idc;
	s->split_mv = true;
	if (cabac_init_idc >= 0) {
		s->seq.cabac = true;
		s->cabac_table = malloc(HANTRO_H264_CABAC_TABLE_SIZE);
		if (!s->cabac_table)
			return -1;
		hantro_h264_cabac_table(s->cabac_table, cabac_init_idc);
	}
	return 0;
}

void h264_session_free(struct h264_session *s)
{
	free(s->pics);
	free(s->scratch);
	free(s->cabac_table);
}

void h264_session_checkpoints(struct vepu_h264_job *job, const struct hantro_h264_cp_plan *plan,
			      int qp_min, int qp_max)
{
	job->cp_distance = plan->distance;
	job->qp_min = qp_min;
	job->qp_max = qp_max;
	memcpy(job->cp_target, plan->words, sizeof(job->cp_target));
	memcpy(job->cp_error, plan->error, sizeof(job->cp_error));
	memcpy(job->cp_delta_qp, plan->delta_qp, sizeof(job->cp_delta_qp));
}

long h264_session_encode(struct h264_session *s, struct vepu_h264_job *job, bool intra,
			 unsigned char *out, size_t out_size)
{
	struct hantro_stream_handover ho;
	size_t hdr = 0, bytes;
	int ret;

	if (intra) {
		hdr = hantro_h264_write_headers(&s->seq, out, out_size);
		s->frame_num = 0;
	}
	job->ref = s->pic[(s->frame + 1) & 1];
	job->rec = s->pic[s->frame & 1];
	job->intra = intra;
	job->frame_num = s->frame_num;
	job->idr_pic_id = s->idr_count & 15;
	job->pic_init_qp = 26;
	job->chroma_qp_offset = s->seq.chroma_qp_offset;
	job->transform_8x8 = s->seq.transform_8x8;
	job->cabac = s->cabac_init_idc >= 0;
	job->cabac_init_idc = job->cabac ? s->cabac_init_idc : 0;
	job->cabac_table = s->cabac_table;
	/* The costs and partitions the driver programs (hantro_program.c). */
	job->split_mv = s->split_mv;
	if (s->costs)
		job->pen = *s->costs;
	else
		hantro_h264_penalties(job->qp, s->cw / 16, s->ch / 16, &job->pen);
	/* The driver's hand-over: aligned address, the bytes there, bit offset. */
	hantro_stream_handover(out, hdr, &ho);
	job->hdr_rem = (u64)ho.rem_msb << 32 | ho.rem_lsb;
	job->start_bits = ho.start_bits;
	job->out = out + ho.aligned;
	job->out_size = out_size - ho.aligned;
	ret = vepu_h264_encode(job, s->scratch, &bytes);
	if (ret)
		return ret;
	s->frame++;
	s->frame_num++;
	s->idr_count += intra;
	return ho.aligned + bytes;
}
