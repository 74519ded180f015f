/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual VEPU H.264 core: what its files share. Clause numbers refer to
 * ITU-T H.264 (08/2021).
 */
#ifndef VEPU_H264_INTERNAL_H
#define VEPU_H264_INTERNAL_H

#include "h264_bitwriter.h"
#include "h264_syntax.h"
#include "hantro_h264_cabac.h"
#include "vepu_h264.h"

/**
 * enum vepu_h264_mb_type - the macroblock types the core codes
 * @MB_I16:	Intra_16x16
 * @MB_I4:	Intra_4x4
 * @MB_P16:	P_L0_16x16
 * @MB_P16X8:	P_L0_L0_16x8
 * @MB_P8X16:	P_L0_L0_8x16
 * @MB_P8X8:	P_8x8, every sub-macroblock P_L0_8x8
 * @MB_SKIP:	P_Skip
 *
 * The P types are in the order of their mb_type values (Table 7-13).
 */
enum vepu_h264_mb_type {
	MB_I16,
	MB_I4,
	MB_P16,
	MB_P16X8,
	MB_P8X16,
	MB_P8X8,
	MB_SKIP,
};

/* The P macroblock types that carry motion vector differences. */
#define VEPU_H264_P_SHAPES	(MB_P8X8 - MB_P16 + 1)

/**
 * struct vepu_h264_mb - what later macroblocks and the loop filter need
 * @type:	enum vepu_h264_mb_type
 * @qp:		QP_Y
 * @mv:		motion vector of each 8x8 quadrant (raster), quarter
 *		samples (0 for intra)
 * @nnz:	TotalCoeff of each 4x4 block: 16 luma (raster), 4 Cb, 4 Cr
 * @i4_modes:	Intra4x4PredMode of each 4x4 block (raster), Intra_4x4 only
 * @cbp:	coded_block_pattern, luma bits 0..3, chroma in bits 4..5
 * @t8x8:	transform_size_8x8_flag
 * @coded_dc:	CABAC: coded_block_flag of the DC blocks: luma, Cb, Cr
 * @chroma_mode: CABAC: intra_chroma_pred_mode
 * @abs_mvd:	CABAC: absolute motion vector difference of each 8x8
 *		quadrant, per component
 */
struct vepu_h264_mb {
	u8 type;
	s8 qp;
	s16 mv[4][2];
	u8 nnz[24];
	u8 i4_modes[16];
	u8 cbp;
	bool t8x8;
	u8 coded_dc;
	u8 chroma_mode;
	u16 abs_mvd[4][2];
};

static inline bool vepu_h264_is_intra(const struct vepu_h264_mb *mb)
{
	return mb->type == MB_I16 || mb->type == MB_I4;
}

/* A P macroblock that is coded, not skipped. */
static inline bool vepu_h264_is_coded_inter(const struct vepu_h264_mb *mb)
{
	return mb->type >= MB_P16 && mb->type <= MB_P8X8;
}

/* The 8x8 quadrant (raster) of 4x4 luma block @b (raster). */
static inline unsigned int vepu_h264_quad(unsigned int b)
{
	return b % 4 / 2 + b / 8 * 2;
}

/**
 * struct vepu_h264_part - a macroblock partition
 * @x:	left column, in 4x4 blocks
 * @y:	top row, in 4x4 blocks
 * @w:	width, in 4x4 blocks
 * @h:	height, in 4x4 blocks
 */
struct vepu_h264_part {
	u8 x;
	u8 y;
	u8 w;
	u8 h;
};

/* Whether partition @p covers 8x8 quadrant @q (raster). */
static inline bool vepu_h264_part_covers(const struct vepu_h264_part *p, unsigned int q)
{
	return q % 2 * 2 >= p->x && q % 2 * 2 < p->x + p->w &&
	       q / 2 * 2 >= p->y && q / 2 * 2 < p->y + p->h;
}

/* The partitions of each P type, in coding order, and their number. */
extern const struct vepu_h264_part vepu_h264_parts[VEPU_H264_P_SHAPES][4];
extern const u8 vepu_h264_part_count[VEPU_H264_P_SHAPES];

/*
 * The nnz entry of the 4x4 block left of (@left) or above block @idx of a
 * grid @w blocks wide that starts at entry @base: in @cur, the macroblock's
 * own entries, or in @nbr, the macroblock on that side (NULL outside the
 * picture, which gives -1).
 */
static inline int vepu_h264_nbr_nnz(const u8 *cur, const struct vepu_h264_mb *nbr,
				    unsigned int base, unsigned int idx, unsigned int w, bool left)
{
	unsigned int x = idx % w, y = idx / w;

	if (left)
		return x ? cur[base + idx - 1] : nbr ? nbr->nnz[base + idx + w - 1] : -1;
	return y ? cur[base + idx - w] : nbr ? nbr->nnz[base + idx + w * (w - 1)] : -1;
}

/**
 * struct vepu_cabac - the arithmetic encoder of 9.3.4 and its contexts
 * @low:	codILow
 * @range:	codIRange
 * @outstanding: bitsOutstanding
 * @first_bit:	firstBitFlag
 * @bins:	bins coded in the slice, for the cabac_zero_word rule
 * @state:	per ctxIdx, pStateIdx << 1 | valMPS
 */
struct vepu_cabac {
	unsigned int low;
	unsigned int range;
	unsigned int outstanding;
	bool first_bit;
	u64 bins;
	u8 state[HANTRO_H264_CABAC_CTXS];
};

/**
 * struct vepu_h264_coeffs - quantized levels of one macroblock
 * @luma_dc:	Intra16x16DCLevel, zig-zag order
 * @luma:	16 luma blocks (raster order of blocks), zig-zag order; for
 *		Intra_16x16 index 0 is unused (the DC goes in @luma_dc)
 * @chroma_dc:	Cb and Cr DC, raster order
 * @chroma:	Cb then Cr AC blocks, zig-zag order, index 0 unused
 * @luma8:	with @t8x8, the four 8x8 luma blocks in zig-zag order
 * @cbp_luma:	coded_block_pattern luma bits (one per 8x8)
 * @cbp_chroma:	0 none, 1 DC only, 2 DC and AC
 * @t8x8:	transform_size_8x8_flag: luma in @luma8, not @luma
 */
struct vepu_h264_coeffs {
	s16 luma_dc[16];
	s16 luma[16][16];
	s16 luma8[4][64];
	s16 chroma_dc[2][4];
	s16 chroma[8][16];
	unsigned int cbp_luma;
	unsigned int cbp_chroma;
	bool t8x8;
};

/**
 * struct vepu_h264_ctx - one picture being coded
 * @job:	the picture's parameters
 * @mbw:	width in macroblocks
 * @mbh:	height in macroblocks
 * @mbs:	per-macroblock state, raster order
 * @bw:		slice output
 * @skip_run:	CAVLC: P_Skip macroblocks not yet signalled
 * @cabac:	CABAC: the arithmetic coder
 * @nal_start:	output position of the slice NAL unit's header byte
 * @qp:		QP the macroblocks are quantised with (checkpoints move it)
 * @qp_pred:	QP_Y,PRED: QP_Y of the previous macroblock
 * @qp_delta:	mb_qp_delta of the macroblock being written
 * @prev_qp_delta: mb_qp_delta of the previous macroblock, 0 if it had none
 */
struct vepu_h264_ctx {
	struct vepu_h264_job *job;
	unsigned int mbw;
	unsigned int mbh;
	struct vepu_h264_mb *mbs;
	struct h264_bw bw;
	unsigned int skip_run;
	struct vepu_cabac *cabac;
	size_t nal_start;
	int qp;
	int qp_pred;
	int qp_delta;
	int prev_qp_delta;
};

static inline int vepu_clip3(int lo, int hi, int v)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static inline u8 vepu_clip_pixel(int v)
{
	return vepu_clip3(0, 255, v);
}

/*
 * DC prediction from the sums of the n samples above and left of a block
 * (n = 1 << log2n), whichever are available (8-118..8-121, 8-52..8-55).
 */
static inline u8 vepu_h264_dc(unsigned int top_sum, bool top, unsigned int left_sum, bool left,
			      unsigned int log2n)
{
	if (top && left)
		return (top_sum + left_sum + (1u << log2n)) >> (log2n + 1);
	if (top)
		return (top_sum + (1u << (log2n - 1))) >> log2n;
	if (left)
		return (left_sum + (1u << (log2n - 1))) >> log2n;
	return 128;
}

/* Block index (raster within the MB) of the n-th 4x4 block in coding order. */
extern const u8 vepu_h264_blk_order[16];
/* Zig-zag scan position -> raster index in a 4x4 block (frame coding). */
extern const u8 vepu_h264_zigzag[16];

int vepu_h264_chroma_qp(int qp, int offset);

/* Lagrangian multiplier for SAD-domain decisions: ~2^((qp - 12) / 6). */
static inline unsigned int vepu_h264_lambda(int qp)
{
	static const u8 base[6] = { 64, 72, 81, 91, 102, 114 };
	unsigned int l = (base[qp % 6] << (qp / 6)) >> 8;

	return l ? l : 1;
}

/* vepu_h264_transform.c: transform, quantisation and reconstruction */
void vepu_h264_quant_luma(const u8 *src, const u8 *pred, bool intra16, int qp,
			  struct vepu_h264_coeffs *co);
bool vepu_h264_luma_zero(const u8 *src, const u8 *pred, int qp);
void vepu_h264_quant_chroma(const u8 *src, const u8 *pred, int qpc, bool intra,
			    unsigned int comp, struct vepu_h264_coeffs *co);
unsigned int vepu_h264_satd(const u8 *a, const u8 *b, unsigned int stride, unsigned int size);
unsigned int vepu_h264_satd16_below(const u8 *a, const u8 *b, unsigned int limit);
void vepu_h264_quant_4x4(const u8 *src, const u8 *pred, unsigned int stride, int qp, bool intra,
			 s16 levels[16]);
void vepu_h264_recon_4x4(const s16 levels[16], int qp, const u8 *pred, unsigned int pstride,
			 u8 *out, unsigned int ostride);
void vepu_h264_set_cbp(struct vepu_h264_coeffs *co, bool intra16);
void vepu_h264_recon_luma(const struct vepu_h264_coeffs *co, bool intra16, int qp,
			  const u8 *pred, u8 *out, unsigned int stride);
void vepu_h264_recon_chroma(const struct vepu_h264_coeffs *co, unsigned int comp, int qpc,
			    const u8 *pred, u8 *out, unsigned int stride);

/* vepu_h264_transform8x8.c: the 8x8 luma transform */
bool vepu_h264_quant_8x8(const u8 *src, const u8 *pred, int qp, bool intra, s16 levels[64]);
void vepu_h264_recon_8x8(const s16 levels[64], int qp, const u8 *pred, u8 *out,
			 unsigned int stride);
void vepu_h264_recon_luma8(const struct vepu_h264_coeffs *co, int qp, const u8 *pred, u8 *out,
			   unsigned int stride);
void vepu_h264_choose_transform(const u8 *src, const u8 *pred, int qp, unsigned int lambda,
				struct vepu_h264_coeffs *co);

/* vepu_h264_mvpred.c: motion vector prediction (8.4.1) */
void vepu_h264_mvp(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
		   unsigned int type, unsigned int part, s16 mvp[2]);
void vepu_h264_skip_mv(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
		       s16 mv[2]);
unsigned int vepu_h264_mvd_sum(const struct vepu_h264_ctx *c, unsigned int mbx,
			       unsigned int mby, unsigned int type, unsigned int part,
			       unsigned int comp);

/* vepu_h264_cavlc.c: macroblock layer syntax in CAVLC */
void vepu_h264_cavlc_mb(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			const struct vepu_h264_coeffs *co, unsigned int i16_mode,
			unsigned int chroma_mode, const s16 mvd[4][2]);

/* vepu_h264_cabac.c: slice data in CABAC */
int vepu_h264_cabac_start(struct vepu_h264_ctx *c);
void vepu_h264_cabac_skip(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			  bool skip);
void vepu_h264_cabac_mb(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			const struct vepu_h264_coeffs *co, unsigned int i16_mode,
			unsigned int chroma_mode, const s16 mvd[4][2]);
void vepu_h264_cabac_end_of_slice(struct vepu_h264_ctx *c, bool last);

/* Side of the interpolated area: a 16x16 block, one sample either side. */
#define VEPU_QPEL_N	18
/* ... with the 6-tap filter's margins. */
#define VEPU_QPEL_WIN	(VEPU_QPEL_N + 5)

/**
 * struct vepu_qpel - interpolation planes of an area of the reference
 * @ox:	left column of the area in the picture, full samples
 * @oy:	top row
 * @built: the planes built (bits by index in @p), 0 before the first of
 *	a picture
 * @p:	full samples G, horizontal half samples b (right of G), vertical
 *	half samples h (below G) and centre half samples j, in that order
 * @b1:	scratch: unrounded horizontal half samples of the window's rows
 * @win: scratch: the area with the filter's margins, for an area at the
 *	picture's edge
 */
struct vepu_qpel {
	int ox;
	int oy;
	unsigned int built;
	u8 p[4][VEPU_QPEL_N][VEPU_QPEL_N];
	s16 b1[VEPU_QPEL_WIN][VEPU_QPEL_N];
	u8 win[VEPU_QPEL_WIN][VEPU_QPEL_WIN];
};

/* vepu_h264_qpel.c: luma interpolation */
void vepu_h264_qpel_build(const struct vepu_h264_ctx *c, int ox, int oy, struct vepu_qpel *q);
void vepu_h264_qpel_cover(const struct vepu_h264_ctx *c, int ox, int oy, unsigned int w,
			  unsigned int h, struct vepu_qpel *q);
void vepu_h264_qpel_pred(const struct vepu_qpel *q, int x4, int y4, unsigned int w,
			 unsigned int h, u8 *pred);
unsigned int vepu_h264_qpel_sad(const struct vepu_qpel *q, int x4, int y4, unsigned int w,
				unsigned int h, const u8 *src, unsigned int limit);
void vepu_h264_mc_luma(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
		       const s16 mv[2], struct vepu_qpel *q, u8 pred[256]);

/**
 * struct vepu_h264_mbenc - one macroblock being decided and coded
 * @src:	source samples
 * @intra_y:	best intra luma prediction
 * @intra_c:	best intra chroma prediction
 * @pred_y:	luma prediction coded
 * @pred_c:	Cb and Cr prediction coded
 * @pred_split:	luma prediction of the partitioning being tried
 * @co:		levels
 * @co_i4:	levels of the Intra_4x4 candidate
 * @i4_modes:	its Intra4x4PredModes
 * @co_i8:	levels of the Intra_8x8 candidate
 * @i8_modes:	its Intra8x8PredModes, each in its four 4x4 entries
 * @rec_i4:	the Intra_4x4 candidate's luma while Intra_8x8 is tried
 * @i16_mode:	chosen Intra16x16PredMode
 * @chroma_mode: chosen intra_chroma_pred_mode
 * @type:	chosen P type
 * @mvd:	its motion vector difference of each partition
 * @skip_mv:	the P_Skip vector, in each quadrant
 * @skip_cost:	the P_Skip candidate's cost
 * @qpel:	interpolation planes
 */
struct vepu_h264_mbenc {
	struct vepu_mb src;
	u8 intra_y[256];
	u8 intra_c[2][64];
	u8 pred_y[256];
	u8 pred_c[2][64];
	u8 pred_split[256];
	struct vepu_h264_coeffs co;
	struct vepu_h264_coeffs co_i4;
	u8 i4_modes[16];
	struct vepu_h264_coeffs co_i8;
	u8 i8_modes[16];
	u8 rec_i4[256];
	unsigned int i16_mode;
	unsigned int chroma_mode;
	unsigned int type;
	s16 mvd[4][2];
	s16 skip_mv[4][2];
	unsigned int skip_cost;
	struct vepu_qpel qpel;
};

/* vepu_h264_motion.c: motion search, partitions, chroma prediction */
unsigned int vepu_h264_inter_decide(struct vepu_h264_ctx *c, unsigned int mbx,
				    unsigned int mby, struct vepu_h264_mbenc *m);
void vepu_h264_mc_chroma(const struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			 unsigned int type, const s16 mv[][2], u8 pred[2][64]);

/* vepu_h264_intra_nxn.c: Intra_4x4 and Intra_8x8 */
unsigned int vepu_h264_predicted_i4_mode(const struct vepu_h264_ctx *c, unsigned int mbx,
					 unsigned int mby, unsigned int b, const u8 modes[16]);
/* The cost of a candidate found out of the running early. */
#define VEPU_H264_NO_COST	(~0u >> 2)
unsigned int vepu_h264_code_i4(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			       const u8 *src, struct vepu_h264_coeffs *co, u8 modes[16],
			       unsigned int limit);
unsigned int vepu_h264_code_i8(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			       const u8 *src, struct vepu_h264_coeffs *co, u8 modes[16],
			       unsigned int limit);
void vepu_h264_write_slice_header(struct vepu_h264_ctx *c);

/* vepu_h264_deblock.c */
int vepu_h264_deblock(struct vepu_h264_ctx *c);

#endif /* VEPU_H264_INTERNAL_H */
