/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: where each encoder parameter lives in an IP's register map.
 *
 * H1/VEPU1 and VEPU2 carry the same parameters at different offsets and
 * bit positions. Both the driver (which programs them) and the virtual
 * VEPU (which decodes them) work from one table per IP, so the two cannot
 * disagree and neither needs a copy of its code per IP.
 */
#ifndef HANTRO_LAYOUT_H
#define HANTRO_LAYOUT_H

#include <linux/types.h>

/* Encoding mode field values, the same on both IPs. */
#define HANTRO_MODE_VP8		1
#define HANTRO_MODE_JPEG	2
#define HANTRO_MODE_H264	3

/**
 * enum hantro_in_fmt - values of the input format field, the same on both
 *			IPs
 * @HANTRO_IN_YUV420P: planar 4:2:0, three planes
 * @HANTRO_IN_NV12: semi-planar 4:2:0, CbCr interleaved
 * @HANTRO_IN_YUYV: packed 4:2:2, Y0 Cb Y1 Cr
 * @HANTRO_IN_UYVY: packed 4:2:2, Cb Y0 Cr Y1
 */
enum hantro_in_fmt {
	HANTRO_IN_YUV420P = 0,
	HANTRO_IN_NV12 = 1,
	HANTRO_IN_YUYV = 2,
	HANTRO_IN_UYVY = 3,
};

/* Picture type field values. */
#define HANTRO_PIC_INTER	0
#define HANTRO_PIC_INTRA	1

/**
 * struct hantro_field - a bit field of a register
 * @reg:	register offset
 * @shift:	position of the field's least significant bit
 * @mask:	field mask, not shifted
 */
struct hantro_field {
	u16 reg;
	u8 shift;
	u32 mask;
};

#define HANTRO_FIELD(r, s, m)	{ .reg = (r), .shift = (s), .mask = (m) }

/*
 * Macroblock rate control: checkpoint targets, word-error thresholds
 * between them and the QP change below each threshold and above the last.
 */
#define HANTRO_CHECKPOINTS	10
#define HANTRO_CP_ERRORS	6
#define HANTRO_CP_DELTAS	(HANTRO_CP_ERRORS + 1)

/* Entries of each motion vector difference penalty table. */
#define HANTRO_DMV_PENALTIES	128

/*
 * What the checkpoints count: the picture's run-level codewords so far
 * (non-zero coefficients), not stream bits. Targets and the counts read
 * back are in units of 32 codewords, the error thresholds on
 * (count - target) in units of 4 (Hantro's register table: "checkpoint word
 * target/usage div32", "word error div4"; MPP's VEPU HALs derive the
 * targets from a coefficient target and multiply the read-backs by 32).
 * The frame's total is read back in units of struct hantro_layout's
 * rlc_sum_unit.
 */
#define HANTRO_CP_TARGET_UNIT	32
#define HANTRO_CP_ERROR_UNIT	4

/*
 * The unit of the output size register: bytes for JPEG, 8-byte words for
 * H.264 and VP8 (Hantro's reference encoder, H264CodeFrame.c: "outputStrmSize
 * /= 8 (64-bit addresses)"; MPP's H.264 and VP8 HALs shift by 3, its JPEG
 * HALs and mainline's JPEG code write bytes; MPP's register traces in
 * tests/vectors/mpp agree). A limit written in bytes for H.264 lets the
 * core write eight times past the buffer's end.
 */
static inline unsigned int hantro_buf_limit_unit(unsigned int mode)
{
	return mode == HANTRO_MODE_JPEG ? 1 : 8;
}

/*
 * The output size register's value for @bytes available from the output
 * address on (the header bytes handed over in HDR_REM included). In 8-byte
 * units it is a multiple of 8, whole 64-byte bursts, as MPP's H.264 HALs
 * round it ("limit &= ~7").
 */
static inline u32 hantro_buf_limit(unsigned int mode, u32 bytes)
{
	if (mode == HANTRO_MODE_JPEG)
		return bytes;
	return (bytes / hantro_buf_limit_unit(mode)) & ~7u;
}

/*
 * Where the i-th checkpoint QP change sits in the delta-QP register: the
 * first in bits 27:24, down to the last in bits 3:0 (Hantro's register
 * table, HEncCPDeltaQp1 at 27:24; MPP writes 0x0def0123 for -3..+3).
 */
static inline unsigned int hantro_cp_delta_shift(unsigned int i)
{
	return 4 * (HANTRO_CP_DELTAS - 1 - i);
}

/*
 * Entry @i of a DMV penalty table: its register, from the table's first,
 * and its shift there (four 8-bit entries a register, the first on top).
 */
static inline u16 hantro_dmv_reg(u16 table, unsigned int i)
{
	return table + i / 4 * 4;
}

static inline unsigned int hantro_dmv_shift(unsigned int i)
{
	return 24 - 8 * (i % 4);
}

/**
 * struct hantro_area - a register holding a rectangle of macroblocks
 * @reg:	register offset
 * @left:	position of the 8-bit first column
 * @right:	position of the 8-bit last column
 * @top:	position of the 8-bit first row
 * @bottom:	position of the 8-bit last row
 */
struct hantro_area {
	u16 reg;
	u8 left;
	u8 right;
	u8 top;
	u8 bottom;
};

/**
 * struct hantro_vp8_layout - the registers of VP8 mode, which reuses
 * offsets that mean other things for H.264
 * @size_table:	where the hardware writes the bytes it coded into the first
 *		partition (counted from the 8-byte aligned output address) and
 *		into each token partition, one 32-bit word each
 * @size_table_en: write the size table (H.264's NAL size table switch)
 * @part_addr:	the first two token partitions' addresses
 * @prob_count:	where the hardware writes its symbol counts
 * @bool_value:	the boolean encoder's low value after the header
 * @bool_bits:	its bits shifted in so far, 24 less its count to the next
 *		byte
 * @bool_range:	its range
 * @dct_parts:	log2 of the token partitions
 * @filter_type: 0 the normal loop filter, 1 the simple one
 * @filter_level: loop filter level
 * @sharpness:	loop filter sharpness
 * @dq_y1_dc:	luma DC step
 * @dq_y1_ac:	luma AC step
 * @dq_y2_dc:	second-order DC step
 * @dq_y2_ac:	second-order AC step
 * @dq_uv_dc:	chroma DC step
 * @dq_uv_ac:	chroma AC step
 * @ref_lf_delta: loop filter level adjustment by reference (intra, last,
 *		golden, altref), 7-bit two's complement
 * @mode_lf_delta: by mode (B_PRED, ZEROMV, other vectors, SPLITMV)
 * @quant:	the quantiser registers of luma DC, luma AC, second-order DC
 *		and AC, chroma DC and AC (HANTRO_VP8_QUANT and the fields
 *		beside it)
 * @golden_penalty: cost of the golden frame's zero vector
 * @split_penalty: costs of 16x8, 8x8 and 8x4 partitions
 * @split_penalty_4x4: cost of 4x4 partitions
 * @intra16_penalty: first of two registers of two intra 16x16 mode costs
 * @intra4_penalty: first of five registers of two intra 4x4 mode costs
 * @penalty_lo:	where the first cost of such a register sits
 * @penalty_hi:	where the second does
 * @ref2_y:	the second search's reference luma address
 * @ref2_c:	its chroma address
 * @ref2_enable: the second search runs
 * @mv_ref_idx2: which reference it is: 1 golden, 2 altref (0 the last)
 * @bilinear:	inter prediction by the bilinear filters (profiles 1 and 2):
 *		H1's "VP8 interpolation: bilinear" in Hantro's reference code;
 *		VEPU2 has no such bit (mask 0) and so only profile 0
 * @unsupported: what neither the driver nor the model uses: segmentation,
 *		its map update and a reference other than the last frame for
 *		the first search
 */
struct hantro_vp8_layout {
	u16 size_table;
	struct hantro_field size_table_en;
	u16 part_addr[2];
	u16 prob_count;
	u16 bool_value;
	struct hantro_field bool_bits;
	struct hantro_field bool_range;
	struct hantro_field dct_parts;
	struct hantro_field filter_type;
	struct hantro_field filter_level;
	struct hantro_field sharpness;
	struct hantro_field dq_y1_dc;
	struct hantro_field dq_y1_ac;
	struct hantro_field dq_y2_dc;
	struct hantro_field dq_y2_ac;
	struct hantro_field dq_uv_dc;
	struct hantro_field dq_uv_ac;
	struct hantro_field ref_lf_delta[4];
	struct hantro_field mode_lf_delta[4];
	u16 quant[6];
	struct hantro_field golden_penalty;
	struct hantro_field split_penalty[3];
	struct hantro_field split_penalty_4x4;
	u16 intra16_penalty;
	u16 intra4_penalty;
	struct hantro_field penalty_lo;
	struct hantro_field penalty_hi;
	u16 ref2_y;
	u16 ref2_c;
	struct hantro_field ref2_enable;
	struct hantro_field mv_ref_idx2;
	struct hantro_field bilinear;
	struct hantro_field unsupported[3];
};

/*
 * The VP8 fields, at the same bits on both IPs, in the register each IP
 * has them in (MPP's hal_vp8e_vepu1_reg.h and hal_vp8e_vepu2_reg.h,
 * checked against its traces; Documentation/driver-api/
 * hantro-enc-vp8-vendor.md section 3): the boolean encoder and loop filter
 * register, then the two step size registers.
 */
#define HANTRO_VP8_BOOL_RANGE(r)	HANTRO_FIELD(r, 0, 0xff)
#define HANTRO_VP8_BOOL_BITS(r)		HANTRO_FIELD(r, 8, 0x1f)
#define HANTRO_VP8_DCT_PARTS(r)		HANTRO_FIELD(r, 13, 0x3)
#define HANTRO_VP8_FILTER_LEVEL(r)	HANTRO_FIELD(r, 15, 0x3f)
#define HANTRO_VP8_SHARPNESS(r)		HANTRO_FIELD(r, 21, 0x7)
#define HANTRO_VP8_DQ_Y1_DC(r)		HANTRO_FIELD(r, 0, 0xff)
#define HANTRO_VP8_DQ_Y1_AC(r)		HANTRO_FIELD(r, 8, 0x1ff)
#define HANTRO_VP8_DQ_Y2_DC(r)		HANTRO_FIELD(r, 17, 0x1ff)
#define HANTRO_VP8_DQ_Y2_AC(r)		HANTRO_FIELD(r, 0, 0x1ff)
#define HANTRO_VP8_DQ_UV_DC(r)		HANTRO_FIELD(r, 9, 0xff)
#define HANTRO_VP8_DQ_UV_AC(r)		HANTRO_FIELD(r, 17, 0x1ff)
#define HANTRO_VP8_LF_DELTA(r, s)	HANTRO_FIELD(r, s, 0x7f)
/* In the second step size register of both IPs (vendor record, 3.3). */
#define HANTRO_VP8_REF2_ENABLE(r)	HANTRO_FIELD(r, 28, 0x1)
#define HANTRO_VP8_SEGMENT_ENABLE(r)	HANTRO_FIELD(r, 29, 0x1)
#define HANTRO_VP8_SEGMENT_MAP_UPDATE(r) HANTRO_FIELD(r, 30, 0x1)
/* Each step size register's reference of a search: 0 the last frame. */
#define HANTRO_VP8_MV_REF_IDX(r)	HANTRO_FIELD(r, 26, 0x3)
#define HANTRO_VP8_GOLDEN_PENALTY(r)	HANTRO_FIELD(r, 24, 0xff)
/* The 16x8, 8x8 and 8x4 partition costs, from bit 20 down. */
#define HANTRO_VP8_SPLIT_PENALTY(r, i)	HANTRO_FIELD(r, 20 - 10 * (i), 0x3ff)

/*
 * Each quantiser register: the reciprocal of the step, the zero bin and
 * the rounding, at the same bits on both IPs (section 3.3 of the vendor
 * record).
 */
#define HANTRO_VP8_QUANT		HANTRO_FIELD(0, 0, 0x3fff)
#define HANTRO_VP8_ZBIN			HANTRO_FIELD(0, 14, 0x1ff)
#define HANTRO_VP8_ROUND		HANTRO_FIELD(0, 23, 0xff)

/**
 * struct hantro_layout - the registers of one IP by meaning
 * @mode:	encoding mode (start register)
 * @pic_type:	picture type (start register)
 * @mb_width:	width in macroblocks (start register)
 * @mb_height:	height in macroblocks (start register)
 * @in_fmt:	input format
 * @row_len:	input luma row length, pixels
 * @overfill_r:	columns right of the visible area in the last MB, / 4
 * @overfill_b:	rows below the visible area in the last MB row
 * @in_addr:	input plane addresses
 * @out_addr:	output stream address
 * @buf_limit:	output size in hantro_buf_limit_unit()s; reads back the
 *		bits written from @out_addr on,
 *		the header bytes handed over in HDR_REM included
 * @jpeg_qluma:	first of 16 JPEG luma quantization registers
 * @jpeg_qchroma: first of 16 JPEG chroma quantization registers
 * @ref_y:	H.264 reference luma address
 * @ref_c:	H.264 reference chroma address
 * @rec_y:	H.264 reconstruction luma address
 * @rec_c:	H.264 reconstruction chroma address
 * @hdr_rem_msb: first 4 bytes already at the output address (big-endian)
 * @hdr_rem_lsb: next 4 bytes
 * @cabac_table: CABAC context table address
 * @start_offset: bits of @hdr_rem_msb/@hdr_rem_lsb that are valid
 * @pic_init_qp: PPS pic_init_qp
 * @alpha:	slice_alpha_c0_offset_div2 (4-bit two's complement)
 * @beta:	slice_beta_offset_div2 (4-bit two's complement)
 * @chroma_qp_offset: chroma_qp_index_offset (5-bit two's complement)
 * @idr_pic_id:	idr_pic_id
 * @pps_id:	pic_parameter_set_id
 * @frame_num:	frame_num
 * @deblock:	disable_deblocking_filter_idc (0 and 1 only where the field
 *		has one bit)
 * @cabac:	entropy_coding_mode_flag
 * @cabac_idc:	cabac_init_idc
 * @trans8x8:	transform_8x8_mode_flag
 * @qpel_off:	restrict motion vectors to whole samples
 * @qp:		slice QP
 * @qp_max:	largest QP macroblock rate control may use
 * @qp_min:	smallest QP macroblock rate control may use
 * @qp_sum:	readback: sum of macroblock QPs / 2
 * @rlc_sum:	readback: the picture's run-level codewords / @rlc_sum_unit
 * @rlc_sum_unit: codewords per unit of @rlc_sum
 * @cp_distance: macroblocks between rate control checkpoints, 0 for none
 * @checkpoints: first of five registers of two 16-bit checkpoint targets
 *		(in HANTRO_CP_TARGET_UNITs of codewords; the even one in bits
 *		31:16), which read back the counts reached
 * @cp_word_error: first of three registers of two 16-bit signed error
 *		thresholds each (HANTRO_CP_ERROR_UNITs), in the same order
 * @cp_delta_qp: seven 4-bit signed QP changes, the first (below the lowest
 *		threshold) in bits 27:24, the last in bits 3:0; see
 *		hantro_cp_delta_shift()
 * @prev_mode_favor: favour of the predicted intra 4x4 mode
 * @intra16_favor: favour of intra 16x16 over intra 4x4
 * @inter_favor: favour of inter over intra coding
 * @skip_penalty: penalty of the skip mode
 * @inter4x4_restrict: no inter partitions below 8x8
 * @split_mv:	inter partitions below 16x16 (16x8, 8x16, 8x8)
 * @mv_penalty_1p: motion vector difference penalty, full-pixel search
 * @mv_penalty_4p: the same for the four-MV (split) search
 * @mv_penalty_qpel: the same for the quarter-pixel search
 * @zero_mv_favor: favour of the zero motion vector, / 2
 * @dmv_penalty: first of 32 registers of the full-pixel motion vector
 *		difference penalties, four 8-bit entries each, the first in
 *		bits 31:24
 * @dmv_qpel_penalty: the same for quarter-pixel differences
 * @intra_area:	macroblocks forced to intra coding
 * @roi1:	first region of interest (its own QP change)
 * @roi2:	second region of interest
 * @vp8:	VP8 mode's own registers
 */
struct hantro_layout {
	struct hantro_field mode;
	struct hantro_field pic_type;
	struct hantro_field mb_width;
	struct hantro_field mb_height;
	struct hantro_field in_fmt;
	struct hantro_field row_len;
	struct hantro_field overfill_r;
	struct hantro_field overfill_b;
	u16 in_addr[3];
	u16 out_addr;
	u16 buf_limit;
	u16 jpeg_qluma;
	u16 jpeg_qchroma;
	u16 ref_y;
	u16 ref_c;
	u16 rec_y;
	u16 rec_c;
	u16 hdr_rem_msb;
	u16 hdr_rem_lsb;
	u16 cabac_table;
	struct hantro_field start_offset;
	struct hantro_field pic_init_qp;
	struct hantro_field alpha;
	struct hantro_field beta;
	struct hantro_field chroma_qp_offset;
	struct hantro_field idr_pic_id;
	struct hantro_field pps_id;
	struct hantro_field frame_num;
	struct hantro_field deblock;
	struct hantro_field cabac;
	struct hantro_field cabac_idc;
	struct hantro_field trans8x8;
	struct hantro_field qpel_off;
	struct hantro_field qp;
	struct hantro_field qp_max;
	struct hantro_field qp_min;
	struct hantro_field qp_sum;
	struct hantro_field rlc_sum;
	u8 rlc_sum_unit;
	struct hantro_field cp_distance;
	u16 checkpoints;
	u16 cp_word_error;
	u16 cp_delta_qp;
	struct hantro_field prev_mode_favor;
	struct hantro_field intra16_favor;
	struct hantro_field inter_favor;
	struct hantro_field skip_penalty;
	struct hantro_field inter4x4_restrict;
	struct hantro_field split_mv;
	struct hantro_field mv_penalty_1p;
	struct hantro_field mv_penalty_4p;
	struct hantro_field mv_penalty_qpel;
	struct hantro_field zero_mv_favor;
	u16 dmv_penalty;
	u16 dmv_qpel_penalty;
	struct hantro_area intra_area;
	struct hantro_area roi1;
	struct hantro_area roi2;
	struct hantro_vp8_layout vp8;
};

/* @val placed into field @f of register value @reg. */
static inline u32 hantro_field_put(const struct hantro_field *f, u32 reg, u32 val)
{
	return (reg & ~(f->mask << f->shift)) | ((val & f->mask) << f->shift);
}

/* Field @f from a register file indexed by offset / 4. */
static inline u32 hantro_field_get(const struct hantro_field *f, const u32 *regs)
{
	return (regs[f->reg / 4] >> f->shift) & f->mask;
}

/* The same, sign-extended from the field's width. */
static inline int hantro_field_get_signed(const struct hantro_field *f, const u32 *regs)
{
	u32 v = hantro_field_get(f, regs), sign = (f->mask >> 1) + 1;

	return (int)(v ^ sign) - (int)sign;
}

#endif /* HANTRO_LAYOUT_H */
