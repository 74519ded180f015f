// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: per-context controls.
 *
 * Controls belong to the file handle, so settings made by one client never
 * leak into another's stream. Each coded format of the node adds its own
 * (struct hantro_enc_codec_ops); this file adds what every video node has.
 */

#include "hantro_enc.h"

int hantro_enc_ctrls_init(struct hantro_enc_ctx *ctx)
{
	struct v4l2_ctrl_handler *hdl = &ctx->ctrls;
	const struct hantro_enc_fmt *coded;
	unsigned int i, n = 1;
	int ret = 0;

	for (i = 0; (coded = hantro_enc_coded_fmt(ctx->node->codecs, i)); i++)
		n += coded->num_ctrls;
	v4l2_ctrl_handler_init(hdl, n);
	/*
	 * Video encoders: one frame in flight is enough, nothing is held for
	 * reordering. Still-image nodes do not have the control.
	 */
	if (!ctx->node->still)
		v4l2_ctrl_new_std(hdl, NULL, V4L2_CID_MIN_BUFFERS_FOR_OUTPUT, 1, 32, 1, 1);
	for (i = 0; !ret && (coded = hantro_enc_coded_fmt(ctx->node->codecs, i)); i++)
		if (coded->ops->ctrls_init)
			ret = coded->ops->ctrls_init(ctx, hdl);
	ret = ret ?: hdl->error;
	if (ret) {
		v4l2_ctrl_handler_free(hdl);
		return ret;
	}
	hantro_enc_params_changed(ctx);
	return 0;
}
