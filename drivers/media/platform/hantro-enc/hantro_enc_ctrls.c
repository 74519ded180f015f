// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: per-context controls.
 *
 * Controls belong to the file handle, so settings made by one client never
 * leak into another's stream.
 */

#include "hantro_enc.h"

int hantro_enc_ctrls_init(struct hantro_enc_ctx *ctx)
{
	struct v4l2_ctrl_handler *hdl = &ctx->ctrls;

	v4l2_ctrl_handler_init(hdl, 2);
	/*
	 * Video encoders: one frame in flight is enough, nothing is held for
	 * reordering. Still-image (JPEG-only) nodes do not have the control.
	 */
	if (ctx->node->codecs != HANTRO_ENC_JPEG)
		v4l2_ctrl_new_std(hdl, NULL, V4L2_CID_MIN_BUFFERS_FOR_OUTPUT, 1, 32, 1, 1);
	if (ctx->node->codecs & HANTRO_ENC_JPEG)
		ctx->jpeg_quality = v4l2_ctrl_new_std(hdl, NULL,
						      V4L2_CID_JPEG_COMPRESSION_QUALITY,
						      1, 100, 1, 75);
	if (hdl->error) {
		int ret = hdl->error;

		v4l2_ctrl_handler_free(hdl);
		return ret;
	}
	return 0;
}
