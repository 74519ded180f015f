/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host side of an H.264 stream through the virtual VEPU core, the way the
 * driver drives the hardware: SPS/PPS from the driver's writer in front of
 * IDR pictures, handed over through HDR_REM and the start offset, and the
 * reference/reconstruction pictures swapped after every frame.
 */
#ifndef H264_SESSION_H
#define H264_SESSION_H

#include "hantro_h264_cabac.h"
#include "hantro_h264_frame.h"
#include "hantro_h264_hdr.h"
#include "hantro_h264_penalty.h"
#include "hantro_h264_profile.h"
#include "vepu_h264.h"

struct h264_session {
	unsigned int cw, ch;		/* coded size */
	struct hantro_h264_seq seq;
	struct vepu_h264_pic pic[2];
	unsigned char *pics;
	void *scratch;
	unsigned int frame;		/* frames coded */
	unsigned int idr_count;
	unsigned int frame_num;
	int cabac_init_idc;		/* -1: CAVLC */
	unsigned char *cabac_table;	/* the driver's, for CABAC */
	bool split_mv;			/* the driver's choice: on */
	/* Mode decision and motion costs; NULL: the driver's for the QP. */
	const struct hantro_h264_penalties *costs;
};

/* cabac_init_idc -1 codes CAVLC (Constrained Baseline), 0..2 CABAC (Main). */
int h264_session_init(struct h264_session *s, unsigned int w, unsigned int h, int chroma_offset,
		      int cabac_init_idc);
void h264_session_free(struct h264_session *s);
/* The checkpoints of @plan into @job, QPs kept within qp_min..qp_max. */
void h264_session_checkpoints(struct vepu_h264_job *job, const struct hantro_h264_cp_plan *plan,
			      int qp_min, int qp_max);
/* Code one picture into out; returns bytes or a negative error. */
long h264_session_encode(struct h264_session *s, struct vepu_h264_job *job, bool intra,
			 unsigned char *out, size_t out_size);

#endif
