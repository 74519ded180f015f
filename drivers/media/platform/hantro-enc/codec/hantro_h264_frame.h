/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: what the codec layer hands the hardware for an H.264 picture
 * besides the parameters: the end of the headers it wrote, and the
 * macroblock rate-control checkpoints. Plain C, also built into the host
 * unit tests.
 */
#ifndef HANTRO_H264_FRAME_H
#define HANTRO_H264_FRAME_H

#include <linux/types.h>

#include "hantro_layout.h"

/**
 * struct hantro_stream_handover - where the hardware continues a stream
 * (after H.264 headers or a VP8 frame header alike)
 * @aligned:	bytes of the headers before the 8-byte aligned address the
 *		hardware writes from
 * @rem_msb:	the header bytes at that address, first four (HDR_REM MSB)
 * @rem_lsb:	the next four (HDR_REM LSB)
 * @start_bits:	how many bits of @rem_msb:@rem_lsb are header (a multiple
 *		of 8)
 */
struct hantro_stream_handover {
	size_t aligned;
	u32 rem_msb;
	u32 rem_lsb;
	unsigned int start_bits;
};

/* PPS pic_init_qp; slices carry the difference to their QP. */
#define HANTRO_H264_PIC_INIT_QP	26
/* The P-slice context initialisation CABAC streams use (x264's and MPP's too). */
#define HANTRO_H264_CABAC_INIT_IDC	0

/**
 * struct hantro_h264_cp_plan - macroblock rate-control checkpoints
 * @distance:	macroblocks between checkpoints, 0 for none
 * @words:	run-level codewords expected by each checkpoint, in
 *		HANTRO_CP_TARGET_UNITs (hantro_layout.h)
 * @error:	thresholds on (count - expected), ascending, in
 *		HANTRO_CP_ERROR_UNITs
 * @delta_qp:	QP change below each threshold, the last above them all
 */
struct hantro_h264_cp_plan {
	unsigned int distance;
	u16 words[HANTRO_CHECKPOINTS];
	s16 error[HANTRO_CP_ERRORS];
	s8 delta_qp[HANTRO_CP_DELTAS];
};

void hantro_stream_handover(const u8 *buf, size_t hdr_len, struct hantro_stream_handover *h);
void hantro_h264_cp_fill(struct hantro_h264_cp_plan *plan, unsigned int count,
			 unsigned int distance, u32 step);
u32 hantro_h264_cp_delta_reg(const struct hantro_h264_cp_plan *plan);
void hantro_h264_cp_plan_rows(struct hantro_h264_cp_plan *plan, unsigned int mb_width,
			      unsigned int mb_height, u64 target_codewords);

#endif /* HANTRO_H264_FRAME_H */
