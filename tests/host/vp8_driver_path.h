/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host side of VP8 coded the way the driver codes it: its frame coding
 * (hantro_vp8_frame_code()), its register programming, the virtual VEPU's
 * register decoding behind a bus of the driver's buffers (host_bus.h) and
 * its frame assembly, with the probabilities adapted to the counts the
 * model wrote for the last frame. For the driver-path test and the
 * benchmark.
 */
#ifndef VP8_DRIVER_PATH_H
#define VP8_DRIVER_PATH_H

#include "hantro_vp8_frame.h"
#include "host_bus.h"

/**
 * struct vp8_drv - one stream
 * @bus:	the driver's buffers: input, CAPTURE, three pictures, tables
 * @l:		the IP's register layout
 * @w:		visible width
 * @h:		visible height
 * @cw:		coded width
 * @ch:		coded height
 * @rec:	the picture the frame reconstructs
 * @refs:	which pictures the decoder's references are (as the driver)
 * @key_distance: frames since the last key frame
 * @counts_ok:	the tables hold the last frame's counts
 * @ent:	the stream's probabilities
 * @rf:		the last frame's registers (the bits written read back)
 * @hdr:	its header
 * @lay:	its CAPTURE buffer layout
 * @pp:		its registers' parameters
 * @sizes:	its size table
 * @size_bits:	the size table's bytes, in bits
 * @res:	the model's outcome
 * @adapted:	its header sent adapted probabilities
 * @tweak:	if set, changes the registers before the model runs them
 *		(what a driver with a defect would program)
 */
struct vp8_drv {
	struct vepu_virt bus;
	const struct hantro_layout *l;
	unsigned int w, h, cw, ch, rec;
	struct hantro_vp8_refs refs;
	u32 key_distance;
	bool counts_ok;
	struct hantro_vp8_entropy ent;
	struct hantro_regfile rf;
	struct hantro_vp8_frame_hdr hdr;
	struct hantro_vp8_buf_layout lay;
	struct hantro_vp8_pic_params pp;
	u32 sizes[1 + HANTRO_VP8_HW_PARTITIONS];
	u32 size_bits;
	enum vepu_virt_result res;
	bool adapted;
	void (*tweak)(struct vp8_drv *d);
};

/* @ip "h1" or "vepu2"; @capture 0 for a frame's worth of 4:2:0. 0 or -ENOMEM. */
int vp8_drv_init(struct vp8_drv *d, const char *ip, unsigned int w, unsigned int h,
		 size_t capture);
void vp8_drv_free(struct vp8_drv *d);
/* The input picture to fill: NV12 of the coded size. */
u8 *vp8_drv_input(struct vp8_drv *d);
/*
 * Code the next frame as @fp says (its width and height are the stream's).
 * 0 with the frame at *@frame, *@len bytes; the frame coding's or the
 * assembly's error; -EIO when the model failed (@d->res says how).
 */
int vp8_drv_encode(struct vp8_drv *d, struct hantro_vp8_frame_params *fp, const u8 **frame,
		   size_t *len);
/* The last frame's reconstruction: NV12 of the coded size. */
const u8 *vp8_drv_rec(const struct vp8_drv *d);

#endif
