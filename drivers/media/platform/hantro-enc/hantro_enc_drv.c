// SPDX-License-Identifier: GPL-2.0
/*
 * Hantro H1 / VEPU1 and Rockchip VEPU2 stateful V4L2 encoder: platform driver.
 *
 * Binds to a real encoder block described by the device tree or to the
 * virtual VEPU device registered by the hantro-vepu-virt module; both expose
 * the same register contract, so everything past probe runs one code path.
 */

#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#include "hantro_enc_compat.h"

static int hantro_enc_probe(struct platform_device *pdev)
{
	dev_info(&pdev->dev, "hantro-enc %s bound\n", HANTRO_ENC_VERSION);
	return 0;
}

static void hantro_enc_remove(struct platform_device *pdev)
{
	dev_info(&pdev->dev, "hantro-enc unbound\n");
}

static const struct platform_device_id hantro_enc_id_table[] = {
	{ .name = "hantro-vepu-virt" },
	{ }
};
MODULE_DEVICE_TABLE(platform, hantro_enc_id_table);

static struct platform_driver hantro_enc_driver = {
	.probe = hantro_enc_probe,
	HANTRO_ENC_PLATFORM_REMOVE(hantro_enc_remove),
	.id_table = hantro_enc_id_table,
	.driver = {
		.name = "hantro-enc",
	},
};
module_platform_driver(hantro_enc_driver);

MODULE_DESCRIPTION("Hantro H1/VEPU1 and VEPU2 stateful V4L2 video encoder");
MODULE_AUTHOR("The hantro-enc developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(HANTRO_ENC_VERSION);
