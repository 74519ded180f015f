// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit test of the VP8 codec layer against the vendor: MPP's VP8
 * encoder (tests/vectors/mpp) coded the frame headers and filled the
 * probability tables that vp8-320x240.sw records, and handed the boolean
 * encoder's state and the step sizes to VEPU1 and VEPU2 in the registers
 * of vepu{1,2}-vp8-320x240.regs. The codec layer, given the same
 * parameters, must write the same bytes, and the register layouts must
 * read the same state as its encoder ends in.
 *
 *   test_vp8_vendor VECTOR_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host_check.h"
#include "hantro_h1_regs.h"
#include "hantro_vepu2_regs.h"
#include "hantro_vp8_costs.h"
#include "hantro_vp8_hdr.h"
#include "hantro_vp8_probtbl.h"
#include "mpp_vector.h"

#define FRAMES	3

static struct mpp_vp8_sw sw;

/* MPP's frame header: its settings at QP 40 (the vendor document, 1.3). */
static void mpp_hdr(unsigned int frame, struct hantro_vp8_frame_hdr *h)
{
	memset(h, 0, sizeof(*h));
	h->key_frame = frame == 0;
	h->version = 1;
	h->show_frame = true;
	h->width = 320;
	h->height = 240;
	/* The level MPP's header says; its registers say another (1.7). */
	h->filter_level = sw.level[frame];
	h->lf_adj_enable = true;
	/* Key frames send the non-zero deltas; inter frames keep them. */
	h->lf_delta_update = h->key_frame;
	h->lf_delta_mask = 0xfd;
	memcpy(h->ref_lf_deltas, hantro_vp8_ref_lf_deltas, sizeof(h->ref_lf_deltas));
	memcpy(h->mode_lf_deltas, hantro_vp8_mode_lf_deltas, sizeof(h->mode_lf_deltas));
	h->quant.y_ac_qi = 40;
	h->refresh_entropy = true;
	h->refresh_last = true;
	h->mb_no_coeff_skip = true;
	h->prob_skip_false = 255;
	h->prob_intra = 0;
	h->prob_last = h->key_frame ? 0 : 255;
	h->prob_golden = h->key_frame ? 0 : 128;
}

static void check_ip(const char *dir, const char *ip, const struct hantro_layout *l)
{
	static struct mpp_vector v;
	struct hantro_vp8_probs defaults, probs;
	char path[512];
	unsigned int f;

	snprintf(path, sizeof(path), "%s/%s-vp8-320x240.regs", dir, ip);
	if (mpp_vector_load(path, &v)) {
		check(0, "%s: %s loads", ip, path);
		return;
	}
	hantro_vp8_default_probs(&defaults);
	for (f = 0; f < FRAMES && f < v.frames; f++) {
		const u32 *regs = v.regs[f];
		const struct hantro_vp8_layout *vl = &l->vp8;
		struct hantro_vp8_frame_hdr h;
		struct hantro_vp8_dequant dq;
		struct hantro_vp8_boolenc e;
		u8 hdr[64], tbl[HANTRO_VP8_PROB_TABLE_SIZE];
		bool ok = true;
		unsigned int i;

		mpp_hdr(f, &h);
		hantro_vp8_bool_init(&e, hdr, sizeof(hdr));
		hantro_vp8_write_hdr(&e, &h, &defaults, &defaults);
		check(e.pos == sw.hdr_len[f] && !memcmp(hdr, sw.hdr[f], e.pos),
		      "%s frame %u: the frame header is MPP's %u bytes (%zu written)", ip, f,
		      sw.hdr_len[f], e.pos);
		check(regs[vl->bool_value / 4] == e.bottom &&
		      hantro_field_get(&vl->bool_bits, regs) == 24u - e.bit_count &&
		      hantro_field_get(&vl->bool_range, regs) == e.range,
		      "%s frame %u: the boolean encoder hands over value 0x%08x, %u bits, range %u (registers 0x%08x, %u, %u)",
		      ip, f, e.bottom, 24 - e.bit_count, e.range, regs[vl->bool_value / 4],
		      hantro_field_get(&vl->bool_bits, regs),
		      hantro_field_get(&vl->bool_range, regs));
		for (i = 0; i < 4; i++) {
			ok &= hantro_field_get_signed(&vl->ref_lf_delta[i], regs) ==
			      h.ref_lf_deltas[i];
			ok &= hantro_field_get_signed(&vl->mode_lf_delta[i], regs) ==
			      h.mode_lf_deltas[i];
		}
		check(ok, "%s frame %u: the loop filter deltas in the registers are the header's",
		      ip, f);
		check(hantro_field_get(&vl->dct_parts, regs) == h.log2_partitions &&
		      hantro_field_get(&l->mode, regs) == HANTRO_MODE_VP8,
		      "%s frame %u: VP8 mode, one token partition", ip, f);

		hantro_vp8_dequant(&h.quant, &dq);
		check(hantro_field_get(&vl->dq_y1_dc, regs) == dq.y1[0] &&
		      hantro_field_get(&vl->dq_y1_ac, regs) == dq.y1[1] &&
		      hantro_field_get(&vl->dq_y2_dc, regs) == dq.y2[0] &&
		      hantro_field_get(&vl->dq_y2_ac, regs) == dq.y2[1] &&
		      hantro_field_get(&vl->dq_uv_dc, regs) == dq.uv[0] &&
		      hantro_field_get(&vl->dq_uv_ac, regs) == dq.uv[1],
		      "%s frame %u: step sizes %u/%u %u/%u %u/%u as the registers'", ip, f,
		      dq.y1[0], dq.y1[1], dq.y2[0], dq.y2[1], dq.uv[0], dq.uv[1]);

		/* MPP leaves key frames' mode probabilities at 0 in the table. */
		probs = defaults;
		if (h.key_frame) {
			memset(probs.ymode, 0, sizeof(probs.ymode));
			memset(probs.uvmode, 0, sizeof(probs.uvmode));
		}
		hantro_vp8_write_prob_table(tbl, &probs, &h);
		check(sw.tbl_len[f] == sizeof(tbl) && !memcmp(tbl, sw.tbl[f], sizeof(tbl)),
		      "%s frame %u: the probability table is MPP's, byte for byte", ip, f);
	}
}

int main(int argc, char **argv)
{
	static const struct hantro_layout h1 = HANTRO_H1_LAYOUT, vepu2 = HANTRO_VEPU2_LAYOUT;
	char path[512];

	if (argc != 2) {
		fprintf(stderr, "usage: %s VECTOR_DIR\n", argv[0]);
		return 2;
	}
	snprintf(path, sizeof(path), "%s/vp8-320x240.sw", argv[1]);
	check(!mpp_vp8_sw_load(path, &sw), "%s loads", path);
	check_ip(argv[1], "vepu1", &h1);
	check_ip(argv[1], "vepu2", &vepu2);
	return failures ? 1 : 0;
}
