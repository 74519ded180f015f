/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: JPEG controls of a context.
 */
#ifndef HANTRO_ENC_JPEG_H
#define HANTRO_ENC_JPEG_H

struct v4l2_ctrl;

/**
 * struct hantro_enc_jpeg_ctrls - the JPEG controls of a context
 * @quality:	V4L2_CID_JPEG_COMPRESSION_QUALITY
 */
struct hantro_enc_jpeg_ctrls {
	struct v4l2_ctrl *quality;
};

/* The controls hantro_enc_jpeg_ops adds. */
#define HANTRO_ENC_JPEG_NUM_CTRLS	1

#endif /* HANTRO_ENC_JPEG_H */
