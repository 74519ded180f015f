// SPDX-License-Identifier: GPL-2.0
/*
 * Host test: the driver's register programming against the vendor's, field
 * by field. For each H.264 and JPEG vector of tests/vectors/mpp, the codec
 * layer's hantro_program_*() (the functions the driver programs every
 * frame with) run on the configuration MPP was given: the same size, input
 * buffer layout (through the driver's own raw-format code), QP, entropy
 * coding, 8x8 transforms, deblocking and, for H.264, MPP's header bytes to
 * hand over. Every register the two program must then be equal, except:
 *
 * - the intentional differences below, each with its reason (also in
 *   Documentation/driver-api/hantro-enc-registers.rst), and
 * - what the driver does not program yet, listed as such: each entry must
 *   still differ, so that it is removed once the driver programs it.
 *
 *   test_mpp_compare VECTOR_DIR
 *
 * Prints one PASS/FAIL line per check, and a KNOWN line per register that
 * differs for a listed reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/videodev2.h>

#include "hantro_enc_pix.h"
#include "hantro_h1_regs.h"
#include "hantro_program.h"
#include "hantro_vepu2_regs.h"
#include "hantro_vp8_frame.h"
#include "host_check.h"
#include "mpp_vector.h"

#define ANY	NULL

/**
 * struct difference - registers (bits) where the driver differs from MPP
 * @ip:		"vepu1", "vepu2" or ANY
 * @codec:	"h264", "jpeg" or ANY
 * @rc:		"fixqp", "cbr" or ANY
 * @setting:	an MPP setting the vector must carry ("name=value"), or NULL
 * @reg:	register offset, or the first of @count
 * @count:	registers
 * @mask:	the bits concerned
 * @why:	the reason
 */
struct difference {
	const char *ip, *codec, *rc, *setting;
	u16 reg, count;
	u32 mask;
	const char *why;
};

static const struct difference differences[] = {
#include "mpp_differences.h"
};

static bool matches(const char *want, const char *have)
{
	return !want || !strcmp(want, have);
}

static unsigned int hits[ARRAY_SIZE(differences)];

static bool applies(const struct difference *d, const struct mpp_vector *v, u16 reg)
{
	return matches(d->ip, v->ip) && matches(d->codec, v->codec) && matches(d->rc, v->rc) &&
	       (!d->setting || strstr(v->settings, d->setting)) &&
	       reg >= d->reg && reg < d->reg + 4 * d->count;
}

/*
 * Whether every bit in which register @reg differs (@diff) is a listed
 * difference for @v; prints the reasons and counts their use if so.
 */
static bool listed(const char *name, unsigned int frame, const struct mpp_vector *v, u16 reg,
		   u32 ours, u32 mpp)
{
	u32 diff = ours ^ mpp, mask = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(differences); i++)
		if (applies(&differences[i], v, reg))
			mask |= differences[i].mask;
	if (diff & ~mask)
		return false;
	for (i = 0; i < ARRAY_SIZE(differences); i++) {
		const struct difference *d = &differences[i];

		if (!applies(d, v, reg) || !(d->mask & diff))
			continue;
		hits[i]++;
		printf("KNOWN %s frame %u: register 0x%03x: driver %08x, MPP %08x: %s\n", name,
		       frame, reg, ours, mpp, d->why);
	}
	return true;
}

/*
 * What the backend writes at the start, besides the programmed registers:
 * the interrupt arming, the bus words (with clock gating for JPEG) and the
 * start bits (hantro_hw_h1.c, hantro_hw_vepu2.c: H1 arms with 0).
 */
static void backend_start(const struct mpp_vector *v, const struct hantro_layout *l,
			  struct hantro_regfile *rf)
{
	bool jpeg = !strcmp(v->codec, "jpeg");

	if (!strcmp(v->ip, "vepu1")) {
		hantro_regfile_set_reg(rf, H1_REG_AXI_CTRL,
				       H1_AXI_FRAME | (jpeg ? H1_AXI_CLOCK_GATING : 0));
		hantro_regfile_set_reg(rf, l->mode.reg,
				       rf->val[l->mode.reg / 4] | H1_ENC_TIMEOUT_EN | H1_ENC_EN);
		return;
	}
	hantro_regfile_set_reg(rf, VEPU2_REG_INTERRUPT,
			       VEPU2_IRQ_TIMEOUT_EN | (jpeg ? VEPU2_CLOCK_GATING : 0));
	hantro_regfile_set_reg(rf, VEPU2_REG_DATA_ENDIAN, VEPU2_ENDIAN_FRAME);
	hantro_regfile_set_reg(rf, VEPU2_REG_AXI_CTRL, VEPU2_AXI_FRAME);
	hantro_regfile_set_reg(rf, l->mode.reg, rf->val[l->mode.reg / 4] | VEPU2_ENCODE_ENABLE);
}

/* MPP's registers of @frame with bus addresses in place of its handles. */
static void mpp_regs(const struct mpp_vector *v, unsigned int frame, u32 *regs)
{
	unsigned int i;

	memcpy(regs, v->regs[frame], sizeof(v->regs[frame]));
	for (i = 0; i < MPP_NUM_REGS; i++)
		if (mpp_vector_addr(v, frame, i * 4))
			regs[i] = mpp_vector_addr(v, frame, i * 4);
}

/*
 * VP8: what the driver's frame coding (hantro_vp8_frame_code()) programs
 * for MPP's parameters: its quantiser index, one token partition, the
 * loop filter level MPP's registers carry. Its header differs from MPP's
 * (version 0, prob_intra; hantro-enc-vp8-vendor.md section 8), so the
 * header's hand-over and the boolean encoder's state after it are MPP's
 * (test_vp8_vendor checks the codec layer ends in MPP's state from MPP's
 * header). Buffer placement is each one's own: the addresses are MPP's.
 */
static void driver_vp8(const struct mpp_vector *v, unsigned int frame,
		       const struct hantro_layout *l, struct hantro_regfile *rf)
{
	static u8 buf[1 << 20];
	const struct hantro_vp8_layout *vl = &l->vp8;
	const u32 *mpp = v->regs[frame];
	bool key = frame == 0;
	struct hantro_vp8_frame_params fp = {
		.key_frame = key,
		.qi = v->qp,
		.width = v->w,
		.height = v->h,
		.filter_level = hantro_vp8_filter_level(v->qp, key),
	};
	static struct hantro_vp8_entropy ent;
	struct hantro_vp8_frame_hdr hdr;
	struct hantro_vp8_buf_layout lay;
	struct hantro_vp8_pic_params pp;
	unsigned int i;

	if (hantro_vp8_frame_code(&fp, buf, sizeof(buf), &ent, NULL, &hdr, &lay, &pp)) {
		check(0, "vp8 frame %u: the driver codes the frame", frame);
		return;
	}
	pp.ho = (struct hantro_stream_handover){
		.rem_msb = mpp[l->hdr_rem_msb / 4],
		.rem_lsb = mpp[l->hdr_rem_lsb / 4],
		.start_bits = hantro_field_get(&l->start_offset, mpp),
	};
	pp.bool_value = mpp[vl->bool_value / 4];
	pp.bool_count = 24 - hantro_field_get(&vl->bool_bits, mpp);
	pp.bool_range = hantro_field_get(&vl->bool_range, mpp);
	pp.rec_y = mpp_vector_addr(v, frame, l->rec_y);
	pp.rec_c = mpp_vector_addr(v, frame, l->rec_c);
	pp.ref_y = mpp_vector_addr(v, frame, l->ref_y);
	pp.ref_c = mpp_vector_addr(v, frame, l->ref_c);
	pp.prob_table = mpp_vector_addr(v, frame, l->cabac_table);
	pp.size_table = mpp_vector_addr(v, frame, vl->size_table);
	pp.prob_count = mpp_vector_addr(v, frame, vl->prob_count);
	for (i = 0; i < ARRAY_SIZE(pp.part_addr); i++)
		pp.part_addr[i] = mpp_vector_addr(v, frame, vl->part_addr[i]);
	hantro_program_vp8(rf, l, &pp);
}

/* What the driver programs for the configuration MPP was given. */
static void driver_regs(const struct mpp_vector *v, unsigned int frame,
			const struct hantro_layout *l, struct hantro_regfile *rf)
{
	bool h264 = !strcmp(v->codec, "h264"), vp8 = !strcmp(v->codec, "vp8");
	unsigned int mode = h264 ? HANTRO_MODE_H264 : vp8 ? HANTRO_MODE_VP8 : HANTRO_MODE_JPEG;
	u32 in = MPP_BUS_BASE + mpp_vector_buf(v, MPP_BUF_INPUT) * MPP_BUS_SPAN;
	u32 out = MPP_BUS_BASE + mpp_vector_buf(v, MPP_BUF_OUTPUT) * MPP_BUS_SPAN;
	struct v4l2_pix_format_mplane pix = { 0 };
	struct hantro_input_params ip;
	struct hantro_h264_pic_params pp = { 0 };
	struct hantro_jpeg_quant q;
	struct hantro_stream_handover ho = { 0 };
	int idc = 0, alpha = 0, beta = 0;

	/* MPP's frames are NV12 of the macroblock-aligned size, cropped. */
	hantro_enc_raw_layout(&pix, V4L2_PIX_FMT_NV12, 16, ALIGN(v->w, 16), ALIGN(v->h, 16));
	if (h264) {
		/*
		 * MPP's header: the bytes it wrote ahead (the aligned part the
		 * capture holds) and the ones it handed over.
		 */
		u8 hdr[MPP_MAX_HDR + 8];
		u64 rem = (u64)v->regs[frame][l->hdr_rem_msb / 4] << 32 |
			  v->regs[frame][l->hdr_rem_lsb / 4];
		unsigned int n = hantro_field_get(&l->start_offset, v->regs[frame]) / 8, i;

		memcpy(hdr, v->hdr[frame], v->hdr_len[frame]);
		for (i = 0; i < n; i++)
			hdr[v->hdr_len[frame] + i] = rem >> (56 - 8 * i);
		hantro_stream_handover(hdr, v->hdr_len[frame] + n, &ho);
	}
	ip = (struct hantro_input_params){
		.mb_width = DIV_ROUND_UP(v->w, 16),
		.mb_height = DIV_ROUND_UP(v->h, 16),
		.width = v->w,
		.height = v->h,
		.fmt = HANTRO_IN_NV12,
		.row_pixels = pix.plane_fmt[0].bytesperline,
		.in_addr = { in, in + hantro_enc_plane_offset(&pix, 1) },
		.out_addr = out + ho.aligned,
		.out_size = v->out_size - ho.aligned,
	};
	if (vp8) {
		/*
		 * The stream continues at the aligned address; the token
		 * partition's region is the buffer's room for each partition.
		 */
		ip.out_addr = mpp_vector_addr(v, frame, l->out_addr) & ~7u;
		ip.out_size = mpp_vector_addr(v, frame, l->vp8.part_addr[1]) -
			      mpp_vector_addr(v, frame, l->vp8.part_addr[0]);
	}
	hantro_program_begin(rf, l, mode);
	hantro_program_input(rf, l, &ip);
	hantro_regfile_set(rf, &l->pic_type, frame ? HANTRO_PIC_INTER : HANTRO_PIC_INTRA);
	backend_start(v, l, rf);
	if (vp8) {
		driver_vp8(v, frame, l, rf);
		return;
	}
	if (!h264) {
		hantro_jpeg_quant_tables(v->qp, &q);
		hantro_program_jpeg(rf, l, &q);
		return;
	}
	mpp_vector_setting(v, "h264:dblk_disable", &idc);
	mpp_vector_setting(v, "h264:dblk_alpha", &alpha);
	mpp_vector_setting(v, "h264:dblk_beta", &beta);
	pp = (struct hantro_h264_pic_params){
		.ho = ho,
		.pic_init_qp = HANTRO_H264_PIC_INIT_QP,
		.alpha_div2 = alpha,
		.beta_div2 = beta,
		.frame_num = frame,
		.deblock_idc = idc,
		.cabac = v->cabac,
		.cabac_init_idc = HANTRO_H264_CABAC_INIT_IDC,
		.transform_8x8 = v->t8,
		.qpel_off = ALIGN(v->w, 16) * ALIGN(v->h, 16) / 256 > 3600,
		.qp = v->qp,
		.qp_min = v->qp,
		.qp_max = v->qp,
	};
	/*
	 * Under CBR the QP is each rate control's own: the costs must follow
	 * the QP MPP chose.
	 */
	if (!strcmp(v->rc, "cbr"))
		pp.qp = hantro_field_get(&l->qp, v->regs[frame]);
	hantro_program_h264(rf, l, &pp);
}

static struct mpp_vector vec;
static unsigned int compared;

static void compare(const char *name, const char *path)
{
	static const struct hantro_layout h1 = HANTRO_H1_LAYOUT, vepu2 = HANTRO_VEPU2_LAYOUT;
	static struct hantro_regfile rf;
	const struct hantro_layout *l;
	u32 mpp[MPP_NUM_REGS];
	unsigned int f, i;

	if (mpp_vector_load(path, &vec)) {
		check(0, "%s: readable", name);
		return;
	}
	l = strcmp(vec.ip, "vepu1") ? &vepu2 : &h1;
	for (f = 0; f < vec.frames; f++) {
		unsigned int differ = 0, known = 0;

		mpp_regs(&vec, f, mpp);
		driver_regs(&vec, f, l, &rf);
		for (i = 0; i < MPP_NUM_REGS; i++) {
			u32 ours = hantro_regfile_used(&rf, i) ? rf.val[i] : 0;

			if (ours == mpp[i])
				continue;
			if (listed(name, f, &vec, i * 4, ours, mpp[i])) {
				known++;
				continue;
			}
			check(0, "%s frame %u: register 0x%03x: driver %08x, MPP %08x", name, f,
			      i * 4, ours, mpp[i]);
			differ++;
		}
		check(!differ, "%s frame %u: the driver programs what MPP does (%u listed differences)",
		      name, f, known);
	}
	compared++;
}

int main(int argc, char **argv)
{
	unsigned int i;

	if (argc != 2)
		return 2;
	check(mpp_vector_each(argv[1], compare) > 0, "vectors found in %s", argv[1]);
	check(compared >= 30, "%u vectors compared", compared);
	/* A listed difference that no longer shows is stale: remove it. */
	for (i = 0; i < ARRAY_SIZE(differences); i++)
		check(hits[i], "the listed difference at 0x%03x is still one (%u registers): %s",
		      differences[i].reg, hits[i], differences[i].why);
	return failures ? 1 : 0;
}
