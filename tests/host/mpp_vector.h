/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One MPP register vector of tests/vectors/mpp (see its README): what the
 * vendor's encoder programmed per frame for one configuration, the buffers
 * it allocated and the bytes it wrote ahead of the hardware.
 */
#ifndef MPP_VECTOR_H
#define MPP_VECTOR_H

#include <linux/types.h>

#include "hantro_vepu2_regs.h"
#include "host_bus.h"

#define MPP_MAX_FRAMES	8
#define MPP_MAX_BUFS	16
#define MPP_MAX_HDR	1024
#define MPP_NUM_REGS	(VEPU2_REG_LAST / 4 + 1)

/* MPP's buffer handles: the input frame and the output packet. */
#define MPP_BUF_INPUT	100
#define MPP_BUF_OUTPUT	101

/**
 * struct mpp_vector - one configuration's registers
 * @ip:		"vepu1" or "vepu2"
 * @codec:	"h264", "jpeg" or "vp8"
 * @rc:		"fixqp" or "cbr"
 * @w, @h:	size asked for
 * @qp:		QP (H.264) or quality (JPEG)
 * @cabac, @t8: H.264 entropy coding and 8x8 transforms asked for
 * @frames:	frames recorded
 * @settings:	MPP settings beyond the harness's arguments ("name=value,...")
 * @out_size:	size of MPP's output buffer (MPP_BUF_OUTPUT)
 * @buf_handle: each buffer MPP allocated
 * @buf_size:	its size
 * @bufs:	how many
 * @tbl_handle: the buffer of the CABAC table, 0 for none
 * @tbl_hash:	64-bit FNV-1a of the table MPP filled
 * @hdr:	each frame's bytes MPP wrote ahead of the hardware
 * @hdr_len:	how many
 * @regs:	each frame's registers
 * @offs:	each frame's byte offsets added to buffer addresses
 */
struct mpp_vector {
	char ip[8], codec[8], rc[8];
	unsigned int w, h, qp, cabac, t8, frames;
	char settings[128];
	u32 out_size;
	unsigned int buf_handle[MPP_MAX_BUFS];
	u32 buf_size[MPP_MAX_BUFS];
	unsigned int bufs;
	unsigned int tbl_handle;
	u64 tbl_hash;
	u8 hdr[MPP_MAX_FRAMES][MPP_MAX_HDR];
	unsigned int hdr_len[MPP_MAX_FRAMES];
	u32 regs[MPP_MAX_FRAMES][MPP_NUM_REGS];
	u32 offs[MPP_MAX_FRAMES][MPP_NUM_REGS];
};

/**
 * struct mpp_vp8_sw - what MPP's VP8 encoder wrote in software (NAME.sw)
 * @hdr:	each frame's boolean-coded frame header, after the frame tag
 * @hdr_len:	its bytes
 * @tbl:	each frame's probability table, as stored
 * @tbl_len:	its bytes
 * @level:	each frame's loop filter level in its header
 */
#define MPP_VP8_TBL_SIZE	1208
struct mpp_vp8_sw {
	u8 hdr[MPP_MAX_FRAMES][64];
	unsigned int hdr_len[MPP_MAX_FRAMES];
	u8 tbl[MPP_MAX_FRAMES][MPP_VP8_TBL_SIZE];
	unsigned int tbl_len[MPP_MAX_FRAMES];
	unsigned int level[MPP_MAX_FRAMES];
};

/* Read a VP8 software record (tests/vectors/mpp/README.md); 0 or -1. */
int mpp_vp8_sw_load(const char *path, struct mpp_vp8_sw *sw);

/* Read NAME.regs and the NAME.cap beside it; 0 or -1. */
int mpp_vector_load(const char *regs_path, struct mpp_vector *v);
/* Calls @fn for each NAME.regs of @dir in name order; the number found. */
int mpp_vector_each(const char *dir, void (*fn)(const char *name, const char *path));
/* The value of MPP setting @name in the vector's settings; false if unset. */
bool mpp_vector_setting(const struct mpp_vector *v, const char *name, int *val);
/*
 * The host tests' bus: MPP's buffers in handle order, 16 MiB apart from
 * MPP_BUS_BASE. The bus address register @reg of frame @frame points at
 * (the handle MPP wrote plus the offset the kernel adds), 0 when it holds
 * no buffer handle.
 */
#define MPP_BUS_BASE	HOST_BUS_BASE
#define MPP_BUS_SPAN	HOST_BUS_SPAN
int mpp_vector_buf(const struct mpp_vector *v, unsigned int handle);
u32 mpp_vector_addr(const struct mpp_vector *v, unsigned int frame, u16 reg);
/* The 64-bit FNV-1a hash the capture records for tables. */
u64 mpp_fnv64(const u8 *p, size_t n);

#endif
