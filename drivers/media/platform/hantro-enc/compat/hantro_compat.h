/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Version shims for the kernels hantro-enc builds against (6.1 .. 7.x):
 * the kernel-core interfaces both modules use. The V4L2 ones are in
 * hantro_enc_compat.h.
 *
 * Feature flags come from header probes in Kbuild, not from version numbers,
 * because distribution kernels carry backports. Each shim names the change it
 * covers; nothing outside these two headers tests a kernel version.
 */
#ifndef HANTRO_COMPAT_H
#define HANTRO_COMPAT_H

#include <linux/module.h>
#include <linux/platform_device.h>

/*
 * platform_driver.remove returns void from 6.11 on; 6.1 .. 6.12 offer the void
 * variant as .remove_new and 7.x dropped that name again.
 */
#ifdef HANTRO_ENC_HAVE_REMOVE_NEW
#define HANTRO_ENC_PLATFORM_REMOVE(fn)	.remove_new = (fn)
#else
#define HANTRO_ENC_PLATFORM_REMOVE(fn)	.remove = (fn)
#endif

/* 6.13 made the namespace of MODULE_IMPORT_NS() a string literal. */
#ifdef HANTRO_ENC_IMPORT_NS_IDENT
#define HANTRO_ENC_IMPORT_DMA_BUF()	MODULE_IMPORT_NS(DMA_BUF)
#else
#define HANTRO_ENC_IMPORT_DMA_BUF()	MODULE_IMPORT_NS("DMA_BUF")
#endif

#endif /* HANTRO_COMPAT_H */
