// SPDX-License-Identifier: GPL-2.0
/*
 * Host side of VP8 coded the way the driver codes it (vp8_driver_path.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>

#include "hantro_h1_regs.h"
#include "hantro_vepu2_regs.h"
#include "hantro_vp8_counts.h"
#include "hantro_vp8_probtbl.h"
#include "vp8_driver_path.h"

/* The driver's buffers, its tables laid out as hantro_enc_vp8.c does. */
enum { BUF_IN, BUF_CAPTURE, BUF_PIC0, BUF_TABLES = BUF_PIC0 + HANTRO_VP8_PICS, BUS_BUFS };
#define SIZE_TBL_OFF	ALIGN(HANTRO_VP8_PROB_TABLE_SIZE, 8)
#define COUNT_OFF	(SIZE_TBL_OFF + 8 * 4)
#define TABLES_SIZE	(COUNT_OFF + HANTRO_VP8_COUNT_BYTES)

static const struct hantro_layout h1 = HANTRO_H1_LAYOUT, vepu2 = HANTRO_VEPU2_LAYOUT;
static struct vepu_jpeg_state jpeg;

int vp8_drv_init(struct vp8_drv *d, const char *ip, unsigned int w, unsigned int h,
		 size_t capture)
{
	size_t pic;
	unsigned int i;

	memset(d, 0, sizeof(*d));
	d->l = strcmp(ip, "h1") ? &vepu2 : &h1;
	d->w = w;
	d->h = h;
	d->cw = ALIGN(w, 16);
	d->ch = ALIGN(h, 16);
	pic = (size_t)d->cw * d->ch * 3 / 2;
	{
		const size_t sizes[BUS_BUFS] = { pic, capture ?: pic, pic, pic, pic, TABLES_SIZE };

		d->bus.bufs = BUS_BUFS;
		for (i = 0; i < BUS_BUFS; i++) {
			d->bus.size[i] = sizes[i];
			d->bus.mem[i] = calloc(1, sizes[i]);
			if (!d->bus.mem[i])
				return -ENOMEM;
		}
	}
	return 0;
}

void vp8_drv_free(struct vp8_drv *d)
{
	unsigned int i;

	for (i = 0; i < BUS_BUFS; i++) {
		free(d->bus.mem[i]);
		d->bus.mem[i] = NULL;
	}
}

u8 *vp8_drv_input(struct vp8_drv *d)
{
	return d->bus.mem[BUF_IN];
}

const u8 *vp8_drv_rec(const struct vp8_drv *d)
{
	return d->bus.mem[BUF_PIC0 + d->refs.last];
}

/* The frame's registers as the driver programs them (hantro_enc_vp8.c). */
static void vp8_drv_program(struct vp8_drv *d, bool key)
{
	u32 luma = d->cw * d->ch, cap = host_bus_addr(BUF_CAPTURE);
	struct hantro_vp8_pic_params *pp = &d->pp;
	struct hantro_input_params ip = {
		.mb_width = d->cw / 16,
		.mb_height = d->ch / 16,
		.width = d->w,
		.height = d->h,
		.fmt = HANTRO_IN_NV12,
		.row_pixels = d->cw,
		.in_addr = { host_bus_addr(BUF_IN), host_bus_addr(BUF_IN) + luma },
		.out_addr = cap + pp->ho.aligned,
		.out_size = d->lay.part_room,
	};
	unsigned int i;

	pp->rec_y = host_bus_addr(BUF_PIC0 + d->rec);
	pp->rec_c = pp->rec_y + luma;
	pp->ref_y = host_bus_addr(BUF_PIC0 + d->refs.last);
	pp->ref_c = pp->ref_y + luma;
	pp->ref2_y = host_bus_addr(BUF_PIC0 + d->refs.golden);
	pp->ref2_c = pp->ref2_y + luma;
	pp->prob_table = host_bus_addr(BUF_TABLES);
	pp->size_table = host_bus_addr(BUF_TABLES) + SIZE_TBL_OFF;
	pp->prob_count = host_bus_addr(BUF_TABLES) + COUNT_OFF;
	for (i = 0; i < d->lay.partitions; i++)
		pp->part_addr[i] += cap;
	hantro_program_begin(&d->rf, d->l, HANTRO_MODE_VP8);
	hantro_program_input(&d->rf, d->l, &ip);
	hantro_regfile_set(&d->rf, &d->l->pic_type, key ? HANTRO_PIC_INTRA : HANTRO_PIC_INTER);
	hantro_program_vp8(&d->rf, d->l, pp);
}

int vp8_drv_encode(struct vp8_drv *d, struct hantro_vp8_frame_params *fp, const u8 **frame,
		   size_t *len)
{
	u8 *cap = d->bus.mem[BUF_CAPTURE], *tables = d->bus.mem[BUF_TABLES];
	unsigned int i;
	int ret;

	fp->width = d->w;
	fp->height = d->h;
	fp->key_distance = fp->key_frame ? 0 : d->key_distance;
	fp->golden_is_last = d->refs.golden == d->refs.last;
	d->rec = hantro_vp8_refs_free(&d->refs);
	memset(cap, 0xa5, d->bus.size[BUF_CAPTURE]);
	ret = hantro_vp8_frame_code(fp, cap, d->bus.size[BUF_CAPTURE], &d->ent,
				    d->counts_ok ? tables + COUNT_OFF : NULL, &d->hdr, &d->lay,
				    &d->pp);
	d->counts_ok = false;
	d->adapted = !ret && memcmp(&d->ent.cur, &d->ent.prev, sizeof(d->ent.cur));
	if (ret)
		return ret;
	hantro_vp8_write_prob_table(tables, &d->ent.cur, &d->hdr);
	memset(tables + SIZE_TBL_OFF, 0, TABLES_SIZE - SIZE_TBL_OFF);
	vp8_drv_program(d, fp->key_frame);
	if (d->tweak)
		d->tweak(d);

	d->bus.fault[0] = 0;
	d->res = vepu_virt_run_frame(&d->bus, d->l, &jpeg, d->rf.val);
	if (d->res != VEPU_DONE)
		return -EIO;
	d->size_bits = 0;
	for (i = 0; i <= d->lay.partitions; i++) {
		const u8 *w = tables + SIZE_TBL_OFF + 4 * i;

		d->sizes[i] = w[0] | w[1] << 8 | w[2] << 16 | (u32)w[3] << 24;
		d->size_bits += d->sizes[i] * 8;
	}
	ret = hantro_vp8_assemble(cap, &d->lay, &d->hdr, d->sizes, len);
	if (ret)
		return ret;
	*frame = cap;
	d->key_distance = fp->key_frame ? 1 : d->key_distance + 1;
	hantro_vp8_refs_update(&d->refs, &d->hdr, d->rec);
	if (fp->golden == HANTRO_VP8_GOLDEN_NONE)
		d->refs.golden = d->refs.last;
	d->counts_ok = true;
	return 0;
}
