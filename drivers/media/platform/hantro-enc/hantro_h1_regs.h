/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hantro H1 / Rockchip VEPU1 encoder registers: the contract between the
 * driver's backend and the hardware (or the virtual VEPU, which includes this
 * header too).
 *
 * Offsets and bits from mainline drivers/media/platform/verisilicon/
 * hantro_h1_regs.h and Rockchip MPP hal_h264e_vepu1_reg_tbl.h.
 */
#ifndef HANTRO_H1_REGS_H
#define HANTRO_H1_REGS_H

#include <linux/bits.h>

#include "hantro_enc_layout.h"

#define H1_REG_ID			0x000
#define H1_REG_INTERRUPT		0x004
#define   H1_IRQ_SLICE_READY		BIT(8)
#define   H1_IRQ_TIMEOUT		BIT(6)
#define   H1_IRQ_BUFFER_FULL		BIT(5)
#define   H1_IRQ_RESET			BIT(4)
#define   H1_IRQ_BUS_ERROR		BIT(3)
#define   H1_IRQ_FRAME_READY		BIT(2)
#define   H1_IRQ_DISABLE		BIT(1)
#define   H1_IRQ_RAW			BIT(0)
#define H1_REG_AXI_CTRL			0x008
#define   H1_AXI_OUTPUT_SWAP16		BIT(15)
#define   H1_AXI_INPUT_SWAP16		BIT(14)
#define   H1_AXI_BURST_LEN(x)		((x) << 8)
#define   H1_AXI_OUTPUT_SWAP32		BIT(3)
#define   H1_AXI_INPUT_SWAP32		BIT(2)
#define   H1_AXI_OUTPUT_SWAP8		BIT(1)
#define   H1_AXI_INPUT_SWAP8		BIT(0)
#define H1_REG_ENC_CTRL			0x038
#define   H1_ENC_TIMEOUT_EN		BIT(31)
#define   H1_ENC_EN			BIT(0)
/* Write: bytes available at the output address. Read: bits written. */
#define H1_REG_STR_BUF_LIMIT		0x060
#define H1_REG_CONFIG			0x0fc
#define H1_REG_LAST			0x28c

/*
 * The H1 layout by meaning (hantro_enc_layout.h). H.264 fields from MPP
 * hal_h264e_vepu1_reg_tbl.h: ENC_CTRL0 0x040, ENC_CTRL1 0x044, ENC_CTRL2
 * 0x048, HDR_REM 0x058/0x05c, MAD/QP sum 0x064, QP_VAL 0x06c, RLC_CTRL
 * 0x094 (stream start offset), CABAC table 0x0cc, checkpoints 0x070..0x080,
 * checkpoint word error 0x084..0x08c, checkpoint delta QP 0x090.
 */
#define HANTRO_H1_LAYOUT {						\
	.mode = HANTRO_FIELD(H1_REG_ENC_CTRL, 1, 0x3),				\
	.pic_type = HANTRO_FIELD(H1_REG_ENC_CTRL, 3, 0x3),			\
	.mb_width = HANTRO_FIELD(H1_REG_ENC_CTRL, 19, 0x1ff),			\
	.mb_height = HANTRO_FIELD(H1_REG_ENC_CTRL, 10, 0x1ff),			\
	.in_fmt = HANTRO_FIELD(0x03c, 2, 0xf),				\
	.row_len = HANTRO_FIELD(0x03c, 12, 0x3fff),			\
	.overfill_r = HANTRO_FIELD(0x03c, 10, 0x3),			\
	.overfill_b = HANTRO_FIELD(0x03c, 6, 0xf),			\
	.in_addr = { 0x02c, 0x030, 0x034 },				\
	.out_addr = 0x014,						\
	.buf_limit = H1_REG_STR_BUF_LIMIT,						\
	.jpeg_qluma = 0x100,						\
	.jpeg_qchroma = 0x140,						\
	.ref_y = 0x01c,							\
	.ref_c = 0x020,							\
	.rec_y = 0x024,							\
	.rec_c = 0x028,							\
	.hdr_rem_msb = 0x058,						\
	.hdr_rem_lsb = 0x05c,						\
	.cabac_table = 0x0cc,						\
	.start_offset = HANTRO_FIELD(0x094, 23, 0x3f),			\
	.pic_init_qp = HANTRO_FIELD(0x040, 26, 0x3f),			\
	.alpha = HANTRO_FIELD(0x040, 22, 0xf),				\
	.beta = HANTRO_FIELD(0x040, 18, 0xf),				\
	.chroma_qp_offset = HANTRO_FIELD(0x040, 13, 0x1f),		\
	.idr_pic_id = HANTRO_FIELD(0x040, 1, 0xf),			\
	.pps_id = HANTRO_FIELD(0x044, 24, 0xff),			\
	.frame_num = HANTRO_FIELD(0x044, 0, 0xffff),			\
	.deblock = HANTRO_FIELD(0x048, 30, 0x3),			\
	.qpel_off = HANTRO_FIELD(0x048, 22, 0x1),			\
	.trans8x8 = HANTRO_FIELD(0x048, 21, 0x1),			\
	.cabac_idc = HANTRO_FIELD(0x048, 19, 0x3),			\
	.cabac = HANTRO_FIELD(0x048, 18, 0x1),				\
	.qp = HANTRO_FIELD(0x06c, 26, 0x3f),				\
	.qp_max = HANTRO_FIELD(0x06c, 20, 0x3f),			\
	.qp_min = HANTRO_FIELD(0x06c, 14, 0x3f),			\
	.qp_sum = HANTRO_FIELD(0x064, 0, 0x1fffff),			\
	.cp_distance = HANTRO_FIELD(0x06c, 0, 0xfff),			\
	.checkpoints = 0x070,						\
	.cp_word_error = 0x084,						\
	.cp_delta_qp = 0x090,						\
}

#endif /* HANTRO_H1_REGS_H */
