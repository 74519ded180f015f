// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: a software model of a Hantro encoder block.
 *
 * Loading this module makes an encoder appear on any machine. The model is
 * a platform device with a register file behind a regmap, an interrupt line
 * from an irq_domain of its own (distribution kernels lack IRQ_SIM) and a
 * child platform device the hantro-enc driver binds to as it would to a
 * device-tree node. Writing the enable bit runs the frame the registers
 * describe on a workqueue, reading and writing buffers by DMA address as a
 * bus master does, then raises the interrupt.
 */

#include <linux/delay.h>
#include <linux/dma-direct.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/kasan-checks.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>

#include "hantro_compat.h"
#include "vepu_virt.h"

static char *ip = "h1";
module_param(ip, charp, 0444);
MODULE_PARM_DESC(ip, "Register set to model: h1 (Hantro H1/VEPU1) or vepu2 (Rockchip VEPU2)");

/*
 * What the device reports: H.264, VP8 and JPEG on a 64-bit AXI bus, video
 * up to 1920 pixels wide, as an RK3288's H1.
 */
static uint config = H1_CFG_H264 | H1_CFG_VP8 | H1_CFG_JPEG | H1_CFG_BUS_AXI |
		     H1_CFG_BUS_64BIT | 1920;
module_param(config, uint, 0444);
MODULE_PARM_DESC(config,
		 "H1 configuration register (codec bits 27 H.264, 26 VP8, 25 JPEG; bits 11:0 the widest video); VEPU2 has none");

static int inject_fault;
module_param(inject_fault, int, 0644);
MODULE_PARM_DESC(inject_fault,
		 "Fault for the next frame, then back to 0: 1 buffer full, 2 bus error, 3 lost interrupt, 4 stall until reset");

/**
 * vepu_virt_map() - the CPU view of a bus address range, as a bus master sees it
 * @v:		the device
 * @addr:	DMA address the driver programmed
 * @len:	bytes the model will touch
 * @dir:	DMA_TO_DEVICE for a range the model reads, DMA_FROM_DEVICE for one
 *		it writes
 *
 * The codec cores that then touch the range are built without KASAN
 * instrumentation (they are checked on the host under ASan), so the whole
 * range is checked here instead: a buffer the driver sized or programmed
 * wrongly is reported against the driver, as an IOMMU fault would be.
 *
 * Return: a kernel pointer, or NULL where a real bus would fault.
 */
void *vepu_virt_map(struct vepu_virt *v, u32 addr, size_t len, enum dma_data_direction dir)
{
	phys_addr_t phys;
	void *p;

	if (!addr || !len)
		return NULL;
	phys = dma_to_phys(&v->child->dev, addr);
	if (!pfn_valid(PHYS_PFN(phys)) || !pfn_valid(PHYS_PFN(phys + len - 1)))
		return NULL;
	p = phys_to_virt(phys);
	if (dir == DMA_TO_DEVICE)
		kasan_check_read(p, len);
	else
		kasan_check_write(p, len);
	return p;
}

/**
 * vepu_virt_stopped() - whether a reset stopped the running frame
 * @vepu:	the device
 *
 * Return: true once the enable bit was cleared after the frame started.
 */
bool vepu_virt_stopped(const void *vepu)
{
	const struct vepu_virt *v = vepu;

	return READ_ONCE(v->resets) != v->run_resets;
}

/*
 * A stalled bus: nothing moves until a reset, or for three minutes, longer
 * than the driver's watchdog allows the largest frame.
 */
static void vepu_virt_stall(struct vepu_virt *v)
{
	unsigned int ms;

	for (ms = 0; ms < 180000 && !vepu_virt_stopped(v); ms += 20)
		msleep(20);
}

/* The status bits of a frame, or of the fault injected in its place. */
static u32 vepu_virt_frame_status(struct vepu_virt *v, u32 *regs, enum vepu_virt_fault fault)
{
	const struct hantro_layout *l = v->ip->layout;

	switch (fault) {
	case VEPU_FAULT_BUFFER_FULL:
	case VEPU_FAULT_BUS_ERROR:
		/* Nothing of the frame was written. */
		regs[l->buf_limit / 4] = 0;
		return v->ip->status[fault == VEPU_FAULT_BUFFER_FULL ? VEPU_BUFFER_FULL :
								       VEPU_BUS_ERROR];
	default:
		return v->ip->status[vepu_virt_run_frame(v, l, &v->jpeg, regs)];
	}
}

static void vepu_virt_run(struct work_struct *work)
{
	struct vepu_virt *v = container_of(work, struct vepu_virt, run);
	const struct hantro_layout *l = v->ip->layout;
	enum vepu_virt_fault fault;
	u32 *regs, status;
	bool raise;

	regs = kmalloc_array(HANTRO_NUM_REGS, sizeof(*regs), GFP_KERNEL);
	if (!regs)
		return;
	spin_lock_irq(&v->lock);
	/* A reset after the start: the frame never runs. */
	if (v->resets != v->start_resets) {
		spin_unlock_irq(&v->lock);
		kfree(regs);
		return;
	}
	memcpy(regs, v->regs, sizeof(v->regs));
	v->run_resets = v->start_resets;
	v->busy = true;
	spin_unlock_irq(&v->lock);

	fault = xchg(&inject_fault, VEPU_FAULT_NONE);
	if (fault == VEPU_FAULT_STALL) {
		vepu_virt_stall(v);
		fault = VEPU_FAULT_NONE;
	}
	status = vepu_virt_stopped(v) ? 0 : vepu_virt_frame_status(v, regs, fault);

	spin_lock_irq(&v->lock);
	v->busy = false;
	/* A stopped frame reports nothing: no readback, no interrupt. */
	raise = v->resets == v->run_resets;
	if (raise) {
		v->regs[l->buf_limit / 4] = regs[l->buf_limit / 4];
		v->regs[l->qp_sum.reg / 4] = regs[l->qp_sum.reg / 4];
		v->regs[l->rlc_sum.reg / 4] = regs[l->rlc_sum.reg / 4];
		v->regs[l->mode.reg / 4] &= ~v->ip->enable;
		v->regs[v->ip->irq_reg / 4] |= status | v->ip->irq_raw;
		raise = !(v->regs[v->ip->irq_reg / 4] & v->ip->irq_disable);
	}
	spin_unlock_irq(&v->lock);
	kfree(regs);

	if (raise && fault != VEPU_FAULT_LOST_IRQ)
		generic_handle_irq_safe(v->virq);
}

int vepu_virt_reg_read(void *ctx, unsigned int reg, unsigned int *val)
{
	struct vepu_virt *v = ctx;
	unsigned long flags;

	spin_lock_irqsave(&v->lock, flags);
	*val = v->regs[reg / 4];
	/* The enable bit stays set until the core has stopped. */
	if (reg == v->ip->layout->mode.reg && v->busy)
		*val |= v->ip->enable;
	spin_unlock_irqrestore(&v->lock, flags);
	return 0;
}

int vepu_virt_reg_write(void *ctx, unsigned int reg, unsigned int val)
{
	struct vepu_virt *v = ctx;
	unsigned long flags;
	bool start = false;

	spin_lock_irqsave(&v->lock, flags);
	/* Read-only. */
	if (v->ip->has_config && reg == v->ip->config_reg) {
		spin_unlock_irqrestore(&v->lock, flags);
		return 0;
	}
	if (reg == v->ip->layout->mode.reg) {
		start = (val & v->ip->enable) && !(v->regs[reg / 4] & v->ip->enable);
		if (start)
			v->start_resets = v->resets;
		else if (!(val & v->ip->enable))
			/* Clearing the enable bit resets the core. */
			WRITE_ONCE(v->resets, v->resets + 1);
	}
	v->regs[reg / 4] = val;
	spin_unlock_irqrestore(&v->lock, flags);
	if (start)
		queue_work(v->wq, &v->run);
	return 0;
}

static int vepu_virt_irq_map(struct irq_domain *d, unsigned int virq, irq_hw_number_t hw)
{
	irq_set_chip_and_handler(virq, &dummy_irq_chip, handle_simple_irq);
	irq_set_chip_data(virq, d->host_data);
	return 0;
}

static const struct irq_domain_ops vepu_virt_irq_ops = {
	.map = vepu_virt_irq_map,
	.xlate = irq_domain_xlate_onecell,
};

static void vepu_virt_teardown(struct vepu_virt *v)
{
	/*
	 * Unbind the driver, then stop and drain the frame it may have left
	 * running, which still reaches memory through the child's DMA
	 * settings: the child is freed only after that.
	 */
	if (v->child)
		platform_device_del(v->child);
	if (v->wq) {
		spin_lock_irq(&v->lock);
		WRITE_ONCE(v->resets, v->resets + 1);
		spin_unlock_irq(&v->lock);
		destroy_workqueue(v->wq);
	}
	if (v->child)
		platform_device_put(v->child);
	if (v->virq)
		irq_dispose_mapping(v->virq);
	if (v->irq_domain) {
		struct fwnode_handle *fwnode = v->irq_domain->fwnode;

		irq_domain_remove(v->irq_domain);
		irq_domain_free_fwnode(fwnode);
	}
}

/* The device the driver binds to, with the model's interrupt line. */
static struct platform_device *vepu_virt_add_child(struct vepu_virt *v)
{
	struct resource irq_res = DEFINE_RES_IRQ(v->virq);
	struct platform_device_info child = {
		.parent = &v->pdev->dev,
		.name = v->ip->name,
		.id = PLATFORM_DEVID_NONE,
		.res = &irq_res,
		.num_res = 1,
		/* The real blocks address 32 bits; model the same limit. */
		.dma_mask = DMA_BIT_MASK(32),
	};

	return platform_device_register_full(&child);
}

static int vepu_virt_probe(struct platform_device *pdev)
{
	struct fwnode_handle *fwnode;
	struct vepu_virt *v;
	int ret;

	v = devm_kzalloc(&pdev->dev, sizeof(*v), GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	v->pdev = pdev;
	if (!strcmp(ip, "h1"))
		v->ip = &vepu_virt_h1;
	else if (!strcmp(ip, "vepu2"))
		v->ip = &vepu_virt_vepu2;
	else
		return dev_err_probe(&pdev->dev, -EINVAL, "ip=%s: not h1 or vepu2\n", ip);
	spin_lock_init(&v->lock);
	if (v->ip->has_config)
		v->regs[v->ip->config_reg / 4] = config;
	INIT_WORK(&v->run, vepu_virt_run);
	platform_set_drvdata(pdev, v);

	v->regmap = devm_regmap_init(&pdev->dev, NULL, v, v->ip->regmap);
	if (IS_ERR(v->regmap))
		return PTR_ERR(v->regmap);

	fwnode = irq_domain_alloc_named_fwnode(dev_name(&pdev->dev));
	if (!fwnode)
		return -ENOMEM;
	v->irq_domain = irq_domain_create_linear(fwnode, 1, &vepu_virt_irq_ops, v);
	if (!v->irq_domain) {
		irq_domain_free_fwnode(fwnode);
		return -ENOMEM;
	}
	v->virq = irq_create_mapping(v->irq_domain, 0);
	ret = -ENOMEM;
	if (!v->virq)
		goto err;

	v->wq = alloc_ordered_workqueue("vepu-virt", 0);
	if (!v->wq)
		goto err;

	v->child = vepu_virt_add_child(v);
	if (IS_ERR(v->child)) {
		ret = PTR_ERR(v->child);
		v->child = NULL;
		goto err;
	}
	dev_info(&pdev->dev, "virtual VEPU (%s register set) ready\n", ip);
	return 0;

err:
	vepu_virt_teardown(v);
	return ret;
}

static void vepu_virt_remove(struct platform_device *pdev)
{
	struct vepu_virt *v = platform_get_drvdata(pdev);

	/* The driver unbinds from the child before the registers go away. */
	vepu_virt_teardown(v);
}

static struct platform_driver vepu_virt_driver = {
	.probe = vepu_virt_probe,
	HANTRO_ENC_PLATFORM_REMOVE(vepu_virt_remove),
	.driver = {
		.name = "hantro-vepu-virt",
	},
};

static struct platform_device *vepu_virt_pdev;

static int __init vepu_virt_init(void)
{
	int ret;

	ret = platform_driver_register(&vepu_virt_driver);
	if (ret)
		return ret;
	vepu_virt_pdev = platform_device_register_simple("hantro-vepu-virt", PLATFORM_DEVID_NONE,
							 NULL, 0);
	if (IS_ERR(vepu_virt_pdev)) {
		platform_driver_unregister(&vepu_virt_driver);
		return PTR_ERR(vepu_virt_pdev);
	}
	return 0;
}

static void __exit vepu_virt_exit(void)
{
	platform_device_unregister(vepu_virt_pdev);
	platform_driver_unregister(&vepu_virt_driver);
}

module_init(vepu_virt_init);
module_exit(vepu_virt_exit);

MODULE_DESCRIPTION("Virtual Hantro VEPU: register-level encoder model");
MODULE_AUTHOR("The hantro-enc developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(HANTRO_ENC_VERSION);
