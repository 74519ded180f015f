/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: 64-bit divisions the kernel spells as calls. */
#ifndef HOST_SHIM_LINUX_MATH64_H
#define HOST_SHIM_LINUX_MATH64_H
#include <linux/types.h>
static inline u64 div_u64(u64 n, u32 d) { return n / d; }
static inline s64 div_s64(s64 n, s32 d) { return n / d; }
#endif
