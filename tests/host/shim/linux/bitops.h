/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: the bit helpers the plain-C files use. */
#ifndef HOST_SHIM_LINUX_BITOPS_H
#define HOST_SHIM_LINUX_BITOPS_H
#include <linux/bits.h>
#include <linux/types.h>
/* Position of the most significant set bit, 1-based; 0 for none. */
static inline int fls64(u64 x) { return x ? 64 - __builtin_clzll(x) : 0; }
static inline int fls(unsigned int x) { return x ? 32 - __builtin_clz(x) : 0; }
/* @value sign-extended from bit @index. */
static inline s32 sign_extend32(u32 value, int index)
{
	u8 shift = 31 - index;

	return (s32)(value << shift) >> shift;
}
#endif
