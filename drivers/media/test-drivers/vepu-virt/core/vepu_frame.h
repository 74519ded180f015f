/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual VEPU: reading the input picture as the hardware's input stage does.
 * Plain C, also built into the host unit tests.
 */
#ifndef VEPU_FRAME_H
#define VEPU_FRAME_H

#include <linux/types.h>

#include "hantro_layout.h"

/**
 * struct vepu_frame - an input picture in memory
 * @fmt:	enum hantro_in_fmt
 * @plane:	Y (or packed), Cb (or CbCr), Cr
 * @row_len:	luma row length in pixels (the register's unit)
 * @mb_width:	coded width in macroblocks
 * @mb_height:	coded height in macroblocks
 * @stop:	optional: true once a reset stopped the frame, checked before
 *		each macroblock row so that a stopped frame touches no more memory
 * @stop_arg:	its argument
 */
struct vepu_frame {
	unsigned int fmt;
	const u8 *plane[3];
	unsigned int row_len;
	unsigned int mb_width;
	unsigned int mb_height;
	bool (*stop)(const void *stop_arg);
	const void *stop_arg;
};

static inline bool vepu_frame_stopped(const struct vepu_frame *f)
{
	return f->stop && f->stop(f->stop_arg);
}

/**
 * struct vepu_mb - one macroblock of 4:2:0 samples
 * @y:	16x16 luma, raster order
 * @cb:	8x8 Cb
 * @cr:	8x8 Cr
 */
struct vepu_mb {
	u8 y[256];
	u8 cb[64];
	u8 cr[64];
};

int vepu_frame_check_geometry(const struct vepu_frame *f);
int vepu_frame_check(const struct vepu_frame *f);
void vepu_frame_fetch_mb(const struct vepu_frame *f, unsigned int mbx, unsigned int mby,
			 struct vepu_mb *mb);
size_t vepu_frame_plane_span(const struct vepu_frame *f, unsigned int plane);

#endif /* VEPU_FRAME_H */
