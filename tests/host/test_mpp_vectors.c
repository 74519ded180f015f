// SPDX-License-Identifier: GPL-2.0
/*
 * Host test of the register contract against the vendor: every register
 * vector in tests/vectors/mpp (what Rockchip MPP programs, per frame, on
 * VEPU1 = H1 and VEPU2) is read through this project's layout of that IP,
 * and the fields must say what the configuration asked for: the encoding
 * mode, the size in macroblocks, QP, entropy coding, 8x8 transforms. For
 * macroblock rate control, the driver's packing of the checkpoint QP steps
 * must equal MPP's register. For JPEG, the driver's quantisation tables
 * for the quality must equal those of the header MPP wrote, and its
 * programming of the quantisation registers MPP's.
 *
 *   test_mpp_vectors VECTOR_DIR
 *
 * Prints one PASS/FAIL line per check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>

#include "hantro_h1_regs.h"
#include "hantro_h264_frame.h"
#include "hantro_jpeg_hdr.h"
#include "hantro_vepu2_regs.h"
#include "host_check.h"
#include "mpp_vector.h"
#include "zigzag8x8.h"

/*
 * The quantisation table @id of a JPEG header's DQT segments, in zig-zag
 * order as DQT carries it; false when the header has none.
 */
static bool jpeg_dqt(const struct mpp_vector *v, unsigned int id, u8 table[64])
{
	const u8 *hdr = v->hdr[0];
	unsigned int i = 2, len, t;

	while (i + 4 <= v->hdr_len[0] && hdr[i] == 0xff) {
		len = hdr[i + 2] << 8 | hdr[i + 3];
		if (hdr[i + 1] == 0xdb)
			for (t = i + 4; t + 65 <= i + 2 + len && t + 65 <= v->hdr_len[0]; t += 65)
				if ((hdr[t] & 0xf) == id && !(hdr[t] >> 4)) {
					memcpy(table, &hdr[t + 1], 64);
					return true;
				}
		i += 2 + len;
	}
	return false;
}

static void check_jpeg_quant(const char *name, const struct mpp_vector *v,
			     const struct hantro_layout *l)
{
	struct hantro_jpeg_quant q;
	u32 regs[HANTRO_JPEG_QUANT_REGS];
	u8 mpp[64], ours[64];
	unsigned int c, k;

	hantro_jpeg_quant_tables(v->qp, &q);
	for (c = 0; c < 2; c++) {
		const u8 *table = c ? q.chroma : q.luma;
		u16 first = c ? l->jpeg_qchroma : l->jpeg_qluma;
		bool same = true;

		for (k = 0; k < 64; k++)
			ours[k] = table[zigzag8x8_to_raster[k]];
		check(jpeg_dqt(v, c, mpp) && !memcmp(mpp, ours, 64),
		      "%s: the %s table for quality %u equals MPP's DQT", name,
		      c ? "chroma" : "luma", v->qp);
		hantro_jpeg_quant_regs(table, regs);
		for (k = 0; k < HANTRO_JPEG_QUANT_REGS; k++)
			same &= regs[k] == v->regs[0][first / 4 + k];
		check(same, "%s: the %s quantisation registers equal MPP's", name,
		      c ? "chroma" : "luma");
	}
}

static u32 field(const u32 *regs, const struct hantro_field *f)
{
	return (regs[f->reg / 4] >> f->shift) & f->mask;
}

/*
 * The deblocking settings: offsets on both IPs; the filter switch on VEPU2,
 * where MPP sets one bit for any non-zero disable_deblocking_filter_idc
 * (its VEPU1 HAL programs no filter mode at all: the driver follows
 * Hantro's reference there, see the register documentation).
 */
static void check_deblock(const char *name, unsigned int frame, const struct mpp_vector *v,
			  const struct hantro_layout *l)
{
	const u32 *r = v->regs[frame];
	int idc, alpha = 0, beta = 0;

	if (!mpp_vector_setting(v, "h264:dblk_disable", &idc))
		return;
	mpp_vector_setting(v, "h264:dblk_alpha", &alpha);
	mpp_vector_setting(v, "h264:dblk_beta", &beta);
	check(hantro_field_get_signed(&l->alpha, r) == alpha &&
	      hantro_field_get_signed(&l->beta, r) == beta,
	      "%s frame %u: filter offsets %d/%d (MPP set %d/%d)", name, frame,
	      hantro_field_get_signed(&l->alpha, r), hantro_field_get_signed(&l->beta, r),
	      alpha, beta);
	if (strcmp(v->ip, "vepu2"))
		return;
	check(field(r, &l->deblock) == !!idc, "%s frame %u: filter %s (MPP: idc %d)", name, frame,
	      field(r, &l->deblock) ? "off" : "on", idc);
}

static void check_vector(const char *name, const struct mpp_vector *v)
{
	static const struct hantro_layout h1 = HANTRO_H1_LAYOUT, vepu2 = HANTRO_VEPU2_LAYOUT;
	const struct hantro_layout *l = strcmp(v->ip, "vepu1") ? &vepu2 : &h1;
	bool h264 = !strcmp(v->codec, "h264"), jpeg = !strcmp(v->codec, "jpeg");
	unsigned int mbw = DIV_ROUND_UP(v->w, 16), mbh = DIV_ROUND_UP(v->h, 16), i;

	for (i = 0; i < v->frames; i++) {
		const u32 *r = v->regs[i];
		unsigned int want_mode = h264 ? HANTRO_MODE_H264 : jpeg ? HANTRO_MODE_JPEG :
					 HANTRO_MODE_VP8;

		/*
		 * The output size: what is left of the buffer after the bytes MPP
		 * wrote ahead, in the unit the mode takes (VP8 splits the buffer
		 * between partitions, so only H.264 and JPEG).
		 */
		if (h264 || jpeg) {
			u32 want = hantro_buf_limit(want_mode,
						    v->out_size - v->offs[i][l->out_addr / 4]);

			check(v->out_size && r[l->buf_limit / 4] == want,
			      "%s frame %u: output size register %u, the driver's for the same buffer %u",
			      name, i, r[l->buf_limit / 4], want);
		}
		check(field(r, &l->mode) == want_mode && field(r, &l->mb_width) == mbw &&
		      field(r, &l->mb_height) == mbh,
		      "%s frame %u: mode %u, %ux%u MBs (want %u, %ux%u)", name, i,
		      field(r, &l->mode), field(r, &l->mb_width), field(r, &l->mb_height),
		      want_mode, mbw, mbh);
		/*
		 * The input: NV12 rows of the macroblock-aligned width (the
		 * harness's stride), and the columns and rows of the last
		 * macroblocks outside the picture as the driver derives them.
		 */
		check(field(r, &l->in_fmt) == HANTRO_IN_NV12 &&
		      field(r, &l->row_len) == mbw * 16 &&
		      field(r, &l->overfill_r) == (mbw * 16 - v->w) / 4 &&
		      field(r, &l->overfill_b) == mbh * 16 - v->h,
		      "%s frame %u: input format %u, row %u, overfill %u/%u (want %u, %u, %u/%u)",
		      name, i, field(r, &l->in_fmt), field(r, &l->row_len),
		      field(r, &l->overfill_r), field(r, &l->overfill_b), HANTRO_IN_NV12,
		      mbw * 16, (mbw * 16 - v->w) / 4, mbh * 16 - v->h);
		if (jpeg && !i)
			check_jpeg_quant(name, v, l);
		if (!h264)
			continue;
		/* cabac_init_idc means nothing to a CAVLC stream (MPP leaves 3 there). */
		check(field(r, &l->cabac) == v->cabac && field(r, &l->trans8x8) == v->t8 &&
		      (!v->cabac || !field(r, &l->cabac_idc)),
		      "%s frame %u: CABAC %u, 8x8 %u, cabac_init_idc %u (want %u, %u, 0)",
		      name, i, field(r, &l->cabac), field(r, &l->trans8x8),
		      field(r, &l->cabac_idc), v->cabac, v->t8);
		check_deblock(name, i, v, l);
		if (!strcmp(v->rc, "fixqp"))
			check(field(r, &l->qp) == v->qp && field(r, &l->qp_min) == v->qp &&
			      field(r, &l->qp_max) == v->qp,
			      "%s frame %u: QP %u in %u..%u (want %u)", name, i,
			      field(r, &l->qp), field(r, &l->qp_min), field(r, &l->qp_max), v->qp);
		if (field(r, &l->cp_distance)) {
			struct hantro_h264_cp_plan plan;

			/* MPP's steps are the driver's shape: -3 below to +3 above. */
			hantro_h264_cp_fill(&plan, HANTRO_CHECKPOINTS, field(r, &l->cp_distance), 1);
			check(hantro_h264_cp_delta_reg(&plan) == r[l->cp_delta_qp / 4],
			      "%s frame %u: checkpoint QP steps packed as MPP packs them (%08x, MPP %08x)",
			      name, i, hantro_h264_cp_delta_reg(&plan), r[l->cp_delta_qp / 4]);
		}
	}
}

static struct mpp_vector vec;
static unsigned int mbrc;

static void check_file(const char *name, const char *path)
{
	if (mpp_vector_load(path, &vec)) {
		check(0, "%s: readable", name);
		return;
	}
	check_vector(name, &vec);
	mbrc += !!strstr(name, "mbrc");
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	check(mpp_vector_each(argv[1], check_file) > 0, "vectors found in %s", argv[1]);
	check(mbrc >= 2, "%u vectors with macroblock rate control on both IPs", mbrc);
	return failures ? 1 : 0;
}
