// SPDX-License-Identifier: GPL-2.0
/*
 * Host test: VP8 streams coded the way the driver codes them, through the
 * virtual VEPU's register decoding. For each frame the codec layer's
 * hantro_vp8_frame_code() (the function the driver's prepare() calls)
 * writes the header into the CAPTURE buffer and gives the registers'
 * parameters; hantro_program_vp8() programs them in an IP's layout; the
 * model (vepu_virt_run.c, the file the kernel module runs) codes the frame
 * from those registers behind a bus made of the driver's buffers, on which
 * any access outside a buffer is a bus error; hantro_vp8_assemble() (the
 * driver's done()) makes the frame.
 *
 *   test_vp8_driver OUTDIR
 *
 * Writes OUTDIR/NAME.ivf, NAME.rec (the model's reconstruction, I420 of the
 * visible size), NAME.src (the input) and a line of OUTDIR/cases per
 * stream, for run.sh to decode with FFmpeg and libvpx. Prints one PASS/FAIL
 * line per check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/errno.h>
#include <linux/kernel.h>

#include "hantro_vp8_frame.h"
#include "host_check.h"
#include "host_pic.h"
#include "vepu_virt_run.h"
#include "vp8_driver_path.h"
#include "vp8_session.h"

/**
 * struct tcase - one stream
 * @name:	its files' name
 * @ip:		"h1" or "vepu2"
 * @w:		visible width
 * @h:		visible height
 * @frames:	frames
 * @qi:		quantiser index
 * @log2_parts:	token partitions, log2
 * @key_period:	a key frame every this many frames, 0 for the first only
 * @capture:	CAPTURE buffer bytes, 0 for a frame's worth of 4:2:0
 * @floor:	PSNR floor against the source, dB
 * @golden:	enum hantro_vp8_golden; with a golden frame every other
 *		frame comes back to the first
 * @golden_period: its period, for HANTRO_VP8_GOLDEN_PERIOD
 * @profile:	the VP8 profile (1 and 2: bilinear prediction, H1 only)
 */
struct tcase {
	const char *name, *ip;
	unsigned int w, h, frames, qi, log2_parts, key_period;
	size_t capture;
	unsigned int floor;
	u8 golden;
	u16 golden_period;
	u8 profile;
};

static const struct tcase cases[] = {
	{ "h1-320x240-q40", "h1", 320, 240, 6, 40, 0, 0, 0, 33, 0, 0, 0 },
	{ "vepu2-320x240-q40", "vepu2", 320, 240, 6, 40, 0, 0, 0, 33, 0, 0, 0 },
	/* Not macroblock aligned, two token partitions, a key frame every 3. */
	{ "h1-1000x562-q20-2parts", "h1", 1000, 562, 5, 20, 1, 3, 0, 38, 0, 0, 0 },
	{ "vepu2-144x96-q127-2parts", "vepu2", 144, 96, 4, 127, 1, 0, 0, 20, 0, 0, 0 },
	{ "h1-176x144-q0", "h1", 176, 144, 3, 0, 0, 0, 0, 45, 0, 0, 0 },
	/* The golden frame searched too: the frame before the last, every 2nd. */
	{ "h1-golden-prev-q36", "h1", 176, 144, 8, 36, 0, 0, 0, 33, HANTRO_VP8_GOLDEN_PREV, 0, 0 },
	{ "vepu2-golden-every2-q50", "vepu2", 208, 120, 9, 50, 1, 0, 0, 30,
	  HANTRO_VP8_GOLDEN_PERIOD, 2, 0 },
	/* Bilinear prediction, which H1 has a bit for, VEPU2 not. */
	{ "h1-profile1-q30", "h1", 240, 136, 6, 30, 0, 0, 0, 33, 0, 0, 1 },
	{ "h1-profile2-golden-q44", "h1", 176, 144, 6, 44, 0, 0, 0, 32, HANTRO_VP8_GOLDEN_PREV, 0,
	  2 },
};

/**
 * struct tstream - where a stream goes and what came of it
 * @ivf:	the stream, or NULL
 * @rec:	the reconstruction, or NULL
 * @src:	the source, or NULL
 * @coded:	frames coded
 * @adapted:	frames with probabilities adapted to the counts
 * @bytes:	the stream's bytes
 */
struct tstream {
	FILE *ivf, *rec, *src;
	unsigned int coded, adapted;
	size_t bytes;
};

/* Code @t's frames with the golden frame @golden into @o. */
static void code_frames(const struct tcase *t, u8 golden, struct vp8_drv *d, struct tstream *o)
{
	unsigned int f;

	for (f = 0; f < t->frames; f++) {
		bool key = !f || (t->key_period && f % t->key_period == 0);
		struct hantro_vp8_frame_params fp = {
			.key_frame = key,
			.qi = t->qi,
			.log2_partitions = t->log2_parts,
			.filter_level = hantro_vp8_filter_level(t->qi, key),
			.golden = golden,
			.golden_period = t->golden_period,
			.version = t->profile,
		};
		u8 *in = vp8_drv_input(d);
		const u8 *frame;
		size_t len;
		int ret;

		host_texture(in, d->cw, d->ch, t->golden && !(f & 1) ? 0 : f);
		if (o->src)
			host_write_i420(o->src, in, in + d->cw * d->ch, d->cw, t->w, t->h);
		ret = vp8_drv_encode(d, &fp, &frame, &len);
		check(!ret, "%s frame %u: coded, %zu bytes (%d, model %d%s)", t->name, f,
		      ret ? 0 : len, ret, d->res, d->bus.fault);
		if (ret)
			break;
		check(d->size_bits == d->rf.val[d->l->buf_limit / 4],
		      "%s frame %u: the size table adds up to the bits written (%u, %u)", t->name, f,
		      d->size_bits, d->rf.val[d->l->buf_limit / 4]);
		o->adapted += d->adapted;
		o->bytes += len;
		if (o->ivf)
			ivf_frame(o->ivf, frame, len, f);
		if (o->rec)
			host_write_i420(o->rec, vp8_drv_rec(d), vp8_drv_rec(d) + d->cw * d->ch,
					d->cw, t->w, t->h);
		o->coded++;
	}
}

/*
 * The golden stream against the same frames with the last frame as the
 * only reference: the frames that come back find their match in golden.
 */
static void golden_gain(const struct tcase *t, size_t bytes)
{
	struct tstream none = { 0 };
	static struct vp8_drv d;

	if (vp8_drv_init(&d, t->ip, t->w, t->h, t->capture)) {
		check(0, "%s: buffers", t->name);
		return;
	}
	code_frames(t, HANTRO_VP8_GOLDEN_NONE, &d, &none);
	check(none.coded == t->frames && bytes * 10 < none.bytes * 8,
	      "%s: the golden frame saves over a fifth: %zu bytes, %zu with one reference",
	      t->name, bytes, none.bytes);
	vp8_drv_free(&d);
}

static void run_case(const struct tcase *t, const char *dir, FILE *list)
{
	struct tstream o = {
		.ivf = host_out_file(dir, t->name, "ivf"),
		.rec = host_out_file(dir, t->name, "rec"),
		.src = host_out_file(dir, t->name, "src"),
	};
	static struct vp8_drv d;

	if (!o.ivf || !o.rec || !o.src || vp8_drv_init(&d, t->ip, t->w, t->h, t->capture)) {
		check(0, "%s: files and buffers", t->name);
		goto out;
	}
	ivf_header(o.ivf, t->w, t->h, t->frames);
	code_frames(t, t->golden, &d, &o);
	/* VEPU2 has no interpolation bit: its field of mask 0 writes nothing. */
	check(d.l->vp8.bilinear.mask || !hantro_regfile_used(&d.rf, 0),
	      "%s: register 0x000 (VEPU2's segment quantisers) left unwritten", t->name);
	check(o.coded == t->frames, "%s: %u of %u frames coded", t->name, o.coded, t->frames);
	check(t->frames < 3 || o.adapted, "%s: %u frames sent probabilities adapted to the counts",
	      t->name, o.adapted);
	if (o.coded == t->frames)
		fprintf(list, "%s %u %u %u\n", t->name, t->w, t->h, t->floor);
	if (t->golden)
		golden_gain(t, o.bytes);
out:
	vp8_drv_free(&d);
	if (o.ivf)
		fclose(o.ivf);
	if (o.rec)
		fclose(o.rec);
	if (o.src)
		fclose(o.src);
}

/*
 * A CAPTURE buffer too small for the frame: the header or the layout is
 * refused, or the hardware stops at a partition's room; never an access
 * outside the buffer, never a frame.
 */
static void too_small(void)
{
	struct hantro_vp8_frame_params fp = { .key_frame = true };
	static struct vp8_drv d;
	const u8 *frame;
	size_t len;
	int ret;

	if (vp8_drv_init(&d, "h1", 320, 240, 4096)) {
		check(0, "tiny: buffers");
		return;
	}
	host_texture(vp8_drv_input(&d), 320, 240, 0);
	ret = vp8_drv_encode(&d, &fp, &frame, &len);
	check(ret == -ENOSPC || (ret == -EIO && d.res == VEPU_BUFFER_FULL),
	      "a 4 KiB CAPTURE buffer for a 320x240 frame at index 0: refused or buffer full (%d, %d)",
	      ret, d.res);
	vp8_drv_free(&d);
	if (vp8_drv_init(&d, "h1", 320, 240, 16)) {
		check(0, "tiny: buffers");
		return;
	}
	ret = vp8_drv_encode(&d, &fp, &frame, &len);
	check(ret == -ENOSPC, "a 16-byte CAPTURE buffer: no room for the header (%d)", ret);
	vp8_drv_free(&d);
}

static unsigned int tweak_case;

/* Registers the model does not code, or that make no sense: each must fail the frame. */
static void tweak(struct vp8_drv *d)
{
	const struct hantro_vp8_layout *vl = &d->l->vp8;
	unsigned int n = ARRAY_SIZE(vl->unsupported);

	if (tweak_case < n) {
		hantro_regfile_set(&d->rf, &vl->unsupported[tweak_case], 1);
		return;
	}
	switch (tweak_case - n) {
	case 0:
		/* The second search on a reference index there is none of. */
		hantro_regfile_set(&d->rf, &vl->ref2_enable, 1);
		hantro_regfile_set(&d->rf, &vl->mv_ref_idx2, 3);
		break;
	case 1:
		/* Its index says golden, but it does not run. */
		hantro_regfile_set(&d->rf, &vl->mv_ref_idx2, 1);
		break;
	case 2:
		/* Golden where the reconstruction goes. */
		hantro_regfile_set(&d->rf, &vl->ref2_enable, 1);
		hantro_regfile_set(&d->rf, &vl->mv_ref_idx2, 1);
		hantro_regfile_set_reg(&d->rf, vl->ref2_y, d->pp.rec_y);
		hantro_regfile_set_reg(&d->rf, vl->ref2_c, d->pp.rec_c);
		break;
	case 3:
		/* The reconstruction's luma half over the reference's. */
		hantro_regfile_set_reg(&d->rf, d->l->rec_y, d->pp.ref_y + d->cw * d->ch / 2);
		break;
	default:
		/* The reconstruction's chroma where the reference's luma starts. */
		hantro_regfile_set_reg(&d->rf, d->l->rec_c, d->pp.ref_y);
		break;
	}
}

/*
 * What the model cannot code is refused (a bus error), not coded as
 * something else: segmentation, its map, a first search on another
 * reference than the last frame, bilinear prediction, a second search on
 * no reference or on the reconstruction, a reconstruction half over the
 * reference.
 */
static void refused_registers(void)
{
	static const char * const what[] = {
		"segmentation", "a segment map update", "golden as the first search's reference",
		"a second search on reference index 3",
		"a second search's index without the search", "golden on the reconstruction",
		"a reconstruction half over the reference",
		"a reconstruction's chroma on the reference's luma",
	};
	static const char * const ips[] = { "h1", "vepu2" };
	struct hantro_vp8_frame_params key = { .key_frame = true, .qi = 40 };
	static struct vp8_drv d;
	const u8 *frame;
	unsigned int ip;
	size_t len;
	int ret;

	for (ip = 0; ip < ARRAY_SIZE(ips); ip++)
		for (tweak_case = 0; tweak_case < ARRAY_SIZE(what); tweak_case++) {
			struct hantro_vp8_frame_params inter = { .qi = 40 };
			const struct hantro_field *f;

			if (vp8_drv_init(&d, ips[ip], 176, 144, 0)) {
				check(0, "refused registers: buffers");
				return;
			}
			/* A field the IP does not have (VEPU2's bilinear bit). */
			f = tweak_case < ARRAY_SIZE(d.l->vp8.unsupported) ?
			    &d.l->vp8.unsupported[tweak_case] : NULL;
			if (f && !f->mask) {
				vp8_drv_free(&d);
				continue;
			}
			host_texture(vp8_drv_input(&d), 176, 144, 0);
			ret = vp8_drv_encode(&d, &key, &frame, &len);
			d.tweak = tweak;
			ret = ret ?: vp8_drv_encode(&d, &inter, &frame, &len);
			check(ret == -EIO && d.res == VEPU_BUS_ERROR,
			      "%s: %s in an inter frame's registers: refused (%d, %d)", ips[ip],
			      what[tweak_case], ret, d.res);
			vp8_drv_free(&d);
		}
}

/*
 * A header that ended on an 8-byte boundary was moved up a byte (so that
 * the hardware gets a byte of it to carry into): the frame comes out
 * without the gap, its first partition right behind the tag.
 */
static void padded_header(void)
{
	static u8 buf[4096], want[4096];
	const struct hantro_vp8_frame_hdr h = { .key_frame = false, .show_frame = true };
	struct hantro_vp8_buf_layout l;
	const u32 sizes[2] = { 40, 100 };
	size_t len, i;
	int ret;

	ret = hantro_vp8_buf_layout(sizeof(buf), HANTRO_VP8_TAG_BYTES, 17, 1, 10, &l);
	l.pad = true;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = i * 7 + 1;
	/* The first partition from byte 4 (3 of tag, 1 of gap) to 16 + 40. */
	hantro_vp8_write_tag(want, &h, 16 + 40 - 1 - 3);
	memcpy(want + 3, buf + 4, 16 + 40 - 4);
	memcpy(want + 16 + 40 - 1, buf + hantro_vp8_part_off(&l, 0), 100);
	ret = ret ?: hantro_vp8_assemble(buf, &l, &h, sizes, &len);
	check(!ret && len == 16 + 40 - 1 + 100 && !memcmp(buf, want, len),
	      "a header moved up a byte: the frame comes out without the gap (%d, %zu bytes)",
	      ret, len);
}

/*
 * Sizes in the size table the hardware should not have written (a part
 * beyond its room, a first partition shorter than the header handed over,
 * words of all ones): no frame, and nothing read or written outside the
 * buffer.
 */
static void bad_sizes(void)
{
	static u8 buf[65536];
	const struct hantro_vp8_frame_hdr h = { .key_frame = true, .width = 160, .height = 96 };
	struct hantro_vp8_buf_layout l;
	u32 good, room;
	const char *what[] = {
		"a first partition shorter than the header's last word",
		"a first partition leaving no room for the size table",
		"a token partition one byte beyond its room",
		"all ones in the first word", "all ones in the second", "all ones in the third",
	};
	unsigned int i;
	size_t len;
	int ret;

	ret = hantro_vp8_buf_layout(sizeof(buf), HANTRO_VP8_KEY_TAG_BYTES, 30, 2, 60, &l);
	check(!ret, "a 64 KiB buffer is laid out for two partitions (%d)", ret);
	if (ret)
		return;
	good = l.first_end - 24 - 3;
	room = l.part_room;
	{
		const u32 cases[][3] = {
			{ 5, 100, 100 }, { good + 1, 100, 100 }, { good, room + 1, 100 },
			{ ~0u, 100, 100 }, { good, ~0u, 100 }, { good, 100, ~0u },
		};

		for (i = 0; i < ARRAY_SIZE(cases); i++) {
			ret = hantro_vp8_assemble(buf, &l, &h, cases[i], &len);
			check(ret == -ENOSPC, "%s: no frame (%d)", what[i], ret);
		}
		ret = hantro_vp8_assemble(buf, &l, &h, (const u32[]){ good, room, room }, &len);
		check(!ret && len == 24 + good + 3 + 2 * room,
		      "parts that just fit make a frame of %zu bytes (%d)", len, ret);
	}
}

int main(int argc, char **argv)
{
	char path[1024];
	unsigned int i;
	FILE *list;

	if (argc != 2)
		return 2;
	snprintf(path, sizeof(path), "%s/cases", argv[1]);
	list = fopen(path, "w");
	if (!list)
		return 2;
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		run_case(&cases[i], argv[1], list);
	fclose(list);
	padded_header();
	too_small();
	bad_sizes();
	refused_registers();
	return failures ? 1 : 0;
}
