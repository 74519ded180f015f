/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host build: the system's UAPI header, with the __u32 and __le32 families
 * that the shim's <linux/types.h> does not define.
 */
#ifndef HOST_SHIM_LINUX_VIDEODEV2_H
#define HOST_SHIM_LINUX_VIDEODEV2_H
#include <asm/types.h>
typedef __u16 __le16;
typedef __u32 __le32;
typedef __u64 __le64;
#include_next <linux/videodev2.h>
#endif
