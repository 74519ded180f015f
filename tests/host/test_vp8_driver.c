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

#include "hantro_h1_regs.h"
#include "hantro_vepu2_regs.h"
#include "hantro_vp8_frame.h"
#include "hantro_vp8_probtbl.h"
#include "host_bus.h"
#include "host_check.h"
#include "host_pic.h"
#include "vepu_virt_run.h"
#include "vp8_session.h"

/* The driver's buffers, as hantro_enc_vp8.c lays out its tables. */
enum { BUF_IN, BUF_CAPTURE, BUF_PIC0, BUF_PIC1, BUF_TABLES, BUS_BUFS };
#define SIZE_TBL_OFF	ALIGN(HANTRO_VP8_PROB_TABLE_SIZE, 8)
#define COUNT_OFF	(SIZE_TBL_OFF + 8 * 4)
#define TABLES_SIZE	(COUNT_OFF + 244 * 2)

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
 */
struct tcase {
	const char *name, *ip;
	unsigned int w, h, frames, qi, log2_parts, key_period;
	size_t capture;
	unsigned int floor;
};

static const struct tcase cases[] = {
	{ "h1-320x240-q40", "h1", 320, 240, 6, 40, 0, 0, 0, 33 },
	{ "vepu2-320x240-q40", "vepu2", 320, 240, 6, 40, 0, 0, 0, 33 },
	/* Not macroblock aligned, two token partitions, a key frame every 3. */
	{ "h1-1000x562-q20-2parts", "h1", 1000, 562, 5, 20, 1, 3, 0, 38 },
	{ "vepu2-144x96-q127-2parts", "vepu2", 144, 96, 4, 127, 1, 0, 0, 20 },
	{ "h1-176x144-q0", "h1", 176, 144, 3, 0, 0, 0, 0, 45 },
};

static struct vepu_virt bus;
static struct vepu_jpeg_state jpeg;

static bool bus_alloc(const struct tcase *t, unsigned int cw, unsigned int ch)
{
	size_t pic = (size_t)cw * ch * 3 / 2;
	const size_t sizes[BUS_BUFS] = { pic, t->capture ?: pic, pic, pic, TABLES_SIZE };
	unsigned int i;
	bool ok = true;

	bus.bufs = BUS_BUFS;
	for (i = 0; i < BUS_BUFS; i++) {
		bus.size[i] = sizes[i];
		bus.mem[i] = calloc(1, sizes[i]);
		ok &= bus.mem[i] != NULL;
	}
	return ok;
}

static void bus_free(void)
{
	unsigned int i;

	for (i = 0; i < BUS_BUFS; i++) {
		free(bus.mem[i]);
		bus.mem[i] = NULL;
	}
}

/* The frame's registers as the driver programs them (hantro_enc_vp8.c). */
static void program(const struct hantro_layout *l, const struct tcase *t, unsigned int cw,
		    unsigned int ch, unsigned int rec, bool key, struct hantro_vp8_pic_params *pp,
		    const struct hantro_vp8_buf_layout *lay, struct hantro_regfile *rf)
{
	u32 luma = cw * ch, cap = host_bus_addr(BUF_CAPTURE);
	struct hantro_input_params ip = {
		.mb_width = cw / 16,
		.mb_height = ch / 16,
		.width = t->w,
		.height = t->h,
		.fmt = HANTRO_IN_NV12,
		.row_pixels = cw,
		.in_addr = { host_bus_addr(BUF_IN), host_bus_addr(BUF_IN) + luma },
		.out_addr = cap + pp->ho.aligned,
		.out_size = lay->part_room,
	};
	unsigned int i;

	pp->rec_y = host_bus_addr(BUF_PIC0 + rec);
	pp->rec_c = pp->rec_y + luma;
	pp->ref_y = host_bus_addr(BUF_PIC0 + (rec ^ 1));
	pp->ref_c = pp->ref_y + luma;
	pp->prob_table = host_bus_addr(BUF_TABLES);
	pp->size_table = host_bus_addr(BUF_TABLES) + SIZE_TBL_OFF;
	pp->prob_count = host_bus_addr(BUF_TABLES) + COUNT_OFF;
	for (i = 0; i < lay->partitions; i++)
		pp->part_addr[i] += cap;
	hantro_program_begin(rf, l, HANTRO_MODE_VP8);
	hantro_program_input(rf, l, &ip);
	hantro_regfile_set(rf, &l->pic_type, key ? HANTRO_PIC_INTRA : HANTRO_PIC_INTER);
	hantro_program_vp8(rf, l, pp);
}

static void run_case(const struct tcase *t, const char *dir, FILE *list)
{
	unsigned int qi = t->qi;
	static const struct hantro_layout h1 = HANTRO_H1_LAYOUT, vepu2 = HANTRO_VEPU2_LAYOUT;
	const struct hantro_layout *l = strcmp(t->ip, "h1") ? &vepu2 : &h1;
	unsigned int cw = ALIGN(t->w, 16), ch = ALIGN(t->h, 16), f, rec = 0, i, coded = 0;
	FILE *stream = host_out_file(dir, t->name, "ivf");
	FILE *recf = host_out_file(dir, t->name, "rec");
	FILE *src = host_out_file(dir, t->name, "src");
	static struct hantro_regfile rf;
	static struct hantro_vp8_entropy ent;
	unsigned int adapted = 0;

	if (!stream || !recf || !src || !bus_alloc(t, cw, ch)) {
		check(0, "%s: files and buffers", t->name);
		goto out;
	}
	ivf_header(stream, t->w, t->h, t->frames);
	for (f = 0; f < t->frames; f++) {
		bool key = !f || (t->key_period && f % t->key_period == 0);
		struct hantro_vp8_frame_params fp = {
			.key_frame = key,
			.qi = qi,
			.width = t->w,
			.height = t->h,
			.log2_partitions = t->log2_parts,
			.filter_level = hantro_vp8_filter_level(qi, key),
		};
		struct hantro_vp8_frame_hdr hdr;
		struct hantro_vp8_buf_layout lay;
		struct hantro_vp8_pic_params pp;
		u8 *cap = bus.mem[BUF_CAPTURE];
		u32 sizes[1 + HANTRO_VP8_HW_PARTITIONS], bits = 0;
		enum vepu_virt_result res;
		size_t len;
		int ret;

		host_texture(bus.mem[BUF_IN], cw, ch, f);
		host_write_i420(src, bus.mem[BUF_IN], bus.mem[BUF_IN] + cw * ch, cw, t->w, t->h);
		memset(cap, 0xa5, bus.size[BUF_CAPTURE]);
		/* The probabilities adapt to the counts the model wrote for the last frame. */
		ret = hantro_vp8_frame_code(&fp, cap, bus.size[BUF_CAPTURE], &ent,
					    f ? bus.mem[BUF_TABLES] + COUNT_OFF : NULL, &hdr, &lay,
					    &pp);
		adapted += memcmp(&ent.cur, &ent.prev, sizeof(ent.cur)) != 0;
		check(!ret, "%s frame %u: the header is coded (%d)", t->name, f, ret);
		if (ret)
			break;
		hantro_vp8_write_prob_table(bus.mem[BUF_TABLES], &ent.cur, &hdr);
		memset(bus.mem[BUF_TABLES] + SIZE_TBL_OFF, 0, TABLES_SIZE - SIZE_TBL_OFF);
		program(l, t, cw, ch, rec, key, &pp, &lay, &rf);

		bus.fault[0] = 0;
		res = vepu_virt_run_frame(&bus, l, &jpeg, rf.val);
		check(res == VEPU_DONE, "%s frame %u: the model codes the driver's programming (%d%s)",
		      t->name, f, res, bus.fault);
		if (res != VEPU_DONE)
			break;
		for (i = 0; i <= lay.partitions; i++) {
			const u8 *w = bus.mem[BUF_TABLES] + SIZE_TBL_OFF + 4 * i;

			sizes[i] = w[0] | w[1] << 8 | w[2] << 16 | (u32)w[3] << 24;
			bits += sizes[i] * 8;
		}
		check(bits == rf.val[l->buf_limit / 4],
		      "%s frame %u: the size table adds up to the bits written (%u, %u)", t->name, f,
		      bits, rf.val[l->buf_limit / 4]);
		ret = hantro_vp8_assemble(cap, &lay, &hdr, sizes, &len);
		check(!ret, "%s frame %u: the frame is assembled, %zu bytes", t->name, f, len);
		if (ret)
			break;
		ivf_frame(stream, cap, len, f);
		host_write_i420(recf, bus.mem[BUF_PIC0 + rec], bus.mem[BUF_PIC0 + rec] + cw * ch, cw,
				t->w, t->h);
		rec ^= 1;
		coded++;
	}
	check(coded == t->frames, "%s: %u of %u frames coded", t->name, coded, t->frames);
	check(t->frames < 3 || adapted, "%s: %u frames sent probabilities adapted to the counts",
	      t->name, adapted);
	if (coded == t->frames)
		fprintf(list, "%s %u %u %u\n", t->name, t->w, t->h, t->floor);
out:
	bus_free();
	if (stream)
		fclose(stream);
	if (recf)
		fclose(recf);
	if (src)
		fclose(src);
}

/*
 * A CAPTURE buffer too small for the frame: the header or the layout is
 * refused, or the hardware stops at a partition's room; never an access
 * outside the buffer, never a frame.
 */
static void too_small(void)
{
	static const struct hantro_layout h1 = HANTRO_H1_LAYOUT;
	const struct tcase t = { "tiny", "h1", 320, 240, 1, 0, 0, 0, 4096, 0 };
	static struct hantro_regfile rf;
	struct hantro_vp8_frame_params fp = { .key_frame = true, .width = 320, .height = 240 };
	static struct hantro_vp8_entropy ent;
	struct hantro_vp8_frame_hdr hdr;
	struct hantro_vp8_buf_layout lay;
	struct hantro_vp8_pic_params pp;
	enum vepu_virt_result res = VEPU_DONE;
	int ret;

	if (!bus_alloc(&t, 320, 240)) {
		check(0, "tiny: buffers");
		return;
	}
	host_texture(bus.mem[BUF_IN], 320, 240, 0);
	ret = hantro_vp8_frame_code(&fp, bus.mem[BUF_CAPTURE], t.capture, &ent, NULL, &hdr, &lay,
				    &pp);
	if (!ret) {
		hantro_vp8_write_prob_table(bus.mem[BUF_TABLES], &ent.cur, &hdr);
		program(&h1, &t, 320, 240, 0, true, &pp, &lay, &rf);
		res = vepu_virt_run_frame(&bus, &h1, &jpeg, rf.val);
	}
	check(ret || res == VEPU_BUFFER_FULL,
	      "a 4 KiB CAPTURE buffer for a 320x240 frame at index 0: refused (%d) or buffer full (%d)",
	      ret, res);
	ret = hantro_vp8_frame_code(&fp, bus.mem[BUF_CAPTURE], 16, &ent, NULL, &hdr, &lay, &pp);
	check(ret == -ENOSPC, "a 16-byte CAPTURE buffer: no room for the header (%d)", ret);
	bus_free();
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
	return failures ? 1 : 0;
}
