/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HOST_SHIM_LINUX_MINMAX_H
#define HOST_SHIM_LINUX_MINMAX_H
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define clamp(v, lo, hi) min(max(v, lo), hi)
#endif
