/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: H.264 frame-level rate control over plain parameters. Plain
 * C, also built into the host unit tests.
 */
#ifndef HANTRO_H264_RC_H
#define HANTRO_H264_RC_H

#include <linux/types.h>

/**
 * struct hantro_h264_rc_params - what rate control is told about a frame
 * @frame_rc:	frame rate control on (else the I/P QPs)
 * @vbr:	variable bitrate (else constant)
 * @bitrate:	target bits per second
 * @bitrate_peak: peak bits per second (VBR)
 * @i_qp:	QP of I pictures without frame rate control
 * @p_qp:	QP of P pictures without frame rate control
 * @min_qp:	smallest QP
 * @max_qp:	largest QP
 * @interval_num: frame interval in seconds, numerator
 * @interval_den: frame interval in seconds, denominator (not 0)
 */
struct hantro_h264_rc_params {
	bool frame_rc;
	bool vbr;
	u32 bitrate;
	u32 bitrate_peak;
	u8 i_qp;
	u8 p_qp;
	u8 min_qp;
	u8 max_qp;
	u32 interval_num;
	u32 interval_den;
};

/**
 * struct hantro_h264_rc - frame-level rate control state of a stream
 * @fullness:	bits coded minus bits budgeted so far (the virtual buffer)
 * @qp:		QP of the next P picture, -1 before the first
 * @last_bits:	size of the last P picture
 * @last_qp:	its QP
 * @last_codewords: its run-level codewords (non-zero coefficients)
 * @have_model:	@last_bits/@last_qp describe a real P picture
 */
struct hantro_h264_rc {
	s64 fullness;
	int qp;
	u32 last_bits;
	int last_qp;
	u32 last_codewords;
	bool have_model;
};

void hantro_h264_rc_reset(struct hantro_h264_rc *rc);
u64 hantro_h264_rc_target(const struct hantro_h264_rc *rc, const struct hantro_h264_rc_params *p);
int hantro_h264_rc_qp(struct hantro_h264_rc *rc, const struct hantro_h264_rc_params *p,
		      unsigned int mbs, bool intra);
u64 hantro_h264_rc_codewords(const struct hantro_h264_rc *rc,
			     const struct hantro_h264_rc_params *p);
void hantro_h264_rc_update(struct hantro_h264_rc *rc, const struct hantro_h264_rc_params *p,
			   bool intra, int qp, u32 bits, u32 codewords);

#endif /* HANTRO_H264_RC_H */
