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

#include "hantro_layout.h"

#define VEPU2_REG_JPEG_LUMA_QUANT_0	0x000
#define VEPU2_REG_JPEG_CHROMA_QUANT_0	0x040
#define VEPU2_REG_ADDR_IN_PLANE_0	0x0c0
#define VEPU2_REG_ADDR_IN_PLANE_1	0x0c4
#define VEPU2_REG_ADDR_IN_PLANE_2	0x0c8
#define VEPU2_REG_STR_HDR_REM_MSB	0x0cc
#define VEPU2_REG_STR_HDR_REM_LSB	0x0d0
/* Write: bytes available at the output address. Read: bits written. */
#define VEPU2_REG_STR_BUF_LIMIT		0x0d4
#define VEPU2_REG_AXI_CTRL		0x0d8
#define   VEPU2_AXI_BURST_LEN(x)	(((x) & 0x3f) << 8)
#define   VEPU2_AXI_FRAME		VEPU2_AXI_BURST_LEN(16)
#define VEPU2_REG_ADDR_REF_LUMA		0x0e0
#define VEPU2_REG_ADDR_REF_CHROMA	0x0e4
#define VEPU2_REG_QP_SUM		0x0e8
/*
 * Bits 31:11, as MPP's VEPU2 H.264 HAL reads them since Rockchip's 2016
 * encoder rework (hal_h264e_vepu2_v2.c, ">> 11) & 0x001fffff"); its older HAL,
 * its register table and ChromeOS read bits 20:0.
 */
#define   VEPU2_QP_SUM			HANTRO_FIELD(VEPU2_REG_QP_SUM, 11, 0x1fffff)
#define VEPU2_REG_ENC_CTRL0		0x0ec
#define   VEPU2_QPEL_OFF		HANTRO_FIELD(VEPU2_REG_ENC_CTRL0, 28, 0x1)
#define   VEPU2_CABAC_INIT_IDC		HANTRO_FIELD(VEPU2_REG_ENC_CTRL0, 21, 0x3)
#define   VEPU2_CABAC_EN		HANTRO_FIELD(VEPU2_REG_ENC_CTRL0, 20, 0x1)
#define   VEPU2_TRANS8X8		HANTRO_FIELD(VEPU2_REG_ENC_CTRL0, 17, 0x1)
#define VEPU2_REG_OVERFILL_STRM_OFFSET	0x0f0
#define   VEPU2_STREAM_START_OFFSET	HANTRO_FIELD(VEPU2_REG_OVERFILL_STRM_OFFSET, 16, 0x3f)
#define   VEPU2_IN_OVERFILL_R		HANTRO_FIELD(VEPU2_REG_OVERFILL_STRM_OFFSET, 4, 0x3)
#define   VEPU2_IN_OVERFILL_B		HANTRO_FIELD(VEPU2_REG_OVERFILL_STRM_OFFSET, 0, 0xf)
#define VEPU2_REG_INPUT_LUMA_INFO	0x0f4
#define   VEPU2_IN_ROW_LEN		HANTRO_FIELD(VEPU2_REG_INPUT_LUMA_INFO, 0, 0x3fff)
/*
 * Read-back only: the codewords themselves, 22 bits, as MPP's VEPU2 HAL
 * reads them since the 2016 rework that also moved the QP sum (its register
 * table's 23-bit count in 4s is the older reading).
 */
#define VEPU2_REG_RLC_SUM		0x0f8
#define   VEPU2_RLC_SUM			HANTRO_FIELD(VEPU2_REG_RLC_SUM, 0, 0x3fffff)
#define VEPU2_REG_ADDR_REC_LUMA		0x0fc
#define VEPU2_REG_ADDR_REC_CHROMA	0x100
#define VEPU2_REG_CHECKPOINT_0		0x104
#define VEPU2_REG_CHKPT_WORD_ERR_0	0x118
#define VEPU2_REG_CHKPT_DELTA_QP	0x124
#define VEPU2_REG_ENC_CTRL1		0x128
#define   VEPU2_IN_FMT			HANTRO_FIELD(VEPU2_REG_ENC_CTRL1, 4, 0xf)
#define VEPU2_REG_ENC_CTRL2		0x130
#define   VEPU2_PIC_INIT_QP		HANTRO_FIELD(VEPU2_REG_ENC_CTRL2, 26, 0x3f)
#define   VEPU2_SLICE_ALPHA		HANTRO_FIELD(VEPU2_REG_ENC_CTRL2, 22, 0xf)
#define   VEPU2_SLICE_BETA		HANTRO_FIELD(VEPU2_REG_ENC_CTRL2, 18, 0xf)
#define   VEPU2_CHROMA_QP_OFFSET	HANTRO_FIELD(VEPU2_REG_ENC_CTRL2, 13, 0x1f)
/*
 * The deblocking filter on or off, disable_deblocking_filter_idc 0 or 1:
 * MPP's VEPU2 HAL and ChromeOS's VEPU2 encoder set only this bit for a
 * non-zero idc (hal_h264e_vepu2_v2.c); the 2-bit field MPP's register
 * table lists at 0x0ec bits 25:24 is never written by either.
 */
#define   VEPU2_FILTER_DISABLE		HANTRO_FIELD(VEPU2_REG_ENC_CTRL2, 5, 0x1)
#define   VEPU2_IDR_PIC_ID		HANTRO_FIELD(VEPU2_REG_ENC_CTRL2, 1, 0xf)
#define VEPU2_REG_ADDR_OUTPUT_STREAM	0x134
#define VEPU2_REG_ADDR_CABAC_TBL	0x144
#define VEPU2_REG_QP_VAL		0x190
#define   VEPU2_QP			HANTRO_FIELD(VEPU2_REG_QP_VAL, 26, 0x3f)
#define   VEPU2_QP_MAX			HANTRO_FIELD(VEPU2_REG_QP_VAL, 20, 0x3f)
#define   VEPU2_QP_MIN			HANTRO_FIELD(VEPU2_REG_QP_VAL, 14, 0x3f)
#define   VEPU2_CP_DISTANCE		HANTRO_FIELD(VEPU2_REG_QP_VAL, 0, 0xfff)
#define VEPU2_REG_ENCODE_START		0x19c
#define   VEPU2_ENC_MB_HEIGHT		HANTRO_FIELD(VEPU2_REG_ENCODE_START, 20, 0x1ff)
#define   VEPU2_ENC_MB_WIDTH		HANTRO_FIELD(VEPU2_REG_ENCODE_START, 8, 0x1ff)
#define   VEPU2_ENC_PIC_TYPE		HANTRO_FIELD(VEPU2_REG_ENCODE_START, 6, 0x3)
#define   VEPU2_ENC_MODE		HANTRO_FIELD(VEPU2_REG_ENCODE_START, 4, 0x3)
#define   VEPU2_ENCODE_ENABLE		BIT(0)
/* Motion search and mode decision costs (MPP hal_h264e_vepu2_reg_tbl.h). */
#define   VEPU2_INTER4X4_RESTRICT	HANTRO_FIELD(VEPU2_REG_ENC_CTRL0, 16, 0x1)
#define   VEPU2_SKIP_PENALTY		HANTRO_FIELD(VEPU2_REG_OVERFILL_STRM_OFFSET, 8, 0xff)
#define VEPU2_REG_INTRA_INTER_MODE	0x12c
#define   VEPU2_INTRA16_FAVOR		HANTRO_FIELD(VEPU2_REG_INTRA_INTER_MODE, 16, 0xffff)
#define   VEPU2_INTER_FAVOR		HANTRO_FIELD(VEPU2_REG_INTRA_INTER_MODE, 0, 0xffff)
#define VEPU2_REG_MV_PENALTY		0x18c
#define   VEPU2_MV_PENALTY_1P		HANTRO_FIELD(VEPU2_REG_MV_PENALTY, 21, 0x3ff)
#define   VEPU2_MV_PENALTY_QPEL		HANTRO_FIELD(VEPU2_REG_MV_PENALTY, 11, 0x3ff)
#define   VEPU2_MV_PENALTY_4P		HANTRO_FIELD(VEPU2_REG_MV_PENALTY, 1, 0x3ff)
#define   VEPU2_SPLIT_MV		HANTRO_FIELD(VEPU2_REG_MV_PENALTY, 0, 0x1)
#define VEPU2_REG_MVC_CTRL		0x198
#define   VEPU2_ZERO_MV_FAVOR		HANTRO_FIELD(VEPU2_REG_MVC_CTRL, 20, 0xf)
#define VEPU2_REG_DMV_PENALTY		0x1e0
#define VEPU2_REG_DMV_QPEL_PENALTY	0x260
/* Macroblock rectangles (MPP hal_h264e_vepu2_reg_tbl.h). */
#define VEPU2_REG_INTRA_AREA		0x0b8
#define VEPU2_REG_ROI1			0x148
#define VEPU2_REG_ROI2			0x14c
#define VEPU2_AREA(r)	{ .reg = (r), .left = 8, .right = 0, .top = 24, .bottom = 16 }
#define VEPU2_REG_DATA_ENDIAN		0x1a4
#define   VEPU2_INPUT_SWAP8		BIT(31)
#define   VEPU2_INPUT_SWAP16		BIT(30)
#define   VEPU2_INPUT_SWAP32		BIT(29)
#define   VEPU2_OUTPUT_SWAP8		BIT(28)
#define   VEPU2_OUTPUT_SWAP16		BIT(27)
#define   VEPU2_OUTPUT_SWAP32		BIT(26)
/* Every swap in and out before every frame, as MPP does. */
#define   VEPU2_ENDIAN_FRAME		(VEPU2_INPUT_SWAP8 | VEPU2_INPUT_SWAP16 | \
					 VEPU2_INPUT_SWAP32 | VEPU2_OUTPUT_SWAP8 | \
					 VEPU2_OUTPUT_SWAP16 | VEPU2_OUTPUT_SWAP32)
#define VEPU2_REG_ENC_CTRL3		0x1a8
#define   VEPU2_PPS_ID			HANTRO_FIELD(VEPU2_REG_ENC_CTRL3, 24, 0xff)
#define   VEPU2_PREV_MODE_FAVOR		HANTRO_FIELD(VEPU2_REG_ENC_CTRL3, 16, 0xff)
#define   VEPU2_FRAME_NUM		HANTRO_FIELD(VEPU2_REG_ENC_CTRL3, 0, 0xffff)
#define VEPU2_REG_INTERRUPT		0x1b4
/* Clock gating: MPP's VEPU2 JPEG HAL sets it, its H.264 HAL does not. */
#define   VEPU2_CLOCK_GATING		BIT(12)
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
/* VP8 mode (MPP hal_vp8e_vepu2_reg.h; fields in hantro_layout.h). */
#define VEPU2_REG_ADDR_VP8_SIZE_TBL	0x138
#define VEPU2_REG_ADDR_VP8_PART0	0x0b0
#define VEPU2_REG_ADDR_VP8_PART1	0x0b4
#define VEPU2_REG_ADDR_VP8_PROB_CNT	0x1b0
#define VEPU2_REG_VP8_BOOL_VALUE	0x120
#define VEPU2_REG_VP8_BOOL_CTRL		0x124
#define VEPU2_REG_VP8_DEQUANT_0		0x118
#define VEPU2_REG_VP8_DEQUANT_1		0x11c
#define VEPU2_REG_VP8_SPLIT_PENALTY	0x1ac
#define VEPU2_REG_VP8_INTRA16_PENALTY	0x084
#define VEPU2_REG_VP8_INTRA4_PENALTY	0x070
/* VEPU2 splits them: intra's two deltas, then the other three of each. */
#define VEPU2_REG_VP8_LF_DELTA_0	0x0a0
#define VEPU2_REG_VP8_LF_REF_DELTA	0x0a8
#define VEPU2_REG_VP8_LF_MODE_DELTA	0x0ac
/* In VP8 mode two H.264 control registers hold the second reference. */
#define VEPU2_REG_VP8_REF2_LUMA		VEPU2_REG_ENC_CTRL2
#define VEPU2_REG_VP8_REF2_CHROMA	VEPU2_REG_ENC_CTRL3
#define VEPU2_REG_LAST			0x2dc

/*
 * The VEPU2 layout by meaning (hantro_layout.h). H.264 fields from MPP
 * hal_h264e_vepu2_reg_tbl.h.
 */
#define HANTRO_VEPU2_LAYOUT {						\
	.mode = VEPU2_ENC_MODE,						\
	.pic_type = VEPU2_ENC_PIC_TYPE,					\
	.mb_width = VEPU2_ENC_MB_WIDTH,					\
	.mb_height = VEPU2_ENC_MB_HEIGHT,				\
	.in_fmt = VEPU2_IN_FMT,						\
	.row_len = VEPU2_IN_ROW_LEN,					\
	.overfill_r = VEPU2_IN_OVERFILL_R,				\
	.overfill_b = VEPU2_IN_OVERFILL_B,				\
	.in_addr = { VEPU2_REG_ADDR_IN_PLANE_0, VEPU2_REG_ADDR_IN_PLANE_1, \
		     VEPU2_REG_ADDR_IN_PLANE_2 },			\
	.out_addr = VEPU2_REG_ADDR_OUTPUT_STREAM,			\
	.buf_limit = VEPU2_REG_STR_BUF_LIMIT,				\
	.jpeg_qluma = VEPU2_REG_JPEG_LUMA_QUANT_0,			\
	.jpeg_qchroma = VEPU2_REG_JPEG_CHROMA_QUANT_0,			\
	.ref_y = VEPU2_REG_ADDR_REF_LUMA,				\
	.ref_c = VEPU2_REG_ADDR_REF_CHROMA,				\
	.rec_y = VEPU2_REG_ADDR_REC_LUMA,				\
	.rec_c = VEPU2_REG_ADDR_REC_CHROMA,				\
	.hdr_rem_msb = VEPU2_REG_STR_HDR_REM_MSB,			\
	.hdr_rem_lsb = VEPU2_REG_STR_HDR_REM_LSB,			\
	.cabac_table = VEPU2_REG_ADDR_CABAC_TBL,			\
	.start_offset = VEPU2_STREAM_START_OFFSET,			\
	.pic_init_qp = VEPU2_PIC_INIT_QP,				\
	.alpha = VEPU2_SLICE_ALPHA,					\
	.beta = VEPU2_SLICE_BETA,					\
	.chroma_qp_offset = VEPU2_CHROMA_QP_OFFSET,			\
	.idr_pic_id = VEPU2_IDR_PIC_ID,					\
	.pps_id = VEPU2_PPS_ID,						\
	.frame_num = VEPU2_FRAME_NUM,					\
	.deblock = VEPU2_FILTER_DISABLE,					\
	.qpel_off = VEPU2_QPEL_OFF,					\
	.trans8x8 = VEPU2_TRANS8X8,					\
	.cabac_idc = VEPU2_CABAC_INIT_IDC,				\
	.cabac = VEPU2_CABAC_EN,					\
	.qp = VEPU2_QP,							\
	.qp_max = VEPU2_QP_MAX,						\
	.qp_min = VEPU2_QP_MIN,						\
	.qp_sum = VEPU2_QP_SUM,						\
	.rlc_sum = VEPU2_RLC_SUM,					\
	.rlc_sum_unit = 1,						\
	.cp_distance = VEPU2_CP_DISTANCE,				\
	.checkpoints = VEPU2_REG_CHECKPOINT_0,				\
	.cp_word_error = VEPU2_REG_CHKPT_WORD_ERR_0,			\
	.cp_delta_qp = VEPU2_REG_CHKPT_DELTA_QP,			\
	.prev_mode_favor = VEPU2_PREV_MODE_FAVOR,			\
	.intra16_favor = VEPU2_INTRA16_FAVOR,				\
	.inter_favor = VEPU2_INTER_FAVOR,				\
	.skip_penalty = VEPU2_SKIP_PENALTY,				\
	.inter4x4_restrict = VEPU2_INTER4X4_RESTRICT,			\
	.split_mv = VEPU2_SPLIT_MV,					\
	.mv_penalty_1p = VEPU2_MV_PENALTY_1P,				\
	.mv_penalty_4p = VEPU2_MV_PENALTY_4P,				\
	.mv_penalty_qpel = VEPU2_MV_PENALTY_QPEL,			\
	.zero_mv_favor = VEPU2_ZERO_MV_FAVOR,				\
	.dmv_penalty = VEPU2_REG_DMV_PENALTY,				\
	.dmv_qpel_penalty = VEPU2_REG_DMV_QPEL_PENALTY,			\
	.intra_area = VEPU2_AREA(VEPU2_REG_INTRA_AREA),			\
	.roi1 = VEPU2_AREA(VEPU2_REG_ROI1),				\
	.roi2 = VEPU2_AREA(VEPU2_REG_ROI2),				\
	.vp8 = {							\
		.size_table = VEPU2_REG_ADDR_VP8_SIZE_TBL,		\
		.size_table_en = HANTRO_FIELD(VEPU2_REG_ENC_CTRL1, 0, 0x1),	\
		.part_addr = { VEPU2_REG_ADDR_VP8_PART0, VEPU2_REG_ADDR_VP8_PART1 },	\
		.prob_count = VEPU2_REG_ADDR_VP8_PROB_CNT,		\
		.bool_value = VEPU2_REG_VP8_BOOL_VALUE,			\
		.bool_bits = HANTRO_VP8_BOOL_BITS(VEPU2_REG_VP8_BOOL_CTRL),	\
		.bool_range = HANTRO_VP8_BOOL_RANGE(VEPU2_REG_VP8_BOOL_CTRL),	\
		.dct_parts = HANTRO_VP8_DCT_PARTS(VEPU2_REG_VP8_BOOL_CTRL),	\
		.filter_type = HANTRO_FIELD(VEPU2_REG_ENC_CTRL0, 24, 0x3),	\
		.filter_level = HANTRO_VP8_FILTER_LEVEL(VEPU2_REG_VP8_BOOL_CTRL),	\
		.sharpness = HANTRO_VP8_SHARPNESS(VEPU2_REG_VP8_BOOL_CTRL),	\
		.dq_y1_dc = HANTRO_VP8_DQ_Y1_DC(VEPU2_REG_VP8_DEQUANT_0),	\
		.dq_y1_ac = HANTRO_VP8_DQ_Y1_AC(VEPU2_REG_VP8_DEQUANT_0),	\
		.dq_y2_dc = HANTRO_VP8_DQ_Y2_DC(VEPU2_REG_VP8_DEQUANT_0),	\
		.dq_y2_ac = HANTRO_VP8_DQ_Y2_AC(VEPU2_REG_VP8_DEQUANT_1),	\
		.dq_uv_dc = HANTRO_VP8_DQ_UV_DC(VEPU2_REG_VP8_DEQUANT_1),	\
		.dq_uv_ac = HANTRO_VP8_DQ_UV_AC(VEPU2_REG_VP8_DEQUANT_1),	\
		.ref_lf_delta = {					\
			HANTRO_VP8_LF_DELTA(VEPU2_REG_VP8_LF_DELTA_0, 16),	\
			HANTRO_VP8_LF_DELTA(VEPU2_REG_VP8_LF_REF_DELTA, 8),	\
			HANTRO_VP8_LF_DELTA(VEPU2_REG_VP8_LF_REF_DELTA, 0),	\
			HANTRO_VP8_LF_DELTA(VEPU2_REG_VP8_LF_REF_DELTA, 16),	\
		},							\
		.mode_lf_delta = {					\
			HANTRO_VP8_LF_DELTA(VEPU2_REG_VP8_LF_DELTA_0, 24),	\
			HANTRO_VP8_LF_DELTA(VEPU2_REG_VP8_LF_MODE_DELTA, 8),	\
			HANTRO_VP8_LF_DELTA(VEPU2_REG_VP8_LF_MODE_DELTA, 0),	\
			HANTRO_VP8_LF_DELTA(VEPU2_REG_VP8_LF_MODE_DELTA, 16),	\
		},							\
		/* Luma DC where H.264 has its QP, the others together. */	\
		.quant = { VEPU2_REG_QP_VAL, VEPU2_REG_CHECKPOINT_0,	\
			   VEPU2_REG_CHECKPOINT_0 + 4, VEPU2_REG_CHECKPOINT_0 + 8,	\
			   VEPU2_REG_CHECKPOINT_0 + 12, VEPU2_REG_CHECKPOINT_0 + 16 },	\
		.golden_penalty = HANTRO_VP8_GOLDEN_PENALTY(VEPU2_REG_VP8_BOOL_CTRL),	\
		.split_penalty = { HANTRO_VP8_SPLIT_PENALTY(VEPU2_REG_VP8_SPLIT_PENALTY, 0),	\
				   HANTRO_VP8_SPLIT_PENALTY(VEPU2_REG_VP8_SPLIT_PENALTY, 1),	\
				   HANTRO_VP8_SPLIT_PENALTY(VEPU2_REG_VP8_SPLIT_PENALTY, 2) },	\
		.split_penalty_4x4 = HANTRO_FIELD(VEPU2_REG_MVC_CTRL, 11, 0x1ff),	\
		.intra16_penalty = VEPU2_REG_VP8_INTRA16_PENALTY,	\
		.intra4_penalty = VEPU2_REG_VP8_INTRA4_PENALTY,		\
		.penalty_lo = HANTRO_FIELD(0, 0, 0xfff),		\
		.penalty_hi = HANTRO_FIELD(0, 16, 0xfff),		\
		/* Where H.264 has other registers (MPP's VP8 HAL: 0x130, 0x1a8). */	\
		.ref2_y = VEPU2_REG_VP8_REF2_LUMA,			\
		.ref2_c = VEPU2_REG_VP8_REF2_CHROMA,			\
		.ref2_enable = HANTRO_VP8_REF2_ENABLE(VEPU2_REG_VP8_DEQUANT_1),	\
		.mv_ref_idx2 = HANTRO_VP8_MV_REF_IDX(VEPU2_REG_VP8_DEQUANT_1),	\
		.unsupported = { HANTRO_VP8_SEGMENT_ENABLE(VEPU2_REG_VP8_DEQUANT_1),	\
				 HANTRO_VP8_SEGMENT_MAP_UPDATE(VEPU2_REG_VP8_DEQUANT_1),	\
				 HANTRO_VP8_MV_REF_IDX(VEPU2_REG_VP8_DEQUANT_0) },	\
		.bilinear = HANTRO_FIELD(0, 0, 0),			\
	},								\
}

#endif /* HANTRO_VEPU2_REGS_H */
