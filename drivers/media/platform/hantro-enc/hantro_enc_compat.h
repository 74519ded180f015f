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

/*
 * platform_driver.remove returns void from 6.11 on; 6.1 .. 6.12 offer the void
 * variant as .remove_new and 7.x dropped that name again.
 */
#ifdef HANTRO_ENC_HAVE_REMOVE_NEW
#define HANTRO_ENC_PLATFORM_REMOVE(fn)	.remove_new = (fn)
#else
#define HANTRO_ENC_PLATFORM_REMOVE(fn)	.remove = (fn)
#endif

#endif /* HANTRO_ENC_COMPAT_H */
