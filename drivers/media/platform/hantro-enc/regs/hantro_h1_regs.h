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

#include "hantro_layout.h"

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
/* Clock gating: MPP's VEPU1 JPEG HAL sets it, its H.264 HAL does not. */
#define   H1_AXI_CLOCK_GATING		BIT(4)
#define   H1_AXI_OUTPUT_SWAP32		BIT(3)
#define   H1_AXI_INPUT_SWAP32		BIT(2)
#define   H1_AXI_OUTPUT_SWAP8		BIT(1)
#define   H1_AXI_INPUT_SWAP8		BIT(0)
/*
 * What the driver writes there before every frame: bursts of 16, every
 * swap in and out (the core works on big-endian words); MPP writes the same.
 */
#define   H1_AXI_FRAME			(H1_AXI_OUTPUT_SWAP16 | H1_AXI_INPUT_SWAP16 | \
					 H1_AXI_BURST_LEN(16) | H1_AXI_OUTPUT_SWAP32 | \
					 H1_AXI_INPUT_SWAP32 | H1_AXI_OUTPUT_SWAP8 | \
					 H1_AXI_INPUT_SWAP8)
#define H1_REG_ADDR_OUTPUT_STREAM	0x014
#define H1_REG_ADDR_REF_LUMA		0x01c
#define H1_REG_ADDR_REF_CHROMA		0x020
#define H1_REG_ADDR_REC_LUMA		0x024
#define H1_REG_ADDR_REC_CHROMA		0x028
#define H1_REG_ADDR_IN_PLANE_0		0x02c
#define H1_REG_ADDR_IN_PLANE_1		0x030
#define H1_REG_ADDR_IN_PLANE_2		0x034
#define H1_REG_ENC_CTRL			0x038
#define   H1_ENC_TIMEOUT_EN		BIT(31)
#define   H1_ENC_MB_WIDTH		HANTRO_FIELD(H1_REG_ENC_CTRL, 19, 0x1ff)
#define   H1_ENC_MB_HEIGHT		HANTRO_FIELD(H1_REG_ENC_CTRL, 10, 0x1ff)
#define   H1_ENC_PIC_TYPE		HANTRO_FIELD(H1_REG_ENC_CTRL, 3, 0x3)
#define   H1_ENC_MODE			HANTRO_FIELD(H1_REG_ENC_CTRL, 1, 0x3)
#define   H1_ENC_EN			BIT(0)
#define H1_REG_IN_IMG_CTRL		0x03c
#define   H1_IN_ROW_LEN			HANTRO_FIELD(H1_REG_IN_IMG_CTRL, 12, 0x3fff)
#define   H1_IN_OVERFILL_R		HANTRO_FIELD(H1_REG_IN_IMG_CTRL, 10, 0x3)
#define   H1_IN_OVERFILL_B		HANTRO_FIELD(H1_REG_IN_IMG_CTRL, 6, 0xf)
#define   H1_IN_FMT			HANTRO_FIELD(H1_REG_IN_IMG_CTRL, 2, 0xf)
#define H1_REG_ENC_CTRL0		0x040
#define   H1_PIC_INIT_QP		HANTRO_FIELD(H1_REG_ENC_CTRL0, 26, 0x3f)
#define   H1_SLICE_ALPHA		HANTRO_FIELD(H1_REG_ENC_CTRL0, 22, 0xf)
#define   H1_SLICE_BETA			HANTRO_FIELD(H1_REG_ENC_CTRL0, 18, 0xf)
#define   H1_CHROMA_QP_OFFSET		HANTRO_FIELD(H1_REG_ENC_CTRL0, 13, 0x1f)
#define   H1_IDR_PIC_ID			HANTRO_FIELD(H1_REG_ENC_CTRL0, 1, 0xf)
#define H1_REG_ENC_CTRL1		0x044
#define   H1_PPS_ID			HANTRO_FIELD(H1_REG_ENC_CTRL1, 24, 0xff)
#define   H1_FRAME_NUM			HANTRO_FIELD(H1_REG_ENC_CTRL1, 0, 0xffff)
#define H1_REG_ENC_CTRL2		0x048
#define   H1_DEBLOCK_IDC		HANTRO_FIELD(H1_REG_ENC_CTRL2, 30, 0x3)
#define   H1_QPEL_OFF			HANTRO_FIELD(H1_REG_ENC_CTRL2, 22, 0x1)
#define   H1_TRANS8X8			HANTRO_FIELD(H1_REG_ENC_CTRL2, 21, 0x1)
#define   H1_CABAC_INIT_IDC		HANTRO_FIELD(H1_REG_ENC_CTRL2, 19, 0x3)
#define   H1_CABAC_EN			HANTRO_FIELD(H1_REG_ENC_CTRL2, 18, 0x1)
#define H1_REG_STR_HDR_REM_MSB		0x058
#define H1_REG_STR_HDR_REM_LSB		0x05c
/* Write: bytes available at the output address. Read: bits written. */
#define H1_REG_STR_BUF_LIMIT		0x060
#define H1_REG_QP_SUM			0x064
/* 22 bits in Hantro's table (HEncQpSum); MPP's VEPU1 table reads 21. */
#define   H1_QP_SUM			HANTRO_FIELD(H1_REG_QP_SUM, 0, 0x3fffff)
#define H1_REG_QP_VAL			0x06c
#define   H1_QP				HANTRO_FIELD(H1_REG_QP_VAL, 26, 0x3f)
#define   H1_QP_MAX			HANTRO_FIELD(H1_REG_QP_VAL, 20, 0x3f)
#define   H1_QP_MIN			HANTRO_FIELD(H1_REG_QP_VAL, 14, 0x3f)
#define   H1_CP_DISTANCE		HANTRO_FIELD(H1_REG_QP_VAL, 0, 0xfff)
#define H1_REG_CHECKPOINT_0		0x070
#define H1_REG_CHKPT_WORD_ERR_0		0x084
#define H1_REG_CHKPT_DELTA_QP		0x090
#define H1_REG_RLC_CTRL			0x094
#define   H1_STREAM_START_OFFSET	HANTRO_FIELD(H1_REG_RLC_CTRL, 23, 0x3f)
/* In 4s: Hantro's "RLC codeword count div4", MPP's VEPU1 HAL times 4. */
#define   H1_RLC_SUM			HANTRO_FIELD(H1_REG_RLC_CTRL, 0, 0x7fffff)
#define H1_REG_ADDR_CABAC_TBL		0x0cc
/*
 * Read-only: what the block was synthesised with (Hantro's register table,
 * HEncHW*Support and HEncHWMaxVideoWidth, the "HW synthesis config
 * register"). VEPU2 has no such register.
 */
/* Macroblock rectangles (MPP hal_h264e_vepu1_reg_tbl.h). */
#define H1_REG_INTRA_AREA		0x0e0
#define H1_REG_ROI1			0x0f0
#define H1_REG_ROI2			0x0f4
#define H1_AREA(r)	{ .reg = (r), .left = 24, .right = 16, .top = 8, .bottom = 0 }
/*
 * Motion search and mode decision costs (Hantro's register table:
 * HEncIPPrevModeFavor, HEncIPIntra16Favor, HEncInterFavor, HEncSkipPenalty,
 * HEncInter4Restrict, HEncSplitMv, HEncDMVPenalty1p/4p/Qp, HEncZeroMvFavor;
 * MPP hal_h264e_vepu1_reg_tbl.h agrees).
 */
#define   H1_PREV_MODE_FAVOR		HANTRO_FIELD(H1_REG_ENC_CTRL1, 16, 0xff)
#define   H1_INTRA16_FAVOR		HANTRO_FIELD(H1_REG_ENC_CTRL2, 0, 0xffff)
#define   H1_INTER4X4_RESTRICT		HANTRO_FIELD(H1_REG_ENC_CTRL2, 17, 0x1)
#define H1_REG_ENC_CTRL3		0x04c
#define   H1_SPLIT_MV			HANTRO_FIELD(H1_REG_ENC_CTRL3, 30, 0x1)
#define   H1_MV_PENALTY_QPEL		HANTRO_FIELD(H1_REG_ENC_CTRL3, 20, 0x3ff)
#define   H1_MV_PENALTY_4P		HANTRO_FIELD(H1_REG_ENC_CTRL3, 10, 0x3ff)
#define   H1_MV_PENALTY_1P		HANTRO_FIELD(H1_REG_ENC_CTRL3, 0, 0x3ff)
#define H1_REG_ENC_CTRL4		0x054
#define   H1_SKIP_PENALTY		HANTRO_FIELD(H1_REG_ENC_CTRL4, 24, 0xff)
#define   H1_INTER_FAVOR		HANTRO_FIELD(H1_REG_ENC_CTRL4, 0, 0xffff)
#define H1_REG_MVC_CTRL			0x0f8
#define   H1_ZERO_MV_FAVOR		HANTRO_FIELD(H1_REG_MVC_CTRL, 28, 0xf)
#define H1_REG_DMV_PENALTY		0x180
#define H1_REG_DMV_QPEL_PENALTY		0x200
#define H1_REG_CONFIG			0x0fc
#define   H1_CFG_H264			BIT(27)
#define   H1_CFG_VP8			BIT(26)
#define   H1_CFG_JPEG			BIT(25)
#define   H1_CFG_BUS_AXI		(3 << 20)
#define   H1_CFG_BUS_64BIT		BIT(12)
#define   H1_CFG_MAX_VIDEO_WIDTH	GENMASK(11, 0)
#define H1_REG_JPEG_LUMA_QUANT_0	0x100
#define H1_REG_JPEG_CHROMA_QUANT_0	0x140
/* VP8 mode (MPP hal_vp8e_vepu1_reg.h; fields in hantro_layout.h). */
#define H1_REG_ADDR_VP8_SIZE_TBL	0x018
#define H1_REG_ADDR_VP8_PART0		0x0e8
#define H1_REG_ADDR_VP8_PART1		0x0ec
#define H1_REG_ADDR_VP8_PROB_CNT	0x068
#define H1_REG_VP8_BOOL_VALUE		0x08c
#define H1_REG_VP8_BOOL_CTRL		0x090
#define H1_REG_VP8_DEQUANT_0		0x084
#define H1_REG_VP8_DEQUANT_1		0x088
#define H1_REG_VP8_QUANT_0		0x06c
#define H1_REG_VP8_SPLIT_PENALTY	0x050
#define H1_REG_VP8_INTRA16_PENALTY	0x100
#define H1_REG_VP8_INTRA4_PENALTY	0x108
#define H1_REG_VP8_LF_REF_DELTA		0x288
#define H1_REG_VP8_LF_MODE_DELTA	0x28c
/* In VP8 mode the H.264 header registers hold the second reference. */
#define H1_REG_VP8_REF2_LUMA		H1_REG_ENC_CTRL0
#define H1_REG_VP8_REF2_CHROMA		H1_REG_ENC_CTRL1
#define H1_REG_LAST			0x28c

/*
 * The H1 layout by meaning (hantro_layout.h). H.264 fields from MPP
 * hal_h264e_vepu1_reg_tbl.h.
 */
#define HANTRO_H1_LAYOUT {						\
	.mode = H1_ENC_MODE,						\
	.pic_type = H1_ENC_PIC_TYPE,					\
	.mb_width = H1_ENC_MB_WIDTH,					\
	.mb_height = H1_ENC_MB_HEIGHT,					\
	.in_fmt = H1_IN_FMT,						\
	.row_len = H1_IN_ROW_LEN,					\
	.overfill_r = H1_IN_OVERFILL_R,					\
	.overfill_b = H1_IN_OVERFILL_B,					\
	.in_addr = { H1_REG_ADDR_IN_PLANE_0, H1_REG_ADDR_IN_PLANE_1,	\
		     H1_REG_ADDR_IN_PLANE_2 },				\
	.out_addr = H1_REG_ADDR_OUTPUT_STREAM,				\
	.buf_limit = H1_REG_STR_BUF_LIMIT,				\
	.jpeg_qluma = H1_REG_JPEG_LUMA_QUANT_0,				\
	.jpeg_qchroma = H1_REG_JPEG_CHROMA_QUANT_0,			\
	.ref_y = H1_REG_ADDR_REF_LUMA,					\
	.ref_c = H1_REG_ADDR_REF_CHROMA,				\
	.rec_y = H1_REG_ADDR_REC_LUMA,					\
	.rec_c = H1_REG_ADDR_REC_CHROMA,				\
	.hdr_rem_msb = H1_REG_STR_HDR_REM_MSB,				\
	.hdr_rem_lsb = H1_REG_STR_HDR_REM_LSB,				\
	.cabac_table = H1_REG_ADDR_CABAC_TBL,				\
	.start_offset = H1_STREAM_START_OFFSET,				\
	.pic_init_qp = H1_PIC_INIT_QP,					\
	.alpha = H1_SLICE_ALPHA,					\
	.beta = H1_SLICE_BETA,						\
	.chroma_qp_offset = H1_CHROMA_QP_OFFSET,			\
	.idr_pic_id = H1_IDR_PIC_ID,					\
	.pps_id = H1_PPS_ID,						\
	.frame_num = H1_FRAME_NUM,					\
	.deblock = H1_DEBLOCK_IDC,					\
	.qpel_off = H1_QPEL_OFF,					\
	.trans8x8 = H1_TRANS8X8,					\
	.cabac_idc = H1_CABAC_INIT_IDC,					\
	.cabac = H1_CABAC_EN,						\
	.qp = H1_QP,							\
	.qp_max = H1_QP_MAX,						\
	.qp_min = H1_QP_MIN,						\
	.qp_sum = H1_QP_SUM,						\
	.rlc_sum = H1_RLC_SUM,						\
	.rlc_sum_unit = 4,						\
	.cp_distance = H1_CP_DISTANCE,					\
	.checkpoints = H1_REG_CHECKPOINT_0,				\
	.cp_word_error = H1_REG_CHKPT_WORD_ERR_0,			\
	.cp_delta_qp = H1_REG_CHKPT_DELTA_QP,				\
	.prev_mode_favor = H1_PREV_MODE_FAVOR,				\
	.intra16_favor = H1_INTRA16_FAVOR,				\
	.inter_favor = H1_INTER_FAVOR,					\
	.skip_penalty = H1_SKIP_PENALTY,				\
	.inter4x4_restrict = H1_INTER4X4_RESTRICT,			\
	.split_mv = H1_SPLIT_MV,					\
	.mv_penalty_1p = H1_MV_PENALTY_1P,				\
	.mv_penalty_4p = H1_MV_PENALTY_4P,				\
	.mv_penalty_qpel = H1_MV_PENALTY_QPEL,				\
	.zero_mv_favor = H1_ZERO_MV_FAVOR,				\
	.dmv_penalty = H1_REG_DMV_PENALTY,				\
	.dmv_qpel_penalty = H1_REG_DMV_QPEL_PENALTY,			\
	.intra_area = H1_AREA(H1_REG_INTRA_AREA),			\
	.roi1 = H1_AREA(H1_REG_ROI1),					\
	.roi2 = H1_AREA(H1_REG_ROI2),					\
	.vp8 = {							\
		.size_table = H1_REG_ADDR_VP8_SIZE_TBL,			\
		.size_table_en = HANTRO_FIELD(H1_REG_ENC_CTRL, 29, 0x1),	\
		.part_addr = { H1_REG_ADDR_VP8_PART0, H1_REG_ADDR_VP8_PART1 },	\
		.prob_count = H1_REG_ADDR_VP8_PROB_CNT,			\
		.bool_value = H1_REG_VP8_BOOL_VALUE,			\
		.bool_bits = HANTRO_VP8_BOOL_BITS(H1_REG_VP8_BOOL_CTRL),	\
		.bool_range = HANTRO_VP8_BOOL_RANGE(H1_REG_VP8_BOOL_CTRL),	\
		.dct_parts = HANTRO_VP8_DCT_PARTS(H1_REG_VP8_BOOL_CTRL),	\
		.filter_type = H1_DEBLOCK_IDC,				\
		.filter_level = HANTRO_VP8_FILTER_LEVEL(H1_REG_VP8_BOOL_CTRL),	\
		.sharpness = HANTRO_VP8_SHARPNESS(H1_REG_VP8_BOOL_CTRL),	\
		.dq_y1_dc = HANTRO_VP8_DQ_Y1_DC(H1_REG_VP8_DEQUANT_0),	\
		.dq_y1_ac = HANTRO_VP8_DQ_Y1_AC(H1_REG_VP8_DEQUANT_0),	\
		.dq_y2_dc = HANTRO_VP8_DQ_Y2_DC(H1_REG_VP8_DEQUANT_0),	\
		.dq_y2_ac = HANTRO_VP8_DQ_Y2_AC(H1_REG_VP8_DEQUANT_1),	\
		.dq_uv_dc = HANTRO_VP8_DQ_UV_DC(H1_REG_VP8_DEQUANT_1),	\
		.dq_uv_ac = HANTRO_VP8_DQ_UV_AC(H1_REG_VP8_DEQUANT_1),	\
		.ref_lf_delta = {					\
			HANTRO_VP8_LF_DELTA(H1_REG_VP8_LF_REF_DELTA, 0),	\
			HANTRO_VP8_LF_DELTA(H1_REG_VP8_LF_REF_DELTA, 7),	\
			HANTRO_VP8_LF_DELTA(H1_REG_VP8_LF_REF_DELTA, 14),	\
			HANTRO_VP8_LF_DELTA(H1_REG_VP8_LF_REF_DELTA, 21),	\
		},							\
		.mode_lf_delta = {					\
			HANTRO_VP8_LF_DELTA(H1_REG_VP8_LF_MODE_DELTA, 0),	\
			HANTRO_VP8_LF_DELTA(H1_REG_VP8_LF_MODE_DELTA, 7),	\
			HANTRO_VP8_LF_DELTA(H1_REG_VP8_LF_MODE_DELTA, 14),	\
			HANTRO_VP8_LF_DELTA(H1_REG_VP8_LF_MODE_DELTA, 21),	\
		},							\
		.quant = { H1_REG_VP8_QUANT_0, H1_REG_VP8_QUANT_0 + 4,	\
			   H1_REG_VP8_QUANT_0 + 8, H1_REG_VP8_QUANT_0 + 12,	\
			   H1_REG_VP8_QUANT_0 + 16, H1_REG_VP8_QUANT_0 + 20 },	\
		.golden_penalty = HANTRO_VP8_GOLDEN_PENALTY(H1_REG_VP8_BOOL_CTRL),	\
		.split_penalty = { HANTRO_VP8_SPLIT_PENALTY(H1_REG_VP8_SPLIT_PENALTY, 0),	\
				   HANTRO_VP8_SPLIT_PENALTY(H1_REG_VP8_SPLIT_PENALTY, 1),	\
				   HANTRO_VP8_SPLIT_PENALTY(H1_REG_VP8_SPLIT_PENALTY, 2) },	\
		.split_penalty_4x4 = HANTRO_FIELD(H1_REG_MVC_CTRL, 19, 0x1ff),	\
		.intra16_penalty = H1_REG_VP8_INTRA16_PENALTY,		\
		.intra4_penalty = H1_REG_VP8_INTRA4_PENALTY,		\
		/* 10 bits in Hantro's table, 12 in MPP's: the narrower. */	\
		.penalty_lo = HANTRO_FIELD(0, 0, 0x3ff),		\
		.penalty_hi = HANTRO_FIELD(0, 12, 0x3ff),		\
		/* Where H.264 has other registers (MPP's VP8 HAL: 0x040, 0x044). */	\
		.ref2_y = H1_REG_VP8_REF2_LUMA,			\
		.ref2_c = H1_REG_VP8_REF2_CHROMA,			\
		.ref2_enable = HANTRO_VP8_REF2_ENABLE(H1_REG_VP8_DEQUANT_1),	\
		.mv_ref_idx2 = HANTRO_VP8_MV_REF_IDX(H1_REG_VP8_DEQUANT_1),	\
		.unsupported = { HANTRO_VP8_SEGMENT_ENABLE(H1_REG_VP8_DEQUANT_1),	\
				 HANTRO_VP8_SEGMENT_MAP_UPDATE(H1_REG_VP8_DEQUANT_1),	\
				 HANTRO_VP8_MV_REF_IDX(H1_REG_VP8_DEQUANT_0) },	\
		/* 0x094 bit 31: Hantro's "VP8 interpolation: bilinear". */	\
		.bilinear = HANTRO_FIELD(H1_REG_RLC_CTRL, 31, 0x1),		\
	},								\
}

#endif /* HANTRO_H1_REGS_H */
