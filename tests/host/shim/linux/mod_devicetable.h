/* SPDX-License-Identifier: GPL-2.0 */
/* Host build of the variant table: the device-id structures it fills. */
#ifndef HOST_SHIM_LINUX_MOD_DEVICETABLE_H
#define HOST_SHIM_LINUX_MOD_DEVICETABLE_H
typedef unsigned long kernel_ulong_t;

struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};

struct platform_device_id {
	char name[20];
	kernel_ulong_t driver_data;
};
#endif
