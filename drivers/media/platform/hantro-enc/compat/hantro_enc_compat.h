/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Version shims of the V4L2 and videobuf2 interfaces for the kernels
 * hantro-enc builds against (6.1 .. 7.x); the kernel-core ones, which the
 * virtual VEPU needs too, are in hantro_compat.h.
 */
#ifndef HANTRO_ENC_COMPAT_H
#define HANTRO_ENC_COMPAT_H

#include <media/v4l2-fh.h>
#include <media/v4l2-mem2mem.h>
#include <media/videobuf2-v4l2.h>

#include "hantro_compat.h"

/*
 * v4l2_fh_add()/v4l2_fh_del() take the file from 6.18 on and manage
 * file->private_data themselves.
 */
static inline void hantro_enc_fh_add(struct v4l2_fh *fh, struct file *file)
{
#ifdef HANTRO_ENC_FH_ADD_FILE
	v4l2_fh_add(fh, file);
#else
	file->private_data = fh;
	v4l2_fh_add(fh);
#endif
}

static inline void hantro_enc_fh_del(struct v4l2_fh *fh, struct file *file)
{
#ifdef HANTRO_ENC_FH_ADD_FILE
	v4l2_fh_del(fh, file);
#else
	v4l2_fh_del(fh);
	file->private_data = NULL;
#endif
}

/* 7.x dropped the copy_frame_flags argument; false is what 7.x does. */
#ifdef HANTRO_ENC_COPY_META_3ARG
#define hantro_enc_copy_metadata(src, dst) v4l2_m2m_buf_copy_metadata(src, dst, false)
#else
#define hantro_enc_copy_metadata(src, dst) v4l2_m2m_buf_copy_metadata(src, dst)
#endif

/*
 * Before 7.x a blocking DQBUF sleeps holding q->lock unless the queue has
 * these ops; 7.x drops the lock itself and removed them.
 */
#ifdef HANTRO_ENC_HAVE_WAIT_PREPARE
#define HANTRO_ENC_VB2_WAIT_OPS \
	.wait_prepare = vb2_ops_wait_prepare, \
	.wait_finish = vb2_ops_wait_finish,
#else
#define HANTRO_ENC_VB2_WAIT_OPS
#endif

#endif /* HANTRO_ENC_COMPAT_H */
