/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: the kernel allocators the model's register decoding uses. */
#ifndef HOST_SHIM_LINUX_SLAB_H
#define HOST_SHIM_LINUX_SLAB_H
#include <stdlib.h>
#define GFP_KERNEL		0
#define kvmalloc(size, gfp)	((void)(gfp), malloc(size))
#define kvfree(p)		free(p)
#endif
