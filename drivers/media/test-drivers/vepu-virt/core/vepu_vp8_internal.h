/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual VEPU: what the parts of the VP8 core share. Plain C.
 */
#ifndef VEPU_VP8_INTERNAL_H
#define VEPU_VP8_INTERNAL_H

#include <linux/types.h>

#include "vepu_vp8.h"

/* Coefficient blocks of a macroblock: 16 luma, 4 Cb, 4 Cr, then Y2. */
#define VEPU_VP8_BLOCKS		25
#define VEPU_VP8_Y2		24
#define VEPU_VP8_U		16
#define VEPU_VP8_V		20
/* Non-zero flags kept per macroblock edge: 4 luma, 2 Cb, 2 Cr, Y2. */
#define VEPU_VP8_NZ		9
/* B_PRED's samples: the corner, 16 above, 4 above-right. */
#define VEPU_VP8_EDGE_STRIDE	21

/**
 * struct vepu_vp8_mb - one macroblock's decisions and quantised levels
 * @ymode:	enum hantro_vp8_mode of luma (intra)
 * @uvmode:	enum hantro_vp8_mode of chroma (intra)
 * @ref:	enum hantro_vp8_ref
 * @mv_mode:	enum hantro_vp8_mv_mode (inter)
 * @mv:		the motion vector, row then column, quarter samples
 * @bmode:	B_PRED: each luma block's enum hantro_vp8_bmode
 * @has_y2:	the luma DCs go to a second-order block
 * @skip:	no block has a non-zero level
 * @level:	the levels of each block, raster order
 */
struct vepu_vp8_mb {
	u8 ymode;
	u8 uvmode;
	u8 ref;
	u8 mv_mode;
	s16 mv[2];
	u8 bmode[16];
	bool has_y2;
	bool skip;
	s16 level[VEPU_VP8_BLOCKS][16];
};

/**
 * struct vepu_vp8_mb_info - what later macroblocks and the loop filter
 * need of a coded macroblock
 * @ref:	enum hantro_vp8_ref
 * @mode:	enum hantro_vp8_mode when intra, enum hantro_vp8_mv_mode else
 * @mv:		its motion vector
 * @bmode:	key frames: its luma blocks' enum hantro_vp8_bmode, the
 *		whole-macroblock modes' counterparts when not B_PRED (the
 *		contexts of the blocks below and to the right)
 * @inner_edges: the loop filter filters its inner edges (it has levels,
 *		or B_PRED or SPLITMV)
 */
struct vepu_vp8_mb_info {
	u8 ref;
	u8 mode;
	s16 mv[2];
	u8 bmode[16];
	bool inner_edges;
};

/**
 * struct vepu_vp8_near - the vector predictors of a macroblock
 * @best:	what a new vector is coded against
 * @nearest:	NEARESTMV's vector
 * @near:	NEARMV's vector
 * @cnt:	the counts that pick the mode probabilities
 */
struct vepu_vp8_near {
	s16 best[2];
	s16 nearest[2];
	s16 near[2];
	u8 cnt[4];
};

/* inter.c */
void vepu_vp8_predict_inter(const struct vepu_vp8_pic *ref, unsigned int mbw, unsigned int mbh,
			    unsigned int mbx, unsigned int mby, const s16 *mv, bool bilinear,
			    u8 pred[384]);
unsigned int vepu_vp8_motion_search(const struct vepu_vp8_pic *ref, unsigned int mbw,
				    unsigned int mbh, unsigned int mbx, unsigned int mby,
				    const u8 *src, const struct vepu_vp8_near *near, int range,
				    unsigned int lambda, s16 *mv);
void vepu_vp8_find_near_mvs(const struct vepu_vp8_mb_info *info, unsigned int mbw,
			    unsigned int mbh, unsigned int mbx, unsigned int mby,
			    struct vepu_vp8_near *near);
void vepu_vp8_put_mv(struct hantro_vp8_boolenc *e, const struct hantro_vp8_probs *probs,
		     const s16 *dmv);

/* transform.c */
void vepu_vp8_fdct(const s16 *in, unsigned int stride, s16 out[16]);
void vepu_vp8_idct_add(const s16 coef[16], const u8 *pred, u8 *dst, unsigned int stride);
void vepu_vp8_fwht(const s16 in[16], s16 out[16]);
void vepu_vp8_iwht(const s16 in[16], s16 out[16]);
int vepu_vp8_quantise(int coef, unsigned int step, unsigned int round);

/* tokens.c */
unsigned int vepu_vp8_code_mb_tokens(struct hantro_vp8_boolenc *e,
				     const struct hantro_vp8_probs *probs,
				     const struct vepu_vp8_mb *mb, u8 *above_nz, u8 *left_nz,
				     u16 *counts);
void vepu_vp8_skip_mb_tokens(const struct vepu_vp8_mb *mb, u8 *above_nz, u8 *left_nz);

/* intra.c */
void vepu_vp8_predict_luma(const struct vepu_vp8_pic *rec, unsigned int stride,
			   unsigned int mbx, unsigned int mby, unsigned int mode, u8 pred[256]);
void vepu_vp8_predict_chroma(const struct vepu_vp8_pic *rec, unsigned int stride,
			     unsigned int mbx, unsigned int mby, unsigned int mode,
			     u8 pred_u[64], u8 pred_v[64]);

/* intra4x4.c */
void vepu_vp8_bpred_edges(const struct vepu_vp8_pic *rec, unsigned int mbw, unsigned int mbx,
			  unsigned int mby, u8 edges[17][VEPU_VP8_EDGE_STRIDE]);
void vepu_vp8_predict_4x4(const u8 *above, const u8 *left, unsigned int stride,
			  unsigned int mode, u8 *pred);

/* loopfilter.c */
void vepu_vp8_loop_filter(const struct vepu_vp8_job *job, const struct vepu_vp8_mb_info *info);

#endif /* VEPU_VP8_INTERNAL_H */
