/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual VEPU: the device model shared by its files.
 */
#ifndef VEPU_VIRT_H
#define VEPU_VIRT_H

#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "hantro_h1_regs.h"
#include "vepu_virt_jpeg.h"

#define VEPU_VIRT_NUM_REGS	(H1_REG_LAST / 4 + 1)

/**
 * enum vepu_virt_fault - faults the model can inject into the next frame
 * @VEPU_FAULT_NONE:		run normally
 * @VEPU_FAULT_BUFFER_FULL:	report the output buffer as full
 * @VEPU_FAULT_BUS_ERROR:	report a bus error
 * @VEPU_FAULT_LOST_IRQ:	finish but never raise the interrupt
 */
enum vepu_virt_fault {
	VEPU_FAULT_NONE,
	VEPU_FAULT_BUFFER_FULL,
	VEPU_FAULT_BUS_ERROR,
	VEPU_FAULT_LOST_IRQ,
};

/**
 * struct vepu_virt - one virtual encoder block
 * @pdev:	the model's own platform device (the parent)
 * @child:	the device the hantro-enc driver binds to
 * @regmap:	register access for the driver
 * @lock:	protects @regs
 * @regs:	the register file
 * @wq:		runs frames, one at a time like the hardware
 * @run:	the frame started by the last write of the enable bit
 * @irq_domain:	provides the interrupt line of @child
 * @virq:	Linux interrupt number of that line
 * @jpeg:	JPEG core state
 */
struct vepu_virt {
	struct platform_device *pdev;
	struct platform_device *child;
	struct regmap *regmap;
	spinlock_t lock;		/* the register file */
	u32 regs[VEPU_VIRT_NUM_REGS];
	struct workqueue_struct *wq;
	struct work_struct run;
	struct irq_domain *irq_domain;
	unsigned int virq;
	struct vepu_jpeg_state jpeg;
};

void *vepu_virt_map(struct vepu_virt *v, u32 addr, size_t len);
u32 vepu_virt_h1_run(struct vepu_virt *v, u32 *regs, enum vepu_virt_fault fault);

#endif /* VEPU_VIRT_H */
