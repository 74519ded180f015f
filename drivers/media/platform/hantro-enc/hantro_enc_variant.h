/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the encoder blocks the driver knows, one variant per SoC
 * integration. Pure data, so that the host tests check the tables against
 * the device-tree bindings and the SoC documentation.
 */
#ifndef HANTRO_ENC_VARIANT_H
#define HANTRO_ENC_VARIANT_H

#include <linux/bits.h>
#include <linux/mod_devicetable.h>
#include <linux/regmap.h>
#include <linux/types.h>

struct hantro_enc_ip_ops;

/**
 * enum hantro_enc_codec - coded formats, as bits of a node's codec mask
 * @HANTRO_ENC_JPEG: baseline JPEG
 * @HANTRO_ENC_H264: H.264
 * @HANTRO_ENC_VP8: VP8
 */
enum hantro_enc_codec {
	HANTRO_ENC_JPEG = BIT(0),
	HANTRO_ENC_H264 = BIT(1),
	HANTRO_ENC_VP8 = BIT(2),
};

#define HANTRO_ENC_ALL_CODECS	(HANTRO_ENC_JPEG | HANTRO_ENC_H264 | HANTRO_ENC_VP8)

#define HANTRO_ENC_MAX_W	8176
#define HANTRO_ENC_MAX_H	8176

#define HANTRO_ENC_MAX_CLKS	2

extern const struct hantro_enc_ip_ops hantro_h1_ops;
extern const struct hantro_enc_ip_ops hantro_vepu2_ops;

/**
 * struct hantro_enc_variant - what differs between SoC integrations
 * @name:	the block, for messages ("RK3399 VEPU2")
 * @ip:		register-level backend
 * @regmap:	register map of the encoder block (MMIO)
 * @codecs:	mask of enum hantro_enc_codec the SoC's block encodes (the
 *		vendor's SoC table); a configuration register narrows it
 * @clk_names:	the clocks the node must provide, the AXI clock first; none
 *		for a device without a node (the virtual VEPU)
 * @num_clks:	how many of @clk_names there are
 * @aclk_rate:	rate to raise the AXI clock to, 0 to keep the node's
 * @irq_name:	the encoder's interrupt in a node that also has the
 *		decoder's; NULL: the node's first and only one
 * @multicore:	several nodes carry this compatible (RK3588's JPEG cores):
 *		only the first available one is bound
 * @max_width:	largest coded width
 * @max_height:	largest coded height
 */
struct hantro_enc_variant {
	const char *name;
	const struct hantro_enc_ip_ops *ip;
	const struct regmap_config *regmap;
	unsigned int codecs;
	const char *clk_names[HANTRO_ENC_MAX_CLKS];
	unsigned int num_clks;
	unsigned long aclk_rate;
	const char *irq_name;
	bool multicore;
	unsigned int max_width;
	unsigned int max_height;
};

/*
 * Nodes that describe an encoder this driver alone knows (added by its
 * overlays): bound automatically.
 */
extern const struct of_device_id hantro_enc_of_match[];
/*
 * Nodes mainline's hantro_vpu binds: this driver takes them only when told
 * to (driver_override), never by matching.
 */
extern const struct of_device_id hantro_enc_claim_of_match[];
/* Devices without a node, named after their IP: models such as vepu-virt. */
extern const struct platform_device_id hantro_enc_id_table[];

#endif /* HANTRO_ENC_VARIANT_H */
