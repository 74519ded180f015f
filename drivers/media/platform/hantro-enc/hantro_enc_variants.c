// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: the encoder block of each SoC, as data. Sources of every fact
 * (codecs, clocks, interrupts, rates) are in
 * Documentation/driver-api/hantro-enc-socs.rst; the device-tree bindings in
 * Documentation/devicetree/bindings/media describe the same compatibles.
 */

#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/regmap.h>

#include "hantro_enc_variant.h"
#include "hantro_h1_regs.h"
#include "hantro_vepu2_regs.h"

static const struct regmap_config hantro_enc_h1_regmap = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = H1_REG_LAST,
};

static const struct regmap_config hantro_enc_vepu2_regmap = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = VEPU2_REG_LAST,
};

#define HANTRO_ENC_H1 \
	.ip = &hantro_h1_ops, \
	.regmap = &hantro_enc_h1_regmap, \
	.max_width = HANTRO_ENC_MAX_W, \
	.max_height = HANTRO_ENC_MAX_H

#define HANTRO_ENC_VEPU2 \
	.ip = &hantro_vepu2_ops, \
	.regmap = &hantro_enc_vepu2_regmap, \
	.max_width = HANTRO_ENC_MAX_W, \
	.max_height = HANTRO_ENC_MAX_H

/* Rockchip's encoders run on an AXI and an AHB clock, in that order. */
#define HANTRO_ENC_ROCKCHIP_CLKS \
	.clk_names = { "aclk", "hclk" }, \
	.num_clks = 2

/*
 * Mainline hantro's rates for RK3288/RK3399 (400 MHz) and PX30 (300 MHz).
 * On RK3568 and RK3588 the encoders' AXI clocks are gates in mainline's
 * clock tree, whose rate is their parent's: the node's assigned-clock-rates
 * decide there.
 */
#define RK3288_ACLK_RATE	400000000UL
#define PX30_ACLK_RATE		300000000UL

static const struct hantro_enc_variant rk3288_vepu1 = {
	.name = "RK3288 VEPU1",
	HANTRO_ENC_H1,
	HANTRO_ENC_ROCKCHIP_CLKS,
	.codecs = HANTRO_ENC_ALL_CODECS,
	.aclk_rate = RK3288_ACLK_RATE,
	.irq_name = "vepu",
};

static const struct hantro_enc_variant rk3399_vepu2 = {
	.name = "RK3399 VEPU2",
	HANTRO_ENC_VEPU2,
	HANTRO_ENC_ROCKCHIP_CLKS,
	.codecs = HANTRO_ENC_ALL_CODECS,
	.aclk_rate = RK3288_ACLK_RATE,
	.irq_name = "vepu",
};

static const struct hantro_enc_variant px30_vepu2 = {
	.name = "PX30 VEPU2",
	HANTRO_ENC_VEPU2,
	HANTRO_ENC_ROCKCHIP_CLKS,
	.codecs = HANTRO_ENC_ALL_CODECS,
	.aclk_rate = PX30_ACLK_RATE,
	.irq_name = "vepu",
};

/* MPP's vepu2_no_vp8. */
static const struct hantro_enc_variant rk3568_vepu2 = {
	.name = "RK3568 VEPU2",
	HANTRO_ENC_VEPU2,
	HANTRO_ENC_ROCKCHIP_CLKS,
	.codecs = HANTRO_ENC_JPEG | HANTRO_ENC_H264,
};

/* The encoder half of the VPU121 block, its interrupt next to the decoder's. */
static const struct hantro_enc_variant rk3588_vepu2 = {
	.name = "RK3588 VEPU2",
	HANTRO_ENC_VEPU2,
	HANTRO_ENC_ROCKCHIP_CLKS,
	.codecs = HANTRO_ENC_ALL_CODECS,
	.irq_name = "vepu",
};

/* MPP's vepu2_jpeg: four cores, VEPU2's registers, JPEG only. */
static const struct hantro_enc_variant rk3588_jpeg_cores = {
	.name = "RK3588 JPEG encoder",
	HANTRO_ENC_VEPU2,
	HANTRO_ENC_ROCKCHIP_CLKS,
	.codecs = HANTRO_ENC_JPEG,
	.multicore = true,
};

/* Its configuration register reports H.264 and VP8, no JPEG. */
static const struct hantro_enc_variant imx8mm_h1 = {
	.name = "i.MX8MM H1",
	HANTRO_ENC_H1,
	.codecs = HANTRO_ENC_H264 | HANTRO_ENC_VP8,
	.clk_names = { "h1" },
	.num_clks = 1,
};

/* Models of the two IPs: no clocks; H1's configuration register narrows. */
static const struct hantro_enc_variant hantro_enc_model_h1 = {
	.name = "H1 model",
	HANTRO_ENC_H1,
	.codecs = HANTRO_ENC_ALL_CODECS,
};

static const struct hantro_enc_variant hantro_enc_model_vepu2 = {
	.name = "VEPU2 model",
	HANTRO_ENC_VEPU2,
	.codecs = HANTRO_ENC_ALL_CODECS,
};

const struct of_device_id hantro_enc_of_match[] = {
	{ .compatible = "rockchip,rk3288-vepu", .data = &rk3288_vepu1 },
	{ .compatible = "rockchip,rk3399-vepu", .data = &rk3399_vepu2 },
	{ .compatible = "rockchip,px30-vepu", .data = &px30_vepu2 },
	{ .compatible = "rockchip,rk3588-vepu", .data = &rk3588_vepu2 },
	{ .compatible = "nxp,imx8mm-vpu-h1", .data = &imx8mm_h1 },
	{ }
};
MODULE_DEVICE_TABLE(of, hantro_enc_of_match);

/*
 * The shared nodes take the whole block (the encoder at offset 0, the
 * decoder at 0x400): while this driver holds one, hantro_vpu cannot.
 */
const struct of_device_id hantro_enc_claim_of_match[] = {
	{ .compatible = "rockchip,rk3288-vpu", .data = &rk3288_vepu1 },
	{ .compatible = "rockchip,rk3399-vpu", .data = &rk3399_vepu2 },
	{ .compatible = "rockchip,px30-vpu", .data = &px30_vepu2 },
	{ .compatible = "rockchip,rk3568-vepu", .data = &rk3568_vepu2 },
	{ .compatible = "rockchip,rk3588-vepu121", .data = &rk3588_jpeg_cores },
	{ }
};

const struct platform_device_id hantro_enc_id_table[] = {
	{ .name = "hantro-h1", .driver_data = (kernel_ulong_t)&hantro_enc_model_h1 },
	{ .name = "rockchip-vepu2", .driver_data = (kernel_ulong_t)&hantro_enc_model_vepu2 },
	{ }
};
MODULE_DEVICE_TABLE(platform, hantro_enc_id_table);
