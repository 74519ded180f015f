/* SPDX-License-Identifier: GPL-2.0 */
/* Host build of the variant table: the register-map description. */
#ifndef HOST_SHIM_LINUX_REGMAP_H
#define HOST_SHIM_LINUX_REGMAP_H
struct regmap_config {
	int reg_bits;
	int reg_stride;
	int val_bits;
	unsigned int max_register;
};
#endif
