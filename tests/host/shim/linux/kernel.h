/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: the kernel.h helpers the plain-C files use. */
#ifndef HOST_SHIM_LINUX_KERNEL_H
#define HOST_SHIM_LINUX_KERNEL_H
#include <limits.h>
#include <stdlib.h>
#include <linux/minmax.h>
#include <linux/types.h>
#define ALIGN(x, a)		(((x) + (a) - 1) / (a) * (a))
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define rounddown(x, y)		((x) - (x) % (y))
#define min_t(t, a, b)		min((t)(a), (t)(b))
#define max_t(t, a, b)		max((t)(a), (t)(b))
#define clamp_t(t, v, lo, hi)	clamp((t)(v), (t)(lo), (t)(hi))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#endif
