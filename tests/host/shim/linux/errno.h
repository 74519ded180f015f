/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host build: the kernel error codes the plain-C files return. Defined here
 * rather than through <errno.h>, whose libc version includes <linux/errno.h>
 * and would find this file again.
 */
#ifndef HOST_SHIM_LINUX_ERRNO_H
#define HOST_SHIM_LINUX_ERRNO_H
#define EIO	5
#define ENOMEM	12
#define EINVAL	22
#define ENOSPC	28
#define ECANCELED	125
#endif
