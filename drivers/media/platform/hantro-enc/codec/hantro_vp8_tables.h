/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: VP8's constant tables (RFC 6386): the default and update
 * probabilities, the trees, and the quantiser steps. Plain C, also built
 * into the host unit tests and the virtual VEPU.
 */
#ifndef HANTRO_VP8_TABLES_H
#define HANTRO_VP8_TABLES_H

#include <linux/types.h>

#define HANTRO_VP8_BLOCK_TYPES		4
#define HANTRO_VP8_COEF_BANDS		8
#define HANTRO_VP8_PREV_COEF_CONTEXTS	3
#define HANTRO_VP8_ENTROPY_NODES	11
#define HANTRO_VP8_MV_PROBS		19
#define HANTRO_VP8_Q_INDICES		128
#define HANTRO_VP8_YMODES		5
#define HANTRO_VP8_UVMODES		4
#define HANTRO_VP8_BMODES		10

/**
 * enum hantro_vp8_block_type - which coefficient probabilities a block uses
 * @HANTRO_VP8_BLOCK_Y_AFTER_Y2: luma whose DC went to the Y2 block
 * @HANTRO_VP8_BLOCK_Y2: the second-order luma DC block
 * @HANTRO_VP8_BLOCK_UV: chroma
 * @HANTRO_VP8_BLOCK_Y_WITH_DC: luma with its own DC (B_PRED, SPLITMV)
 */
enum hantro_vp8_block_type {
	HANTRO_VP8_BLOCK_Y_AFTER_Y2,
	HANTRO_VP8_BLOCK_Y2,
	HANTRO_VP8_BLOCK_UV,
	HANTRO_VP8_BLOCK_Y_WITH_DC,
};

/**
 * enum hantro_vp8_mode - a macroblock's luma or chroma intra prediction
 * @HANTRO_VP8_DC_PRED: the average of the edges
 * @HANTRO_VP8_V_PRED: the row above, repeated down
 * @HANTRO_VP8_H_PRED: the column to the left, repeated across
 * @HANTRO_VP8_TM_PRED: "TrueMotion": left + above - above-left
 * @HANTRO_VP8_B_PRED: luma in sixteen 4x4 blocks
 */
enum hantro_vp8_mode {
	HANTRO_VP8_DC_PRED,
	HANTRO_VP8_V_PRED,
	HANTRO_VP8_H_PRED,
	HANTRO_VP8_TM_PRED,
	HANTRO_VP8_B_PRED,
};

/**
 * enum hantro_vp8_bmode - a 4x4 luma block's intra prediction (B_PRED),
 * RFC 6386 section 12.3; from the row above (A, with four more above and
 * to the right), the column to the left (L) and the sample above-left (P)
 * @HANTRO_VP8_B_DC: the average of A and L
 * @HANTRO_VP8_B_TM: L + A - P
 * @HANTRO_VP8_B_VE: A smoothed, repeated down
 * @HANTRO_VP8_B_HE: L smoothed, repeated across
 * @HANTRO_VP8_B_LD: down and to the left, from A and above-right
 * @HANTRO_VP8_B_RD: down and to the right, from L, P and A
 * @HANTRO_VP8_B_VR: steeply down and to the right
 * @HANTRO_VP8_B_VL: steeply down and to the left
 * @HANTRO_VP8_B_HD: shallowly down and to the right
 * @HANTRO_VP8_B_HU: up and to the right, from L only
 */
enum hantro_vp8_bmode {
	HANTRO_VP8_B_DC,
	HANTRO_VP8_B_TM,
	HANTRO_VP8_B_VE,
	HANTRO_VP8_B_HE,
	HANTRO_VP8_B_LD,
	HANTRO_VP8_B_RD,
	HANTRO_VP8_B_VR,
	HANTRO_VP8_B_VL,
	HANTRO_VP8_B_HD,
	HANTRO_VP8_B_HU,
};

/**
 * enum hantro_vp8_mv_mode - how an inter macroblock's motion vector is coded
 * @HANTRO_VP8_MV_NEAREST: the nearest neighbour's vector
 * @HANTRO_VP8_MV_NEAR: the next nearest
 * @HANTRO_VP8_MV_ZERO: no motion
 * @HANTRO_VP8_MV_NEW: coded as a difference to the best predictor
 * @HANTRO_VP8_MV_SPLIT: partitions with vectors of their own
 */
enum hantro_vp8_mv_mode {
	HANTRO_VP8_MV_NEAREST,
	HANTRO_VP8_MV_NEAR,
	HANTRO_VP8_MV_ZERO,
	HANTRO_VP8_MV_NEW,
	HANTRO_VP8_MV_SPLIT,
};

/**
 * enum hantro_vp8_token - a coefficient token (RFC 6386 section 13.2)
 * @HANTRO_VP8_TOKEN_ZERO: 0
 * @HANTRO_VP8_TOKEN_ONE: 1
 * @HANTRO_VP8_TOKEN_TWO: 2
 * @HANTRO_VP8_TOKEN_THREE: 3
 * @HANTRO_VP8_TOKEN_FOUR: 4
 * @HANTRO_VP8_TOKEN_CAT1: 5..6
 * @HANTRO_VP8_TOKEN_CAT2: 7..10
 * @HANTRO_VP8_TOKEN_CAT3: 11..18
 * @HANTRO_VP8_TOKEN_CAT4: 19..34
 * @HANTRO_VP8_TOKEN_CAT5: 35..66
 * @HANTRO_VP8_TOKEN_CAT6: 67..2114
 * @HANTRO_VP8_TOKEN_EOB: no more non-zero coefficients in the block
 */
enum hantro_vp8_token {
	HANTRO_VP8_TOKEN_ZERO,
	HANTRO_VP8_TOKEN_ONE,
	HANTRO_VP8_TOKEN_TWO,
	HANTRO_VP8_TOKEN_THREE,
	HANTRO_VP8_TOKEN_FOUR,
	HANTRO_VP8_TOKEN_CAT1,
	HANTRO_VP8_TOKEN_CAT2,
	HANTRO_VP8_TOKEN_CAT3,
	HANTRO_VP8_TOKEN_CAT4,
	HANTRO_VP8_TOKEN_CAT5,
	HANTRO_VP8_TOKEN_CAT6,
	HANTRO_VP8_TOKEN_EOB,
};

extern const u8 hantro_vp8_default_coef_probs[HANTRO_VP8_BLOCK_TYPES][HANTRO_VP8_COEF_BANDS]
	[HANTRO_VP8_PREV_COEF_CONTEXTS][HANTRO_VP8_ENTROPY_NODES];
extern const u8 hantro_vp8_coef_update_probs[HANTRO_VP8_BLOCK_TYPES][HANTRO_VP8_COEF_BANDS]
	[HANTRO_VP8_PREV_COEF_CONTEXTS][HANTRO_VP8_ENTROPY_NODES];
extern const u8 hantro_vp8_default_mv_probs[2][HANTRO_VP8_MV_PROBS];
extern const u8 hantro_vp8_mv_update_probs[2][HANTRO_VP8_MV_PROBS];
extern const u16 hantro_vp8_dc_q[HANTRO_VP8_Q_INDICES];
extern const u16 hantro_vp8_ac_q[HANTRO_VP8_Q_INDICES];

extern const u8 hantro_vp8_kf_ymode_probs[HANTRO_VP8_YMODES - 1];
extern const u8 hantro_vp8_kf_uvmode_probs[HANTRO_VP8_UVMODES - 1];
extern const u8 hantro_vp8_default_ymode_probs[HANTRO_VP8_YMODES - 1];
extern const u8 hantro_vp8_default_uvmode_probs[HANTRO_VP8_UVMODES - 1];
extern const u8 hantro_vp8_mode_contexts[6][4];
extern const u8 hantro_vp8_kf_bmode_probs[HANTRO_VP8_BMODES][HANTRO_VP8_BMODES]
	[HANTRO_VP8_BMODES - 1];
extern const u8 hantro_vp8_bmode_probs[HANTRO_VP8_BMODES - 1];

extern const s8 hantro_vp8_kf_ymode_tree[2 * (HANTRO_VP8_YMODES - 1)];
extern const s8 hantro_vp8_ymode_tree[2 * (HANTRO_VP8_YMODES - 1)];
extern const s8 hantro_vp8_uvmode_tree[2 * (HANTRO_VP8_UVMODES - 1)];
extern const s8 hantro_vp8_bmode_tree[2 * (HANTRO_VP8_BMODES - 1)];
extern const s8 hantro_vp8_mv_ref_tree[8];
extern const s8 hantro_vp8_token_tree[22];

extern const u8 hantro_vp8_coef_bands[16];
extern const u8 hantro_vp8_zigzag[16];

#endif /* HANTRO_VP8_TABLES_H */
