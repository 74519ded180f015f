/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Version shims for the kernels hantro-enc builds against (6.1 .. 7.x).
 *
 * Feature flags come from header probes in Kbuild, not from version numbers,
 * because distribution kernels carry backports. Each shim names the change it
 * covers; nothing outside this header tests a kernel version.
 */
#ifndef HANTRO_ENC_COMPAT_H
#define HANTRO_ENC_COMPAT_H

#include <linux/platform_device.h>
#include <media/v4l2-fh.h>
#include <media/v4l2-mem2mem.h>
#include <media/videobuf2-v4l2.h>

/*
 * platform_driver.remove returns void from 6.11 on; 6.1 .. 6.12 offer the void
 * variant as .remove_new and 7.x dropped that name again.
 */
#ifdef HANTRO_ENC_HAVE_REMOVE_NEW
#define HANTRO_ENC_PLATFORM_REMOVE(fn)	.remove_new = (fn)
#else
#define HANTRO_ENC_PLATFORM_REMOVE(fn)	.remove = (fn)
#endif

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

/* 6.13 made the namespace of MODULE_IMPORT_NS() a string literal. */
#ifdef HANTRO_ENC_IMPORT_NS_IDENT
#define HANTRO_ENC_IMPORT_DMA_BUF()	MODULE_IMPORT_NS(DMA_BUF)
#else
#define HANTRO_ENC_IMPORT_DMA_BUF()	MODULE_IMPORT_NS("DMA_BUF")
#endif

#endif /* HANTRO_ENC_COMPAT_H */
