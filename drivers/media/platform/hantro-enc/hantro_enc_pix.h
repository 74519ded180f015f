/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: where each plane of a raw frame lies and what the hardware
 * reads of it. Plain arithmetic on a V4L2 format: the host unit tests build
 * it too.
 */
#ifndef HANTRO_ENC_PIX_H
#define HANTRO_ENC_PIX_H

#include <linux/types.h>
#include <linux/videodev2.h>

#define HANTRO_ENC_MB		16

void hantro_enc_plane_layout(const struct v4l2_pix_format_mplane *pix, unsigned int comp,
			     unsigned int *bpl, unsigned int *lines);
size_t hantro_enc_plane_offset(const struct v4l2_pix_format_mplane *pix, unsigned int comp);
size_t hantro_enc_raw_read_size(const struct v4l2_pix_format_mplane *pix, unsigned int plane);
void hantro_enc_raw_layout(struct v4l2_pix_format_mplane *pix, u32 fourcc,
			   unsigned int stride_align, unsigned int width, unsigned int height);

#endif /* HANTRO_ENC_PIX_H */
