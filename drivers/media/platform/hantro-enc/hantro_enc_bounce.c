// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: a copy of the input picture for buffers too short for the
 * hardware.
 *
 * The hardware reads whole macroblock rows. A frame whose height is not a
 * multiple of 16, imported from a producer that sized its buffer for exactly
 * its lines (libcamera: bytesused = length = stride * height * 3 / 2), ends
 * before the last row the hardware reads. Such a frame is copied into a
 * buffer of the context's with room for the whole rows; the rows past the
 * picture are cropped away by the stream headers. It costs one copy of the
 * frame by the CPU; buffers the driver allocated need it only when a
 * data_offset leaves too little room behind it, or in a per-plane format,
 * whose planes it allocates exactly the frame's size (hantro_enc_queue.c).
 */

#include <linux/dma-buf.h>
#include <linux/dma-mapping.h>
#include <media/videobuf2-dma-contig.h>

#include "hantro_enc.h"

/* Bytes plane @plane of @vb offers behind its data_offset. */
static size_t hantro_enc_plane_room(struct vb2_buffer *vb, unsigned int plane)
{
	return vb2_plane_size(vb, plane) - vb->planes[plane].data_offset;
}

/* Whether the hardware would read past the end of @vb. */
static bool hantro_enc_short(struct hantro_enc_ctx *ctx, struct vb2_buffer *vb)
{
	unsigned int i;

	for (i = 0; i < ctx->src_fmt.num_planes; i++)
		if (hantro_enc_plane_room(vb, i) < hantro_enc_raw_read_size(&ctx->src_fmt, i))
			return true;
	return false;
}

/* The bounce buffer's size: every plane as the hardware reads it. */
static size_t hantro_enc_bounce_size(const struct hantro_enc_ctx *ctx)
{
	size_t size = 0;
	unsigned int i;

	for (i = 0; i < ctx->src_fmt.num_planes; i++)
		size += hantro_enc_raw_read_size(&ctx->src_fmt, i);
	return size;
}

/**
 * hantro_enc_bounce_free() - free the context's bounce buffer
 * @ctx:	context
 */
void hantro_enc_bounce_free(struct hantro_enc_ctx *ctx)
{
	struct hantro_enc_aux *b = &ctx->bounce;

	if (b->cpu)
		dma_free_coherent(ctx->dev->dev, b->size, b->cpu, b->dma);
	b->cpu = NULL;
}

/**
 * hantro_enc_bounce_prepare() - make sure a short OUTPUT buffer can be encoded
 * @ctx:	context
 * @vb:		the OUTPUT buffer being prepared
 *
 * Allocates the bounce buffer the first time a buffer needs it.
 *
 * Return: 0, or -ENOMEM.
 */
int hantro_enc_bounce_prepare(struct hantro_enc_ctx *ctx, struct vb2_buffer *vb)
{
	struct hantro_enc_aux *b = &ctx->bounce;
	size_t size = hantro_enc_bounce_size(ctx);

	if (!hantro_enc_short(ctx, vb) || (b->cpu && b->size >= size))
		return 0;
	hantro_enc_bounce_free(ctx);
	b->cpu = dma_alloc_coherent(ctx->dev->dev, size, &b->dma, GFP_KERNEL | __GFP_NOWARN);
	if (!b->cpu)
		return -ENOMEM;
	b->size = size;
	hantro_dbg(1, ctx->dev, "short OUTPUT buffers: copying frames (%zu bytes)\n", size);
	return 0;
}

/**
 * hantro_enc_bounce_src() - copy a short OUTPUT buffer for the hardware
 * @ctx:	context
 * @vb:		the frame's OUTPUT buffer
 * @addr:	receives the bus address of each memory plane's copy
 *
 * Return: 1 when @vb was copied and @addr set, 0 when @vb is long enough
 * to be read in place, -EFAULT when it has no CPU mapping.
 */
int hantro_enc_bounce_src(struct hantro_enc_ctx *ctx, struct vb2_buffer *vb, dma_addr_t *addr)
{
	const struct v4l2_pix_format_mplane *pix = &ctx->src_fmt;
	struct hantro_enc_aux *b = &ctx->bounce;
	size_t offset = 0, len, span;
	unsigned int i;
	u8 *src;

	if (!hantro_enc_short(ctx, vb))
		return 0;
	if (!b->cpu)
		return -EFAULT;
	for (i = 0; i < pix->num_planes; i++) {
		struct dma_buf *dbuf = vb->memory == VB2_MEMORY_DMABUF ? vb->planes[i].dbuf : NULL;

		src = vb2_plane_vaddr(vb, i);
		if (!src)
			return -EFAULT;
		span = hantro_enc_raw_read_size(pix, i);
		len = min(span, hantro_enc_plane_room(vb, i));
		/* The producer's writes must be visible to the CPU's read. */
		if (dbuf && dma_buf_begin_cpu_access(dbuf, DMA_FROM_DEVICE))
			return -EFAULT;
		memcpy(b->cpu + offset, src + vb->planes[i].data_offset, len);
		if (dbuf)
			dma_buf_end_cpu_access(dbuf, DMA_FROM_DEVICE);
		/* Rows past the picture: mid-grey, cropped away by the headers. */
		memset(b->cpu + offset + len, 0x80, span - len);
		addr[i] = b->dma + offset;
		offset += span;
	}
	return 1;
}
