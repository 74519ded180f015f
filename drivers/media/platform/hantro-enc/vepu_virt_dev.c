// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: a software model of a Hantro encoder block.
 *
 * Loading this module makes an encoder device appear on any machine, so the
 * hantro-enc driver can run unchanged without the hardware. It registers a
 * platform device that the driver binds to like to a device-tree node.
 */

#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/platform_device.h>

static struct platform_device *vepu_virt_pdev;

static int __init vepu_virt_init(void)
{
	struct platform_device_info info = {
		.name = "hantro-vepu-virt",
		.id = PLATFORM_DEVID_NONE,
		/* The real blocks address 32 bits; model the same limit. */
		.dma_mask = DMA_BIT_MASK(32),
	};

	vepu_virt_pdev = platform_device_register_full(&info);
	return PTR_ERR_OR_ZERO(vepu_virt_pdev);
}

static void __exit vepu_virt_exit(void)
{
	platform_device_unregister(vepu_virt_pdev);
}

module_init(vepu_virt_init);
module_exit(vepu_virt_exit);

MODULE_DESCRIPTION("Virtual Hantro VEPU: register-level encoder model");
MODULE_AUTHOR("The hantro-enc developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(HANTRO_ENC_VERSION);
