// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit test of the H.264 codec layer's choices, run on the driver's
 * own code: profile_idc and constraint flags per profile, the lowest level
 * a stream fits (H.264 Table A-1) and its level_idc, the header hand-over
 * to the hardware, the checkpoint plan of macroblock rate control, and
 * frame rate control against a synthetic encoder whose picture size halves
 * every six QP steps.
 *
 *   test_h264_params
 *
 * Prints one PASS/FAIL line per check.
 */
#include <string.h>

#include <linux/kernel.h>

#include "h264_syntax.h"
#include "hantro_h264_frame.h"
#include "hantro_h264_profile.h"
#include "hantro_h264_rc.h"
#include "host_check.h"

static void test_profiles(void)
{
	static const struct {
		enum hantro_h264_profile p;
		const char *name;
		u8 idc, flags;
	} want[] = {
		{ HANTRO_H264_PROFILE_CONSTRAINED_BASELINE, "Constrained Baseline", 66, 0xc0 },
		{ HANTRO_H264_PROFILE_BASELINE, "Baseline", 66, 0x80 },
		{ HANTRO_H264_PROFILE_MAIN, "Main", 77, 0 },
		{ HANTRO_H264_PROFILE_HIGH, "High", 100, 0 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		u8 idc = 0, flags = 0xff;

		hantro_h264_profile_syntax(want[i].p, &idc, &flags);
		check(idc == want[i].idc && flags == want[i].flags,
		      "profile %s: profile_idc %u, constraint flags 0x%02x (want %u, 0x%02x)",
		      want[i].name, idc, flags, want[i].idc, want[i].flags);
	}
}

static void test_levels(void)
{
	/* Size in macroblocks, frames/s, bits/s, then the level_idc Table A-1 gives. */
	static const struct {
		const char *what;
		unsigned int mbs, fps;
		u32 bitrate;
		u8 idc;
	} want[] = {
		{ "QCIF 15 fps 64 kbit/s", 99, 15, 64000, 10 },
		{ "CIF 30 fps 2 Mbit/s", 396, 30, 2000000, 20 },
		{ "720p30 4 Mbit/s", 3600, 30, 4000000, 31 },
		{ "1080p30 4 Mbit/s", 8160, 30, 4000000, 40 },
		{ "1080p30 25 Mbit/s", 8160, 30, 25000000, 41 },
		{ "1080p60 20 Mbit/s", 8160, 60, 20000000, 42 },
		{ "4K30 beyond every level", 139265, 30, 900000000, 62 },
	};
	unsigned int i;
	u8 flags;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		enum hantro_h264_level l = hantro_h264_min_level(want[i].mbs,
								 (u64)want[i].mbs * want[i].fps,
								 want[i].bitrate);
		u8 idc;

		flags = 0;
		idc = hantro_h264_level_idc(l, H264_PROFILE_IDC_MAIN, &flags);
		check(idc == want[i].idc && !flags, "level of %s: level_idc %u (want %u)",
		      want[i].what, idc, want[i].idc);
	}
	/* QCIF at 15 fps above level 1's 64 kbit/s fits level 1b (128 kbit/s). */
	check(hantro_h264_min_level(99, 99 * 15, 100000) == HANTRO_H264_LEVEL_1B,
	      "QCIF 15 fps 100 kbit/s needs level 1b");
	flags = 0;
	check(hantro_h264_level_idc(HANTRO_H264_LEVEL_1B, H264_PROFILE_IDC_MAIN, &flags) == 11 &&
	      flags == 0x10, "level 1b in Main: level_idc 11 with constraint_set3_flag");
	flags = 0;
	check(hantro_h264_level_idc(HANTRO_H264_LEVEL_1B, H264_PROFILE_IDC_HIGH, &flags) == 9 &&
	      !flags, "level 1b in High: level_idc 9, no constraint flag");
}

static void test_handover(void)
{
	u8 buf[24];
	struct hantro_stream_handover h;
	unsigned int i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = i;
	hantro_stream_handover(buf, 13, &h);
	check(h.aligned == 8 && h.start_bits == 40 && h.rem_msb == 0x08090a0b &&
	      h.rem_lsb == 0x0c000000,
	      "13 header bytes: continue at 8 with 5 bytes (40 bits) handed over (%zu, %u, %08x:%08x)",
	      h.aligned, h.start_bits, h.rem_msb, h.rem_lsb);
	hantro_stream_handover(buf, 16, &h);
	check(h.aligned == 16 && !h.start_bits && !h.rem_msb && !h.rem_lsb,
	      "16 header bytes: continue at 16, nothing handed over");
	buf[8] = 0xff;
	hantro_stream_handover(buf, 9, &h);
	check(h.rem_msb == 0xff000000 && h.start_bits == 8,
	      "a header byte with its top bit set lands in the top byte (%08x)", h.rem_msb);
}

static void test_checkpoints(void)
{
	struct hantro_h264_cp_plan p;
	bool ascending = true;
	unsigned int i;

	/*
	 * 320x240: 15 rows, so ten checkpoints, 300 MBs / 11 apart; targets in
	 * 32s of coefficients, thresholds in 4s (the hardware's units).
	 */
	hantro_h264_cp_plan_rows(&p, 20, 15, 300000);
	for (i = 1; i < HANTRO_CHECKPOINTS; i++)
		ascending &= p.words[i] > p.words[i - 1];
	check(p.distance == 27 && p.words[0] == 852 && p.words[9] == 8522 && ascending,
	      "320x240, 300000 coefficients: every 27 MBs, 27272 apart, targets in 32s (%u, %u, %u)",
	      p.distance, p.words[0], p.words[9]);
	check(p.error[0] == -20454 && p.error[2] == -6818 && p.error[3] == 6818 &&
	      p.error[5] == 20454,
	      "thresholds a step apart in 4s, none at zero (%d %d %d %d %d %d)",
	      p.error[0], p.error[1], p.error[2], p.error[3], p.error[4], p.error[5]);
	check(p.delta_qp[0] == -3 && p.delta_qp[3] == 0 && p.delta_qp[6] == 3,
	      "QP steps -3 below the first threshold to +3 above the last");
	/* 176x48: three rows, two checkpoints; the rest stay unused. */
	hantro_h264_cp_plan_rows(&p, 11, 3, 96000);
	check(p.distance == 11 && p.words[0] == 1000 && p.words[1] == 2000 && !p.words[2],
	      "three rows: two checkpoints, 11 MBs apart (%u: %u %u %u)",
	      p.distance, p.words[0], p.words[1], p.words[2]);
	hantro_h264_cp_plan_rows(&p, 20, 1, 300000);
	check(!p.distance, "a single macroblock row has no checkpoint");
	hantro_h264_cp_plan_rows(&p, 20, 15, 0);
	check(!p.distance, "no checkpoint without a target in coefficients");
	hantro_h264_cp_plan_rows(&p, 120, 68, 100000000ull * 32);
	check(p.words[9] == 0xffff, "a huge target saturates the 16-bit fields (%u)", p.words[9]);
}

/* Bits of a picture of @mbs macroblocks at @qp: 200 per MB at QP 30, halving every 6. */
static u32 model_bits(unsigned int mbs, int qp, bool intra)
{
	double bits = 200.0 * mbs;
	int i;

	for (i = 30; i < qp; i++)
		bits /= 1.122462;	/* 2^(1/6) */
	for (i = qp; i < 30; i++)
		bits *= 1.122462;
	return (u32)(bits * (intra ? 4 : 1));
}

/* Run @frames frames of 640x480 at @fps through rate control; the average bitrate. */
static double rc_run(const struct hantro_h264_rc_params *p, unsigned int frames,
		     unsigned int gop, int *qp_lo, int *qp_hi)
{
	const unsigned int mbs = 40 * 30;
	struct hantro_h264_rc rc;
	double total = 0;
	unsigned int i;

	hantro_h264_rc_reset(&rc);
	*qp_lo = 52;
	*qp_hi = -1;
	for (i = 0; i < frames; i++) {
		bool intra = !(i % gop);
		int qp = hantro_h264_rc_qp(&rc, p, mbs, intra);
		u32 bits = model_bits(mbs, qp, intra);

		*qp_lo = min(*qp_lo, qp);
		*qp_hi = max(*qp_hi, qp);
		hantro_h264_rc_update(&rc, p, intra, qp, bits, bits / 5);
		total += bits;
	}
	return total * p->interval_den / p->interval_num / frames;
}

static void test_rate_control(void)
{
	struct hantro_h264_rc_params p = {
		.frame_rc = true, .bitrate = 1000000, .bitrate_peak = 1000000,
		.i_qp = 26, .p_qp = 28, .min_qp = 10, .max_qp = 51,
		.interval_num = 1, .interval_den = 30,
	};
	struct hantro_h264_rc rc;
	int lo, hi;
	double rate;

	rate = rc_run(&p, 300, 30, &lo, &hi);
	check(rate > 950000 && rate < 1050000,
	      "CBR 1 Mbit/s, 30 fps, IDR every 30: %.0f bit/s over 300 frames (within 5 %%)", rate);
	p.interval_den = 15;
	rate = rc_run(&p, 300, 30, &lo, &hi);
	check(rate > 950000 && rate < 1050000,
	      "... at 15 fps the budget per frame doubles: %.0f bit/s", rate);
	p.interval_den = 30;
	p.min_qp = 50;
	rate = rc_run(&p, 300, 30, &lo, &hi);
	check(lo >= 50 && rate < 1000000,
	      "min QP 50 above what the budget needs holds (lowest QP %d, %.0f bit/s)",
	      lo, rate);
	p.min_qp = 10;
	p.max_qp = 20;
	rate = rc_run(&p, 300, 30, &lo, &hi);
	check(hi <= 20, "max QP 20 holds (highest QP %d) though it overshoots (%.0f bit/s)",
	      hi, rate);
	p.max_qp = 51;
	p.vbr = true;
	p.bitrate_peak = 1200000;
	hantro_h264_rc_reset(&rc);
	rc.fullness = -100000000;
	check(hantro_h264_rc_target(&rc, &p) == 1200000 / 30,
	      "VBR with banked bits aims at the peak rate, not above (%llu bits)",
	      (unsigned long long)hantro_h264_rc_target(&rc, &p));
	p.vbr = false;
	hantro_h264_rc_reset(&rc);
	check(!hantro_h264_rc_codewords(&rc, &p),
	      "no coefficient target before a P picture showed the bits per coefficient");
	hantro_h264_rc_update(&rc, &p, true, 30, 400000, 20000);
	check(!hantro_h264_rc_codewords(&rc, &p), "... nor after an IDR picture alone");
	hantro_h264_rc_update(&rc, &p, false, 30, 100000, 20000);
	check(hantro_h264_rc_codewords(&rc, &p) ==
	      hantro_h264_rc_target(&rc, &p) * 20000 / 100000,
	      "a P picture of 100000 bits and 20000 coefficients: the target at 5 bits each (%llu)",
	      (unsigned long long)hantro_h264_rc_codewords(&rc, &p));
	p.frame_rc = false;
	check(hantro_h264_rc_qp(&rc, &p, 1200, true) == 26 &&
	      hantro_h264_rc_qp(&rc, &p, 1200, false) == 28,
	      "without frame rate control: the I and P QPs");
	p.min_qp = 30;
	check(hantro_h264_rc_qp(&rc, &p, 1200, true) == 30,
	      "... clamped to the QP range");
}

int main(void)
{
	test_profiles();
	test_levels();
	test_handover();
	test_checkpoints();
	test_rate_control();
	return failures ? 1 : 0;
}
