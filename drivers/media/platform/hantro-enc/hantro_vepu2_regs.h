/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Rockchip VEPU2 encoder registers (RK3399, RK3568, RK3588 VEPU121): the
 * contract between the driver's backend and the hardware or the virtual VEPU.
 *
 * Offsets and bits from mainline drivers/media/platform/verisilicon/
 * rockchip_vpu2_regs.h and Rockchip MPP hal_h264e_vepu2_reg_tbl.h.
 */
#ifndef HANTRO_VEPU2_REGS_H
#define HANTRO_VEPU2_REGS_H

#include <linux/bits.h>

#include "hantro_enc_layout.h"

/* Write: bytes available at the output address. Read: bits written. */
#define VEPU2_REG_STR_BUF_LIMIT		0x0d4
#define VEPU2_REG_AXI_CTRL		0x0d8
#define   VEPU2_AXI_BURST_LEN(x)	(((x) & 0x3f) << 8)
#define VEPU2_REG_ENCODE_START		0x19c
#define   VEPU2_ENCODE_ENABLE		BIT(0)
#define VEPU2_REG_DATA_ENDIAN		0x1a4
#define   VEPU2_INPUT_SWAP8		BIT(31)
#define   VEPU2_INPUT_SWAP16		BIT(30)
#define   VEPU2_INPUT_SWAP32		BIT(29)
#define   VEPU2_OUTPUT_SWAP8		BIT(28)
#define   VEPU2_OUTPUT_SWAP16		BIT(27)
#define   VEPU2_OUTPUT_SWAP32		BIT(26)
#define VEPU2_REG_INTERRUPT		0x1b4
#define   VEPU2_IRQ_TIMEOUT_EN		BIT(10)
#define   VEPU2_IRQ_CLEAR		BIT(9)
#define   VEPU2_IRQ_DISABLE		BIT(8)
#define   VEPU2_IRQ_TIMEOUT		BIT(6)
#define   VEPU2_IRQ_BUFFER_FULL		BIT(5)
#define   VEPU2_IRQ_BUS_ERROR		BIT(4)
#define   VEPU2_IRQ_FUSE		BIT(3)
#define   VEPU2_IRQ_SLICE_READY		BIT(2)
#define   VEPU2_IRQ_FRAME_READY		BIT(1)
#define   VEPU2_IRQ_RAW			BIT(0)
/* 184 registers (MPP's VEPU2 table). */
#define VEPU2_REG_LAST			0x2dc

/*
 * The VEPU2 layout by meaning (hantro_enc_layout.h). H.264 fields from MPP
 * hal_h264e_vepu2_reg_tbl.h: HDR_REM 0x0cc/0x0d0, QP sum 0x0e8, ENC_CTRL0
 * 0x0ec, stream start offset 0x0f0, ENC_CTRL2 0x130, CABAC table 0x144,
 * QP_VAL 0x190 (the H1's layout), ENC_CTRL3 0x1a8, checkpoints
 * 0x104..0x114, checkpoint word error 0x118..0x120, checkpoint delta QP 0x124.
 */
#define HANTRO_VEPU2_LAYOUT {						\
	.mode = HANTRO_FIELD(VEPU2_REG_ENCODE_START, 4, 0x3),				\
	.pic_type = HANTRO_FIELD(VEPU2_REG_ENCODE_START, 6, 0x3),			\
	.mb_width = HANTRO_FIELD(VEPU2_REG_ENCODE_START, 8, 0x1ff),			\
	.mb_height = HANTRO_FIELD(VEPU2_REG_ENCODE_START, 20, 0x1ff),			\
	.in_fmt = HANTRO_FIELD(0x128, 4, 0xf),				\
	.row_len = HANTRO_FIELD(0x0f4, 0, 0x3fff),			\
	.overfill_r = HANTRO_FIELD(0x0f0, 4, 0x3),			\
	.overfill_b = HANTRO_FIELD(0x0f0, 0, 0xf),			\
	.in_addr = { 0x0c0, 0x0c4, 0x0c8 },				\
	.out_addr = 0x134,						\
	.buf_limit = VEPU2_REG_STR_BUF_LIMIT,						\
	.jpeg_qluma = 0x000,						\
	.jpeg_qchroma = 0x040,						\
	.ref_y = 0x0e0,							\
	.ref_c = 0x0e4,							\
	.rec_y = 0x0fc,							\
	.rec_c = 0x100,							\
	.hdr_rem_msb = 0x0cc,						\
	.hdr_rem_lsb = 0x0d0,						\
	.cabac_table = 0x144,						\
	.start_offset = HANTRO_FIELD(0x0f0, 16, 0x3f),			\
	.pic_init_qp = HANTRO_FIELD(0x130, 26, 0x3f),			\
	.alpha = HANTRO_FIELD(0x130, 22, 0xf),				\
	.beta = HANTRO_FIELD(0x130, 18, 0xf),				\
	.chroma_qp_offset = HANTRO_FIELD(0x130, 13, 0x1f),		\
	.idr_pic_id = HANTRO_FIELD(0x130, 1, 0xf),			\
	.pps_id = HANTRO_FIELD(0x1a8, 24, 0xff),			\
	.frame_num = HANTRO_FIELD(0x1a8, 0, 0xffff),			\
	.deblock = HANTRO_FIELD(0x0ec, 24, 0x3),			\
	.qpel_off = HANTRO_FIELD(0x0ec, 28, 0x1),			\
	.trans8x8 = HANTRO_FIELD(0x0ec, 17, 0x1),			\
	.cabac_idc = HANTRO_FIELD(0x0ec, 21, 0x3),			\
	.cabac = HANTRO_FIELD(0x0ec, 20, 0x1),				\
	.qp = HANTRO_FIELD(0x190, 26, 0x3f),				\
	.qp_max = HANTRO_FIELD(0x190, 20, 0x3f),			\
	.qp_min = HANTRO_FIELD(0x190, 14, 0x3f),			\
	.qp_sum = HANTRO_FIELD(0x0e8, 0, 0x1fffff),			\
	.cp_distance = HANTRO_FIELD(0x190, 0, 0xfff),			\
	.checkpoints = 0x104,						\
	.cp_word_error = 0x118,						\
	.cp_delta_qp = 0x124,						\
}

#endif /* HANTRO_VEPU2_REGS_H */
