/* SPDX-License-Identifier: GPL-2.0 */
/* Host build of the variant table: module aliases mean nothing here. */
#ifndef HOST_SHIM_LINUX_MODULE_H
#define HOST_SHIM_LINUX_MODULE_H
#define MODULE_DEVICE_TABLE(type, name)
#endif
