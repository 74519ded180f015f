// SPDX-License-Identifier: GPL-2.0
/*
 * Hantro H1 / VEPU1 and Rockchip VEPU2 stateful V4L2 encoder: platform driver.
 *
 * Binds to a real encoder block described by the device tree or to the
 * virtual VEPU device registered by the hantro-vepu-virt module; both expose
 * the same register contract, so everything past probe runs one code path.
 * The device state outlives unbind until the last file is closed.
 */

#include <linux/clk.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/property.h>
#include <linux/reset.h>
#include <linux/slab.h>
#include <media/v4l2-ioctl.h>
#include <media/videobuf2-dma-contig.h>

#include "hantro_enc.h"
#include "hantro_enc_compat.h"

int hantro_enc_debug;
module_param_named(debug, hantro_enc_debug, int, 0644);
MODULE_PARM_DESC(debug, "Debug level (0-3)");

static int video_nr[2] = { -1, -1 };
module_param_array(video_nr, int, NULL, 0444);
MODULE_PARM_DESC(video_nr, "videoN numbers of the JPEG and the H.264/VP8 node, -1 for the next free");

#define HANTRO_ENC_AUTOSUSPEND_MS	100
#define HANTRO_ENC_M2M_SETTLE_MS	100
/* How long a reset line is held: a few cycles of the slowest clock. */
#define HANTRO_ENC_RESET_US		5

static void hantro_enc_release(struct v4l2_device *v4l2_dev)
{
	struct hantro_enc_dev *dev = container_of(v4l2_dev, struct hantro_enc_dev, v4l2_dev);

	/*
	 * v4l2_m2m_job_finish() leaves the core's job work queued and
	 * v4l2_m2m_release() frees it without a flush, which the last close
	 * after an unbind can hit; mem2mem offers no way to wait for that
	 * work. Pause the scheduler and give a queued work item time to run
	 * before the memory goes.
	 */
	if (dev->m2m_dev) {
		v4l2_m2m_suspend(dev->m2m_dev);
		msleep(HANTRO_ENC_M2M_SETTLE_MS);
	}
	v4l2_m2m_release(dev->m2m_dev);
	mutex_destroy(&dev->lock);
	put_device(dev->dev);
	kfree(dev);
}

static int hantro_enc_map_registers(struct platform_device *pdev, struct hantro_enc_dev *dev)
{
	void __iomem *base;

	/* Without an MMIO window the parent (the virtual VEPU) provides the regmap. */
	if (!platform_get_resource(pdev, IORESOURCE_MEM, 0)) {
		dev->regmap = pdev->dev.parent ? dev_get_regmap(pdev->dev.parent, NULL) : NULL;
		return dev->regmap ? 0 : -ENODEV;
	}
	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return PTR_ERR(base);
	dev->regmap = devm_regmap_init_mmio(&pdev->dev, base, dev->variant->regmap);
	return PTR_ERR_OR_ZERO(dev->regmap);
}

static int hantro_enc_register_node(struct hantro_enc_dev *dev, unsigned int codecs,
				    const char *name)
{
	struct hantro_enc_node *node = &dev->nodes[dev->num_nodes];
	struct video_device *vfd = &node->vfd;
	int ret;

	if (!hantro_enc_coded_fmt(codecs & dev->codecs, 0))
		return 0;

	node->codecs = codecs & dev->codecs;
	node->dev = dev;
	strscpy(vfd->name, name, sizeof(vfd->name));
	vfd->fops = &hantro_enc_fops;
	vfd->ioctl_ops = &hantro_enc_ioctl_ops;
	vfd->release = video_device_release_empty;
	/* No core lock: each file's ioctls take its own (hantro_enc_ioctl). */
	vfd->lock = NULL;
	vfd->v4l2_dev = &dev->v4l2_dev;
	vfd->vfl_dir = VFL_DIR_M2M;
	vfd->device_caps = V4L2_CAP_VIDEO_M2M_MPLANE | V4L2_CAP_STREAMING;
	v4l2_disable_ioctl(vfd, VIDIOC_DECODER_CMD);
	v4l2_disable_ioctl(vfd, VIDIOC_TRY_DECODER_CMD);
	/*
	 * A JPEG-only node is a still-image encoder to clients and to
	 * v4l2-compliance: it has no frame rate, so no frame intervals.
	 */
	node->still = hantro_enc_codecs_still(node->codecs);
	if (node->still) {
		v4l2_disable_ioctl(vfd, VIDIOC_ENUM_FRAMEINTERVALS);
		v4l2_disable_ioctl(vfd, VIDIOC_G_PARM);
		v4l2_disable_ioctl(vfd, VIDIOC_S_PARM);
	}

	ret = video_register_device(vfd, VFL_TYPE_VIDEO, video_nr[dev->num_nodes]);
	if (ret)
		return ret;
	dev->num_nodes++;
	v4l2_info(&dev->v4l2_dev, "%s encoder at /dev/video%d\n", name, vfd->num);
	return 0;
}

static void hantro_enc_unregister_nodes(struct hantro_enc_dev *dev)
{
	while (dev->num_nodes)
		video_unregister_device(&dev->nodes[--dev->num_nodes].vfd);
}

static int hantro_enc_runtime_suspend(struct device *d)
{
	struct hantro_enc_dev *dev = dev_get_drvdata(d);

	clk_bulk_disable_unprepare(dev->variant->num_clks, dev->clks);
	return 0;
}

static int hantro_enc_runtime_resume(struct device *d)
{
	struct hantro_enc_dev *dev = dev_get_drvdata(d);

	return clk_bulk_prepare_enable(dev->variant->num_clks, dev->clks);
}

/*
 * The block starts powered, so that it works without runtime PM
 * (CONFIG_PM=n); with it, it suspends once idle.
 */
static int hantro_enc_power_init(struct hantro_enc_dev *dev)
{
	int ret;

	ret = clk_bulk_prepare_enable(dev->variant->num_clks, dev->clks);
	if (ret)
		return dev_err_probe(dev->dev, ret, "cannot enable the clocks\n");
	/*
	 * With the clocks running: a block the boot loader or hantro_vpu left
	 * busy starts afresh.
	 */
	ret = reset_control_assert(dev->resets);
	if (!ret) {
		udelay(HANTRO_ENC_RESET_US);
		ret = reset_control_deassert(dev->resets);
	}
	if (ret) {
		clk_bulk_disable_unprepare(dev->variant->num_clks, dev->clks);
		return dev_err_probe(dev->dev, ret, "cannot reset the block\n");
	}
	pm_runtime_set_active(dev->dev);
	pm_runtime_set_autosuspend_delay(dev->dev, HANTRO_ENC_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev->dev);
	pm_runtime_enable(dev->dev);
	pm_runtime_mark_last_busy(dev->dev);
	pm_runtime_idle(dev->dev);
	return 0;
}

/*
 * Runtime PM off and the clocks with it, the block back in reset: no
 * callback runs after this.
 */
static void hantro_enc_power_exit(struct hantro_enc_dev *dev)
{
	pm_runtime_disable(dev->dev);
	pm_runtime_dont_use_autosuspend(dev->dev);
	/* Into reset before the clocks stop, where they run. */
	reset_control_assert(dev->resets);
	if (!pm_runtime_status_suspended(dev->dev))
		clk_bulk_disable_unprepare(dev->variant->num_clks, dev->clks);
	pm_runtime_set_suspended(dev->dev);
}

/* The names of @codecs in @buf, each after a space ("none" for none). */
static const char *hantro_enc_codec_names(unsigned int codecs, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s", codecs & HANTRO_ENC_H264 ? " H.264" : "",
		 codecs & HANTRO_ENC_VP8 ? " VP8" : "", codecs & HANTRO_ENC_JPEG ? " JPEG" : "",
		 codecs ? "" : " none");
	return buf;
}

/* The codecs the driver has a coded format for. */
static unsigned int hantro_enc_implemented_codecs(void)
{
	unsigned int i, codecs = 0;

	for (i = 0; i < hantro_enc_num_coded_fmts; i++)
		codecs |= hantro_enc_coded_fmts[i].codec;
	return codecs;
}

/*
 * The codecs to offer: the SoC's (the variant table) that the driver
 * implements, narrowed to what the block reports where it has a
 * configuration register. Logged once.
 */
static int hantro_enc_read_config(struct hantro_enc_dev *dev)
{
	const struct hantro_enc_ip_ops *ip = dev->variant->ip;
	struct hantro_enc_hw_config cfg;
	char has[24], offers[24];
	int ret;

	dev->codecs = dev->variant->codecs & hantro_enc_implemented_codecs();
	if (!ip->read_config) {
		dev_info(dev->dev, "no configuration register; offering%s\n",
			 hantro_enc_codec_names(dev->codecs, offers, sizeof(offers)));
		return 0;
	}
	ret = pm_runtime_resume_and_get(dev->dev);
	if (ret)
		return dev_err_probe(dev->dev, ret, "cannot power the block up\n");
	ip->read_config(dev, &cfg);
	pm_runtime_mark_last_busy(dev->dev);
	pm_runtime_put_autosuspend(dev->dev);

	dev->codecs &= cfg.codecs;
	/* Whole macroblocks; narrower than the smallest H.264 frame: no video. */
	dev->max_video_width = round_down(cfg.max_video_width, HANTRO_ENC_MB);
	if (cfg.max_video_width &&
	    dev->max_video_width < ALIGN(HANTRO_ENC_H264_MIN_W, HANTRO_ENC_MB))
		dev->codecs &= ~(HANTRO_ENC_H264 | HANTRO_ENC_VP8);
	dev_info(dev->dev, "configuration %08x:%s, video up to %u pixels wide; offering%s\n",
		 cfg.raw, hantro_enc_codec_names(cfg.codecs, has, sizeof(has)),
		 cfg.max_video_width, hantro_enc_codec_names(dev->codecs, offers, sizeof(offers)));
	if (!dev->codecs)
		return dev_err_probe(dev->dev, -ENODEV,
				     "the block has none of the codecs of this SoC's encoder\n");
	return 0;
}

/*
 * The variant of @pdev: by name for a model of the hardware, by compatible
 * for a node. A node of mainline's hantro_vpu (the claim table) reaches
 * probe only when the user forced it on this driver with driver_override,
 * which bypasses matching; so does a model, so its name is looked up too.
 */
static const struct hantro_enc_variant *hantro_enc_find_variant(struct platform_device *pdev)
{
	const struct platform_device_id *id;
	const struct of_device_id *match;

	for (id = hantro_enc_id_table; id->name[0]; id++)
		if (!strcmp(pdev->name, id->name))
			return (const void *)id->driver_data;
	match = of_match_device(hantro_enc_of_match, &pdev->dev);
	if (!match)
		match = of_match_device(hantro_enc_claim_of_match, &pdev->dev);
	return match ? match->data : NULL;
}

/*
 * Several nodes carry the compatible (RK3588's JPEG cores): the first
 * available one is the device and the others stay unbound, so that clients
 * see one encoder. Jobs do not spread over the further cores.
 */
static int hantro_enc_check_main_core(struct device *d)
{
	struct device_node *np = NULL;
	const char *compatible;
	int ret = 0;

	ret = of_property_read_string(d->of_node, "compatible", &compatible);
	if (ret)
		return dev_err_probe(d, ret, "no compatible\n");
	do {
		np = of_find_compatible_node(np, NULL, compatible);
	} while (np && !of_device_is_available(np));
	if (np != d->of_node) {
		dev_info(d, "a further core, unused: %pOF is the encoder\n", np);
		ret = -ENODEV;
	}
	of_node_put(np);
	return ret;
}

/*
 * What the block needs from its node: registers, clocks (the AXI clock at
 * the variant's rate), optional reset lines, 32-bit DMA (the address
 * registers are 32 bits wide) and the encoder's interrupt. Each failure
 * says which.
 */
static int hantro_enc_get_resources(struct platform_device *pdev, struct hantro_enc_dev *dev)
{
	const struct hantro_enc_variant *v = dev->variant;
	struct device *d = &pdev->dev;
	unsigned int i;
	int ret;

	ret = hantro_enc_map_registers(pdev, dev);
	if (ret)
		return dev_err_probe(d, ret, "no registers\n");

	/* Managed: devres reads the array when it puts the clocks. */
	dev->clks = devm_kcalloc(d, v->num_clks, sizeof(*dev->clks), GFP_KERNEL);
	if (!dev->clks)
		return -ENOMEM;
	for (i = 0; i < v->num_clks; i++)
		dev->clks[i].id = v->clk_names[i];
	ret = devm_clk_bulk_get(d, v->num_clks, dev->clks);
	if (ret)
		return dev_err_probe(d, ret, "the %s needs the clocks %s%s%s\n", v->name,
				     v->clk_names[0], v->num_clks > 1 ? " and " : "",
				     v->num_clks > 1 ? v->clk_names[1] : "");

	dev->resets = devm_reset_control_array_get_optional_exclusive(d);
	if (IS_ERR(dev->resets))
		return dev_err_probe(d, PTR_ERR(dev->resets), "cannot get the reset lines\n");

	ret = dma_set_mask_and_coherent(d, DMA_BIT_MASK(32));
	if (ret)
		return dev_err_probe(d, ret, "no 32-bit DMA\n");
	/* Behind an IOMMU a buffer is one segment however large. */
	ret = vb2_dma_contig_set_max_seg_size(d, DMA_BIT_MASK(32));
	if (ret)
		return dev_err_probe(d, ret, "cannot set the DMA segment size\n");

	dev->irq = v->irq_name ? platform_get_irq_byname(pdev, v->irq_name) :
				 platform_get_irq(pdev, 0);
	if (dev->irq < 0)
		return dev_err_probe(d, dev->irq, "no %s interrupt\n",
				     v->irq_name ?: "encoder");

	/*
	 * Last, once nothing can defer the probe. A clock that cannot change
	 * (a gate whose parent stays) accepts the rate and keeps its own:
	 * compare.
	 */
	if (v->aclk_rate) {
		ret = clk_set_rate(dev->clks[0].clk, v->aclk_rate);
		if (ret || clk_get_rate(dev->clks[0].clk) != v->aclk_rate)
			dev_warn(d, "%s runs at %lu Hz, not %lu\n", v->clk_names[0],
				 clk_get_rate(dev->clks[0].clk), v->aclk_rate);
	}
	return 0;
}

static int hantro_enc_probe(struct platform_device *pdev)
{
	const struct hantro_enc_variant *variant;
	struct hantro_enc_dev *dev;
	int ret;

	/* A device forced on the driver (driver_override) that it does not know. */
	variant = hantro_enc_find_variant(pdev);
	if (!variant)
		return dev_err_probe(&pdev->dev, -ENODEV, "no encoder variant for this device\n");
	if (variant->multicore) {
		ret = hantro_enc_check_main_core(&pdev->dev);
		if (ret)
			return ret;
	}

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	/* Open files may outlive the unbind: the device stays valid for them. */
	dev->dev = get_device(&pdev->dev);
	dev->variant = variant;
	mutex_init(&dev->lock);
	spin_lock_init(&dev->irqlock);
	INIT_DELAYED_WORK(&dev->watchdog, hantro_enc_watchdog);
	init_waitqueue_head(&dev->job_wq);

	/* Resources first: a probe that must wait costs nothing else. */
	ret = hantro_enc_get_resources(pdev, dev);
	if (ret)
		goto err_free;
	ret = v4l2_device_register(&pdev->dev, &dev->v4l2_dev);
	if (ret)
		goto err_free;
	/* From here on the release callback frees dev. */
	dev->v4l2_dev.release = hantro_enc_release;
	platform_set_drvdata(pdev, dev);

	dev->m2m_dev = v4l2_m2m_init(&hantro_enc_m2m_ops);
	if (IS_ERR(dev->m2m_dev)) {
		ret = PTR_ERR(dev->m2m_dev);
		dev->m2m_dev = NULL;
		goto err_put;
	}

	ret = hantro_enc_power_init(dev);
	if (ret)
		goto err_put;
	/*
	 * Not managed: the handler must be gone before dev can be freed. After
	 * the reset, so that it never finds a stale interrupt of an unclocked
	 * block. Threaded: finishing a frame may move its data in the CAPTURE
	 * buffer (VP8's partitions), which has no place with interrupts off.
	 */
	ret = request_threaded_irq(dev->irq, NULL, hantro_enc_irq, IRQF_ONESHOT,
				   dev_name(&pdev->dev), dev);
	if (ret)
		goto err_power;
	ret = hantro_enc_read_config(dev);
	if (ret)
		goto err_irq;

	hantro_enc_check_default_coded(dev->dev, dev->codecs);
	ret = hantro_enc_register_node(dev, HANTRO_ENC_JPEG, "hantro-jpeg-enc");
	if (ret)
		goto err_nodes;
	ret = hantro_enc_register_node(dev, HANTRO_ENC_H264 | HANTRO_ENC_VP8, "hantro-video-enc");
	if (ret)
		goto err_nodes;

	dev_info(&pdev->dev, "hantro-enc %s bound to the %s\n", HANTRO_ENC_VERSION, variant->name);
	return 0;

err_nodes:
	hantro_enc_unregister_nodes(dev);
err_irq:
	free_irq(dev->irq, dev);
err_power:
	hantro_enc_power_exit(dev);
err_put:
	v4l2_device_unregister(&dev->v4l2_dev);
	v4l2_device_put(&dev->v4l2_dev);
	return ret;

err_free:
	mutex_destroy(&dev->lock);
	put_device(dev->dev);
	kfree(dev);
	return ret;
}

static void hantro_enc_remove(struct platform_device *pdev)
{
	struct hantro_enc_dev *dev = platform_get_drvdata(pdev);

	hantro_enc_unregister_nodes(dev);
	/*
	 * Open files may still stream. From here on every job fails without
	 * the hardware; the one on it ends first (the watchdog bounds it).
	 * v4l2_m2m_suspend() cannot serve: it waits on the running context,
	 * which its file may free meanwhile.
	 */
	spin_lock_irq(&dev->irqlock);
	dev->shutdown = true;
	spin_unlock_irq(&dev->irqlock);
	wait_event(dev->job_wq, !READ_ONCE(dev->job_ctx));
	cancel_delayed_work_sync(&dev->watchdog);
	free_irq(dev->irq, dev);
	hantro_enc_power_exit(dev);
	v4l2_device_unregister(&dev->v4l2_dev);
	v4l2_device_put(&dev->v4l2_dev);
	dev_info(&pdev->dev, "hantro-enc unbound\n");
}

static int hantro_enc_suspend(struct device *d)
{
	struct hantro_enc_dev *dev = dev_get_drvdata(d);

	/* Let the running frame finish and hold back new ones. */
	v4l2_m2m_suspend(dev->m2m_dev);
	return pm_runtime_force_suspend(d);
}

static int hantro_enc_resume(struct device *d)
{
	struct hantro_enc_dev *dev = dev_get_drvdata(d);
	int ret;

	ret = pm_runtime_force_resume(d);
	if (ret)
		return ret;
	v4l2_m2m_resume(dev->m2m_dev);
	return 0;
}

static const struct dev_pm_ops hantro_enc_pm_ops = {
	SYSTEM_SLEEP_PM_OPS(hantro_enc_suspend, hantro_enc_resume)
	RUNTIME_PM_OPS(hantro_enc_runtime_suspend, hantro_enc_runtime_resume, NULL)
};

static struct platform_driver hantro_enc_driver = {
	.probe = hantro_enc_probe,
	HANTRO_ENC_PLATFORM_REMOVE(hantro_enc_remove),
	.id_table = hantro_enc_id_table,
	.driver = {
		.name = "hantro-enc",
		.of_match_table = hantro_enc_of_match,
		.pm = pm_ptr(&hantro_enc_pm_ops),
	},
};
module_platform_driver(hantro_enc_driver);

MODULE_DESCRIPTION("Hantro H1/VEPU1 and VEPU2 stateful V4L2 video encoder");
MODULE_AUTHOR("The hantro-enc developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(HANTRO_ENC_VERSION);
/* The bounce copy reads imported buffers with dma_buf_begin_cpu_access(). */
HANTRO_ENC_IMPORT_DMA_BUF();
