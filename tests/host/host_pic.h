/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host tests: input pictures and the files the decoders compare.
 */
#ifndef HOST_PIC_H
#define HOST_PIC_H

#include <stdio.h>

#include <linux/types.h>

/* Frame @frame of a moving NV12 picture, @hs x @vs, rows of @hs bytes. */
void host_texture(u8 *p, unsigned int hs, unsigned int vs, unsigned int frame);
/* The visible @w x @h of an NV12 picture (rows of @stride) as I420. */
void host_write_i420(FILE *fp, const u8 *y, const u8 *c, unsigned int stride,
		     unsigned int w, unsigned int h);
/* DIR/NAME.EXT, open for writing. */
FILE *host_out_file(const char *dir, const char *name, const char *ext);

#endif
