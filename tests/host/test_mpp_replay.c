// SPDX-License-Identifier: GPL-2.0
/*
 * Host test: the vendor's register programming replayed through the
 * virtual VEPU. Each H.264 and JPEG vector of tests/vectors/mpp is fed,
 * frame by frame, to the model's register decoding (vepu_virt_run.c, the
 * file the kernel module runs) behind a bus made of MPP's buffers, on which
 * any access outside a buffer is a bus error. MPP's software-written header
 * is in the output buffer first, as MPP leaves it, the input is a textured
 * picture, and the stream is cut the way MPP measures it.
 *
 *   test_mpp_replay VECTOR_DIR OUTDIR
 *
 * Writes OUTDIR/NAME.h264 or NAME.ivf (VP8) and NAME.rec (the model's
 * reconstruction of every frame, I420 of the visible size) or
 * OUTDIR/NAME.jpg, and NAME.src (the input, I420), for run.sh to decode
 * with FFmpeg (and libvpx). VP8 frames are put together as MPP does: its
 * frame tag and software header, the hardware's first partition and token
 * partition by the sizes the model wrote to the size table. Prints one
 * PASS/FAIL line per check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>

#include "hantro_h1_regs.h"
#include "hantro_h264_cabac.h"
#include "hantro_regs.h"
#include "host_bus.h"
#include "host_check.h"
#include "host_pic.h"
#include "mpp_vector.h"
#include "vepu_virt_run.h"
#include "vp8_session.h"

/*
 * MPP writes buffer handles into the address registers and has the kernel
 * add byte offsets; the bus address of each.
 */
static void bus_addresses(const struct mpp_vector *v, unsigned int frame,
			  const struct hantro_layout *l, u32 *regs)
{
	const u16 addr[] = { l->in_addr[0], l->in_addr[1], l->in_addr[2], l->out_addr,
			     l->ref_y, l->ref_c, l->rec_y, l->rec_c, l->cabac_table,
			     l->vp8.size_table, l->vp8.part_addr[0], l->vp8.part_addr[1],
			     l->vp8.prob_count };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(addr); i++)
		if (mpp_vector_addr(v, frame, addr[i]))
			regs[addr[i] / 4] = mpp_vector_addr(v, frame, addr[i]);
}

static struct mpp_vector vec;
static struct mpp_vp8_sw vp8_sw;
static struct vepu_jpeg_state jpeg;
static const char *outdir;
static unsigned int replayed;

/* The CABAC table: the driver's, which must be the one MPP filled. */
static void cabac_table(const char *name, struct vepu_virt *bus, const u32 *regs,
			const struct hantro_layout *l)
{
	int b = mpp_vector_buf(&vec, vec.tbl_handle);

	if (!hantro_field_get(&l->cabac, regs) || b < 0 ||
	    vec.buf_size[b] < HANTRO_H264_CABAC_TABLE_SIZE)
		return;
	hantro_h264_cabac_table(bus->mem[b], hantro_field_get(&l->cabac_idc, regs));
	check(mpp_fnv64(bus->mem[b], HANTRO_H264_CABAC_TABLE_SIZE) == vec.tbl_hash,
	      "%s: the driver's CABAC table for cabac_init_idc %u is the one MPP filled", name,
	      hantro_field_get(&l->cabac_idc, regs));
}

/*
 * The QP sum read back the way MPP reads it (hal_h264e_vepu1_v2.c: 0x064
 * bits 20:0 times 2; hal_h264e_vepu2_v2.c: 0x0e8 bits 31:11 times 2): at a
 * fixed QP, the QP times the macroblocks.
 */
static void check_qp_sum(const char *name, unsigned int f, const struct mpp_vector *v,
			 const u32 *regs)
{
	unsigned int mbs = DIV_ROUND_UP(v->w, 16) * DIV_ROUND_UP(v->h, 16);
	u32 sum = strcmp(v->ip, "vepu1") ? (regs[0x0e8 / 4] >> 11 & 0x1fffff) * 2 :
					    (regs[0x064 / 4] & 0x1fffff) * 2;

	check(sum == v->qp * mbs / 2 * 2, "%s frame %u: QP sum read as MPP reads it: %u (QP %u x %u)",
	      name, f, sum, v->qp, mbs);
}

/*
 * The picture's coefficient count read back the way MPP reads it (VEPU1
 * 0x094 bits 22:0 times 4; VEPU2 0x0f8 bits 21:0 as they are): the two
 * IPs' replays of one configuration code the same pictures, so their
 * counts agree but for VEPU1's unit. The VEPU1 vectors come first. Not the
 * deblocking vectors: MPP programs the filter on VEPU2 only, so their P
 * pictures differ.
 */
static void check_rlc_sum(const char *name, unsigned int f, const struct mpp_vector *v,
			  const u32 *regs)
{
	static struct { char config[64]; unsigned int frame; u32 count; } seen[256];
	static unsigned int nseen;
	const char *config = strchr(name, '-') + 1;
	unsigned int i;

	if (!strcmp(v->ip, "vepu1")) {
		if (nseen < ARRAY_SIZE(seen)) {
			snprintf(seen[nseen].config, sizeof(seen[nseen].config), "%s", config);
			seen[nseen].frame = f;
			seen[nseen++].count = (regs[0x094 / 4] & 0x7fffff) * 4;
		}
		return;
	}
	for (i = 0; i < nseen; i++)
		if (!strcmp(seen[i].config, config) && seen[i].frame == f)
			check(seen[i].count / 4 == (regs[0x0f8 / 4] & 0x3fffff) / 4 && seen[i].count,
			      "%s frame %u: coefficients read as MPP reads them: %u on VEPU2, %u on VEPU1",
			      name, f, regs[0x0f8 / 4] & 0x3fffff, seen[i].count);
}

/*
 * Before a VP8 frame: MPP's probability table and its frame header, where
 * MPP's software left them, ahead of the address the stream resumes at.
 */
static bool vp8_before(const char *name, struct vepu_virt *bus, unsigned int f,
		       const struct hantro_layout *l, u32 *regs)
{
	u8 *tbl = vepu_virt_map(bus, regs[l->cabac_table / 4], MPP_VP8_TBL_SIZE, DMA_FROM_DEVICE);
	u32 hdr_at = regs[l->out_addr / 4] - vp8_sw.hdr_len[f];
	u8 *hdr = vepu_virt_map(bus, hdr_at, vp8_sw.hdr_len[f], DMA_FROM_DEVICE);

	check(tbl && hdr && vp8_sw.tbl_len[f] == MPP_VP8_TBL_SIZE && vp8_sw.hdr_len[f],
	      "%s frame %u: MPP's probability table and %u header bytes in place", name, f,
	      vp8_sw.hdr_len[f]);
	if (!tbl || !hdr || !vp8_sw.hdr_len[f])
		return false;
	memcpy(tbl, vp8_sw.tbl[f], MPP_VP8_TBL_SIZE);
	memcpy(hdr, vp8_sw.hdr[f], vp8_sw.hdr_len[f]);
	/*
	 * MPP's registers give another loop filter level than its header
	 * (hantro-enc-vp8-vendor.md 1.7): the level the decoders filter
	 * with is programmed, as the driver will.
	 */
	regs[l->vp8.filter_level.reg / 4] = hantro_field_put(&l->vp8.filter_level,
							     regs[l->vp8.filter_level.reg / 4],
							     vp8_sw.level[f]);
	return true;
}

/*
 * After it, the frame as MPP puts it together (hal_vp8e_base.c): the tag
 * with the first partition's size (the software's header bytes and the
 * hardware's, which the size table counts from the aligned address), the
 * first partition, the token partition. Written as an IVF frame.
 */
static void vp8_after(const char *name, struct vepu_virt *bus, unsigned int f,
		      const struct hantro_layout *l, const u32 *regs, FILE *stream)
{
	const struct mpp_vector *v = &vec;
	u32 out = regs[l->out_addr / 4], aligned = out & ~7u;
	const u32 *sizes = vepu_virt_map(bus, regs[l->vp8.size_table / 4], 8, DMA_TO_DEVICE);
	struct hantro_vp8_frame_hdr h = {
		.key_frame = hantro_field_get(&l->pic_type, regs) == HANTRO_PIC_INTRA,
		.version = 1,
		.show_frame = true,
		.width = v->w,
		.height = v->h,
	};
	u32 first, hdr_len = vp8_sw.hdr_len[f];
	const u8 *p1, *dct;
	size_t len;
	u8 *frame;

	if (!sizes || sizes[0] < out - aligned) {
		check(0, "%s frame %u: the size table is written", name, f);
		return;
	}
	first = hdr_len + sizes[0] - (out - aligned);
	p1 = vepu_virt_map(bus, out - hdr_len, first, DMA_TO_DEVICE);
	dct = vepu_virt_map(bus, regs[l->vp8.part_addr[0] / 4], sizes[1], DMA_TO_DEVICE);
	check(p1 && dct && sizes[1],
	      "%s frame %u: first partition %u bytes, token partition %u bytes", name, f, first,
	      sizes[1]);
	if (!p1 || !dct)
		return;
	frame = malloc(HANTRO_VP8_KEY_TAG_BYTES + first + sizes[1]);
	if (!frame)
		return;
	len = hantro_vp8_write_tag(frame, &h, first);
	memcpy(frame + len, p1, first);
	memcpy(frame + len + first, dct, sizes[1]);
	ivf_frame(stream, frame, len + first + sizes[1], f);
	free(frame);
}

static void replay_frame(const char *name, struct vepu_virt *bus, unsigned int f,
			 const struct hantro_layout *l, FILE *stream, FILE *rec, FILE *src)
{
	const struct mpp_vector *v = &vec;
	unsigned int hs = ALIGN(v->w, 16), vs = ALIGN(v->h, 16);
	int in = mpp_vector_buf(v, MPP_BUF_INPUT), out = mpp_vector_buf(v, MPP_BUF_OUTPUT);
	u32 regs[HANTRO_NUM_REGS] = { 0 }, out_off = v->offs[f][l->out_addr / 4];
	bool h264 = !strcmp(v->codec, "h264"), vp8 = !strcmp(v->codec, "vp8");
	enum vepu_virt_result res;
	size_t len;
	u8 *pkt;

	memcpy(regs, v->regs[f], sizeof(regs));
	bus_addresses(v, f, l, regs);
	host_texture(bus->mem[in], hs, vs, f);
	host_write_i420(src, bus->mem[in], bus->mem[in] + hs * vs, hs, v->w, v->h);
	pkt = bus->mem[out];
	memset(pkt, 0xa5, v->out_size);
	memcpy(pkt, v->hdr[f], v->hdr_len[f]);
	if (h264)
		cabac_table(name, bus, regs, l);
	if (vp8 && !vp8_before(name, bus, f, l, regs))
		return;

	bus->fault[0] = 0;
	res = vepu_virt_run_frame(bus, l, &jpeg, regs);
	if (vp8) {
		check(res == VEPU_DONE, "%s frame %u: the model encodes MPP's programming (result %d%s)",
		      name, f, res, bus->fault);
		if (res == VEPU_DONE)
			vp8_after(name, bus, f, l, regs, stream);
		goto rec;
	}
	/* MPP's packet: its bytes up to the aligned word, then the hardware's. */
	len = (out_off & ~7u) + regs[l->buf_limit / 4] / 8;
	check(res == VEPU_DONE && len <= v->out_size,
	      "%s frame %u: the model encodes MPP's programming (result %d, %zu bytes%s)", name,
	      f, res, len, bus->fault);
	if (res != VEPU_DONE || len > v->out_size)
		return;
	check(len > out_off && !memcmp(pkt, v->hdr[f], v->hdr_len[f]),
	      "%s frame %u: MPP's %u header bytes stay, the stream continues them", name, f,
	      v->hdr_len[f]);
	if (!h264)
		check(len >= 2 && pkt[len - 2] == 0xff && pkt[len - 1] == 0xd9,
		      "%s frame %u: the counted bytes end with EOI", name, f);
	if (h264 && !strcmp(v->rc, "fixqp"))
		check_qp_sum(name, f, v, regs);
	if (h264 && !v->settings[0])
		check_rlc_sum(name, f, v, regs);
	fwrite(pkt, 1, len, stream);
rec:
	if (rec) {
		void *y = vepu_virt_map(bus, regs[l->rec_y / 4], hs * vs, DMA_TO_DEVICE);
		void *c = vepu_virt_map(bus, regs[l->rec_c / 4], hs * vs / 2, DMA_TO_DEVICE);

		if (y && c)
			host_write_i420(rec, y, c, hs, v->w, v->h);
	}
}

static void replay(const char *name, const char *path)
{
	static const struct hantro_layout h1 = HANTRO_H1_LAYOUT, vepu2 = HANTRO_VEPU2_LAYOUT;
	struct vepu_virt bus = { .bufs = vec.bufs };
	FILE *stream, *rec = NULL, *src;
	const struct hantro_layout *l;
	unsigned int i, f;
	bool h264, vp8;

	if (mpp_vector_load(path, &vec)) {
		check(0, "%s: readable", name);
		return;
	}
	/*
	 * The QP sweep is about the per-QP costs; one 1080p picture in ten
	 * QPs is replayed (ASan makes each take a second).
	 */
	if (strstr(name, "qpsweep") && vec.qp % 10 != 1)
		return;
	h264 = !strcmp(vec.codec, "h264");
	vp8 = !strcmp(vec.codec, "vp8");
	if (vp8) {
		char sw[1024];

		snprintf(sw, sizeof(sw), "%.*s/vp8-%ux%u.sw", (int)(strrchr(path, '/') - path),
			 path, vec.w, vec.h);
		check(!mpp_vp8_sw_load(sw, &vp8_sw), "%s: MPP's software part %s loads", name, sw);
	}
	l = strcmp(vec.ip, "vepu1") ? &vepu2 : &h1;
	check(mpp_vector_buf(&vec, MPP_BUF_INPUT) >= 0 && mpp_vector_buf(&vec, MPP_BUF_OUTPUT) >= 0 &&
	      vec.buf_size[mpp_vector_buf(&vec, MPP_BUF_INPUT)] >= ALIGN(vec.w, 16) * ALIGN(vec.h, 16) * 3 / 2,
	      "%s: MPP's input and output buffers are recorded", name);
	if (mpp_vector_buf(&vec, MPP_BUF_INPUT) < 0 || mpp_vector_buf(&vec, MPP_BUF_OUTPUT) < 0)
		return;
	bus.bufs = vec.bufs;
	for (i = 0; i < vec.bufs; i++) {
		bus.size[i] = vec.buf_size[i];
		bus.mem[i] = calloc(1, vec.buf_size[i]);
	}
	stream = host_out_file(outdir, name, h264 ? "h264" : vp8 ? "ivf" : "jpg");
	src = host_out_file(outdir, name, "src");
	if (h264 || vp8)
		rec = host_out_file(outdir, name, "rec");
	if (stream && vp8)
		ivf_header(stream, vec.w, vec.h, vec.frames);
	if (stream && src && (rec || !(h264 || vp8)))
		for (f = 0; f < vec.frames; f++)
			replay_frame(name, &bus, f, l, stream, rec, src);
	else
		check(0, "%s: output files in %s", name, outdir);
	if (stream)
		fclose(stream);
	if (src)
		fclose(src);
	if (rec)
		fclose(rec);
	for (i = 0; i < vec.bufs; i++)
		free(bus.mem[i]);
	replayed++;
}

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	outdir = argv[2];
	check(mpp_vector_each(argv[1], replay) > 0, "vectors found in %s", argv[1]);
	check(replayed >= 38, "%u vectors replayed", replayed);
	return failures ? 1 : 0;
}
