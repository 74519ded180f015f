/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual VEPU H.264 core: what its files share. Clause numbers refer to
 * ITU-T H.264 (08/2021).
 */
#ifndef VEPU_VIRT_H264_INT_H
#define VEPU_VIRT_H264_INT_H

#include "h264_bitwriter.h"
#include "vepu_virt_h264.h"

/**
 * enum vepu_h264_mb_type - the macroblock types the core codes
 * @MB_I16:	Intra_16x16
 * @MB_P16:	P_L0_16x16
 * @MB_SKIP:	P_Skip
 */
enum vepu_h264_mb_type {
	MB_I16,
	MB_P16,
	MB_SKIP,
};

/**
 * struct vepu_h264_mb - what later macroblocks and the loop filter need
 * @type:	enum vepu_h264_mb_type
 * @qp:		QP_Y
 * @mv:		motion vector, quarter samples (0 for intra)
 * @nnz:	TotalCoeff of each 4x4 block: 16 luma (raster), 4 Cb, 4 Cr
 */
struct vepu_h264_mb {
	u8 type;
	s8 qp;
	s16 mv[2];
	u8 nnz[24];
};

/**
 * struct vepu_h264_coeffs - quantized levels of one macroblock
 * @luma_dc:	Intra16x16DCLevel, zig-zag order
 * @luma:	16 luma blocks (raster order of blocks), zig-zag order; for
 *		Intra_16x16 index 0 is unused (the DC goes in @luma_dc)
 * @chroma_dc:	Cb and Cr DC, raster order
 * @chroma:	Cb then Cr AC blocks, zig-zag order, index 0 unused
 * @cbp_luma:	coded_block_pattern luma bits (one per 8x8)
 * @cbp_chroma:	0 none, 1 DC only, 2 DC and AC
 */
struct vepu_h264_coeffs {
	s16 luma_dc[16];
	s16 luma[16][16];
	s16 chroma_dc[2][4];
	s16 chroma[8][16];
	unsigned int cbp_luma;
	unsigned int cbp_chroma;
};

/**
 * struct vepu_h264_ctx - one picture being coded
 * @job:	the picture's parameters
 * @mbw:	width in macroblocks
 * @mbh:	height in macroblocks
 * @mbs:	per-macroblock state, raster order
 * @bw:		slice output
 * @skip_run:	P_Skip macroblocks not yet signalled
 */
struct vepu_h264_ctx {
	struct vepu_h264_job *job;
	unsigned int mbw;
	unsigned int mbh;
	struct vepu_h264_mb *mbs;
	struct h264_bw bw;
	unsigned int skip_run;
};

static inline int vepu_clip3(int lo, int hi, int v)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static inline u8 vepu_clip_pixel(int v)
{
	return vepu_clip3(0, 255, v);
}

/* Block index (raster within the MB) of the n-th 4x4 block in coding order. */
extern const u8 vepu_h264_blk_order[16];
/* Zig-zag scan position -> raster index in a 4x4 block (frame coding). */
extern const u8 vepu_h264_zigzag[16];

int vepu_h264_chroma_qp(int qp, int offset);

/* vepu_virt_h264_tx.c: transform, quantisation and reconstruction */
void vepu_h264_quant_luma(const u8 *src, const u8 *pred, bool intra16, int qp,
			  struct vepu_h264_coeffs *co);
void vepu_h264_quant_chroma(const u8 *src, const u8 *pred, int qpc, bool intra,
			    unsigned int comp, struct vepu_h264_coeffs *co);
void vepu_h264_set_cbp(struct vepu_h264_coeffs *co, bool intra16);
void vepu_h264_recon_luma(const struct vepu_h264_coeffs *co, bool intra16, int qp,
			  const u8 *pred, u8 *out, unsigned int stride);
void vepu_h264_recon_chroma(const struct vepu_h264_coeffs *co, unsigned int comp, int qpc,
			    const u8 *pred, u8 *out, unsigned int stride);

/* vepu_virt_h264_cavlc.c: macroblock layer syntax */
void vepu_h264_write_mb(struct vepu_h264_ctx *c, unsigned int mbx, unsigned int mby,
			const struct vepu_h264_coeffs *co, unsigned int i16_mode,
			unsigned int chroma_mode, const s16 mvd[2]);
void vepu_h264_write_slice_header(struct vepu_h264_ctx *c);

/* vepu_virt_h264_deblock.c */
void vepu_h264_deblock(struct vepu_h264_ctx *c);

#endif /* VEPU_VIRT_H264_INT_H */
