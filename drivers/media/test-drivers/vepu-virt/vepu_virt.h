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

#include "hantro_regs.h"
#include "vepu_virt_run.h"

/**
 * enum vepu_virt_fault - faults the model can inject into the next frame
 * @VEPU_FAULT_NONE:		run normally
 * @VEPU_FAULT_BUFFER_FULL:	report the output buffer as full
 * @VEPU_FAULT_BUS_ERROR:	report a bus error
 * @VEPU_FAULT_LOST_IRQ:	finish but never raise the interrupt
 * @VEPU_FAULT_STALL:		take three minutes before starting the frame, as
 *				a hung bus would, unless a reset stops it first
 */
enum vepu_virt_fault {
	VEPU_FAULT_NONE,
	VEPU_FAULT_BUFFER_FULL,
	VEPU_FAULT_BUS_ERROR,
	VEPU_FAULT_LOST_IRQ,
	VEPU_FAULT_STALL,
};

/**
 * struct vepu_virt_ip - a register set the model implements
 * @name:	child device name, which selects the driver's backend
 * @regmap:	register map the driver sees (callbacks set by the model)
 * @layout:	where each encoding parameter lives (its mode register starts a frame)
 * @enable:	the start bit in the mode register
 * @irq_reg:	interrupt status register
 * @irq_raw:	its "interrupt pending" bit
 * @irq_disable: its "interrupt disabled" bit
 * @status:	its status bit for each enum vepu_virt_result
 * @has_config:	the IP has a read-only configuration register
 * @config_reg:	its offset
 */
struct vepu_virt_ip {
	const char *name;
	const struct regmap_config *regmap;
	const struct hantro_layout *layout;
	u32 enable;
	u32 irq_reg;
	u32 irq_raw;
	u32 irq_disable;
	u32 status[VEPU_NUM_RESULTS];
	bool has_config;
	u16 config_reg;
};

extern const struct vepu_virt_ip vepu_virt_h1;
extern const struct vepu_virt_ip vepu_virt_vepu2;

/**
 * struct vepu_virt - one virtual encoder block
 * @pdev:	the model's own platform device (the parent)
 * @ip:		the register set it implements
 * @child:	the device the hantro-enc driver binds to
 * @regmap:	register access for the driver
 * @lock:	protects @regs, @busy, @resets, @start_resets and @run_resets
 * @regs:	the register file
 * @busy:	a frame is running: the enable bit reads back as set
 * @resets:	writes of the mode register without the enable bit (a reset,
 *		or the first write of the next frame's programming), each
 *		stopping the frame that runs or waits to run
 * @start_resets: @resets when the enable bit was last set: the pending
 *		frame is stopped once @resets moves on
 * @run_resets:	@start_resets of the running frame
 * @wq:		runs frames, one at a time like the hardware
 * @run:	the frame started by the last write of the enable bit
 * @irq_domain:	provides the interrupt line of @child
 * @virq:	Linux interrupt number of that line
 * @jpeg:	JPEG core state
 */
struct vepu_virt {
	struct platform_device *pdev;
	const struct vepu_virt_ip *ip;
	struct platform_device *child;
	struct regmap *regmap;
	spinlock_t lock;		/* the register file and the run state */
	u32 regs[HANTRO_NUM_REGS];
	bool busy;
	unsigned int resets;
	unsigned int start_resets;
	unsigned int run_resets;
	struct workqueue_struct *wq;
	struct work_struct run;
	struct irq_domain *irq_domain;
	unsigned int virq;
	struct vepu_jpeg_state jpeg;
};

int vepu_virt_reg_read(void *ctx, unsigned int reg, unsigned int *val);
int vepu_virt_reg_write(void *ctx, unsigned int reg, unsigned int val);

/*
 * The register map as the driver sees it. It reads its status from hard
 * interrupt context, hence fast_io.
 */
#define VEPU_VIRT_REGMAP(last) (&(const struct regmap_config) {	\
	.name = "vepu-virt",			\
	.reg_bits = 32,				\
	.val_bits = 32,				\
	.reg_stride = 4,			\
	.max_register = (last),			\
	.reg_read = vepu_virt_reg_read,		\
	.reg_write = vepu_virt_reg_write,	\
	.fast_io = true,			\
	.cache_type = REGCACHE_NONE,		\
})

#endif /* VEPU_VIRT_H */
